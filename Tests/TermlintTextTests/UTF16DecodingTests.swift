import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("UTF-16 decoding")
struct UTF16DecodingTests {
  /// The fast transcoder must give exactly what the standard library gives, repairs included.
  @Test("same string as the standard library for any code units")
  func matchesStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let pools: [ClosedRange<UInt16>] = [
      0x00...0x7F, 0x80...0x7FF, 0x400...0x4FF, 0x800...0xD7FF, 0xD800...0xDBFF, 0xDC00...0xDFFF,
      0xE000...0xFFFF,
    ]
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...40, using: &generator)
      let units = (0..<count).map { _ in
        UInt16.random(in: pools.randomElement(using: &generator)!, using: &generator)
      }
      #expect(
        String(utf16Units: units) == String(decoding: units, as: UTF16.self), "units \(units)")
      #expect(
        Array(String(utf16Units: units).utf8) == Array(String(decoding: units, as: UTF16.self).utf8)
      )
    }
    let samples = ["", "abc", "Сергей Рябков", "emoji 😀 pair", "\u{10FFFF}"]
    for sample in samples {
      let units = Array(sample.utf16)
      #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self))
      #expect(String(utf16Units: units[...]) == String(decoding: units[...], as: UTF16.self))
    }
    let lone: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00]
    #expect(String(utf16Units: lone) == "a\u{FFFD}b\u{FFFD}")
  }
}
