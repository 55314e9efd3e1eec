import Foundation
import TermlintGlossary
import TermlintText

/// One option of a built-in rule as documentation shows it: the key written under `options:`,
/// the default, and what it does.
public struct RuleOptionDocumentation: Sendable, Equatable {
  /// The key, as written in a pipeline.
  public var key: String
  /// The value the rule uses when the pipeline does not give one, as written in a pipeline.
  public var defaultValue: String
  /// One sentence: what the option does and the values it takes.
  public var summary: String

  /// Documents an option.
  public init(key: String, defaultValue: String, summary: String) {
    self.key = key
    self.defaultValue = defaultValue
    self.summary = summary
  }
}

/// The typed options of a built-in rule (`options:` in a pipeline), each with a default.
///
/// `RuleOptions.decode(_:rule:)` decodes one from a pipeline's option values: a key the type
/// does not document, or a value its property cannot take, is a configuration error naming the
/// pipeline file and the option's line.
public protocol RuleConfiguration: Decodable, Sendable {
  /// Every option at its default.
  init()
  /// The options, in the order documentation lists them; their keys are the only ones accepted.
  static var documentation: [RuleOptionDocumentation] { get }
}

/// The configuration of a rule that takes no options.
public struct NoOptions: RuleConfiguration {
  /// No options.
  public init() {}

  /// Decodes nothing: `RuleOptions.decode` has already refused every key.
  public init(from decoder: any Decoder) throws {}

  /// No options.
  public static let documentation: [RuleOptionDocumentation] = []
}

/// A value a rule option cannot take (thrown while decoding a `RuleConfiguration`).
struct RuleOptionValueError: Error {
  /// The option's key.
  let key: String
  /// The value given.
  let value: String
  /// The values the option takes.
  let allowed: [String]
}

extension KeyedDecodingContainer {
  /// The value of an option that is one of a fixed list of words; nil when the option is not given.
  ///
  /// - Throws: `RuleOptionValueError` for any other word.
  func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, forKey key: Key) throws -> T?
  where T.RawValue == String {
    guard let raw = try decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let value = T(rawValue: raw) else {
      throw RuleOptionValueError(
        key: key.stringValue, value: raw, allowed: T.allCases.map(\.rawValue))
    }
    return value
  }

  /// The value of an option that is a list (a YAML list, or items separated by `|`), trimmed
  /// and without empty items; nil when the option is not given.
  func list(forKey key: Key) throws -> [String]? {
    guard contains(key) else { return nil }
    let items =
      try (try? decode([String].self, forKey: key))
      ?? decode(String.self, forKey: key).split(separator: "|").map(String.init)
    return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}

extension RuleOptions {
  /// The options decoded into a rule's configuration; options not given keep their defaults.
  ///
  /// - Throws: `TermlintError.configuration` naming the file and the option's line for a key
  ///   `C` does not document or a value it cannot take.
  public func decode<C: RuleConfiguration>(_ type: C.Type, rule: String) throws -> C {
    try validate(known: C.documentation.map(\.key), rule: rule)
    guard !values.isEmpty else { return C() }
    do {
      return try JSONDecoder().decode(
        C.self,
        from: JSONSerialization.data(
          withJSONObject: values.mapValues(\.jsonObject), options: [.sortedKeys]))
    } catch let error as RuleOptionValueError {
      let allowed =
        error.allowed.count < 2
        ? error.allowed.joined()
        : error.allowed.dropLast().joined(separator: ", ") + " or " + (error.allowed.last ?? "")
      throw TermlintError.configuration(
        file, line: lines[error.key] ?? line,
        "bad value '\(error.value)' for option '\(error.key)' of rule '\(rule)' (use \(allowed))")
    } catch let error as DecodingError {
      let key = error.codingKey ?? "?"
      if case .list? = values[key] {
        throw TermlintError.configuration(
          file, line: lines[key] ?? line,
          "option '\(key)' of rule '\(rule)' takes one value, not a list")
      }
      throw TermlintError.configuration(
        file, line: lines[key] ?? line,
        "bad value '\(values[key]?.joined ?? "")' for option '\(key)' of rule '\(rule)'")
    }
  }
}

extension DecodingError {
  /// The key of the option that failed to decode.
  fileprivate var codingKey: String? {
    switch self {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return context.codingPath.first?.stringValue
    case .keyNotFound(let key, _):
      return key.stringValue
    @unknown default:
      return nil
    }
  }
}
