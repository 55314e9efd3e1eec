import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("PO reader")
struct POReaderTests {
  static let po = """
    # Russian-to-English catalogue written for the Termlint tests.
    msgid ""
    msgstr ""
    "Project-Id-Version: lead 1.0\\n"
    "Language: en_GB\\n"
    "X-Source-Language: ru\\n"
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

    # Translator: keep the quotes.
    #. Headline of the lead story
    #: article.md:1 article.md:7
    #, fuzzy, python-format
    #| msgid "Москва требует"
    msgctxt "lead"
    msgid ""
    "Москва требует «гарантий безопасности» "
    "от %(bloc)s"
    msgstr ""
    "Moscow\\tdemanded \\"legally binding\\" security assurances "
    "from %(bloc)s\\n"

    msgid "%d ракета"
    msgid_plural "%d ракеты"
    msgstr[0] "%d missile"
    msgstr[1] "%d attack weapons"

    msgid "Пусто"
    msgstr ""

    msgid "Ёж\\101\\x42"
    msgstr "\\320\\226 hedgehog"

    #~ msgid "Старое"
    #~ msgstr "Old"
    """

  @Test func headerEntriesPluralsAndMetadata() throws {
    let doc = try DocTest.read(
      Self.po, path: "lead.po", defaults: LanguageDefaults(source: DocTest.en, target: DocTest.ru))
    #expect(doc.format == "po")
    #expect(
      doc.metadata["Language"] == "en_GB" && doc.metadata["nplurals"] == "2"
        && doc.metadata["charset"] == "UTF-8")
    #expect(doc.metadata["Project-Id-Version"] == "lead 1.0")
    #expect(
      doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en-GB",
      "the header wins over defaults")
    #expect(
      doc.units.map(\.id) == [
        "lead|Москва требует «гарантий безопасности» от %(bloc)s", "%d ракета[0]", "%d ракета[1]",
        "Пусто", "ЁжAB",
      ])
    let lead = doc.units[0]
    #expect(
      lead.target?.string
        == "Moscow\tdemanded \"legally binding\" security assurances from %(bloc)s\n")
    #expect(lead.metadata["msgctxt"] == "lead")
    #expect(lead.metadata["flags"] == "fuzzy, python-format")
    #expect(lead.metadata["fuzzy"] == "yes")
    #expect(lead.metadata["comment"] == "Translator: keep the quotes.")
    #expect(lead.metadata["extracted-comment"] == "Headline of the lead story")
    #expect(lead.metadata["references"] == "article.md:1 article.md:7")
    #expect(lead.metadata["previous-msgid"] == "Москва требует")
    #expect(lead.metadata["line"] == "16")
    #expect(lead.source?.language?.value == "ru" && lead.target?.language?.value == "en-GB")
    let plural = Array(doc.units[1...2])
    #expect(plural.map { $0.source?.string } == ["%d ракета", "%d ракеты"])
    #expect(plural.map { $0.target?.string } == ["%d missile", "%d attack weapons"])
    #expect(plural.map { $0.metadata["plural-index"] } == ["0", "1"])
    #expect(plural.map { $0.metadata["nplurals"] } == ["2", "2"])
    #expect(doc.units[4].target?.string == "Ж hedgehog", "octal escapes are UTF-8 bytes")
    #expect(doc.skippedUnits.map(\.id) == ["Старое"])
    #expect(doc.skippedUnits[0].metadata["skipped"] == "obsolete")
    #expect(doc.skippedUnits[0].target?.string == "Old")
  }

  @Test func wordOnAContinuationLineAfterEscapesMapsToItsExactPlace() throws {
    let doc = try DocTest.read(Self.po, path: "lead.po")
    let target = try #require(doc.units[0].target)
    let location = try DocTest.location(of: "security assurances", in: target)
    let expected = try #require(DocTest.expectedPosition(of: "security assurances", in: Self.po))
    #expect((location.line, location.column) == (expected.line, expected.column))
    #expect((location.endLine, location.endColumn) == (expected.line, expected.column + 19))
    #expect(target.file.text(in: location.utf16Range) == "security assurances")
    // Each escape maps to its whole source; a word across the pieces of a string maps to both lines.
    #expect(try target.file.text(in: DocTest.location(of: "\t", in: target).utf16Range) == "\\t")
    #expect(
      try target.file.text(in: DocTest.location(of: "\"legally", in: target).utf16Range)
        == "\\\"legally")
    let across = try DocTest.location(of: "assurances from", in: target)
    #expect(across.endLine == across.line + 1)
    let source = try #require(doc.units[0].source)
    let word = try DocTest.location(of: "от", in: source)
    let expectedWord = try #require(DocTest.expectedPosition(of: "\"от", in: Self.po))
    #expect((word.line, word.column) == (expectedWord.line, expectedWord.column + 1))
    DocTest.expectFaithfulMap(target)
    DocTest.expectFaithfulMap(source)
    let hedgehog = try #require(doc.units[4].target)
    #expect(
      hedgehog.file.text(in: try DocTest.location(of: "Ж", in: hedgehog).utf16Range) == "\\320\\226"
    )
  }

  @Test func emptyMsgstrIsAnEmptySpanInsideItsQuotes() throws {
    let doc = try DocTest.read(Self.po, path: "lead.po")
    let target = try #require(doc.units[3].target)
    #expect(target.text.isEmpty)
    let at = target.map.sourceRange(0..<0).lowerBound
    let position = target.file.position(utf16Offset: at)
    let expected = try #require(
      DocTest.expectedPosition(of: "\"\"", in: Self.po, after: "msgid \"Пусто\""))
    #expect((position.line, position.column) == (expected.line, expected.column + 1))
  }

  @Test func languagesFallBackToDefaults() throws {
    let bare = "msgid \"а\"\nmsgstr \"a\"\n"
    let doc = try DocTest.read(bare, path: "x.po")
    #expect(
      doc.units.count == 1 && doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en"
    )
    // A header naming only the target: a default source in the same language is not used.
    let ruTarget = "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\nmsgid \"Open\"\nmsgstr \"Открыть\"\n"
    let ru = try DocTest.read(ruTarget, path: "ru.po")
    #expect(ru.targetLanguage?.value == "ru" && ru.sourceLanguage == nil)
    #expect(ru.units.map(\.id) == ["Open"])
  }

  @Test func legacyCharsetsFromTheHeader() throws {
    // KOI8-R: "Привет" is F0 D2 C9 D7 C5 D4.
    var koi8 = Array(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=KOI8-R\\n\"\n\nmsgid \"Hi\"\nmsgstr \""
        .utf8)
    koi8 += [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array(" \\\"x\\\"\"\n".utf8)
    let doc = try DocumentReader.read(bytes: koi8, path: "k.po", defaults: DocTest.ruEn)
    #expect(doc.file.encoding.rawValue == "KOI8-R")
    let target = try #require(doc.units.first?.target)
    #expect(target.string == "Привет \"x\"")
    let location = try DocTest.location(of: "\"x", in: target)
    #expect((location.line, location.column) == (5, 16))

    let cp1251 = Legacy.cp1251(
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=CP1251\\n\"\r\n\r\nmsgid \"Ёж\"\r\nmsgstr \"Hedgehog\"\r\n"
    )
    let windows = try DocumentReader.read(bytes: cp1251, path: "w.po", defaults: DocTest.ruEn)
    #expect(windows.units.first?.source?.string == "Ёж")

    // Valid UTF-8 with a stale legacy declaration is read as UTF-8, not garbled.
    let stale = Array(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CP1251\\n\"\n\nmsgid \"Ёж\"\nmsgstr \"Hedgehog\"\n"
        .utf8)
    let utf8 = try DocumentReader.read(bytes: stale, path: "s.po", defaults: DocTest.ruEn)
    #expect(utf8.units.first?.source?.string == "Ёж" && utf8.file.encoding == .utf8)

    let unknown = Array(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=X-NO-SUCH\\n\"\n".utf8)
    #expect {
      try DocumentReader.read(bytes: unknown, path: "u.po", defaults: DocTest.ruEn)
    } throws: { ($0 as? TermlintError)?.reason.contains("unknown encoding 'X-NO-SUCH'") == true }

    // No usable charset and bytes that are not UTF-8: a clear error, not a guess.
    var latin = Array(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset= koi8-r\\n\"\n\nmsgid \"x\"\nmsgstr \""
        .utf8)
    latin += [0xE9] + Array("\"\n".utf8)
    #expect {
      try DocumentReader.read(bytes: latin, path: "l.po", defaults: DocTest.ruEn)
    } throws: { error in
      guard let e = error as? TermlintError else { return false }
      return e.file == "l.po" && e.reason.contains("invalid UTF-8")
        && e.reason.contains("names no charset")
    }
  }

  @Test(
    arguments: [
      ("msgid \"a\"\nmsgstr \"b\n", 2, 8, "not closed"),
      ("msgid \"a\"\nmsgstr \"b\" x\n", 2, 12, "after the closing quote"),
      ("msgid \"a\\q\"\nmsgstr \"b\"\n", 1, 9, "unknown escape"),
      ("msgstr \"b\"\n", 1, 1, "without a 'msgid'"),
      ("msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n", 2, 1, "second 'msgid'"),
      ("msgid \"a\"\nmsgstr[0] \"b\"\n", 2, 1, "without 'msgid_plural'"),
      ("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"c\"\nmsgstr[2] \"d\"\n", 4, 1, "out of order"),
      ("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"c\"\n", 3, 1, "msgstr[0]"),
      ("msgid \"a\"\n# note\nmsgstr \"b\"\n", 2, 1, "comment between"),
      ("msgid \"a\"\nmsgstr \"b\"\nhello\n", 3, 1, "unknown keyword 'hello'"),
      ("\n\"c\"\nmsgid \"a\"\nmsgstr \"b\"\n", 2, 1, "no keyword"),
      ("msgid \"a\"\n", 1, nil, "without a 'msgstr'"),
      ("msgid a\nmsgstr \"b\"\n", 1, 7, "quoted string"),
    ] as [(String, Int, Int?, String)])
  func syntaxErrorsNameLineAndColumn(text: String, line: Int, column: Int?, reason: String) throws {
    do {
      let doc = try DocTest.read(text, path: "bad.po")
      Issue.record("expected an error, got \(doc.units.count) units")
    } catch let error as TermlintError {
      #expect(error.file == "bad.po" && error.line == line && error.column == column, "\(error)")
      #expect(error.reason.contains(reason), "\(error.reason)")
    }
  }
}
