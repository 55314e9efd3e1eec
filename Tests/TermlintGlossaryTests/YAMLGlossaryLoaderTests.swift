import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

private func tag(_ raw: String) -> LanguageTag { LanguageTag(raw)! }

private func yamlError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> TermlintError?
{
  S.expectError({ try S.load(text, .yaml, path: "g.yaml") }, sourceLocation: sourceLocation)
}

@Suite("YAML glossary loader")
struct YAMLGlossaryLoaderTests {
  @Test func sampleFixture() throws {
    let g = try GlossaryIO.load(path: S.fixture("sample.yaml"))
    #expect(g.sourceLanguage == tag("ru"))
    #expect(g.targetLanguage == tag("en"))
    #expect(g.concepts.map(\.id) == ["security-guarantees", "nato"])
    let first = g.concepts[0]
    #expect(first.line == 4)
    #expect(first.subjectField == "arms control")
    #expect(first.note == "Assurances that a state's security will be upheld.")
    #expect(
      first.terms == [
        Term("гарантии безопасности", language: tag("ru")),
        Term("security guarantees", language: tag("en"), status: .preferred),
        Term(
          "security assurances", language: tag("en"), status: .deprecated, partOfSpeech: "noun",
          matchMode: .exact,
          note: "Avoid: reads as \"insurance\", not a guarantee."),
      ])
    #expect(first.terms.map(\.line) == [8, 10, 11])
    let nato = g.concepts[1]
    #expect(
      nato.terms == [
        Term(
          "NATO", language: tag("en"), status: .preferred, termType: "acronym", caseSensitive: true),
        Term("yes", language: tag("en")),
        Term("НАТО", language: tag("ru")),
      ])
  }

  @Test func scalarsAreTextAndUnquotedNullMeansAbsent() throws {
    let g = try S.load(
      """
      concepts:
        - id: 2024
          subject: ~
          note: null
          terms:
            en: [no, "null", 3.14, {text: on, status: }]
      """, .yaml)
    let c = try #require(g.concepts.first)
    #expect(c.id == "2024")
    #expect(c.subjectField == nil)
    #expect(c.note == nil)
    #expect(c.terms.map(\.text) == ["no", "null", "3.14", "on"])
    #expect(c.terms[3].status == nil)
  }

  @Test func unknownKeysAreErrorsWithLineAndAllowedKeys() throws {
    let root = try #require(yamlError("concepts: []\nglossary: x\n"))
    #expect(root.kind == .configuration)
    #expect(root.file == "g.yaml")
    #expect(root.line == 2)
    #expect(root.column == 1)
    #expect(
      root.reason == "unknown key 'glossary' in the top level; allowed keys: languages, concepts")
    let concept = try #require(
      yamlError("concepts:\n  - id: a\n    subjekt: x\n    terms: {en: [a]}\n"))
    #expect(concept.line == 3)
    #expect(
      concept.reason.contains(
        "unknown key 'subjekt' in a concept; allowed keys: id, subject, note, terms"))
    let term = try #require(
      yamlError(
        "concepts:\n  - id: a\n    terms:\n      en:\n        - {text: a, staus: preferred}\n"))
    #expect(term.line == 5)
    #expect(
      term.reason.contains(
        "unknown key 'staus' in a term; allowed keys: text, status, pos, type, case, match, note"))
  }

  @Test func wrongTypesAreErrorsWithLine() throws {
    let list = try #require(yamlError("concepts: {id: a}\n"))
    #expect(list.line == 1)
    #expect(list.reason.contains("'concepts' must be a list"))
    let note = try #require(
      yamlError("concepts:\n  - id: a\n    note: [x]\n    terms: {en: [a]}\n"))
    #expect(note.line == 3)
    #expect(note.reason.contains("'note' must be a string, not a list"))
    let terms = try #require(yamlError("concepts:\n  - id: a\n    terms: [a, b]\n"))
    #expect(terms.line == 3)
    #expect(terms.reason.contains("'terms' must map language tags"))
    let nested = try #require(yamlError("concepts:\n  - id: a\n    terms: {en: [[a]]}\n"))
    #expect(nested.reason.contains("a term must be a string or a mapping"))
  }

  @Test func badValues() throws {
    let status = try #require(
      yamlError(
        "concepts:\n  - id: a\n    terms:\n      en:\n        - text: a\n          status: best\n"))
    #expect(status.line == 6)
    #expect(status.reason.contains("unknown status 'best'"))
    let lang = try #require(yamlError("concepts:\n  - id: a\n    terms: {'e n': [a]}\n"))
    #expect(lang.reason.contains("not a valid BCP 47 language tag"))
    let kase = try #require(
      yamlError("concepts:\n  - id: a\n    terms: {en: [{text: a, case: upper}]}\n"))
    #expect(kase.reason.contains("unknown case 'upper'"))
    let empty = try #require(yamlError("concepts:\n  - id: a\n    terms: {en: [{text: ''}]}\n"))
    #expect(empty.reason.contains("'text' must not be empty"))
  }

  @Test func duplicateConceptIdsAndLanguages() throws {
    let ids = try #require(
      yamlError("concepts:\n  - id: a\n    terms: {en: [x]}\n  - id: a\n    terms: {en: [y]}\n"))
    #expect(ids.line == 4)
    #expect(ids.reason.contains("duplicate concept id 'a' (first defined at line 2)"))
    let langs = try #require(
      yamlError("concepts:\n  - id: a\n    terms:\n      en: [x]\n      EN: [y]\n"))
    #expect(langs.line == 5)
    #expect(langs.reason.contains("language 'en' appears twice"))
  }

  @Test func missingPiecesAndInvalidYAML() throws {
    #expect(try #require(yamlError("")).reason.contains("empty glossary file"))
    #expect(
      try #require(yamlError("languages: {source: en}\n")).reason.contains("missing 'concepts'"))
    #expect(
      try #require(yamlError("concepts:\n  - id: a\n")).reason.contains("concept 'a' has no terms"))
    #expect(
      try #require(yamlError("concepts:\n  - terms: {en: [a]}\n")).reason.contains(
        "concept has no 'id'"))
    let syntax = try #require(yamlError("concepts:\n  - id: a\n   bad: [\n"))
    #expect(syntax.kind == .configuration)
    #expect(syntax.line != nil)
    #expect(syntax.reason.hasPrefix("invalid YAML"))
    let dup = try #require(yamlError("concepts: []\nconcepts: []\n"))
    #expect(dup.reason.contains("duplicate key 'concepts'"))
  }

  @Test func aliasesAreRefused() throws {
    let error = try #require(
      yamlError(
        """
        concepts:
          - id: a
            terms: &t {en: [x]}
          - id: b
            terms: *t
        """))
    #expect(error.reason.contains("aliases"))
  }

  @Test func emptyConceptListIsAnEmptyGlossary() throws {
    #expect(try S.load("concepts: []\n", .yaml).concepts.isEmpty)
  }
}
