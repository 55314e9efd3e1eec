import Foundation
import Testing

@Suite("termlint lint on many files (end to end)")
struct BatchCommandTests {
  static let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx").path
  static let mixed = "Tests/TermlintCLITests/Fixtures/mixed"

  /// The findings of a JSON report, each re-serialised with sorted keys for comparison.
  static func findings(_ json: String) throws -> [String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)"
    )
    let list = try #require(object["findings"] as? [[String: Any]])
    return try list.map {
      String(
        decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]),
        as: UTF8.self)
    }
  }

  static func fileCount(_ json: String) throws -> Int {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return try #require((object["summary"] as? [String: Any])?["files"] as? Int)
  }

  /// Checks that linting `folder` gives the findings of linting `files` one by one, in order.
  func expectFolderRunEqualsFileRuns(folder: String, files: [String]) throws {
    var alone: [String] = []
    for file in files.sorted() {
      let r = try CLI.run(["lint", "--glossary", Self.glossary, "--format", "json", file])
      #expect(r.status != 2, "\(file): \(r.stderr)")
      alone += try Self.findings(r.stdout)
    }
    #expect(alone.count >= 4, "the files must have findings")
    for jobs in ["1", "2", "7"] {
      let r = try CLI.run([
        "lint", "--glossary", Self.glossary, "--format", "json", "--jobs", jobs, folder,
      ])
      #expect(r.status == 1, "jobs \(jobs): \(r.stderr)")
      #expect(try Self.findings(r.stdout) == alone, "jobs \(jobs)")
      #expect(try Self.fileCount(r.stdout) == files.count, "jobs \(jobs)")
    }
  }

  @Test func mixedFolderGivesTheFindingsOfEachFileAloneOnAnyJobCount() throws {
    let files = [
      "README.txt", "article.md", "messages.xlf", "nested/brief.md", "nested/deeper/clean.txt",
      "notes.txt", "strings.po",
    ]
    try expectFolderRunEqualsFileRuns(
      folder: Self.mixed + "/", files: files.map { Self.mixed + "/" + $0 })
  }

  @Test func examplesFolderGivesTheFindingsOfEachFileAlone() throws {
    // Every file a folder walk takes: the default extensions, recursively, no hidden files.
    let root = CLI.repoRoot.appendingPathComponent("Examples").path
    let extensions: Set<String> = ["md", "markdown", "txt", "xlf", "xliff", "po", "tmx"]
    let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
      .filter {
        extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased())
          && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
      }
    let files = names.map { "Examples/" + $0 }
    try expectFolderRunEqualsFileRuns(folder: "Examples", files: files)
  }

  @Test func textReportOfAFolderIsSortedByPathLineAndColumn() throws {
    let r = try CLI.run(["lint", "--glossary", Self.glossary, Self.mixed])
    #expect(r.status == 1)
    // Finding lines are `path:line:column: …`; the per-file headers are `path (…)`.
    let findingLines = r.stdout.split(separator: "\n").filter {
      $0.hasPrefix(Self.mixed)
        && String($0).range(of: #"^[^ ]+:\d+:\d+: "#, options: .regularExpression) != nil
    }
    let locations = findingLines.map { line -> (String, Int, Int) in
      let parts = line.split(separator: ":")
      return (String(parts[0]), Int(parts[1])!, Int(parts[2])!)
    }
    #expect(locations.count >= 4)
    #expect(
      zip(locations, locations.dropFirst()).allSatisfy { a, b in
        a.0 < b.0 || (a.0 == b.0 && (a.1, a.2) <= (b.1, b.2))
      })
    #expect(
      !r.stdout.contains("data.json") && !r.stdout.contains(".drafts"),
      "not a checked extension; hidden")
    #expect(r.stderr.isEmpty, "no progress bar when standard error is not a terminal: \(r.stderr)")
  }

  @Test func includeAndExcludeChooseTheFiles() throws {
    let onlyJSON = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "json", "--include", "*.json", Self.mixed,
    ])
    #expect(try Self.fileCount(onlyJSON.stdout) == 1)
    #expect(onlyJSON.stdout.contains("data.json"))
    let noNested = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "json", "--exclude", "nested", "--exclude",
      "*.{po,xlf}", Self.mixed,
    ])
    #expect(try Self.fileCount(noNested.stdout) == 3)
    let badGlob = try CLI.run(["lint", "--include", "[abc", Self.mixed])
    #expect(badGlob.status == 2 && badGlob.stderr.contains("[abc"))
  }

  @Test func exitStatusIsZeroOneOrTwo() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Nothing to report.\n".write(
      to: dir.appendingPathComponent("clean.md"), atomically: true, encoding: .utf8)
    try "We want security assurances.\n".write(
      to: dir.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["lint", "--glossary", Self.glossary, "clean.md"], in: dir).status == 0)
    #expect(try CLI.run(["lint", "--glossary", Self.glossary, "."], in: dir).status == 1)
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try Data([0x41, 0xFE, 0x42]).write(to: dir.appendingPathComponent("sub/broken.md"))
    let broken = try CLI.run(["lint", "--glossary", Self.glossary, "--jobs", "2", "."], in: dir)
    #expect(broken.status == 2)
    #expect(
      broken.stderr.contains("sub/broken.md") && broken.stderr.split(separator: "\n").count == 1,
      "\(broken.stderr)")
    #expect(try CLI.run(["lint", "--jobs", "0", "."], in: dir).status == 2)
    #expect(
      try CLI.run(["lint", "--format", "yaml", "."], in: dir).status == 2,
      "usage errors are 2, not argument-parser's 64")
    #expect(try CLI.run(["lint", "--no-such-option", "."], in: dir).status == 2)
    #expect(try CLI.run(["lint"], in: dir).status == 2)
    #expect(try CLI.run(["lint", "--help"], in: dir).status == 0)
  }

  // MARK: - Output files

  @Test func outputWritesTheReportToAFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("report.json")
    let r = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "json", "--output", out.path,
      "Examples/article.en.md",
    ])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(
      try Self.findings(String(contentsOf: out, encoding: .utf8)).count
        == (try LintCommandTests.expected()).count)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
  }

  @Test func severalFormatsPairWithOutputsInOrder() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sarif = dir.appendingPathComponent("r.sarif")
    let json = dir.appendingPathComponent("r.json")
    let r = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "sarif", "--output", sarif.path, "--format",
      "json", "--output", json.path,
      "--format", "text", "--output", "-", "Examples/article.en.md",
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("[term-forbidden]"), "text goes to standard output")
    #expect(try String(contentsOf: sarif, encoding: .utf8).contains("\"version\" : \"2.1.0\""))
    #expect(
      try Self.findings(String(contentsOf: json, encoding: .utf8)).count
        == (try LintCommandTests.expected()).count)

    let mismatch = try CLI.run([
      "lint", "--format", "json", "--format", "sarif", "--output", json.path,
      "Examples/article.en.md",
    ])
    #expect(mismatch.status == 2 && mismatch.stderr.contains("--output"))
    let twoToStdout = try CLI.run([
      "lint", "--format", "json", "--format", "sarif", "Examples/article.en.md",
    ])
    #expect(twoToStdout.status == 2)
    let sameFile = try CLI.run([
      "lint", "--format", "json", "--output", json.path, "--format", "sarif", "--output", json.path,
      "Examples/article.en.md",
    ])
    #expect(sameFile.status == 2)
  }

  @Test func aFailedRunLeavesAnExistingReportUntouchedAndNoPartialFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("report.json")
    try "previous report\n".write(to: out, atomically: true, encoding: .utf8)
    try Data([0xC3]).write(to: dir.appendingPathComponent("broken.md"))
    // A file that cannot be decoded is an input-error finding and the report is written (issue
    // 15); a run that cannot start — a missing path — leaves the old report as it was.
    let r = try CLI.run(["lint", "--format", "json", "--output", out.path, "missing.md"], in: dir)
    #expect(r.status == 2)
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous report\n")
    let broken = try CLI.run(
      ["lint", "--format", "json", "--output", out.path, "broken.md"], in: dir)
    #expect(broken.status == 2)
    #expect(try String(contentsOf: out, encoding: .utf8).contains("\"input-error\""))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "broken.md", "report.json",
      ])

    let missingFolder = try CLI.run([
      "lint", "--format", "json", "--output", dir.appendingPathComponent("no/such/r.json").path,
      "Examples/article.en.md",
    ])
    #expect(missingFolder.status == 2 && missingFolder.stderr.contains("no/such/r.json"))
  }

  // MARK: - Changed files

  @Test(.enabled(if: TestGit.isInstalled, "git is not installed"))
  func changedSinceChecksOnlyChangedFiles() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["a.md", "b.md", "code.swift"] {
      try "We want security assurances.\n".write(
        to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try TestGit.run(["init", "-q"], in: dir)
    try TestGit.run(["add", "."], in: dir)
    try TestGit.run(["commit", "-q", "-m", "base"], in: dir)
    try "Nato wants security assurances.\n".write(
      to: dir.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
    try "changed\n".write(
      to: dir.appendingPathComponent("code.swift"), atomically: true, encoding: .utf8)
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--format", "json", "--changed-since", "HEAD"], in: dir)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(try Self.fileCount(r.stdout) == 1)
    #expect(r.stdout.contains("\"path\" : \"b.md\"") && !r.stdout.contains("a.md"))
    let nothing = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--changed-since", "HEAD", "a.md"], in: dir)
    #expect(nothing.status == 0 && nothing.stdout.contains("0 files"), "\(nothing.stdout)")

    let outside = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: outside) }
    let notGit = try CLI.run(
      ["lint", "--changed-since", "HEAD"], in: outside,
      environment: ["GIT_CEILING_DIRECTORIES": outside.deletingLastPathComponent().path])
    #expect(notGit.status == 2 && notGit.stderr.contains("git repository"), "\(notGit.stderr)")
    let badRef = try CLI.run(["lint", "--changed-since", "no-such-ref"], in: dir)
    #expect(badRef.status == 2 && badRef.stderr.contains("no-such-ref"))
  }

  // MARK: - Completions and version

  @Test func completionScriptsAreGenerated() throws {
    for shell in ["bash", "zsh", "fish"] {
      let r = try CLI.run(["--generate-completion-script", shell])
      #expect(r.status == 0, "\(shell): \(r.stderr)")
      for word in ["lint", "fix", "rules", "changed-since", "format", "dry-run"] {
        #expect(r.stdout.contains(word), "\(shell) completion mentions \(word)")
      }
    }
  }

  @Test func versionNamesTheICUVersion() throws {
    let r = try CLI.run(["--version"])
    #expect(r.status == 0)
    #expect(
      r.stdout.range(
        of: #"^termlint \d+\.\d+\.\d+ \(ICU \d+(\.\d+)*\)\n$"#, options: .regularExpression) != nil,
      "\(r.stdout)")
  }
}
