import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// `target-missing` reports a translation that is expected and missing, and counts the units
/// that are not translated yet (gettext's and XLIFF's normal state) in the report instead.
@Suite("target-missing: expected translations and untranslated counts")
struct TargetMissingFormatsTests {
  static func read(_ text: String, path: String) throws -> Document {
    try DocumentReader.read(
      bytes: Array(text.utf8), path: path, defaults: LanguageDefaults(source: nil, target: nil))
  }

  static func missing(_ document: Document, options: [String: String] = [:]) throws -> [Finding] {
    let rule = try TargetMissingRule(options: RuleOptions(options))
    let linter = Linter(glossary: TestLint.exampleGlossary, rules: [])
    return rule.check(
      try linter.annotate(document),
      context: RuleContext(glossary: TestLint.exampleGlossary, severity: .error))
  }

  static let po = BilingualPrecisionTests.po(
    """
    msgid "Delete the file?"
    msgstr ""

    msgid "Open"
    msgstr "Открыть"

    msgid "%d file"
    msgid_plural "%d files"
    msgstr[0] "%d файл"
    msgstr[1] ""
    msgstr[2] ""

    msgid "%d folder"
    msgid_plural "%d folders"
    msgstr[0] ""
    msgstr[1] ""
    msgstr[2] ""

    #, fuzzy
    msgid "Save"
    msgstr "Сохранено"

    #, fuzzy, python-format
    msgid "One product"
    msgid_plural "%(num)s products"
    msgstr[0] "Один продуктДополнительные продукты"
    msgstr[1] ""
    msgstr[2] ""

    """)

  @Test func poReportsOnlyHalfTranslatedPluralEntries() throws {
    let document = try Self.read(Self.po, path: "a.po")
    let found = try Self.missing(document)
    #expect(found.count == 2, "msgstr[1] and msgstr[2] of the file entry: \(found.map(\.message))")
    #expect(found.allSatisfy { $0.message.contains("%d file") && $0.message.contains("expected") })
    // `untranslated: report` restores one finding per untranslated unit.
    // The empty forms of a fuzzy entry are not translated yet, like the entry (pretix).
    #expect(try Self.missing(document, options: ["untranslated": "report"]).count == 8)
    let progress = TargetMissingRule.progress(document)
    #expect(progress?.untranslated == 6 && progress?.units == 12, "\(String(describing: progress))")
  }

  @Test func xliffStatesDecide() throws {
    let xliff = """
      <?xml version="1.0"?>
      <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="ru" datatype="plaintext" original="a"><body>
      <trans-unit id="1"><source>Open the file</source></trans-unit>
      <trans-unit id="2"><source>Close the file</source><target state="new"></target></trans-unit>
      <trans-unit id="3"><source>Save the file</source><target state="translated"></target></trans-unit>
      <trans-unit id="4"><source>Print the file</source><target state="final">Напечатать файл</target></trans-unit>
      </body></file></xliff>
      """
    let document = try Self.read(xliff, path: "a.xlf")
    let found = try Self.missing(document)
    #expect(found.map(\.unitID) == ["3"], "\(found.map(\.message))")
    #expect(TargetMissingRule.progress(document).map { [$0.untranslated, $0.units] } == [2, 4])
  }

  @Test func tmxUnitWithoutTheTargetVariant() throws {
    let tmx = """
      <?xml version="1.0"?>
      <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
      <tu><tuv xml:lang="en"><seg>Open the file</seg></tuv><tuv xml:lang="ru"><seg>Открыть файл</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Close the file</seg></tuv></tu>
      </body></tmx>
      """
    let document = try DocumentReader.read(
      bytes: Array(tmx.utf8), path: "a.tmx",
      defaults: LanguageDefaults(source: LanguageTag("en"), target: LanguageTag("ru")))
    #expect(try Self.missing(document).count == 1)
  }

  @Test func reportsCountUntranslatedUnits() throws {
    let document = try Self.read(Self.po, path: "a.po")
    let report = RunReport(
      findings: [], files: [document.file], rules: [TargetMissingRule.descriptor],
      documents: [document])
    #expect(report.translationProgress["a.po"] == TranslationProgress(untranslated: 6, units: 12))
    let text = TextReporter.render(report, options: ReportOptions(color: false))
    #expect(text.contains("a.po (6 of 12 units not translated yet)"), "\(text)")
    #expect(
      text.contains("No problems found in 1 file · 6 of 12 units not translated yet"), "\(text)")
    let json = JSONReporter.render(report, options: ReportOptions())
    #expect(
      json.contains("\"untranslated\" : 6") && json.contains("\"translatableUnits\" : 12"),
      "\(json)")
    // A monolingual file has no such counts.
    let article = PlainTextReader.read(
      SourceFile(path: "b.md", text: "Text."), markdown: true, language: LanguageTag("en"))
    let plain = RunReport(findings: [], files: [article.file], rules: [], documents: [article])
    #expect(
      plain.translationProgress.isEmpty
        && !JSONReporter.render(plain, options: ReportOptions()).contains("untranslated"))
  }
}
