import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// `untranslated` in both directions, on small cases modelled on real false alarms and misses:
/// English → Russian gettext catalogues (technical tokens, strings that stay unchanged) and
/// Russian → English text (a source-script word left in the translation).
@Suite("untranslated: both directions")
struct UntranslatedTests {
  /// A PO catalogue (English source, Russian target) of `(msgid, msgstr)` pairs, where `↓` in a
  /// msgstr marks an expected finding; returns the findings' and the markers' positions.
  static func po(
    _ entries: [(String, String)], flags: [String] = [],
    variant: RuleExamplesTests.Variant = .plain, sourceLanguage: LanguageTag? = LanguageTag("en")
  ) throws
    -> (found: [String], expected: [String], messages: [String])
  {
    let newline = variant == .crlf ? "\r\n" : "\n"
    var text =
      "msgid \"\"\(newline)msgstr \"\"\(newline)\"Language: ru\\n\"\(newline)\"Content-Type: text/plain; charset=UTF-8\\n\"\(newline)"
    if variant == .multibytePrefix { text += "# 😀e\u{301}𝐀 \(newline)" }
    var expected: [String] = []
    for (id, str) in entries {
      text += newline
      if !flags.isEmpty { text += "#, \(flags.joined(separator: ", "))\(newline)" }
      text += "msgid \"\(Self.escape(Self.transform(id, variant)))\"\(newline)"
      let line = text.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) } + 1
      let prefix = "msgstr \""
      var column = prefix.unicodeScalars.count + 1
      var out = ""
      for scalar in Self.transform(str, variant).unicodeScalars {
        if Character(scalar) == RuleExample.marker {
          expected.append("\(line):\(column)")
          continue
        }
        let escaped = Self.escape(String(scalar))
        out += escaped
        column += escaped.unicodeScalars.count
      }
      text += prefix + out + "\"" + newline
    }
    let document = try DocumentReader.read(
      bytes: Array(text.utf8), path: "a.po",
      defaults: LanguageDefaults(source: sourceLanguage, target: nil))
    #expect(
      document.sourceLanguage?.language == sourceLanguage?.language
        && document.targetLanguage?.language == "ru")
    let rule = ConfiguredRule(try UntranslatedRule(options: RuleOptions()), severity: .error)
    let findings = try Linter(glossary: TestLint.exampleGlossary, rules: [rule]).lint(document)
    for f in findings {
      #expect(SourceFile(path: "a.po", text: text).text(in: f.location.utf16Range) == f.matchedText)
    }
    return (
      findings.map { "\($0.location.line):\($0.location.column)" }, expected,
      findings.map(\.message)
    )
  }

  static func transform(_ text: String, _ variant: RuleExamplesTests.Variant) -> String {
    variant == .nfd || variant == .nbsp ? variant.apply(text) : text
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  /// English → Russian: translations that keep English file names, option names, keywords,
  /// codes and metavariables, and strings that must stay unchanged.
  static let translatedOrUnchanged: [(String, String)] = [
    ("Debug gitignore / exclude files", "Отладка файлов gitignore / exclude"),
    (
      "Usage: %s [OPTION]...\n  or:  %s --help\n  or:  %s --version\n",
      "Использование: %s [ПАРАМЕТР]…\n  или:  %s --help\n  или:  %s --version\n"
    ),
    ("default:LTR", "default:LTR"),
    ("calendar:MY", "calendar:MY"),
    ("pwd [-LP]", "pwd [-LP]"),
    ("Device type: major %lu, minor %lu", "Тип устройства: major %lu, minor %lu"),
    ("use make-mode for Makefile/make.bat", "использовать make-mode для Makefile/make.bat"),
    (
      "unknown %r toplevel_sectioning for class %r",
      "неизвестный %r toplevel_sectioning для класса %r"
    ),
    ("Invalid math_eqref_format: %r", "Неправильный math_eqref_format: %r"),
    ("See 'sphinx --help'.\n", "См. 'sphinx --help'.\n"),
    ("writing META-INF/container.xml file...", "запись файла META-INF/container.xml..."),
    (
      "[\n (\"Backups\", true, \"#*# .#* ~* *~ *.{orig,bak,swp}\"),\n (\"OS-specific metadata\", true, \".DS_Store ._* .Spotlight-V100 .Trashes Thumbs.db Desktop.ini\"),\n]",
      "[\n (\"Резервные копии\", true, \"#*# .#* ~* *~ *.{orig,bak,swp}\"),\n (\"Метаданные ОС\", true, \".DS_Store ._* .Spotlight-V100 .Trashes Thumbs.db Desktop.ini\"),\n]"
    ),
    (
      "Common Vulnerabilities and Exposures; CVE %s", "Common Vulnerabilities and Exposures; CVE %s"
    ),
    ("GNOME Calculator", "GNOME Calculator"),
    ("Open", "Open"),
    ("%s: %s", "%s: %s"),
    ("https://example.org/help/files", "https://example.org/help/files"),
    ("user@example.org", "user@example.org"),
    ("--no-color", "--no-color"),
    ("snake_case_name camelCaseName", "snake_case_name camelCaseName"),
    ("Files (*.txt, *.md)", "Файлы (*.txt, *.md)"),
    // Command lines, configuration examples, markup and file types copied unchanged.
    ("hg bisect --reset", "hg bisect --reset"),
    ("hg log -r \"sort(date('May 2008'), user)\"", "hg log -r \"sort(date('May 2008'), user)\""),
    ("[pager]\n  ignore = version, help, update", "[pager]\n  ignore = version, help, update"),
    ("$ ls\n  foo.c\n  $ hg status\n  ? foo.c", "$ ls\n  foo.c\n  $ hg status\n  ? foo.c"),
    ("<b>IP</b> <small>%s</small>", "<b>IP</b> <small>%s</small>"),
    ("  - web\n  - paths\n  - collections", "  - web\n  - paths\n  - collections"),
    ("Combined Excel (.xlsx)", "Combined Excel (.xlsx)"),
    ("hg qdiff [OPTION]... [FILE]...", "hg qdiff [ПАРАМЕТР]... [ФАЙЛ]..."),
    (
      "$ hg lfconvert --size 10 oldrepo newrepo",
      "$ hg lfconvert --size 10 старое_хранилище новое_хранилище"
    ),
    // Words the translators keep in two translated units are names, not English left over.
    ("Show gitignore and exclude rules", "Показать правила gitignore и exclude"),
    ("Edit gitignore or exclude", "Изменить gitignore или exclude"),
    ("gitignore exclude", "gitignore exclude"),
  ]

  /// English → Russian: text left in English.
  static let untranslated: [(String, String)] = [
    ("Exclamation mark", "↓Exclamation mark"),
    (
      "duplicate %s description of %s, other instance in %s",
      "↓duplicate %s description of %s, other instance in %s"
    ),
    (
      "Trusted organizations are those to which you have granted permission",
      "↓Trusted organizations are those to which you have granted permission"
    ),
    ("Could not open the file %s for writing", "↓Файл %s could not be opened for writing"),
    ("Debug gitignore / exclude files", "↓Debug gitignore / exclude files"),
    (
      "    This command supports shells that offer path name completion. It\n    currently completes only files already known to the dirstate.",
      "    ↓This command supports shells that offer path name completion. It\n    currently completes only files already known to the dirstate."
    ),
    (
      "<em>There is no %(object)s around yet.</em> <a href=\"%(add_url)s\">Add one</a> now.",
      "↓<em>There is no %(object)s around yet.</em> <a href=\"%(add_url)s\">Add one</a> now."
    ),
  ]

  @Test(arguments: RuleExamplesTests.Variant.allCases)
  func englishToRussian(variant: RuleExamplesTests.Variant) throws {
    let quiet = try Self.po(Self.translatedOrUnchanged, variant: variant)
    #expect(quiet.found.isEmpty, "[\(variant)] \(quiet.messages)")
    let loud = try Self.po(Self.untranslated, variant: variant)
    #expect(loud.found == loud.expected, "[\(variant)] \(loud.messages)")
  }

  /// Without a source language (a PO file linted without `--source-lang`), the script of the
  /// file's source texts stands for it.
  @Test func sourceScriptFromTheSourceTexts() throws {
    let quiet = try Self.po(Self.translatedOrUnchanged, sourceLanguage: nil)
    #expect(quiet.found.isEmpty, "\(quiet.messages)")
    let loud = try Self.po(Self.translatedOrUnchanged + Self.untranslated, sourceLanguage: nil)
    #expect(loud.found == loud.expected && !loud.found.isEmpty, "\(loud.messages)")
  }

  @Test func formatFlagsMakePlaceholdersCode() throws {
    // With c-format, `%s` before a word is a directive: nothing of it is a word.
    let r = try Self.po(
      [("%sfiles", "%sфайлы"), ("Copy %d files", "Копировать %d файлов")], flags: ["c-format"])
    #expect(r.found.isEmpty, "\(r.messages)")
  }

  @Test func technicalChunks() {
    func technical(_ s: String) -> Bool {
      let text = Array(s.utf16)
      return TechnicalText.technical(text, 0..<text.count) != nil
    }
    for s in [
      "--help", "-x", "[-LP]", "default:LTR", "calendar:MY", "make.bat", "Makefile/make.bat",
      "/usr/bin", "snake_case", "<file>",
      "*.txt", "user@example.org", "%s", "utf8", "x86_64", "`code`", "a=b", "std::string", "{name}",
    ] {
      #expect(technical(s), "\(s)")
    }
    for s in [
      "files", "«файлы»", "(политолог)", "и/или", "input/output", "make-mode", "don't", "word.",
      "-", "—", "*word*", "Отладка,",
    ] {
      #expect(!technical(s), "\(s)")
    }
  }

  @Test func wordsInCapitalsAndCodesAreNotLanguage() {
    #expect(LanguageEvidence.classify(Array("ПАРАМЕТР".utf16)[...])?.capitals == true)
    #expect(LanguageEvidence.classify(Array("LTR".utf16)[...])?.capitals == true)
    #expect(LanguageEvidence.classify(Array("iPhone".utf16)[...]) == nil)
    #expect(LanguageEvidence.classify(Array("utf8".utf16)[...]) == nil)
    #expect(LanguageEvidence.classify(Array("a".utf16)[...]) == nil)
    #expect(LanguageEvidence.classify(Array("Отладка".utf16)[...])?.lower == false)
    #expect(
      LanguageEvidence.classify(Array("файлов".utf16)[...])?.script
        == UnicodeProperties.Script.cyrillic)
    #expect(
      LanguageEvidence.classify(Array(Normalizer.nfd.normalize("мой").utf16)[...])?.letters == 3)
  }

  /// Russian → English: a Russian word left in an English article is reported at the word;
  /// a romanized term glossed with its original, a name and a cited (emphasised or quoted)
  /// original are not.
  @Test func russianLeftInEnglish() throws {
    let findings = try TestLint.findings(
      "Political scientist, PhD (политолог)", rules: ["untranslated"])
    #expect(findings.map(\.matchedText) == ["политолог"])
    for text in [
      "The siloviki (силовики) gained influence.",
      "He reads the daily Izvestia (Известия) every morning.",
      "The word *политолог* means political scientist.", "He called it «перезагрузка», a reset.",
    ] {
      #expect(try TestLint.findings(text, rules: ["untranslated"]).isEmpty, "\(text)")
    }
  }
}
