import Testing
@testable import TermlintCore

@Suite("SourceFile: decoding and positions")
struct SourceFileTests {
  @Test func decodesUTF8WithAndWithoutBOM() throws {
    let plain = try SourceFile(path: "a", bytes: Array("Привет".utf8))
    #expect(plain.text == "Привет" && !plain.hasBOM)
    let bom = try SourceFile(path: "a", bytes: [0xEF, 0xBB, 0xBF] + Array("Привет".utf8))
    #expect(bom.text == "Привет" && bom.hasBOM)
    #expect(bom.position(utf16Offset: 0) == (1, 1))
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
}
