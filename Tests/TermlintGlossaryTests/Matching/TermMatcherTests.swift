import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

@Suite("TermMatcher: token sequences, morphology, case, hyphens, overlaps")
struct TermMatcherTests {
  let en = LanguageTag("en")!
  let ru = LanguageTag("ru")!

  func hits(_ text: String, _ terms: [Term], language: String = "en") throws -> [(String, String)] {
    let glossary = try CompiledGlossary(
      Glossary(concepts: terms.enumerated().map { Concept(id: "c\($0)", terms: [$1]) }))
    let file = SourceFile(path: "t", text: text)
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag(language))
    let annotated = try TermMatcher(glossary: glossary).annotate(
      span, language: LanguageTag(language))
    return annotated.hits.map {
      (file.text(in: $0.fileRange), glossary.entries[$0.entryIndex].term.text)
    }
  }

  @Test func englishInflectionsMatchByStem() throws {
    let h = try hits(
      "Security assurances, a security assurance, de-escalated talks.",
      [
        Term("security assurance", language: en), Term("de-escalate", language: en),
      ])
    #expect(h.map(\.0) == ["Security assurances", "security assurance", "de-escalated"])
  }

  @Test func derivationsSharingAPorterStemDoNotMatch() throws {
    // Porter2 stems "assured" and "assurance" alike; they are different words.
    #expect(try hits("He was assured of security.", [Term("assurance", language: en)]).isEmpty)
    #expect(try hits("The university.", [Term("universe", language: en)]).isEmpty)
  }

  @Test func exactModeDoesNotMatchInflections() throws {
    let h = try hits(
      "Strike weapons and a strike weapon.",
      [Term("strike weapon", language: en, matchMode: .exact)])
    #expect(h.map(\.0) == ["strike weapon"])
  }

  @Test func neverInsideAWord() throws {
    #expect(try hits("NATOs and subNATO", [Term("NATO", language: en)]).map(\.0) == ["NATOs"])
    #expect(try hits("Kievan Rus", [Term("Kiev", language: en)]).isEmpty)
  }

  @Test func hyphensAreSignificant() throws {
    let terms = [Term("open door policy", language: en), Term("open-door policy", language: en)]
    let h = try hits(
      "An open-door policy and an open door policy, not an open - door policy.", terms)
    #expect(h.map(\.0) == ["open-door policy", "open door policy"])
    #expect(h.map(\.1) == ["open-door policy", "open door policy"])
  }

  @Test func whitespaceRunsLineBreaksNBSPAndSoftHyphens() throws {
    let h = try hits(
      "security\u{00A0}\n  guar\u{00AD}antees", [Term("security guarantees", language: en)])
    #expect(h.count == 1)
  }

  @Test func longestMatchWins() throws {
    let terms = [
      Term("missiles", language: en), Term("intermediate- and short-range missiles", language: en),
    ]
    let h = try hits("Deploying intermediate- and short-range missiles.", terms)
    #expect(h.map(\.1) == ["intermediate- and short-range missiles"])
  }

  @Test func caseSensitiveTermsReportCaseMismatch() throws {
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(id: "n", terms: [Term("NATO", language: en, termType: "acronym")])
      ]))
    let file = SourceFile(path: "t", text: "Nato and NATO and nato")
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: en)
    let a = try TermMatcher(glossary: glossary).annotate(span, language: en)
    #expect(a.hits.map { file.text(in: $0.fileRange) } == ["Nato", "NATO"])
    #expect(a.hits.map(\.caseMatches) == [false, true])
  }

  @Test func typographicApostrophesMatch() throws {
    #expect(try hits("Lavrov’s remarks", [Term("Lavrov's remarks", language: en)]).count == 1)
  }

  @Test func russianInflectionsMatchByStem() throws {
    let terms = [
      Term("гарантии безопасности", language: ru), Term("ударные вооружения", language: ru),
      Term("ракеты средней и меньшей дальности", language: ru),
    ]
    let h = try hits(
      "о гарантиях безопасности, без гарантий безопасности, ударных вооружений и о ракетах средней и меньшей дальности",
      terms, language: "ru")
    #expect(
      h.map(\.0) == [
        "гарантиях безопасности", "гарантий безопасности", "ударных вооружений",
        "ракетах средней и меньшей дальности",
      ])
  }
}

@Suite("TermMatcher: inflected Russian names")
struct RussianNameMatchingTests {
  @Test func inflectedNamesWhoseStemDiffersStillMatch() throws {
    let ru = LanguageTag("ru")!
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "lavrov", terms: [Term("Сергей Лавров", language: ru, partOfSpeech: "properNoun")]),
        Concept(id: "kyiv", terms: [Term("Киев", language: ru, partOfSpeech: "properNoun")]),
        Concept(id: "laurel", terms: [Term("лавр", language: ru)]),
      ]))
    let file = SourceFile(
      path: "t", text: "Слова Сергея Лаврова прозвучали в Киеве. Лавровый лист и лавра.")
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: ru)
    let hits = try TermMatcher(glossary: glossary).annotate(span, language: ru).hits
    // "Лавровый" is not the name; lower-case "лавра" is the common noun лавр, never the name.
    #expect(hits.map { file.text(in: $0.fileRange) } == ["Сергея Лаврова", "Киеве", "лавра"])
    #expect(
      hits.map { glossary.glossary.concepts[glossary.entries[$0.entryIndex].conceptIndex].id } == [
        "lavrov", "kyiv", "laurel",
      ])
  }
}
