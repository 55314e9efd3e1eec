import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText
import Testing

@Suite("Rule engine (end to end)")
struct RuleEngineCommandTests {
  static let fixture = "Tests/TermlintCLITests/Fixtures/RuleEngine"
  static let hasPython = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// `line:column rule-id` of each finding of a JSON report.
  static func findings(_ stdout: String) throws -> [[String: Any]] {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)")
    return try #require(json["findings"] as? [[String: Any]])
  }

  static func keys(_ findings: [[String: Any]]) -> [String] {
    findings.map { "\($0["line"]!):\($0["column"]!) \($0["ruleId"]!)" }
  }

  /// Shows invisible format characters as ⟨U+XXXX⟩, as the .expected files write them.
  static func visible(_ text: String) -> String {
    text.unicodeScalars.map {
      $0.properties.generalCategory == .format ? String(format: "⟨U+%04X⟩", $0.value) : String($0)
    }.joined()
  }

  @Test func pipelineWithDataExternalAndCrashingRulesAndASuppression() throws {
    try #require(Self.hasPython, "python3 is needed for the external rules of this fixture")
    let r = try CLI.run([
      "lint", "--pipeline", "\(Self.fixture)/pipeline.yml", "--format", "json",
      "\(Self.fixture)/article.md",
    ])
    #expect(r.status == 1, "an error-level finding exits 1: \(r.stderr)")
    let findings = try Self.findings(r.stdout)
    #expect(
      Self.keys(findings) == [
        "1:1 house.crash",  // the crashing rule: one error finding at the top of the file
        "3:1 house.long-sentences",  // the working Python rule
        // the YAML substitution rule (the suppressed Lvov on line 9 is not reported)
        "3:28 house.places",
        "10:18 house.spelling",  // the YAML consistency rule
        "10:42 whitespace",  // a built-in rule, unaffected by the crash
      ])
    let crash = try #require(findings.first { $0["ruleId"] as? String == "house.crash" })
    #expect(crash["severity"] as? String == "error")
    #expect(
      (crash["message"] as? String)?.contains("RuntimeError: lost the language model") == true)
    let places = try #require(findings.first { $0["ruleId"] as? String == "house.places" })
    #expect(places["severity"] as? String == "error", "the pipeline raises the data rule to error")
    #expect(places["suggestions"] as? [String] == ["Lviv"])
    let spelling = try #require(findings.first { $0["ruleId"] as? String == "house.spelling" })
    #expect((spelling["related"] as? [[String: Any]])?.first?["line"] as? Int == 5)

    let withoutCrash = try CLI.run([
      "lint", "--pipeline", "\(Self.fixture)/pipeline.yml", "--disable", "house.crash", "--format",
      "json", "\(Self.fixture)/article.md",
    ])
    #expect(!Self.keys(try Self.findings(withoutCrash.stdout)).contains("1:1 house.crash"))
    let only = try CLI.run([
      "lint", "--pipeline", "\(Self.fixture)/pipeline.yml", "--rule", "house.spelling", "--format",
      "json", "\(Self.fixture)/article.md",
    ])
    #expect(Self.keys(try Self.findings(only.stdout)) == ["10:18 house.spelling"])
    #expect(only.status == 0, "a warning does not reach fail-on: error")
  }

  @Test func cleanArticleReportsNothingWithEitherShippedPipeline() throws {
    for pipeline in ["Pipelines/default.yml", "Pipelines/news-ru-en.yml"] {
      let r = try CLI.run(["lint", "--pipeline", pipeline, "Examples/clean-article.en.md"])
      #expect(r.status == 0, "\(pipeline): \(r.stdout)\(r.stderr)")
      #expect(r.stdout.contains("No problems found"), "\(pipeline): \(r.stdout)")
    }
    let words = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent("Examples/clean-article.en.md"),
      encoding: .utf8
    )
    .split(whereSeparator: \.isWhitespace).count
    #expect(words >= 800)
  }

  @Test func plantedMistakesAreReportedExactly() throws {
    let text = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent("Examples/planted-mistakes.en.expected"),
      encoding: .utf8)
    let expected = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line -> String in
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
      return "\(parts[0]) \(parts[1]) \(parts[2])"
    }
    #expect(expected.count >= 10)
    for pipeline in ["Pipelines/default.yml", "Pipelines/news-ru-en.yml"] {
      let r = try CLI.run([
        "lint", "--pipeline", pipeline, "--format", "json", "Examples/planted-mistakes.en.md",
      ])
      #expect(r.status == 1)
      let got = try Self.findings(r.stdout).map {
        "\($0["line"]!):\($0["column"]!) \($0["ruleId"]!) \(Self.visible($0["text"] as! String))"
      }
      #expect(got == expected, "with \(pipeline)")
    }
  }

  @Test func baselineHidesAcceptedFindingsAcrossEdits() throws {
    let dir = try CLI.temporaryDirectory()
    let article = dir.appendingPathComponent("a.md")
    let original = "The talks began.\n\nThey met the the envoy.  Then more.\n"
    try original.write(to: article, atomically: true, encoding: .utf8)
    let write = try CLI.run(["lint", "--write-baseline", "baseline.json", "a.md"], in: dir)
    #expect(write.status == 0, "\(write.stderr)")
    let stored = try String(
      contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
    #expect(stored.contains("\"rule\":\"repeated-word\"") && stored.contains("\"path\":\"a.md\""))
    let hidden = try CLI.run(
      ["lint", "--baseline", "baseline.json", "--fail-on", "info", "a.md"], in: dir)
    #expect(hidden.status == 0 && hidden.stdout.contains("No problems found"), "\(hidden.stdout)")
    try ("# Report\n\nA new first paragraph.\n\n" + original + "\nBut the the new one.\n").write(
      to: article, atomically: true, encoding: .utf8)
    let edited = try CLI.run(
      ["lint", "--baseline", "baseline.json", "--format", "json", "a.md"], in: dir)
    #expect(Self.keys(try Self.findings(edited.stdout)) == ["9:5 repeated-word"])
  }

  @Test func badDataRuleIsExitTwoNamingItsFileAndLine() throws {
    let dir = try CLI.temporaryDirectory()
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("style"), withIntermediateDirectories: true)
    try "data-rules: [style]\n".write(
      to: dir.appendingPathComponent(".termlint.yml"), atomically: true, encoding: .utf8)
    try "extends: pattern\nmessage: m {match}\npattern: '(unclosed'\n".write(
      to: dir.appendingPathComponent("style/bad.yml"), atomically: true, encoding: .utf8)
    try "Text.\n".write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["lint", "a.md"], in: dir)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains("style/bad.yml:3:") && r.stderr.contains("regular expression"),
      "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)

    try "Text.\n\n<!-- termlint-disable quotez -->\n".write(
      to: dir.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
    try "".write(to: dir.appendingPathComponent(".termlint.yml"), atomically: true, encoding: .utf8)
    let unknown = try CLI.run(["lint", "b.md"], in: dir)
    #expect(
      unknown.status == 2 && unknown.stderr.contains("b.md:3:")
        && unknown.stderr.contains("'quotez'"), "\(unknown.stderr)")
  }

  @Test func rulesListExplainAndMarkdown() throws {
    let list = try CLI.run(["rules"])
    for id in [
      "term-forbidden", "term-inconsistent", "term-case", "mixed-script", "invisible-char",
      "whitespace", "repeated-word", "quotes", "brackets", "dashes",
    ] {
      #expect(list.stdout.contains("\n\(id) "), "\(id) is listed")
    }
    let withPipeline = try CLI.run(["rules", "--pipeline", "Pipelines/news-ru-en.yml"])
    #expect(withPipeline.stdout.contains("news.us-spelling"))
    let explain = try CLI.run(["rules", "explain", "quotes"])
    #expect(
      explain.status == 0 && explain.stdout.contains("## Why is this bad?")
        && explain.stdout.contains("↓"))
    let data = try CLI.run([
      "rules", "explain", "news.us-spelling", "--pipeline", "Pipelines/news-ru-en.yml",
    ])
    #expect(data.status == 0 && data.stdout.contains("per cent"))
    let unknown = try CLI.run(["rules", "explain", "nope"])
    #expect(unknown.status == 2)
    let markdown = try CLI.run(["rules", "--markdown", "--pipeline", "Pipelines/news-ru-en.yml"])
    let stored = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent("Documentation/Rules.md"), encoding: .utf8)
    #expect(
      markdown.stdout == RuleDocumentation.withoutMeasuredPrecision(stored),
      "Documentation/Rules.md is what 'termlint rules --markdown' prints, plus the measured-precision table"
    )
  }
}
