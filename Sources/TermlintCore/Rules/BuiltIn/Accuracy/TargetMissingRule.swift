import TermlintGlossary
import TermlintText

/// Flags a unit that should be translated but has no translation.
struct TargetMissingRule: BuiltInRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "target-missing",
    title: "Missing Translation",
    category: .accuracy,
    defaultSeverity: .warning,
    summary:
      "A translation that is expected is missing (a plural form, a unit marked translated); units not translated yet are counted",
    rationale: """
      ## Why is this bad?
      A translation that was expected and is missing shows the source language to the reader
      (gettext falls back to the original string; an XLIFF unit without a target is exported
      empty or in the source).

      Reported: a unit with source text (letters or digits) whose translation is *expected but
      missing*: one form of a PO plural entry left empty while others are translated (and the
      entry is not fuzzy); an XLIFF target that is empty or absent while its `state` says it
      is translated, reviewed, final or signed off (1.2 `translated`, `final`, `signed-off`,
      `needs-review-*`, or `approved="yes"`; 2.x `translated`, `reviewed`, `final`); a TMX `tu`
      without a variant (or with an empty one) in the target language while it has one in the
      source language.

      Not reported by default: an empty PO `msgstr`, or an XLIFF unit without a target whose
      state is `new`, `needs-translation` or absent. That is the formats' normal "not yet
      translated" state, and a catalogue that is 90 % translated is not an error; the text
      report says per file "N of M units not translated yet", and the JSON report gives the
      counts in `untranslated` and `translatableUnits`, per file and in total. The option `untranslated: report` reports each of them
      as well (as pofilter's `untranslated` check does).

      Left alone: units marked not to be translated (XLIFF `translate="no"`), obsolete PO
      entries, sources of only placeholders, and sentences of an aligned article pair (a source
      sentence without a translation there is an `omission`). A fuzzy PO entry has a translation
      that gettext does not use; it is not reported unless the option `fuzzy: missing` is set.
      The finding points at the empty target when there is one, else at the source.

      ## Example
      msgid "%d file" / msgid_plural "%d files" / msgstr[0] "%d файл" / msgstr[1] "" / msgstr[2] ""

      ## Use instead
      msgstr[0] "%d файл" / msgstr[1] "%d файла" / msgstr[2] "%d файлов"
      """,
    nonTriggeringExamples: [
      RuleExample("Talks resumed in Geneva.", source: "Переговоры возобновились в Женеве."),
      RuleExample("∅", source: "%s"),
      RuleExample("∅", source: "Переговоры возобновились в Женеве."),
    ],
    triggeringExamples: [
      RuleExample(
        "∅", source: "⇣Переговоры возобновились в Женеве.", options: ["untranslated": "report"])
    ]
  )

  /// Whether fuzzy entries count as missing (`fuzzy: missing`) or not (`fuzzy: ignore`, default).
  let fuzzyIsMissing: Bool
  /// Whether units not yet translated are reported (`untranslated: report`) or only counted in
  /// the report's summary (`untranslated: count`, default).
  let reportsUntranslated: Bool

  /// The rule's options.
  struct Configuration: RuleConfiguration {
    /// What a fuzzy entry is.
    enum Fuzzy: String, CaseIterable { case ignore, missing }
    /// What happens to units not yet translated.
    enum Untranslated: String, CaseIterable { case count, report }

    var fuzzy = Fuzzy.ignore
    var untranslated = Untranslated.count

    static let documentation = [
      RuleOptionDocumentation(
        key: "fuzzy", defaultValue: "ignore",
        summary: "missing reports fuzzy entries as missing translations"),
      RuleOptionDocumentation(
        key: "untranslated", defaultValue: "count",
        summary:
          "report reports each unit not yet translated; count only counts them in the report's summary"
      ),
    ]

    init() {}

    init(from decoder: any Decoder) throws {
      let options = try decoder.container(keyedBy: CodingKeys.self)
      fuzzy = try options.choice(Fuzzy.self, forKey: .fuzzy) ?? fuzzy
      untranslated = try options.choice(Untranslated.self, forKey: .untranslated) ?? untranslated
    }

    private enum CodingKeys: String, CodingKey { case fuzzy, untranslated }
  }

  init(configuration: Configuration, options: RuleOptions) {
    fuzzyIsMissing = configuration.fuzzy == .missing
    reportsUntranslated = configuration.untranslated == .report
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let missing = Self.missingTargets(document)
    for (i, unit) in document.units.enumerated() {
      guard let source = unit.source else { continue }
      // Built only for a finding: most units have none.
      func excerpt() -> String { TextScan.excerpt(source.span.string) }
      let sourceLocation = Location(file: source.span.file, utf16Range: source.trimmedFileRange)
      guard let kind = missing[i] else {
        if fuzzyIsMissing, unit.isFuzzy, let target = unit.target, !target.isBlank,
          !unit.isExcluded,
          unit.bead == nil
        {
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: target.trimmedFileRange,
              message: .fuzzy(excerpt()), unit: unit.unit, related: [sourceLocation]))
        }
        continue
      }
      if kind == .notYetTranslated && !reportsUntranslated { continue }
      if let target = unit.target {
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: target.trimmedFileRange,
            message: .empty(excerpt(), kind), unit: unit.unit, related: [sourceLocation]))
      } else {
        findings.append(
          context.finding(
            Self.descriptor, in: source, fileRange: source.trimmedFileRange,
            message: .empty(excerpt(), kind), unit: unit.unit, side: "source"))
      }
    }
    return findings
  }
}

extension TargetMissingRule {
  /// Why a unit that needs a translation has none.
  enum Missing: Sendable {
    /// The format's normal "not yet translated" state: an empty PO `msgstr`, an XLIFF target
    /// that is absent or empty with state `new`, `needs-translation` or none.
    case notYetTranslated
    /// A translation was expected: another form of the plural entry is translated, the XLIFF
    /// state says translated, a TMX `tu` lacks its target-language variant.
    case expected
  }

  /// The units (by index) that need a translation and have none, with why: units with source
  /// text, not excluded, not sentences of an aligned article pair, whose target is absent or
  /// has no letters or digits. A fuzzy entry with a translation is not missing.
  static func missingTargets(_ document: AnnotatedDocument) -> [Int: Missing] {
    // The annotated units are the document's units in order (`Linter.annotate`).
    let units = document.units
    return missingTargets(
      document.document.units, format: document.document.format, isFuzzy: { units[$0].isFuzzy },
      needsTranslation: { needsTranslation(units[$0]) })
  }

  /// `missingTargets` over a document's units, with the facts each unit needs (read from the
  /// annotated unit when there is one, so no unit's flags or placeholders are read twice).
  private static func missingTargets(
    _ units: [Unit], format: String, isFuzzy: (Int) -> Bool, needsTranslation: (Int) -> Bool
  ) -> [Int: Missing] {
    var result: [Int: Missing] = [:]
    // PO plural entries with a form translated. A fuzzy entry is not: gettext uses none of it,
    // and its empty forms are as untranslated as the rest (`fuzzy: missing` reports the entry).
    var translatedEntries: Set<String> = []
    // NOTE: units are read in place (`units[i]`), not copied out: a copy retains every field.
    for i in units.indices where !isFuzzy(i) {
      if let entry = pluralEntry(units[i]), let target = units[i].target, !isBlank(target) {
        translatedEntries.insert(entry)
      }
    }
    for i in units.indices {
      // The cheap tests first: most units are translated.
      if let target = units[i].target, !isBlank(target) { continue }
      guard needsTranslation(i) else { continue }
      result[i] =
        expectsTranslation(units[i], format: format, translatedEntries: translatedEntries)
        ? .expected : .notYetTranslated
    }
    return result
  }

  /// Whether a unit needs a translation: it has source text outside its placeholders, is not
  /// excluded and is not a sentence of an aligned article pair.
  private static func needsTranslation(_ unit: AnnotatedUnit) -> Bool {
    guard let source = unit.source, !unit.isExcluded, unit.bead == nil else { return false }
    return hasText(source.span, codes: unit.sourceCodes.map(\.textRange))
  }

  /// How many units of a document need a translation, and how many of those have none yet
  /// (`Missing.notYetTranslated`); nil for a document without source text (monolingual) or an
  /// aligned article pair (whose sentences are never "not translated yet").
  public static func progress(_ document: AnnotatedDocument) -> (untranslated: Int, units: Int)? {
    let units = document.units
    let total = units.reduce(0) { $0 + (needsTranslation($1) ? 1 : 0) }
    guard total > 0 else { return nil }
    let untranslated = missingTargets(document).values.filter { $0 == .notYetTranslated }.count
    return (untranslated, total)
  }

  /// `progress` of a document that was not annotated (its units' facts are read here).
  public static func progress(_ document: Document) -> (untranslated: Int, units: Int)? {
    let units = document.units
    func needsTranslation(_ unit: Unit) -> Bool {
      guard let source = unit.source, !UnitFacts.isExcluded(unit), UnitFacts.bead(unit) == nil
      else { return false }
      return hasText(
        source,
        codes: PlaceholderScanner(flags: UnitFacts.flags(unit), languageCodes: []).codes(in: source)
          .map(\.textRange))
    }
    let needs = units.map(needsTranslation)
    let total = needs.filter { $0 }.count
    guard total > 0 else { return nil }
    let missing = missingTargets(
      units, format: document.format, isFuzzy: { UnitFacts.isFuzzy(units[$0]) },
      needsTranslation: { needs[$0] })
    return (missing.values.filter { $0 == .notYetTranslated }.count, total)
  }

  private static func pluralEntry(_ unit: Unit) -> String? {
    guard let index = unit.metadata["plural-index"] else { return nil }
    let suffix = "[\(index)]"
    return unit.id.hasSuffix(suffix) ? String(unit.id.dropLast(suffix.count)) : nil
  }

  private static func expectsTranslation(
    _ unit: Unit, format: String, translatedEntries: Set<String>
  ) -> Bool {
    switch format {
    case "po":
      return pluralEntry(unit).map { translatedEntries.contains($0) } ?? false
    case "tmx":
      return true
    case "xliff":
      if let approved = unit.metadata["approved"]?.lowercased(),
        ["yes", "true", "1"].contains(approved)
      {
        return true
      }
      guard let state = unit.metadata["state"]?.lowercased() else { return false }
      return ["translated", "final", "signed-off", "reviewed"].contains(state)
        || state.hasPrefix("needs-review")
    default:
      // Other bilingual input (a unit built by an API): no state says it is translated.
      return false
    }
  }

  /// Whether a span has no letters or digits (empty, white space, inline codes only).
  static func isBlank(_ span: TextSpan) -> Bool {
    !span.text.contains { u in
      guard let scalar = Unicode.Scalar(u) else { return true }
      return UnicodeProperties.has(scalar, .alphabetic) || (u >= 0x30 && u <= 0x39)
    }
  }

  /// Whether a span has letters or digits outside its placeholders (a source of only `%s`
  /// needs no translation).
  static func hasText(_ span: TextSpan, codes: [Range<Int>]) -> Bool {
    for (k, u) in span.text.enumerated() {
      let isText =
        (u >= 0x30 && u <= 0x39) || (u >= 0xD800 && u <= 0xDBFF)
        || Unicode.Scalar(u).map { UnicodeProperties.has($0, .alphabetic) } == true
      if isText && !codes.contains(where: { $0.contains(k) }) { return true }
    }
    return false
  }

}

extension String {
  fileprivate static func empty(_ excerpt: String, _ kind: TargetMissingRule.Missing) -> String {
    switch kind {
    case .notYetTranslated: "'\(excerpt)' is not translated yet; translate it"
    case .expected: "'\(excerpt)' has no translation, though one is expected here; translate it"
    }
  }

  fileprivate static func fuzzy(_ excerpt: String) -> String {
    "The translation of '\(excerpt)' is marked fuzzy and is not used; review it and clear the flag"
  }
}
