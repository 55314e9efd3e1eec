import TermlintText

/// Writes a glossary as TBX v3, TBX-Basic dialect, DCA style (UTF-8, LF, 2-space indent).
///
/// Round trips through `TBXLoader` are lossless for everything the model holds:
/// - statuses map to `administrativeStatus` (`preferredTerm-admn-sts`, `admittedTerm-admn-sts`,
///   `deprecatedTerm-admn-sts`). TBX-Basic has no value for `forbidden` or `proposed`, so a
///   forbidden term is written `deprecatedTerm-admn-sts` (other tools still flag it) plus
///   `<termNote type="termlint:status">forbidden</termNote>`; a proposed term gets only
///   `termlint:status` (other tools see no status, which is what "unreviewed" means);
/// - `caseSensitivity` and `matchMode` are Termlint `termNote` types;
/// - the concept note becomes one concept-level `<note>`; a term note with line breaks becomes
///   one `<note>` per line (the loader joins them with line breaks);
/// - text that white-space collapsing would change is written with `xml:space="preserve"`
///   (and CR as `&#13;`), so the loader reads it back unchanged.
///
/// The root `xml:lang` is the glossary's source language, else the first term's language.
/// Source and target languages are not otherwise recorded (TBX v3 has no header field for them).
public enum TBXWriter {
  /// The TBX v3 namespace.
  public static let namespace = "urn:iso:std:iso:30042:ed-2"

  /// The document as UTF-8 bytes.
  ///
  /// - Throws: `TermlintError.configuration` when a text holds a character XML 1.0 cannot carry
  ///   (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF).
  public static func write(_ g: Glossary) throws -> [UInt8] { Array(try string(g).utf8) }

  /// The document as a string.
  ///
  /// - Throws: `TermlintError.configuration` as `write` does.
  public static func string(_ g: Glossary) throws -> String {
    try string(g, prolog: nil)
  }

  /// The document as a string; `prolog`, when given, replaces everything up to and including
  /// `</tbxHeader>` (XML declaration, root start tag, header), as `glossary fmt` keeps it.
  ///
  /// - Throws: `TermlintError.configuration` as `write` does.
  public static func string(_ g: Glossary, prolog: String?) throws -> String {
    var out = Output(path: g.path)
    if let prolog {
      out.text = prolog + "\n"
    } else {
      let rootLang = g.sourceLanguage ?? g.concepts.first?.terms.first?.language
      out.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
      out.line(
        0,
        "<tbx xmlns=\"\(namespace)\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"\(try out.attribute(rootLang?.value ?? "en"))\">"
      )
      out.line(1, "<tbxHeader>")
      out.line(2, "<fileDesc>")
      out.line(3, "<sourceDesc>")
      out.line(4, "<p>Written by Termlint.</p>")
      out.line(3, "</sourceDesc>")
      out.line(2, "</fileDesc>")
      out.line(1, "</tbxHeader>")
    }
    out.line(1, "<text>")
    out.line(2, "<body>")
    for concept in g.concepts { try writeConcept(concept, to: &out) }
    out.line(2, "</body>")
    out.line(1, "</text>")
    out.line(0, "</tbx>")
    return out.text
  }

  private static func writeConcept(_ concept: Concept, to out: inout Output) throws {
    out.line(3, "<conceptEntry id=\"\(try out.attribute(concept.id))\">")
    if let subject = concept.subjectField {
      try out.element(4, "descrip", type: "subjectField", subject)
    }
    if let note = concept.note { try out.element(4, "note", note) }
    var index = 0
    let terms = concept.terms
    while index < terms.count {
      let language = terms[index].language
      out.line(4, "<langSec xml:lang=\"\(try out.attribute(language.value))\">")
      while index < terms.count && terms[index].language == language {
        try writeTerm(terms[index], to: &out)
        index += 1
      }
      out.line(4, "</langSec>")
    }
    out.line(3, "</conceptEntry>")
  }

  private static func writeTerm(_ term: Term, to out: inout Output) throws {
    out.line(5, "<termSec>")
    try out.element(6, "term", term.text)
    if let pos = term.partOfSpeech { try out.element(6, "termNote", type: "partOfSpeech", pos) }
    if let type = term.termType { try out.element(6, "termNote", type: "termType", type) }
    switch term.status {
    case .preferred?:
      try out.element(6, "termNote", type: "administrativeStatus", "preferredTerm-admn-sts")
    case .admitted?:
      try out.element(6, "termNote", type: "administrativeStatus", "admittedTerm-admn-sts")
    case .deprecated?:
      try out.element(6, "termNote", type: "administrativeStatus", "deprecatedTerm-admn-sts")
    case .forbidden?:
      try out.element(6, "termNote", type: "administrativeStatus", "deprecatedTerm-admn-sts")
      try out.element(6, "termNote", type: "termlint:status", "forbidden")
    case .proposed?: try out.element(6, "termNote", type: "termlint:status", "proposed")
    case nil: break
    }
    if let sensitive = term.caseSensitive {
      try out.element(6, "termNote", type: "caseSensitivity", GlossarySupport.caseName(sensitive))
    }
    if let mode = term.matchMode {
      try out.element(6, "termNote", type: "matchMode", mode.rawValue)
    }
    if let note = term.note {
      let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.count > 1
        && lines.allSatisfy({ !$0.isEmpty && GlossarySupport.collapseWhitespace($0) == $0 })
      {
        for line in lines { try out.element(6, "note", line) }
      } else {
        try out.element(6, "note", note)
      }
    }
    out.line(5, "</termSec>")
  }
}

// MARK: - Private

/// Accumulates indented lines and escapes text.
private struct Output {
  let path: String?
  var text = ""

  init(path: String?) { self.path = path }

  mutating func line(_ depth: Int, _ content: String) {
    text += String(repeating: "  ", count: depth) + content + "\n"
  }

  /// `<name type="…">text</name>`, with `xml:space="preserve"` when collapsing would change it.
  mutating func element(_ depth: Int, _ name: String, type: String? = nil, _ value: String) throws {
    var open = "<" + name
    if let type { open += " type=\"\(try attribute(type))\"" }
    let preserve = GlossarySupport.collapseWhitespace(value) != value
    if preserve { open += " xml:space=\"preserve\"" }
    line(depth, open + ">" + (try content(value)) + "</\(name)>")
  }

  func unrepresentable(_ scalar: Unicode.Scalar, in value: String) throws -> String {
    throw TermlintError.configuration(
      path,
      "cannot write TBX: '\(value.debugDescription)' contains U+\(String(scalar.value, radix: 16, uppercase: true)), which XML 1.0 cannot represent"
    )
  }

  func content(_ value: String) throws -> String {
    try XMLEscaping.escape(value, attribute: false) { try unrepresentable($0, in: value) }
  }

  func attribute(_ value: String) throws -> String {
    try XMLEscaping.escape(value, attribute: true) { try unrepresentable($0, in: value) }
  }
}
