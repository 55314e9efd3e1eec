/// Decodes the bytes of an XML document as XML 1.0 (appendix F) says to detect the encoding.
///
/// 1. A byte-order mark decides: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`), UTF-16BE (`FE FF`).
/// 2. Without one, `3C 00 3F 00` / `00 3C 00 3F` (`<?` in UTF-16) is UTF-16 without a mark.
/// 3. Otherwise the bytes are ASCII-compatible: the `encoding` of the XML declaration names
///    the charset (absent: UTF-8). UTF-8 is decoded strictly; any other name goes to ICU's
///    converters (windows-125x, ISO-8859-x, KOI8-R …), which stop at a byte the charset does
///    not define. An unknown name, or a UTF-16/UTF-32 name on bytes that are not, is an error.
///
/// After a byte-order mark, a declared encoding is not consulted (the mark is authoritative).
package enum XMLDecoding {
  /// Decodes `bytes` into a `SourceFile`.
  ///
  /// - Throws: `TermlintError.input` naming the file (and the line) when the bytes cannot be
  ///   decoded as the document says.
  package static func decode(bytes: [UInt8], path: String) throws -> SourceFile {
    if bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      return try SourceFile(path: path, bytes: bytes)
    }
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      return try SourceFile(path: path, bytes: bytes)
    }
    if bytes.count >= 4
      && (bytes[0...3] == [0x3C, 0x00, 0x3F, 0x00] || bytes[0...3] == [0x00, 0x3C, 0x00, 0x3F])
    {
      let littleEndian = bytes[0] == 0x3C
      // decodeUTF16 skips two bytes of byte-order mark; give it a pretend one.
      let units = try SourceFile.decodeUTF16(
        (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + bytes, path: path, littleEndian: littleEndian
      )
      return SourceFile(
        path: path, utf16: units, encoding: littleEndian ? .utf16LE : .utf16BE, hasBOM: false)
    }
    guard let charset = declaredEncoding(bytes) else {
      return try SourceFile(path: path, bytes: bytes)
    }
    return try SourceFile.decoding(
      bytes, charset: charset, path: path, declaredIn: "the XML declaration", line: 1)
  }

  /// The `encoding` pseudo-attribute of an XML declaration at the start of ASCII-compatible
  /// bytes, if there is one.
  package static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    let prefix: [UInt8] = Array("<?xml".utf8)
    guard bytes.count > prefix.count, Array(bytes[0..<prefix.count]) == prefix else { return nil }
    var end = prefix.count
    while end + 1 < bytes.count && end < 1024 && !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) {
      end += 1
    }
    let declaration = String(decoding: bytes[prefix.count..<end], as: UTF8.self)
    guard let range = declaration.range(of: "encoding") else { return nil }
    var rest = declaration[range.upperBound...].drop {
      $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n"
    }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : String(value)
  }
}
