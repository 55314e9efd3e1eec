import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// False positives seen on real software translations (GNOME and Symfony files in
/// ../shared/corpus), reduced to small cases: each must stay silent, and the real problem next
/// to it must still be found.
@Suite("Bilingual rules: precision on real-world patterns")
struct BilingualPrecisionTests {
  static func findings(_ text: String, path: String) throws -> [Finding] {
    let document = try DocumentReader.read(
      bytes: Array(text.utf8), path: path, defaults: LanguageDefaults(source: nil, target: nil))
    return try TestLint.findings(document: document)
  }

  static func po(_ entries: String) -> String {
    "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      + entries
  }

  @Test func messageKeysAreNotComparedWithTheirText() throws {
    let text = Self.po(
      "msgid \"translator-credits\"\nmsgstr \"Иван Петров <ivan@example.org>, 2014-2019.\"\n")
    #expect(try Self.findings(text, path: "a.po").isEmpty)
    #expect(
      UnitFacts.isMessageKey(Array("translator-credits".utf16))
        && UnitFacts.isMessageKey(Array("app.title_2".utf16)))
    #expect(
      !UnitFacts.isMessageKey(Array("lrrl".utf16))
        && !UnitFacts.isMessageKey(Array("Use custom editor".utf16)))
    #expect(
      !UnitFacts.isMessageKey(Array("a-".utf16)) && !UnitFacts.isMessageKey(Array("-a".utf16)))
  }

  @Test func pluralVariantsMayRepeatAPlaceholder() throws {
    let text = Self.po(
      """
      msgid "Too short: {{ limit }} character.|Too short: {{ limit }} characters."
      msgstr "Слишком коротко: {{ limit }} символ.|Слишком коротко: {{ limit }} символа.|Слишком коротко: {{ limit }} символов."

      msgid "Hello {{ name }}, you have {{ count }} messages."
      msgstr "Здравствуйте, у вас {{ count }} сообщений."

      """)
    let found = try Self.findings(text, path: "a.po").filter { $0.ruleID == "placeholder-mismatch" }
    #expect(found.count == 1, "only the really missing {{ name }}: \(found.map(\.message))")
    #expect(found.first?.message.contains("{{ name }}") == true)
  }

  @Test func placeholderWordsDoNotMakeATargetUntranslated() throws {
    let text = """
      <xliff version="1.2"><file source-language="en" target-language="ru"><body>
      <trans-unit id="1"><source>This value should be identical to {{ compared_value_type }} {{ compared_value }}.</source>
      <target>Значение должно быть идентичным {{ compared_value_type }} {{ compared_value }}.</target></trans-unit>
      <trans-unit id="2"><source>{name} ({charset})</source><target>{name} ({charset})</target></trans-unit>
      <trans-unit id="3"><source>lrrl</source><target>lrrl</target></trans-unit>
      <trans-unit id="4"><source>Open the file now</source><target>Open the file now</target></trans-unit>
      </body></file></xliff>
      """
    let found = try Self.findings(text, path: "a.xlf").filter { $0.ruleID == "untranslated" }
    #expect(found.map(\.unitID) == ["4"], "\(found.map(\.message))")
  }

  @Test func shortLabelsAreNotAdditions() throws {
    let text = Self.po(
      """
      msgid "Use custom text editor"
      msgstr "Использовать пользовательский текстовый редактор"

      """)
    #expect(try Self.findings(text, path: "a.po").filter { $0.ruleID == "addition" }.isEmpty)
  }
}
