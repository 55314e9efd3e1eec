import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

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
    if let mistake = mistypedSubcommand(Array(CommandLine.arguments.dropFirst())) {
      printError("termlint: error: \(mistake)")
      return ExitStatus.error
    }
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return ExitStatus.clean
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        printError(oneLine(error))
        return ExitStatus.error
      }
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { writeOutput(message + "\n") } else { printError(oneLine(error)) }
      }
      return code.rawValue
    }
  }

  /// An argument-parser error in Termlint's one error style: `termlint: error: …` on one
  /// line, with the help command to run (argument-parser prints `Error: …`, the usage and a
  /// hint on several lines).
  private static func oneLine(_ error: any Error) -> String {
    var message = self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
    if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
    message = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
      separator: "; ")
    let full = fullMessage(for: error)
    if let start = full.range(of: "'termlint"),
      let end = full[start.upperBound...].range(of: "--help'")
    {
      message += " (see \(full[start.lowerBound..<end.upperBound]))"
    }
    return "termlint: error: " + message
  }

  /// A first argument that is neither a file nor a subcommand but close to a subcommand's
  /// name (`termlint glosary check x`) is a mistyped subcommand, not a missing file to lint;
  /// the same for a subcommand's own subcommands (`termlint glossary chek x`). Returns the
  /// message, or nil when the arguments are fine.
  static func mistypedSubcommand(_ arguments: [String]) -> String? {
    mistyped(in: TermlintCommand.self, arguments[...], path: "termlint", isRoot: true)
  }

  private static func mistyped(
    in command: any ParsableCommand.Type, _ arguments: ArraySlice<String>, path: String,
    isRoot: Bool
  ) -> String? {
    let subcommands = command.configuration.subcommands
    guard let first = arguments.first, !subcommands.isEmpty else { return nil }
    var names: [String] = []
    for sub in subcommands {
      names.append(sub._commandName)
      names += sub.configuration.aliases
    }
    names.append("help")
    for sub in subcommands
    where sub._commandName == first || sub.configuration.aliases.contains(first) {
      return mistyped(
        in: sub, arguments.dropFirst(), path: path + " " + sub._commandName, isRoot: false)
    }
    guard !first.hasPrefix("-"), first != "help", !FileManager.default.fileExists(atPath: first)
    else { return nil }
    if isRoot, first == "completion" || first == "completions" {
      return "'\(first)' is not a subcommand or a file; shell completions come from "
        + "'termlint --generate-completion-script bash' (or zsh, fish)"
    }
    if let near = NearestName.closest(to: first, among: names) {
      return
        "'\(first)' is not a subcommand of '\(path)' or a file; did you mean '\(near)'? (see '\(path) --help')"
    }
    // A command without a default subcommand has nothing else to do with the word.
    guard command.configuration.defaultSubcommand == nil else { return nil }
    let list = subcommands.map { $0._commandName }.joined(separator: ", ")
    return "'\(first)' is not a subcommand of '\(path)' (\(list)); see '\(path) --help'"
  }
}
