import TermlintGlossary
import TermlintText

/// A rule with the severity it runs at.
public struct ConfiguredRule: Sendable {
  /// The rule.
  public let rule: any Rule
  /// Its severity for this run.
  public let severity: Severity

  /// Pairs a rule with a severity.
  public init(_ rule: any Rule, severity: Severity) {
    self.rule = rule
    self.severity = severity
  }
}

/// Runs the stages after reading: annotate (normalize, tokenize, match terms), run rules, sort.
///
/// A `Linter` is immutable and shareable; each `lint` call makes its own tokenizers, so files
/// can be linted in parallel with one compiled glossary.
public struct Linter: Sendable {
  /// The compiled glossary.
  public let glossary: CompiledGlossary
  /// The rules to run.
  public let rules: [ConfiguredRule]
  /// The source language when the input does not say.
  public let sourceLanguage: LanguageTag?
  /// The target language when the input does not say.
  public let targetLanguage: LanguageTag?
  /// How text is normalized for matching.
  public let normalization: NormalizationOptions
  /// Suppression comments and the baseline, applied after the rules.
  public let filter: FindingFilter
  /// The languages readers assume, with where they come from (see `LanguageDefaults`).
  public let languageDefaults: LanguageDefaults

  /// Creates a linter.
  ///
  /// - Parameter filter: what suppression comments may name and the baseline (default: the
  ///   built-in rules and the rules run, no baseline).
  public init(
    glossary: CompiledGlossary, rules: [ConfiguredRule], sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil, normalization: NormalizationOptions = .matching,
    filter: FindingFilter? = nil,
    languageDefaults: LanguageDefaults? = nil
  ) {
    self.languageDefaults =
      languageDefaults ?? LanguageDefaults(source: sourceLanguage, target: targetLanguage)
    self.glossary = glossary
    self.rules = rules
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.normalization = normalization
    self.filter =
      filter
      ?? FindingFilter(descriptors: BuiltInRules.descriptors + rules.map { $0.rule.descriptor })
  }

  /// Annotates a document for rules.
  public func annotate(_ document: Document) throws -> AnnotatedDocument {
    let matcher = try TermMatcher(glossary: glossary)
    let source = document.sourceLanguage ?? sourceLanguage
    let target = document.targetLanguage ?? targetLanguage
    let units = document.units.map { unit in
      AnnotatedUnit(
        unit: unit,
        source: unit.source.map {
          matcher.annotate($0, language: $0.language ?? source, options: normalization)
        },
        target: unit.target.map {
          matcher.annotate($0, language: $0.language ?? target, options: normalization)
        },
        sourceLanguage: source, targetLanguage: target)
    }
    return AnnotatedDocument(
      document: document, units: units, sourceLanguage: source, targetLanguage: target)
  }

  /// The rules that need a source text (each a `BilingualRule`) and so cannot run on
  /// `document` when none of its units has one (a monolingual article).
  public func rulesNotRun(on document: Document) -> [String] {
    guard !document.units.contains(where: { $0.source != nil }) else { return [] }
    return rules.map(\.rule.descriptor).filter(\.requiresSource).map(\.id)
  }

  /// The rules that need a glossary (`RuleDescriptor.requiresGlossary`) when the glossary is
  /// empty: they run, and can find nothing.
  public var rulesNeedingMissingGlossary: [String] {
    guard glossary.glossary.concepts.isEmpty else { return [] }
    return rules.map(\.rule.descriptor).filter(\.requiresGlossary).map(\.id)
  }

  /// Lints one document: every rule's findings that no comment suppresses and the baseline
  /// does not accept, in report order.
  ///
  /// - Throws: `TermlintError` for a suppression comment naming an unknown rule.
  public func lint(_ document: Document) throws -> [Finding] {
    try outcome(of: document, baselineEntries: false).filtered.findings
  }

  /// What linting one document gives besides the findings to report.
  public struct Outcome: Sendable {
    /// The findings to report, and those a comment suppressed or the baseline accepted.
    public var filtered: FindingFilter.Result
    /// The document's units that need a translation and those not translated yet
    /// (`TargetMissingRule.progress`); nil unless asked for, or when nothing needs translating.
    public var progress: TranslationProgress?
  }

  /// Lints one document (see `lint`) and tells what the filter stage kept and dropped.
  ///
  /// - Parameters:
  ///   - baselineEntries: whether the result carries baseline entries (see
  ///     `FindingFilter.apply`).
  ///   - countingProgress: whether to count, from the same annotation, the units that need a
  ///     translation and those not translated yet.
  /// - Throws: `TermlintError` for a suppression comment naming an unknown rule.
  public func outcome(
    of document: Document, baselineEntries: Bool = true, countingProgress: Bool = false
  ) throws -> Outcome {
    let annotated = try annotate(document)
    var findings: [Finding] = []
    for configured in rules {
      let context = RuleContext(glossary: glossary, severity: configured.severity)
      findings.append(contentsOf: configured.rule.check(annotated, context: context))
    }
    let progress =
      countingProgress
      ? TargetMissingRule.progress(annotated).map {
        TranslationProgress(untranslated: $0.untranslated, units: $0.units)
      } : nil
    return Outcome(
      filtered: try filter.apply(
        SafeFixes.applied(to: findings), document: document, baselineEntries: baselineEntries),
      progress: progress)
  }

}
