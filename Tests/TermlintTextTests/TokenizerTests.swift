import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("Tokenizer: ICU word boundaries")
struct TokenizerTests {
  func tokens(_ s: String) throws -> [(String, Token.Kind, Bool)] {
    let units = Array(s.utf16)
    return try Tokenizer().tokens(in: units).map {
      (String(decoding: units[$0.range], as: UTF16.self), $0.kind, $0.spaceBefore)
    }
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

@Suite("Tokenizer: the ASCII scanner agrees with ICU")
struct TokenizerASCIIFastPathTests {
  @Test func trickyInputsGiveICUsTokens() throws {
    let tokenizer = try Tokenizer()
    let samples = [
      "U.S. troops", "3.5 per cent", "1,000,000; 2;3", "it's the Allies' plan", "e-mail a@b.c",
      "__init__ x_1 1_x _",
      "x:y 12:30", "q1 abc123 a1.5 1a", "\"quoted\" (brackets) [x] {y}", "a..b 1..2 a.1 1.a",
      "tab\there\r\nline\u{0B}vt\u{0C}ff",
      "", " ", "'", "a'", "'a", "1'000", "#hashtag $5 100% ~tilde^ caret|pipe", "\u{01}\u{7F}",
    ]
    for text in samples {
      let units = Array(text.utf16)
      #expect(
        tokenizer.tokens(in: units) == tokenizer.icuTokens(in: units), "\(text.debugDescription)")
    }
  }

  @Test func randomASCIIStringsGiveICUsTokens() throws {
    let tokenizer = try Tokenizer()
    var rng = SeededGenerator(seed: 29)
    // Every ASCII character, with letters, digits, spaces and the joining marks more frequent.
    let all = (1..<128).map { UInt16($0) }
    let common = Array("aZq19_.,;:'@ -\n".utf16)
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...16, using: &rng)
      let units = (0..<length).map { _ in
        Bool.random(using: &rng)
          ? common.randomElement(using: &rng)! : all.randomElement(using: &rng)!
      }
      #expect(
        tokenizer.tokens(in: units) == tokenizer.icuTokens(in: units),
        "\(String(decoding: units, as: UTF16.self).debugDescription)")
    }
  }

  @Test func nonASCIITextGoesThroughICU() throws {
    let tokenizer = try Tokenizer()
    for text in [
      "café au lait", "Сергей Лавров", "NATO\u{00A0}summit", "U.S.\u{2014}led", "gu\u{00AD}arantee",
      "3.5\u{202F}%",
    ] {
      let units = Array(text.utf16)
      #expect(tokenizer.tokens(in: units) == tokenizer.icuTokens(in: units))
    }
  }
}
