import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

private func tag(_ raw: String) -> LanguageTag { LanguageTag(raw)! }

/// Loads CSV text and returns the error it throws.
private func csvError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> TermlintError?
{
  S.expectError({ try S.load(text, .csv, path: "g.csv") }, sourceLocation: sourceLocation)
}

@Suite("CSV glossary loader")
struct CSVGlossaryLoaderTests {
  @Test func sampleFixture() throws {
    let g = try GlossaryIO.load(path: S.fixture("sample.csv"))
    #expect(g.path == S.fixture("sample.csv"))
    #expect(g.concepts.map(\.id) == ["security-guarantees", "nato"])
    let first = g.concepts[0]
    #expect(first.subjectField == "arms control")
    #expect(first.note == "Assurances that a state's security will be upheld.")
    #expect(first.line == 4)
    #expect(
      first.terms == [
        Term(
          "гарантии безопасности", language: tag("ru"), status: .preferred, partOfSpeech: "noun"),
        Term("security guarantees", language: tag("en"), status: .preferred, partOfSpeech: "noun"),
        Term(
          "security assurances", language: tag("en"), status: .deprecated, partOfSpeech: "noun",
          matchMode: .exact,
          note: "Avoid: reads as \"insurance\", not a guarantee."),
      ])
    #expect(first.terms.map(\.line) == [4, 5, 6])
    let nato = g.concepts[1]
    // grouped by language
    #expect(nato.terms.map(\.text) == ["NATO", "North Atlantic\nTreaty Organization", "НАТО"])
    #expect(nato.terms[0].caseSensitive == true)
    #expect(nato.terms[0].termType == "acronym")
  }

  @Test func bomCRLFAnyColumnOrderAndCaseInsensitiveHeader() throws {
    let text =
      "\u{FEFF}# comment\r\n\r\nTerm,Lang,Concept,Status\r\n\"a, b\",en,x,Preferred\r\nc,en-gb,x,deprecatedTerm-admn-sts\r\n"
    let g = try GlossaryIO.load(bytes: Array(text.utf8), path: "g.csv", format: .csv)
    #expect(g.concepts.count == 1)
    #expect(
      g.concepts[0].terms == [
        Term("a, b", language: tag("en"), status: .preferred),
        Term("c", language: tag("en-GB"), status: .deprecated),
      ])
    #expect(g.concepts[0].terms.map(\.line) == [4, 5])
  }

  @Test(arguments: [true, false])
  func utf16WithAByteOrderMarkReadsAsUTF8Does(littleEndian: Bool) throws {
    let text =
      "concept,lang,term,status\nx,ru,гарантии безопасности,preferred\nx,en,𝐀 guarantee,preferred\n"
    func utf16(_ units: [UInt16]) -> [UInt8] {
      (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
        + units.flatMap {
          littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
        }
    }
    let expected = try GlossaryIO.load(bytes: Array(text.utf8), path: "g.csv", format: .csv)
    let g = try GlossaryIO.load(bytes: utf16(Array(text.utf16)), path: "g.csv", format: .csv)
    #expect(g.concepts == expected.concepts)
    #expect(g.concepts[0].terms.map(\.text) == ["гарантии безопасности", "𝐀 guarantee"])
    // A lone high surrogate in the last term, then an odd byte count: both named, never decoded
    // to U+FFFD.
    var broken = Array(text.utf16)
    broken.insert(0xD835, at: broken.count - 3)
    for bytes in [utf16(broken), utf16(Array(text.utf16)) + [0x41]] {
      let error = S.expectError {
        try GlossaryIO.loadReportingIssues(bytes: bytes, path: "g.csv", format: .csv).glossary
      }
      #expect(error?.kind == .input && error?.file == "g.csv", "\(String(describing: error))")
    }
    #expect(
      S.expectError { try GlossaryIO.load(bytes: utf16(broken), path: "g.csv", format: .csv) }?
        .reason.contains("unpaired surrogate") == true)
  }

  @Test func tsvAllowsQuotesAndTabsInQuotedCells() throws {
    let text =
      "concept\tlang\tterm\tnote\nx\tru\t\"с\ttab\"\t\"say \"\"hi\"\"\"\ny\ten\tplain \"quote\" inside\t\n"
    let g = try S.load(text, .tsv, path: "g.tsv")
    #expect(g.concepts.map(\.id) == ["x", "y"])
    #expect(g.concepts[0].terms[0].text == "с\ttab")
    #expect(g.concepts[0].terms[0].note == "say \"hi\"")
    #expect(g.concepts[1].terms[0].text == "plain \"quote\" inside")
    #expect(g.concepts[1].terms[0].note == nil)
  }

  @Test func crOnlyAndMixedLineEndsCountLines() throws {
    let g = try S.load("concept,lang,term\rx,en,a\r\nx,en,\"b\r\nc\"\ny,en,d\r", .csv)
    #expect(g.concepts.map(\.id) == ["x", "y"])
    #expect(g.concepts[0].terms.map(\.text) == ["a", "b\nc"])
    #expect(g.concepts.flatMap(\.terms).map(\.line) == [2, 3, 5])
  }

  @Test func unquotedCellsAreTrimmedQuotedCellsAreNot() throws {
    let g = try S.load("concept, lang , term\n x , en ,  spaced out  \nx,en,\"  kept  \"\n", .csv)
    #expect(g.concepts.map(\.id) == ["x"])
    #expect(g.concepts[0].terms.map(\.text) == ["spaced out", "  kept  "])
  }

  @Test func missingHeaderAndMissingRequiredColumn() throws {
    let none = try #require(csvError("# only a comment\n\n"))
    #expect(none.kind == .configuration)
    #expect(none.reason.contains("no header row"))
    let missing = try #require(csvError("# c\nconcept,term\nx,y\n"))
    #expect(missing.line == 2)
    #expect(missing.reason.contains("no 'lang' column"))
  }

  @Test func unknownColumnIsKeptAsANoteWithOneWarning() throws {
    let g = try S.load(
      "concept,lang,term,Colour,note\nx,en,red,warm,usage\nx,ru,красный,,\ny,en,blue,cold,\n", .csv,
      path: "g.csv")
    #expect(
      g.concepts.flatMap(\.terms).map(\.note) == ["usage\nColour: warm", nil, "Colour: cold"])
    #expect(g.warnings.count == 1)
    let warning = try #require(g.warnings.first)
    #expect(warning.hasPrefix("g.csv:1: column 'Colour' is not one of Termlint's"))
    #expect(
      warning.contains(
        "concept, subject, concept_note, lang, term, status, pos, type, case, match, note"))
  }

  @Test func duplicateColumn() throws {
    let error = try #require(csvError("concept,lang,term,Term\n"))
    #expect(error.reason.contains("column 'term' appears twice"))
  }

  @Test func missingRequiredCellNamesColumn() throws {
    let error = try #require(csvError("concept,lang,term\nx,en,ok\nx,,term\n"))
    #expect(error.line == 3)
    #expect(error.column == 3)
    #expect(error.reason == "column 'lang': the language is empty")
    let term = try #require(csvError("concept,lang,term\nx,en,\"  \"\n"))
    #expect(term.reason == "column 'term': the term is empty")
    let concept = try #require(csvError("concept,lang,term\n,en,a\n"))
    #expect(concept.reason.contains("column 'concept'"))
  }

  @Test func unknownStatusBadLanguageCaseAndMatch() throws {
    let status = try #require(csvError("concept,lang,term,status\nx,en,a,prefered\n"))
    #expect(status.line == 2)
    #expect(status.column == 8)
    #expect(status.reason.contains("column 'status': unknown status 'prefered'"))
    let lang = try #require(csvError("concept,lang,term\nx,english!,a\n"))
    #expect(lang.reason.contains("column 'lang': 'english!' is not a valid BCP 47 language tag"))
    let kase = try #require(csvError("concept,lang,term,case\nx,en,a,yes\n"))
    #expect(kase.reason.contains("column 'case': unknown value 'yes'"))
    let match = try #require(csvError("concept,lang,term,match\nx,en,a,fuzzy\n"))
    #expect(match.reason.contains("column 'match': unknown value 'fuzzy'"))
  }

  @Test func wrongNumberOfCells() throws {
    let error = try #require(csvError("concept,lang,term\nx,en,a,extra\n"))
    #expect(error.line == 2)
    #expect(error.reason.contains("row has 4 cells but the header has 3"))
  }

  @Test func unterminatedQuotePointsAtTheOpeningQuote() throws {
    let error = try #require(csvError("concept,lang,term\nx,en,a\ny,en,\"never closed\nz,en,b\n"))
    #expect(error.line == 3)
    #expect(error.column == 6)
    #expect(error.reason.contains("unterminated quoted cell"))
  }

  @Test func textAfterClosingQuote() throws {
    let error = try #require(csvError("concept,lang,term\nx,en,\"a\"b\n"))
    #expect(error.line == 2)
    #expect(error.column == 9)
    #expect(error.reason.contains("after the closing quote"))
  }

  @Test func conflictingConceptFieldsNameBothLines() throws {
    let error = try #require(
      csvError("concept,subject,lang,term\nx,law,en,a\nx,,en,b\nx,politics,en,c\n"))
    #expect(error.line == 4)
    #expect(error.column == 3)
    #expect(error.reason.contains("'law' (line 2)"))
    #expect(error.reason.contains("'politics' (line 4)"))
    let note = try #require(csvError("concept,concept_note,lang,term\nx,n1,en,a\nx,n2,en,b\n"))
    #expect(note.reason.contains("column 'concept_note'"))
    // Repeating the same value is fine.
    let ok = try S.load("concept,subject,lang,term\nx,law,en,a\nx,law,en,b\n", .csv)
    #expect(ok.concepts[0].subjectField == "law")
  }

  @Test func conceptRowsMustBeContiguous() throws {
    let error = try #require(csvError("concept,lang,term\nx,en,a\ny,en,b\nx,en,c\n"))
    #expect(error.line == 4)
    #expect(error.column == 1)
    #expect(
      error.reason.contains("concept 'x' reappears after other concepts (its rows start at line 2)")
    )
  }

  @Test func invalidUTF8IsAnInputError() throws {
    let bytes: [UInt8] = Array("concept,lang,term\nx,en,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    let error = try #require(
      S.expectError { try GlossaryIO.load(bytes: bytes, path: "g.csv", format: .csv) })
    #expect(error.kind == .input)
    #expect(error.line == 2)
  }
}
