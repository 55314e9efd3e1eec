import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

@Suite("Glossary loaders: fast paths give what the general code gives")
struct LoaderFastPathTests {
  /// Strings over an alphabet of ASCII and Unicode white space, letters and punctuation.
  func samples(seed: UInt64) -> [String] {
    var rng = SeededGenerator(seed: seed)
    let alphabet: [String] = [
      " ", "  ", "\t", "\n", "\r", "\u{00A0}", "\u{2003}", "\u{0085}", "a", "Z", "é", "д", "-", "'",
      "x y", "😀",
    ]
    return [""]
      + (0..<3_000).map { _ in
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
          .joined()
      }
  }

  /// The collapse as it was written before the fast path.
  func referenceCollapse(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
  }

  func referenceTrim(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  @Test func collapseAndTrimAgreeWithTheGeneralCode() {
    for text in samples(seed: 3) {
      #expect(
        GlossarySupport.collapseWhitespace(text) == referenceCollapse(text),
        "\(text.debugDescription)")
      #expect(text.trimmedForGlossary == referenceTrim(text), "\(text.debugDescription)")
      #expect(
        text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces),
        "\(text.debugDescription)")
    }
  }

  @Test func memoizedTagsAndStatusesEqualDirectParsing() {
    var memo = LoaderMemo()
    let raws = [
      "en", "EN", "ru_RU", " en-gb ", "x", "", "zh-hant-tw", "en-", "preferredTerm-admn-sts",
      "Deprecated", "admittedTerm", " legal ", "bogus", "term",
    ]
    for _ in 0..<2 {
      for raw in raws {
        #expect(memo.languageTag(raw) == LanguageTag(raw))
        #expect(memo.status(raw) == TermStatus.parse(raw))
      }
    }
  }

  @Test func cellStringsEncodeEveryScalarWidth() {
    for text in samples(seed: 5) + ["Ω", "€", "𝐀", "a\u{10FFFF}b"] {
      let scalars = Array(text.unicodeScalars)
      #expect(DelimitedTextReader.string(scalars[...]) == text)
      if scalars.count > 2 {
        #expect(
          DelimitedTextReader.string(scalars[1..<(scalars.count - 1)])
            == String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])))
      }
    }
  }
}
