import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Unit facts and length model")
struct UnitFactsTests {
  static func unit(_ metadata: [String: String]) -> TermlintCore.Unit {
    TermlintCore.Unit(id: "u", target: nil, metadata: metadata)
  }

  @Test func metadataIsReadInAllItsSpellings() {
    #expect(UnitFacts.isExcluded(Self.unit(["translate": "no"])))
    #expect(UnitFacts.isExcluded(Self.unit(["translate": "False"])))
    #expect(!UnitFacts.isExcluded(Self.unit(["translate": "yes"])))
    #expect(UnitFacts.isExcluded(Self.unit(["obsolete": "true"])))
    #expect(UnitFacts.isFuzzy(Self.unit(["flags": "fuzzy, c-format"])))
    #expect(UnitFacts.isFuzzy(Self.unit(["fuzzy": "yes"])))
    #expect(UnitFacts.flags(Self.unit(["flags": "c-format, no-wrap"])) == ["c-format", "no-wrap"])
    #expect(UnitFacts.bead(Self.unit(["bead": "2-1"]))! == (2, 1))
    #expect(UnitFacts.bead(Self.unit(["bead": "x"])) == nil)
  }

  @Test func lengthModelScoresShortAndLongTranslations() {
    let model = LengthModel.pair(source: LanguageTag("ru"), target: LanguageTag("en"))
    #expect(abs(model.deviation(sourceLength: 100, targetLength: 84)) < 1e-9)
    #expect(model.deviation(sourceLength: 100, targetLength: 20) < -3.5)
    #expect(model.deviation(sourceLength: 100, targetLength: 200) > 3.5)
    #expect(LengthModel.pair(source: LanguageTag("en"), target: LanguageTag("ru")).ratio > 1)
  }

  static func lengths(_ source: String, _ target: String) throws -> (source: Int, target: Int) {
    let matcher = try TermMatcher(glossary: CompiledGlossary(Glossary(concepts: [])))
    func span(_ text: String, _ language: String) -> AnnotatedSpan {
      let file = SourceFile(path: "t", text: text)
      return matcher.annotate(
        TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag(language)),
        language: LanguageTag(language))
    }
    return LengthModel.lengths(source: span(source, "en"), target: span(target, "ru")).counted
  }

  @Test func lengthsIgnoreLayoutAndCountGlosses() throws {
    // Runs of spaces, line breaks and indentation count nothing; option names both sides
    // share count nothing either.
    #expect(
      try Self.lengths(
        "  -q, --quiet     be quiet\n  -v    verbose", "  -q, --quiet     тихо\n  -v    подробно")
        == (9, 12))
    #expect(
      try Self.lengths("-q, --quiet be quiet -v verbose", "-q, --quiet тихо -v подробно") == (9, 12)
    )
    // A gloss: the original in brackets after its rendering; the source word counts against
    // the rendering (5 letters of "merge" against 7 of "слияние").
    #expect(try Self.lengths("merge it", "слияние (merge) его") == (7, 10))
    // And a source that glosses a word the translation keeps.
    #expect(try Self.lengths("слияние (merge) его", "merge it") == (10, 7))
    // A word both sides have in running text is shared: not counted.
    #expect(try Self.lengths("merge it", "merge его") == (2, 3))
    // Brackets of a placeholder are not a parenthesis.
    #expect(try Self.lengths("%(people)d people", "%(people)d людей") == (0, 5))
  }

  @Test func lengthThresholdsByDirection() {
    let enRu = LengthModel.pair(source: LanguageTag("en"), target: LanguageTag("ru"))
    #expect(enRu.ratio == 1.16 && enRu.longFactor == 2.5 && enRu.shortFactor == 0.5)
    // 100 English letters: 116 Russian ones expected; 295 is far longer, 250 is not enough.
    #expect(enRu.isTooLong(sourceLength: 100, targetLength: 295))
    #expect(!enRu.isTooLong(sourceLength: 100, targetLength: 250))
    #expect(enRu.isTooShort(sourceLength: 100, targetLength: 40))
    #expect(!enRu.isTooShort(sourceLength: 100, targetLength: 70))
    let ruEn = LengthModel.pair(source: LanguageTag("ru"), target: LanguageTag("en"))
    #expect(
      ruEn.isTooLong(sourceLength: 100, targetLength: 200)
        && !ruEn.isTooLong(sourceLength: 100, targetLength: 150))
  }

  @Test func scriptsOfLanguages() {
    #expect(Scripts.expected(for: LanguageTag("ru-RU")) == UnicodeProperties.Script.cyrillic)
    #expect(Scripts.expected(for: LanguageTag("en")) == UnicodeProperties.Script.latin)
    #expect(Scripts.expected(for: LanguageTag("ja")) == nil)
    #expect(Scripts.dominant("NАТО") == nil)  // mixed Latin and Cyrillic
    #expect(Scripts.dominant("Москва") == UnicodeProperties.Script.cyrillic)
  }
}
