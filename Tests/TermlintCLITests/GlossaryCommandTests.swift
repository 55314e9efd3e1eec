import Foundation
import Testing

@Suite("termlint glossary (end to end)")
struct GlossaryCommandTests {
  static let shipped = ["Glossaries/security-ru-en.csv", "Glossaries/security-ru-en.tbx"]
  static let planted = "Tests/TermlintGlossaryTests/Fixtures/glossary/planted-problems.csv"

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  // MARK: check

  @Test func shippedGlossariesPassCheckAndFmtCheck() throws {
    let check = try CLI.run(["glossary", "check"] + Self.shipped)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout == "No problems found in 2 files.\n")
    let fmt = try CLI.run(["glossary", "fmt", "--check"] + Self.shipped)
    #expect(fmt.status == 0, "\(fmt.stdout)\(fmt.stderr)")
    #expect(fmt.stdout.isEmpty)
  }

  @Test func plantedProblemsGoThroughTheLintReporters() throws {
    let r = try CLI.run(["glossary", "check", "--format", "json", Self.planted])
    #expect(r.status == 1, "error-level findings exit 1: \(r.stderr)")
    let findings = try #require(try Self.json(r.stdout)["findings"] as? [[String: Any]])
    let expected = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent(Self.planted + ".expected"), encoding: .utf8
    )
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    #expect(findings.map { "\($0["line"]!):\($0["column"]!) \($0["ruleId"]!)" } == expected)
    #expect(findings.allSatisfy { ($0["path"] as? String) == Self.planted })

    let text = try CLI.run(["glossary", "check", Self.planted])
    let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let conflict = try #require(lines.firstIndex { $0.contains("[glossary-status-conflict]") })
    #expect(
      lines[conflict].hasPrefix(
        "\(Self.planted):10:17: error: 'security assurances' is preferred here but deprecated"))
    #expect(lines[conflict + 1] == "    assurances,,,en,security assurances,preferred,noun,,,,")
    #expect(lines[conflict + 2] == "                    ^~~~~~~~~~~~~~~~~~~")
    #expect(text.stdout.contains("\n17 problems (6 errors, 11 warnings, 0 info) in 1 file"))
  }

  @Test func sarifOfCheckValidates() throws {
    let r = try CLI.run([
      "glossary", "check", "--format", "sarif", Self.planted,
      "Tests/TermlintGlossaryTests/Fixtures/glossary/planted-problems.tbx",
    ])
    #expect(r.status == 1)
    let run = try #require((try Self.json(r.stdout)["runs"] as? [[String: Any]])?.first)
    let rules =
      try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])["rules"]
      as? [[String: Any]]
    #expect(rules?.count == 19)
    #expect((run["results"] as? [[String: Any]])?.count == 19)
    let schema = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/schemas/sarif-schema-2.1.0.json")
    try SchemaValidation.validate(json: r.stdout, schema: schema)
  }

  @Test func failOnRuleAndDisableBehaveAsInLint() throws {
    #expect(try CLI.run(["glossary", "check", "--fail-on", "never", Self.planted]).status == 0)
    let only = try CLI.run([
      "glossary", "check", "--rule", "glossary-whitespace", "--format", "json", Self.planted,
    ])
    #expect(only.status == 0, "a warning does not reach the default fail-on error")
    #expect((try Self.json(only.stdout)["findings"] as? [[String: Any]])?.count == 1)
    #expect(
      try CLI.run([
        "glossary", "check", "--rule", "glossary-whitespace", "--fail-on", "warning", Self.planted,
      ]).status == 1)
    let unknown = try CLI.run(["glossary", "check", "--disable", "no-such-check", Self.planted])
    #expect(unknown.status == 2 && unknown.stderr.contains("no-such-check"))
  }

  @Test func unreadableGlossariesExitTwoWithFileAndLine() throws {
    let dir = try CLI.temporaryDirectory()
    try "concept,lang,term\na,en,x\nb,en,y\na,en,z\n".write(
      to: dir.appendingPathComponent("split.csv"), atomically: true, encoding: .utf8)
    let split = try CLI.run(["glossary", "check", "split.csv"], in: dir)
    #expect(split.status == 2)
    #expect(split.stderr.hasPrefix("termlint: error: split.csv:4:1: "))
    let missing = try CLI.run(["glossary", "check", "missing.tbx"], in: dir)
    #expect(missing.status == 2 && missing.stderr.contains("missing.tbx: no such file"))
    let none = try CLI.run(["glossary", "check"], in: dir)
    #expect(none.status == 2)
  }

  @Test func checksListAndExplain() throws {
    let list = try CLI.run(["glossary", "checks"])
    #expect(list.status == 0)
    #expect(list.stdout.split(separator: "\n").count == 20, "a header and 19 checks")
    let explain = try CLI.run(["glossary", "checks", "glossary-mixed-script"])
    #expect(
      explain.status == 0 && explain.stdout.hasPrefix("# glossary-mixed-script: Mixed Scripts"))
    #expect(try CLI.run(["glossary", "checks", "nope"]).status == 2)
  }

  // MARK: fmt

  @Test func fmtRewritesAtomicallyAndCheckReportsWithoutWriting() throws {
    let dir = try CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("g.csv")
    let original =
      "# ours\r\nconcept,lang,term,status\r\nb,ru,борьба,preferred\r\na,ru,агрессия,preferred\r\n"
    try original.write(to: file, atomically: true, encoding: .utf8)
    let check = try CLI.run(["glossary", "fmt", "--check", "g.csv"], in: dir)
    #expect(check.status == 1)
    #expect(check.stdout == "g.csv:3: not in canonical form; run 'termlint glossary fmt g.csv'\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == original, "--check writes nothing")
    let fmt = try CLI.run(["glossary", "fmt", "g.csv"], in: dir)
    #expect(fmt.status == 0 && fmt.stdout == "g.csv: reformatted\n")
    #expect(
      try String(contentsOf: file, encoding: .utf8)
        == "# ours\r\nconcept,lang,term,status\r\na,ru,агрессия,preferred\r\nb,ru,борьба,preferred\r\n"
    )
    #expect(try CLI.run(["glossary", "fmt", "--check", "g.csv"], in: dir).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0 != "g.csv"
    }
    #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
  }

  // MARK: convert

  @Test(arguments: ["csv", "yaml", "tsv", "tbx"])
  func lintingWithAConvertedShippedGlossaryGivesIdenticalFindings(format: String) throws {
    let dir = try CLI.temporaryDirectory()
    let converted = dir.appendingPathComponent("converted.\(format)").path
    let conversion = try CLI.run([
      "glossary", "convert", "Glossaries/security-ru-en.tbx", converted,
    ])
    #expect(conversion.status == 0 && conversion.stderr.isEmpty, "\(conversion.stderr)")
    let original = try CLI.run([
      "lint", "--glossary", "Glossaries/security-ru-en.tbx", "--format", "json",
      "Examples/article.en.md",
    ])
    let viaConverted = try CLI.run([
      "lint", "--glossary", converted, "--format", "json", "Examples/article.en.md",
    ])
    #expect(original.status == 1 && viaConverted.status == 1)
    let a = try #require(try Self.json(original.stdout)["findings"] as? [[String: Any]])
    let b = try #require(try Self.json(viaConverted.stdout)["findings"] as? [[String: Any]])
    #expect(!a.isEmpty)
    #expect(NSArray(array: a).isEqual(to: b), "findings differ with the \(format) glossary")
    let back = try CLI.run(["glossary", "convert", converted, "-", "--to", "tbx"])
    #expect(back.status == 0 && back.stdout.hasPrefix("<?xml"))
  }

  @Test func convertNamesWhatItCannotCarry() throws {
    let corpus = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/corpus/tbx/okapi_medtronic_tbx.tbx"
    ).path
    guard FileManager.default.fileExists(atPath: corpus) else {
      print("skipped: ../shared/corpus is absent")
      return
    }
    let r = try CLI.run(["glossary", "convert", corpus, "-", "--to", "yaml"])
    #expect(r.status == 0)
    #expect(
      r.stderr.contains("not converted, because Termlint's model does not hold it: <transacGrp>"))
    #expect(r.stdout.contains("concepts:"))
  }

  // MARK: stats, lookup, extract

  @Test func statsAndLookup() throws {
    let stats = try CLI.run([
      "glossary", "stats", "--format", "json", "Glossaries/security-ru-en.csv",
    ])
    #expect(stats.status == 0)
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [[String: Any]])
    #expect((list.first?["concepts"] as? Int ?? 0) > 100)
    let found = try CLI.run(["glossary", "lookup", "Glossaries/security-ru-en.tbx", "гарантиями"])
    #expect(found.status == 0)
    #expect(
      found.stdout.hasPrefix(
        "security-guarantees (arms control): 'гарантии безопасности' contains the words\n"))
    let phrase = try CLI.run([
      "glossary", "lookup", "--format", "json", "Glossaries/security-ru-en.tbx", "attack",
      "weapons",
    ])
    #expect(phrase.status == 0 && phrase.stdout.contains("\"concept\" : \"strike-weapons\""))
    let none = try CLI.run(["glossary", "lookup", "Glossaries/security-ru-en.tbx", "бутерброд"])
    #expect(none.status == 1 && none.stdout == "No concept matches 'бутерброд'.\n")
  }

  @Test func extractWritesAProposedDraftFromAnArticlePair() throws {
    let dir = try CLI.temporaryDirectory()
    let draft = dir.appendingPathComponent("draft.yaml").path
    let r = try CLI.run([
      "glossary", "extract", "--source", "Examples/article.ru.md", "--target",
      "Examples/article.en.md", "--min-count", "2",
      "--output", draft,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOfFile: draft, encoding: .utf8)
    #expect(text.hasPrefix("# Candidate entries proposed by 'termlint glossary extract' from "))
    #expect(text.contains("languages: {source: ru, target: en}"))
    #expect(!text.contains("status: preferred"))
    let check = try CLI.run(["glossary", "check", "--format", "json", draft])
    #expect(check.status != 2, "the draft is a valid glossary: \(check.stderr)")
    let usage = try CLI.run(["glossary", "extract", "--source", "Examples/article.ru.md"])
    #expect(usage.status == 2)
  }
}
