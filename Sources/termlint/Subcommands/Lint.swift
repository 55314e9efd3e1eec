import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint lint`: check articles against glossaries and report findings.
struct Lint: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check translated text against glossaries and report every finding.",
    discussion: """
      Files are checked whatever their extension; folders are walked for \
      \(InputSelection.defaultExtensions.joined(separator: " ")) files (or --include globs), \
      skipping hidden files and folders. Reports are sorted by path, line, column and rule.

      Without --pipeline, each file is checked with the .termlint.yml nearest to it (in its \
      folder or a parent), wherever the command runs from; files with different ones are \
      checked with each their own.

      In folders, an article and its translation side by side (talks.ru.md and talks.en.md, \
      by the pipeline's languages and its 'pairs:' pattern) are checked as one bilingual pair; \
      source articles are never checked as translated text.

      A file that cannot be read or parsed becomes an input-error finding; every other file is \
      still checked and reported, and the exit status is 2.

      Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage, \
      configuration or input errors (also when no file is found to check).
      """)

  @OptionGroup var settings: ConfigurationOptions
  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var baselineOptions: BaselineOptions

  @Option(
    help: "Lowest severity that makes the exit status 1 (default: the pipeline's, else error).")
  var failOn: FailLevel?

  @Option(
    help:
      "Report only findings of this severity or above (findings below it do not count for the exit status)."
  )
  var minSeverity: Severity?

  @Flag(
    name: [.customShort("q"), .long],
    help:
      "Report only errors and print no warnings on standard error (same as --min-severity error).")
  var quiet = false

  @Flag(
    help: "After the report, print the number of findings per rule and per file on standard error.")
  var statistics = false

  @Option(
    help: ArgumentHelp(
      "With --target: the source article of an unaligned pair (.md or plain text).",
      valueName: "file"))
  var source: String?

  @Option(
    help: ArgumentHelp(
      "With --source: its translation; sentences are aligned and checked as beads.",
      valueName: "file"))
  var target: String?

  /// One configuration's part of a run.
  private struct Part {
    let setup: LintSetup
    let inputs: [String]
    var report: RunReport
    let baselineEntries: [Baseline.Entry]
  }

  func validate() throws {
    if quiet, let minSeverity, minSeverity != .error {
      throw ValidationError(
        "--quiet reports only errors; it cannot be combined with --min-severity \(minSeverity.rawValue)"
      )
    }
  }

  /// The lowest severity reported (`--min-severity`, `--quiet`).
  private var reportedSeverity: Severity? { quiet ? .error : minSeverity }

  func run() async throws {
    try await runReportingErrors {
      let destinations = try output.destinations()
      guard (source == nil) == (target == nil) else {
        throw TermlintError.usage(
          "--source and --target go together (an article and its translation)")
      }
      let baseline = try baselineOptions.load()
      let parts: [Part]
      if let source, let target {
        let pipeline = try settings.loadPipeline(forInputs: [target])
        let session = settings.session(pipeline: pipeline, baseline: baseline)
        _ = try await session.setup
        guard input.files.isEmpty && input.changedSince == nil else {
          throw TermlintError.usage("give either files to check or --source and --target, not both")
        }
        // The same run as an article pair found in a folder.
        let result = try await session.run([target], jobs: 1, pairs: [target: source])
        parts = [
          Part(
            setup: result.setup, inputs: [target], report: result.report,
            baselineEntries: result.baselineEntries)
        ]
      } else if settings.pipeline != nil {
        // One pipeline for every file: it loads (and its errors come) first.
        let pipeline = try settings.loadPipeline()
        parts = [try await run(pipeline: pipeline, baseline: baseline, paths: nil)]
      } else {
        let paths: [String]
        do { paths = try input.resolve() } catch {
          // A configuration error comes first, as with --pipeline: the configuration of the
          // current folder and --glossary files are checked before the missing input is named.
          let pipeline = try settings.loadPipeline(at: PipelineLoader.discover())
          _ = try await settings.session(pipeline: pipeline, baseline: baseline).setup
          throw error
        }
        let groups =
          paths.isEmpty
          ? [InputGroup(pipelinePath: PipelineLoader.discover(), inputs: [])]
          : InputGroup.discovered(paths)
        // Every configuration loads before any file is checked, so its errors come first.
        let pipelines = try groups.map { try settings.loadPipeline(at: $0.pipelinePath) }
        var done: [Part] = []
        for (group, pipeline) in zip(groups, pipelines) {
          done.append(try await run(pipeline: pipeline, baseline: baseline, paths: group.inputs))
        }
        parts = done
      }
      // Findings below --min-severity, or off the changed lines with --changed-lines, are not
      // reported and do not count for the exit status.
      let changed =
        input.changedLines
        ? try input.changedSince.map { try GitChanges.changedLines(since: $0) } : nil
      let shown = parts.map { part in
        var part = part
        part.report.findings.removeAll { finding in
          guard finding.ruleID != InputErrors.ruleID else { return false }
          if let reportedSeverity, finding.severity < reportedSeverity { return true }
          if let changed {
            let lines = finding.location.line...max(finding.location.line, finding.location.endLine)
            return !(changed[finding.location.path]?.contains { $0.overlaps(lines) } ?? false)
          }
          return false
        }
        return part
      }
      var report = RunReport.merged(shown.map(\.report))
      // What produced the report, for the formats that say so (html).
      report.configurations = parts.map {
        RunConfiguration(
          pipeline: $0.setup.pipeline.path,
          glossaries: $0.setup.pipeline.glossaries + settings.glossaries, files: $0.inputs)
      }
      report.generated = ReportDate.now()
      // Files that could not be read are not what warnings about the checks are about.
      let unreadable = Set(
        report.findings.filter { $0.ruleID == InputErrors.ruleID }.map(\.location.path))
      if !quiet {
        let checked = parts.map { ($0.setup, $0.inputs.filter { !unreadable.contains($0) }) }.filter
        { !$0.1.isEmpty }
        RunWarnings.print(
          report: report, groups: checked, explicitPipeline: settings.pipeline != nil,
          glossaryOptions: settings.glossaries, onlyRules: settings.onlyRules)
      }
      try output.write(report, to: destinations)
      if statistics { printError(FindingStatistics(report.findings).text) }
      // Inputs that could not be read are findings in the report and one line each here.
      let inputErrors = report.findings.filter { $0.ruleID == InputErrors.ruleID }
      for finding in inputErrors {
        let l = finding.location
        printError("termlint: error: \(l.path):\(l.line):\(l.column): \(finding.message)")
      }
      if try baselineOptions.write(parts.flatMap(\.baselineEntries)) {
        return inputErrors.isEmpty ? ExitStatus.clean : ExitStatus.error
      }
      if !inputErrors.isEmpty { return ExitStatus.error }
      let failing = shown.contains { part in
        guard let threshold = failOn.map({ $0.severity }) ?? part.setup.pipeline.failOn else {
          return false
        }
        return part.report.findings.contains { $0.severity >= threshold }
      }
      return failing ? ExitStatus.findings : ExitStatus.clean
    }
  }

  /// Checks files with one pipeline. The glossaries load and compile on their own task while the
  /// inputs are found (`paths` nil: from the command line) and, with more than one job, read and
  /// parsed; errors keep their order (configuration first).
  private func run(pipeline: Pipeline, baseline: Baseline?, paths given: [String]?) async throws
    -> Part
  {
    let session = settings.session(pipeline: pipeline, baseline: baseline)
    let paths: [String]
    if let given {
      paths = given
    } else {
      do { paths = try input.resolve() } catch {
        _ = try await session.setup
        throw error
      }
    }
    let walked = input.excluding(paths, pipeline: pipeline)
    let paired = FolderPairs.pair(
      walked, pattern: pipeline.pairs, source: pipeline.sourceLanguage,
      target: session.defaults.target,
      explicit: input.namedFiles)
    if !quiet {
      for source in paired.unpaired {
        printError(
          "termlint: warning: \(source): a source article (\(pipeline.sourceLanguage?.value ?? "?")) with no translation beside it (pattern '\(pipeline.pairs?.pattern ?? "")'); not checked"
        )
      }
    }
    guard !paired.inputs.isEmpty || paths.isEmpty || input.changedSince != nil else {
      throw TermlintError.usage(
        "no input files: every file found is excluded by the pipeline's 'exclude:' or is a source article without its translation"
      )
    }
    let inputs = input.shard.map { $0.select(paired.inputs) } ?? paired.inputs
    let progress = ProgressBar.standardError(total: inputs.count, label: "termlint: checking")
    defer { progress?.finish() }
    // Only `html` shows the documents' text; the other formats need the files and findings.
    let keepsDocuments =
      (try? output.destinations())?.contains { $0.format.identifier == HTMLReporter.identifier }
      ?? true
    let result = try await session.run(inputs, jobs: input.jobCount, pairs: paired.sources) { run in
      run.reportsInputErrors = true
      run.standardInputName = input.stdinFilename
      run.keepsDocuments = keepsDocuments
      run.keepsBaselineEntries = baselineOptions.writeBaseline != nil
    } progress: {
      progress?.update(done: $0, total: $1)
    }
    progress?.finish()
    let (setup, report, entries) = (result.setup, result.report, result.baselineEntries)
    return Part(setup: setup, inputs: inputs, report: report, baselineEntries: entries)
  }
}
