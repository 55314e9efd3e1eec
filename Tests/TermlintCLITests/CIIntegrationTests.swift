import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText
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
    let argumentLines = action.split(separator: "\n").filter {
      $0.contains("args=(") || $0.contains("args+=(")
    }
    #expect(argumentLines.count >= 5)
    var options = Set<String>()
    for line in argumentLines {
      var rest = Substring(line)
      while let range = rest.range(of: #"--[a-z][a-z-]+"#, options: .regularExpression) {
        options.insert(String(rest[range]))
        rest = rest[range.upperBound...]
      }
    }
    // changed-only reports the findings on changed lines, not every finding of a touched file.
    #expect(
      options.isSuperset(of: [
        "--format", "--output", "--changed-since", "--changed-lines", "--pipeline", "--glossary",
      ]))
    for option in options {
      #expect(
        help.contains(option), "action.yml passes \(option), which termlint lint does not take")
    }
    #expect(action.contains("using: composite"))
    #expect(action.contains("github/codeql-action/upload-sarif"))
    // Without code scanning (no `security-events: write`, no Advanced Security) the upload may
    // fail and the annotations carry the findings; a run with unreadable inputs (exit 2) still
    // wrote a complete report, which is uploaded.
    let upload = try #require(
      action.components(separatedBy: "- name: Upload SARIF").last?.components(
        separatedBy: "- name:"
      ).first)
    #expect(upload.contains("continue-on-error: true"))
    #expect(
      !upload.contains("exit-code == '1'"),
      "the upload must not be limited to exit statuses 0 and 1")
  }

  /// The action's first step: the release for the runner when it exists and its checksum
  /// matches, else nothing (the build-from-source steps run). The step's own script runs here
  /// with `curl` replaced by a copy from a local folder that stands for the release page.
  @Test func actionDownloadsTheReleaseOnlyWhenItExistsAndItsChecksumMatches() throws {
    let action = try Self.read("action.yml")
    let lines = action.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(
      lines.firstIndex { $0.contains("- name: Download the Termlint release") })
    let run = try #require(
      lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
    let body = lines[(run + 1)...].prefix { $0.isEmpty || $0.hasPrefix("        ") }.map {
      $0.isEmpty ? "" : String($0.dropFirst(8))
    }
    let script = body.joined(separator: "\n")
    #expect(script.contains("sha256sum -c"))

    let version = Termlint.version
    let name = "termlint-\(version)-linux-x86_64"
    func attempt(publish: Bool, corrupt: Bool) throws -> (output: String, env: String) {
      let dir = try CLI.temporaryDirectory()
      let server = dir.appendingPathComponent("server")
      let bin = dir.appendingPathComponent("bin")
      let temp = dir.appendingPathComponent("temp")
      for d in [server, bin, temp] {
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
      }
      let package = dir.appendingPathComponent("pkg/\(name)/bin")
      try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
      try "#!/bin/sh\necho 'termlint \(version) (ICU 72.1)'\n".write(
        to: package.appendingPathComponent("termlint"), atomically: true, encoding: .utf8)
      let curl = bin.appendingPathComponent("curl")
      // curl -fsSL --retry 3 -o FILE URL: the URL's file from the server folder, or failure.
      try "#!/bin/sh\ncp \"\(server.path)/$(basename \"$6\")\" \"$5\"\n".write(
        to: curl, atomically: true, encoding: .utf8)
      for file in [curl, package.appendingPathComponent("termlint")] {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
      }
      let setup = """
        set -e
        tar -C '\(dir.path)/pkg' -czf '\(server.path)/\(name).tar.gz' '\(name)'
        cd '\(server.path)' && sha256sum '\(name).tar.gz' > '\(name).tar.gz.sha256'
        \(corrupt ? "echo junk >> '\(name).tar.gz'" : "")
        \(publish ? "" : "rm ./*")
        """
      #expect(try Self.bash(setup, in: dir).status == 0)
      let output = dir.appendingPathComponent("output")
      let env = dir.appendingPathComponent("env")
      let r = try Self.bash(
        script, in: CLI.repoRoot,
        environment: [
          "PATH": "\(bin.path):/usr/bin:/bin", "RUNNER_TEMP": temp.path, "RUNNER_ARCH": "X64",
          "ACTION_REPOSITORY": "termlint/termlint",
          "GITHUB_OUTPUT": output.path, "GITHUB_ENV": env.path,
        ])
      #expect(r.status == 0, "the step never fails the job: \(r.stderr)")
      return (
        (try? String(contentsOf: output, encoding: .utf8)) ?? "",
        (try? String(contentsOf: env, encoding: .utf8)) ?? ""
      )
    }
    let published = try attempt(publish: true, corrupt: false)
    #expect(published.output.hasSuffix("found=true\n"), "\(published.output)")
    #expect(
      published.env.contains("TERMLINT_BIN=") && published.env.contains("/\(name)/bin/termlint"))
    let missing = try attempt(publish: false, corrupt: false)
    #expect(
      missing.output == "found=false\n" && missing.env.isEmpty, "no release: build from source")
    let corrupt = try attempt(publish: true, corrupt: true)
    #expect(
      corrupt.output == "found=false\n" && corrupt.env.isEmpty,
      "a checksum that does not match: build from source")
    #expect(
      action.contains(
        "if: steps.release.outputs.found != 'true'\n      shell: bash\n      working-directory: ${{ github.action_path }}\n      run: |\n        swift build -c release"
      ),
      "the build runs only without a release")
  }

  /// Runs a bash script (with only the given environment when one is given).
  static func bash(_ script: String, in directory: URL, environment: [String: String]? = nil) throws
    -> CLI.Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  @Test func preCommitHooksRunExistingSubcommands() throws {
    let hooks = try Self.read(".pre-commit-hooks.yaml")
    let entries = hooks.split(separator: "\n").filter { $0.contains("entry:") }.map {
      $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
    }
    #expect(entries == ["termlint lint", "termlint fix", "termlint lint", "termlint fix"])
    let languages = hooks.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.hasPrefix("language:") }
    #expect(
      languages == ["language: swift", "language: swift", "language: system", "language: system"],
      "the building hooks, and beside them hooks that use an installed termlint")
    for entry in entries {
      let words = entry.split(separator: " ").dropFirst().map(String.init)
      #expect(try CLI.run(words + ["--help"]).status == 0, "\(entry)")
    }
  }
}
