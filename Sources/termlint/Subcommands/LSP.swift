import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintLSP
import TermlintText

/// `termlint lsp`: the language server for editors (LSP 3.17 over standard input and output).
struct LSP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server for editors (LSP over standard input and output).",
    discussion: """
      Editors start this command and talk to it in the Language Server Protocol on standard \
      input and output; see Documentation/Editors.md for Neovim, VS Code, Helix and Emacs. \
      Each document is checked with the .termlint.yml nearest to it, as 'termlint lint' does; \
      glossaries stay compiled between edits and are reloaded when their files change.

      Exit status: 0 after the client's shutdown and exit, 1 when the input ends without them.
      """)

  @Flag(help: "Accepted for editors that pass it; standard input and output are always used.")
  var stdio = false

  @Option(
    help: ArgumentHelp(
      "Milliseconds of quiet after an edit before the document is checked again.", valueName: "ms"))
  var debounce: Int = 30

  func validate() throws {
    guard debounce >= 0 else { throw ValidationError("--debounce must be 0 or more milliseconds") }
  }

  func run() throws {
    // A client that goes away must not kill the server with SIGPIPE halfway through a write.
    signal(SIGPIPE, SIG_IGN)
    let status = ServerLoop(input: .standardInput, output: .standardOutput)
      .run(debounce: Double(debounce) / 1000, glossaryCache: GlossaryCache.standard())
    throw ExitCode(status)
  }
}
