import TermlintGlossary
import TermlintText

/// A YAML rule (`extends: substitution`) that flags a word or phrase and suggests another
/// (`towards` → `toward`).
///
/// ```yaml
/// extends: substitution
/// message: "Use '{suggestion}' instead of '{match}' (American spelling)"
/// ignore-case: true
/// swap:
///   towards: toward
///   per cent: percent
/// ```
struct SubstitutionRule: Rule {
  /// Keys this type adds to the common ones.
  static let keys = ["swap"]

  let descriptor: RuleDescriptor
  let pattern: TokenPattern
  let replacements: [[String]]
  let message: MessageTemplate
  let ignoreCase: Bool

  init(
    _ definition: DataRuleDefinition, swaps: [(text: String, line: Int?, replacements: [String])]
  ) throws {
    message = try MessageTemplate(
      definition.message ?? "Use '{suggestion}' instead of '{match}'",
      allowed: ["match", "suggestion"], path: definition.path,
      line: definition.messageLine)
    pattern = try TokenPattern(
      swaps.map { ($0.text, $0.line) }, regex: definition.regex, ignoreCase: definition.ignoreCase,
      path: definition.path)
    replacements = swaps.map(\.replacements)
    ignoreCase = definition.ignoreCase
    let list = swaps.map { "`\($0.text)` → `\($0.replacements.joined(separator: "` or `"))`" }
      .joined(separator: ", ")
    descriptor = definition.descriptor(
      of: Self.self, defaultSummary: "Suggests the house form of \(swaps.count) words or phrases",
      details: "Swaps: \(list).")
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let failure = DataRuleMatching.forEachMatch(
      of: pattern.regex, in: document, descriptor: descriptor, context: context
    ) { m in
      guard let k = pattern.tokenIndex(of: m.text) else { return }
      let suggestions = replacements[k].map {
        ignoreCase ? TermSupport.matchCapitalisation($0, to: m.text) : $0
      }
      guard let first = suggestions.first, first != m.text else { return }
      findings.append(
        context.finding(
          descriptor, in: m.span, fileRange: m.fileRange,
          message: message.render(["match": m.text, "suggestion": first]),
          suggestions: suggestions, fixIsSafe: suggestions.count == 1, unit: m.unit.unit))
    }
    return findings + (failure.map { [$0] } ?? [])
  }
}
