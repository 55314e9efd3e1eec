import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// `--format` values, from the reporter registry so help and validation cannot drift apart.
struct ReporterName: ExpressibleByArgument, Sendable {
  let identifier: String

  init?(argument: String) {
    guard ReporterRegistry.reporter(argument) != nil else { return nil }
    identifier = argument
  }

  /// The identifier, for `(default: text)` in `--help`.
  var defaultValueDescription: String { identifier }
  static var allValueStrings: [String] { ReporterRegistry.all.map { $0.identifier } }
  /// One line per format in `--help`, from each reporter's `summary`.
  static var allValueDescriptions: [String: String] {
    Dictionary(uniqueKeysWithValues: ReporterRegistry.all.map { ($0.identifier, $0.summary) })
  }
  static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// `--fail-on` values.
enum FailLevel: String, ExpressibleByArgument, CaseIterable, Sendable {
  case error, warning, info, never

  var severity: Severity? { Severity(rawValue: rawValue) }
}

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
  case auto, always, never
}

extension LanguageTag: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

/// `--min-severity` values.
extension Severity: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument) }
}
