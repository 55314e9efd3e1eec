import Yams

/// Writes a glossary in the Termlint YAML layout read by `YAMLGlossaryLoader`, deterministically.
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

  /// The document as UTF-8 bytes.
  ///
  /// - Throws: never at present; `throws` leaves room for values the layout cannot hold.
  public static func write(_ g: Glossary) throws -> [UInt8] { Array(string(g).utf8) }

  /// The document as a string.
  public static func string(_ g: Glossary) -> String {
    var out = "# Termlint glossary (YAML). Each concept maps language tags to lists of terms; a plain\n"
    out += "# string is a term with no explicit status. Term keys: text, status, pos, type, case, match, note.\n"
    var languages: [String] = []
    if let source = g.sourceLanguage { languages.append("source: \(scalar(source.value, flow: true))") }
    if let target = g.targetLanguage { languages.append("target: \(scalar(target.value, flow: true))") }
    if !languages.isEmpty { out += "languages: {\(languages.joined(separator: ", "))}\n" }
    if g.concepts.isEmpty { return out + "concepts: []\n" }
    out += "concepts:\n"
    for concept in g.concepts {
      out += "  - id: \(scalar(concept.id))\n"
      if let subject = concept.subjectField { out += "    subject: \(scalar(subject))\n" }
      if let note = concept.note { out += "    note: \(scalar(note))\n" }
      out += "    terms:\n"
      for (language, terms) in grouped(concept.terms) {
        out += "      \(scalar(language.value)):\n"
        for term in terms { out += termLines(term) }
      }
    }
    return out
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

  private static func termLines(_ term: Term) -> String {
    var fields: [(String, String)] = []
    if let status = term.status { fields.append(("status", status.rawValue)) }
    if let pos = term.partOfSpeech { fields.append(("pos", pos)) }
    if let type = term.termType { fields.append(("type", type)) }
    if let sensitive = term.caseSensitive { fields.append(("case", GlossarySupport.caseName(sensitive))) }
    if let mode = term.matchMode { fields.append(("match", mode.rawValue)) }
    if let note = term.note { fields.append(("note", note)) }
    let indent = "        "
    if fields.isEmpty { return indent + "- " + scalar(term.text) + "\n" }
    let all = [("text", term.text)] + fields
    let flow = indent + "- {" + all.map { "\($0.0): \(scalar($0.1, flow: true))" }.joined(separator: ", ") + "}"
    if flow.unicodeScalars.count <= maxFlowWidth && !flow.contains("\\n") { return flow + "\n" }
    var out = indent + "- text: \(scalar(term.text))\n"
    for (key, value) in fields { out += indent + "  \(key): \(scalar(value))\n" }
    return out
  }

  /// A string as a YAML scalar: plain when safe, else double-quoted.
  static func scalar(_ value: String, flow: Bool = false) -> String {
    isPlainSafe(value, flow: flow) ? value : doubleQuoted(value)
  }

  /// Whether `value` written plain reads back as the same string (conservatively).
  static func isPlainSafe(_ value: String, flow: Bool) -> Bool {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if first == " " || first == "\t" || last == " " || last == "\t" || last == ":" { return false }
    for scalar in value.unicodeScalars {
      if !isPrintable(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{FEFF}" { return false }
      if flow && ",[]{}:#".unicodeScalars.contains(scalar) { return false }
    }
    if value.contains(": ") || value.contains(" #") { return false }
    return Resolver.default.resolveTag(of: Node(value)) == .str
  }

  /// YAML's printable set (c-printable) minus U+0085 and the line/paragraph separators.
  private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// A double-quoted scalar with YAML escapes.
  static func doubleQuoted(_ value: String) -> String {
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
