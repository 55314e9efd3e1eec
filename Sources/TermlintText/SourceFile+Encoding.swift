extension SourceFile {
  /// Encodes UTF-16 text the way this file was encoded: the same encoding and the same
  /// byte-order mark (or none).
  ///
  /// Decoding a valid file and encoding it again gives back the same bytes, so a fix that
  /// changes some spans leaves every other byte as it was. Returns nil for an encoding this
  /// function cannot write.
  public func encoded(utf16 units: [UInt16]) -> [UInt8]? {
    var out: [UInt8] = []
    if encoding == .utf8 {
      out.reserveCapacity(units.count + 3)
      if hasBOM { out += [0xEF, 0xBB, 0xBF] }
      for scalar in String(utf16Units: units).unicodeScalars {
        UTF8.encode(scalar) { out.append($0) }
      }
    } else if encoding == .utf16LE || encoding == .utf16BE {
      let little = encoding == .utf16LE
      out.reserveCapacity(units.count * 2 + 2)
      if hasBOM { out += little ? [0xFF, 0xFE] : [0xFE, 0xFF] }
      for unit in units {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        out += little ? [low, high] : [high, low]
      }
    } else {
      return nil
    }
    return out
  }
}
