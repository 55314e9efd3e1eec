import Foundation
import TermlintGlossary
import TermlintText
import Yams

/// Reads YAML rule files: each file is one rule, an instance of a rule type named by
/// `extends:` (`existence`, `substitution`, `consistency`, `pattern`). Unknown keys, bad values
/// and bad regular expressions are configuration errors naming the file and line.
public enum DataRuleLoader {
  /// Keys every rule file may use.
  public static let commonKeys = [
    "extends", "id", "title", "summary", "description", "message", "severity", "category",
    "ignore-case", "regex", "examples",
  ]
  /// The rule types.
  public static let types = ["existence", "substitution", "consistency", "pattern"]

  /// Loads a rule file, or every `.yml`/`.yaml` file of a folder (sorted by name).
  ///
  /// - Throws: `TermlintError` for a missing file, invalid YAML or an invalid rule.
  public static func load(path: String) throws -> [any Rule] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TermlintError.configuration(path, "no such rule file or folder")
    }
    guard isDirectory.boolValue else { return [try loadFile(path: path)] }
    let names = try FileManager.default.contentsOfDirectory(atPath: path)
      .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
    if names.isEmpty {
      throw TermlintError.configuration(path, "the rule folder holds no .yml files")
    }
    return try names.map { try loadFile(path: (path as NSString).appendingPathComponent($0)) }
  }

  /// Loads one rule file.
  public static func loadFile(path: String) throws -> any Rule {
    let file = try SourceFile.read(path: path)
    return try parse(file.text, path: path)
  }

  /// The id a rule file gets without `id:`: `<folder>.<file name>` in lower case.
  public static func defaultID(path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let stem = url.deletingPathExtension().lastPathComponent
    let folder = url.deletingLastPathComponent().lastPathComponent
    func kebab(_ s: String) -> String {
      s.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(
        of: " ", with: "-")
    }
    return "\(kebab(folder)).\(kebab(stem))"
  }

  /// Whether an id is valid: kebab-case words joined by dots (`news.us-spelling`).
  public static func isValidID(_ id: String) -> Bool {
    id.range(
      of: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$"#,
      options: .regularExpression) != nil
  }

  /// Parses rule YAML.
  public static func parse(_ text: String, path: String) throws -> any Rule {
    guard let root = try YAMLSupport.compose(text, path: path) else {
      throw TermlintError.configuration(
        path, line: 1, "empty rule file; expected a mapping with 'extends'")
    }
    let map = try YAMLSupport.mapping(root, path: path, what: "a rule file")
    var values: [String: Node] = [:]
    for (k, v) in map { values[k.string ?? ""] = v }
    guard let extendsNode = values["extends"] else {
      throw TermlintError.configuration(
        path, line: YAMLSupport.line(root),
        "missing 'extends' (one of \(types.joined(separator: ", ")))")
    }
    let kind = try YAMLSupport.scalar(extendsNode, path: path, key: "extends")
    let typeKeys: [String]
    switch kind {
    case "existence": typeKeys = ExistenceRule.keys
    case "substitution": typeKeys = SubstitutionRule.keys
    case "consistency": typeKeys = ConsistencyRule.keys
    case "pattern": typeKeys = PatternRule.keys
    default:
      throw TermlintError.configuration(
        path, line: YAMLSupport.line(extendsNode),
        "unknown rule type '\(kind)' for 'extends' (use \(types.joined(separator: ", ")))")
    }
    for (k, _) in map where !(commonKeys + typeKeys).contains(k.string ?? "") {
      throw YAMLSupport.unknownKey(k, path: path, in: nil, known: commonKeys + typeKeys)
    }
    for key in typeKeys where values[key] == nil {
      throw TermlintError.configuration(
        path, line: YAMLSupport.line(root), "missing '\(key)' for a rule that extends \(kind)")
    }
    let definition = try Self.definition(values, kind: kind, path: path)
    switch kind {
    case "existence":
      return try ExistenceRule(
        definition, tokens: tokens(values["tokens"], key: "tokens", path: path))
    case "pattern":
      let node = values["pattern"] ?? root
      return try PatternRule(
        definition, pattern: YAMLSupport.scalar(node, path: path, key: "pattern"),
        line: YAMLSupport.line(node))
    case "substitution":
      return try SubstitutionRule(definition, swaps: swaps(values["swap"], path: path))
    default:
      return try ConsistencyRule(definition, groups: groups(values["either"], path: path))
    }
  }

  // MARK: - Private

  private static func definition(_ values: [String: Node], kind: String, path: String) throws
    -> DataRuleDefinition
  {
    func string(_ key: String) throws -> String? {
      try values[key].map { try YAMLSupport.scalar($0, path: path, key: key) }
    }
    let id = try string("id") ?? defaultID(path: path)
    guard isValidID(id) else {
      throw TermlintError.configuration(
        path, line: values["id"].flatMap(YAMLSupport.line) ?? 1,
        "invalid rule id '\(id)' (lower-case words joined by '-', groups joined by '.', e.g. 'news.us-spelling')"
      )
    }
    let severity =
      try values["severity"].map { try YAMLSupport.severity($0, path: path, key: "severity") }
      ?? .warning
    let category =
      try values["category"].map { try YAMLSupport.category($0, path: path, key: "category") }
      ?? .style
    var definition = DataRuleDefinition(
      path: path, id: id, kind: kind, title: try string("title") ?? defaultTitle(id),
      summary: try string("summary"),
      description: try string("description"), message: try string("message"),
      messageLine: values["message"].flatMap(YAMLSupport.line),
      severity: severity, category: category,
      ignoreCase: try values["ignore-case"].map {
        try YAMLSupport.bool($0, path: path, key: "ignore-case")
      } ?? false,
      regex: try values["regex"].map { try YAMLSupport.bool($0, path: path, key: "regex") }
        ?? false,
      triggering: [], nonTriggering: [])
    if let node = values["examples"] {
      for (k, v) in try YAMLSupport.mapping(node, path: path, what: "'examples'") {
        switch k.string ?? "" {
        case "triggering":
          definition.triggering = try examples(v, path: path, key: "examples.triggering")
        case "non-triggering":
          definition.nonTriggering = try examples(v, path: path, key: "examples.non-triggering")
        default:
          throw YAMLSupport.unknownKey(
            k, path: path, in: "examples", known: ["triggering", "non-triggering"])
        }
      }
    }
    return definition
  }

  private static func defaultTitle(_ id: String) -> String {
    let last = id.split(separator: ".").last.map(String.init) ?? id
    return last.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(
      separator: " ")
  }

  private static func tokens(_ node: Node?, key: String, path: String) throws -> [(
    text: String, line: Int?
  )] {
    guard let node else { return [] }
    let items = try YAMLSupport.sequence(node, path: path, key: key)
    if items.isEmpty {
      throw TermlintError.configuration(path, line: YAMLSupport.line(node), "'\(key)' is empty")
    }
    return try items.map { item in
      let s = try YAMLSupport.scalar(item, path: path, key: key)
      if s.isEmpty {
        throw TermlintError.configuration(
          path, line: YAMLSupport.line(item), "empty token in '\(key)'")
      }
      return (s, YAMLSupport.line(item))
    }
  }

  private static func swaps(_ node: Node?, path: String) throws -> [(
    text: String, line: Int?, replacements: [String]
  )] {
    guard let node else { return [] }
    let pairs = try YAMLSupport.mapping(node, path: path, what: "'swap'")
    if pairs.isEmpty {
      throw TermlintError.configuration(path, line: YAMLSupport.line(node), "'swap' is empty")
    }
    return try pairs.map { k, v in
      let from = try YAMLSupport.scalar(k, path: path, key: "swap")
      let to = try tokens(v, key: "swap.\(from)", path: path).map(\.text)
      if from.isEmpty {
        throw TermlintError.configuration(path, line: YAMLSupport.line(k), "empty key in 'swap'")
      }
      return (from, YAMLSupport.line(k), to)
    }
  }

  /// `either:` as groups of spellings, each spelling a list of forms: a list of lists
  /// (`[[judgment, judgments], [judgement, judgements]]` or `[email, e-mail]`), or a mapping
  /// (`judgment: judgement`).
  private static func groups(_ node: Node?, path: String) throws -> [[[(text: String, line: Int?)]]]
  {
    guard let node else { return [] }
    var groups: [[[(text: String, line: Int?)]]] = []
    if let pairs = node.mapping {
      for (k, v) in pairs {
        let a = try YAMLSupport.scalar(k, path: path, key: "either")
        groups.append(
          [[(a, YAMLSupport.line(k))]]
            + (try tokens(v, key: "either.\(a)", path: path)).map { [$0] })
      }
    } else {
      for item in try YAMLSupport.sequence(node, path: path, key: "either") {
        let members = try YAMLSupport.sequence(item, path: path, key: "either")
        groups.append(
          try members.map { member in
            member.sequence != nil
              ? try tokens(member, key: "either", path: path)
              : [
                (
                  try YAMLSupport.scalar(member, path: path, key: "either"),
                  YAMLSupport.line(member)
                )
              ]
          })
      }
    }
    for group in groups where group.count < 2 {
      throw TermlintError.configuration(
        path, line: group.first?.first?.line, "a group in 'either' needs two or more spellings")
    }
    if groups.isEmpty {
      throw TermlintError.configuration(path, line: YAMLSupport.line(node), "'either' is empty")
    }
    return groups
  }

  private static func examples(_ node: Node, path: String, key: String) throws -> [RuleExample] {
    try YAMLSupport.sequence(node, path: path, key: key).map { item in
      let line = YAMLSupport.line(item) ?? 0
      if let text = item.scalar?.string { return RuleExample(text, file: path, line: line) }
      var text: String?
      var corrected: String?
      for (k, v) in try YAMLSupport.mapping(item, path: path, what: "an example") {
        switch k.string ?? "" {
        case "text": text = try YAMLSupport.scalar(v, path: path, key: "\(key).text")
        case "corrected": corrected = try YAMLSupport.scalar(v, path: path, key: "\(key).corrected")
        default: throw YAMLSupport.unknownKey(k, path: path, in: key, known: ["text", "corrected"])
        }
      }
      guard let text else {
        throw TermlintError.configuration(path, line: line, "an example needs 'text'")
      }
      return RuleExample(text, corrected: corrected, file: path, line: line)
    }
  }
}
