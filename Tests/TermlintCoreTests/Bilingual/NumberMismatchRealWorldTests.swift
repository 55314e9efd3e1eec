import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// False alarms of `number-mismatch` judged on the real catalogues of Evaluation/ (issue 12),
/// reduced to small PO entries: each class must stay silent, and the real wrong numbers judged
/// true next to them must still be reported.
@Suite("number-mismatch on real-world patterns")
struct NumberMismatchRealWorldTests {
  static func numbers(_ entries: String) throws -> [Finding] {
    let text = BilingualPrecisionTests.po(entries)
    return try BilingualPrecisionTests.findings(text, path: "a.po").filter {
      $0.ruleID == "number-mismatch"
    }
  }

  @Test func characterReferencesAreNotNumbers() throws {
    // gramps: "person&#8217;s name" was reported twice as a missing 8217.
    let found = try Self.numbers(
      """
      msgid "Clicking on a person&#8217;s name will take you to their relationship&#x2019;s page."
      msgstr "Выбор имени ведёт к странице соответствующей семьи."

      """)
    #expect(found.isEmpty, "\(found.map(\.message))")
    #expect(
      NumberScanner.characterReferences(in: Array("a&#8217;s &#x2019; &#; &#12 5".utf16)) == [
        1..<8, 10..<18,
      ])
  }

  @Test func pluralEntriesAreComparedAsAWhole() throws {
    // django: the singular "Delete 1 user" is msgstr[0], which Russian also uses for 21, 31 …
    let found = try Self.numbers(
      """
      msgid "Delete 1 user"
      msgid_plural "Delete %(count)d users"
      msgstr[0] "Удалить пользователя"
      msgstr[1] "Удалить %(count)d пользователя"
      msgstr[2] "Удалить %(count)d пользователей"

      msgid "Only 1 of 5 slots left"
      msgid_plural "Only %d of 5 slots left"
      msgstr[0] "Остался %d слот из 5"
      msgstr[1] "Осталось %d слота из 5"
      msgstr[2] "Осталось %d слотов из 6"

      """)
    // The 6 of the last form is a real wrong number; the 1 of the singular is the count.
    #expect(found.count == 1, "\(found.map(\.message))")
    #expect(found.first?.message.contains("'6'") == true)
    // pretix: forms that have lost the count altogether are still reported …
    let lost = try Self.numbers(
      """
      #, python-format
      msgid "1 order"
      msgid_plural "%(s)s orders"
      msgstr[0] "Оплаченные заказы"
      msgstr[1] "Оплаченные заказы"
      msgstr[2] "Оплаченные заказы"

      """)
    #expect(
      lost.count == 1 && lost.first?.message.contains("'1'") == true, "\(lost.map(\.message))")
    // … but not in a fuzzy entry: msgmerge's guess (here the translation of another message),
    // which gettext does not use, is not compared with its msgid.
    let fuzzy = try Self.numbers(
      """
      #, fuzzy, python-format
      msgid "1 order"
      msgid_plural "%(s)s orders"
      msgstr[0] "Оплаченные заказы"
      msgstr[1] "Оплаченные заказы"
      msgstr[2] "Оплаченные заказы"

      """)
    #expect(fuzzy.isEmpty, "\(fuzzy.map(\.message))")
  }

  @Test func localisedPluralCategoryLabels() throws {
    // Weblate: "One/few/many" → "Один/2-4/много".
    let found = try Self.numbers(
      """
      msgid "One/few/many/other"
      msgstr "Один/2-4/много/5+"

      msgid "Two/other"
      msgstr "Два/5+"

      msgid "One/two/three/other"
      msgstr "Один/два/три/5+"

      msgid "One or two other options"
      msgstr "Один или 3 других варианта"

      """)
    #expect(found.count == 1, "prose with category words is still checked: \(found.map(\.message))")
    #expect(NumberMismatchRule.namesPluralCategories("One/few/many"))
    #expect(!NumberMismatchRule.namesPluralCategories("One or two other options"))
  }

  @Test func spelledNumbersAndCompoundsMatchDigits() throws {
    let found = try Self.numbers(
      """
      msgid "Fortyfive minutes"
      msgstr "45 минут"

      msgid "Twenty-one days"
      msgstr "21 день"

      msgid "2-Way Fan"
      msgstr "Двусторонняя веерная карта"

      msgid "Every ID must be a full-length hex node id string."
      msgstr "Каждый идентификатор должен быть полным 16-ричным идентификатором узла."

      msgid "Use true color"
      msgstr "Использовать 24-битный цвет"

      msgid "Returns a list of 0s and 1s, see hgrc(5) for details."
      msgstr "Возвращает список нулей и единиц, подробности в :hg:`help config`."

      """)
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  @Test func timesWithSecondsAndSplitDigitGroups() throws {
    let found = try Self.numbers(
      """
      msgid "2017-05-31 20:00"
      msgstr "2017-05-31 20:00:00"

      msgid "more than 2,240,191 confirmed cases"
      msgstr "более 2240 191 подтвержденный случай"

      msgctxt "wrong"
      msgid "more than 2,240,191 confirmed cases"
      msgstr "более 2240 192 подтвержденных случаев"

      """)
    // Only the really different number (its two groups) is reported.
    #expect(
      found.count == 2
        && found.allSatisfy { $0.message.contains("2240") || $0.message.contains("192") },
      "\(found.map(\.message))")
  }

  @Test func realWrongNumbersAreStillReported() throws {
    // Judged true on the evaluation set.
    let found = try Self.numbers(
      """
      msgid "Wait 52 seconds"
      msgstr "Подождите 53 секунды"

      msgid "a date in RFC 2822 format"
      msgstr "дата в формате RFC 5322"

      msgid "Set the mode to 0755"
      msgstr "Установите режим 0555"

      msgid "Level 1, 2, or 3"
      msgstr "Уровень 0, 1, 2 или 3"

      msgid "user %(id)s (deleted)"
      msgstr "пользователь 1%(id)s (удален)"

      msgid "Last 4 hours"
      msgstr "Последние 4 часа"

      """)
    #expect(found.count == 5, "\(found.map(\.message))")
  }
}
