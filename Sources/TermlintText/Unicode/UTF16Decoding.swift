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
        if u & 0xF800 != 0xD800 {
          o += UTF8Encoding.write(u, to: out, at: o)
        } else if u < 0xDC00, i < n, units[i] & 0xFC00 == 0xDC00 {
          // A surrogate pair: four bytes, written in the six that its two units reserve.
          let scalar = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
          i += 1
          o += UTF8Encoding.write(scalar, to: out, at: o)
        } else {
          // A lone surrogate: U+FFFD, as the standard library's repair does.
          o += UTF8Encoding.write(0xFFFD, to: out, at: o)
        }
      }
      return o
    }
  }
}

/// UTF-8 encoding of one scalar value into a buffer, for code that builds a string's bytes in
/// one pass.
package enum UTF8Encoding {
  /// The number of UTF-8 bytes of a scalar value.
  @inlinable @inline(__always)
  package static func length(_ v: UInt32) -> Int {
    v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
  }

  /// Writes the UTF-8 bytes of the scalar value `v` at `out[k...]` and returns how many.
  @inlinable @inline(__always)
  package static func write(_ v: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at k: Int)
    -> Int
  {
    if v < 0x80 {
      out[k] = UInt8(v)
      return 1
    } else if v < 0x800 {
      out[k] = UInt8(0xC0 | (v >> 6))
      out[k + 1] = UInt8(0x80 | (v & 0x3F))
      return 2
    } else if v < 0x10000 {
      out[k] = UInt8(0xE0 | (v >> 12))
      out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
      out[k + 2] = UInt8(0x80 | (v & 0x3F))
      return 3
    } else {
      out[k] = UInt8(0xF0 | (v >> 18))
      out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
      out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
      out[k + 3] = UInt8(0x80 | (v & 0x3F))
      return 4
    }
  }
}
