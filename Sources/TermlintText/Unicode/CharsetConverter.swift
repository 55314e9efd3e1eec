import CICUShim

/// Decodes bytes in a legacy charset (windows-1251, KOI8-R, ISO-8859-5 …) with ICU's converters.
///
/// Conversion is strict: a byte sequence the charset does not define stops it, and the byte
/// offset is reported, so a file is never mis-decoded silently.
public enum CharsetConverter {
  /// Why bytes could not be decoded.
  public enum Failure: Error, Equatable, Sendable {
    /// ICU has no converter for the name.
    case unknownCharset
    /// The bytes at this offset are not valid in the charset.
    case invalidBytes(offset: Int)
    /// ICU failed for another reason (its error code).
    case icu(Int32)
  }

  /// Whether ICU knows the charset name or alias (case and punctuation are ignored, as ICU does).
  public static func isKnown(_ charset: String) -> Bool {
    let name = charset.trimmingASCIISpaces
    guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
    return tl_conv_is_known(name) != 0
  }

  /// Whether the charset keeps ASCII as ASCII: tab, line feed, carriage return and the printable
  /// ASCII characters decode to themselves (true for windows-125x, ISO-8859-x, KOI8-R; false for
  /// UTF-16, UTF-32 and EBCDIC), so markup found in the bytes is the markup of the text.
  public static func isASCIICompatible(_ charset: String) -> Bool {
    let probe: [UInt8] = [0x09, 0x0A, 0x0D] + Array(0x20...0x7E)
    guard let decoded = try? decode(probe[...], charset: charset) else { return false }
    return decoded == probe.map { UInt16($0) }
  }

  /// Decodes `bytes` from `charset` to UTF-16.
  ///
  /// - Throws: `Failure.unknownCharset` when ICU has no such converter, `Failure.invalidBytes`
  ///   with the byte offset (relative to `bytes.startIndex`) of the first sequence the charset
  ///   does not define.
  public static func decode(_ bytes: ArraySlice<UInt8>, charset: String) throws(Failure) -> [UInt16]
  {
    guard isKnown(charset) else { throw .unknownCharset }
    let name = charset.trimmingASCIISpaces
    if bytes.isEmpty { return [] }
    var capacity = bytes.count + 16
    for _ in 0..<3 {
      var status: Int32 = 0
      var errorOffset: Int32 = -1
      var length: Int32 = 0
      let result = bytes.withUnsafeBufferPointer { source in
        [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
          length = tl_conv_to_utf16(
            name, source.baseAddress, Int32(source.count), buffer.baseAddress, Int32(capacity),
            &errorOffset, &status)
          count = status > 0 ? 0 : Int(length)
        }
      }
      if status == ICU.bufferOverflow {
        capacity = Int(length)
        continue
      }
      if status > 0 {
        if errorOffset >= 0 { throw .invalidBytes(offset: Int(errorOffset)) }
        throw .icu(status)
      }
      return result
    }
    throw .icu(ICU.bufferOverflow)
  }
}

extension CharsetConverter {
  /// Encodes UTF-16 text in `charset`.
  ///
  /// - Throws: `Failure.unknownCharset` when ICU has no such converter, `Failure.icu` when a
  ///   character cannot be represented in the charset (never replaced silently).
  public static func encode(_ units: [UInt16], charset: String) throws(Failure) -> [UInt8] {
    guard isKnown(charset) else { throw .unknownCharset }
    let name = charset.trimmingASCIISpaces
    if units.isEmpty { return [] }
    var capacity = units.count * 4 + 16
    for _ in 0..<3 {
      var status: Int32 = 0
      var length: Int32 = 0
      let result = units.withUnsafeBufferPointer { source in
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
          length = tl_conv_from_utf16(
            name, source.baseAddress, Int32(source.count), buffer.baseAddress, Int32(capacity),
            &status)
          count = status > 0 ? 0 : Int(length)
        }
      }
      if status == ICU.bufferOverflow {
        capacity = Int(length)
        continue
      }
      if status > 0 { throw .icu(status) }
      return result
    }
    throw .icu(ICU.bufferOverflow)
  }
}

extension String {
  fileprivate var trimmingASCIISpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
