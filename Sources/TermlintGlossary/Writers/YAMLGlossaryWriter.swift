import TermlintText
import Yams

/// Writes a glossary in the Termlint YAML layout read by `YAMLGlossaryLoader`, deterministically.
///
/// `glossary fmt` passes the comments of the file it rewrites (`YAMLComments`); other callers
/// get a short header comment.
///
/// Terms are grouped under their language tags (first appearance order). A term with only text
/// is a plain list item; others are flow mappings (`{text: …, status: preferred}`) when they fit
/// in 100 columns, block mappings otherwise. Keys come in a fixed order (`text`, `status`, `pos`,
/// `type`, `case`, `match`, `note`). A string is written plain when YAML reads it back as the same
/// string; otherwise double-quoted with escapes (`"yes"`, `"null"`, `"- x"`, `"a: b"`, line breaks
/// as `\n`).
public enum YAMLGlossaryWriter {
  /// The widest flow-mapping line before a term is written as a block mapping.
  static let maxFlowWidth = 100

  /// The comment lines written at the top when no others are given.
  public static let defaultHeader = [
    "# Termlint glossary (YAML). Each concept maps language tags to lists of terms; a plain",
    "# string is a term with no explicit status. Term keys: text, status, pos, type, case, match, note.",
  ]

  /// The document as UTF-8 bytes.
  ///
  /// - Throws: never at present; `throws` leaves room for values the layout cannot hold.
  public static func write(_ g: Glossary) throws -> [UInt8] { Array(string(g).utf8) }

  /// The document as a string, with `comments` placed around the parts they belong to.
  public static func string(_ g: Glossary, comments: YAMLComments = YAMLComments()) -> String {
    var out = Output(comments: comments)
    for line in comments.header ?? defaultHeader { out.raw(line) }
    var languages: [String] = []
    if let source = g.sourceLanguage {
      languages.append("source: \(scalar(source.value, flow: true))")
    }
    if let target = g.targetLanguage {
      languages.append("target: \(scalar(target.value, flow: true))")
    }
    if !languages.isEmpty {
      out.line("languages: {\(languages.joined(separator: ", "))}", owner: .top("languages"))
    }
    if g.concepts.isEmpty {
      out.line("concepts: []", owner: .top("concepts"))
    } else {
      out.line("concepts:", owner: .top("concepts"))
    }
    for concept in g.concepts {
      let id = concept.id
      out.line("  - id: \(scalar(id))", owner: .concept(id), commentIndent: "  ")
      if let subject = concept.subjectField {
        out.line("    subject: \(scalar(subject))", owner: .conceptKey(id, "subject"))
      }
      if let note = concept.note {
        out.line("    note: \(scalar(note))", owner: .conceptKey(id, "note"))
      }
      out.line("    terms:", owner: .conceptKey(id, "terms"))
      var occurrences: [String: Int] = [:]
      for (language, terms) in grouped(concept.terms) {
        out.line("      \(scalar(language.value)):", owner: .language(id, language.value))
        for term in terms {
          let key = language.value + "\u{0}" + term.text
          let occurrence = occurrences[key, default: 0]
          occurrences[key] = occurrence + 1
          let owner = YAMLComments.Owner.term(id, language.value, term.text, occurrence)
          let lines = termLines(term)
          out.line(lines[0], owner: owner)
          for line in lines.dropFirst() { out.raw(line) }
        }
      }
    }
    for line in comments.trailer { out.raw(line) }
    return out.text
  }

  private static func grouped(_ terms: [Term]) -> [(LanguageTag, [Term])] {
    var order: [LanguageTag] = []
    var groups: [LanguageTag: [Term]] = [:]
    for term in terms {
      if groups[term.language] == nil { order.append(term.language) }
      groups[term.language, default: []].append(term)
    }
    return order.map { ($0, groups[$0] ?? []) }
  }

  /// The lines of one term list item (one line for a flow mapping or a plain string).
  private static func termLines(_ term: Term) -> [String] {
    var fields: [(String, String)] = []
    if let status = term.status { fields.append(("status", status.rawValue)) }
    if let pos = term.partOfSpeech { fields.append(("pos", pos)) }
    if let type = term.termType { fields.append(("type", type)) }
    if let sensitive = term.caseSensitive {
      fields.append(("case", GlossarySupport.caseName(sensitive)))
    }
    if let mode = term.matchMode { fields.append(("match", mode.rawValue)) }
    if let note = term.note { fields.append(("note", note)) }
    let indent = "        "
    if fields.isEmpty { return [indent + "- " + scalar(term.text)] }
    let all = [("text", term.text)] + fields
    let flow =
      indent + "- {" + all.map { "\($0.0): \(scalar($0.1, flow: true))" }.joined(separator: ", ")
      + "}"
    if flow.unicodeScalars.count <= maxFlowWidth && !flow.contains("\\n") { return [flow] }
    var lines = [indent + "- text: \(scalar(term.text))"]
    for (key, value) in fields { lines.append(indent + "  \(key): \(scalar(value))") }
    return lines
  }

  /// Accumulates lines, placing comments before and after the lines of their owners.
  private struct Output {
    let comments: YAMLComments
    var text = ""

    init(comments: YAMLComments) { self.comments = comments }

    mutating func raw(_ line: String) { text += line + "\n" }

    /// Writes a line that starts a part, with that part's comments.
    mutating func line(_ content: String, owner: YAMLComments.Owner, commentIndent: String? = nil) {
      let indent = commentIndent ?? String(content.prefix { $0 == " " })
      for comment in comments.before[owner] ?? [] { raw(indent + comment) }
      if let trailing = comments.trailing[owner] {
        raw(content + "  " + trailing)
      } else {
        raw(content)
      }
    }
  }

  /// A string as a YAML scalar: plain when safe, else double-quoted.
  package static func scalar(_ value: String, flow: Bool = false) -> String {
    isPlainSafe(value, flow: flow) ? value : doubleQuoted(value)
  }

  /// Whether `value` written plain reads back as the same string (conservatively).
  static func isPlainSafe(_ value: String, flow: Bool) -> Bool {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else {
      return false
    }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if first == " " || first == "\t" || last == " " || last == "\t" || last == ":" { return false }
    for scalar in value.unicodeScalars {
      if !isPrintable(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t"
        || scalar == "\u{FEFF}"
      {
        return false
      }
      if flow && ",[]{}:#".unicodeScalars.contains(scalar) { return false }
    }
    if value.contains(": ") || value.contains(" #") { return false }
    return Resolver.default.resolveTag(of: Node(value)) == .str
  }

  /// YAML's printable set (c-printable) minus U+0085 and the line/paragraph separators.
  private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFFFD,
      0x10000...0x10FFFF:
      return true
    default: return false
    }
  }

  /// A double-quoted scalar with YAML escapes.
  package static func doubleQuoted(_ value: String) -> String {
    var out = "\""
    for s in value.unicodeScalars {
      switch s {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\0": out += "\\0"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      default:
        if isPrintable(s) && s != "\u{FEFF}" {
          out.unicodeScalars.append(s)
        } else if s.value <= 0xFF {
          out += "\\x" + hex(s.value, width: 2)
        } else if s.value <= 0xFFFF {
          out += "\\u" + hex(s.value, width: 4)
        } else {
          out += "\\U" + hex(s.value, width: 8)
        }
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// Comments to write around the parts of a YAML glossary, as `glossary fmt` keeps them.
///
/// Each comment is the text from its `#` to the end of its line. A comment belongs to an
/// owner: a top-level key, a concept, a concept key (`subject`, `note`, `terms`), a language of
/// a concept, or a term (by its text and its occurrence among equal texts of that language).
public struct YAMLComments: Sendable, Equatable {
  /// What a comment is attached to.
  public enum Owner: Hashable, Sendable {
    /// `languages` or `concepts`.
    case top(String)
    /// A concept, by id.
    case concept(String)
    /// A key of a concept (`subject`, `note`, `terms`), by concept id and key.
    case conceptKey(String, String)
    /// A language list of a concept, by concept id and canonical tag.
    case language(String, String)
    /// A term, by concept id, canonical tag, text, and occurrence among equal texts (from 0).
    case term(String, String, String, Int)
  }

  /// Comment lines at the top of the file; nil writes the default header.
  public var header: [String]?
  /// Full-line comments written before their owner's first line (indented like it).
  public var before: [Owner: [String]]
  /// A comment written at the end of its owner's first line.
  public var trailing: [Owner: String]
  /// Comment lines at the end of the file.
  public var trailer: [String]

  /// Creates a set of comments.
  public init(
    header: [String]? = nil, before: [Owner: [String]] = [:], trailing: [Owner: String] = [:],
    trailer: [String] = []
  ) {
    self.header = header
    self.before = before
    self.trailing = trailing
    self.trailer = trailer
  }
}
