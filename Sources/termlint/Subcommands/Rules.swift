import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint rules`: list the built-in rules, or explain one.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the built-in rules.",
    subcommands: [List.self, Explain.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every rule: id, category, default severity, title.",
      discussion:
        "Documentation/Rules.md is 'termlint rules --markdown --pipeline Pipelines/news-ru-en.yml'."
    )

    @Option(
      help:
        "Also list the data and external rules of this pipeline (default: the .termlint.yml of the current folder or a parent)."
    )
    var pipeline: String?

    @Flag(help: "Print the full documentation of every rule as Markdown.")
    var markdown = false

    func run() throws {
      try runReportingErrors {
        let loaded = try (pipeline ?? (markdown ? nil : PipelineLoader.discover())).map(
          PipelineLoader.load(path:))
        let descriptors = loaded?.descriptors ?? BuiltInRules.descriptors
        writeOutput(
          markdown ? RuleDocumentation.markdown(descriptors) : RuleDocumentation.table(descriptors))
        return 0
      }
    }
  }

  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a rule's documentation and examples.")

    @Argument(help: "The rule id.")
    var id: String

    @Option(
      help:
        "Also look among the data and external rules of this pipeline (default: the .termlint.yml of the current folder or a parent)."
    )
    var pipeline: String?

    func run() throws {
      try runReportingErrors {
        let path = pipeline ?? PipelineLoader.discover()
        let descriptors =
          try
          (path.map { try PipelineLoader.load(path: $0).descriptors } ?? BuiltInRules.descriptors)
          + [InputErrors.descriptor]
        guard
          let descriptor = descriptors.first(where: {
            $0.id == id || $0.deprecatedAliases.contains(id)
          })
        else {
          throw TermlintError.usage("unknown rule '\(id)'; run 'termlint rules' to list them")
        }
        writeOutput(RuleDocumentation.explain(descriptor))
        return 0
      }
    }
  }
}
