import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The checks every translation QA tool has (issue 16): final punctuation, first-letter case,
/// escapes, and one source translated two ways.
@Suite("Translation QA checks")
struct TranslationQAChecksTests {
  static let ruEn = LanguageDefaults(source: LanguageTag("ru")!, target: LanguageTag("en")!)
  static let enRu = LanguageDefaults(source: LanguageTag("en")!, target: LanguageTag("ru")!)

  /// Every built-in rule, preview rules included (the spelling rule is another branch's).
  /// Every built-in rule; `spelling` only where the en_US Hunspell dictionary is installed.
  static let everyRule: [String] = BuiltInRules.descriptors.map(\.id).filter {
    $0 != "spelling" || hasEnglishDictionary
  }
  static let hasEnglishDictionary = !SpellingDictionaries.installed("en_US").isEmpty

  static func findings(_ document: Document, rules: [String]) throws -> [Finding] {
    try TestLint.findings(document: document, rules: rules)
  }

  static func po(_ entries: String) throws -> Document {
    let header =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: ru\\n\"\n\n"
    return try DocumentReader.read(
      bytes: Array((header + entries).utf8), path: "messages.po", defaults: enRu)
  }

  // MARK: - The acceptance file

  /// `Examples/bilingual/briefing.ru-en.xlf`: 20 units of a ru→en news briefing with a lost
  /// final stop, a question rendered as a statement, a source translated two ways and a
  /// lower-case start; every other unit is clean for every rule.
  @Test func briefingReportsExactlyThePlantedMistakes() throws {
    let path = TestPaths.repo("Examples/bilingual/briefing.ru-en.xlf")
    let document = try DocumentReader.read(path: path, defaults: Self.ruEn)
    #expect(document.units.count == 20)
    let found = try Self.findings(document, rules: Self.everyRule)
    let got = found.map {
      "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.severity.rawValue)"
    }
    var expected = [
      "27:82 punctuation-mismatch warning",  // a question rendered as a statement
      "39:88 punctuation-mismatch warning",  // the lost final stop (at the last word)
      "47:36 translation-inconsistent warning",  // unit 11 translates unit 4's source otherwise
      "55:36 case-mismatch warning",  // a sentence started in lower case
    ]
    if Self.hasEnglishDictionary {
      // The two planted misspellings; the names (Ryabkov, Zakharova, Lavrov, Peskov, Blinken)
      // are the BGN romanizations of the aligned source and not reported.
      expected += ["59:107 spelling warning", "79:44 spelling warning"]  // Amercan, desicion
    }
    #expect(got == expected)
    let inconsistent = try #require(found.first { $0.ruleID == "translation-inconsistent" })
    #expect(inconsistent.related.map(\.line) == [19])
    #expect(inconsistent.message.contains("Russia's position remains unchanged."))
    #expect(found.first { $0.ruleID == "case-mismatch" }?.matchedText == "there")
    #expect(
      found.filter { $0.ruleID == "punctuation-mismatch" }.map(\.matchedText) == [".", "level"])
  }

  // MARK: - punctuation-mismatch

  @Test func punctuationConventionsOfEachLanguageAreTheSameEnding() throws {
    let pairs: [(String, String)] = [
      ("He asked: «Что делать?»", "He asked: \"What is to be done?\""),
      ("Подождите…", "Please wait..."),
      ("Подождите. . .", "Please wait…"),
      ("Он сказал «да».", "He said \"yes.\""),
      ("Готово!?", "Done?!"),
      ("Заголовок：", "Title:"),
      ("Цены выросли на 5 %, и т. д.", "Prices rose by 5%, etc."),
    ]
    for (source, target) in pairs {
      let built = try BilingualExample.build(source: source, target: target)
      let found = try Self.findings(built.document, rules: ["punctuation-mismatch"])
      #expect(found.isEmpty, "\(source) → \(target): \(found.map(\.message))")
    }
  }

  @Test func punctuationSkipsFuzzyEntriesAndContinuedSources() throws {
    let document = try Self.po(
      """
      #, fuzzy
      msgid "Delete the file?"
      msgstr "Удалить файл."

      msgid "View all works in"
      msgstr "Смотреть все работы здесь:"

      msgid "Your passwords do not match"
      msgstr "Пароли не совпадают."

      msgid "Title:"
      msgstr "Заголовок"

      """)
    let found = try Self.findings(document, rules: ["punctuation-mismatch"])
    // The fuzzy entry and the continued fragment are skipped; an added and a lost stop are not.
    #expect(found.map(\.matchedText) == [".", "Заголовок"])
  }

  // MARK: - case-mismatch

  @Test func caseSeverityFollowsTheFilesEvidence() throws {
    // Ten lower-case sources kept in lower case, then one capitalised: the file's translator
    // keeps the source's case, so the one that differs is a warning.
    var entries = ""
    let words = [
      "file", "folder", "page", "user", "group", "site", "image", "document", "comment", "language",
    ]
    let russian = [
      "файл", "папка", "страница", "пользователь", "группа", "сайт", "изображение", "документ",
      "комментарий", "язык",
    ]
    for (w, r) in zip(words, russian) { entries += "msgid \"\(w)\"\nmsgstr \"\(r)\"\n\n" }
    entries += "msgid \"seconds\"\nmsgstr \"Секунды\"\n\n"
    let keeping = try Self.findings(try Self.po(entries), rules: ["case-mismatch"])
    #expect(keeping.map(\.severity) == [.warning])
    #expect(keeping.first?.matchedText == "Секунды")
    // The same unit alone: no evidence either way, so `info`.
    let alone = try Self.findings(
      try Self.po("msgid \"seconds\"\nmsgstr \"Секунды\"\n\n"), rules: ["case-mismatch"])
    #expect(alone.map(\.severity) == [.info])
    // A file whose translator capitalises most fragments: a style, nothing reported.
    var capitalising = ""
    for (w, r) in zip(words, russian) {
      capitalising += "msgid \"\(w)\"\nmsgstr \"\(r.prefix(1).uppercased() + r.dropFirst())\"\n\n"
    }
    #expect(try Self.findings(try Self.po(capitalising), rules: ["case-mismatch"]).isEmpty)
  }

  @Test func caseLeavesMonthsAcronymsAndReorderedWordsAlone() throws {
    let document = try Self.po(
      """
      msgid "August"
      msgstr "августа"

      msgid "NATO summit"
      msgstr "саммит НАТО"

      msgid "iPhone settings"
      msgstr "Настройки iPhone"

      msgid "%d files"
      msgstr "%d файлов"

      """)
    #expect(try Self.findings(document, rules: ["case-mismatch"]).isEmpty)
  }

  // MARK: - escape-mismatch

  @Test func escapesAreCountedAsTheFileWritesThem() throws {
    // In PO, `\\n` is a backslash and an n in the message; `\r` is a carriage return.
    let document = try Self.po(
      #"""
      msgid "Line one\\nLine two"
      msgstr "Строка один Строка два"

      msgid "Done"
      msgstr "Готово\r"

      msgid "Path C:\\temp"
      msgstr "Путь C:\\temp"

      msgid "Tab\\tseparated"
      msgstr "Разделено\\tтабуляцией\\t"

      """#)
    let found = try Self.findings(document, rules: ["escape-mismatch"])
    #expect(found.map(\.location.line) == [7, 10, 16])
    // The file's text: the missing `\\n` is reported at the translation, the added escapes
    // where they are written.
    #expect(found.map(\.matchedText) == ["Строка один Строка два", #"\r"#, #"\\t"#])
  }

  // MARK: - translation-inconsistent

  @Test func inconsistencyHonoursContextPluralsAndTypography() throws {
    let document = try Self.po(
      """
      msgctxt "verb"
      msgid "Open"
      msgstr "Открыть"

      msgctxt "adjective"
      msgid "Open"
      msgstr "Открыт"

      msgid "The talks — in Geneva"
      msgstr "Переговоры – в Женеве"

      msgid "The talks - in  Geneva"
      msgstr "Переговоры - в Женеве"

      msgid "Delete the report"
      msgstr "Удалить отчёт"

      msgid "delete the report"
      msgstr "Стереть отчет"

      """)
    let found = try Self.findings(document, rules: ["translation-inconsistent"])
    // Only the last pair: different words, not different contexts or typography.
    #expect(found.map(\.matchedText) == ["Стереть отчет"])
    #expect(found.first?.message.contains("'Удалить отчёт'") == true)
  }

  @Test func theReverseCheckIsOptIn() throws {
    let built = try BilingualExample.build(source: "Отменить\nПрервать", target: "Cancel\nCancel")
    #expect(try Self.findings(built.document, rules: TestLint.pipelineRules).isEmpty)
    #expect(try Self.findings(built.document, rules: ["target-inconsistent"]).count == 1)
  }
}
