import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("NormalizedText: ICU normalization with an exact offset map")
struct NormalizedTextTests {
  /// Finds `needle` in the normalized text and returns the original text it maps back to.
  func original(of needle: String, in text: String, options: NormalizationOptions = .matching)
    -> String?
  {
    let n = NormalizedText(text, options: options)
    let hay = n.units
    let pin = Array(needle.utf16)
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

@Suite("NormalizedText: offset runs")
struct NormalizedTextRunTests {
  @Test func asciiTextIsOneAlignedRun() {
    let n = NormalizedText("NATO Summit, U.S. 3.5 per cent")
    #expect(n.map.runs.count == 1)
    for k in 0..<n.units.count {
      #expect(n.map.sourceOffset(startingAt: k) == k)
      #expect(n.map.sourceOffset(endingAfter: k) == k + 1)
    }
  }

  @Test func aDroppedOrCollapsedChunkSplitsTheAlignedRuns() {
    // Soft hyphen dropped, two spaces collapsed, a ligature expanded, Cyrillic case-folded.
    let text = "gu\u{00AD}arantee  Ёж \u{FB01}ne"
    let n = NormalizedText(text)
    #expect(n.string == "guarantee ёж fine")
    let source = Array(text.utf16)
    func original(_ range: Range<Int>) -> String {
      String(decoding: source[n.sourceRange(range)], as: UTF16.self)
    }
    #expect(original(0..<9) == "gu\u{00AD}arantee")
    #expect(original(9..<10) == "  ")
    #expect(original(10..<12) == "Ёж")
    #expect(original(13..<15) == "\u{FB01}")
    #expect(original(13..<17) == "\u{FB01}ne")
    // Adjacent aligned stretches are merged: every run boundary is a place where the map changes.
    let runs = n.map.runs
    for (a, b) in zip(runs, runs.dropFirst())
    where a.normalizedLength == a.sourceLength && b.normalizedLength == b.sourceLength {
      #expect(a.sourceStart + a.sourceLength != b.sourceStart)
    }
  }
}

@Suite("NormalizedText: the ASCII fast path")
struct NormalizedTextASCIITests {
  /// Appending "é" sends the text through the general loop; the ASCII prefix must come out the same.
  @Test func asciiTextNormalizesAsTheGeneralLoopDoes() {
    var rng = SeededGenerator(seed: 17)
    let alphabet = Array("aZ09 .,'\"-_\t\n\r\u{0B}\u{0C}  AB".utf16)
    for options in [NormalizationOptions.matching, .matchingPreservingCase, .display] {
      for _ in 0..<3_000 {
        let ascii = (0..<Int.random(in: 0...14, using: &rng)).map { _ in
          alphabet.randomElement(using: &rng)!
        }
        let fast = NormalizedText(ascii, options: options)
        let general = NormalizedText(ascii + [0xE9], options: options)
        #expect(general.units == fast.units + [0xE9])
        for k in 0..<fast.units.count {
          #expect(fast.map.sourceOffset(startingAt: k) == general.map.sourceOffset(startingAt: k))
          #expect(fast.map.sourceOffset(endingAfter: k) == general.map.sourceOffset(endingAfter: k))
        }
      }
    }
  }
}

@Suite("NormalizedText: the table of small code points")
struct NormalizedTextSmallCodePointTests {
  /// Text from U+0080–U+07FF (with ASCII letters, Cyrillic capitals, combining marks, ligature-like
  /// letters) normalizes to what ICU gives for the whole text, folded; offsets stay monotonic.
  @Test func agreesWithICUOnTheWholeText() {
    var rng = SeededGenerator(seed: 23)
    let pool: [UInt16] =
      Array(0x80..<0x800).map { UInt16($0) } + Array("aZ".utf16) + [
        0x0301, 0x0308, 0x0401, 0x0419, 0x0439, 0x00C5, 0x01C4, 0x0130,
      ]
    for options in [NormalizationOptions.matching, .matchingPreservingCase] {
      let normalizer = Normalizer.shared(options.form)
      for _ in 0..<4_000 {
        let units = (0..<Int.random(in: 1...10, using: &rng)).map { _ in
          pool.randomElement(using: &rng)!
        }
        .filter {
          !UnicodeProperties.has(codePoint: UInt32($0), .whiteSpace)
            && !UnicodeProperties.has(codePoint: UInt32($0), .defaultIgnorable)
        }
        let text = NormalizedText(units, options: options)
        #expect(
          text.units == normalizer.normalize(units).map { NormalizedText.fold($0, options) },
          "\(units.map { String($0, radix: 16) })")
        var last = 0
        for k in 0..<text.units.count {
          let offset = text.map.sourceOffset(startingAt: k)
          #expect(offset >= last && offset < units.count)
          last = offset
        }
      }
    }
  }
}
