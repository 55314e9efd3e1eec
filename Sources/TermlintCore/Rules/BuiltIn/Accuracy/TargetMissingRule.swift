/// Flags a unit that should be translated but has no translation.
struct TargetMissingRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "target-missing",
    title: "Missing Translation",
    category: .accuracy,
    defaultSeverity: .error,
    summary: "A unit that should be translated has an empty or missing translation",
    rationale: """
      ## Why is this bad?
      An untranslated unit shows the source language to the reader (gettext falls back to the
      original string; an XLIFF unit without a target is exported empty or in the source).

      Reported: a unit with source text (letters or digits) whose target is missing, empty or
      only white space and inline codes. Left alone: units marked not to be translated (XLIFF
      `translate="no"`), obsolete PO entries, and sentences of an aligned article pair (a source
      sentence without a translation there is an `omission`). A fuzzy PO entry has a
      translation that gettext does not use; it is not reported unless the option
      `fuzzy: missing` is set. The finding points at the empty target when there is one, else at
      the source.

      ## Example
      msgid "Delete the file?" / msgstr ""

      ## Use instead
      msgid "Delete the file?" / msgstr "Удалить файл?"
      """,
    nonTriggeringExamples: [
      RuleExample("Talks resumed in Geneva.", source: "Переговоры возобновились в Женеве."),
      RuleExample("∅", source: "%s"),
    ],
    triggeringExamples: [
      RuleExample("∅", source: "⇣Переговоры возобновились в Женеве."),
    ],
    requiresSource: true
  )

  /// Whether fuzzy entries count as missing (`fuzzy: missing`) or not (`fuzzy: ignore`, default).
  let fuzzyIsMissing: Bool

  init(options: RuleOptions) throws {
    try options.validate(known: ["fuzzy"], rule: Self.descriptor.id)
    switch options.values["fuzzy"] ?? "ignore" {
    case "ignore": fuzzyIsMissing = false
    case "missing": fuzzyIsMissing = true
    case let other:
      throw TermlintError.configuration(options.file, line: options.line, "option 'fuzzy' of rule 'target-missing' must be 'ignore' or 'missing', not '\(other)'")
    }
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for unit in document.units {
      guard let source = unit.source, !UnitFacts.isExcluded(unit.unit), UnitFacts.bead(unit.unit) == nil,
        Self.hasText(source, flags: UnitFacts.flags(unit.unit))
      else { continue }
      // Built only for a finding: most units have none.
      func excerpt() -> String { TextScan.excerpt(source.span.string) }
      let sourceLocation = Location(file: source.span.file, utf16Range: source.trimmedFileRange)
      if let target = unit.target, !target.isBlank {
        if fuzzyIsMissing && UnitFacts.isFuzzy(unit.unit) {
          findings.append(context.finding(
            Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .fuzzy(excerpt()), unit: unit.unit, related: [sourceLocation]))
        }
        continue
      }
      if let target = unit.target {
        findings.append(context.finding(
          Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .empty(excerpt()), unit: unit.unit, related: [sourceLocation]))
      } else {
        findings.append(context.finding(
          Self.descriptor, in: source, fileRange: source.trimmedFileRange, message: .empty(excerpt()), unit: unit.unit, side: "source"))
      }
    }
    return findings
  }
}

extension TargetMissingRule {
  /// Whether a span has letters or digits outside its placeholders (a source of only `%s`
  /// needs no translation).
  static func hasText(_ span: AnnotatedSpan, flags: Set<String>) -> Bool {
    let codes = PlaceholderScanner(flags: flags, languageCodes: []).codes(in: span.span).map(\.textRange)
    for (k, u) in span.span.text.enumerated() where !codes.contains(where: { $0.contains(k) }) {
      if u >= 0x30 && u <= 0x39 { return true }
      if let scalar = Unicode.Scalar(u), UnicodeProperties.has(scalar, .alphabetic) { return true }
      if u >= 0xD800 && u <= 0xDBFF { return true }
    }
    return false
  }
}

extension String {
  fileprivate static func empty(_ excerpt: String) -> String {
    "'\(excerpt)' has no translation; translate it"
  }

  fileprivate static func fuzzy(_ excerpt: String) -> String {
    "The translation of '\(excerpt)' is marked fuzzy and is not used; review it and clear the flag"
  }
}
