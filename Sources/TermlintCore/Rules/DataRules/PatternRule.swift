import TermlintGlossary
import TermlintText

/// A YAML rule (`extends: pattern`) that flags every match of one ICU regular expression.
///
/// ```yaml
/// extends: pattern
/// message: "Write dates without an ordinal suffix: '{match}'"
/// pattern: '\b(?:January|…) \d{1,2}(?:st|nd|rd|th)\b'
/// ```
///
/// Unlike the other types, the pattern is used as written: it may start or end anywhere.
struct PatternRule: Rule {
  /// Keys this type adds to the common ones.
  static let keys = ["pattern"]

  let descriptor: RuleDescriptor
  let regex: ICURegex
  let message: MessageTemplate

  init(_ definition: DataRuleDefinition, pattern: String, line: Int?) throws {
    message = try MessageTemplate(matchMessageOf: definition, kind: "a pattern rule")
    do {
      regex = try ICURegex(pattern, options: definition.ignoreCase ? [.caseInsensitive] : [])
    } catch let error as ICURegex.SyntaxError {
      throw TermlintError.configuration(
        definition.path, line: line, "bad regular expression '\(pattern)': \(error)")
    }
    descriptor = definition.descriptor(
      of: Self.self, defaultSummary: "Flags text matching a regular expression",
      details: "Pattern: `\(pattern)`.")
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    DataRuleMatching.findings(
      of: regex, in: document, descriptor: descriptor, context: context, message: message)
  }
}
