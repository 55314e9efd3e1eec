import Foundation
import TermlintGlossary
import TermlintText
import Yams

/// What a pipeline file (`Pipelines/*.yml`, `.termlint.yml`) says: languages, glossaries, rules
/// and when to fail. Paths are resolved relative to the pipeline file.
public struct Pipeline: Sendable {
  /// How one rule is configured.
  public struct RuleSetting: Sendable, Equatable {
    /// Whether it runs.
    public var enabled: Bool
    /// Severity override.
    public var severity: Severity?
    /// Rule options.
    public var options: [String: RuleOptionValue]
    /// Line in the pipeline file, for errors.
    public var line: Int?
    /// The line of each option's key, for errors.
    public var optionLines: [String: Int] = [:]

    /// Creates a setting.
    public init(
      enabled: Bool = true, severity: Severity? = nil, options: [String: RuleOptionValue] = [:],
      line: Int? = nil
    ) {
      self.enabled = enabled
      self.severity = severity
      self.options = options
      self.line = line
    }
  }

  /// The file it was read from (nil for the built-in default).
  public var path: String?
  /// The source language.
  public var sourceLanguage: LanguageTag?
  /// The target language.
  public var targetLanguage: LanguageTag?
  /// Whether `sourceLanguage` was given on the command line (`--source-lang`), not by the file.
  public var sourceLanguageFromCommandLine = false
  /// Whether `targetLanguage` was given on the command line (`--target-lang`), not by the file.
  public var targetLanguageFromCommandLine = false
  /// Glossary paths (already resolved against the pipeline's folder).
  public var glossaries: [String]
  /// Sheet options of the glossaries given as mappings (`sheet`, `columns`), by resolved path.
  public var glossarySheets: [String: SheetOptions] = [:]
  /// Per-rule settings by id; rules not named run at their default severity.
  public var rules: [String: RuleSetting]
  /// The lowest severity that makes the run fail (nil: never).
  public var failOn: Severity?
  /// Normalization for matching.
  public var normalization: NormalizationOptions
  /// Rules loaded from YAML rule files (`data-rules:`), in file order.
  public var dataRules: [any Rule] = []
  /// Rules run by external commands (`external-rules:`).
  public var externalRules: [ExternalRule] = []
  /// How a source article and its translation are named in one folder (`pairs:`), so that a
  /// folder walk checks them as one bilingual pair; nil turns pairing off (`pairs: off`).
  public var pairs: PairPattern? = .standard
  /// Globs of files and folders that folder walks skip (`exclude:`), relative to the pipeline's
  /// folder; added to `--exclude`.
  public var exclude: [Glob] = []

  /// The built-in default: every stable rule at its default severity, fail on errors.
  public static let builtIn = Pipeline(
    path: nil, sourceLanguage: nil, targetLanguage: nil, glossaries: [], rules: [:], failOn: .error,
    normalization: .matching)

  /// The rules the pipeline defines besides the built-in ones (data rules, then external rules).
  public var definedRules: [any Rule] { dataRules + externalRules.map { $0 as any Rule } }

  /// Every rule id this pipeline knows, whether or not it runs: built-in ids and their aliases,
  /// and the ids of its data and external rules.
  public var knownRuleIDs: Set<String> {
    Set(
      BuiltInRules.descriptors.flatMap { [$0.id] + $0.deprecatedAliases }
        + definedRules.map(\.descriptor.id))
  }

  /// Descriptors of every rule the pipeline knows: built-in, then data and external rules.
  public var descriptors: [RuleDescriptor] {
    BuiltInRules.descriptors + definedRules.map(\.descriptor)
  }

  /// Creates a pipeline.
  public init(
    path: String?, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, glossaries: [String],
    rules: [String: RuleSetting], failOn: Severity?, normalization: NormalizationOptions
  ) {
    self.path = path
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.glossaries = glossaries
    self.rules = rules
    self.failOn = failOn
    self.normalization = normalization
  }

  /// The target language when neither the pipeline nor the command line names one.
  public static let defaultTargetLanguage = LanguageTag("en")!
  /// The source language where a command needs one and none is named (`align`, `init`,
  /// `glossary extract`, a `--source`/`--target` pair).
  public static let defaultSourceLanguage = LanguageTag("ru")!

  /// The target language in effect: the pipeline's, else `defaultTargetLanguage`.
  public var effectiveTargetLanguage: LanguageTag { targetLanguage ?? Self.defaultTargetLanguage }

  /// How to read a glossary file: its `sheet` and `columns` from the pipeline, and the run's
  /// languages (for `source`/`target` columns and headerless two-column sheets).
  public func sheetOptions(for path: String) -> SheetOptions {
    var options = glossarySheets[path] ?? .none
    options.sourceLanguage = sourceLanguage
    options.targetLanguage = effectiveTargetLanguage
    return options
  }

  /// Builds the configured rules: stable built-in rules unless disabled, with severities.
  ///
  /// - Parameters:
  ///   - only: when not empty, run only these rule ids (`--rule`).
  ///   - disabled: rule ids to skip (`--disable`).
  /// - Throws: `TermlintError` for an unknown rule id or a bad option.
  public func configuredRules(only: [String] = [], disabled: [String] = []) throws
    -> [ConfiguredRule]
  {
    let known = knownRuleIDs
    for id in only + disabled where !known.contains(id) {
      throw TermlintError.usage("unknown rule '\(id)'; run 'termlint rules' to list them")
    }
    func selected(_ ids: [String], status: RuleStatus, setting: RuleSetting?) -> Bool {
      if !only.isEmpty {
        if !only.contains(where: ids.contains) { return false }
      } else {
        if let setting, !setting.enabled { return false }
        if setting == nil && status != .stable { return false }
      }
      return !disabled.contains(where: ids.contains)
    }
    var result: [ConfiguredRule] = []
    for type in BuiltInRules.all {
      let d = type.descriptor
      let ids = [d.id] + d.deprecatedAliases
      let setting = ids.lazy.compactMap { rules[$0] }.first
      guard selected(ids, status: d.status, setting: setting) else { continue }
      let options = RuleOptions(
        setting?.options ?? [:], file: path, line: setting?.line, lines: setting?.optionLines ?? [:]
      )
      result.append(
        ConfiguredRule(
          try type.init(options: options), severity: setting?.severity ?? d.defaultSeverity))
    }
    for rule in definedRules {
      let d = rule.descriptor
      let setting = rules[d.id]
      guard selected([d.id], status: d.status, setting: setting) else { continue }
      result.append(ConfiguredRule(rule, severity: setting?.severity ?? d.defaultSeverity))
    }
    return result
  }
}
