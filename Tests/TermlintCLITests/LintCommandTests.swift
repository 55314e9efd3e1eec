import Foundation
import Testing

@Suite("termlint lint (end to end)")
struct LintCommandTests {
  static let glossary = "Glossaries/security-ru-en.tbx"

  /// The planted mistakes of the example article, from Examples/article.en.expected.
  static func expected() throws -> [String] {
    let text = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent("Examples/article.en.expected"),
      encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
      let parts = line.split(separator: "\t")
      return "\(parts[0]) \(parts[1]) \(parts[2])"
    }
  }

  @Test func exampleArticleReportsExactlyThePlantedMistakes() throws {
    for glossary in ["Glossaries/security-ru-en.tbx", "Glossaries/security-ru-en.csv"] {
      let r = try CLI.run([
        "lint", "--glossary", glossary, "--format", "json", "Examples/article.en.md",
      ])
      #expect(r.status == 1, "an error-level finding exits 1: \(r.stderr)")
      let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
      let findings = json["findings"] as! [[String: Any]]
      let got = findings.map { "\($0["line"]!):\($0["column"]!) \($0["ruleId"]!) \($0["text"]!)" }
      #expect(got == (try Self.expected()), "with \(glossary)")
    }
  }

  @Test func shippedPipelineRunsTheExample() throws {
    let r = try CLI.run(["lint", "--pipeline", "Pipelines/default.yml", "Examples/article.en.md"])
    #expect(r.status == 1)
    #expect(
      r.stdout.hasPrefix("Examples/article.en.md ("), "findings are grouped under the file path")
    #expect(r.stdout.contains("[term-forbidden]"))
  }

  @Test func cleanArticleReportsNothing() throws {
    let r = try CLI.run(["lint", "--glossary", Self.glossary, "Examples/clean-article.en.md"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("No problems found"))
  }

  @Test func textFormatShowsLocationLineAndCaret() throws {
    let dir = try CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("a.md")
    try "Talks on “security assurances” went on.\n".write(
      to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(
      ["lint", "--glossary", CLI.repoRoot.appendingPathComponent(Self.glossary).path, "a.md"],
      in: dir)
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try #require(lines.count >= 5, "\(r.stdout)")
    #expect(lines[0].hasPrefix("a.md (1 problem · 6 words · quality score "))
    #expect(
      lines[1].hasPrefix(
        "a.md:1:11: error: 'security assurances' is deprecated in the glossary; use 'security guarantees' ("
      ))
    #expect(lines[1].hasSuffix(" [term-forbidden]"))
    #expect(lines[2] == "    Talks on “security assurances” went on.")
    #expect(lines[3] == "              ^~~~~~~~~~~~~~~~~~~")
    #expect(lines[4] == "    suggestion: security guarantees")
  }

  @Test func failOnControlsExitStatus() throws {
    let args = [
      "lint", "--glossary", Self.glossary, "--rule", "term-case", "Examples/article.en.md",
    ]
    #expect(try CLI.run(args).status == 0, "term-case is a warning; default fail-on is error")
    #expect(try CLI.run(args + ["--fail-on", "warning"]).status == 1)
    #expect(
      try CLI.run([
        "lint", "--glossary", Self.glossary, "--fail-on", "never", "Examples/article.en.md",
      ]).status == 0)
  }

  @Test func standardInput() throws {
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--format", "json", "-"],
      stdin: "We want security assurances.\n")
    #expect(r.status == 1)
    #expect(r.stdout.contains("\"path\" : \"-\""))
  }

  /// *Dmitri* and *Dmitry* share a Porter2 stem (*dmitri*); the shipped glossary matches both by
  /// stem, so possessives are caught, and the inflection check keeps the preferred spelling apart.
  @Test func spellingsThatShareAStemAreToldApartInInflectedForms() throws {
    let text =
      "Dmitri Medvedev's remarks reached Dmitry Peskov's office. Dmitry Medvedev's aides and Dmitri Peskov's deputy declined.\n"
    for glossary in ["Glossaries/security-ru-en.tbx", "Glossaries/security-ru-en.csv"] {
      let r = try CLI.run(["lint", "--glossary", glossary, "--format", "json", "-"], stdin: text)
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      let findings = try #require(json["findings"] as? [[String: Any]])
      let got = findings.map {
        "\($0["column"]!) \($0["ruleId"]!) \($0["text"]!) → \((($0["suggestions"] as? [String]) ?? []).joined(separator: " | "))"
      }
      #expect(
        got == [
          "1 term-forbidden Dmitri Medvedev's → Dmitry Medvedev's",
          "87 term-forbidden Dmitri Peskov's → Dmitry Peskov's",
        ], "with \(glossary)")
    }
  }

  /// A misspelled surname on a later reference is replaced by the surname, not the full name,
  /// and the possessive keeps the text's typographic apostrophe.
  @Test func aMisspelledSurnameIsReplacedByTheSurname() throws {
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--format", "json", "-"],
      stdin: "Riabkov\u{2019}s remarks came later.\n")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.map { $0["suggestions"] as? [String] } == [["Ryabkov\u{2019}s"]])
  }

  /// An option a rule does not take, or a value it cannot take, stops the run with exit status 2
  /// and names the pipeline file and the option's line.
  @Test func badRuleOptionsAreExitTwoWithFileAndLine() throws {
    let dir = try CLI.temporaryDirectory()
    try "Moscow agreed.\n".write(
      to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    let cases = [
      (
        "rules:\n  quotes:\n    options:\n      style: straight\n      stile: straight\n",
        "p.yml:5: unknown option 'stile' for rule 'quotes'"
      ),
      (
        "rules:\n  dashes:\n    options:\n      style: long\n",
        "p.yml:4: bad value 'long' for option 'style' of rule 'dashes'"
      ),
    ]
    for (yaml, expected) in cases {
      try yaml.write(to: dir.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
      let r = try CLI.run(["lint", "--pipeline", "p.yml", "a.md"], in: dir)
      #expect(r.status == 2, "\(yaml)")
      #expect(r.stderr.contains(expected), "\(r.stderr)")
    }
  }

  @Test func badInputIsExitTwoWithOneLine() throws {
    let dir = try CLI.temporaryDirectory()
    try Data([0x61, 0xFF, 0x62]).write(to: dir.appendingPathComponent("bad.md"))
    let r = try CLI.run(["lint", "bad.md"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("bad.md") && r.stderr.contains("byte offset 1"))
    #expect(r.stderr.split(separator: "\n").count == 1)

    let missing = try CLI.run(["lint", "nope.md"], in: dir)
    #expect(missing.status == 2 && missing.stderr.contains("nope.md"))

    try "concept,lang,term\nx,en\n".write(
      to: dir.appendingPathComponent("g.csv"), atomically: true, encoding: .utf8)
    let badGlossary = try CLI.run(["lint", "--glossary", "g.csv", "nope.md"], in: dir)
    #expect(badGlossary.status == 2 && badGlossary.stderr.contains("g.csv:2"))

    let unknownRule = try CLI.run(["lint", "--rule", "no-such-rule", "Examples/article.en.md"])
    #expect(unknownRule.status == 2 && unknownRule.stderr.contains("no-such-rule"))

    let badFormat = try CLI.run(["lint", "--format", "yaml", "Examples/article.en.md"])
    #expect(badFormat.status != 0 && badFormat.status != 1)
  }

  @Test func sarifOutputValidatesAgainstTheOfficialSchema() throws {
    let r = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "sarif", "Examples/article.en.md",
    ])
    #expect(r.status == 1)
    let schema = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/schemas/sarif-schema-2.1.0.json")
    let log = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let run = (log["runs"] as! [[String: Any]])[0]
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let results = run["results"] as! [[String: Any]]
    #expect(results.count == (try LintCommandTests.expected()).count)
    try SchemaValidation.validate(json: r.stdout, schema: schema)
  }
}
