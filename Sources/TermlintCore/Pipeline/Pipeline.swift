import Foundation
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
    public var options: [String: String]
    /// Line in the pipeline file, for errors.
    public var line: Int?

    /// Creates a setting.
    public init(enabled: Bool = true, severity: Severity? = nil, options: [String: String] = [:], line: Int? = nil) {
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
  /// Glossary paths (already resolved against the pipeline's folder).
  public var glossaries: [String]
  /// Per-rule settings by id; rules not named run at their default severity.
  public var rules: [String: RuleSetting]
  /// The lowest severity that makes the run fail (nil: never).
  public var failOn: Severity?
  /// Normalization for matching.
  public var normalization: NormalizationOptions

  /// The built-in default: every stable rule at its default severity, fail on errors.
  public static let builtIn = Pipeline(path: nil, sourceLanguage: nil, targetLanguage: nil, glossaries: [], rules: [:], failOn: .error, normalization: .matching)

  /// Creates a pipeline.
  public init(path: String?, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, glossaries: [String], rules: [String: RuleSetting], failOn: Severity?, normalization: NormalizationOptions) {
    self.path = path
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.glossaries = glossaries
    self.rules = rules
    self.failOn = failOn
    self.normalization = normalization
  }

  /// Builds the configured rules: stable built-in rules unless disabled, with severities.
  ///
  /// - Parameters:
  ///   - only: when not empty, run only these rule ids (`--rule`).
  ///   - disabled: rule ids to skip (`--disable`).
  /// - Throws: `TermlintError` for an unknown rule id or a bad option.
  public func configuredRules(only: [String] = [], disabled: [String] = []) throws -> [ConfiguredRule] {
    for id in only + disabled where BuiltInRules.type(for: id) == nil {
      throw TermlintError.usage("unknown rule '\(id)'; run 'termlint rules' to list them")
    }
    var result: [ConfiguredRule] = []
    for type in BuiltInRules.all {
      let d = type.descriptor
      let ids = [d.id] + d.deprecatedAliases
      let setting = ids.lazy.compactMap { rules[$0] }.first
      if !only.isEmpty {
        if !only.contains(where: ids.contains) { continue }
      } else {
        if let setting, !setting.enabled { continue }
        if setting == nil && d.status != .stable { continue }
      }
      if disabled.contains(where: ids.contains) { continue }
      let options = RuleOptions(setting?.options ?? [:], file: path, line: setting?.line)
      result.append(ConfiguredRule(try type.init(options: options), severity: setting?.severity ?? d.defaultSeverity))
    }
    return result
  }
}
