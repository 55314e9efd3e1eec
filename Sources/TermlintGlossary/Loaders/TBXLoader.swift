import Foundation
import TermlintText

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
///
/// Two readers feed one `TBXBuilder`: `TBXFastReader`, a byte-level reader for well-formed
/// UTF-8 TBX, and FoundationXML's `XMLParser` (libxml2) for everything the fast reader gives
/// up on — other encodings, DTD subsets, anything malformed — so results, issues and error
/// messages are the same whichever reads a file (`TBXFastReaderTests` and the fuzz harness
/// compare them).
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
  /// parser's own configuration never resolves external entities either (it also turns the
  /// fast path off), and `fastPath: false` only so tests can compare the two paths.
  static func parse(
    bytes: [UInt8], path: String, guardEntities: Bool, fastPath: Bool = true
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    if guardEntities { try XMLEntityGuard.check(bytes, path: path) }
    guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
      throw TermlintError.configuration(path, "empty file (expected a TBX document)")
    }
    // The fast path reads only well-formed UTF-8 TBX it fully understands and gives up (nil) on
    // anything else, which then goes through FoundationXML below for today's results and errors.
    if guardEntities && fastPath, let result = TBXFastReader.read(bytes, path: path) { return result }
    return try parseGeneral(bytes: bytes, path: path)
  }

  /// The general path: FoundationXML's `XMLParser` (libxml2) over `XMLEntityGuard.utf8Document`.
  /// Callers have run `XMLEntityGuard.check` and the empty-file test.
  static func parseGeneral(bytes: [UInt8], path: String) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
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
    guard let root = handler.builder.rootName else { throw TermlintError.configuration(path, "empty document (expected a TBX document)") }
    guard ["martif", "tbx", "TBX"].contains(root) else {
      throw TermlintError.configuration(
        path, line: 1, "not a TBX document: the root element is <\(root)>, expected <tbx>, <martif> or <TBX>")
    }
    if handler.builder.sawReplacementCharacter && !containsReplacementCharacterBytes(bytes) {
      throw TermlintError.input(path, "text could not be decoded from the encoding the file declares (U+FFFD appeared); convert the file to UTF-8")
    }
    return (handler.builder.makeGlossary(), handler.builder.issues)
  }

  /// Whether the raw bytes hold an encoded U+FFFD (EF BF BD in UTF-8, FFFD in UTF-16).
  static func containsReplacementCharacterBytes(_ bytes: [UInt8]) -> Bool {
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

/// The SAX delegate of the general path: hands FoundationXML's events to a `TBXBuilder`.
private final class TBXHandler: NSObject, XMLParserDelegate {
  var builder: TBXBuilder
  var firstError: (code: Int, line: Int, column: Int)?

  init(path: String) { builder = TBXBuilder(path: path) }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    builder.startElement(elementName, attributes: attributeDict, line: parser.lineNumber, column: parser.columnNumber)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    builder.endElement(elementName)
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if builder.isCapturing { builder.characters(string) }
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    if builder.isCapturing { builder.characters(String(decoding: CDATABlock, as: UTF8.self)) }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    guard firstError == nil else { return }
    firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
    parser.abortParsing()
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
}

extension TBXLoader {
  /// For the fuzz harness (`Fuzz/Targets/TBXLoader.swift`): loads `bytes` on both paths and
  /// describes how the fast path diverged from the general one, or returns nil when it gave up
  /// or gave exactly the same glossary and issues (positions included).
  @_spi(Testing) public static func fastPathDivergence(bytes: [UInt8], path: String) -> String? {
    guard (try? XMLEntityGuard.check(bytes, path: path)) != nil,
      bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
      let fast = TBXFastReader.read(bytes, path: path)
    else { return nil }
    func fingerprint(_ result: (glossary: Glossary, issues: [GlossaryLoadIssue])) -> String {
      var text = ""
      dump(result.glossary, to: &text)
      for issue in result.issues { text += "\(issue) kind=\(issue.kind) value=\(issue.value ?? "nil")\n" }
      return text
    }
    do {
      let general = try parseGeneral(bytes: bytes, path: path)
      let a = fingerprint(general), b = fingerprint(fast)
      return a == b ? nil : "the fast path's result differs.\n--- general\n\(a)--- fast\n\(b)"
    } catch {
      return "the fast path loaded what the general path refuses: \(error)"
    }
  }
}
