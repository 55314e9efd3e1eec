import TermlintGlossary
import TermlintText

/// A YAML rule (`extends: existence`) that flags any of its tokens: words, phrases or ICU
/// regular expressions.
///
/// ```yaml
/// extends: existence
/// message: "'{match}' is a placeholder; replace it before publishing"
/// tokens: [TKTK, FIXME]
/// ```
struct ExistenceRule: Rule {
  /// Keys this type adds to the common ones.
  static let keys = ["tokens"]

  let descriptor: RuleDescriptor
  let pattern: TokenPattern
  let message: MessageTemplate

  init(_ definition: DataRuleDefinition, tokens: [(text: String, line: Int?)]) throws {
    message = try MessageTemplate(matchMessageOf: definition, kind: "an existence rule")
    pattern = try TokenPattern(
      tokens, regex: definition.regex, ignoreCase: definition.ignoreCase, path: definition.path)
    let list = tokens.map { "`\($0.text)`" }.joined(separator: ", ")
    descriptor = definition.descriptor(
      of: Self.self,
      defaultSummary:
        "Flags \(definition.regex ? "text matching" : "any of") \(tokens.count == 1 ? "one token" : "\(tokens.count) tokens")",
      details: "Flagged\(definition.regex ? " (regular expressions)" : ""): \(list).")
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    DataRuleMatching.findings(
      of: pattern.regex, in: document, descriptor: descriptor, context: context, message: message)
  }
}
