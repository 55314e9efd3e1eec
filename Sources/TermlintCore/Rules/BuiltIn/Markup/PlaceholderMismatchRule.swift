/// Flags inline codes, placeholders, URLs and e-mail addresses that differ between a source and
/// its translation.
struct PlaceholderMismatchRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "placeholder-mismatch",
    title: "Placeholder Mismatch",
    category: .designAndMarkup,
    defaultSeverity: .error,
    summary: "An inline code, placeholder, URL or e-mail address of the source is missing from the translation, or one is added",
    rationale: """
      ## Why is this bad?
      Placeholders are filled in by software: a missing `%s` or `{count}` loses a value, an extra
      or renamed one makes the program fail or print garbage. Inline codes of XLIFF and TMX
      (`<ph/>`, `<x/>`, `<g>`, `<bpt>` …) carry formatting and links. URLs and e-mail
      addresses must reach the reader unchanged.

      Compared, as a multiset per unit (per paragraph for aligned prose): the unit's inline
      codes by id; printf conversions (`%s`, `%1$d`, `%.2f`; `%d` equals `%i`, positions are
      compared when either side writes them); Python `%(name)s`; brace placeholders `{0}`,
      `{name}`, `{{ var }}`; ICU arguments `{count, plural, …}` by name and type (their
      branches are translated text); URLs (ignoring the scheme, `www.`, a trailing slash and
      language codes such as `/ru/` ↔ `/en/`); e-mail addresses. printf conversions are looked
      for when the unit is flagged `c-format` (or another `*-format`), and otherwise only where
      they cannot be a percent sign in prose (never after a digit or with a space: *5% of*);
      `no-c-format` turns them off.

      ## Example
      Удалить %d файлов из {folder}? → Delete files from {dossier}?

      ## Use instead
      Delete %d files from {folder}?
      """,
    nonTriggeringExamples: [
      RuleExample("Delete %d files from {folder}?", source: "Удалить %d файлов из {folder}?"),
      RuleExample("Hello, %(name)s! You have {count, plural, one {# message} other {# messages}}.", source: "Здравствуйте, %(name)s! У вас {count, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}."),
      RuleExample("Growth reached 5% of GDP.", source: "Рост достиг 5% ВВП."),
      RuleExample("Read more at https://example.org/en/news/.", source: "Подробнее: https://example.org/ru/news"),
      RuleExample("Moved %2$s to %1$s.", source: "Файл %s перемещен в %s."),
      RuleExample("Write to press@example.org.", source: "Пишите на press@example.org."),
    ],
    triggeringExamples: [
      RuleExample("↓Delete files from ↓{dossier}?", source: "Удалить %d файлов из {folder}?", corrected: "Delete files from {folder}?"),
      RuleExample("Hello, ↓%(user)s!", source: "Здравствуйте, %(name)s!", corrected: "Hello, %(name)s!"),
      RuleExample("↓Read more on our website.", source: "Подробнее: https://example.org/ru/news"),
      RuleExample("Welcome, ↓{{ user }}!", source: "Добро пожаловать, {{ name }}!"),
    ],
    requiresSource: true
  )

  init(options: RuleOptions) throws {
    try options.validate(known: [], rule: Self.descriptor.id)
  }

  private struct Item {
    let unit: Int
    var code: InlineCode
    var matched = false
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var languageCodes = Set<String>()
    for tag in [document.sourceLanguage, document.targetLanguage].compactMap({ $0 }) {
      languageCodes.insert(tag.language)
      languageCodes.insert(tag.value.lowercased())
    }
    var findings: [Finding] = []
    for group in UnitScopes.groups(document) {
      var sources: [Item] = []
      var targets: [Item] = []
      for i in group {
        let unit = document.units[i]
        guard let source = unit.source, let target = unit.target, !target.isBlank, !UnitFacts.isExcluded(unit.unit) else { continue }
        let scanner = PlaceholderScanner(flags: UnitFacts.flags(unit.unit), languageCodes: languageCodes)
        var s = scanner.codes(in: source.span).map { Item(unit: i, code: $0) }
        var t = scanner.codes(in: target.span).map { Item(unit: i, code: $0) }
        Self.alignPrintfPositions(&s, &t)
        sources += s
        targets += t
      }
      for sameUnit in [true, false] {
        for t in targets.indices where !targets[t].matched {
          if let s = sources.indices.first(where: {
            !sources[$0].matched && sources[$0].code.key == targets[t].code.key && (!sameUnit || sources[$0].unit == targets[t].unit)
          }) {
            sources[s].matched = true
            targets[t].matched = true
          }
        }
      }
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
        if let k = missing.firstIndex(where: { $0.unit == item.unit && $0.code.kind == item.code.kind }),
          let source = document.units[item.unit].source
        {
          let replaced = missing.remove(at: k)
          findings.append(context.finding(
            Self.descriptor, in: target, fileRange: range, message: .replaced(item.code.display, source: replaced.code.display),
            suggestions: [replaced.code.display], unit: document.units[item.unit].unit,
            related: [Location(file: source.span.file, utf16Range: source.fileRange(text: replaced.code.textRange))]))
        } else {
          let related = document.units[item.unit].source.map { [Location(file: $0.span.file, utf16Range: $0.trimmedFileRange)] } ?? []
          findings.append(context.finding(
            Self.descriptor, in: target, fileRange: range, message: .extra(item.code.display), unit: document.units[item.unit].unit,
            related: related))
        }
      }
      for item in missing {
        guard let source = document.units[item.unit].source, let target = document.units[item.unit].target else { continue }
        let sourceRange = source.fileRange(text: item.code.textRange)
        findings.append(context.finding(
          Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .missing(item.code.display),
          unit: document.units[item.unit].unit, related: [Location(file: source.span.file, utf16Range: sourceRange)]))
      }
    }
    return findings
  }

  /// When one side numbers its printf arguments (`%2$s`) and the other does not (`%s`), numbers
  /// the other side's arguments in order, so a reordered translation matches.
  private static func alignPrintfPositions(_ a: inout [Item], _ b: inout [Item]) {
    func positional(_ items: [Item]) -> Bool { items.contains { $0.code.kind == "printf" && $0.code.key.contains("$") } }
    func number(_ items: inout [Item]) {
      var n = 0
      for k in items.indices where items[k].code.kind == "printf" {
        n += 1
        items[k].code.key = "%\(n)$" + items[k].code.key.dropFirst()
      }
    }
    if positional(a) && !positional(b) { number(&b) } else if positional(b) && !positional(a) { number(&a) }
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
