import ArgumentParser
import Foundation
import TermlintCore

extension TermlintCommand {
  /// Parses and runs a command like argument-parser's own `main`, except that a command-line
  /// usage error (unknown option, bad value) exits with status 2, as README's exit statuses
  /// promise, instead of argument-parser's 64.
  ///
  /// Before anything else, a closed standard output becomes a quiet end instead of SIGPIPE
  /// (`StandardStreams`), and interrupts remove half-written files (`Interrupts`).
  static func main() async {
    BrokenPipes.failWithEPIPE()
    Interrupts.install()
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(ExitStatus.error)
      }
      exit(withError: error)
    }
  }
}
