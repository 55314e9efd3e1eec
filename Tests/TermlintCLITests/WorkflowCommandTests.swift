import Foundation
import Testing

/// Issue 15, "where people work": batches that survive bad files, article pairs in folders, one
/// error style with "did you mean", and the options of everyday runs.
@Suite("termlint where people work (end to end)")
struct WorkflowCommandTests {
  static func json(_ text: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)"
    )
  }

  static func findings(_ text: String) throws -> [[String: Any]] {
    try #require(try json(text)["findings"] as? [[String: Any]])
  }

  static func rule(_ finding: [String: Any]) -> String {
    (finding["rule"] ?? finding["ruleID"] ?? finding["ruleId"]) as? String ?? ""
  }
  static func path(_ finding: [String: Any]) -> String {
    ((finding["location"] as? [String: Any])?["path"] ?? finding["path"] ?? finding["file"])
      as? String ?? ""
  }

  static func write(_ text: String, _ name: String, in dir: URL) throws {
    let url = dir.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static let brokenPO =
    "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgid \"Hello\"\nmsgstr \"Hello\"\n\nmsgid \"x\n"

  // MARK: - Batches survive bad files

  @Test func aBrokenFileInAFolderStillReportsEveryOtherFile() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.write(Self.brokenPO, "d/broken.po", in: dir)
    try Self.write("This is fine text with the the repeat.\n", "d/good.txt", in: dir)
    try Data([0x62, 0x61, 0x64, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("d/bad.md"))
    let r = try CLI.run(
      [
        "lint", "--format", "json", "--output", "r.json", "--format", "sarif", "--output",
        "r.sarif", "d",
      ], in: dir)
    #expect(r.status == 2, "an input error ends the run with 2: \(r.stderr)")
    let report = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
    let findings = try Self.findings(report)
    let errors = findings.filter { Self.rule($0) == "input-error" }
    #expect(Set(errors.map(Self.path)) == ["d/broken.po", "d/bad.md"], "\(findings)")
    #expect(
      findings.contains { Self.rule($0) == "repeated-word" && Self.path($0) == "d/good.txt" },
      "the good file is checked")
    let po = try #require(errors.first { Self.path($0) == "d/broken.po" })
    #expect(po["line"] as? Int == 8, "the reader's line: \(po)")
    #expect((po["message"] as? String)?.contains("PO syntax error") == true)
    #expect(r.stderr.contains("termlint: error: d/broken.po:8:"), "\(r.stderr)")
    // Every report gets the finding, SARIF too (the Action uploads it).
    let sarif = try String(contentsOf: dir.appendingPathComponent("r.sarif"), encoding: .utf8)
    #expect(sarif.contains("\"input-error\"") && sarif.contains("d/good.txt"))
  }

  @Test func aBrokenFileOnStandardOutputStillGivesTheReport() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.write(Self.brokenPO, "d/broken.po", in: dir)
    try Self.write("Fine text with the the repeat.\n", "d/good.txt", in: dir)
    let r = try CLI.run(["lint", "d"], in: dir)
    #expect(r.status == 2)
    #expect(
      r.stdout.contains("[input-error]") && r.stdout.contains("[repeated-word]"), "\(r.stdout)")
  }

  // MARK: - Pairs in folders

  static let pipeline = """
    languages:
      source: ru
      target: en
    rules:
      number-mismatch: warning
    """

  @Test func anArticleAndItsTranslationInAFolderAreCheckedAsAPair() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.write(Self.pipeline, "news/.termlint.yml", in: dir)
    try Self.write(
      "# Переговоры\n\nВ учениях участвовали 12 500 военнослужащих.\n", "news/talks.ru.md", in: dir)
    try Self.write(
      "# Talks\n\nSome 15,500 troops took part in the exercise.\n", "news/talks.en.md", in: dir)
    try Self.write("Записка без перевода.\n", "news/notes.ru.md", in: dir)
    let r = try CLI.run(["lint", "--format", "json", "news"], in: dir)
    #expect(r.status != 2, "\(r.stderr)")
    let findings = try Self.findings(r.stdout)
    #expect(
      !findings.contains { Self.path($0).hasSuffix(".ru.md") && Self.rule($0) == "untranslated" },
      "sources are not target text: \(findings)")
    #expect(
      findings.contains {
        Self.rule($0) == "number-mismatch" && Self.path($0) == "news/talks.en.md"
      }, "a bilingual rule ran: \(findings)")
    #expect(
      r.stderr.contains("news/notes.ru.md: a source article (ru) with no translation beside it"),
      "\(r.stderr)")
    let summary = try #require(try Self.json(r.stdout)["summary"] as? [String: Any])
    #expect(
      summary["files"] as? Int == 2, "the pair's two files, not the unpaired source: \(summary)")
  }

  @Test func pairsCanBeTurnedOffOrNamedByFolder() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.write(Self.pipeline + "\npairs: \"{lang}/{name}.{ext}\"\n", ".termlint.yml", in: dir)
    try Self.write("В учениях участвовали 12 500 военнослужащих.\n", "ru/talks.md", in: dir)
    try Self.write("Some 15,500 troops took part in the exercise.\n", "en/talks.md", in: dir)
    let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
    #expect(
      try Self.findings(r.stdout).contains {
        Self.rule($0) == "number-mismatch" && Self.path($0) == "en/talks.md"
      }, "\(r.stdout + r.stderr)")
    try Self.write(Self.pipeline + "\npairs: \"{name}.{ext}\"\n", ".termlint.yml", in: dir)
    let bad = try CLI.run(["lint", "."], in: dir)
    #expect(
      bad.status == 2 && bad.stderr.contains("{lang}") && bad.stderr.contains("'pairs'"),
      "\(bad.stderr)")
  }

  // MARK: - Command line

  @Test func aMistypedSubcommandIsAUsageErrorWithASuggestion() throws {
    let r = try CLI.run(["glosary", "check", "x"])
    #expect(r.status == 2)
    #expect(
      r.stderr.hasPrefix("termlint: error: ") && r.stderr.contains("did you mean 'glossary'?"),
      "\(r.stderr)")
    let nested = try CLI.run(["glossary", "chek", "x"])
    #expect(
      nested.status == 2 && nested.stderr.contains("did you mean 'check'?"), "\(nested.stderr)")
    let completions = try CLI.run(["completions", "bash"])
    #expect(
      completions.status == 2 && completions.stderr.contains("--generate-completion-script"),
      "\(completions.stderr)")
    // A missing file that looks like no subcommand is still a missing file.
    let missing = try CLI.run(["lint", "no-such-article.md"])
    #expect(
      missing.status == 2 && missing.stderr.contains("no-such-article.md: no such file"),
      "\(missing.stderr)")
  }

  @Test func everyErrorHasOneStyleOnOneLine() throws {
    for arguments in [
      ["lint", "--no-such-option", "x"], ["lint", "--format", "yaml", "x"],
      ["lint", "--jobs", "0", "Examples"], ["lint", "Examples", "--source", "x"],
    ] {
      let r = try CLI.run(arguments)
      #expect(r.status == 2, "\(arguments)")
      let lines = r.stderr.split(separator: "\n")
      #expect(
        lines.count == 1 && r.stderr.hasPrefix("termlint: error: "), "\(arguments): \(r.stderr)")
    }
  }

  @Test func aRuleBothRunAndDisabledIsAUsageError() throws {
    let r = try CLI.run([
      "lint", "--rule", "quotes", "--disable", "quotes", "Examples/article.en.md",
    ])
    #expect(
      r.status == 2 && r.stderr.contains("'quotes' is given to both --rule and --disable"),
      "\(r.stderr)")
  }

  @Test func standardInputIsReadAsTheNamedFile() throws {
    let path = "Examples/bilingual/article-planted.xlf"
    let text = try String(contentsOf: CLI.repoRoot.appendingPathComponent(path), encoding: .utf8)
    let direct = try CLI.run([
      "lint", "--pipeline", "Pipelines/default.yml", "--format", "json", path,
    ])
    let piped = try CLI.run(
      [
        "lint", "--pipeline", "Pipelines/default.yml", "--format", "json", "--stdin-filename", path,
        "-",
      ], stdin: text)
    #expect(piped.status == direct.status, "\(piped.stderr)")
    let a = try Self.findings(direct.stdout).map {
      "\(Self.path($0)) \(Self.rule($0)) \($0["message"] ?? "")"
    }
    let b = try Self.findings(piped.stdout).map {
      "\(Self.path($0)) \(Self.rule($0)) \($0["message"] ?? "")"
    }
    #expect(a == b && !a.isEmpty)
    let without = try CLI.run(["lint", "--stdin-filename", "x.xlf", "Examples/article.en.md"])
    #expect(without.status == 2 && without.stderr.contains("--stdin-filename"), "\(without.stderr)")
  }

  @Test func quietAndMinSeverityHideLowerFindingsAndStatisticsCountThem() throws {
    let file = "Examples/planted-mistakes.en.md"
    let all = try Self.findings(
      try CLI.run(["lint", "--pipeline", "Pipelines/default.yml", "--format", "json", file]).stdout)
    #expect(Set(all.map { $0["severity"] as? String }) == ["error", "warning", "info"])
    let warnings = try CLI.run([
      "lint", "--pipeline", "Pipelines/default.yml", "--format", "json", "--min-severity",
      "warning", file,
    ])
    #expect(
      try Self.findings(warnings.stdout).count
        == all.filter { $0["severity"] as? String != "info" }.count)
    let quiet = try CLI.run([
      "lint", "--pipeline", "Pipelines/default.yml", "--format", "json", "--quiet", file,
    ])
    #expect(try Self.findings(quiet.stdout).allSatisfy { $0["severity"] as? String == "error" })
    #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    let stats = try CLI.run(["lint", "--pipeline", "Pipelines/default.yml", "--statistics", file])
    #expect(
      stats.stderr.contains("Findings per rule:")
        && stats.stderr.contains("  1  repeated-word (warning)"), "\(stats.stderr)")
    #expect(
      stats.stderr.contains("\(all.count)  \(file)")
        && stats.stderr.contains("Total: \(all.count)"), "\(stats.stderr)")
  }

  @Test func pipelineExcludesAndGitignoreLeaveFilesOutOfFolderWalks() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.write("exclude:\n  - drafts\n  - '*.draft.md'\n", ".termlint.yml", in: dir)
    for name in ["a.md", "drafts/b.md", "c.draft.md", "build/d.md", "e.md"] {
      try Self.write("Text with the the repeat.\n", name, in: dir)
    }
    try Self.write("build/\n", ".gitignore", in: dir)
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "init", "-q", dir.path]
    try git.run()
    git.waitUntilExit()
    let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
    #expect(Set(try Self.findings(r.stdout).map(Self.path)) == ["a.md", "e.md"], "\(r.stderr)")
    let all = try CLI.run(["lint", "--format", "json", "--no-gitignore", "."], in: dir)
    #expect(
      Set(try Self.findings(all.stdout).map(Self.path)) == ["a.md", "build/d.md", "e.md"],
      "\(all.stderr)")
    // A file named on the command line is checked whatever the excludes say.
    let named = try CLI.run(["lint", "--format", "json", "drafts/b.md"], in: dir)
    #expect(
      Set(try Self.findings(named.stdout).map(Self.path)) == ["drafts/b.md"], "\(named.stderr)")
  }

  @Test func changedLinesReportsOnlyFindingsOnLinesChangedSinceTheRevision() throws {
    let dir = try CLI.temporaryDirectory()
    try TestGit.run(["init", "-q", "."], in: dir)
    try Self.write("First the the line.\n\nSecond line.\n", "a.md", in: dir)
    try TestGit.run(["add", "."], in: dir)
    try TestGit.run(["commit", "-q", "-m", "one"], in: dir)
    try TestGit.run(["branch", "base"], in: dir)
    try Self.write("First the the line.\n\nSecond line.\n\nThird new new line.\n", "a.md", in: dir)
    try Self.write("Fresh the the file.\n", "b.md", in: dir)
    let touched = try CLI.run(["lint", "--format", "json", "--changed-since", "base"], in: dir)
    #expect(
      try Self.findings(touched.stdout).count == 3,
      "without --changed-lines every finding of a touched file: \(touched.stdout)")
    let r = try CLI.run(
      ["lint", "--format", "json", "--changed-since", "base", "--changed-lines"], in: dir)
    let found = try Self.findings(r.stdout).map { "\(Self.path($0)):\($0["line"] ?? 0)" }
    #expect(found == ["a.md:5", "b.md:1"], "\(r.stdout) \(r.stderr)")
    let alone = try CLI.run(["lint", "--changed-lines", "."], in: dir)
    #expect(alone.status == 2 && alone.stderr.contains("--changed-since"), "\(alone.stderr)")
  }

  @Test func initWritesAPipelineThatConfigShowsWithItsRules() throws {
    let dir = try CLI.temporaryDirectory()
    let written = try CLI.run(["init", "--source-lang", "ru", "--target-lang", "en"], in: dir)
    #expect(written.status == 0, "\(written.stderr)")
    let text = try String(contentsOf: dir.appendingPathComponent(".termlint.yml"), encoding: .utf8)
    #expect(text.contains("pairs: \"{name}.{lang}.{ext}\"") && text.contains("# "))
    let again = try CLI.run(["init"], in: dir)
    #expect(
      again.status == 2 && again.stderr.contains("--force"),
      "an existing file is kept: \(again.stderr)")
    let config = try CLI.run(["config", "--disable", "quotes"], in: dir)
    #expect(config.status == 0, "\(config.stderr)")
    #expect(
      config.stdout.hasPrefix("pipeline: \"") && config.stdout.contains("/.termlint.yml\"\n"),
      "\(config.stdout)")
    #expect(config.stdout.contains("  source: ru  # from the pipeline"), "\(config.stdout)")
    #expect(
      config.stdout.contains("  repeated-word: warning") && !config.stdout.contains("  quotes:"),
      "\(config.stdout)")
    let options = try CLI.run(["config", "--pipeline", "Pipelines/news-ru-en.yml"])
    #expect(options.stdout.contains("    options:"), "rule options are shown: \(options.stdout)")
    // A list stays a list, also when an item holds the '|' that splits a single value.
    try Self.write(
      "rules:\n  repeated-word:\n    options:\n      allow: [\"no\", \"a|b\"]\n", "list.yml",
      in: dir)
    let list = try CLI.run(["config", "--pipeline", "list.yml"], in: dir)
    #expect(list.stdout.contains("      allow: [\"no\", \"a|b\"]\n"), "\(list.stdout)")
  }

  @Test func rulesExplainFindsDataRulesOfTheDiscoveredPipeline() throws {
    let dir = try CLI.temporaryDirectory()
    let rules = CLI.repoRoot.appendingPathComponent("Pipelines/rules/news").path
    try Self.write("data-rules:\n  - \(rules)\n", ".termlint.yml", in: dir)
    let list = try CLI.run(["rules"], in: dir)
    let id = try #require(
      list.stdout.split(separator: "\n").compactMap {
        $0.split(separator: " ").first.map(String.init)
      }.first { $0.hasPrefix("news.") }, "\(list.stdout)")
    let r = try CLI.run(["rules", "explain", id], in: dir)
    #expect(r.status == 0 && r.stdout.contains(id), "\(r.stderr)")
    let inputError = try CLI.run(["rules", "explain", "input-error"])
    #expect(
      inputError.status == 0 && inputError.stdout.contains("Input Error"), "\(inputError.stderr)")
  }

  @Test func shardsPartitionTheFilesAndMergeIntoTheReportOfOneRun() throws {
    let dir = try CLI.temporaryDirectory()
    for i in 1...7 { try Self.write("Text \(i) with the the repeat.\n", "s/f\(i).md", in: dir) }
    try Self.write(Self.brokenPO, "s/broken.po", in: dir)
    let whole = try CLI.run(["lint", "--format", "json", "s"], in: dir)
    var shardFiles: [[String]] = []
    for k in 1...3 {
      let r = try CLI.run(
        ["lint", "--shard", "\(k)/3", "--format", "json", "--output", "shard\(k).json", "s"],
        in: dir)
      #expect([0, 1, 2].contains(r.status), "\(r.stderr)")
      let text = try String(
        contentsOf: dir.appendingPathComponent("shard\(k).json"), encoding: .utf8)
      shardFiles.append(
        try #require(try Self.json(text)["files"] as? [[String: Any]]).compactMap {
          $0["path"] as? String
        })
    }
    let all = shardFiles.flatMap { $0 }
    #expect(all.count == 8 && Set(all).count == 8, "every file in exactly one shard: \(shardFiles)")
    let merged = try CLI.run(
      ["report", "merge", "--format", "json", "shard1.json", "shard2.json", "shard3.json"], in: dir)
    #expect(merged.status == 2, "a shard's input error keeps exit status 2: \(merged.stderr)")
    func canonical(_ value: Any?) throws -> String {
      String(
        decoding: try JSONSerialization.data(
          withJSONObject: try #require(value), options: [.sortedKeys]), as: UTF8.self)
    }
    let a = try Self.json(whole.stdout)
    let b = try Self.json(merged.stdout)
    #expect(try canonical(a["findings"]) == (try canonical(b["findings"])))
    #expect(try canonical(a["summary"]) == (try canonical(b["summary"])))
    #expect(try canonical(a["files"]) == (try canonical(b["files"])))
    let sarif = try CLI.run(
      ["report", "merge", "--format", "sarif", "shard1.json", "shard2.json", "shard3.json"], in: dir
    )
    #expect(sarif.stdout.contains("\"input-error\"") && sarif.stdout.contains("s/f7.md"))
    let bad = try CLI.run(["lint", "--shard", "4/3", "s"], in: dir)
    #expect(bad.status == 2 && bad.stderr.hasPrefix("termlint: error: "), "\(bad.stderr)")
  }
}
