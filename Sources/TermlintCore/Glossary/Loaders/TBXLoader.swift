import Foundation

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
/// Not-well-formed XML, external or expanding entities (see `XMLScanner.EntityPolicy`) and a
/// root that is not a TBX root throw `TermlintError.configuration`.
///
/// Terms are grouped by language within a concept (order kept within each language). Line
/// numbers are those of a start tag's closing `>` (as libxml2, which read TBX until issue 14,
/// reported them); a term's column is where its text starts, right after `<term>`'s `>`.
///
/// One reader: Termlint's own strict `XMLScanner` over the text `XMLDecoding` decoded (any
/// byte-order mark, UTF-16, or a legacy charset the declaration names), streamed into a
/// `TBXBuilder` event by event, with `XMLScanner.EntityPolicy.declaredUnused`: external
/// entities are never resolved, entity expansion is refused, and nothing reaches libxml2.
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
    guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
      throw TermlintError.configuration(path, "empty file (expected a TBX document)")
    }
    var builder: TBXBuilder
    do {
      builder = try read(XMLDecoding.decode(bytes: bytes, path: path))
    } catch let error as TermlintError where error.kind != .configuration {
      // A glossary that cannot be decoded or scanned is a configuration problem.
      throw TermlintError(.configuration, file: error.file, line: error.line, column: error.column, error.reason)
    }
    guard let root = builder.rootName else { throw TermlintError.configuration(path, "empty document (expected a TBX document)") }
    guard ["martif", "tbx", "TBX"].contains(root) else {
      throw TermlintError.configuration(
        path, line: 1, "not a TBX document: the root element is <\(root)>, expected <tbx>, <martif> or <TBX>")
    }
    if builder.sawReplacementCharacter && !containsReplacementCharacterBytes(bytes) {
      throw TermlintError.input(path, "text could not be decoded from the encoding the file declares (U+FFFD appeared); convert the file to UTF-8")
    }
    return (builder.makeGlossary(), builder.issues)
  }

  /// Streams the scanner's events into a builder (no tree is built).
  private static func read(_ file: SourceFile) throws -> TBXBuilder {
    var builder = TBXBuilder(path: file.path)
    var scanner = XMLScanner(file: file, entityPolicy: .declaredUnused)
    let lineStarts = file.lineStarts
    let units = file.utf16
    // Offsets only grow, so the line is found by walking forward, not by a search per tag.
    var lineIndex = 0
    while let event = try scanner.next() {
      switch event {
      case .start(let tag):
        // libxml2's position of a start tag: its closing `>` (or the `/` of `/>`).
        let end = tag.range.upperBound - 1
        while lineIndex + 1 < lineStarts.count && lineStarts[lineIndex + 1] <= end { lineIndex += 1 }
        // The builder reads the column of `<term>` only: where its text starts.
        let column = tag.localName == "term" ? file.position(utf16Offset: tag.range.upperBound).column : 0
        builder.startElement(tag.localName, attributes: tag, line: lineIndex + 1, column: column)
      case .end(let name, _):
        builder.endElement(localName(name))
      case .text(let text):
        guard builder.isCapturing else { continue }
        if let replacement = text.replacement {
          builder.characters(String(utf16Units: replacement))
        } else {
          builder.characters(String(utf16Units: units[text.range]))
        }
      }
    }
    return builder
  }

  /// The local part of a qualified name.
  private static func localName(_ name: String) -> String {
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.index(after: colon)...])
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
}

extension XMLStartTag: TBXAttributes {
  /// The value of the attribute whose qualified name is `name`.
  func value(_ name: String) -> String? {
    for attribute in attributes where attribute.name == name { return attribute.value }
    return nil
  }
}

extension TBXLoader {
  /// For the fuzz harness (`Fuzz/Targets/TBXLoader.swift`): whether `TBXInventory` (the scan of
  /// `glossary fmt` and `convert`) reads the document.
  @_spi(Testing) public static func inventoryReads(bytes: [UInt8]) -> Bool {
    TBXInventory.scan(bytes) != nil
  }
}
