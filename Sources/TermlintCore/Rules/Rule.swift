import TermlintGlossary
import TermlintText

/// A check. Built-in rules are one small type each; data rules and external rules conform too.
public protocol Rule: Sendable {
  /// The rule's metadata and examples.
  var descriptor: RuleDescriptor { get }
  /// Checks a whole annotated document (per-unit rules iterate its units).
  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding]
}

/// A built-in rule type: its descriptor is static and it is made from its typed options.
public protocol BuiltInRule: Rule {
  /// The rule's options, each with a default (`NoOptions` for a rule that takes none).
  associatedtype Configuration: RuleConfiguration = NoOptions
  /// The rule's metadata and examples.
  static var descriptor: RuleDescriptor { get }
  /// Creates the rule with pipeline options (`options:` in a pipeline file); by default,
  /// decodes them into `Configuration` and calls `init(configuration:options:)`.
  ///
  /// - Throws: `TermlintError.configuration` for an unknown or invalid option.
  init(options: RuleOptions) throws
  /// Creates the rule with its decoded options; `options` tells where they were written (to
  /// resolve paths in them and to name the place of an error).
  ///
  /// - Throws: `TermlintError.configuration` for an option whose value names something missing.
  init(configuration: Configuration, options: RuleOptions) throws
}

extension BuiltInRule {
  public var descriptor: RuleDescriptor { Self.descriptor }

  public init(options: RuleOptions) throws {
    try self.init(
      configuration: options.decode(Configuration.self, rule: Self.descriptor.id), options: options)
  }

  /// The options the rule takes, with their defaults.
  static var optionDocumentation: [RuleOptionDocumentation] { Configuration.documentation }
}

/// A built-in rule that takes no options: it is made with `init()`, and any option in a
/// pipeline is a configuration error.
public protocol OptionlessRule: BuiltInRule where Configuration == NoOptions {
  /// Creates the rule.
  init()
}

extension OptionlessRule {
  public init(configuration: NoOptions, options: RuleOptions) { self.init() }
}

/// A rule that looks at one unit at a time; the document-level `check` runs it on every unit.
///
/// Rules that compare units (consistency across an article, a house style taken from the
/// majority) implement `Rule.check(_:context:)` directly instead.
public protocol UnitRule: Rule {
  /// Checks one unit; `document` gives the languages and the other units.
  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
}

extension UnitRule {
  /// Runs `check(_:in:context:)` on every unit in order.
  public func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    document.units.flatMap { check($0, in: document, context: context) }
  }
}

/// A rule that compares a translation with its source. It needs bilingual input: on a
/// monolingual article it finds nothing, and the run says it did not run
/// (`Linter.rulesNotRun`).
public protocol BilingualRule: Rule {}

/// The value of one rule option as a pipeline writes it: one value, or a YAML list.
public enum RuleOptionValue: Sendable, Hashable, ExpressibleByStringLiteral {
  /// A single value (`style: straight`).
  case value(String)
  /// A YAML list (`allow: [no, so]`).
  case list([String])

  /// A single value.
  public init(stringLiteral value: String) { self = .value(value) }

  /// The value as one string: a list's items joined by `|`, the separator a single value may
  /// use for a list (`allow: "no|so"`); also how external rules receive it.
  public var joined: String {
    switch self {
    case .value(let s): return s
    case .list(let items): return items.joined(separator: "|")
    }
  }

  /// The value for JSON: a string, or an array of strings.
  var jsonObject: Any {
    switch self {
    case .value(let s): return s
    case .list(let items): return items
    }
  }
}

/// Options for one rule from a pipeline file, with where they were written; `decode(_:rule:)`
/// turns them into the rule's `Configuration`.
public struct RuleOptions: Sendable {
  /// Option values by key.
  public var values: [String: RuleOptionValue]
  /// The file the options come from, for error messages.
  public var file: String?
  /// The line the rule's setting starts at.
  public var line: Int?
  /// The line of each option's key, when known (else errors give `line`).
  public var lines: [String: Int]

  /// Creates options.
  public init(
    _ values: [String: RuleOptionValue] = [:], file: String? = nil, line: Int? = nil,
    lines: [String: Int] = [:]
  ) {
    self.values = values
    self.file = file
    self.line = line
    self.lines = lines
  }

  /// Creates options of single values (a list as items joined by `|`).
  public init(
    _ values: [String: String], file: String? = nil, line: Int? = nil, lines: [String: Int] = [:]
  ) {
    self.init(values.mapValues { .value($0) }, file: file, line: line, lines: lines)
  }

  /// Throws when an option is not one of `known`.
  public func validate(known: [String], rule: String) throws {
    for key in values.keys.sorted() where !known.contains(key) {
      let list =
        known.isEmpty ? "it takes no options" : "known options: \(known.joined(separator: ", "))"
      throw TermlintError.configuration(
        file, line: lines[key] ?? line, "unknown option '\(key)' for rule '\(rule)' (\(list))")
    }
  }
}

/// One unit, annotated for rules, with the facts that several rules need computed once.
///
/// A class: rules and groupings pass units around by reference instead of copying the unit,
/// both annotated spans and every fact each time. Immutable after the annotation stage.
public final class AnnotatedUnit: Sendable {
  /// The unit.
  public let unit: Unit
  /// Its source side, annotated in the source language.
  public let source: AnnotatedSpan?
  /// Its target side, annotated in the target language.
  public let target: AnnotatedSpan?
  /// The unit's flags (PO `#,` flags), lower-cased.
  public let flags: Set<String>
  /// Whether the unit is excluded from checks that compare it (`UnitFacts.isExcluded`).
  public let isExcluded: Bool
  /// Whether the unit is a fuzzy PO entry.
  public let isFuzzy: Bool
  /// The bead counts `(source sentences, target sentences)`, when the unit comes from an aligner.
  public let bead: (source: Int, target: Int)?
  /// Whether the aligner is unsure of the bead (`UnitFacts.isDoubtfulBead`).
  public let isDoubtfulBead: Bool
  /// The paragraph a sentence bead belongs to, when the unit comes from an aligner.
  public let paragraph: String?
  /// The inline codes and placeholders of the source, read as the unit's flags say.
  let sourceCodes: [InlineCode]
  /// The inline codes and placeholders of the target, read as the unit's flags say.
  let targetCodes: [InlineCode]
  /// Whether the target is mostly written in the source's script, the languages being written
  /// in different scripts (a copied source sentence; `Scripts.isMostlySourceScript`).
  public let targetIsMostlySourceScript: Bool

  /// Annotates a unit's facts for a document in `sourceLanguage` → `targetLanguage`.
  public init(
    unit: Unit, source: AnnotatedSpan?, target: AnnotatedSpan?, sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil
  ) {
    self.unit = unit
    self.source = source
    self.target = target
    let flags = UnitFacts.flags(unit)
    self.flags = flags
    self.isExcluded = UnitFacts.isExcluded(unit, flags: flags)
    self.isFuzzy = UnitFacts.isFuzzy(unit, flags: flags)
    self.bead = UnitFacts.bead(unit)
    self.isDoubtfulBead = UnitFacts.isDoubtfulBead(unit)
    self.paragraph = UnitFacts.paragraph(unit)
    let scanner = PlaceholderScanner(
      flags: flags, languageCodes: Self.languageCodes(sourceLanguage, targetLanguage))
    self.sourceCodes = source.map { scanner.codes(in: $0.span) } ?? []
    self.targetCodes = target.map { scanner.codes(in: $0.span) } ?? []
    self.targetIsMostlySourceScript =
      target.map {
        Scripts.isMostlySourceScript($0, source: sourceLanguage, target: targetLanguage)
      } ?? false
  }

  /// Whether a rule that compares the translation with its source should skip the unit.
  public var isNotComparable: Bool { isExcluded || isFuzzy }

  /// The language codes whose appearance in a URL is not part of its key (`/ru/` ↔ `/en/`).
  static func languageCodes(_ source: LanguageTag?, _ target: LanguageTag?) -> Set<String> {
    var codes = Set<String>()
    for tag in [source, target].compactMap({ $0 }) {
      codes.insert(tag.language)
      codes.insert(tag.value.lowercased())
    }
    return codes
  }
}

/// A document annotated for rules.
public struct AnnotatedDocument: Sendable {
  /// The document.
  public let document: Document
  /// Its units.
  public let units: [AnnotatedUnit]
  /// The source language.
  public let sourceLanguage: LanguageTag?
  /// The target language.
  public let targetLanguage: LanguageTag?
}

/// What a rule may consult while checking.
public struct RuleContext: Sendable {
  /// The compiled glossary (empty when none was given).
  public let glossary: CompiledGlossary
  /// The severity configured for the rule being run.
  public let severity: Severity

  /// Creates a context.
  public init(glossary: CompiledGlossary, severity: Severity) {
    self.glossary = glossary
    self.severity = severity
  }

  /// Makes a finding for a UTF-16 range of the span's file.
  public func finding(
    _ descriptor: RuleDescriptor, in span: AnnotatedSpan, fileRange: Range<Int>, message: String,
    suggestions: [String] = [], fixIsSafe: Bool = false, unit: Unit, side: String = "target",
    related: [Location] = []
  ) -> Finding {
    let file = span.file
    return Finding(
      ruleID: descriptor.id, severity: severity, category: descriptor.category, message: message,
      location: Location(file: file, utf16Range: fileRange), matchedText: file.text(in: fileRange),
      suggestions: suggestions, fixIsSafe: fixIsSafe, unitID: unit.id, side: side, related: related)
  }
}
