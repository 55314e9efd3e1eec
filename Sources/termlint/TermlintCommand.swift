import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// The `termlint` command: lists subcommands, nothing else.
@main
struct TermlintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "termlint",
    abstract: "Translation and terminology QA: glossary-aware linting with exact positions.",
    version: "termlint \(Termlint.version) (ICU \(ICU.version))",
    subcommands: [
      Lint.self, Fix.self, Align.self, Rules.self, GlossaryCommand.self, Config.self, Init.self,
      Report.self, LSP.self,
    ],
    defaultSubcommand: Lint.self
  )
}
