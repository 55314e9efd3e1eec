import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The typography rules on catalogues and memories in other directions than the rule examples'
/// ru→en: source comparison on en→ru units, and the conventions of the target language.
@Suite("Typography rules: source comparison and target-language conventions")
struct TypographyConventionsTests {
  /// A document of one unit per pair (`nil` source: no source side), as a reader of `format`
  /// would give it; each side's texts are joined by blank lines in one file.
  static func document(
    _ pairs: [(String?, String)], source: String = "en", target: String = "ru",
    format: String = "po"
  ) -> Document {
    var sourceText: [UInt16] = []
    var targetText: [UInt16] = []
    var ranges: [(Range<Int>?, Range<Int>)] = []
    for (s, t) in pairs {
      var sourceRange: Range<Int>? = nil
      if let s {
        if !sourceText.isEmpty { sourceText += Array("\n\n".utf16) }
        let start = sourceText.count
        sourceText += Array(s.utf16)
        sourceRange = start..<sourceText.count
      }
      if !targetText.isEmpty { targetText += Array("\n\n".utf16) }
      let start = targetText.count
      targetText += Array(t.utf16)
      ranges.append((sourceRange, start..<targetText.count))
    }
    let sourceFile = SourceFile(
      path: "source.txt", text: String(decoding: sourceText, as: UTF16.self))
    let targetFile = SourceFile(
      path: "target.\(format)", text: String(decoding: targetText, as: UTF16.self))
    let s = LanguageTag(source)
    let t = LanguageTag(target)
    let units = ranges.enumerated().map { i, r in
      TermlintCore.Unit(
        id: "u\(i)", source: r.0.map { TextSpan(file: sourceFile, range: $0, language: s) },
        target: TextSpan(file: targetFile, range: r.1, language: t), metadata: [:])
    }
    return Document(
      file: targetFile, format: format, units: units, sourceLanguage: s, targetLanguage: t)
  }

  static func lint(_ document: Document, _ rule: String) throws -> [Finding] {
    try TestLint.findings(document: document, rules: [rule])
  }

  // MARK: Source comparison

  @Test func surplusIsChosenFarthestFromTheSource() {
    // Source: one occurrence at the start; target: one at the start and one at the end.
    let keep = SourceComparison.introduced(
      target: [(0, 1..<2), (0, 95..<96)], targetLength: 100, source: [(0, 2..<3)], sourceLength: 100
    )
    #expect(keep == [false, true])
    // Another kind is not matched.
    #expect(
      SourceComparison.introduced(
        target: [(1, 1..<2)], targetLength: 10, source: [(0, 1..<2)], sourceLength: 10) == [true])
  }

  @Test func whitespaceSharedWithTheSourceIsNotReported() throws {
    let doc = Self.document([
      (
        "  -B, --before-context=NUM  print NUM lines",
        "  -B, --before-context=NUM  печатать NUM строк"
      ),
      ("Overwrite? (y/N) ", "Перезаписать? (y/N) "),
      ("Talks resumed on Monday.", "Переговоры  возобновились в понедельник."),
    ])
    let findings = try Self.lint(doc, "whitespace")
    #expect(findings.map(\.matchedText) == ["  "])
    #expect(findings.first?.location.line == 5)
    // The same target text without a source keeps today's checks.
    let monolingual = Self.document([
      (nil, "  -B, --before-context=NUM  печатать NUM строк"), (nil, "Перезаписать? (y/N) "),
    ])
    #expect(try Self.lint(monolingual, "whitespace").count == 2)
  }

  @Test func paddingToAWidthSharedByOtherPaddedUnitsIsLayout() throws {
    // Midnight Commander's learn-keys labels: padded with trailing spaces to 17 characters.
    let doc = Self.document([
      ("Up arrow", "Стрелка вверх    "),
      ("Down arrow", "Стрелка вниз     "),
      ("Insert", "Клавиша Insert   "),
      ("/ on keypad", "/ доп.клавиатуры "),
      ("Official name", "Официальное название "),
      ("The file was saved.", "Файл сохранён. "),
    ])
    let findings = try Self.lint(doc, "whitespace")
    #expect(findings.map(\.matchedText) == [" ", " "])
    #expect(findings.map(\.location.line) == [9, 11])
    // One width with one padding length is not a padded column: three stray spaces.
    let same = Self.document([("Check", "Проверка "), ("Page", "Страница "), ("Save", "Записать ")])
    #expect(try Self.lint(same, "whitespace").count == 3)
    // Two padded units are not a column yet.
    let two = Self.document([("Up arrow", "Стрелка вверх    "), ("Insert", "Клавиша Insert   ")])
    #expect(try Self.lint(two, "whitespace").count == 2)
  }

  @Test func runsAfterLabelsEndingAtASharedValueColumnAreLayout() throws {
    // `hg summary`: the labels' values start in one column.
    let doc = Self.document([
      ("parent: %d", "родитель:   %d"),
      ("branch: %s", "ветка:      %s"),
      ("commit: %s", "фиксация:   %s"),
      ("Example: /about/", "Пример:  /about/"),
      ("Talks resumed on Monday.", "Переговоры  возобновились в понедельник."),
      ("Saved: done, as before.", "Сохранено: готово , как прежде."),
    ])
    let findings = try Self.lint(doc, "whitespace")
    #expect(findings.map(\.matchedText) == ["  ", "  ", " "])
    #expect(findings.map(\.location.line) == [7, 9, 11])
    // Runs of one length at one column are not an aligned column of labels.
    let equal = Self.document([
      ("parent: %d", "родитель:   %d"), ("commit: %s", "фиксация:   %s"),
      ("summary: %s", "описание:   %s"),
    ])
    #expect(try Self.lint(equal, "whitespace").count == 3)
    // Nor are two labels.
    let two = Self.document([("parent: %d", "родитель:   %d"), ("phase: %s", "стадия:     %s")])
    #expect(try Self.lint(two, "whitespace").count == 2)
  }

  @Test func entriesWhoseCommentSaysColumnsAreLayout() throws {
    var doc = Self.document([
      ("rebase: %s, %s (rebase --continue)", "rebase:     %s, %s (rebase --continue)"),
      ("bookmarks:", "закладки:   "),
      ("rebase: %s done. Next", "rebase:     %s готово.Далее"),
      ("rebase: %s, %s (rebase --continue)", "rebase:     %s, %s (rebase --continue)"),
    ])
    doc.units[0].metadata["extracted-comment"] = "i18n: column positioning for \"hg summary\""
    doc.units[1].metadata["comment"] = "Column alignment: keep the value column"
    doc.units[2].metadata["extracted-comment"] = "i18n: column positioning for \"hg summary\""
    doc.units[3].metadata["comment"] = "Translators: the name of the rebase command"
    let findings = try Self.lint(doc, "whitespace")
    // The slip in a positioned entry and the run of the entry without such a comment.
    #expect(findings.map(\.matchedText) == [".", "     "])
    #expect(findings.map(\.location.line) == [5, 7])
  }

  @Test func bracketsAndControlCharactersOfTheSourceAreNotReported() throws {
    let doc = Self.document([
      ("Unmatched ) or \\)", "Непарная ) или \\)"),
      ("`", "«"),
      ("Field\u{1F}separator\u{07}", "Поле\u{1F}разделитель\u{07}"),
      ("The talks (the first since January) ended.", "Переговоры (первые с января закончились."),
      ("Zero width space.", "Пробел\u{200B} нулевой ширины."),
    ])
    #expect(try Self.lint(doc, "brackets").map(\.matchedText) == ["("])
    #expect(try Self.lint(doc, "invisible-char").map(\.matchedText) == ["\u{200B}"])
  }

  @Test func repeatsAndDashesOfTheSourceAreNotReported() throws {
    let doc = Self.document([
      ("y - stage this hunk", "y - индексировать этот блок"),
      ("very very slow", "очень очень медленно"),
      ("Search in selected files", "Искать в в выделенных файлах"),
      ("In &selected", "В в&ыделенном"),
    ])
    #expect(try Self.lint(doc, "repeated-word").map(\.matchedText) == ["в в"])
    #expect(try Self.lint(doc, "dashes").isEmpty)
  }

  // MARK: Target-language conventions

  @Test func russianCatalogueWithGuillemetsReportsStraightQuotesWithCertainSuggestions() throws {
    let doc = Self.document([
      (nil, "Откройте меню «Файл»."), (nil, "Нажмите «Да»."), (nil, "Выберите «Правка»."),
      (nil, "Нажмите \"Домой\"."), (nil, "Имя «файла „report“»."), (nil, "Учёт студентов’ нет."),
    ])
    let findings = try Self.lint(doc, "quotes")
    // The straight pair is reported with « and »; the inner „ “ of Russian is fine.
    #expect(findings.map(\.matchedText) == ["\"", "\""])
    #expect(findings.map { $0.suggestions } == [["«"], ["»"]])
  }

  @Test func correctCurlyApostrophesInACatalogueAreNeverReported() throws {
    let pairs: [(String?, String)] = [
      ("x", "It's here."), ("x", "Don't go."), ("x", "We're fine."),
      ("x", "Ensure the students’ data privacy."), ("x", "She said \"no\"."),
    ]
    #expect(
      try Self.lint(Self.document(pairs, source: "ru", target: "en", format: "tmx"), "quotes")
        .isEmpty)
    // In one article the house style is its majority (a lone ’ among straight apostrophes),
    // and the suggestion is the house form, never ‘ for an apostrophe.
    let article = try Self.lint(
      Self.document(pairs.map { (nil, $0.1) }, source: "ru", target: "en", format: "markdown"),
      "quotes")
    #expect(article.map(\.matchedText) == ["’"])
    #expect(article.first?.suggestions == ["'"])
  }

  @Test func englishQuotesLeftInAGuillemetFileAreReportedWithoutAGuess() throws {
    // “ ” outside guillemets in Russian: reported; the position of a mark glued on both sides
    // is uncertain, so no suggestion there.
    let doc = Self.document([
      (nil, "Меню «Файл» и «Правка»."), (nil, "Кнопка «Да»."), (nil, "Кнопка “Нет”."),
      (nil, "Код a\"b\"c."),
    ])
    let findings = try Self.lint(doc, "quotes")
    #expect(findings.map(\.matchedText) == ["“", "”", "\"", "\""])
    #expect(findings.prefix(2).map(\.suggestions) == [["«"], ["»"]])
    #expect(findings[2].suggestions.isEmpty)
    // A Russian catalogue whose majority is English “ ” mixes styles: nothing is certain.
    let mixed = Self.document([
      (nil, "Кнопка “Да”."), (nil, "Кнопка “Нет”."), (nil, "Кнопка \"Отмена\"."),
    ])
    #expect(try Self.lint(mixed, "quotes").isEmpty)
  }

  @Test func dashConventionsFollowTheCatalogueAndTheLanguage() throws {
    // A hyphen the source has is not reported, one the translation adds is, even in a catalogue
    // that mostly writes hyphens (judged a real error on the evaluation set).
    let hyphens = Self.document([
      ("y - stage this hunk", "y - индексировать этот блок"),
      ("n - do not stage", "n - не индексировать"),
      ("Gramps package is an archive.", "Пакет Gramps - это архив."),
    ])
    #expect(try Self.lint(hyphens, "dashes").map(\.matchedText) == ["-"])
    // A Russian catalogue of em dashes: a spaced en dash is a style Russian uses, a closed em
    // dash between words is not; a closed dash between digits is a range.
    let dashes = Self.document([
      (nil, "Москва — столица."), (nil, "Вода — жидкость."), (nil, "Азия – континент."),
      (nil, "Связь вирус—носитель."),
      (nil, "Годы 1941—1945."), (nil, "Лёд - вода."),
    ])
    let findings = try Self.lint(dashes, "dashes")
    #expect(findings.map(\.matchedText) == ["—", "-"])
    #expect(findings.map(\.suggestions) == [[" — "], ["—"]])
  }

  @Test func cyrillicTextUnderTheDefaultEnglishTargetIsNotJudgedAsEnglish() throws {
    // Linted with the default target `en`, a Russian catalogue's guillemets are not English
    // errors (no language is assumed; guillemets are a typographic style of their own).
    let pairs: [(String?, String)] = [
      (nil, "Кнопка \"Да\"."), (nil, "Кнопка \"Нет\"."), (nil, "Меню «Файл»."),
    ]
    #expect(try Self.lint(Self.document(pairs, target: "en"), "quotes").isEmpty)
    // Declared English and written in English, guillemets are not English quotation marks.
    let english: [(String?, String)] = [
      (nil, "Press \"Yes\"."), (nil, "Press \"No\"."), (nil, "The «File» menu."),
    ]
    #expect(
      try Self.lint(Self.document(english, target: "en"), "quotes").map(\.matchedText) == [
        "«", "»",
      ])
  }
}
