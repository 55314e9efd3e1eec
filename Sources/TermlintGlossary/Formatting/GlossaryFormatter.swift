import Foundation
import TermlintText

/// Rewrites a glossary file in its canonical, diff-friendly form (`termlint glossary fmt`).
///
/// The canonical form:
/// - concepts sorted by their source term (the preferred one, else the first) with ICU
///   collation for the source language (Russian alphabetical order for Russian), then by id;
///   concepts without a source-language term come last, sorted by their first term;
/// - within a concept, the source language first, then the declared target language, then the
///   others by tag; within a language preferred, admitted (or no status), deprecated, forbidden,
///   proposed — terms of equal status keep their order, so the term `lint` suggests is the same;
/// - every text in NFC; terms and subject fields trimmed, with runs of white space as one space;
///   notes trimmed at the ends and at each line end;
/// - the writer's stable quoting for the format;
/// - kept from the file: the byte order mark, the encoding (UTF-8 or UTF-16) and the line ends
///   (LF, CRLF or CR; a file with mixed line ends gets LF); CSV comment lines before the header
///   row and the file's columns; YAML comments (see `YAMLCommentExtractor`); the TBX prolog,
///   root element and header.
///
/// Formatting is idempotent. It never drops data: a TBX file holding anything the model does not
/// (transactions, contexts, other data categories, comments in the body), or written as TBX v2,
/// TBX-Min 2013 or in DCT style, is refused with the reason; `glossary convert` writes such a
/// file into a new one deliberately.
public enum GlossaryFormatter {
  /// Returns the canonical bytes for a glossary file's bytes.
  ///
  /// - Parameters:
  ///   - bytes: the file as read.
  ///   - path: the file's path, for messages.
  ///   - format: its format.
  ///   - sourceLanguage: the language to sort by; nil: the glossary's declared source language,
  ///     else the language most concepts list first.
  /// - Throws: `TermlintError` when the file cannot be read, is not a valid glossary, or holds
  ///   what formatting would lose.
  public static func format(
    bytes: [UInt8], path: String, format: GlossaryFormat, sourceLanguage: LanguageTag? = nil
  ) throws -> [UInt8] {
    if format == .xlsx {
      throw TermlintError.configuration(
        path,
        "fmt does not rewrite workbooks; use 'termlint glossary convert' to write the sheet as .tbx, .csv or .yaml"
      )
    }
    let file = try SourceFile(path: path, bytes: bytes)
    let text = file.text
    if format == .csv || format == .tsv {
      try checkOwnLayout(text, path: path, delimiter: format == .tsv ? "\t" : ",")
    }
    let loaded = try GlossaryIO.load(bytes: bytes, path: path, format: format)
    let glossary = try canonical(loaded, sourceLanguage: sourceLanguage)
    var output: String
    switch format {
    case .csv, .tsv:
      let (comments, columns) = try csvPreamble(
        text, path: path, delimiter: format == .tsv ? "\t" : ",")
      output = CSVGlossaryWriter.string(
        glossary, delimiter: format == .tsv ? "\t" : ",", comments: comments, keepColumns: columns)
    case .yaml:
      let comments = try YAMLCommentExtractor.extract(
        text, path: path, canonicalText: canonicalTermText)
      output = YAMLGlossaryWriter.string(glossary, comments: comments)
    case .tbx:
      output = try TBXWriter.string(
        glossary, prolog: try tbxProlog(bytes: bytes, text: text, path: path))
    case .xlsx:
      preconditionFailure("refused above")
    }
    return try encode(output, like: file)
  }

  /// fmt rewrites sheets in Termlint's own layout only: another shape (a column per language)
  /// or columns the layout does not know (kept as notes when loading) would change the file's
  /// columns.
  private static func checkOwnLayout(_ text: String, path: String, delimiter: Unicode.Scalar) throws
  {
    var reader = DelimitedTextReader(text: text, delimiter: delimiter, path: path)
    guard let header = try reader.nextRow() else { return }
    let hint = "use 'termlint glossary convert' to write it as a new file in Termlint's layout"
    guard CSVGlossaryLoader.isOwnLayout(header) else {
      throw TermlintError.configuration(
        path, line: header.line,
        "fmt rewrites sheets in Termlint's layout only (concept, lang, term …), and this one has other columns; \(hint)"
      )
    }
    if let cell = header.cells.first(where: {
      !CSVGlossaryLoader.knownColumns.contains($0.value.trimmedForGlossary.lowercased())
    }) {
      throw TermlintError.configuration(
        path, line: cell.line, column: cell.column,
        "fmt would move column '\(cell.value)' into the notes (it is not one of Termlint's columns); rename or remove it, or \(hint)"
      )
    }
  }

  /// The glossary in canonical order with canonical text (see the type's documentation).
  ///
  /// - Throws: `ICUError` when ICU cannot open a collator.
  public static func canonical(_ g: Glossary, sourceLanguage: LanguageTag? = nil) throws -> Glossary
  {
    let source = sourceLanguage ?? g.sourceLanguage ?? inferredSourceLanguage(g)
    let collator = try Collator(language: source)
    var result = g
    result.concepts = g.concepts.map {
      canonicalConcept($0, source: source, target: g.targetLanguage)
    }
    struct Key {
      var hasSource: Bool
      var term: [UInt8]
      var id: [UInt8]
      var index: Int
    }
    let keys = result.concepts.enumerated().map { index, concept -> Key in
      let sourceTerm = source.flatMap {
        concept.preferredTerm(in: $0) ?? concept.terms(in: $0).first
      }
      let text = sourceTerm?.text ?? concept.terms.first?.text ?? ""
      return Key(
        hasSource: sourceTerm != nil, term: collator.sortKey(text),
        id: collator.sortKey(concept.id), index: index)
    }
    let order = keys.sorted { a, b in
      if a.hasSource != b.hasSource { return a.hasSource }
      if a.term != b.term { return a.term.lexicographicallyPrecedes(b.term) }
      if a.id != b.id { return a.id.lexicographicallyPrecedes(b.id) }
      return a.index < b.index
    }
    result.concepts = order.map { result.concepts[$0.index] }
    return result
  }

  /// The language most concepts list first (on a tie, the one seen first); nil for no terms.
  public static func inferredSourceLanguage(_ g: Glossary) -> LanguageTag? {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for concept in g.concepts {
      guard let first = concept.terms.first?.language.language else { continue }
      if counts[first] == nil { order.append(first) }
      counts[first, default: 0] += 1
    }
    var best: String?
    for language in order
    where best == nil || counts[language, default: 0] > counts[best!, default: 0] {
      best = language
    }
    return best.flatMap(LanguageTag.init)
  }

  /// A term's text as `fmt` writes it: NFC, trimmed, white-space runs as one space.
  public static func canonicalTermText(_ text: String) -> String {
    TextInspection.normalizedWhitespace(Normalizer.nfc.normalize(text))
  }

  // MARK: - Private

  private static func canonicalConcept(
    _ concept: Concept, source: LanguageTag?, target: LanguageTag?
  ) -> Concept {
    var c = concept
    c.subjectField = concept.subjectField.map(canonicalTermText)
    c.note = concept.note.map(canonicalNote)
    let terms = concept.terms.map { term -> Term in
      var t = term
      t.text = canonicalTermText(term.text)
      t.note = term.note.map(canonicalNote)
      t.partOfSpeech = term.partOfSpeech.map(canonicalTermText)
      t.termType = term.termType.map(canonicalTermText)
      return t
    }
    func languageRank(_ tag: LanguageTag) -> Int {
      if let source, tag.matches(source) { return 0 }
      if let target, tag.matches(target) { return 1 }
      return 2
    }
    func statusRank(_ status: TermStatus?) -> Int {
      switch status {
      case .preferred?: return 0
      case .admitted?, nil: return 1
      case .deprecated?: return 2
      case .forbidden?: return 3
      case .proposed?: return 4
      }
    }
    c.terms = terms.enumerated().sorted { x, y in
      let a = x.element
      let b = y.element
      let la = languageRank(a.language)
      let lb = languageRank(b.language)
      if la != lb { return la < lb }
      if a.language.value != b.language.value { return a.language.value < b.language.value }
      let sa = statusRank(a.status)
      let sb = statusRank(b.status)
      if sa != sb { return sa < sb }
      return x.offset < y.offset
    }.map(\.element)
    return c
  }

  /// NFC, line ends as LF, each line's trailing white space and the ends trimmed.
  private static func canonicalNote(_ note: String) -> String {
    let lines = Normalizer.nfc.normalize(note).replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { line -> String in
        var s = Substring(line)
        while let last = s.unicodeScalars.last, TextInspection.isWhitespace(last) {
          s = Substring(s.unicodeScalars.dropLast())
        }
        return String(s)
      }
    return lines.joined(separator: "\n").trimmedForGlossary
  }

  /// The comment lines before a CSV header row and the header's column names.
  private static func csvPreamble(_ text: String, path: String, delimiter: Unicode.Scalar) throws
    -> ([String], [String])
  {
    var reader = DelimitedTextReader(text: text, delimiter: delimiter, path: path)
    guard let header = try reader.nextRow() else { return ([], []) }
    var comments: [String] = []
    var lineNumber = 1
    for line in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    ) {
      guard lineNumber < header.line else { break }
      var s = Substring(line)
      if lineNumber == 1, s.unicodeScalars.first == "\u{FEFF}" {
        s = Substring(s.unicodeScalars.dropFirst())
      }
      let trimmed = s.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("#") { comments.append(trimmed) }
      lineNumber += 1
    }
    let columns = header.cells.map { $0.value.trimmedForGlossary.lowercased() }
    return (comments, columns)
  }

  /// Everything up to and including `</tbxHeader>`, after checking that rewriting the body
  /// loses nothing.
  private static func tbxProlog(bytes: [UInt8], text: String, path: String) throws -> String {
    guard let inventory = TBXInventory.scan(bytes) else {
      throw TermlintError.configuration(path, "not well-formed XML")
    }
    let convertHint = "use 'termlint glossary convert' to write it as a new file in Termlint's form"
    guard inventory.root == "tbx", inventory.namespace == TBXWriter.namespace else {
      throw TermlintError.configuration(
        path,
        "fmt rewrites TBX v3 files only (this one is <\(inventory.root)>, TBX v2 or TBX-Min 2013); \(convertHint)"
      )
    }
    if let style = inventory.style, style.lowercased() != "dca" {
      throw TermlintError.configuration(
        path, "fmt writes the DCA style and this file declares style=\"\(style)\"; \(convertHint)")
    }
    // A language tag spelled `en_us` is written `en-US`; anything else the loader skipped or
    // renamed would be lost.
    let issues = try TBXLoader.loadReportingIssues(bytes: bytes, path: path).issues.filter {
      $0.kind != .languageTagSpelling
    }
    if let first = issues.first {
      throw TermlintError.configuration(
        path, line: first.line,
        "fmt would drop or change what the TBX loader skipped (\(first.message)); fix the file first ('termlint glossary check' lists every such place)"
      )
    }
    if !inventory.dropped.isEmpty {
      throw TermlintError.configuration(
        path, line: inventory.dropped[0].line,
        "fmt would lose what Termlint's model does not hold: \(TBXInventory.describe(inventory.dropped)); keep formatting such files with the tool that made them, or \(convertHint)"
      )
    }
    if !inventory.rewritten.isEmpty {
      throw TermlintError.configuration(
        path, line: inventory.rewritten[0].line,
        "fmt would change markup Termlint does not write: \(TBXInventory.describe(inventory.rewritten)); \(convertHint)"
      )
    }
    guard let prolog = tbxHeader(text) else {
      throw TermlintError.configuration(
        path, "no <tbxHeader> found; TBX v3 requires one before <text>")
    }
    return prolog
  }

  /// A TBX v3 text up to and including `</tbxHeader>` (LF line ends, no byte order mark).
  static func tbxHeader(_ text: String) -> String? {
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
    guard unified.contains("<tbx") else { return nil }
    for marker in ["</tbxHeader>", "<tbxHeader/>"] {
      if let range = unified.range(of: marker) {
        var prolog = String(unified[..<range.upperBound])
        if prolog.unicodeScalars.first == "\u{FEFF}" {
          prolog = String(prolog.unicodeScalars.dropFirst())
        }
        return prolog
      }
    }
    return nil
  }

  /// A glossary written in a format with the header of an existing file of that format: its
  /// CSV comment lines, its YAML header comments, or its TBX prolog and header; and its
  /// encoding, byte order mark and line ends. Used by `glossary convert --keep-header`.
  ///
  /// - Throws: `TermlintError` when the existing file cannot be decoded or the glossary cannot
  ///   be written in the format.
  static func write(
    _ glossary: Glossary, format: GlossaryFormat, keepingHeaderOf existing: [UInt8], path: String
  ) throws -> [UInt8] {
    let file = try SourceFile(path: path, bytes: existing)
    let text = file.text
    let output: String
    switch format {
    case .csv, .tsv:
      let (comments, columns) =
        (try? csvPreamble(text, path: path, delimiter: format == .tsv ? "\t" : ",")) ?? ([], [])
      output = CSVGlossaryWriter.string(
        glossary, delimiter: format == .tsv ? "\t" : ",", comments: comments,
        keepColumns: columns.filter { CSVGlossaryLoader.knownColumns.contains($0) })
    case .yaml:
      let header = YAMLCommentExtractor.scan(text).prefix { !$0.hasContent }.compactMap(\.comment)
      output = YAMLGlossaryWriter.string(glossary, comments: YAMLComments(header: header))
    case .tbx:
      output = try TBXWriter.string(glossary, prolog: tbxHeader(text))
    case .xlsx:
      return try GlossaryIO.write(glossary, format: .xlsx)
    }
    return try encode(output, like: file)
  }

  /// Text encoded as the original file was: same encoding, byte order mark and line ends.
  static func encode(_ text: String, like file: SourceFile) throws -> [UInt8] {
    var body = text
    switch file.lineEnding {
    case .crlf: body = body.replacingOccurrences(of: "\n", with: "\r\n")
    case .cr: body = body.replacingOccurrences(of: "\n", with: "\r")
    case .lf, .mixed, .none: break
    }
    guard let bytes = file.encoded(utf16: Array(body.utf16)) else {
      throw TermlintError.input(
        file.path, "cannot write \(file.encoding.rawValue); convert the file to UTF-8 first")
    }
    return bytes
  }

}
