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
    let status = await runCommand()
    Interrupts.exit(status)
  }

  /// Parses and runs the command; returns the exit status after printing what argument-parser
  /// would print (help and version on standard output, errors on standard error). Ending the
  /// process only after this returns lets every object of the run be released first.
  private static func runCommand() async -> Int32 {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return ExitStatus.clean
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(fullMessage(for: error))
        return ExitStatus.error
      }
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { writeOutput(message + "\n") } else { printError(message) }
      }
      return code.rawValue
    }
  }
}
