extension String {
  /// Decodes UTF-16 code units as `String(decoding:as: UTF16.self)` does (a lone surrogate
  /// becomes U+FFFD), transcoding straight into the string's UTF-8 storage: the standard
  /// library's generic path decodes scalar by scalar through an iterator, and strings made from
  /// code units are on every hot path (readers, words of a span, messages).
  package init<C: Collection<UInt16>>(utf16Units units: C) {
    if let s = units.withContiguousStorageIfAvailable({ String(utf16Buffer: $0) }) {
      self = s
    } else {
      self = Array(units).withUnsafeBufferPointer { String(utf16Buffer: $0) }
    }
  }

  private init(utf16Buffer units: UnsafeBufferPointer<UInt16>) {
    let n = units.count
    if n == 0 {
      self = ""
      return
    }
    self = String(unsafeUninitializedCapacity: n * 3) { out in
      var o = 0
      var i = 0
      while i < n {
        let u = UInt32(units[i])
        i += 1
        if u < 0x80 {
          out[o] = UInt8(u)
          o += 1
        } else if u < 0x800 {
          out[o] = UInt8(0xC0 | (u >> 6))
          out[o + 1] = UInt8(0x80 | (u & 0x3F))
          o += 2
        } else if u & 0xF800 != 0xD800 {
          out[o] = UInt8(0xE0 | (u >> 12))
          out[o + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
          out[o + 2] = UInt8(0x80 | (u & 0x3F))
          o += 3
        } else if u < 0xDC00, i < n, units[i] & 0xFC00 == 0xDC00 {
          // A surrogate pair: four bytes, written in the six that its two units reserve.
          let scalar = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
          i += 1
          out[o] = UInt8(0xF0 | (scalar >> 18))
          out[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
          out[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[o + 3] = UInt8(0x80 | (scalar & 0x3F))
          o += 4
        } else {
          // A lone surrogate: U+FFFD, as the standard library's repair does.
          out[o] = 0xEF
          out[o + 1] = 0xBF
          out[o + 2] = 0xBD
          o += 3
        }
      }
      return o
    }
  }
}
