import Foundation
import Testing

/// The GitHub Action and the pre-commit hooks call termlint with options that must exist.
@Suite("CI integration files")
struct CIIntegrationTests {
  static func read(_ name: String) throws -> String {
    try String(contentsOf: CLI.repoRoot.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func actionUsesOnlyOptionsThatLintKnows() throws {
    let action = try Self.read("action.yml")
    let help = try CLI.run(["lint", "--help"]).stdout
    let argumentLines = action.split(separator: "\n").filter { $0.contains("args=(") || $0.contains("args+=(") }
    #expect(argumentLines.count >= 5)
    var options = Set<String>()
    for line in argumentLines {
      var rest = Substring(line)
      while let range = rest.range(of: #"--[a-z][a-z-]+"#, options: .regularExpression) {
        options.insert(String(rest[range]))
        rest = rest[range.upperBound...]
      }
    }
    #expect(options.isSuperset(of: ["--format", "--output", "--changed-since", "--pipeline", "--glossary"]))
    for option in options {
      #expect(help.contains(option), "action.yml passes \(option), which termlint lint does not take")
    }
    #expect(action.contains("using: composite"))
    #expect(action.contains("github/codeql-action/upload-sarif"))
  }

  @Test func preCommitHooksRunExistingSubcommands() throws {
    let hooks = try Self.read(".pre-commit-hooks.yaml")
    let entries = hooks.split(separator: "\n").filter { $0.contains("entry:") }.map {
      $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
    }
    #expect(entries == ["termlint lint", "termlint fix"])
    #expect(hooks.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == "language: swift" }.count == 2)
    for entry in entries {
      let words = entry.split(separator: " ").dropFirst().map(String.init)
      #expect(try CLI.run(words + ["--help"]).status == 0, "\(entry)")
    }
  }
}
