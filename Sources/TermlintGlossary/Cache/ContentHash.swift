import Foundation
import TermlintText

/// A fast 128-bit content hash for the glossary cache's key: two differently seeded
/// multiply–xorshift hashes over 64-bit little-endian words, each in four interleaved lanes so
/// that the multiplications of consecutive words do not wait for one another (about 10 GB/s
/// on one core: a 76 MB glossary costs a few milliseconds).
///
/// It detects edits (any changed byte changes both halves with overwhelming probability); it is
/// not a cryptographic hash, and the cache does not rely on it against an adversary: the full
/// key is compared, and a cache file only ever holds what this user's own runs wrote.
struct ContentHash {
  private static let multiplierA: UInt64 = 0x9E37_79B9_7F4A_7C15
  private static let multiplierB: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private var a: (UInt64, UInt64, UInt64, UInt64) = (
    0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
  )
  private var b: (UInt64, UInt64, UInt64, UInt64) = (
    0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917
  )
  /// Bytes hashed so far.
  private var length: UInt64 = 0
  /// Bytes of an unfinished 32-byte block, carried to the next `update`.
  private var pending: [UInt8] = []

  package init() {}

  @inline(__always)
  private static func mix(_ h: UInt64, _ w: UInt64, _ m: UInt64) -> UInt64 {
    let x = (h ^ w) &* m
    return x ^ (x >> 32)
  }

  @inline(__always)
  private mutating func block(_ p: UnsafeRawPointer) {
    let w0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
    let w1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let w2 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
    let w3 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    a.0 = Self.mix(a.0, w0, Self.multiplierA)
    a.1 = Self.mix(a.1, w1, Self.multiplierA)
    a.2 = Self.mix(a.2, w2, Self.multiplierA)
    a.3 = Self.mix(a.3, w3, Self.multiplierA)
    b.0 = Self.mix(b.0, w0 &+ 0x5851_F42D, Self.multiplierB)
    b.1 = Self.mix(b.1, w1 &+ 0x5851_F42D, Self.multiplierB)
    b.2 = Self.mix(b.2, w2 &+ 0x5851_F42D, Self.multiplierB)
    b.3 = Self.mix(b.3, w3 &+ 0x5851_F42D, Self.multiplierB)
  }

  /// Adds bytes.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    length &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(32 - pending.count, bytes.count)
      pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
      offset = take
      guard pending.count == 32 else { return }
      pending.withUnsafeBytes { block($0.baseAddress!) }
      pending.removeAll(keepingCapacity: true)
    }
    while bytes.count - offset >= 32 {
      block(base + offset)
      offset += 32
    }
    if offset < bytes.count {
      pending.append(
        contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
    }
  }

  /// Adds bytes.
  mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// MurmurHash3's 64-bit finalizer.
  private static func finish(_ k: UInt64) -> UInt64 {
    var k = k
    k ^= k >> 33
    k &*= 0xFF51_AFD7_ED55_8CCD
    k ^= k >> 33
    k &*= 0xC4CE_B9FE_1A85_EC53
    return k ^ (k >> 33)
  }

  /// The hash of everything added, as 32 hexadecimal digits.
  func finalize() -> String {
    var copy = self
    var tail = copy.pending
    tail.append(UInt8(tail.count))
    while tail.count < 32 { tail.append(0) }
    tail.withUnsafeBytes { copy.block($0.baseAddress!) }
    func fold(_ l: (UInt64, UInt64, UInt64, UInt64), _ seed: UInt64) -> UInt64 {
      var h = seed ^ length
      for x in [l.0, l.1, l.2, l.3] { h = Self.finish(h ^ x) &* 0x9FB2_1C65_1E98_DF25 }
      return Self.finish(h)
    }
    let high = fold(copy.a, 0x6A09_E667_F3BC_C908)
    let low = fold(copy.b, 0xBB67_AE85_84CA_A73B)
    return hex(high) + hex(low)
  }

  private func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  /// The hash of a byte array.
  static func of(_ bytes: [UInt8]) -> String {
    var h = ContentHash()
    h.update(bytes)
    return h.finalize()
  }

  /// The hash of a file's bytes and its size, read in 1 MiB pieces (the whole file never sits in
  /// memory); nil when it cannot be read.
  static func ofFile(at path: String) -> (hash: String, size: Int)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var h = ContentHash()
    var size = 0
    let chunk = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let n = read(fd, buffer.baseAddress, chunk)
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { break }
      h.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      size += n
    }
    return (h.finalize(), size)
  }
}
