import ArgumentParser
import Foundation

extension TermlintCommand {
  /// Parses and runs a command like argument-parser's own `main`, except that a command-line
  /// usage error (unknown option, bad value) exits with status 2, as README's exit statuses
  /// promise, instead of argument-parser's 64.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.error)
      }
      exit(withError: error)
    }
  }
}
