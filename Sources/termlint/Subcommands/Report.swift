import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint report`: work on written reports.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Work on written reports (merge the JSON reports of a sharded run).",
    subcommands: [Merge.self])

  /// `termlint report merge`: joins JSON reports into one report of any format.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Join the JSON reports of 'lint --shard K/N' runs into one report of any format.",
      discussion: """
        Each shard writes --format json; this joins them (findings in report order, every \
        file's words and languages) and writes the formats asked for, e.g. \
        '--format sarif --output termlint.sarif'. Exit status: 0, or 1 when a finding reaches \
        --fail-on, or 2 when a report cannot be read or a shard had an input error.
        """)

    @Argument(help: "JSON reports written by 'termlint lint --format json'.")
    var reports: [String] = []

    @OptionGroup var output: OutputOptions

    @Option(help: "Lowest severity that makes the exit status 1 (default: error).")
    var failOn: FailLevel = .error

    func run() throws {
      try runReportingErrors {
        guard !reports.isEmpty else {
          throw TermlintError.usage("no reports to merge (give the JSON reports of the shards)")
        }
        let destinations = try output.destinations()
        let report = try ReportMerge.merge(paths: reports)
        try output.write(report, to: destinations)
        if report.findings.contains(where: { $0.ruleID == InputErrors.ruleID }) {
          return ExitStatus.error
        }
        guard let threshold = failOn.severity else { return ExitStatus.clean }
        return report.findings.contains { $0.severity >= threshold }
          ? ExitStatus.findings : ExitStatus.clean
      }
    }
  }
}
