/// Everything a reporter needs: the findings of a run and what was checked.
public struct RunReport: Sendable {
  /// Findings in report order.
  public var findings: [Finding]
  /// The files checked, in the order given (a file with no finding still counts).
  public var files: [SourceFile]
  /// Descriptors of the rules that ran.
  public var rules: [RuleDescriptor]
  /// Termlint's version.
  public var toolVersion: String

  /// Creates a report.
  public init(findings: [Finding], files: [SourceFile], rules: [RuleDescriptor], toolVersion: String = Termlint.version) {
    self.findings = findings.sorted(by: Finding.reportOrder)
    self.files = files
    self.rules = rules
    self.toolVersion = toolVersion
  }

  /// The file a path refers to, for quoting lines.
  public func file(_ path: String) -> SourceFile? { files.first { $0.path == path } }

  /// Counts of findings by severity.
  public var counts: [Severity: Int] {
    var c: [Severity: Int] = [:]
    for f in findings { c[f.severity, default: 0] += 1 }
    return c
  }
}

/// Output options that depend on where the report goes.
public struct ReportOptions: Sendable {
  /// Use ANSI colours (text format only).
  public var color: Bool

  /// Creates options.
  public init(color: Bool = false) { self.color = color }
}

/// Turns a finished run into one output format.
public protocol Reporter: Sendable {
  /// The value of `--format`, e.g. `sarif`.
  static var identifier: String { get }
  /// One line for `--help`.
  static var summary: String { get }
  /// Renders the report.
  static func render(_ report: RunReport, options: ReportOptions) -> String
}

/// The one list of reporters: `--format`'s choices and help come from it.
public enum ReporterRegistry {
  /// Every reporter, in help order.
  public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, SARIFReporter.self]

  /// The reporter for a `--format` value.
  public static func reporter(_ identifier: String) -> (any Reporter.Type)? {
    all.first { $0.identifier == identifier }
  }
}

/// Facts about this build of Termlint.
public enum Termlint {
  /// The version.
  public static let version = "0.1.0"
  /// Where to read more.
  public static let informationURI = "https://github.com/termlint/termlint"
}
