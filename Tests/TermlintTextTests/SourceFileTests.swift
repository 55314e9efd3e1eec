import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("SourceFile: decoding and positions")
struct SourceFileTests {
  @Test func decodesUTF8WithAndWithoutBOM() throws {
    let plain = try SourceFile(path: "a", bytes: Array("Привет".utf8))
    #expect(plain.text == "Привет" && !plain.hasBOM)
    let bom = try SourceFile(path: "a", bytes: [0xEF, 0xBB, 0xBF] + Array("Привет".utf8))
    #expect(bom.text == "Привет" && bom.hasBOM)
    #expect(bom.position(utf16Offset: 0) == (1, 1))
  }

  /// A regular file is read straight into an array of its size; a file whose size is not
  /// known beforehand (procfs reports 0) is read on in chunks.
  @Test func readsFilesOfKnownAndUnknownSize() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-read-\(UUID().uuidString).txt"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    for size in [0, 1, 4096, (1 << 20) + 3] {
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      #expect(try SourceFile.readBytes(path: path) == bytes)
    }
    let cmdline = try SourceFile.readBytes(path: "/proc/self/cmdline")
    #expect(
      !cmdline.isEmpty
        && cmdline == Array(FileManager.default.contents(atPath: "/proc/self/cmdline")!))
  }

  @Test func invalidUTF8NamesFileAndByteOffset() {
    let bytes: [UInt8] = Array("ab".utf8) + [0xC3, 0x28] + Array("cd".utf8)
    #expect {
      try SourceFile(path: "bad.md", bytes: bytes)
    } throws: { error in
      let e = error as? TermlintError
      return e?.kind == .input && e?.file == "bad.md" && e!.reason.contains("byte offset 2")
    }
    // Truncated sequence at the end, overlong encoding, surrogate encoded in UTF-8.
    for bad: [UInt8] in [[0x61, 0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
      #expect(throws: TermlintError.self) { try SourceFile(path: "x", bytes: bad) }
    }
  }

  @Test func decodesUTF16WithBOM() throws {
    let le: [UInt8] = [0xFF, 0xFE, 0x3F, 0x04, 0x0A, 0x00, 0x61, 0x00]  // "п\na"
    let f = try SourceFile(path: "u", bytes: le)
    #expect(f.text == "п\na" && f.encoding == .utf16LE)
    #expect(f.position(utf16Offset: 2) == (2, 1))
  }

  @Test func lineEndingsLFCRLFMixed() throws {
    let crlf = SourceFile(path: "a", text: "one\r\ntwo\r\nthree")
    #expect(crlf.lineEnding == .crlf)
    #expect(crlf.position(utf16Offset: 5) == (2, 1))
    #expect(crlf.lineText(2) == "two")
    let mixed = SourceFile(path: "a", text: "a\nb\r\nc\rd")
    #expect(mixed.lineEnding == .mixed)
    #expect(mixed.position(utf16Offset: 7) == (4, 1))
  }

  @Test func columnsCountCodePointsNotUTF16Units() {
    // "😀" is two UTF-16 units but one code point; "é" in NFD is two code points.
    let f = SourceFile(path: "a", text: "😀 e\u{301}x NATO")
    let offset = Array(f.text.utf16).count - 4
    #expect(f.position(utf16Offset: offset) == (1, 7))
  }

  // MARK: UTF-16 without a byte-order mark

  static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { u -> [UInt8] in
      littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
    }
  }

  @Test(arguments: [true, false])
  func decodesUTF16WithoutBOMInBothByteOrders(littleEndian: Bool) throws {
    // Latin (a NUL in every pair), Cyrillic (NULs only in spaces and line ends) and CJK (in
    // line ends only).
    for text in [
      "Plain English text.\nSecond line.\n", "Первая строка текста.\nВторая.\n",
      "术语表检查工具。\nA glossary check.\n",
    ] {
      let file = try SourceFile(path: "u", bytes: Self.utf16(text, littleEndian: littleEndian))
      #expect(file.text == text, "\(littleEndian ? "LE" : "BE"): \(file.text)")
      #expect(file.encoding == (littleEndian ? .utf16LE : .utf16BE))
      #expect(!file.hasBOM)
    }
  }

  @Test func bomlessUTF16ThatDoesNotDecodeIsAClearError() {
    // Little-endian by its NULs, but an unpaired high surrogate (0xD83D) in the middle.
    let bytes =
      Self.utf16("abcdef", littleEndian: true) + [0x3D, 0xD8]
      + Self.utf16("ghij", littleEndian: true)
    #expect {
      try SourceFile(path: "broken.txt", bytes: bytes)
    } throws: { error in
      let e = error as? TermlintError
      return e?.file == "broken.txt" && e!.reason.contains("UTF-16LE without a byte-order mark")
    }
  }

  @Test func asciiWithAFewNULsIsNotUTF16() throws {
    // Short files whose stray NULs all fall at one parity, enough pairs in ten to look like
    // UTF-16 by the NUL count alone.
    let cases: [[UInt8]] = [
      Array("ok\u{0} fine\u{0}\n".utf8),
      Array("Security\u{0}assurances were\u{0} discussed.\n".utf8),
      Array("a\u{0}bc\u{0}de\u{0}fg\u{0}hi".utf8),
      // UTF-8 with multi-byte characters and stray NULs.
      Array("Пр\u{0}ив\u{0}ет, ми\u{0}р".utf8),
    ]
    for bytes in cases {
      #expect(SourceFile.bomlessUTF16(bytes) == nil, "\(bytes)")
      let file = try SourceFile(path: "nul.md", bytes: bytes)
      #expect(file.encoding == .utf8)
      #expect(file.text == String(decoding: bytes, as: UTF8.self), "the NULs stay where they are")
    }
  }

  @Test func binaryAndBOMInputAreNotBOMlessUTF16() {
    // NULs at both parities: binary, not text.
    let binary: [UInt8] = (0..<4096).map { $0 % 3 == 0 ? 0 : UInt8(truncatingIfNeeded: $0 &* 37) }
    #expect(SourceFile.bomlessUTF16(binary) == nil)
    // A byte-order mark is the other path's business.
    #expect(SourceFile.bomlessUTF16([0xFF, 0xFE] + Self.utf16("abc", littleEndian: true)) == nil)
    #expect(SourceFile.bomlessUTF16([0xFE, 0xFF] + Self.utf16("abc", littleEndian: false)) == nil)
    // Too short to tell.
    #expect(SourceFile.bomlessUTF16([0x61, 0x00]) == nil)
  }
}
