import Foundation
import TermlintText
#if canImport(FoundationXML)
  import FoundationXML
#endif
/// Refuses XML documents whose DOCTYPE could make the parser read files, reach the network or
/// expand entities without bound, before any XML parser sees them.
///
/// Rules, checked in this order on the internal DTD subset:
/// 1. an external entity (`SYSTEM` / `PUBLIC`, general or parameter) is refused: Termlint never
///    reads files or URLs named by a document;
/// 2. a parameter entity (declaration or `%name;` reference) is refused;
/// 3. more than `maxEntities` entity declarations are refused ("billion laughs" needs many);
/// 4. an entity whose value refers to another (non-predefined) entity is refused;
/// 5. a reference to a declared internal entity in the document is refused, because
///    FoundationXML's `XMLParser` on Linux silently drops the replacement text of internal
///    entities (checked with Swift 6.3): loading would mis-read the term.
///
/// An external DTD subset (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`) is allowed; it is
/// never loaded. The scan reads only the prolog, plus the body when rule 5 needs it.
package enum XMLEntityGuard {
  /// The most entity declarations a document may make.
  static let maxEntities = 8

  /// One `<!ENTITY …>` declaration.
  struct Declaration {
    package var name: String
    var isParameter: Bool
    package var value: String?
    var externalKind: String?
    var systemID: String?
    var line: Int
  }

  /// Throws `TermlintError.configuration` when the document must not be parsed.
  package static func check(_ bytes: [UInt8], path: String) throws {
    var scanner = ByteScanner(bytes: asciiCompatible(bytes))
    let prolog = scanner.scanProlog()
    let decls = prolog.declarations
    if let ext = decls.first(where: { $0.externalKind != nil }) {
      let what = ext.isParameter ? "external parameter entity '%\(ext.name)'" : "external entity '\(ext.name)'"
      throw TermlintError.configuration(
        path, line: ext.line,
        "\(what) (\(ext.externalKind ?? "SYSTEM") \"\(ext.systemID ?? "")\") is not allowed: Termlint never reads files or URLs named by a document; remove the declaration")
    }
    if let pe = decls.first(where: \.isParameter) {
      throw TermlintError.configuration(
        path, line: pe.line, "parameter entity '%\(pe.name)' is not allowed in a glossary DOCTYPE")
    }
    if let pe = prolog.parameterReference {
      throw TermlintError.configuration(
        path, line: pe.line, "parameter entity reference '%\(pe.name);' in the DOCTYPE is not allowed in a glossary")
    }
    if decls.isEmpty { return }
    if decls.count > maxEntities {
      throw TermlintError.configuration(
        path, line: decls[maxEntities].line,
        "the DOCTYPE declares \(decls.count) entities (at most \(maxEntities) allowed): refusing a possible entity-expansion (\"billion laughs\") attack")
    }
    for decl in decls {
      if let inner = referencedEntity(in: decl.value ?? "") {
        throw TermlintError.configuration(
          path, line: decl.line,
          "entity '\(decl.name)' refers to entity '\(inner)': nested entity expansion is refused (possible \"billion laughs\" attack)")
      }
    }
    let names = Set(decls.map(\.name))
    if let use = scanner.findReference(to: names) {
      throw TermlintError.configuration(
        path, line: use.line,
        "entity reference '&\(use.name);' is not supported: the XML parser drops the text of internal entities; write the text in place of the reference")
    }
  }

  /// The first non-predefined entity name referenced as `&name;` in an entity value.
  static func referencedEntity(in value: String) -> String? {
    let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    var rest = Substring(value)
    while let amp = rest.firstIndex(of: "&") {
      let after = rest[rest.index(after: amp)...]
      guard let semi = after.firstIndex(of: ";") else { return String(after.prefix(32)) }
      let name = String(after[..<semi])
      if !name.hasPrefix("#") && !predefined.contains(name) { return name }
      rest = after[after.index(after: semi)...]
    }
    return nil
  }

  /// Bytes in which ASCII markup can be found: UTF-16 is transcoded to UTF-8; ASCII-compatible
  /// encodings (UTF-8, windows-125x, ISO-8859-x) are used as they are.
  static func asciiCompatible(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= 2 else { return bytes }
    let littleEndian: Bool
    var start = 0
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): littleEndian = true; start = 2
    case (0xFE, 0xFF): littleEndian = false; start = 2
    case (0x3C, 0x00): littleEndian = true
    case (0x00, 0x3C): littleEndian = false
    default: return bytes
    }
    var units = [UInt16]()
    units.reserveCapacity((bytes.count - start) / 2)
    var i = start
    while i + 1 < bytes.count {
      units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
      i += 2
    }
    return Array(String(utf16Units: units).utf8)
  }
}

// MARK: - Private

/// A forward-only scanner over the document bytes.
///
/// It does not count lines as it goes: lines are counted from the start only for what is
/// reported. Counting them in `advance` (`if b[i] == 0x0A { line += 1 }` in its loop) is
/// miscompiled by Swift 6.3.1 with `-O`: `quoted()` then returned its literal with the opening
/// quote, and internal-entity references were missed in release builds (found by comparing
/// debug and release output; a standalone reproduction is in Documentation/Security.md).
private struct ByteScanner {
  let b: [UInt8]
  var i = 0

  /// The 1-based line of the cursor.
  var line: Int {
    var count = 1
    for k in 0..<min(i, b.count) where b[k] == 0x0A { count += 1 }
    return count
  }

  init(bytes: [UInt8]) { b = bytes }

  struct Prolog {
    var declarations: [XMLEntityGuard.Declaration] = []
    var parameterReference: (name: String, line: Int)?
  }

  var atEnd: Bool { i >= b.count }

  func has(_ literal: String) -> Bool {
    let lit = Array(literal.utf8)
    guard i + lit.count <= b.count else { return false }
    for k in 0..<lit.count where b[i + k] != lit[k] { return false }
    return true
  }

  mutating func advance(_ n: Int = 1) { i = min(i + n, b.count) }

  static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

  mutating func skipSpace() { while !atEnd && ByteScanner.isSpace(b[i]) { advance() } }

  mutating func skip(past terminator: String) {
    while !atEnd {
      if has(terminator) {
        advance(terminator.utf8.count)
        return
      }
      advance()
    }
  }

  mutating func name() -> String {
    let start = i
    while !atEnd {
      let c = b[i]
      if ByteScanner.isSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
        || c == UInt8(ascii: ";") || c == UInt8(ascii: "[") || c == UInt8(ascii: "%") {
        break
      }
      advance()
    }
    return String(decoding: b[start..<i], as: UTF8.self)
  }

  /// Reads a quoted literal at the cursor; nil when there is none.
  mutating func quoted() -> String? {
    guard !atEnd, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return nil }
    let quote = b[i]
    advance()
    let start = i
    while !atEnd && b[i] != quote { advance() }
    let value = String(decoding: b[start..<i], as: UTF8.self)
    advance()
    return value
  }

  /// Skips to just past the `>` that ends a markup declaration, stepping over quoted literals.
  mutating func skipDeclaration() {
    while !atEnd {
      if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
        _ = quoted()
      } else if b[i] == UInt8(ascii: ">") {
        advance()
        return
      } else {
        advance()
      }
    }
  }

  mutating func scanProlog() -> Prolog {
    var prolog = Prolog()
    if has("\u{FEFF}") { advance(3) }
    while true {
      skipSpace()
      if atEnd { return prolog }
      if has("<?") {
        skip(past: "?>")
      } else if has("<!--") {
        skip(past: "-->")
      } else if has("<!DOCTYPE") {
        advance(9)
        scanDoctype(into: &prolog)
        return prolog
      } else {
        return prolog
      }
    }
  }

  mutating func scanDoctype(into prolog: inout Prolog) {
    while !atEnd {
      let c = b[i]
      if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        _ = quoted()
      } else if c == UInt8(ascii: "[") {
        advance()
        scanInternalSubset(into: &prolog)
      } else if c == UInt8(ascii: ">") {
        advance()
        return
      } else {
        advance()
      }
    }
  }

  mutating func scanInternalSubset(into prolog: inout Prolog) {
    while true {
      skipSpace()
      if atEnd { return }
      if b[i] == UInt8(ascii: "]") {
        advance()
        return
      } else if has("<!--") {
        skip(past: "-->")
      } else if has("<?") {
        skip(past: "?>")
      } else if has("<!ENTITY") {
        let declLine = line
        advance(8)
        prolog.declarations.append(scanEntity(line: declLine))
      } else if has("<!") {
        skipDeclaration()
      } else if b[i] == UInt8(ascii: "%") {
        let refLine = line
        advance()
        let name = name()
        if prolog.parameterReference == nil { prolog.parameterReference = (name, refLine) }
        if !atEnd && b[i] == UInt8(ascii: ";") { advance() }
      } else {
        advance()
      }
    }
  }

  mutating func scanEntity(line declLine: Int) -> XMLEntityGuard.Declaration {
    skipSpace()
    var isParameter = false
    if !atEnd && b[i] == UInt8(ascii: "%") {
      isParameter = true
      advance()
      skipSpace()
    }
    var decl = XMLEntityGuard.Declaration(name: name(), isParameter: isParameter, line: declLine)
    skipSpace()
    if let value = quoted() {
      decl.value = value
    } else if has("SYSTEM") {
      advance(6)
      skipSpace()
      decl.externalKind = "SYSTEM"
      decl.systemID = quoted()
    } else if has("PUBLIC") {
      advance(6)
      skipSpace()
      decl.externalKind = "PUBLIC"
      _ = quoted()
      skipSpace()
      decl.systemID = quoted()
    } else {
      // Malformed; treat as external so it is refused rather than guessed at.
      decl.externalKind = "unrecognised declaration"
    }
    skipDeclaration()
    return decl
  }

  /// The first `&name;` in the rest of the document whose name is in `names`.
  mutating func findReference(to names: Set<String>) -> (name: String, line: Int)? {
    while !atEnd {
      if b[i] == UInt8(ascii: "&") {
        let ampersand = i
        advance()
        let start = i
        while !atEnd && i - start < 64 && b[i] != UInt8(ascii: ";") && !ByteScanner.isSpace(b[i]) && b[i] != UInt8(ascii: "<") {
          advance()
        }
        if !atEnd && b[i] == UInt8(ascii: ";") {
          let name = String(decoding: b[start..<i], as: UTF8.self)
          if names.contains(name) {
            i = ampersand
            return (name, line)
          }
        }
      } else {
        advance()
      }
    }
    return nil
  }
}

extension XMLParser {
  /// A parser that reads `bytes` through a stream, in chunks, and only ever sees UTF-8.
  ///
  /// Given the whole document at once (`XMLParser(data:)`), libxml2 refuses anything over its
  /// 10 MB single-chunk limit ("XML parser error 1" at the end of a 10 MB TBX); fed in chunks
  /// it parses glossaries of any size with flat memory.
  ///
  /// A document in any other encoding is decoded first (see `utf8Document`): libxml2's own
  /// iconv path in push mode is not safe on hostile input (a TBX declaring `windows-1255`
  /// crashed it with a null dereference inside `xmlParseChunk`, found by the TBXLoader fuzzer).
  ///
  /// - Throws: `TermlintError.input` naming `path` when the bytes cannot be decoded as the
  ///   document says (unknown charset, a byte the charset does not define, bad UTF-16).
  package static func streaming(_ bytes: [UInt8], path: String) throws -> XMLParser {
    XMLParser(stream: InputStream(data: Data(try utf8Document(bytes, path: path))))
  }

  /// The document as UTF-8 bytes for libxml2, with an XML declaration libxml2 cannot act on.
  ///
  /// UTF-8 documents (no byte-order mark, no declared encoding or a UTF-8 one) keep their
  /// bytes, so libxml2 reports their errors at its own lines and columns. Anything else (a
  /// byte-order mark, UTF-16 without one, a legacy charset named in the XML declaration) is
  /// decoded as `XMLDecoding` does for the XLIFF and TMX readers, with ICU, and re-encoded as
  /// UTF-8. Then the XML declaration, if any, is replaced by one Termlint writes, padded to the
  /// same length and keeping its line breaks, so libxml2 never switches encoding on anything
  /// the file says (however the declaration is spelled) and lines and columns stay the same.
  /// A NUL in the first four bytes, which libxml2 would take as UCS-4, is refused.
  static func utf8Document(_ bytes: [UInt8], path: String) throws -> [UInt8] {
    let wide =
      bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
      || bytes.count >= 4 && (bytes[0...3] == [0x3C, 0x00, 0x3F, 0x00] || bytes[0...3] == [0x00, 0x3C, 0x00, 0x3F])
    let utf8BOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let declaredLegacy = !wide && !utf8BOM && XMLDecoding.declaredEncoding(bytes).map { SourceFile.DeclaredCharset($0) != .utf8 } == true
    var text = bytes
    if wide || utf8BOM || declaredLegacy {
      text = Array(try XMLDecoding.decode(bytes: bytes, path: path).text.utf8)
      if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
    }
    if text.prefix(4).contains(0) {
      throw TermlintError.input(path, line: 1, "a NUL byte at the start of the file: not an XML document (UTF-8, UTF-16 or a charset its declaration names)")
    }
    return withDataInEveryProcessingInstruction(withBlankInternalSubset(try withNeutralDeclaration(text, path: path)))
  }

  /// `text` with the internal subset of its DOCTYPE (between `[` and `]`) blanked: every byte
  /// but line feeds becomes a space, so lines and columns stay where they were.
  ///
  /// Termlint has no use for DTD declarations (`XMLEntityGuard.check` has already refused
  /// anything an entity could do), and FoundationXML crashes on some of them: libxml2 reports
  /// `<!ATTLIST e a CDATA #IMPLIED>` with a NULL default value and `<!NOTATION n SYSTEM "x">`
  /// with a NULL public id, and FoundationXML's callbacks pass both to `strlen` (SIGSEGV),
  /// whatever the delegate implements. Only the prolog is read: the scan stops at the first
  /// element, so text that looks like a DOCTYPE inside the document is never touched.
  static func withBlankInternalSubset(_ text: [UInt8]) -> [UInt8] {
    let n = text.count
    func has(_ needle: String, at i: Int) -> Bool {
      let bytes = Array(needle.utf8)
      return i + bytes.count <= n && text[i..<i + bytes.count].elementsEqual(bytes)
    }
    func past(_ needle: String, from i: Int) -> Int {
      var j = i
      while j < n && !has(needle, at: j) { j += 1 }
      return min(n, j + needle.utf8.count)
    }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
    var i = 0
    // The prolog: white space, the XML declaration, processing instructions, comments.
    while i < n {
      if isSpace(text[i]) { i += 1 }
      else if has("<?", at: i) { i = past("?>", from: i + 2) }
      else if has("<!--", at: i) { i = past("-->", from: i + 4) }
      else { break }
    }
    guard has("<!DOCTYPE", at: i) else { return text }
    // Name and external id, up to the subset's '[' (or the end of the DOCTYPE: no subset).
    i += 9
    while i < n && text[i] != UInt8(ascii: "[") && text[i] != UInt8(ascii: ">") {
      if text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") {
        let quote = text[i]
        i += 1
        while i < n && text[i] != quote { i += 1 }
      }
      i += 1
    }
    guard i < n, text[i] == UInt8(ascii: "[") else { return text }
    let start = i + 1
    i = start
    while i < n && text[i] != UInt8(ascii: "]") {
      if text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") {
        let quote = text[i]
        i += 1
        while i < n && text[i] != quote { i += 1 }
        i += 1
      } else if has("<!--", at: i) {
        i = past("-->", from: i + 4)
      } else if has("<?", at: i) {
        i = past("?>", from: i + 2)
      } else {
        i += 1
      }
    }
    let end = min(i, n)
    guard start < end else { return text }
    var out = text
    for k in start..<end where out[k] != 0x0A { out[k] = 0x20 }
    return out
  }

  /// `text` with one space added to every processing instruction that has no data
  /// (`<?target?>` becomes `<?target ?>`, which XML reads the same).
  ///
  /// libxml2 reports such an instruction with a NULL data pointer, and FoundationXML's SAX
  /// callback passes it to `strlen` before the delegate is asked anything: a SIGSEGV on a
  /// 10-byte `<?xibm37?>` at the top of a TBX, found by the TBXLoader fuzzer. Comments and
  /// CDATA sections are skipped, so text that only looks like an instruction is not touched.
  /// Columns after such an instruction on its line move by one.
  static func withDataInEveryProcessingInstruction(_ text: [UInt8]) -> [UInt8] {
    let lt = UInt8(ascii: "<"), question = UInt8(ascii: "?"), gt = UInt8(ascii: ">")
    let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8), piClose = [question, gt]
    let n = text.count
    func has(_ needle: [UInt8], at i: Int) -> Bool {
      i + needle.count <= n && text[i..<i + needle.count].elementsEqual(needle)
    }
    /// The index just past the next `needle` at or after `i`, or the end.
    func past(_ needle: [UInt8], from i: Int) -> Int {
      var j = i
      while j + needle.count <= n {
        if text[j] == needle[0] && has(needle, at: j) { return j + needle.count }
        j += 1
      }
      return n
    }
    var out: [UInt8] = []
    var copied = 0
    var i = 0
    while i < n {
      guard text[i] == lt else { i += 1; continue }
      if has(commentOpen, at: i) {
        i = past(commentClose, from: i + commentOpen.count)
      } else if has(cdataOpen, at: i) {
        i = past(cdataClose, from: i + cdataOpen.count)
      } else if i + 1 < n && text[i + 1] == question {
        var j = i + 2
        while j < n && !(text[j] == 0x20 || text[j] == 0x09 || text[j] == 0x0D || text[j] == 0x0A) && !has(piClose, at: j) { j += 1 }
        if j > i + 2 && has(piClose, at: j) {
          if out.isEmpty { out.reserveCapacity(n + 16) }
          out += text[copied..<j]
          out.append(0x20)
          copied = j
        }
        i = past(piClose, from: j)
      } else {
        i += 1
      }
    }
    guard copied > 0 else { return text }
    out += text[copied...]
    return out
  }

  /// `text` with its XML declaration (if it starts with one) replaced by
  /// `<?xml version="1.0" encoding="UTF-8"?>` or, when the original is shorter, by
  /// `<?xml version="1.0"?>`; padded with spaces to the original length, line breaks kept.
  ///
  /// - Throws: `TermlintError.input` when the declaration is never closed by `?>`.
  private static func withNeutralDeclaration(_ text: [UInt8], path: String) throws -> [UInt8] {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
    guard text.count > 5, text.starts(with: Array("<?xml".utf8)), isSpace(text[5]) else { return text }
    var end = 5
    while end + 1 < text.count && !(text[end] == 0x3F && text[end + 1] == 0x3E) { end += 1 }
    guard end + 1 < text.count else {
      throw TermlintError.input(path, line: 1, column: 1, "the XML declaration is not closed by '?>'")
    }
    let length = end + 2
    let lineBreaks = text[0..<length].filter { $0 == 0x0A }.count
    var declaration = Array(#"<?xml version="1.0" encoding="UTF-8""#.utf8)
    if declaration.count + lineBreaks + 2 > length { declaration = Array(#"<?xml version="1.0""#.utf8) }
    declaration += [UInt8](repeating: 0x0A, count: lineBreaks)
    declaration += [UInt8](repeating: 0x20, count: max(0, length - 2 - declaration.count))
    declaration += Array("?>".utf8)
    return declaration + text[length...]
  }
}
