import TermlintCore

/// Warnings on standard error for what a run could not do, so that a silent no-op never reads
/// as "all clear": rules that need a glossary when none was loaded, rules that need a source
/// text on monolingual files. Each is one line per run (not per file).
enum RunWarnings {
  /// The warning lines for a run.
  ///
  /// - Parameters:
  ///   - report: the merged report (`RunReport.rulesNotRun`).
  ///   - groups: each configuration's setup with the inputs it checked.
  ///   - explicitPipeline: whether `--pipeline` was given.
  ///   - glossaryOptions: the `--glossary` files.
  static func lines(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool, glossaryOptions: [String]
  ) -> [String] {
    var lines = missingGlossaries(groups: groups, explicitPipeline: explicitPipeline, glossaryOptions: glossaryOptions)
    // Rules that skipped the same files share a line.
    var byFiles: [[String]: [String]] = [:]
    for (rule, paths) in report.rulesNotRun { byFiles[paths.sorted(), default: []].append(rule) }
    for (paths, rules) in byFiles.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let sorted = rules.sorted()
      let verb = sorted.count == 1 ? "needs" : "need"
      lines.append(
        "termlint: warning: \(sorted.joined(separator: ", ")) \(verb) a source text; not run on \(files(paths)) (monolingual)")
    }
    return lines
  }

  /// Prints `missingGlossaries(…)` on standard error (`fix`).
  static func printMissingGlossaries(groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool, glossaryOptions: [String]) {
    for line in missingGlossaries(groups: groups, explicitPipeline: explicitPipeline, glossaryOptions: glossaryOptions) {
      printError(line)
    }
  }

  /// One line per configuration whose glossary is empty while rules that need one are on.
  static func missingGlossaries(
    groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool, glossaryOptions: [String]
  ) -> [String] {
    var lines: [String] = []
    for (setup, inputs) in groups where !inputs.isEmpty {
      let missing = setup.linter.rulesNeedingMissingGlossary
      guard !missing.isEmpty else { continue }
      let reason: String
      if let path = setup.pipeline.path {
        reason = setup.pipeline.glossaries.isEmpty && glossaryOptions.isEmpty
          ? "\(path) names no glossaries and no --glossary was given" : "the glossaries hold no concepts"
      } else if explicitPipeline || !glossaryOptions.isEmpty {
        reason = "the glossaries hold no concepts"
      } else {
        reason = "no .termlint.yml found in \(inputs.count == 1 ? "its folder" : "their folders") or a parent, and no --glossary or --pipeline given"
      }
      lines.append(
        "termlint: warning: no glossary loaded for \(files(inputs)) (\(reason)); not run: \(missing.joined(separator: ", "))")
    }
    return lines
  }

  /// Prints `lines(…)` on standard error.
  static func print(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool, glossaryOptions: [String]
  ) {
    for line in lines(report: report, groups: groups, explicitPipeline: explicitPipeline, glossaryOptions: glossaryOptions) {
      printError(line)
    }
  }

  /// `a.md`, `a.md and b.md`, or `5 files (a.md, b.md, c.md, …)`.
  static func files(_ paths: [String]) -> String {
    let names = paths.map { $0 == "-" ? "<stdin>" : $0 }
    switch names.count {
    case 1: return names[0]
    case 2: return "\(names[0]) and \(names[1])"
    default:
      let shown = names.prefix(3).joined(separator: ", ")
      return "\(names.count) files (\(shown)\(names.count > 3 ? ", …" : ""))"
    }
  }
}
