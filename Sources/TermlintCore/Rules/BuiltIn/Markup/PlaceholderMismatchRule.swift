import TermlintGlossary
import TermlintText

/// Flags inline codes, placeholders, URLs and e-mail addresses that differ between a source and
/// its translation.
struct PlaceholderMismatchRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "placeholder-mismatch",
    title: "Placeholder Mismatch",
    category: .designAndMarkup,
    defaultSeverity: .error,
    summary:
      "An inline code, placeholder, URL or e-mail address of the source is missing from the translation, or one is added",
    rationale: """
      ## Why is this bad?
      Placeholders are filled in by software: a missing `%s` or `{count}` loses a value, an extra
      or renamed one makes the program fail or print garbage. Inline codes of XLIFF and TMX
      (`<ph/>`, `<x/>`, `<g>`, `<bpt>` …) carry formatting and links. URLs and e-mail
      addresses must reach the reader unchanged.

      Compared, as a multiset per unit (per paragraph for aligned prose): the unit's inline
      codes by id; printf conversions (`%s`, `%1$d`, `%.2f`; `%d` equals `%i`; positional
      arguments by position number, so a reordering `%2$s … %1$s` is valid, and an unnumbered
      side is numbered in order when the other side numbers its arguments); Python `%(name)s`;
      Qt `%1`; brace fields `{0}`, `{name}`, `{0:>10}`, `{name!r}` (by name), `{{ var }}`;
      i18next `$t(key)`; ICU arguments `{count, plural, …}` by name and type (their branches
      are translated text: a translation may have other branches and other words in them);
      URLs (ignoring the scheme, `www.`, a trailing slash and language codes such as `/ru/` ↔
      `/en/`); e-mail addresses. `%%` is a percent sign, never the start of a directive.

      PO flags decide what a percent sign is: in a unit flagged `c-format` (or another printf
      format: `python-format`, `php-format` …) every conversion counts; `no-c-format` turns
      them off; `qt-format`/`kde-format` read `%1`; `no-python-brace-format` turns braces
      off. A unit without a flag is read conservatively: a conversion counts only where it
      cannot be a percent sign in prose (never after a letter or digit, never with a space, never
      followed by a letter or digit: *5% of*, *50%d*). A URL or e-mail address replaced by a
      different one is a localisation (the team's site, an example address in the reader's
      language) and is not reported; a near copy (*pres@example.org*) is. A Python field is
      compared by its argument (`{long_month.forms[Р]}` uses `{long_month}`). Fuzzy PO
      entries are skipped (gettext does not use them and they are already marked for review),
      and the first plural form may carry the codes of `msgid_plural` (*an hour ago* →
      *%(count)s час назад*). A `{name}` renamed into non-ASCII letters (`{part}` → `{часть}`)
      in a unit not flagged as a brace format is a translated metavariable of prose.

      ## Example
      Удалить %d файлов из {folder}? → Delete files from {dossier}?

      ## Use instead
      Delete %d files from {folder}?
      """,
    nonTriggeringExamples: [
      RuleExample("Delete %d files from {folder}?", source: "Удалить %d файлов из {folder}?"),
      RuleExample(
        "Hello, %(name)s! You have {count, plural, one {# message} other {# messages}}.",
        source:
          "Здравствуйте, %(name)s! У вас {count, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}."
      ),
      RuleExample("Growth reached 5% of GDP.", source: "Рост достиг 5% ВВП."),
      RuleExample(
        "Read more at https://example.org/en/news/.",
        source: "Подробнее: https://example.org/ru/news"),
      RuleExample("Moved %2$s to %1$s.", source: "Файл %s перемещен в %s."),
      RuleExample("Write to press@example.org.", source: "Пишите на press@example.org."),
      RuleExample("Use the %%(then) atom for %s.", source: "Используйте атом %%(then) для %s."),
      RuleExample("Flags %2$s%1$c, mode %3$o", source: "Режим %3$o, флаги %1$c%2$s"),
      RuleExample("Copy %2 files to %1?", source: "Скопировать %2 файлов в %1?"),
      RuleExample("You have $t(inbox.count) messages", source: "У вас $t(inbox.count) сообщений"),
      RuleExample(
        "{count, plural, one {file} other {files}} deleted",
        source: "Удалено: {count, plural, one {файл} few {файла} many {файлов} other {файла}}"),
      RuleExample("Total: {amount:,.2f} ({name!r})", source: "Итого: {amount:,.2f} ({name!r})"),
      RuleExample("Write to joe@example.org for help.", source: "Пишите на ivanov@example.org."),
    ],
    triggeringExamples: [
      RuleExample(
        "↓Delete files from ↓{dossier}?", source: "Удалить %d файлов из {folder}?",
        corrected: "Delete files from {folder}?"),
      RuleExample(
        "Hello, ↓%(user)s!", source: "Здравствуйте, %(name)s!", corrected: "Hello, %(name)s!"),
      RuleExample("↓Read more on our website.", source: "Подробнее: https://example.org/ru/news"),
      RuleExample("Welcome, ↓{{ user }}!", source: "Добро пожаловать, {{ name }}!"),
      RuleExample("Copy ↓%3 files?", source: "Скопировать %2 файлов?", corrected: "Copy %2 files?"),
      RuleExample("You have ↓$t(outbox.count) messages", source: "У вас $t(inbox.count) сообщений"),
      RuleExample(
        "Write to ↓pres@example.org.", source: "Пишите на press@example.org.",
        corrected: "Write to press@example.org."),
    ]
  )

  private struct Item: PairableItem {
    let unit: Int
    var code: InlineCode
    var matched = false
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for group in UnitScopes.groups(document) {
      var sources: [Item] = []
      var targets: [Item] = []
      for i in group {
        let unit = document.units[i]
        // A fuzzy PO entry is not used by gettext (nor checked by msgfmt -c): it is already
        // marked for a person to review.
        guard unit.source != nil, let target = unit.target, !target.isBlank, !unit.isExcluded,
          !unit.isFuzzy
        else { continue }
        var s = unit.sourceCodes.map { Item(unit: i, code: $0) }
        var t = unit.targetCodes.map { Item(unit: i, code: $0) }
        // The first plural form's source is the singular msgid, which often leaves the number
        // out ("an hour ago"); its translation may carry the codes of msgid_plural.
        if unit.unit.metadata["plural-index"] == "0" {
          let keys = Set(s.map(\.code.key))
          t.removeAll { !keys.contains($0.code.key) }
        }
        Self.alignPrintfPositions(&s, &t)
        sources += s
        targets += t
      }
      SidePairing.pair(&targets, with: &sources) { $0.code.key == $1.code.key }
      // A code both sides use, only a different number of times, is not reported: plural
      // variants (`…{{ limit }} character|…{{ limit }} characters`) and repeated names differ
      // in count legitimately.
      let matchedKeys = Set(targets.filter(\.matched).map(\.code.key))
      var missing = sources.filter { !$0.matched && !matchedKeys.contains($0.code.key) }
      // An added code and a missing one of the same kind in one unit are one change (a renamed
      // placeholder): report it once, at the added code.
      for item in targets where !item.matched && !matchedKeys.contains(item.code.key) {
        guard let target = document.units[item.unit].target else { continue }
        let range = target.fileRange(text: item.code.textRange)
        if let k = missing.firstIndex(where: {
          $0.unit == item.unit && $0.code.kind == item.code.kind
        }),
          let source = document.units[item.unit].source
        {
          let replaced = missing.remove(at: k)
          // A URL or e-mail address replaced by a different one is a localisation (the
          // team's own site, an example address in the reader's language); only a near copy
          // is a typo.
          if Self.isLocalisable(item.code.kind), !Self.isNearCopy(item.code.key, replaced.code.key)
          {
            continue
          }
          // A {name} renamed into letters no identifier of code uses ({part} → {часть}), in
          // a unit not flagged as a brace format, is a metavariable of prose, translated.
          if item.code.kind == "brace",
            item.code.key.unicodeScalars.contains(where: { $0.value > 0x7F }),
            !document.units[item.unit].flags.contains(where: Self.braceFormatFlags.contains)
          {
            continue
          }
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: range,
              message: .replaced(item.code.display, source: replaced.code.display),
              suggestions: [replaced.code.display], unit: document.units[item.unit].unit,
              related: [
                Location(
                  file: source.span.file,
                  utf16Range: source.fileRange(text: replaced.code.textRange))
              ]))
        } else {
          let related =
            document.units[item.unit].source.map {
              [Location(file: $0.span.file, utf16Range: $0.trimmedFileRange)]
            } ?? []
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: range, message: .extra(item.code.display),
              unit: document.units[item.unit].unit,
              related: related))
        }
      }
      for item in missing {
        guard let source = document.units[item.unit].source,
          let target = document.units[item.unit].target
        else { continue }
        let sourceRange = source.fileRange(text: item.code.textRange)
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: target.trimmedFileRange,
            message: .missing(item.code.display),
            unit: document.units[item.unit].unit,
            related: [Location(file: source.span.file, utf16Range: sourceRange)]))
      }
    }
    return findings
  }

  /// PO flags of formats whose placeholders are braces.
  static let braceFormatFlags: Set<String> = [
    "python-brace-format", "csharp-format", "java-format", "javascript-format",
  ]

  /// Whether a code is one a translator may replace by another on purpose.
  static func isLocalisable(_ kind: String) -> Bool { kind == "url" || kind == "email" }

  /// Whether two keys differ by at most two edits and share most of their text (a typo, not a
  /// different address).
  static func isNearCopy(_ a: String, _ b: String) -> Bool {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    guard abs(x.count - y.count) <= 2 else { return false }
    var previous = Array(0...y.count)
    for i in 1...max(1, x.count) where !x.isEmpty {
      var current = [i] + Array(repeating: 0, count: y.count)
      for j in 1...max(1, y.count) where !y.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      previous = current
    }
    let distance = x.isEmpty ? y.count : previous[y.count]
    return distance <= 2 && distance * 4 < max(x.count, y.count)
  }

  /// When one side numbers its printf arguments (`%2$s`) and the other does not (`%s`), numbers
  /// the other side's arguments in order, so a reordered translation matches.
  private static func alignPrintfPositions(_ a: inout [Item], _ b: inout [Item]) {
    func positional(_ items: [Item]) -> Bool {
      items.contains { $0.code.kind == "printf" && $0.code.key.contains("$") }
    }
    func number(_ items: inout [Item]) {
      var n = 0
      for k in items.indices where items[k].code.kind == "printf" {
        n += 1
        items[k].code.key = "%\(n)$" + items[k].code.key.dropFirst()
      }
    }
    if positional(a) && !positional(b) {
      number(&b)
    } else if positional(b) && !positional(a) {
      number(&a)
    }
  }
}

extension String {
  fileprivate static func replaced(_ code: String, source: String) -> String {
    "'\(code)' is not in the source, which has '\(source)' here; use the source's placeholder unchanged"
  }

  fileprivate static func extra(_ code: String) -> String {
    "'\(code)' is not in the source; use the source's placeholders and codes unchanged"
  }

  fileprivate static func missing(_ code: String) -> String {
    "'\(code)' of the source is missing from the translation; copy it unchanged"
  }
}
