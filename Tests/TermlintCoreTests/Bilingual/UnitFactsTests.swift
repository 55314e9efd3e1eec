import Testing
@testable import TermlintCore

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

  @Test func scriptsOfLanguages() {
    #expect(Scripts.expected(for: LanguageTag("ru-RU")) == UnicodeProperties.Script.cyrillic)
    #expect(Scripts.expected(for: LanguageTag("en")) == UnicodeProperties.Script.latin)
    #expect(Scripts.expected(for: LanguageTag("ja")) == nil)
    #expect(Scripts.dominant("NАТО") == nil)  // mixed Latin and Cyrillic
    #expect(Scripts.dominant("Москва") == UnicodeProperties.Script.cyrillic)
  }
}
