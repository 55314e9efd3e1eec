import ArgumentParser
import TermlintCore

/// `termlint rules`: list the built-in rules, or explain one.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the built-in rules.",
    subcommands: [List.self, Explain.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: id, category, default severity, title.")

    func run() throws {
      writeOutput(RuleDocumentation.table(BuiltInRules.descriptors))
    }
  }

  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a rule's documentation and examples.")

    @Argument(help: "The rule id.")
    var id: String

    func run() throws {
      try runReportingErrors {
        guard let type = BuiltInRules.type(for: id) else {
          throw TermlintError.usage("unknown rule '\(id)'; run 'termlint rules' to list them")
        }
        writeOutput(RuleDocumentation.explain(type.descriptor))
        return 0
      }
    }
  }
}
