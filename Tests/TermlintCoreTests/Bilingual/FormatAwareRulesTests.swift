import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// `mixed-script` by confusables and `placeholder-mismatch` by format flags, on small PO
/// catalogues modelled on real false alarms (printf directives glued to a word, `%0A` escapes,
/// metavariables, `%%`, reordered positional arguments).
@Suite("Format-aware mixed-script and placeholders")
struct FormatAwareRulesTests {
  static func po(_ entries: String, language: String = "ru") -> String {
    "msgid \"\"\nmsgstr \"\"\n\"Language: \(language)\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      + entries
  }

  static func findings(_ text: String, rule: String, path: String = "a.po") throws -> [Finding] {
    let document = try DocumentReader.read(
      bytes: Array(text.utf8), path: path, defaults: LanguageDefaults(source: nil, target: nil))
    return try TestLint.findings(document: document, rules: [rule])
  }

  static func entry(_ source: String, _ target: String, flags: String? = nil) -> String {
    (flags.map { "#, \($0)\n" } ?? "") + "msgid \"\(source)\"\nmsgstr \"\(target)\"\n\n"
  }

  // MARK: mixed-script

  @Test func directivesEscapesAndMetavariablesAreNotTypos() throws {
    let text = Self.po(
      Self.entry("%shint", "%sподсказка", flags: "c-format")
        + Self.entry("%cwill", "%cбудут", flags: "c-format")
        + Self.entry("%sreset", "%sсброс")
        + Self.entry("Enter passphrase%0AKey: %s", "Введите фразу-пароль%0AКлюч: %s")
        + Self.entry("Line one%0ALine two", "Строка%0AСтрока")
        + Self.entry("PREFIXaa, PREFIXab", "ПРЕФИКСaa, ПРЕФИКСab")
        + Self.entry("RFILE", "RФАЙЛ") + Self.entry("IUsed", "IИспользовано")
        + Self.entry("{name}ы", "{name}ы")
        + Self.entry("Menu MC", "МенюMC"))
    let found = try Self.findings(text, rule: "mixed-script")
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  @Test func lookAlikeTyposAreStillFound() throws {
    let text = Self.po(
      Self.entry("Server", "Cервер") + Self.entry("%s server", "%sCервер", flags: "c-format")
        + Self.entry("Key%0AServer", "Ключ%0AСeрвер")
        + Self.entry("Host", "хoст"))
    let found = try Self.findings(text, rule: "mixed-script")
    #expect(
      found.map(\.matchedText) == ["Cервер", "Cервер", "Сeрвер", "хoст"], "\(found.map(\.message))")
    #expect(found.map { $0.suggestions.first ?? "" } == ["Сервер", "Сервер", "Сервер", "хост"])
    #expect(found.allSatisfy { $0.fixIsSafe })
  }

  @Test func swapMustGiveAWordOfTheLanguage() {
    let en = LanguageTag("en")
    let ru = LanguageTag("ru")  // optional tags
    #expect(Confusables.retyped("NАТО", language: en, sourceLanguage: ru) == "NATO")
    #expect(Confusables.retyped("Cервер", language: ru, sourceLanguage: en) == "Сервер")
    // І is Cyrillic but not Russian; b has no lower-case Russian look-alike of its case.
    #expect(Confusables.retyped("Iгра", language: ru, sourceLanguage: en) == nil)
    #expect(Confusables.retyped("ПРЕФИКСab", language: ru, sourceLanguage: en) == nil)
    #expect(Confusables.retyped("RФАЙЛ", language: ru, sourceLanguage: en) == nil)
    // The case pattern of a word: all lower, all capitals, or Title.
    #expect(
      Confusables.hasWordCase(Array("NATO".unicodeScalars))
        && Confusables.hasWordCase(Array("Сервер".unicodeScalars)))
    #expect(!Confusables.hasWordCase(Array("ПРЕФИКСаЬ".unicodeScalars)))
  }

  @Test func theSameMixedWordInTheSourceIsNotTheTranslators() throws {
    let text = Self.po(Self.entry("Use the Cервер option", "Используйте параметр Cервер"))
    #expect(try Self.findings(text, rule: "mixed-script").isEmpty)
  }

  // MARK: placeholders

  static func keys(_ text: String, flags: Set<String> = [], protecting: Bool = false) -> [String] {
    let file = SourceFile(path: "t", text: text)
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: nil)
    return PlaceholderScanner(flags: flags, languageCodes: [], protecting: protecting).codes(
      in: span
    ).map(\.key)
  }

  @Test func percentPercentIsAPercentSign() {
    #expect(Self.keys("%%(then) atom") == [])
    #expect(Self.keys("%%(then) atom", flags: ["python-format"]) == [])
    #expect(Self.keys("100%%s done %s", flags: ["c-format"]) == ["%s"])
    #expect(Self.keys("%%%s", flags: ["c-format"]) == ["%s"])
  }

  @Test func flagsDecideWhatAPercentSignIs() {
    #expect(
      Self.keys("%sподсказка") == [], "no flag: a directive glued to a word is read conservatively")
    #expect(Self.keys("%sподсказка", flags: ["c-format"]) == ["%s"])
    #expect(Self.keys("%s files", flags: ["no-c-format"]) == [])
    #expect(Self.keys("Copy %1 to %2", flags: ["qt-format"]) == ["%1", "%2"])
    #expect(Self.keys("Copy %1 to %2", flags: ["c-format"]) == [], "not a C directive")
    #expect(
      Self.keys("{} of {}", flags: ["python-brace-format"]) == ["{0}", "{1}"],
      "automatic numbering: {} is {0}")
    #expect(Self.keys("{0} of {name}", flags: ["no-python-brace-format"]) == [])
    #expect(
      Self.keys("%1$s%2$d and %s%s") == ["%1$s", "%2$d", "%s", "%s"],
      "numbered and adjacent directives are unambiguous")
  }

  @Test func otherPlaceholderForms() {
    #expect(
      Self.keys("{count, plural, one {file} other {files in {folder}}}") == [
        "{count, plural}", "{folder}",
      ])
    #expect(Self.keys("{value:,.2f} and {name!r}") == ["{value}", "{name}"])
    #expect(Self.keys("See $t(common.more) now") == ["$t(common.more)"])
    #expect(Self.keys("pushing to http:// and https:// URLs") == [], "a scheme alone is not a URL")
    #expect(
      Self.keys("Default: {{mergetobranch\n ([-\\w]+)}}")
        == Self.keys("Default: {{mergetobranch ([-\\w]+)}}"))
    #expect(
      Self.keys("{long_month.forms[Р]} {year}") == ["{long_month}", "{year}"],
      "an argument is compared by its root name")
  }

  @Test func protectingReadsEveryPossibleCode() {
    // `%0A` reads as the printf conversion `%0A` (flag 0, hex float): protected either way.
    #expect(Self.keys("%sподсказка%0AКлюч \\n", protecting: true) == ["%s", "%f", "\\n"])
    #expect(Self.keys("key%0Bvalue", protecting: true) == ["%0B"])
    #expect(Self.keys("%cбудут", protecting: true) == ["%c"])
  }

  @Test func fuzzyEntriesAndTheSingularPluralForm() throws {
    let text = Self.po(
      """
      #, fuzzy, python-format
      msgid "Changes at %(organizer)s"
      msgstr "Ваш сертификат использован."

      #, python-format
      msgid "an hour ago"
      msgid_plural "%(count)s hours ago"
      msgstr[0] "%(count)s час назад"
      msgstr[1] "%(count)s часа назад"
      msgstr[2] "%(count)s часов назад"

      #, python-format
      msgid "%(count)s file"
      msgid_plural "%(count)s files"
      msgstr[0] "%(count)s файл"
      msgstr[1] "%(num)s файла"
      msgstr[2] "%(count)s файлов"

      """)
    let found = try Self.findings(text, rule: "placeholder-mismatch")
    #expect(found.map(\.matchedText) == ["%(num)s"], "\(found.map(\.message))")
  }

  @Test func reorderedPositionalArgumentsAndFlagsInACatalogue() throws {
    let text = Self.po(
      Self.entry("%c%s %s %s %s %s", "%6$s %5$s %4$s %3$s %2$s %1$c", flags: "c-format")
        + Self.entry("%%(then) atom for %s", "атом %%(then) для %s", flags: "c-format")
        + Self.entry("Done %s", "Готово", flags: "no-c-format")
        + Self.entry("Size: {0:>10}", "Размер: {0:>10}", flags: "python-brace-format")
        + Self.entry("Open %1", "Открыть %1", flags: "qt-format")
        + Self.entry("Open %1", "Открыть %2", flags: "qt-format")
        + Self.entry("%s of %d", "%d из", flags: "c-format")
        + Self.entry(
          "Anything not given as {part} is appended", "Всё, что не указано как {часть}, добавляется"
        )
        + Self.entry("Map user@emaildomain.com", "Сопоставить пользователь@emaildomain.com")
        + Self.entry("Hello {name}", "Привет, {имя}", flags: "python-brace-format"))
    let found = try Self.findings(text, rule: "placeholder-mismatch")
    #expect(found.map(\.message).count == 3, "\(found.map(\.message))")
    #expect(
      found.contains { $0.message.contains("'{имя}'") },
      "a renamed field of a brace format is an error")
    #expect(found.contains { $0.message.contains("'%2'") })
    #expect(found.contains { $0.message.contains("'%s' of the source is missing") })
  }
}
