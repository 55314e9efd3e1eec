import ArgumentParser
import Foundation
import TermlintCore

/// `termlint glossary`: tools for the people who maintain glossaries as data files.
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Check, format, convert, inspect and extend glossary files.",
    subcommands: [Check.self, Checks.self])
}

// MARK: - check

extension GlossaryCommand {
  /// `glossary check FILE...`: duplicates, conflicts, text and value problems, as findings.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report duplicates, status conflicts, text problems and invalid values in glossary files.",
      discussion: """
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a file cannot \
        be read. 'termlint glossary checks' lists the checks.
        """)

    @Argument(help: "Glossary files (.tbx, .csv, .tsv, .yml, .yaml).")
    var files: [String] = []

    @Flag(help: "Also compare terms across the files, as lint sees glossaries given together.")
    var merged = false

    @Option(help: "Source language (BCP 47); default: declared by the glossary, else the language most concepts list first.")
    var sourceLang: LanguageTag?

    @Option(help: "Output format.")
    var format: ReporterName = ReporterName(argument: "text")!

    @Option(help: "Lowest severity that makes the exit status 1.")
    var failOn: FailLevel = .error

    @Option(name: .customLong("rule"), help: "Run only this check; repeatable.")
    var onlyChecks: [String] = []

    @Option(name: .customLong("disable"), help: "Skip this check; repeatable.")
    var disabledChecks: [String] = []

    @Option(help: "Colour in text output.")
    var color: ColorChoice = .auto

    func run() throws {
      try runReportingErrors {
        guard !files.isEmpty else { throw TermlintError.usage("no glossary files (give one or more .tbx, .csv, .tsv or .yaml files)") }
        let sources = try files.map { try GlossarySource.load(path: $0) }
        let checker = GlossaryChecker(sourceLanguage: sourceLang, only: Set(onlyChecks), disabled: Set(disabledChecks))
        let findings = try checker.check(sources, merged: merged)
        let report = RunReport(
          findings: findings, files: sources.map { $0.file ?? SourceFile(path: $0.path, text: "") },
          rules: GlossaryChecks.all.filter { checker.isEnabled($0.id) })
        let reporter = ReporterRegistry.reporter(format.identifier)!
        writeOutput(reporter.render(report, options: ReportOptions(color: color.isOn)))
        guard let threshold = failOn.severity else { return ExitStatus.clean }
        return findings.contains { $0.severity >= threshold } ? ExitStatus.findings : ExitStatus.clean
      }
    }
  }

  /// `glossary checks [ID]`: list the checks, or explain one.
  struct Checks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the glossary checks, or explain one with its examples.")

    @Argument(help: "A check id to explain.")
    var id: String?

    func run() throws {
      try runReportingErrors {
        guard let id else {
          writeOutput(RuleDocumentation.table(GlossaryChecks.all))
          return ExitStatus.clean
        }
        guard let descriptor = GlossaryChecks.descriptor(id) else {
          throw TermlintError.usage("unknown glossary check '\(id)'; run 'termlint glossary checks' to list them")
        }
        writeOutput(GlossaryDocumentation.explain(descriptor))
        return ExitStatus.clean
      }
    }
  }
}

extension ColorChoice {
  /// Whether to colour standard output.
  var isOn: Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      return isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
  }
}
