import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("TextScan.excerpt")
struct TextScanExcerptTests {
  /// The definition the early-exit scan must agree with: the first words split at white space.
  private func reference(_ text: String, words: Int) -> String {
    let parts = text.split(whereSeparator: { $0.isWhitespace })
    if parts.count <= words { return parts.joined(separator: " ") }
    return parts.prefix(words).joined(separator: " ") + "…"
  }

  @Test("Agrees with splitting the whole text, at every length around the word limit")
  func agreesWithSplitting() {
    let pieces = [
      "Talks", "resumed\u{00A0}in", "Geneva,", "\n\nofficials", "said.", "  ", "Ещё",
      "e\u{0301}tude", "\t", "—",
    ]
    for n in 0...pieces.count {
      for separator in [" ", "  ", "\r\n", "\u{2003}"] {
        let text =
          separator + pieces.prefix(n).joined(separator: separator) + (n % 2 == 0 ? separator : "")
        for words in [1, 2, 3, 8] {
          #expect(
            TextScan.excerpt(text, words: words) == reference(text, words: words),
            "text \(text.debugDescription), words \(words)")
        }
      }
    }
    #expect(TextScan.excerpt("") == "")
    #expect(TextScan.excerpt("one two three", words: 2) == "one two…")
    #expect(TextScan.excerpt("one two", words: 2) == "one two")
  }
}
