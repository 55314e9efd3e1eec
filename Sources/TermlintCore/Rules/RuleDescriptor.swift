import TermlintGlossary
import TermlintText

/// The lifecycle of a rule id (as in Ruff): ids are never reused.
public enum RuleStatus: String, Sendable, Codable {
  case stable, preview, deprecated, removed
}

/// What a rule looks at: one unit at a time, or the whole document (consistency, majority style).
public enum RuleScope: String, Sendable, Codable {
  case unit, document
}

/// An example a rule's test runs: `↓` in `target` (or `⇣` in `source`) marks where each
/// finding must start.
public struct RuleExample: Sendable {
  /// The target (translation, or monolingual article) text, with markers.
  public var target: String
  /// The source text, for bilingual rules, with markers.
  public var source: String?
  /// The text after applying the rule's safe suggestions, when the rule suggests one.
  public var corrected: String?
  /// Rule options for this example (as in a pipeline's `options:`).
  public var options: [String: String]
  /// Where the example is written (for test failure messages).
  public var file: String
  /// Line where the example is written.
  public var line: Int

  /// Creates an example.
  public init(
    _ target: String, source: String? = nil, corrected: String? = nil,
    options: [String: String] = [:], file: String = #fileID, line: Int = #line
  ) {
    self.target = target
    self.source = source
    self.corrected = corrected
    self.options = options
    self.file = file
    self.line = line
  }

  /// The marker for an expected finding in the target.
  public static let marker: Character = "↓"
  /// The marker for an expected finding in the source.
  public static let sourceMarker: Character = "⇣"
}

/// Everything a user or a report needs to know about a rule.
public struct RuleDescriptor: Sendable {
  /// Stable kebab-case id.
  public var id: String
  /// Short Title Case name.
  public var title: String
  /// MQM top-level category.
  public var category: Category
  /// Severity when the pipeline does not say.
  public var defaultSeverity: Severity
  /// Lifecycle status.
  public var status: RuleStatus
  /// One sentence: what the rule checks.
  public var summary: String
  /// Why it matters and what to do ("Why is this bad?", "Example", "Use instead").
  public var rationale: String
  /// Texts the rule must leave alone.
  public var nonTriggeringExamples: [RuleExample]
  /// Texts the rule must flag at the markers.
  public var triggeringExamples: [RuleExample]
  /// Old ids that still select this rule.
  public var deprecatedAliases: [String]
  /// Whether the rule needs the source text (bilingual input): its type is a `BilingualRule`.
  public let requiresSource: Bool
  /// Whether the rule finds nothing without a glossary (the terminology rules); a run without
  /// one warns that they did not run.
  public var requiresGlossary: Bool
  /// What the rule looks at: `.unit` when its type is a `UnitRule`, else `.document`.
  public let scope: RuleScope
  /// The options a built-in rule takes, with their defaults (its `Configuration`'s).
  public let options: [RuleOptionDocumentation]

  /// Creates a descriptor.
  ///
  /// - Parameter rule: the rule type described; `requiresSource` and `scope` follow from its
  ///   conformances (`BilingualRule`, `UnitRule`). Nil for checks that are not lint rules
  ///   (glossary checks): they look at one unit and need no source.
  public init(
    of rule: (any Rule.Type)? = nil, id: String, title: String, category: Category,
    defaultSeverity: Severity, status: RuleStatus = .stable,
    summary: String, rationale: String, nonTriggeringExamples: [RuleExample],
    triggeringExamples: [RuleExample],
    deprecatedAliases: [String] = [], requiresGlossary: Bool = false
  ) {
    self.id = id
    self.title = title
    self.category = category
    self.defaultSeverity = defaultSeverity
    self.status = status
    self.summary = summary
    self.rationale = rationale
    self.nonTriggeringExamples = nonTriggeringExamples
    self.triggeringExamples = triggeringExamples
    self.deprecatedAliases = deprecatedAliases
    self.requiresSource = rule.map { $0 is any BilingualRule.Type } ?? false
    self.requiresGlossary = requiresGlossary
    self.scope = rule.map { $0 is any UnitRule.Type } ?? true ? .unit : .document
    self.options = (rule as? any BuiltInRule.Type).map { $0.optionDocumentation } ?? []
  }
}
