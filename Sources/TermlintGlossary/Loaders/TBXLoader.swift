import Foundation
import TermlintText

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
/// numbers are those of a start tag's closing `>`, as libxml2 reports them, so a multi-line
/// start tag gets the same line as in other XML tools; a term's column is where its text starts,
/// right after `<term>`'s `>`.
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
  public static func loadReportingIssues(bytes: [UInt8], path: String) throws -> (
    glossary: Glossary, issues: [GlossaryLoadIssue]
  ) {
    guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
      throw TermlintError.configuration(path, "empty file (expected a TBX document)")
    }
    var builder: TBXBuilder
    do {
      builder = try read(utf8: utf8Bytes(bytes, path: path), path: path)
    } catch let error as TermlintError where error.kind != .configuration {
      // A glossary that cannot be decoded or scanned is a configuration problem.
      throw TermlintError(
        .configuration, file: error.file, line: error.line, column: error.column, error.reason)
    }
    guard let root = builder.rootName else {
      throw TermlintError.configuration(path, "empty document (expected a TBX document)")
    }
    guard ["martif", "tbx", "TBX"].contains(root) else {
      throw TermlintError.configuration(
        path, line: 1,
        "not a TBX document: the root element is <\(root)>, expected <tbx>, <martif> or <TBX>")
    }
    if builder.sawReplacementCharacter && !containsReplacementCharacterBytes(bytes) {
      throw TermlintError.input(
        path,
        "text could not be decoded from the encoding the file declares (U+FFFD appeared); convert the file to UTF-8"
      )
    }
    return (builder.makeGlossary(), builder.issues)
  }

  /// The document as UTF-8 without a byte-order mark: the bytes themselves when they are UTF-8
  /// (checked strictly, as `SourceFile` decodes them), otherwise the text `XMLDecoding` decoded
  /// (UTF-16, a legacy charset the declaration names), re-encoded. Lines and columns in code
  /// points are the same in either encoding.
  ///
  /// - Throws: `TermlintError.input` when the bytes cannot be decoded as the document says.
  static func utf8Bytes(_ bytes: [UInt8], path: String) throws -> [UInt8] {
    let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    var isUTF8 =
      !(bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
      && SourceFile.bomlessUTF16(bytes) == nil
    if isUTF8 && !bom {
      if bytes.count >= 4
        && (bytes[0...3] == [0x3C, 0x00, 0x3F, 0x00] || bytes[0...3] == [0x00, 0x3C, 0x00, 0x3F])
      {
        isUTF8 = false
      } else if let charset = XMLDecoding.declaredEncoding(bytes),
        SourceFile.DeclaredCharset(charset) != .utf8
      {
        isUTF8 = false
      }
    }
    guard isUTF8 else { return Array(try XMLDecoding.decode(bytes: bytes, path: path).text.utf8) }
    guard SourceFile.isStrictUTF8(bytes, from: bom ? 3 : 0) else {
      // Throws the decoder's own message (the byte offset and the byte).
      _ = try SourceFile.decodeUTF8(bytes, from: bom ? 3 : 0, path: path)
      throw TermlintError.input(path, "invalid UTF-8; save the file as UTF-8")
    }
    return bom ? Array(bytes[3...]) : bytes
  }

  /// Streams the tokenizer's tokens over UTF-8 into a builder (no tree is built, and no string
  /// is made for a name already seen or for text the builder does not keep).
  private static func read(utf8 bytes: [UInt8], path: String) throws -> TBXBuilder {
    var builder = TBXBuilder(path: path)
    var scanner = XMLTokenizer<UInt8>(
      units: bytes, path: path, file: nil, maxDepth: XMLScanner.defaultMaxDepth,
      maxAttributes: XMLScanner.defaultMaxAttributes,
      entityPolicy: .declaredUnused)
    var nameTable = NameTable()
    // What the builder's end events get: the kind of the part after the first colon.
    var open: [TBXBuilder.ElementKind] = []
    open.reserveCapacity(32)
    var lines = LineCounter()
    while let token = try scanner.next() {
      switch token {
      case .start:
        let tag = scanner.tagRange
        // The position of a start tag: its closing `>` (or the `/` of `/>`), as libxml2 gave it.
        lines.advance(bytes, to: tag.upperBound - 1)
        let names = nameTable.localNames(bytes, scanner.tagName)
        // The builder reads the column of `<term>` only: where its text starts.
        let column = names.local.kind == .term ? lines.column(bytes, at: tag.upperBound) : 0
        builder.startElement(
          names.local, attributes: UTF8Attributes(bytes: bytes, list: scanner.attributes),
          line: lines.line, column: column)
        open.append(names.endLocal.kind)
      case .end:
        builder.endElement(open.removeLast())
      case .text(let range, let scalar):
        guard builder.isCapturing else { continue }
        if let scalar {
          builder.character(scalar)
        } else {
          builder.characters(bytes[range])
        }
      }
    }
    return builder
  }

  /// The line of an offset, found by walking forward (offsets only grow): lines end at LF,
  /// CRLF or a lone CR, as `SourceFile` counts them.
  private struct LineCounter {
    /// The 1-based line of `counted`.
    var line = 1
    /// The offset where that line starts.
    var lineStart = 0
    var counted = 0

    mutating func advance(_ bytes: [UInt8], to offset: Int) {
      guard offset > counted else { return }
      let from = counted
      bytes.withUnsafeBufferPointer { b in
        let n = b.count
        var i = from
        guard let base = b.baseAddress else { return }
        while i < offset {
          // NOTE: eight bytes at a time while none is a CR or LF (most of a TBX line).
          if i + 8 <= offset {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if !Self.hasByte(word, 0x0A) && !Self.hasByte(word, 0x0D) {
              i += 8
              continue
            }
          }
          let c = b[i]
          if c == 0x0A || (c == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
            line += 1
            lineStart = i + 1
          }
          i += 1
        }
      }
      counted = offset
    }

    /// Whether one of the eight bytes of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
      let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
      return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The 1-based column (in code points) of an offset on the current line.
    func column(_ bytes: [UInt8], at offset: Int) -> Int {
      UInt8.codePoints(bytes, lineStart..<offset) + 1
    }
  }

  /// Element names seen, so a name is made into a string (and classified) once, not at every
  /// tag.
  private struct NameTable {
    /// A name's local name and the end tag's.
    struct Names {
      let local: TBXBuilder.Element
      let endLocal: TBXBuilder.Element
    }

    /// Per slot: where its name was first seen in the document's bytes (the table is used with
    /// one document; empty while the slot is free), and its names.
    private var seen = [Range<Int>](repeating: 0..<0, count: 256)
    private var names = [Names?](repeating: nil, count: 256)

    /// The local name of a qualified name (after a colon that is neither first nor last, as
    /// `XMLScanner` splits it) and the part after its first colon (the end tag's name).
    mutating func localNames(_ bytes: [UInt8], _ range: Range<Int>) -> Names {
      let count = range.count
      let first = Int(bytes[range.lowerBound])
      let last = Int(bytes[range.upperBound - 1])
      let middle = Int(bytes[range.lowerBound + count / 2])
      let slot = (count &* 31 &+ first &* 7 &+ middle &* 5 &+ last) & 255
      let known = seen[slot]
      if known.count == count {
        var k = 0
        while k < count && bytes[known.lowerBound + k] == bytes[range.lowerBound + k] { k += 1 }
        if k == count, let hit = names[slot] { return hit }
      }
      let name = String(decoding: bytes[range], as: UTF8.self)
      var local = name
      var endLocal = name
      if let colon = bytes[range].firstIndex(of: UInt8(ascii: ":")) {
        endLocal = String(decoding: bytes[(colon + 1)..<range.upperBound], as: UTF8.self)
        if colon != range.lowerBound && colon + 1 != range.upperBound { local = endLocal }
      }
      let entry = Names(local: TBXBuilder.Element(local), endLocal: TBXBuilder.Element(endLocal))
      seen[slot] = range
      names[slot] = entry
      return entry
    }
  }

  /// The attributes of the current start tag, looked up by qualified name in the bytes.
  private struct UTF8Attributes: TBXAttributes {
    let bytes: [UInt8]
    let list: [XMLTokenizer<UInt8>.Attribute]

    func value(_ name: String) -> String? {
      guard !list.isEmpty else { return nil }
      var name = name
      return name.withUTF8 { key -> String? in
        for attribute in list where attribute.name.count == key.count {
          var k = 0
          while k < key.count && bytes[attribute.name.lowerBound + k] == key[k] { k += 1 }
          guard k == key.count else { continue }
          return attribute.normalized ?? String(decoding: bytes[attribute.value], as: UTF8.self)
        }
        return nil
      }
    }
  }

  /// Whether the raw bytes hold an encoded U+FFFD (EF BF BD in UTF-8, FFFD in UTF-16).
  static func containsReplacementCharacterBytes(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2 else { return false }
    for i in 0..<(bytes.count - 1) {
      if bytes[i] == 0xFF && bytes[i + 1] == 0xFD || bytes[i] == 0xFD && bytes[i + 1] == 0xFF {
        return true
      }
      if i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD {
        return true
      }
    }
    return false
  }
}

extension TBXLoader {
  /// For the fuzz harness (`Fuzz/Targets/TBXLoader.swift`): whether `TBXInventory` (the scan of
  /// `glossary fmt` and `convert`) reads the document.
  @_spi(Testing) public static func inventoryReads(bytes: [UInt8]) -> Bool {
    TBXInventory.scan(bytes) != nil
  }
}

extension XMLStartTag: TBXAttributes {
  /// The value of the attribute whose qualified name is `name` (`TBXInventory`).
  package func value(_ name: String) -> String? {
    for attribute in attributes where attribute.name == name { return attribute.value }
    return nil
  }
}
