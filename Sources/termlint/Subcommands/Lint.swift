import ArgumentParser
import TermlintCore

/// `termlint lint`: check articles against glossaries and report findings.
struct Lint: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check translated text against glossaries and report every finding.",
    discussion: """
      Files are checked whatever their extension; folders are walked for \
      \(InputSelection.defaultExtensions.joined(separator: " ")) files (or --include globs), \
      skipping hidden files and folders. Reports are sorted by path, line, column and rule.

      Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage, \
      configuration or input errors.
      """)

  @OptionGroup var settings: ConfigurationOptions
  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var baselineOptions: BaselineOptions

  @Option(help: "Lowest severity that makes the exit status 1 (default: the pipeline's, else error).")
  var failOn: FailLevel?

  @Option(help: ArgumentHelp("With --target: the source article of an unaligned pair (.md or plain text).", valueName: "file"))
  var source: String?

  @Option(help: ArgumentHelp("With --source: its translation; sentences are aligned and checked as beads.", valueName: "file"))
  var target: String?

  func run() async throws {
    try await runReportingErrors {
      let destinations = try output.destinations()
      guard (source == nil) == (target == nil) else {
        throw TermlintError.usage("--source and --target go together (an article and its translation)")
      }
      let baseline = try baselineOptions.load()
      let pipeline = try settings.loadPipeline()
      // The glossaries load and compile on their own task while the inputs are found and, with
      // more than one job, read and parsed; errors keep their order (configuration first).
      let stop = PrefetchStop()
      let building = settings.build(pipeline: pipeline, baseline: baseline, whenDone: stop)
      let setup: LintSetup
      let (report, baselineEntries): (RunReport, [Baseline.Entry])
      if let source, let target {
        setup = try await building.value
        guard input.files.isEmpty && input.changedSince == nil else {
          throw TermlintError.usage("give either files to check or --source and --target, not both")
        }
        (report, baselineEntries) = try LintRun.pair(linter: setup.linter, source: source, target: target)
      } else {
        let paths: [String]
        do { paths = try input.resolve() } catch {
          _ = try await building.value
          throw error
        }
        let jobs = input.jobCount
        let prefetched = jobs > 1
          ? await LintRun.prefetch(paths, defaults: LintSetup.languageDefaults(for: pipeline), jobs: jobs - 1, until: stop) : nil
        setup = try await building.value
        let progress = ProgressBar.standardError(total: paths.count, label: "termlint: checking")
        defer { progress?.finish() }
        (report, baselineEntries) = try await LintRun(linter: setup.linter, inputs: paths, jobs: jobs, prefetched: prefetched)
          .runCollectingBaseline { progress?.update(done: $0, total: $1) }
        progress?.finish()
      }
      try output.write(report, to: destinations)
      if try baselineOptions.write(baselineEntries) { return ExitStatus.clean }
      guard let threshold = failOn.map({ $0.severity }) ?? setup.pipeline.failOn else { return ExitStatus.clean }
      return report.findings.contains { $0.severity >= threshold } ? ExitStatus.findings : ExitStatus.clean
    }
  }
}
