import TermlintGlossary
import TermlintText

/// A YAML rule (`extends: consistency`): any spelling of a group may be used, but only one per
/// document; every use of another spelling than the first one used is flagged.
///
/// ```yaml
/// extends: consistency
/// either:
///   - [[judgment, judgments], [judgement, judgements]]   # spellings with their forms
///   - [email, e-mail]                                     # one form each
/// ```
///
/// With literal tokens the suggestion is the first-used spelling in the same form (the
/// *judgement* → *judgment*, *judgements* → *judgments*); regular-expression tokens get none.
struct ConsistencyRule: Rule {
  /// Keys this type adds to the common ones.
  static let keys = ["either"]

  /// Where a token sits: its group, its spelling in the group, its form of that spelling.
  struct Place {
    let group: Int
    let member: Int
    let form: Int
  }

  let descriptor: RuleDescriptor
  let pattern: TokenPattern
  let places: [Place]
  /// The tokens as written: group → spelling → forms.
  let spellings: [[[String]]]
  let message: MessageTemplate
  let ignoreCase: Bool
  let regex: Bool

  init(_ definition: DataRuleDefinition, groups: [[[(text: String, line: Int?)]]]) throws {
    message = try MessageTemplate(
      definition.message
        ?? "'{match}' is another spelling of '{first}', used first on line {line}; use one spelling throughout",
      allowed: ["match", "first", "line"], path: definition.path, line: definition.messageLine)
    var tokens: [(text: String, line: Int?)] = []
    var places: [Place] = []
    for (g, members) in groups.enumerated() {
      for (m, forms) in members.enumerated() {
        for (f, form) in forms.enumerated() {
          tokens.append(form)
          places.append(Place(group: g, member: m, form: f))
        }
      }
    }
    pattern = try TokenPattern(
      tokens, regex: definition.regex, ignoreCase: definition.ignoreCase, path: definition.path)
    self.places = places
    spellings = groups.map { $0.map { $0.map(\.text) } }
    ignoreCase = definition.ignoreCase
    regex = definition.regex
    let list = spellings.map {
      $0.map { "`\($0.joined(separator: "`/`"))`" }.joined(separator: " or ")
    }.joined(separator: "; ")
    descriptor = definition.descriptor(
      of: Self.self,
      defaultSummary: "Keeps one spelling of each of \(groups.count) words per document",
      details: "Either: \(list).")
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var first: [Int: (member: Int, text: String, location: Location)] = [:]
    var findings: [Finding] = []
    let failure = DataRuleMatching.forEachMatch(
      of: pattern.regex, in: document, descriptor: descriptor, context: context
    ) { m in
      guard let k = pattern.tokenIndex(of: m.text) else { return }
      let place = places[k]
      guard let used = first[place.group] else {
        first[place.group] = (
          place.member, m.text, Location(file: m.span.file, utf16Range: m.fileRange)
        )
        return
      }
      guard used.member != place.member else { return }
      let forms = spellings[place.group][used.member]
      let spelling = regex || place.form >= forms.count ? nil : forms[place.form]
      let suggestion = spelling.map {
        ignoreCase ? TermSupport.matchCapitalisation($0, to: m.text) : $0
      }
      findings.append(
        context.finding(
          descriptor, in: m.span, fileRange: m.fileRange,
          message: message.render([
            "match": m.text, "first": used.text, "line": String(used.location.line),
          ]),
          suggestions: suggestion.map { [$0] } ?? [], unit: m.unit.unit, related: [used.location]))
    }
    return findings + (failure.map { [$0] } ?? [])
  }
}
