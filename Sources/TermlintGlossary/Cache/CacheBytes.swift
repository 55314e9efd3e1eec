import Foundation
import TermlintText

/// Appends the glossary cache's binary fields: fixed-width integers in little-endian (native on
/// every platform Termlint builds for; the header records it), arrays of them as their raw
/// bytes behind a count, strings as UTF-8 behind a length.
struct CacheWriter {
  private(set) var bytes: [UInt8] = []

  /// Too large for a field (a line number beyond 2^31): the glossary is not cached.
  struct Unrepresentable: Error {}

  package init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
  mutating func u32(_ v: UInt32) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func u64(_ v: UInt64) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }

  /// A count or an index (below 2^32 - 1; the maximum is the "absent" marker).
  mutating func count(_ v: Int) throws {
    guard v >= 0, v < Int(UInt32.max) else { throw Unrepresentable() }
    u32(UInt32(v))
  }

  /// An optional Int (a line or column): `Int32.min` is absent.
  mutating func optionalInt(_ v: Int?) throws {
    guard let v else { return i32(Int32.min) }
    guard v > Int(Int32.min), v <= Int(Int32.max) else { throw Unrepresentable() }
    i32(Int32(v))
  }

  mutating func string(_ s: String) throws {
    var s = s
    try s.withUTF8 { utf8 in
      try count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func optionalString(_ s: String?) throws {
    guard let s else { return u32(UInt32.max) }
    try string(s)
  }

  /// An array of fixed-width integers: its count, then its bytes.
  mutating func array<T: FixedWidthInteger>(_ values: [T]) throws {
    try count(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

/// Reads what `CacheWriter` wrote, checking every length against the bytes left: a truncated
/// or corrupt file throws `Corrupt`, never reads out of bounds nor allocates what the file
/// cannot hold.
struct CacheReader {
  struct Corrupt: Error {}

  private let base: UnsafeRawPointer
  private let end: Int
  private(set) var offset: Int

  package init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
    base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
    end = buffer.count
    self.offset = offset
  }

  var remaining: Int { end - offset }

  @inline(__always)
  private mutating func take(_ n: Int) throws -> UnsafeRawPointer {
    guard n >= 0, n <= end - offset else { throw Corrupt() }
    defer { offset += n }
    return base + offset
  }

  mutating func u8() throws -> UInt8 { try take(1).load(as: UInt8.self) }
  mutating func u32() throws -> UInt32 {
    UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self))
  }
  mutating func u64() throws -> UInt64 {
    UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
  }
  mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }

  /// A count of items of at least `itemSize` bytes each (so a corrupt count fails here).
  mutating func count(itemSize: Int = 1) throws -> Int {
    let n = Int(try u32())
    guard n < Int(UInt32.max), n * max(itemSize, 0) <= remaining else { throw Corrupt() }
    return n
  }

  /// An index below `limit`.
  mutating func index(below limit: Int) throws -> Int {
    let n = Int(try u32())
    guard n < limit else { throw Corrupt() }
    return n
  }

  mutating func optionalInt() throws -> Int? {
    let v = try i32()
    return v == Int32.min ? nil : Int(v)
  }

  mutating func string() throws -> String {
    let n = try count()
    return String(decoding: UnsafeRawBufferPointer(start: try take(n), count: n), as: UTF8.self)
  }

  mutating func optionalString() throws -> String? {
    let n = try u32()
    if n == UInt32.max { return nil }
    offset -= 4
    return try string()
  }

  /// Bytes, unconverted.
  mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: try take(n), count: n)
  }

  /// An array of fixed-width integers (copied with one `memcpy`).
  mutating func array<T: FixedWidthInteger>(_: T.Type = T.self) throws -> [T] {
    let n = try count(itemSize: MemoryLayout<T>.size)
    let source = try take(n * MemoryLayout<T>.size)
    return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      if n > 0 {
        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
          from: source, byteCount: n * MemoryLayout<T>.size)
      }
      initialized = n
    }
  }
}
