import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

@Suite("glossary lookup and stats")
struct GlossaryLookupTests {
  static let shipped: Glossary = try! GlossaryIO.load(
    path: S.repoRoot + "/Glossaries/security-ru-en.csv")

  @Test func inflectedRussianWordFindsTheTerm() throws {
    let lookup = try GlossaryLookup(Self.shipped)
    let matches = lookup.lookup("гарантиями")
    #expect(
      matches.first?.concept.id == "security-guarantees", "shortest term containing the word first")
    #expect(matches.first?.kind == .termContainsQuery)
    #expect(
      Set(matches.map(\.concept.id)) == [
        "security-guarantees", "written-guarantees", "negative-security-assurances",
      ])
  }

  @Test func inflectedPhraseIsAnExactMatch() throws {
    let lookup = try GlossaryLookup(Self.shipped)
    let matches = lookup.lookup("гарантиях безопасности")
    #expect(matches.first.map { "\($0.concept.id) \($0.kind)" } == "security-guarantees exact")
    #expect(
      lookup.lookup("Security Assurances").first.map { "\($0.concept.id) \($0.term.text)" }
        == "security-guarantees security assurances")
  }

  @Test func aPhraseFindsTheTermsInIt() throws {
    let matches = try GlossaryLookup(Self.shipped).lookup(
      "NATO demanded legally binding security guarantees")
    #expect(matches.allSatisfy { $0.kind == .queryContainsTerm })
    #expect(
      matches.map(\.concept.id) == ["legally-binding", "security-guarantees", "nato"],
      "longer terms first")
  }

  @Test func englishMorphologyDoesNotConflateDerivations() throws {
    let g = Glossary(concepts: [
      Concept(id: "u", terms: [Term("university", language: LanguageTag("en")!)]),
      Concept(id: "a", terms: [Term("assured destruction", language: LanguageTag("en")!)]),
    ])
    let lookup = try GlossaryLookup(g)
    #expect(lookup.lookup("universe").isEmpty)
    #expect(lookup.lookup("assurance").isEmpty)
    #expect(lookup.lookup("universities").map(\.concept.id) == ["u"])
  }

  @Test func languageRestrictsTheSearchAndPunctuationAloneFindsNothing() throws {
    let lookup = try GlossaryLookup(Self.shipped)
    #expect(lookup.lookup("НАТО", language: LanguageTag("en")).isEmpty)
    #expect(
      lookup.lookup("НАТО", language: LanguageTag("ru")).map(\.concept.id) == [
        "nato", "eastward-expansion",
      ])
    #expect(lookup.lookup("-").isEmpty)
  }

  @Test func statisticsCountLanguagesStatusesAndSubjects() throws {
    let stats = GlossaryStatistics(Self.shipped)
    #expect(stats.concepts == Self.shipped.concepts.count)
    #expect(stats.terms == Self.shipped.concepts.reduce(0) { $0 + $1.terms.count })
    let en = try #require(stats.languages.first { $0.language == "en" })
    #expect(en.concepts == Self.shipped.concepts.count)
    #expect(en.statuses["preferred"] == Self.shipped.concepts.count)
    #expect(
      en.statuses["deprecated"]
        == Self.shipped.concepts.flatMap(\.terms).filter {
          $0.language.language == "en" && $0.status == .deprecated
        }.count)
    #expect(stats.subjects.values.reduce(0, +) == stats.concepts)
    #expect(stats.text.contains("subject fields (concepts):"))
    let tiny = GlossaryStatistics(
      Glossary(concepts: [Concept(id: "x", terms: [Term("a", language: LanguageTag("en")!)])]))
    #expect(tiny.languages.map(\.statuses) == [["none": 1]])
    #expect(tiny.subjects == ["(none)": 1])
    #expect(tiny.monolingualConcepts == 1)
  }
}
