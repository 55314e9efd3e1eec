import TermlintGlossary
import TermlintText

/// The registry of built-in rules, sorted by id. `RegistryCompletenessTests` checks that every
/// `*Rule.swift` type under `Rules/BuiltIn/` is listed here.
public enum BuiltInRules {
  /// Every built-in rule type, in the order of their ids (`RuleExamplesTests` checks it).
  public static let all: [any BuiltInRule.Type] = [
    AdditionRule.self,  // addition
    BracketsRule.self,  // brackets
    CaseMismatchRule.self,  // case-mismatch
    DashesRule.self,  // dashes
    EscapeMismatchRule.self,  // escape-mismatch
    InvisibleCharacterRule.self,  // invisible-char
    MixedScriptRule.self,  // mixed-script
    NameSpellingRule.self,  // name-spelling
    NumberMismatchRule.self,  // number-mismatch
    OmissionRule.self,  // omission
    PlaceholderMismatchRule.self,  // placeholder-mismatch
    PunctuationMismatchRule.self,  // punctuation-mismatch
    QuotesRule.self,  // quotes
    RepeatedWordRule.self,  // repeated-word
    SpellingRule.self,  // spelling
    TargetInconsistentRule.self,  // target-inconsistent
    TargetMissingRule.self,  // target-missing
    TermCaseRule.self,  // term-case
    TermForbiddenRule.self,  // term-forbidden
    TermInconsistentRule.self,  // term-inconsistent
    TermMissingRule.self,  // term-missing
    TranslationInconsistentRule.self,  // translation-inconsistent
    UntranslatedRule.self,  // untranslated
    WhitespaceRule.self,  // whitespace
  ]

  /// The rule type with an id or a deprecated alias, if any.
  public static func type(for id: String) -> (any BuiltInRule.Type)? {
    all.first { $0.descriptor.id == id || $0.descriptor.deprecatedAliases.contains(id) }
  }

  /// Every descriptor.
  public static var descriptors: [RuleDescriptor] { all.map { $0.descriptor } }
}
