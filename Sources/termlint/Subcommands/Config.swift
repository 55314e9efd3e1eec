import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint config`: the configuration a run would use, as YAML.
struct Config: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Print the effective configuration: pipeline, languages, glossaries, pairs, excludes and rules.",
    discussion: """
      Shows what 'termlint lint' would use for a file or folder (default: the current folder): \
      the .termlint.yml nearest to it (or --pipeline), with --glossary, --source-lang, \
      --target-lang, --rule and --disable applied. Every rule that runs is listed with its \
      severity and options. The output is YAML.
      """)

  @OptionGroup var settings: ConfigurationOptions

  @Argument(help: "A file or folder whose configuration to show (default: the current folder).")
  var path: String?

  func run() throws {
    try runReportingErrors {
      let pipeline: Pipeline
      if settings.pipeline != nil {
        pipeline = try settings.loadPipeline()
      } else {
        let start = path ?? "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory) else {
          throw TermlintError.input(start, "no such file or folder")
        }
        let folder = isDirectory.boolValue ? start : (start as NSString).deletingLastPathComponent
        pipeline = try settings.loadPipeline(
          at: PipelineLoader.discover(from: folder.isEmpty ? "." : folder))
      }
      let rules = try pipeline.configuredRules(
        only: settings.onlyRules, disabled: settings.disabledRules)
      writeOutput(
        EffectiveConfiguration.yaml(
          pipeline: pipeline, extraGlossaries: settings.glossaries, rules: rules))
      return ExitStatus.clean
    }
  }
}

/// The YAML text of `termlint config`.
enum EffectiveConfiguration {
  static func yaml(pipeline: Pipeline, extraGlossaries: [String], rules: [ConfiguredRule]) -> String
  {
    func quoted(_ s: String) -> String {
      "\""
        + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\"") + "\""
    }
    let defaults = LintSetup.languageDefaults(for: pipeline)
    var lines: [String] = []
    lines.append("pipeline: \(pipeline.path.map(quoted) ?? "built-in")")
    lines.append("languages:")
    lines.append(
      "  source: \(defaults.source?.value ?? "null")  # \(origin(defaults.source, defaults.sourceOrigin))"
    )
    lines.append(
      "  target: \(defaults.target?.value ?? "null")  # \(origin(defaults.target, defaults.targetOrigin))"
    )
    let glossaries = pipeline.glossaries + extraGlossaries
    lines.append(glossaries.isEmpty ? "glossaries: []" : "glossaries:")
    for glossary in glossaries { lines.append("  - \(quoted(glossary))") }
    lines.append(
      "pairs: \(pipeline.pairs.map { quoted($0.pattern) } ?? "off")"
        + (pipeline.pairs != nil && defaults.source == nil
          ? "  # inactive: no source language" : ""))
    lines.append(pipeline.exclude.isEmpty ? "exclude: []" : "exclude:")
    for glob in pipeline.exclude { lines.append("  - \(quoted(glob.description))") }
    lines.append("fail-on: \(pipeline.failOn?.rawValue ?? "never")")
    lines.append("rules:")
    for configured in rules.sorted(by: { $0.rule.descriptor.id < $1.rule.descriptor.id }) {
      let d = configured.rule.descriptor
      let options =
        pipeline.rules[d.id]?.options ?? d.deprecatedAliases.lazy.compactMap {
          pipeline.rules[$0]?.options
        }.first ?? [:]
      if options.isEmpty {
        lines.append("  \(d.id): \(configured.severity.rawValue)")
      } else {
        lines.append("  \(d.id):")
        lines.append("    severity: \(configured.severity.rawValue)")
        lines.append("    options:")
        for (key, value) in options.sorted(by: { $0.key < $1.key }) {
          switch value {
          case .value(let s): lines.append("      \(key): \(quoted(s))")
          case .list(let items):
            lines.append("      \(key): [\(items.map(quoted).joined(separator: ", "))]")
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func origin(_ tag: LanguageTag?, _ origin: LanguageDefaults.Origin) -> String {
    guard tag != nil else { return "unknown: give languages.source or --source-lang" }
    switch origin {
    case .assumed: return "assumed"
    case .pipeline: return "from the pipeline"
    case .commandLine: return "from the command line"
    }
  }
}
