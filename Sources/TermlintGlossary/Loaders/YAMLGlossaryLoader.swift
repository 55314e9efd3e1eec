import Foundation
import TermlintText
import Yams

/// Loads Termlint's YAML glossary layout.
///
/// ```yaml
/// # comments allowed
/// languages: {source: ru, target: en}        # optional
/// concepts:                                  # required
///   - id: security-guarantees                # required, unique
///     subject: arms control                  # optional
///     note: …                                # optional
///     terms:                                 # required, at least one term
///       ru: [гарантии безопасности]          # plain string: a term with no explicit status
///       en:
///         - {text: security guarantees, status: preferred}
///         - text: security assurances        # required
///           status: deprecated               # optional: preferred|admitted|deprecated|forbidden|proposed
///           pos: noun                        # optional; also type, case (sensitive|insensitive),
///           note: …                          #   match (stem|exact), note
/// ```
///
/// Every scalar is read as a string (`yes`, `3` and `null` in quotes or not are text where text is
/// expected); an unquoted `~`/`null`/empty value of an optional key means "not given". Unknown
/// keys, wrong types, duplicate concept ids or languages, and anchors/aliases (refused so a
/// small file cannot expand into a huge glossary) throw `TermlintError.configuration` with line
/// and column. Terms are grouped by language in the order the language keys appear.
public enum YAMLGlossaryLoader {
  /// Keys allowed at the top level.
  public static let rootKeys = ["languages", "concepts"]
  /// Keys allowed in `languages`.
  public static let languageKeys = ["source", "target"]
  /// Keys allowed in a concept.
  public static let conceptKeys = ["id", "subject", "note", "terms"]
  /// Keys allowed in a term mapping.
  public static let termKeys = ["text", "status", "pos", "type", "case", "match", "note"]

  /// Loads YAML bytes (UTF-8, BOM allowed).
  ///
  /// - Throws: `TermlintError.input` for text that is not UTF-8, `TermlintError.configuration`
  ///   for invalid YAML or layout errors.
  public static func load(bytes: [UInt8], path: String) throws -> Glossary {
    try load(text: GlossarySupport.decodeText(bytes, path: path), path: path)
  }

  /// Loads YAML text already decoded.
  ///
  /// - Throws: `TermlintError.configuration` for invalid YAML or layout errors.
  public static func load(text: String, path: String) throws -> Glossary {
    try load(text: text, path: path, lenient: false).glossary
  }

  /// Loads YAML bytes for `glossary check`: an unknown status, case or match value, an invalid
  /// language tag and an empty term are returned as issues (the term is kept without the bad
  /// value, or skipped) instead of stopping the load. Layout errors still throw.
  ///
  /// - Throws: `TermlintError.input` for text that is not UTF-8, `TermlintError.configuration`
  ///   for invalid YAML or layout errors.
  public static func loadReportingIssues(bytes: [UInt8], path: String) throws -> (
    glossary: Glossary, issues: [GlossaryLoadIssue]
  ) {
    try load(text: GlossarySupport.decodeText(bytes, path: path), path: path, lenient: true)
  }

  static func load(text: String, path: String, lenient: Bool) throws -> (
    glossary: Glossary, issues: [GlossaryLoadIssue]
  ) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, Resolver.default, Constructor.default, .utf8)
    } catch let error as YamlError {
      throw yamlError(error, path: path)
    }
    guard let root else {
      throw TermlintError.configuration(
        path, line: 1, "empty glossary file; expected a mapping with 'concepts'")
    }
    var reader = Reader(path: path, lenient: lenient)
    let glossary = try reader.glossary(root)
    return (glossary, reader.issues)
  }

  private static func yamlError(_ error: YamlError, path: String) -> TermlintError {
    func trimmed(_ problem: String, _ context: YamlError.Context?) -> String {
      var reason = "invalid YAML: \(problem)"
      if let context { reason += " (\(context.text) at line \(context.mark.line))" }
      return reason
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return .configuration(path, line: mark.line, column: mark.column, trimmed(problem, context))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .configuration(
        path, line: context.mark.line, column: context.mark.column,
        "invalid YAML: duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in one mapping"
      )
    case .reader(let problem, _, _, _):
      return .configuration(path, "invalid YAML: \(problem)")
    default:
      return .configuration(path, "invalid YAML: \(error)")
    }
  }
}

// MARK: - Private

/// Walks the composed node tree and builds the glossary.
private struct Reader {
  let path: String
  var seenCollections: Set<Position> = []
  /// Whether value errors become issues instead of errors.
  let lenient: Bool
  var issues: [GlossaryLoadIssue] = []

  struct Position: Hashable {
    var line: Int
    var column: Int
  }

  init(path: String, lenient: Bool) {
    self.path = path
    self.lenient = lenient
  }

  /// In lenient mode records an issue at `node`; otherwise throws.
  mutating func problem(
    _ node: Node, _ kind: GlossaryLoadIssue.Kind, _ reason: String, value: String? = nil
  ) throws {
    guard lenient else { throw error(node, reason) }
    issues.append(
      GlossaryLoadIssue(
        file: path, line: node.mark?.line, column: node.mark?.column, reason, kind: kind,
        value: value))
  }

  func error(_ node: Node, _ reason: String) -> TermlintError {
    .configuration(path, line: node.mark?.line, column: node.mark?.column, reason)
  }

  /// Refuses a collection node seen before: an alias of an anchored node.
  mutating func visit(_ node: Node) throws {
    guard node.mapping != nil || node.sequence != nil, let mark = node.mark else { return }
    let position = Position(line: mark.line, column: mark.column)
    if !seenCollections.insert(position).inserted {
      throw error(
        node, "YAML aliases (*name) are not supported in glossaries; write the content out")
    }
  }

  /// The pairs of a mapping, checking key types and unknown keys.
  mutating func pairs(_ node: Node, what: String, allowed: [String]) throws -> [(
    key: String, keyNode: Node, value: Node
  )] {
    try visit(node)
    guard let mapping = node.mapping else {
      throw error(node, "\(what) must be a mapping (key: value)")
    }
    var out: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        throw error(keyNode, "\(what) has a key that is not a plain string")
      }
      guard allowed.contains(key) else {
        throw error(
          keyNode,
          "unknown key '\(key)' in \(what); allowed keys: \(allowed.joined(separator: ", "))")
      }
      out.append((key, keyNode, value))
    }
    return out
  }

  /// A scalar's text; nil for an unquoted null (`~`, `null`, nothing).
  func optionalString(_ node: Node, key: String) throws -> String? {
    guard let scalar = node.scalar else {
      throw error(
        node, "'\(key)' must be a string, not a \(node.mapping != nil ? "mapping" : "list")")
    }
    if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
      return nil
    }
    return scalar.string
  }

  func requiredString(_ node: Node, key: String) throws -> String {
    guard let value = try optionalString(node, key: key), !value.trimmedForGlossary.isEmpty else {
      throw error(node, "'\(key)' must not be empty")
    }
    return value
  }

  mutating func glossary(_ root: Node) throws -> Glossary {
    var glossary = Glossary(path: path)
    var conceptsNode: Node?
    for (key, _, value) in try pairs(
      root, what: "the top level", allowed: YAMLGlossaryLoader.rootKeys)
    {
      switch key {
      case "languages":
        for (langKey, _, langValue) in try pairs(
          value, what: "'languages'", allowed: YAMLGlossaryLoader.languageKeys)
        {
          guard let raw = try optionalString(langValue, key: langKey) else { continue }
          guard let tag = LanguageTag(raw) else {
            throw error(langValue, "'\(raw)' is not a valid BCP 47 language tag")
          }
          if langKey == "source" {
            glossary.sourceLanguage = tag
          } else {
            glossary.targetLanguage = tag
          }
        }
      default:
        conceptsNode = value
      }
    }
    guard let conceptsNode else { throw error(root, "missing 'concepts' (a list of concepts)") }
    try visit(conceptsNode)
    if let scalar = conceptsNode.scalar, scalar.style == .plain,
      ["", "~", "null"].contains(scalar.string)
    {
      return glossary
    }
    guard let list = conceptsNode.sequence else {
      throw error(conceptsNode, "'concepts' must be a list")
    }
    var ids: [String: Int] = [:]
    for item in list {
      let concept = try self.concept(item)
      if let first = ids[concept.id] {
        throw error(item, "duplicate concept id '\(concept.id)' (first defined at line \(first))")
      }
      ids[concept.id] = concept.line ?? 0
      glossary.concepts.append(concept)
    }
    return glossary
  }

  mutating func concept(_ node: Node) throws -> Concept {
    let fields = try pairs(node, what: "a concept", allowed: YAMLGlossaryLoader.conceptKeys)
    guard let idField = fields.first(where: { $0.key == "id" }) else {
      throw error(node, "concept has no 'id'")
    }
    let id = try requiredString(idField.value, key: "id").trimmedForGlossary
    var concept = Concept(id: id, line: node.mark?.line)
    var sawTerms = false
    let skippedBefore = issues.count
    for (key, _, value) in fields {
      switch key {
      case "subject": concept.subjectField = try optionalString(value, key: key)
      case "note": concept.note = try optionalString(value, key: key)
      case "terms":
        sawTerms = true
        concept.terms = try terms(value, conceptID: concept.id)
      default: break
      }
    }
    guard sawTerms, !concept.terms.isEmpty else {
      // NOTE: in lenient mode a concept whose terms were all skipped was reported already.
      if lenient
        && issues[skippedBefore...].contains(where: {
          $0.kind != .languageTagSpelling && $0.kind != .unknownStatus
        })
      {
        return concept
      }
      throw error(node, "concept '\(concept.id)' has no terms")
    }
    return concept
  }

  mutating func terms(_ node: Node, conceptID: String) throws -> [Term] {
    try visit(node)
    guard let mapping = node.mapping else {
      throw error(
        node, "'terms' must map language tags to lists of terms (e.g. en: [security guarantees])")
    }
    var seen: [LanguageTag: Int] = [:]
    var out: [Term] = []
    for (keyNode, value) in mapping {
      guard let raw = keyNode.scalar?.string, let language = LanguageTag(raw) else {
        let raw = keyNode.scalar?.string ?? "?"
        try problem(
          keyNode, .invalidLanguageTag,
          "'\(raw)' is not a valid BCP 47 language tag (e.g. en, ru, en-GB)", value: raw)
        continue
      }
      if lenient && language.value != raw {
        try problem(
          keyNode, .languageTagSpelling,
          "language tag '\(raw)' is not in canonical BCP 47 form; write '\(language.value)'",
          value: raw)
      }
      if let first = seen[language] {
        throw error(
          keyNode,
          "language '\(language)' appears twice in the terms of '\(conceptID)' (first at line \(first))"
        )
      }
      seen[language] = keyNode.mark?.line ?? 0
      let items: [Node]
      if let list = value.sequence {
        try visit(value)
        items = Array(list)
      } else if value.scalar != nil || value.mapping != nil {
        items = [value]
      } else {
        throw error(value, "terms for '\(raw)' must be a list")
      }
      for item in items {
        if let term = try term(item, language: language) { out.append(term) }
      }
    }
    return out
  }

  /// A term's text; nil (with an issue) when lenient loading meets an empty one.
  mutating func termText(_ node: Node) throws -> String? {
    if lenient, node.scalar != nil,
      (try optionalString(node, key: "text"))?.trimmedForGlossary.isEmpty ?? true
    {
      try problem(node, .emptyTerm, "the term is empty")
      return nil
    }
    return try requiredString(node, key: "text")
  }

  /// A term; nil when lenient loading skipped an empty one.
  mutating func term(_ node: Node, language: LanguageTag) throws -> Term? {
    if node.scalar != nil {
      guard let text = try termText(node) else { return nil }
      return Term(text, language: language, line: node.mark?.line, column: node.mark?.column)
    }
    guard node.mapping != nil else {
      throw error(node, "a term must be a string or a mapping with 'text'")
    }
    let fields = try pairs(node, what: "a term", allowed: YAMLGlossaryLoader.termKeys)
    guard let textField = fields.first(where: { $0.key == "text" }) else {
      try problem(node, .emptyTerm, "term has no 'text'")
      return nil
    }
    guard let text = try termText(textField.value) else { return nil }
    var term = Term(
      text, language: language, line: textField.value.mark?.line,
      column: textField.value.mark?.column)
    for (key, _, value) in fields {
      switch key {
      case "status":
        guard let raw = try optionalString(value, key: key) else { continue }
        guard let status = TermStatus.parse(raw) else {
          try problem(
            value, .unknownStatus,
            "unknown status '\(raw)' (expected \(GlossarySupport.statusList))", value: raw)
          continue
        }
        term.status = status
      case "pos": term.partOfSpeech = try optionalString(value, key: key)
      case "type": term.termType = try optionalString(value, key: key)
      case "note": term.note = try optionalString(value, key: key)
      case "case":
        guard let raw = try optionalString(value, key: key) else { continue }
        guard let sensitive = GlossarySupport.parseCase(raw) else {
          try problem(
            value, .invalidValue, "unknown case '\(raw)' (expected sensitive or insensitive)",
            value: raw)
          continue
        }
        term.caseSensitive = sensitive
      case "match":
        guard let raw = try optionalString(value, key: key) else { continue }
        guard let mode = GlossarySupport.parseMatch(raw) else {
          try problem(
            value, .invalidValue, "unknown match '\(raw)' (expected stem or exact)", value: raw)
          continue
        }
        term.matchMode = mode
      default: break
      }
    }
    return term
  }
}
