import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// Options that choose report formats and where they go (`lint`).
///
/// `--format` and `--output` pair up in order: the first format goes to the first output, and
/// so on. Without `--output`, the one format goes to standard output; `--output -` names
/// standard output explicitly.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: "Output format (default: text); repeatable, paired in order with --output.")
  var formats: [ReporterName] = []

  @Option(
    name: .customLong("output"),
    help: ArgumentHelp(
      "Write the report to this file (atomically; '-' is standard output); repeatable.",
      valueName: "file"))
  var outputs: [String] = []

  @Option(help: "Colour in text output on a terminal.")
  var color: ColorChoice = .auto

  /// A report format and where it goes (`nil`: standard output).
  struct Destination {
    let format: ReporterName
    let path: String?
  }

  /// Pairs formats with outputs.
  func destinations() throws -> [Destination] {
    let text = ReporterName(argument: "text")!
    let pairs: [Destination]
    if outputs.isEmpty {
      guard formats.count <= 1 else {
        throw TermlintError.usage(
          "\(formats.count) formats but no --output: give one --output per --format ('-' for standard output)"
        )
      }
      pairs = [Destination(format: formats.first ?? text, path: nil)]
    } else if formats.isEmpty && outputs.count == 1 {
      pairs = [Destination(format: text, path: outputs[0] == "-" ? nil : outputs[0])]
    } else {
      guard formats.count == outputs.count else {
        throw TermlintError.usage(
          "\(formats.count) --format and \(outputs.count) --output options: give one --output per --format, in the same order"
        )
      }
      pairs = zip(formats, outputs).map { Destination(format: $0, path: $1 == "-" ? nil : $1) }
    }
    guard pairs.filter({ $0.path == nil }).count <= 1 else {
      throw TermlintError.usage(
        "more than one report for standard output; send the others to files with --output")
    }
    let files = pairs.compactMap {
      $0.path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
    guard Set(files).count == files.count else {
      throw TermlintError.usage("two reports for the same --output file")
    }
    return pairs
  }

  /// Writes every report: the files atomically, then standard output. Each report is written
  /// piece by piece (finding by finding) into its file's temporary file or standard output, in
  /// blocks of `ReportWriter.defaultCapacity` bytes, never held whole in memory.
  func write(_ report: RunReport, to destinations: [Destination]) throws {
    var standardOutput: (any Reporter.Type)?
    for destination in destinations {
      guard let reporter = ReporterRegistry.reporter(destination.format.identifier) else {
        continue
      }
      try writeJobSummary(reporter, report)
      if let path = destination.path {
        try AtomicFile.write(to: path) { out in
          try reporter.write(report, options: ReportOptions(color: false), to: &out)
        }
      } else {
        standardOutput = reporter
      }
    }
    if let reporter = standardOutput {
      var out = ReportWriter.standardOutput()
      try reporter.write(report, options: ReportOptions(color: useColor), to: &out)
      try out.flush()
    }
  }

  private var useColor: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto:
      return isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
  }
}
