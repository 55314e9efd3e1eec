import TermlintCore
import TermlintGlossary
import TermlintText

/// Warnings on standard error for what loading the glossaries accepted with a remark, and for
/// what a run could not do, so that a silent no-op never reads
/// as "all clear": rules that need a glossary when none was loaded, and rules that need a
/// source text, asked for by name with `--rule`, on monolingual files. Each is one line per run
/// (not per file). Bilingual rules that a pipeline turns on are not named for monolingual
/// articles: a pipeline is written for every kind of input, the other rules did run, and the
/// report says the file was checked as monolingual; a line on every run of every article would
/// teach people to ignore standard error.
enum RunWarnings {
  /// The warning lines for a run.
  ///
  /// - Parameters:
  ///   - report: the merged report (`RunReport.rulesNotRun`).
  ///   - groups: each configuration's setup with the inputs it checked.
  ///   - explicitPipeline: whether `--pipeline` was given.
  ///   - glossaryOptions: the `--glossary` files.
  ///   - onlyRules: the `--rule` ids.
  static func lines(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool,
    glossaryOptions: [String],
    onlyRules: [String]
  ) -> [String] {
    var lines = glossaryWarnings(groups: groups)
    lines += missingGlossaries(
      groups: groups, explicitPipeline: explicitPipeline, glossaryOptions: glossaryOptions)
    lines += glossariesWithoutTheLanguage(report: report, groups: groups)
    lines += missingLanguageResources(report: report, groups: groups)
    // The files each rule was asked for on by --rule.
    var askedOn: [String: Set<String>] = [:]
    for (setup, inputs) in groups {
      for rule in setup.linter.rules.map(\.rule.descriptor) {
        let names = [rule.id] + rule.deprecatedAliases
        let asked = names.contains { onlyRules.contains($0) }
        if asked { askedOn[rule.id, default: []].formUnion(inputs) }
      }
    }
    // Rules that skipped the same files share a line.
    var byFiles: [[String]: [String]] = [:]
    for (rule, paths) in report.rulesNotRun {
      let asked = paths.filter { askedOn[rule]?.contains($0) == true }
      if !asked.isEmpty { byFiles[asked.sorted(), default: []].append(rule) }
    }
    for (paths, rules) in byFiles.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let sorted = rules.sorted()
      let verb = sorted.count == 1 ? "needs" : "need"
      lines.append(
        "termlint: warning: \(sorted.joined(separator: ", ")) \(verb) a source text; not run on \(files(paths)) (monolingual)"
      )
    }
    return lines
  }

  /// Prints `missingGlossaries(…)` on standard error (`fix`).
  /// What loading the glossaries noticed (a sheet's unknown columns kept as notes): once per
  /// file, even when several configurations load the same glossary.
  static func glossaryWarnings(groups: [(setup: LintSetup, inputs: [String])]) -> [String] {
    var lines: [String] = []
    for (setup, _) in groups {
      for warning in setup.linter.glossary.glossary.warnings
      where !lines.contains("termlint: warning: \(warning)") {
        lines.append("termlint: warning: \(warning)")
      }
    }
    return lines
  }

  /// Prints the glossary warnings and the lines for configurations without a glossary (`fix`).
  static func printMissingGlossaries(
    groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool,
    glossaryOptions: [String]
  ) {
    for line in glossaryWarnings(groups: groups) { printError(line) }
    for line in missingGlossaries(
      groups: groups, explicitPipeline: explicitPipeline, glossaryOptions: glossaryOptions)
    {
      printError(line)
    }
  }

  /// One line per configuration whose glossary is empty while rules that need one are on.
  static func missingGlossaries(
    groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool,
    glossaryOptions: [String]
  ) -> [String] {
    var lines: [String] = []
    for (setup, inputs) in groups where !inputs.isEmpty {
      let missing = setup.linter.rulesNeedingMissingGlossary
      guard !missing.isEmpty else { continue }
      let reason: String
      if let path = setup.pipeline.path {
        reason =
          setup.pipeline.glossaries.isEmpty && glossaryOptions.isEmpty
          ? "\(path) names no glossaries and no --glossary was given"
          : "the glossaries hold no concepts"
      } else if explicitPipeline || !glossaryOptions.isEmpty {
        reason = "the glossaries hold no concepts"
      } else {
        reason =
          "no .termlint.yml found in \(inputs.count == 1 ? "its folder" : "their folders") or a parent, and no --glossary or --pipeline given"
      }
      lines.append(
        "termlint: warning: no glossary loaded for \(files(inputs)) (\(reason)); not run: \(missing.joined(separator: ", "))"
      )
    }
    return lines
  }

  /// Prints `lines(…)` on standard error.
  static func print(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])], explicitPipeline: Bool,
    glossaryOptions: [String],
    onlyRules: [String]
  ) {
    for line in lines(
      report: report, groups: groups, explicitPipeline: explicitPipeline,
      glossaryOptions: glossaryOptions, onlyRules: onlyRules)
    {
      printError(line)
    }
  }

  /// One line per configuration and checked language its (non-empty) glossary has no terms in:
  /// a French article checked with a Russian–English glossary finds nothing, and must not
  /// look clean for it.
  static func glossariesWithoutTheLanguage(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])]
  ) -> [String] {
    var lines: [String] = []
    for (setup, inputs) in groups {
      let glossary = setup.linter.glossary
      let rules = setup.linter.rules.map(\.rule.descriptor).filter(\.requiresGlossary).map(\.id)
      guard !glossary.glossary.concepts.isEmpty, !rules.isEmpty else { continue }
      var byLanguage: [String: (tag: LanguageTag, paths: [String])] = [:]
      for path in inputs {
        guard let target = report.directions[path]?.target, !glossary.hasTerms(in: target) else {
          continue
        }
        byLanguage[target.language, default: (target, [])].paths.append(path)
      }
      for key in byLanguage.keys.sorted() {
        let (tag, paths) = byLanguage[key]!
        lines.append(
          "termlint: warning: the glossaries have no terms in '\(tag.value)', the language of \(files(paths)); "
            + "\(rules.joined(separator: ", ")) found nothing there (use --target-lang if the language is wrong)"
        )
      }
    }
    return lines
  }

  /// One line per rule and checked language it has no resource for (the spelling rule without
  /// a dictionary for the language): it found nothing there, which must not read as clean.
  static func missingLanguageResources(
    report: RunReport, groups: [(setup: LintSetup, inputs: [String])]
  ) -> [String] {
    var byReason: [String: (rule: String, paths: [String])] = [:]
    for (setup, inputs) in groups {
      for configured in setup.linter.rules {
        guard let rule = configured.rule as? any LanguageResourceRule else { continue }
        for path in inputs {
          guard let target = report.directions[path]?.target,
            let reason = rule.unavailability(for: target)
          else { continue }
          byReason["\(rule.descriptor.id): \(reason)", default: (rule.descriptor.id, [])].paths
            .append(path)
        }
      }
    }
    return byReason.keys.sorted().map { key in
      let (rule, paths) = byReason[key]!
      return "termlint: warning: \(key); \(rule) not run on \(files(paths))"
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
