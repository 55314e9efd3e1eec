import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Loads TBX termbases: TBX v2 (`martif` / `termEntry` / `langSet` / `tig` or `ntig`), TBX v3
/// (`tbx` / `conceptEntry` / `langSec` / `termSec`) in DCA and DCT style, and TBX-Min 2013
/// (`TBX` / `conceptEntry` / `langGroup` / `termGroup`).
///
/// What is read:
/// - concept id from `id`; generated as `c<position>` when absent, and suffixed (`1-2`) when the
///   id was already used (Weblate exports repeat `id="1"`), so ids are unique in the result;
/// - subject field: `descrip type="subjectField"` / `<min:subjectField>` on the concept, else
///   the first one on a language section;
/// - concept note: the first `note`, untyped `descrip`, or definition on the concept, else the
///   first of those on a language section (producers disagree on the level: the LTAC DCA and
///   DCT astronomy samples put the same `G-Source` note on the language and on the concept);
/// - per term: text (white space collapsed unless `xml:space="preserve"`), language (inherited
///   `xml:lang`), status from `administrativeStatus`, `normativeAuthorization`, `usageStatus`
///   or `termStatus` (mapped with `TermStatus.parse`), `partOfSpeech`, `termType`, the Termlint
///   extensions `caseSensitivity` (`sensitive`/`insensitive`), `matchMode` (`stem`/`exact`) and
///   `termlint:status` (exact status, overrides the others), and every `note` (joined by newlines).
///   DCA categories come from `@type`; DCT ones from the element's local name, valued by its text
///   or its `value` attribute.
///
/// Loading is lenient about content, strict about XML: an unknown status (or case or match)
/// value keeps the term with no status; a part of speech outside the TBX picklist is kept as
/// written; a term with a missing or invalid language is skipped;
/// a concept left without terms is dropped; a second `<term>` in one term section is ignored.
/// Each of these is reported by `loadReportingIssues` for `glossary check`, not thrown.
/// Not-well-formed XML, external or expanding entities (see `XMLEntityGuard`) and a root that
/// is not a TBX root throw `TermlintError.configuration`.
///
/// Terms are grouped by language within a concept (order kept within each language). Line
/// numbers are where the parser reports the start tag, i.e. the line of its closing `>`.
public enum TBXLoader {
  /// Loads a TBX document from its raw bytes (any encoding the XML declaration or BOM names).
  ///
  /// - Throws: `TermlintError.configuration` for XML that is not well-formed or not TBX.
  public static func load(bytes: [UInt8], path: String) throws -> Glossary {
    try loadReportingIssues(bytes: bytes, path: path).glossary
  }

  /// Loads a TBX document and returns what was skipped or not understood.
  ///
  /// - Throws: `TermlintError.configuration` for XML that is not well-formed or not TBX.
  public static func loadReportingIssues(bytes: [UInt8], path: String) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    try parse(bytes: bytes, path: path, guardEntities: true)
  }

  /// The parse itself; `guardEntities: false` exists only so tests can check that the XML
  /// parser's own configuration never resolves external entities either.
  static func parse(bytes: [UInt8], path: String, guardEntities: Bool) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    if guardEntities { try XMLEntityGuard.check(bytes, path: path) }
    guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
      throw TermlintError.configuration(path, "empty file (expected a TBX document)")
    }
    let parser: XMLParser
    do {
      parser = try XMLParser.streaming(bytes, path: path)
    } catch let error as TermlintError {
      // A glossary that cannot be decoded is a configuration problem, like one that does not parse.
      throw TermlintError(.configuration, file: error.file, line: error.line, column: error.column, error.reason)
    }
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    let handler = TBXHandler(path: path)
    parser.delegate = handler
    let finished = parser.parse()
    if let error = handler.firstError {
      throw TermlintError.configuration(path, line: error.line, column: error.column, "not well-formed XML: \(xmlErrorDescription(error.code))")
    }
    if !finished {
      let code = (parser.parserError as NSError?)?.code ?? 1
      throw TermlintError.configuration(
        path, line: parser.lineNumber, column: parser.columnNumber, "not well-formed XML: \(xmlErrorDescription(code))")
    }
    guard let root = handler.rootName else { throw TermlintError.configuration(path, "empty document (expected a TBX document)") }
    guard ["martif", "tbx", "TBX"].contains(root) else {
      throw TermlintError.configuration(
        path, line: 1, "not a TBX document: the root element is <\(root)>, expected <tbx>, <martif> or <TBX>")
    }
    if handler.sawReplacementCharacter && !containsReplacementCharacterBytes(bytes) {
      throw TermlintError.input(path, "text could not be decoded from the encoding the file declares (U+FFFD appeared); convert the file to UTF-8")
    }
    return (handler.makeGlossary(), handler.issues)
  }

  /// Whether the raw bytes hold an encoded U+FFFD (EF BF BD in UTF-8, FFFD in UTF-16).
  private static func containsReplacementCharacterBytes(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2 else { return false }
    for i in 0..<(bytes.count - 1) {
      if bytes[i] == 0xFF && bytes[i + 1] == 0xFD || bytes[i] == 0xFD && bytes[i + 1] == 0xFF { return true }
      if i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
    }
    return false
  }

  /// A readable reason for an `XMLParser.ErrorCode` raw value.
  static func xmlErrorDescription(_ code: Int) -> String {
    switch code {
    case 4: return "the document is empty"
    case 5: return "unexpected end of document (an element is not closed)"
    case 9: return "invalid character (control character, or bytes that do not match the declared encoding)"
    case 23, 25: return "an entity or character reference is missing its ';'"
    case 26: return "undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references are known)"
    case 31, 32, 79, 81: return "unsupported or unknown encoding in the XML declaration"
    case 38: return "'<' is not allowed in an attribute value"
    case 39, 40, 41: return "malformed attribute value (missing quotes?)"
    case 42: return "an attribute is given twice"
    case 45: return "a comment is not closed"
    case 61: return "malformed DOCTYPE declaration"
    case 63: return "a CDATA section is not closed"
    case 64: return "the XML declaration is not at the very start of the file"
    case 68: return "a name was expected (stray '<' or '&'?)"
    case 73: return "'>' expected"
    case 76: return "mismatched tag (an end tag does not match the open element; a tag is missing)"
    case 77: return "unfinished tag"
    case 85: return "the document is not well balanced"
    case 86: return "extra content at the end of the document (more than one root element?)"
    case 89: return "entity reference loop or excessive entity expansion"
    case 111: return "the document is not well-formed"
    default: return "XML parser error \(code)"
    }
  }
}

// MARK: - Private

/// The SAX delegate: builds concepts as elements stream past.
private final class TBXHandler: NSObject, XMLParserDelegate {
  let path: String
  var issues: [GlossaryLoadIssue] = []
  var firstError: (code: Int, line: Int, column: Int)?
  var rootName: String?
  var sawReplacementCharacter = false

  private struct Frame {
    var name: String
    var lang: String?
    var preserve: Bool
  }

  private struct TermDraft {
    var text: String?
    var langRaw: String?
    var line: Int?
    var column: Int?
    var sectionLine: Int?
    var status: TermStatus?
    var termlintStatus: TermStatus?
    var statusSeen = false
    var pos: String?
    var type: String?
    var caseSensitive: Bool?
    var match: MatchMode?
    var notes: [String] = []
  }

  private struct ConceptDraft {
    var id: String?
    var line: Int
    var subject: String?
    var languageSubject: String?
    var note: String?
    var languageNote: String?
    var terms: [Term] = []
  }

  private enum CaptureKind {
    case termText
    case category(String)
    case note
  }

  private struct Capture {
    var kind: CaptureKind
    var depth: Int
    var line: Int
    var preserve: Bool
    var text = ""
  }

  private var stack: [Frame] = []
  private var concept: ConceptDraft?
  private var conceptCount = 0
  private var finished: [(draft: ConceptDraft, ordinal: Int)] = []
  private var langDepth: Int?
  private var term: TermDraft?
  private var termDepth: Int?
  private var capture: Capture?
  private var sourceLanguage: LanguageTag?
  private var targetLanguage: LanguageTag?
  private var memo = LoaderMemo()

  private static let statusCategories: Set<String> = ["administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus"]
  private static let dctCategories: Set<String> = statusCategories.union([
    "partOfSpeech", "termType", "subjectField", "definition", "caseSensitivity", "matchMode",
  ])
  private static let partsOfSpeech: Set<String> = ["noun", "verb", "adjective", "adverb", "properNoun", "other"]
  // NOTE: element names are tested with `switch` (short strings compare without hashing): a
  // Set lookup per element and kind was 5 % of loading a large TBX.
  private static func isConceptElement(_ name: String) -> Bool {
    switch name {
    case "termEntry", "conceptEntry": return true
    default: return false
    }
  }
  private static func isLanguageElement(_ name: String) -> Bool {
    switch name {
    case "langSet", "langSec", "langGroup": return true
    default: return false
    }
  }
  private static func isTermElement(_ name: String) -> Bool {
    switch name {
    case "tig", "ntig", "termSec", "termGroup": return true
    default: return false
    }
  }

  init(path: String) { self.path = path }

  private func issue(_ line: Int?, _ message: String, kind: GlossaryLoadIssue.Kind = .skipped, value: String? = nil) {
    issues.append(GlossaryLoadIssue(file: path, line: line, message, kind: kind, value: value))
  }

  // MARK: XMLParserDelegate

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    let name = elementName
    let line = parser.lineNumber
    if rootName == nil { rootName = name }
    let parent = stack.last
    var frame = Frame(name: name, lang: parent?.lang, preserve: parent?.preserve ?? false)
    if let lang = attributeDict["xml:lang"] { frame.lang = lang }
    switch attributeDict["xml:space"] {
    case "preserve": frame.preserve = true
    case "default": frame.preserve = false
    default: break
    }
    stack.append(frame)
    let depth = stack.count
    if capture != nil { return }  // markup inside captured text (e.g. <hi>) adds only its text

    if TBXHandler.isConceptElement(name) {
      if let open = concept {
        if term != nil { finishTerm() }
        finishConcept(open)
      }
      conceptCount += 1
      let id = attributeDict["id"]?.trimmedForGlossary
      concept = ConceptDraft(id: id?.isEmpty == false ? id : nil, line: line)
      langDepth = nil
      term = nil
      termDepth = nil
    } else if concept != nil && TBXHandler.isLanguageElement(name) {
      langDepth = depth
    } else if concept != nil && TBXHandler.isTermElement(name) {
      if term != nil { finishTerm() }
      term = TermDraft()
      term?.sectionLine = line
      termDepth = depth
    } else if name == "term" {
      guard concept != nil else { return }
      if term == nil {
        issue(line, "<term> outside a term section ignored")
        return
      }
      if term?.text != nil || term?.line != nil {
        issue(line, "second <term> in one term section ignored")
        return
      }
      term?.line = line
      term?.column = parser.columnNumber > 0 ? parser.columnNumber : nil
      term?.langRaw = frame.lang
      capture = Capture(kind: .termText, depth: depth, line: line, preserve: frame.preserve)
    } else if name == "note" || (name == "descrip" && (attributeDict["type"] ?? "").isEmpty) {
      if concept != nil { capture = Capture(kind: .note, depth: depth, line: line, preserve: frame.preserve) }
    } else if name == "termNote" || name == "descrip" || name == "admin" {
      if concept != nil, let type = attributeDict["type"] {
        capture = Capture(kind: .category(type.trimmedOfSpaces), depth: depth, line: line, preserve: frame.preserve)
      }
    } else if TBXHandler.dctCategories.contains(name) {
      guard concept != nil else { return }
      if let value = attributeDict["value"] {
        apply(category: name, value: normalize(value, preserve: frame.preserve), line: line)
      } else {
        capture = Capture(kind: .category(name), depth: depth, line: line, preserve: frame.preserve)
      }
    } else if name == "languages" && concept == nil {
      sourceLanguage = attributeDict["source"].flatMap(LanguageTag.init)
      targetLanguage = attributeDict["target"].flatMap(LanguageTag.init)
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    let depth = stack.count
    defer { stack.removeLast() }
    if let open = capture {
      guard open.depth == depth else { return }
      capture = nil
      let value = normalize(open.text, preserve: open.preserve)
      switch open.kind {
      case .termText:
        // NOTE: a scalar test, not Foundation's `contains` (a locale-aware search, 13 % of a large load).
        if value.unicodeScalars.contains("\u{FFFD}") { sawReplacementCharacter = true }
        term?.text = value
      case .note:
        if !value.isEmpty { applyNote(value) }
      case .category(let category):
        apply(category: category, value: value, line: open.line)
      }
      return
    }
    if let termDepth, termDepth == depth {
      finishTerm()
    } else if let langDepth, langDepth == depth {
      if term != nil { finishTerm() }
      self.langDepth = nil
    } else if TBXHandler.isConceptElement(elementName), let open = concept {
      if term != nil { finishTerm() }
      finishConcept(open)
      concept = nil
      langDepth = nil
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if capture != nil { capture?.text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    if capture != nil { capture?.text += String(decoding: CDATABlock, as: UTF8.self) }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    guard firstError == nil else { return }
    firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
    parser.abortParsing()
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

  // MARK: Building

  private func normalize(_ text: String, preserve: Bool) -> String {
    preserve ? text : GlossarySupport.collapseWhitespace(text)
  }

  private func applyNote(_ value: String) {
    if term != nil {
      term?.notes.append(value)
    } else if langDepth == nil {
      if concept?.note == nil { concept?.note = value }
    } else if concept?.languageNote == nil {
      concept?.languageNote = value
    }
  }

  private func apply(category: String, value: String, line: Int) {
    guard concept != nil, !value.isEmpty else { return }
    if term != nil {
      applyTermCategory(category, value: value, line: line)
    } else if langDepth != nil {
      if category == "subjectField" && concept?.languageSubject == nil { concept?.languageSubject = value }
      if category == "definition" && concept?.languageNote == nil { concept?.languageNote = value }
    } else {
      if category == "subjectField" && concept?.subject == nil { concept?.subject = value }
      if category == "definition" && concept?.note == nil { concept?.note = value }
    }
  }

  private func applyTermCategory(_ category: String, value: String, line: Int) {
    switch category {
    case _ where TBXHandler.statusCategories.contains(category):
      guard term?.statusSeen == false else { return }
      term?.statusSeen = true
      if let status = memo.status(value) {
        term?.status = status
      } else {
        issue(line, "unknown \(category) '\(value)'; the term is kept without a status", kind: .unknownStatus, value: value)
      }
    case "termlint:status":
      if let status = TermStatus(rawValue: value) ?? memo.status(value) {
        term?.termlintStatus = status
      } else {
        issue(line, "unknown termlint:status '\(value)' (expected \(GlossarySupport.statusList))", kind: .unknownStatus, value: value)
      }
    case "partOfSpeech":
      guard term?.pos == nil else { return }
      term?.pos = value
      if !TBXHandler.partsOfSpeech.contains(value) {
        issue(
          line, "partOfSpeech '\(value)' is not a TBX value (\(TBXHandler.partsOfSpeech.sorted().joined(separator: ", "))); kept as written",
          kind: .invalidValue, value: value)
      }
    case "termType":
      if term?.type == nil { term?.type = value }
    case "caseSensitivity":
      if let sensitive = GlossarySupport.parseCase(value) {
        term?.caseSensitive = sensitive
      } else {
        issue(line, "unknown caseSensitivity '\(value)' (expected sensitive or insensitive); ignored", kind: .invalidValue, value: value)
      }
    case "matchMode":
      if let mode = GlossarySupport.parseMatch(value) {
        term?.match = mode
      } else {
        issue(line, "unknown matchMode '\(value)' (expected stem or exact); ignored", kind: .invalidValue, value: value)
      }
    default:
      break
    }
  }

  private func finishTerm() {
    defer {
      term = nil
      termDepth = nil
    }
    guard let draft = term, concept != nil else { return }
    guard let text = draft.text, !text.isEmpty else {
      issue(draft.line ?? draft.sectionLine, draft.line == nil ? "term section without <term> ignored" : "empty <term> ignored", kind: .emptyTerm)
      return
    }
    guard let raw = draft.langRaw else {
      issue(draft.line, "term '\(text)' skipped: no xml:lang in scope", kind: .invalidLanguageTag, value: text)
      return
    }
    guard let language = memo.languageTag(raw) else {
      issue(draft.line, "term '\(text)' skipped: invalid language tag '\(raw)'", kind: .invalidLanguageTag, value: raw)
      return
    }
    if language.value != raw {
      issue(
        draft.line, "language tag '\(raw)' is not in canonical BCP 47 form; write '\(language.value)'",
        kind: .languageTagSpelling, value: raw)
    }
    let note = draft.notes.isEmpty ? nil : draft.notes.joined(separator: "\n")
    concept?.terms.append(
      Term(
        text, language: language, status: draft.termlintStatus ?? draft.status, partOfSpeech: draft.pos,
        termType: draft.type, caseSensitive: draft.caseSensitive, matchMode: draft.match, note: note, line: draft.line,
        column: draft.column))
  }

  private func finishConcept(_ draft: ConceptDraft) {
    finished.append((draft, conceptCount))
  }

  func makeGlossary() -> Glossary {
    if let open = concept {
      if term != nil { finishTerm() }
      finishConcept(open)
      concept = nil
    }
    // Explicit ids are reserved first; a repeated id and a missing one get a fresh id.
    var used: [String: Int] = [:]
    for (draft, _) in finished {
      if let id = draft.id, used[id] == nil { used[id] = draft.line }
    }
    var explicitTaken: Set<String> = []
    var concepts: [Concept] = []
    for (draft, ordinal) in finished {
      var id: String
      if let explicit = draft.id, explicitTaken.insert(explicit).inserted {
        id = explicit
      } else {
        let base = draft.id ?? "c\(ordinal)"
        id = base
        var suffix = 2
        while used[id] != nil {
          id = "\(base)-\(suffix)"
          suffix += 1
        }
        used[id] = draft.line
        if let explicit = draft.id {
          issue(
            draft.line, "concept id '\(explicit)' is also used at line \(used[explicit] ?? 0); renamed '\(id)'",
            kind: .duplicateID, value: explicit)
        }
      }
      guard !draft.terms.isEmpty else {
        issue(draft.line, "concept '\(id)' has no usable terms and is skipped")
        continue
      }
      concepts.append(
        Concept(
          id: id, subjectField: draft.subject ?? draft.languageSubject, note: draft.note ?? draft.languageNote,
          terms: GlossarySupport.groupedByLanguage(draft.terms), line: draft.line))
    }
    return Glossary(concepts: concepts, path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
  }
}
