import TermlintGlossary
import TermlintText

/// The checks `termlint glossary check` runs, with their documentation and examples.
///
/// Each check's descriptor is declared beside the code that reports it, in `GlossaryChecker.swift`,
/// `GlossaryChecker+Pairs.swift` and `GlossaryChecker+Text.swift`. They are not lint rules (they
/// read glossary files, not articles), so they have their own registry; their findings go
/// through the same reporters and exit statuses as `lint`. Each example is a small glossary: CSV
/// when it starts with `concept`, TBX when it starts with `<`, YAML otherwise; `↓` marks where
/// each finding starts. `GlossaryCheckExamplesTests` runs them.
public enum GlossaryChecks {
  /// Every check, sorted by id.
  public static let all: [RuleDescriptor] = [
    duplicateConcept, duplicateTerm, statusConflict, missingPreferred, deprecatedMatchesAllowed,
    targetCollision,
    notNFC, whitespace, mixedApostrophes, invisibleCharacter, mixedScript, caseVariants,
    invalidLanguageTag, languageTagStyle, unknownStatus, emptyTerm, invalidValue, duplicateID,
    skippedContent,
  ].sorted { $0.id < $1.id }

  /// The check with an id, if any.
  public static func descriptor(_ id: String) -> RuleDescriptor? { all.first { $0.id == id } }
}
