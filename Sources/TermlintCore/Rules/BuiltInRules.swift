/// The registry of built-in rules, sorted by id. `RegistryCompletenessTests` checks that every
/// `*Rule.swift` type under `Rules/BuiltIn/` is listed here.
public enum BuiltInRules {
  /// Every built-in rule type.
  public static let all: [any BuiltInRule.Type] = [
    ForbiddenTermRule.self,
    InconsistentTermRule.self,
    TermCaseRule.self,
    // Typography and script (issue 3).
    BracketsRule.self,
    DashesRule.self,
    InvisibleCharacterRule.self,
    MixedScriptRule.self,
    QuotesRule.self,
    RepeatedWordRule.self,
    // Spelling with Hunspell (issue 16).
    SpellingRule.self,
    WhitespaceRule.self,
    // Bilingual rules, and both forms of untranslated and name-spelling (feature/bilingual).
    AdditionRule.self,
    NameSpellingRule.self,
    NumberMismatchRule.self,
    OmissionRule.self,
    PlaceholderMismatchRule.self,
    TargetMissingRule.self,
    TermMissingRule.self,
    UntranslatedRule.self,
    // The checks every translation QA tool has (issue 16).
    CaseMismatchRule.self,
    EscapeMismatchRule.self,
    PunctuationMismatchRule.self,
    TargetInconsistentRule.self,
    TranslationInconsistentRule.self,
  ].sorted { $0.descriptor.id < $1.descriptor.id }

  /// The rule type with an id or a deprecated alias, if any.
  public static func type(for id: String) -> (any BuiltInRule.Type)? {
    all.first { $0.descriptor.id == id || $0.descriptor.deprecatedAliases.contains(id) }
  }

  /// Every descriptor.
  public static var descriptors: [RuleDescriptor] { all.map { $0.descriptor } }
}
