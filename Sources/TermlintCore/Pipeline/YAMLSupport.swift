import TermlintGlossary
import TermlintText
import Yams

/// Small helpers for strict YAML reading with line numbers (Yams `Mark.line` is 1-based).
public enum YAMLSupport {
  /// Parses YAML text into a node tree (nil for an empty document).
  ///
  /// - Throws: `TermlintError.configuration` with the line of a syntax error.
  public static func compose(_ text: String, path: String) throws -> Node? {
    do {
      return try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw TermlintError.configuration(path, line: error.line, "invalid YAML: \(error.reason)")
    } catch {
      throw TermlintError.configuration(path, "invalid YAML: \(error)")
    }
  }

  /// The 1-based line of a node.
  public static func line(_ node: Node) -> Int? { node.mark?.line }

  /// The node as a mapping, or a configuration error.
  public static func mapping(_ node: Node, path: String, what: String) throws -> [(Node, Node)] {
    guard let m = node.mapping else {
      throw TermlintError.configuration(
        path, line: line(node), "\(what) must be a mapping of keys to values")
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

  /// A scalar, or a list of scalars.
  public static func optionValue(_ node: Node, path: String, key: String) throws
    -> RuleOptionValue
  {
    if let s = node.scalar?.string { return .value(s) }
    if let seq = node.sequence {
      return .list(try seq.map { try scalar($0, path: path, key: key) })
    }
    throw TermlintError.configuration(
      path, line: line(node), "'\(key)' must be a value or a list of values")
  }

  /// The node as a boolean, or a configuration error.
  public static func bool(_ node: Node, path: String, key: String) throws -> Bool {
    switch node.scalar?.string {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      throw TermlintError.configuration(path, line: line(node), "'\(key)' must be true or false")
    }
  }

  /// The node as a severity (`error`, `warning`, `info`), or a configuration error.
  public static func severity(_ node: Node, path: String, key: String) throws -> Severity {
    let s = try scalar(node, path: path, key: key)
    guard let value = Severity(rawValue: s) else {
      throw TermlintError.configuration(
        path, line: line(node), "bad value '\(s)' for '\(key)' (use error, warning or info)")
    }
    return value
  }

  /// The node as an MQM category, or a configuration error.
  public static func category(_ node: Node, path: String, key: String) throws -> Category {
    let s = try scalar(node, path: path, key: key)
    guard let value = Category(rawValue: s) else {
      throw TermlintError.configuration(
        path, line: line(node),
        "bad value '\(s)' for '\(key)' (use \(Category.allCases.map(\.rawValue).joined(separator: ", ")))"
      )
    }
    return value
  }

  /// An unknown-key error that lists the keys allowed there.
  public static func unknownKey(_ key: Node, path: String, in parent: String?, known: [String])
    -> TermlintError
  {
    let name = key.string ?? "?"
    let place = parent.map { " in '\($0)'" } ?? ""
    return TermlintError.configuration(
      path, line: line(key),
      "unknown key '\(name)'\(place) (allowed: \(known.joined(separator: ", ")))")
  }
}

extension YamlError {
  var line: Int? {
    switch self {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default: return nil
    }
  }

  var reason: String {
    switch self {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _),
      .composer(_, let problem, _, _):
      return problem
    default: return "\(self)"
    }
  }
}
