import Testing
@testable import TermlintCore

@Suite("Tokenizer: ICU word boundaries")
struct TokenizerTests {
  func tokens(_ s: String) throws -> [(String, Token.Kind, Bool)] {
    let units = Array(s.utf16)
    return try Tokenizer().tokens(in: units).map { (String(decoding: units[$0.range], as: UTF16.self), $0.kind, $0.spaceBefore) }
  }

  @Test func wordsNumbersPunctuation() throws {
    let t = try tokens("de-escalate 2,500 troops, Russia's")
    #expect(t.map(\.0) == ["de", "-", "escalate", "2,500", "troops", ",", "Russia's"])
    #expect(t.map(\.1) == [.word, .punctuation, .word, .number, .word, .punctuation, .word])
    #expect(t.map(\.2) == [false, false, false, true, true, false, true])
  }

  @Test func cyrillicAndEmoji() throws {
    let t = try tokens("гарантии 😀 безопасности")
    #expect(t.map(\.0) == ["гарантии", "😀", "безопасности"])
  }
}
