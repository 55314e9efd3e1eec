import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Which allowed term `term-forbidden` suggests for a rejected one.
@Suite("Suggested replacements for rejected terms")
struct SuggestionTests {
  static let en = LanguageTag("en")!

  static func concept(_ terms: [Term]) -> Concept { Concept(id: "c", terms: terms) }

  @Test func aRejectedTermOfTheSameLengthGetsThePreferredTerm() {
    let c = Self.concept([
      Term("security guarantees", language: Self.en, status: .preferred),
      Term("security assurances", language: Self.en, status: .deprecated),
    ])
    #expect(TermSupport.replacement(for: c.terms[1], in: c) == "security guarantees")
  }

  @Test func aMisspelledSurnameGetsTheSurnameOfThePreferredName() {
    let c = Self.concept([
      Term("Sergey Ryabkov", language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
      Term("Sergei Riabkov", language: Self.en, status: .deprecated, partOfSpeech: "properNoun"),
      Term(
        "Riabkov", language: Self.en, status: .deprecated, partOfSpeech: "properNoun",
        termType: "shortForm"),
    ])
    #expect(
      TermSupport.replacement(for: c.terms[1], in: c) == "Sergey Ryabkov",
      "a full name gets the full name")
    #expect(
      TermSupport.replacement(for: c.terms[2], in: c) == "Ryabkov", "a surname gets the surname")
  }

  @Test func anAllowedShortFormOfTheSameKindIsPreferredToAPartOfTheName() {
    let c = Self.concept([
      Term(
        "Ministry of Defense", language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
      Term(
        "MOD", language: Self.en, status: .admitted, partOfSpeech: "properNoun",
        termType: "abbreviation"),
      Term(
        "MoD", language: Self.en, status: .deprecated, partOfSpeech: "properNoun",
        termType: "abbreviation"),
    ])
    #expect(TermSupport.replacement(for: c.terms[2], in: c) == "MOD")
  }

  @Test func aShortRejectedTermUnlikeAnyPartOfTheNameGetsThePreferredTerm() {
    let c = Self.concept([
      Term(
        "North Atlantic Treaty Organization", language: Self.en, status: .preferred,
        partOfSpeech: "properNoun"),
      Term(
        "Alliance", language: Self.en, status: .deprecated, partOfSpeech: "properNoun",
        termType: "shortForm"),
    ])
    #expect(TermSupport.replacement(for: c.terms[1], in: c) == "North Atlantic Treaty Organization")
    let common = Self.concept([
      Term("strike weapons", language: Self.en, status: .preferred),
      Term("weapons", language: Self.en, status: .deprecated),
    ])
    #expect(
      TermSupport.replacement(for: common.terms[1], in: common) == "strike weapons",
      "not a name: no part of it is taken")
  }
}
