import ArgumentParser
import Foundation
import TermlintCore

/// `termlint lint`: check articles against glossaries and report findings.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check translated text against glossaries and report every finding.",
    discussion: """
      Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage, \
      configuration or input errors.
      """)

  @Option(name: .customLong("glossary"), help: "A glossary file (.tbx, .csv, .tsv, .yml); repeatable.")
  var glossaries: [String] = []

  @Option(help: "A pipeline file (default: .termlint.yml in this folder or a parent, else built-in).")
  var pipeline: String?

  @Option(help: "Source language (BCP 47), when the input does not say.")
  var sourceLang: LanguageTag?

  @Option(help: "Target language (BCP 47), when the input does not say (default: en).")
  var targetLang: LanguageTag?

  @Option(help: "Output format.")
  var format: ReporterName = ReporterName(argument: "text")!

  @Option(help: "Lowest severity that makes the exit status 1 (default: the pipeline's, else error).")
  var failOn: FailLevel?

  @Option(name: .customLong("rule"), help: "Run only this rule; repeatable.")
  var onlyRules: [String] = []

  @Option(name: .customLong("disable"), help: "Skip this rule; repeatable.")
  var disabledRules: [String] = []

  @OptionGroup var baselineOptions: BaselineOptions

  @Option(help: "Colour in text output.")
  var color: ColorChoice = .auto

  @Argument(help: "Files to check (.md, .txt); '-' reads standard input.")
  var files: [String] = []

  func run() throws {
    try runReportingErrors {
      guard !files.isEmpty else { throw TermlintError.usage("no input files (give one or more files, or '-' for standard input)") }
      var pipeline = try pipeline.map(PipelineLoader.load(path:)) ?? PipelineLoader.discover().map(PipelineLoader.load(path:)) ?? .builtIn
      if let sourceLang { pipeline.sourceLanguage = sourceLang }
      if let targetLang { pipeline.targetLanguage = targetLang }
      let glossary = try GlossaryIO.loadAll(paths: pipeline.glossaries + glossaries)
      let rules = try pipeline.configuredRules(only: onlyRules, disabled: disabledRules)
      let filter = FindingFilter(descriptors: pipeline.descriptors, baseline: try baselineOptions.load())
      let linter = Linter(
        glossary: try CompiledGlossary(glossary), rules: rules, sourceLanguage: pipeline.sourceLanguage,
        targetLanguage: pipeline.targetLanguage ?? LanguageTag("en"), normalization: pipeline.normalization, filter: filter)
      var findings: [Finding] = []
      var sources: [SourceFile] = []
      var accepted: [Baseline.Entry] = []
      for path in files {
        let file = try SourceFile.read(path: path)
        let document = DocumentReader.read(file, language: linter.targetLanguage)
        let result = try linter.check(document)
        findings += result.findings
        accepted += result.baselineEntries
        sources.append(file)
      }
      let wroteBaseline = try baselineOptions.write(accepted)
      let report = RunReport(findings: findings, files: sources, rules: rules.map { $0.rule.descriptor })
      let reporter = ReporterRegistry.reporter(format.identifier)!
      writeOutput(reporter.render(report, options: ReportOptions(color: useColor)))
      let threshold = failOn.map { $0.severity } ?? pipeline.failOn
      guard let threshold, !wroteBaseline else { return ExitStatus.clean }
      return findings.contains { $0.severity >= threshold } ? ExitStatus.findings : ExitStatus.clean
    }
  }

  private var useColor: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto:
      return isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
  }
}
