import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint fix`: apply the suggestions rules mark safe, in place.
struct Fix: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Apply the suggestions that rules mark safe (deprecated → preferred term, capitalisation …).",
    discussion: """
      Files are rewritten atomically with the same encoding, byte-order mark and line ends; only \
      the reported spans change. Fixing repeats until nothing more can be fixed, so a second run \
      changes nothing. A file that changes while termlint works on it is not written. '-' reads \
      standard input and writes the fixed text to standard output.

      Exit status: 0 when done (with --dry-run: when nothing would change), 1 with --dry-run \
      when a file would change, 2 for usage, configuration or input errors.
      """)

  @OptionGroup var settings: ConfigurationOptions
  @OptionGroup var input: InputOptions

  @Flag(help: "Print a unified diff of the fixes instead of writing files.")
  var dryRun = false

  func validate() throws {
    // Options of lint's reports that fix has no use for are refused rather than ignored.
    if input.shard != nil {
      throw ValidationError("--shard splits a lint run; fix each file once instead")
    }
    if input.changedLines {
      throw ValidationError("--changed-lines filters lint's report; fix does not take it")
    }
    if input.stdinFilename != nil {
      throw ValidationError("--stdin-filename is for lint; fix writes files, not standard input")
    }
  }

  func run() async throws {
    try await runReportingErrors {
      // As lint: --pipeline for every file, else the .termlint.yml nearest to each file.
      let explicit = try settings.pipeline.map { _ in try settings.load() }
      let paths = try input.resolve()
      guard !paths.contains("-") || paths.count == 1 else {
        throw TermlintError.usage("'-' (standard input) cannot be fixed together with files")
      }
      let groups: [(LintSetup, [String])]
      if let explicit {
        groups = [(explicit, paths)]
      } else {
        let found =
          paths.isEmpty
          ? [InputGroup(pipelinePath: PipelineLoader.discover(), inputs: [])]
          : InputGroup.discovered(paths)
        let pipelines = try found.map { try settings.loadPipeline(at: $0.pipelinePath) }
        groups = try zip(found, pipelines).map { group, pipeline in
          (
            try LintSetup.build(
              pipeline: pipeline, glossaries: settings.glossaries, onlyRules: settings.onlyRules,
              disabledRules: settings.disabledRules,
              cache: settings.glossaryCache),
            group.inputs
          )
        }
      }
      RunWarnings.printMissingGlossaries(
        groups: groups, explicitPipeline: settings.pipeline != nil,
        glossaryOptions: settings.glossaries)
      let progress = ProgressBar.standardError(total: paths.count, label: "termlint: fixing")
      defer { progress?.finish() }
      var plans: [FixPlan] = []
      var done = 0
      for (setup, inputs) in groups {
        let before = done
        plans += try await Fixer(linter: setup.linter).plans(paths: inputs, jobs: input.jobCount) {
          finished, _ in
          progress?.update(done: before + finished, total: paths.count)
        }
        done += inputs.count
      }
      plans.sort { $0.path < $1.path }
      progress?.finish()
      if dryRun {
        for plan in plans where plan.changesFile {
          let name = plan.path == "-" ? "<stdin>" : plan.path
          let (old, new) =
            plan.path.hasPrefix("/") || plan.path == "-" ? (name, name) : ("a/\(name)", "b/\(name)")
          writeOutput(
            UnifiedDiff.make(
              old: plan.original.text, new: plan.fixed.text, oldName: old, newName: new))
        }
        printError(Self.summary(plans, verb: "would fix"))
        return plans.contains(where: \.changesFile) ? ExitStatus.findings : ExitStatus.clean
      }
      if paths == ["-"], let plan = plans.first {
        writeOutput(plan.fixedBytes)
        printError(Self.summary(plans, verb: "fixed"))
        return ExitStatus.clean
      }
      try Fixer.write(plans)
      for plan in plans where !plan.applied.isEmpty || plan.stoppedEarly {
        writeOutput("\(plan.path): \(Self.describe(plan))\n")
      }
      writeOutput(Self.summary(plans, verb: "fixed") + "\n")
      return ExitStatus.clean
    }
  }

  /// `fixed 3 problems (term-case 1, term-forbidden 2); 1 left`.
  private static func describe(_ plan: FixPlan) -> String {
    var counts: [String: Int] = [:]
    for fix in plan.applied { counts[fix.finding.ruleID, default: 0] += 1 }
    let byRule = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    var text = "fixed \(plural(plan.applied.count, "problem")) (\(byRule))"
    if !plan.remaining.isEmpty { text += "; \(plan.remaining.count) left" }
    if plan.stoppedEarly {
      text +=
        "; stopped after \(plan.applied.map(\.pass).max() ?? 0) passes because fixes keep changing each other's text (check the glossaries)"
    }
    return text
  }

  /// One line for the whole run.
  private static func summary(_ plans: [FixPlan], verb: String) -> String {
    let fixed = plans.reduce(0) { $0 + $1.applied.count }
    let files = plans.filter(\.changesFile).count
    let left = plans.reduce(0) { $0 + $1.remaining.count }
    let skipped = plans.flatMap(\.skipped)
    var text =
      "\(verb.prefix(1).uppercased() + verb.dropFirst()) \(plural(fixed, "problem")) in \(plural(files, "file"))"
    if left > 0 {
      text += "; \(plural(left, "problem")) left for a person to check (run termlint lint)"
    }
    if !skipped.isEmpty {
      let reasons = SkippedFix.Reason.allCases.compactMap { reason -> String? in
        let n = skipped.filter { $0.reason == reason }.count
        return n == 0 ? nil : "\(n) \(reason.explanation)"
      }
      text +=
        "; \(plural(skipped.count, "safe fix")) not applied (\(reasons.joined(separator: ", ")))"
    }
    return text + "."
  }

  private static func plural(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : (word.hasSuffix("x") ? "es" : "s"))"
  }
}

extension SkippedFix.Reason {
  /// Why a fix was left alone, in a few words.
  fileprivate var explanation: String {
    switch self {
    case .markup: return "inside markup"
    case .lineBreak: return "would add a line break"
    case .boundary: return "would split a character"
    case .stale: return "text differs from the report"
    case .protected: return "next to a format directive, escape, placeholder, markup or URL"
    }
  }
}
