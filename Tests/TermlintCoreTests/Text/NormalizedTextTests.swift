import Testing
@testable import TermlintCore

@Suite("NormalizedText: ICU normalization with an exact offset map")
struct NormalizedTextTests {
  /// Finds `needle` in the normalized text and returns the original text it maps back to.
  func original(of needle: String, in text: String, options: NormalizationOptions = .matching) -> String? {
    let n = NormalizedText(text, options: options)
    let hay = n.units, pin = Array(needle.utf16)
    guard hay.count >= pin.count else { return nil }
    for start in 0...(hay.count - pin.count) where Array(hay[start..<(start + pin.count)]) == pin {
      let r = n.sourceRange(start..<(start + pin.count))
      return String(decoding: Array(text.utf16)[r], as: UTF16.self)
    }
    return nil
  }

  @Test func caseFoldingKeepsOffsets() {
    #expect(NormalizedText("NATO Summit").string == "nato summit")
    #expect(original(of: "summit", in: "NATO Summit") == "Summit")
  }

  @Test func nfdInputComposesAndMapsBack() {
    let text = "Re\u{301}sume\u{301} security"  // NFD: e + combining acute, twice
    #expect(original(of: "security", in: text) == "security")
    let n = NormalizedText(text, options: .display)
    #expect(n.string == "Résumé security")
    #expect(original(of: "résumé", in: text) == "Re\u{301}sume\u{301}")
    #expect(original(of: "é", in: text) == "e\u{301}")
  }

  @Test func astralCharactersAndEmoji() {
    let text = "😀𝐀 NATO 👍🏽 guarantees"
    #expect(original(of: "guarantees", in: text) == "guarantees")
    #expect(original(of: "nato", in: text) == "NATO")
    // Mathematical bold A folds to "a" under NFKC_Casefold; it maps back to both UTF-16 units.
    #expect(original(of: "a", in: "𝐀") == "𝐀")
  }

  @Test func softHyphenIsRemovedButCoveredByTheRange() {
    let text = "secu\u{00AD}rity guarantees"
    #expect(NormalizedText(text).string == "security guarantees")
    #expect(original(of: "security", in: text) == "secu\u{00AD}rity")
  }

  @Test func nbspCRLFAndWhitespaceRunsCollapse() {
    let text = "security\u{00A0}\r\n  guarantees"
    #expect(NormalizedText(text).string == "security guarantees")
    #expect(original(of: "security guarantees", in: text) == text)
  }

  @Test func typographicApostrophesAndQuotesFold() {
    #expect(NormalizedText("Lavrov’s “open”").string == "lavrov's \"open\"")
    #expect(original(of: "lavrov's", in: "Lavrov’s talk") == "Lavrov’s")
  }

  @Test func ligaturesExpandAndMapToTheWholeCharacter() {
    #expect(NormalizedText("ﬁnal").string == "final")
    #expect(original(of: "final", in: "the ﬁnal text") == "ﬁnal")
  }

  @Test func zeroWidthAndBidiControlsAreDropped() {
    #expect(NormalizedText("NA\u{200B}TO\u{202E}").string == "nato")
  }

  @Test func displayFormKeepsCaseAndSpacing() {
    let n = NormalizedText("A  B\u{00AD}", options: .display)
    #expect(n.string == "A  B\u{00AD}")
  }
}
