import Foundation
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
  public static func discover(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
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
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw TermlintError.configuration(path, line: error.line, "invalid YAML: \(error.reason)")
    } catch {
      throw TermlintError.configuration(path, "invalid YAML: \(error)")
    }
    var pipeline = Pipeline.builtIn
    pipeline.path = path
    guard let root = node else { return pipeline }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    let map = try YAMLSupport.mapping(root, path: path, what: "the pipeline")
    let known = ["name", "description", "languages", "glossaries", "rules", "fail-on", "normalization"]
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
            throw TermlintError.configuration(path, line: YAMLSupport.line(v), "'\(s)' is not a valid language tag (key 'languages.\(k.string ?? "")')")
          }
          switch k.string {
          case "source": pipeline.sourceLanguage = tag
          case "target": pipeline.targetLanguage = tag
          default: throw YAMLSupport.unknownKey(k, path: path, in: "languages", known: ["source", "target"])
          }
        }
      case "glossaries":
        let items = try YAMLSupport.sequence(value, path: path, key: key)
        pipeline.glossaries = try items.map { item in
          let s = try YAMLSupport.scalar(item, path: path, key: key)
          return s.hasPrefix("/") ? s : base.appendingPathComponent(s).standardizedFileURL.relativePathIfPossible
        }
      case "fail-on":
        let s = try YAMLSupport.scalar(value, path: path, key: key)
        if s == "never" { pipeline.failOn = nil } else if let sev = Severity(rawValue: s) { pipeline.failOn = sev } else {
          throw TermlintError.configuration(path, line: YAMLSupport.line(value), "bad value '\(s)' for 'fail-on' (use error, warning, info or never)")
        }
      case "normalization":
        pipeline.normalization = try parseNormalization(value, path: path)
      case "rules":
        let rules = try YAMLSupport.mapping(value, path: path, what: "'rules'")
        for (k, v) in rules {
          let id = k.string ?? ""
          guard BuiltInRules.type(for: id) != nil else {
            throw TermlintError.configuration(path, line: YAMLSupport.line(k), "unknown rule '\(id)' in 'rules' (run 'termlint rules' to list them)")
          }
          pipeline.rules[id] = try parseRuleSetting(v, id: id, path: path)
        }
      default:
        throw YAMLSupport.unknownKey(keyNode, path: path, in: nil, known: known)
      }
    }
    return pipeline
  }

  static func parseRuleSetting(_ node: Node, id: String, path: String) throws -> Pipeline.RuleSetting {
    let line = YAMLSupport.line(node)
    if let s = node.scalar?.string {
      switch s {
      case "off", "false", "disabled": return .init(enabled: false, line: line)
      case "on", "true", "enabled": return .init(enabled: true, line: line)
      default:
        if let sev = Severity(rawValue: s) { return .init(severity: sev, line: line) }
        throw TermlintError.configuration(path, line: line, "bad value '\(s)' for rule '\(id)' (use off, on, error, warning or info, or a mapping)")
      }
    }
    var setting = Pipeline.RuleSetting(line: line)
    for (k, v) in try YAMLSupport.mapping(node, path: path, what: "rule '\(id)'") {
      switch k.string ?? "" {
      case "enabled":
        setting.enabled = try YAMLSupport.bool(v, path: path, key: "rules.\(id).enabled")
      case "severity":
        let s = try YAMLSupport.scalar(v, path: path, key: "rules.\(id).severity")
        guard let sev = Severity(rawValue: s) else {
          throw TermlintError.configuration(path, line: YAMLSupport.line(v), "bad severity '\(s)' for rule '\(id)' (use error, warning or info)")
        }
        setting.severity = sev
      case "options":
        for (ok, ov) in try YAMLSupport.mapping(v, path: path, what: "options of rule '\(id)'") {
          setting.options[ok.string ?? ""] = try YAMLSupport.scalarOrList(ov, path: path, key: "rules.\(id).options.\(ok.string ?? "")")
        }
      default:
        throw YAMLSupport.unknownKey(k, path: path, in: "rules.\(id)", known: ["enabled", "severity", "options"])
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
          throw TermlintError.configuration(path, line: YAMLSupport.line(v), "bad value '\(s)' for 'normalization.form' (use nfkc-casefold, nfkc or nfc)")
        }
      case "fold-quotes": options.foldQuotes = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "fold-hyphens": options.foldHyphens = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "fold-dashes": options.foldDashes = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "remove-invisible": options.removeIgnorables = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      case "collapse-whitespace": options.collapseWhitespace = try YAMLSupport.bool(v, path: path, key: "normalization.\(key)")
      default:
        throw YAMLSupport.unknownKey(k, path: path, in: "normalization", known: ["form", "fold-quotes", "fold-hyphens", "fold-dashes", "remove-invisible", "collapse-whitespace"])
      }
    }
    return options
  }
}

/// Small helpers for strict YAML reading with line numbers (Yams `Mark.line` is 1-based).
public enum YAMLSupport {
  /// The 1-based line of a node.
  public static func line(_ node: Node) -> Int? { node.mark?.line }

  /// The node as a mapping, or a configuration error.
  public static func mapping(_ node: Node, path: String, what: String) throws -> [(Node, Node)] {
    guard let m = node.mapping else {
      throw TermlintError.configuration(path, line: line(node), "\(what) must be a mapping of keys to values")
    }
    return Array(m)
  }

  /// The node as a sequence, or a configuration error.
  public static func sequence(_ node: Node, path: String, key: String) throws -> [Node] {
    if let s = node.sequence { return Array(s) }
    if node.scalar != nil { return [node] }
    throw TermlintError.configuration(path, line: line(node), "'\(key)' must be a list")
  }

  /// The node as a string scalar, or a configuration error.
  public static func scalar(_ node: Node, path: String, key: String) throws -> String {
    guard let s = node.scalar?.string else {
      throw TermlintError.configuration(path, line: line(node), "'\(key)' must be a single value")
    }
    return s
  }

  /// A scalar, or a list of scalars joined with `|`.
  public static func scalarOrList(_ node: Node, path: String, key: String) throws -> String {
    if let s = node.scalar?.string { return s }
    if let seq = node.sequence { return try seq.map { try scalar($0, path: path, key: key) }.joined(separator: "|") }
    throw TermlintError.configuration(path, line: line(node), "'\(key)' must be a value or a list of values")
  }

  /// The node as a boolean, or a configuration error.
  public static func bool(_ node: Node, path: String, key: String) throws -> Bool {
    switch node.scalar?.string {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw TermlintError.configuration(path, line: line(node), "'\(key)' must be true or false")
    }
  }

  /// An unknown-key error that lists the keys allowed there.
  public static func unknownKey(_ key: Node, path: String, in parent: String?, known: [String]) -> TermlintError {
    let name = key.string ?? "?"
    let place = parent.map { " in '\($0)'" } ?? ""
    return TermlintError.configuration(path, line: line(key), "unknown key '\(name)'\(place) (allowed: \(known.joined(separator: ", ")))")
  }
}

extension YamlError {
  var line: Int? {
    switch self {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  var reason: String {
    switch self {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
    default: return "\(self)"
    }
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
