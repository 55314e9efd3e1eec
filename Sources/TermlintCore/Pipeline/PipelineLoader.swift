import Foundation
import TermlintGlossary
import TermlintText
import Yams

/// Reads pipeline files strictly: unknown keys, unknown rule ids and bad values are
/// configuration errors naming the file, line and key.
public enum PipelineLoader {
  /// The file name searched for in the working directory and its parents.
  public static let discoveredFileName = ".termlint.yml"

  /// Loads a pipeline file.
  public static func load(path: String) throws -> Pipeline {
    let bytes = try SourceFile.readBytes(path: path)
    let file = try SourceFile(path: path, bytes: bytes)
    return try parse(file.text, path: path)
  }

  /// Finds `.termlint.yml` in `directory` or a parent.
  public static func discover(from directory: String = FileManager.default.currentDirectoryPath)
    -> String?
  {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      let candidate = url.appendingPathComponent(discoveredFileName).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// Parses pipeline YAML.
  public static func parse(_ text: String, path: String) throws -> Pipeline {
    let node = try YAMLSupport.compose(text, path: path)
    var pipeline = Pipeline.builtIn
    pipeline.path = path
    guard let root = node else { return pipeline }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    let map = try YAMLSupport.mapping(root, path: path, what: "the pipeline")
    let known = [
      "name", "description", "languages", "glossaries", "rules", "fail-on", "normalization",
      "data-rules", "external-rules", "pairs", "exclude",
    ]
    var ruleSettings: Node?
    for (keyNode, value) in map {
      let key = keyNode.string ?? ""
      switch key {
      case "name", "description":
        _ = try YAMLSupport.scalar(value, path: path, key: key)
      case "languages":
        let langs = try YAMLSupport.mapping(value, path: path, what: "'languages'")
        for (k, v) in langs {
          let s = try YAMLSupport.scalar(v, path: path, key: "languages.\(k.string ?? "")")
          guard let tag = LanguageTag(s) else {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(v),
              "'\(s)' is not a valid language tag (key 'languages.\(k.string ?? "")')")
          }
          switch k.string {
          case "source": pipeline.sourceLanguage = tag
          case "target": pipeline.targetLanguage = tag
          default:
            throw YAMLSupport.unknownKey(
              k, path: path, in: "languages", known: ["source", "target"])
          }
        }
      case "glossaries":
        let items = try YAMLSupport.sequence(value, path: path, key: key)
        pipeline.glossaries = try items.map { item in
          guard item.mapping != nil else {
            return try resolve(YAMLSupport.scalar(item, path: path, key: key), against: base)
          }
          let (resolved, options) = try parseGlossaryEntry(item, base: base, path: path)
          pipeline.glossarySheets[resolved] = options
          return resolved
        }
      case "fail-on":
        let s = try YAMLSupport.scalar(value, path: path, key: key)
        if s == "never" {
          pipeline.failOn = nil
        } else if let sev = Severity(rawValue: s) {
          pipeline.failOn = sev
        } else {
          throw TermlintError.configuration(
            path, line: YAMLSupport.line(value),
            "bad value '\(s)' for 'fail-on' (use error, warning, info or never)")
        }
      case "normalization":
        pipeline.normalization = try parseNormalization(value, path: path)
      case "pairs":
        let s = try YAMLSupport.scalar(value, path: path, key: key)
        if ["off", "false", "no", "none"].contains(s) {
          pipeline.pairs = nil
        } else {
          do { pipeline.pairs = try PairPattern(s) } catch let error as TermlintError {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(value), "\(error.reason) (key 'pairs')")
          }
        }
      case "exclude":
        let items =
          value.sequence != nil ? try YAMLSupport.sequence(value, path: path, key: key) : [value]
        pipeline.exclude = try items.map { item in
          let pattern = try YAMLSupport.scalar(item, path: path, key: key)
          do { return try Glob(pattern) } catch let error as TermlintError {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(item), "\(error.reason) (key 'exclude')")
          }
        }
      case "rules":
        ruleSettings = value
      case "data-rules":
        for item in try YAMLSupport.sequence(value, path: path, key: key) {
          let resolved = resolve(try YAMLSupport.scalar(item, path: path, key: key), against: base)
          guard FileManager.default.fileExists(atPath: resolved) else {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(item),
              "no such rule file or folder '\(resolved)' in 'data-rules'")
          }
          pipeline.dataRules += try DataRuleLoader.load(path: resolved)
        }
      case "external-rules":
        let items = value.sequence.map(Array.init) ?? []
        guard value.sequence != nil else {
          throw TermlintError.configuration(
            path, line: YAMLSupport.line(value), "'external-rules' must be a list of rules")
        }
        pipeline.externalRules = try items.map { try parseExternalRule($0, base: base, path: path) }
      default:
        throw YAMLSupport.unknownKey(keyNode, path: path, in: nil, known: known)
      }
    }
    // Rule ids are checked once every rule the pipeline defines is known.
    var seen = Set(BuiltInRules.descriptors.flatMap { [$0.id] + $0.deprecatedAliases })
    for rule in pipeline.definedRules {
      guard seen.insert(rule.descriptor.id).inserted else {
        throw TermlintError.configuration(
          path,
          "rule id '\(rule.descriptor.id)' is defined twice (data and external rule ids must be unique and differ from built-in ids)"
        )
      }
    }
    if let ruleSettings {
      let defined = Set(pipeline.definedRules.map(\.descriptor.id))
      for (k, v) in try YAMLSupport.mapping(ruleSettings, path: path, what: "'rules'") {
        let id = k.string ?? ""
        guard seen.contains(id) else {
          throw TermlintError.configuration(
            path, line: YAMLSupport.line(k),
            "unknown rule '\(id)' in 'rules' (run 'termlint rules' to list them)")
        }
        let setting = try parseRuleSetting(v, id: id, path: path)
        if defined.contains(id) && !setting.options.isEmpty {
          throw TermlintError.configuration(
            path, line: setting.line,
            "rule '\(id)' takes no options (give an external rule its options under 'external-rules')"
          )
        }
        pipeline.rules[id] = setting
      }
    }
    return pipeline
  }

  /// A path from a pipeline file, resolved against the pipeline's folder.
  static func resolve(_ s: String, against base: URL) -> String {
    s.hasPrefix("/") ? s : base.appendingPathComponent(s).standardizedFileURL.relativePathIfPossible
  }

  /// Keys of a glossary given as a mapping in `glossaries`.
  public static let glossaryEntryKeys = ["path", "sheet", "columns"]

  /// A glossary given as a mapping: `path`, and for spreadsheets `sheet` (an `.xlsx` worksheet)
  /// and `columns` (header → role, see `SheetColumnRole.init(mapping:)`).
  static func parseGlossaryEntry(_ node: Node, base: URL, path: String) throws -> (
    String, SheetOptions
  ) {
    var file: String?
    var options = SheetOptions(origin: "\(path):\(YAMLSupport.line(node) ?? 1)")
    for (k, v) in try YAMLSupport.mapping(node, path: path, what: "an entry of 'glossaries'") {
      let key = k.string ?? ""
      switch key {
      case "path":
        file = resolve(try YAMLSupport.scalar(v, path: path, key: "glossaries.path"), against: base)
      case "sheet": options.sheet = try YAMLSupport.scalar(v, path: path, key: "glossaries.sheet")
      case "columns":
        for (header, roleNode) in try YAMLSupport.mapping(
          v, path: path, what: "'glossaries.columns'")
        {
          let name = header.string ?? ""
          let raw = try YAMLSupport.scalar(roleNode, path: path, key: "glossaries.columns.\(name)")
          guard let role = SheetColumnRole(mapping: raw) else {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(roleNode),
              "unknown role '\(raw)' for column '\(name)' in 'glossaries.columns' (roles: \(SheetColumnRole.mappingRoles))"
            )
          }
          guard !options.columns.contains(where: { $0.header.lowercased() == name.lowercased() })
          else {
            throw TermlintError.configuration(
              path, line: YAMLSupport.line(header),
              "column '\(name)' is mapped twice in 'glossaries.columns'")
          }
          options.columns.append(.init(header: name, role: role))
        }
      default:
        throw YAMLSupport.unknownKey(k, path: path, in: "glossaries", known: glossaryEntryKeys)
      }
    }
    guard let file else {
      throw TermlintError.configuration(
        path, line: YAMLSupport.line(node),
        "an entry of 'glossaries' given as a mapping needs a 'path'")
    }
    return (file, options)
  }

  /// Keys of an entry of `external-rules`.
  public static let externalRuleKeys = [
    "id", "command", "timeout", "severity", "category", "title", "summary", "description",
    "options",
  ]

  static func parseExternalRule(_ node: Node, base: URL, path: String) throws -> ExternalRule {
    let line = YAMLSupport.line(node)
    var id: String?
    var command: [String] = []
    var timeout = ExternalRule.defaultTimeout
    var severity = Severity.warning
    var category = Category.style
    var title: String?
    var summary: String?
    var description: String?
    var options: [String: String] = [:]
    for (k, v) in try YAMLSupport.mapping(node, path: path, what: "an entry of 'external-rules'") {
      let key = k.string ?? ""
      let full = "external-rules.\(key)"
      switch key {
      case "id": id = try YAMLSupport.scalar(v, path: path, key: full)
      case "command":
        if let s = v.scalar?.string {
          command = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        } else {
          command = try YAMLSupport.sequence(v, path: path, key: full).map {
            try YAMLSupport.scalar($0, path: path, key: full)
          }
        }
        if command.isEmpty {
          throw TermlintError.configuration(path, line: YAMLSupport.line(v), "'\(full)' is empty")
        }
      case "timeout":
        let s = try YAMLSupport.scalar(v, path: path, key: full)
        guard let seconds = Double(s), seconds > 0, seconds <= 3600 else {
          throw TermlintError.configuration(
            path, line: YAMLSupport.line(v),
            "bad value '\(s)' for '\(full)' (seconds, more than 0 and at most 3600)")
        }
        timeout = seconds
      case "severity": severity = try YAMLSupport.severity(v, path: path, key: full)
      case "category": category = try YAMLSupport.category(v, path: path, key: full)
      case "title": title = try YAMLSupport.scalar(v, path: path, key: full)
      case "summary": summary = try YAMLSupport.scalar(v, path: path, key: full)
      case "description": description = try YAMLSupport.scalar(v, path: path, key: full)
      case "options":
        for (ok, ov) in try YAMLSupport.mapping(v, path: path, what: "'\(full)'") {
          options[ok.string ?? ""] = try YAMLSupport.optionValue(
            ov, path: path, key: "\(full).\(ok.string ?? "")"
          ).joined
        }
      default:
        throw YAMLSupport.unknownKey(k, path: path, in: "external-rules", known: externalRuleKeys)
      }
    }
    guard let id else {
      throw TermlintError.configuration(
        path, line: line, "an entry of 'external-rules' needs an 'id'")
    }
    guard DataRuleLoader.isValidID(id) else {
      throw TermlintError.configuration(
        path, line: line,
        "invalid rule id '\(id)' (lower-case words joined by '-', groups joined by '.')")
    }
    guard !command.isEmpty else {
      throw TermlintError.configuration(path, line: line, "external rule '\(id)' needs a 'command'")
    }
    let shown = command.joined(separator: " ")
    var rationale = description.map { $0 + "\n\n" } ?? ""
    rationale +=
      "Runs `\(shown)` once per document in the folder of `\(path)` (time limit \(ExternalRule.seconds(timeout)) s), as described in "
      + "Documentation/ExternalRules.md."
    let descriptor = RuleDescriptor(
      of: ExternalRule.self, id: id, title: title ?? id, category: category,
      defaultSeverity: severity,
      summary: summary ?? "External rule: \(shown)", rationale: rationale,
      nonTriggeringExamples: [], triggeringExamples: [])
    return ExternalRule(
      descriptor: descriptor, command: command, directory: base.path, timeout: timeout,
      options: options)
  }

  static func parseRuleSetting(_ node: Node, id: String, path: String) throws
    -> Pipeline.RuleSetting
  {
    let line = YAMLSupport.line(node)
    if let s = node.scalar?.string {
      switch s {
      case "off", "false", "disabled": return .init(enabled: false, line: line)
      case "on", "true", "enabled": return .init(enabled: true, line: line)
      default:
        if let sev = Severity(rawValue: s) { return .init(severity: sev, line: line) }
        throw TermlintError.configuration(
          path, line: line,
          "bad value '\(s)' for rule '\(id)' (use off, on, error, warning or info, or a mapping)")
      }
    }
    var setting = Pipeline.RuleSetting(line: line)
    for (k, v) in try YAMLSupport.mapping(node, path: path, what: "rule '\(id)'") {
      switch k.string ?? "" {
      case "enabled":
        setting.enabled = try YAMLSupport.bool(v, path: path, key: "rules.\(id).enabled")
      case "severity":
        setting.severity = try YAMLSupport.severity(v, path: path, key: "rules.\(id).severity")
      case "options":
        for (ok, ov) in try YAMLSupport.mapping(v, path: path, what: "options of rule '\(id)'") {
          setting.options[ok.string ?? ""] = try YAMLSupport.optionValue(
            ov, path: path, key: "rules.\(id).options.\(ok.string ?? "")")
          setting.optionLines[ok.string ?? ""] = YAMLSupport.line(ok)
        }
      default:
        throw YAMLSupport.unknownKey(
          k, path: path, in: "rules.\(id)", known: ["enabled", "severity", "options"])
      }
    }
    return setting
  }

  static func parseNormalization(_ node: Node, path: String) throws -> NormalizationOptions {
    var options = NormalizationOptions.matching
    for (k, v) in try YAMLSupport.mapping(node, path: path, what: "'normalization'") {
      let key = k.string ?? ""
      switch key {
      case "form":
        let s = try YAMLSupport.scalar(v, path: path, key: "normalization.form")
        switch s {
        case "nfkc-casefold": options.form = .nfkcCasefold
        case "nfkc": options.form = .nfkc
        case "nfc": options.form = .nfc
        default:
          throw TermlintError.configuration(
            path, line: YAMLSupport.line(v),
            "bad value '\(s)' for 'normalization.form' (use nfkc-casefold, nfkc or nfc)")
        }
      case "fold-quotes":
        options.foldQuotes = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "fold-hyphens":
        options.foldHyphens = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "fold-dashes":
        options.foldDashes = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "remove-invisible":
        options.removeIgnorables = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "collapse-whitespace":
        options.collapseWhitespace = try YAMLSupport.bool(
          v, path: path, key: "normalization.\(key)")
      default:
        throw YAMLSupport.unknownKey(
          k, path: path, in: "normalization",
          known: [
            "form", "fold-quotes", "fold-hyphens", "fold-dashes", "remove-invisible",
            "collapse-whitespace",
          ])
      }
    }
    return options
  }
}

extension URL {
  /// The path relative to the current directory when it lies below it, else absolute.
  var relativePathIfPossible: String {
    let cwd = FileManager.default.currentDirectoryPath
    let p = self.path
    if p.hasPrefix(cwd + "/") { return String(p.dropFirst(cwd.count + 1)) }
    return p
  }
}
