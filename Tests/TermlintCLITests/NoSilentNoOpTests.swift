import Foundation
import Testing

/// Issue 12, items 9 and 10: a run never reads as "all clear" when it did not check what the
/// user thinks (configuration beside the file, no glossary, a misspelt TBX, a bilingual rule on
/// a monolingual file, no input files), and every report says which direction it checked.
@Suite("No silent no-ops; direction")
struct NoSilentNoOpTests {
  static let fixtures = CLI.repoRoot.appendingPathComponent(
    "Tests/TermlintCLITests/Fixtures/direction")
  static let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx")
  static let article = "Moscow demanded security assurances.\n"

  /// A folder with `.termlint.yml` naming the shipped glossary (copied beside it) and an
  /// article in a subfolder: `root/proj/.termlint.yml`, `root/proj/sub/a.md`.
  static func project(
    _ root: URL, name: String = "proj", pipeline: String = "glossaries: [security.tbx]\n"
  ) throws -> URL {
    let proj = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: proj.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: glossary, to: proj.appendingPathComponent("security.tbx"))
    try pipeline.write(
      to: proj.appendingPathComponent(".termlint.yml"), atomically: true, encoding: .utf8)
    try article.write(
      to: proj.appendingPathComponent("sub/a.md"), atomically: true, encoding: .utf8)
    return proj
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func rules(_ r: CLI.Result) throws -> [String] {
    try (json(r.stdout)["findings"] as? [[String: Any]] ?? []).map {
      "\($0["path"]!) \($0["ruleId"]!)"
    }
  }

  // MARK: - Configuration discovery

  @Test func configurationBesideTheFileAppliesWhereverTheCommandRuns() throws {
    let root = try CLI.temporaryDirectory()
    let proj = try Self.project(root)
    // From the parent folder, from the project, and from an unrelated folder by absolute path.
    let fromParent = try CLI.run(["lint", "--format", "json", "proj/sub/a.md"], in: root)
    #expect(fromParent.status == 1, "\(fromParent.stderr)")
    #expect(try Self.rules(fromParent) == ["proj/sub/a.md term-forbidden"])
    let elsewhere = try CLI.temporaryDirectory()
    let absolute = try CLI.run(
      ["lint", "--format", "json", proj.appendingPathComponent("sub/a.md").path], in: elsewhere)
    let absoluteRules = try Self.rules(absolute)
    #expect(absolute.status == 1 && absoluteRules.count == 1, "\(absolute.stderr)")
    #expect(!absolute.stderr.contains("no glossary"), "\(absolute.stderr)")
    // A folder argument: the files in it find it too.
    let folder = try CLI.run(["lint", "proj"], in: root)
    #expect(folder.status == 1 && folder.stdout.contains("[term-forbidden]"))
    // fix finds it as lint does.
    let fix = try CLI.run(["fix", "--dry-run", "proj/sub/a.md"], in: root)
    #expect(
      fix.status == 1 && fix.stdout.contains("+Moscow demanded security guarantees."),
      "\(fix.stdout)\(fix.stderr)")
  }

  @Test func filesWithDifferentConfigurationsUseEachTheirOwn() throws {
    let root = try CLI.temporaryDirectory()
    _ = try Self.project(root, name: "news")
    _ = try Self.project(
      root, name: "drafts", pipeline: "glossaries: [security.tbx]\nrules: {term-forbidden: off}\n")
    try Self.article.write(
      to: root.appendingPathComponent("loose.md"), atomically: true, encoding: .utf8)
    let r = try CLI.run(
      ["lint", "--format", "json", "drafts/sub/a.md", "loose.md", "news/sub/a.md"], in: root)
    #expect(r.status == 1)
    #expect(
      try Self.rules(r) == ["news/sub/a.md term-forbidden"],
      "drafts turns the rule off; loose.md has no glossary")
    let files = try #require(try Self.json(r.stdout)["files"] as? [[String: Any]])
    #expect(
      files.map { $0["path"] as? String } == ["drafts/sub/a.md", "loose.md", "news/sub/a.md"])
    // Only the file without a configuration is named as checked without a glossary.
    #expect(r.stderr.contains("no glossary loaded for loose.md ("), "\(r.stderr)")
    #expect(
      !r.stderr.contains("news/sub/a.md (") && !r.stderr.contains("drafts/sub/a.md ("),
      "\(r.stderr)")
    // Each group keeps its own fail-on: a file whose configuration never fails does not fail the run.
    try "glossaries: [security.tbx]\nfail-on: never\n".write(
      to: root.appendingPathComponent("news/.termlint.yml"), atomically: true, encoding: .utf8)
    let lenient = try CLI.run(["lint", "drafts/sub/a.md", "news/sub/a.md"], in: root)
    #expect(lenient.status == 0 && lenient.stdout.contains("[term-forbidden]"), "\(lenient.stdout)")
    // --pipeline wins for every file.
    try "rules: {repeated-word: error}\n".write(
      to: root.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
    let explicit = try CLI.run(
      ["lint", "--pipeline", "p.yml", "--format", "json", "drafts/sub/a.md", "news/sub/a.md"],
      in: root)
    let explicitRules = try Self.rules(explicit)
    #expect(
      explicit.status == 0 && explicitRules.isEmpty,
      "the explicit pipeline has no glossary: \(explicit.stdout)")
    #expect(explicit.stderr.contains("no glossary loaded"), "\(explicit.stderr)")
  }

  @Test func aBadConfigurationOfAnyFileStopsTheRun() throws {
    let root = try CLI.temporaryDirectory()
    _ = try Self.project(root, name: "good")
    _ = try Self.project(root, name: "bad", pipeline: "rulez: {}\n")
    let r = try CLI.run(["lint", "good/sub/a.md", "bad/sub/a.md"], in: root)
    #expect(
      r.status == 2 && r.stderr.contains("bad/.termlint.yml") && r.stdout.isEmpty, "\(r.stderr)")
  }

  // MARK: - What did not run

  @Test func noGlossaryIsAWarningNamingTheRulesThatDidNotRun() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.article.write(
      to: dir.appendingPathComponent("article.md"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["lint", "article.md"], in: dir)
    #expect(r.status == 0)
    let warning = try #require(
      r.stderr.split(separator: "\n").first { $0.contains("no glossary loaded") }, "\(r.stderr)")
    #expect(warning.hasPrefix("termlint: warning: no glossary loaded for article.md ("))
    for id in ["term-forbidden", "term-case", "term-inconsistent", "term-missing"] {
      #expect(warning.contains(id))
    }
    // A glossary without the text's language finds nothing there either.
    let french = try CLI.run(
      ["lint", "--glossary", Self.glossary.path, "--target-lang", "fr", "article.md"], in: dir)
    #expect(french.status == 0)
    #expect(
      french.stderr.contains(
        "termlint: warning: the glossaries have no terms in 'fr', the language of article.md;"),
      "\(french.stderr)")
    // With the glossary, no such warning.
    let with = try CLI.run(["lint", "--glossary", Self.glossary.path, "article.md"], in: dir)
    #expect(with.status == 1 && with.stderr.isEmpty, "\(with.stderr)")
  }

  @Test func aBilingualRuleOnMonolingualFilesIsNamedOncePerRun() throws {
    let dir = try CLI.temporaryDirectory()
    for name in ["a.md", "b.md"] {
      try "Talks opened on 10 January.\n".write(
        to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary.path, "--rule", "term-missing", "a.md", "b.md"], in: dir)
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n").filter { $0.contains("needs a source text") }
    #expect(
      lines == [
        "termlint: warning: term-missing needs a source text; not run on a.md and b.md (monolingual)"
      ], "\(r.stderr)")
    let one = try CLI.run(
      ["lint", "--glossary", Self.glossary.path, "--rule", "number-mismatch", "a.md"], in: dir)
    #expect(
      one.stderr.contains(
        "termlint: warning: number-mismatch needs a source text; not run on a.md (monolingual)"),
      "\(one.stderr)")
    // Bilingual rules a default run or a pipeline has on are not named on monolingual files:
    // the other rules ran, and the report says the file was checked as monolingual.
    let quiet = try CLI.run(["lint", "--glossary", Self.glossary.path, "a.md"], in: dir)
    #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    try "rules: {omission: error}\n".write(
      to: dir.appendingPathComponent(".termlint.yml"), atomically: true, encoding: .utf8)
    let named = try CLI.run(["lint", "--glossary", Self.glossary.path, "a.md"], in: dir)
    #expect(named.stderr.isEmpty, "\(named.stderr)")
    #expect(named.stdout.contains("en (monolingual)"), "\(named.stdout)")
    // On a bilingual file it runs, and nothing is said.
    let bilingual = try CLI.run([
      "lint", "--rule", "number-mismatch", "--fail-on", "warning",
      Self.fixtures.appendingPathComponent("memory.tmx").path,
    ])
    #expect(
      bilingual.status == 1 && !bilingual.stderr.contains("source text"), "\(bilingual.stderr)")
  }

  @Test func noInputFilesIsExitTwo() throws {
    let dir = try CLI.temporaryDirectory()
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let empty = try CLI.run(["lint", "empty"], in: dir)
    #expect(
      empty.status == 2 && empty.stderr.contains("no input files")
        && empty.stderr.contains("'empty'"), "\(empty.stderr)")
    #expect(!empty.stdout.contains("No problems found"))
    try "Text.\n".write(
      to: dir.appendingPathComponent("empty/a.md"), atomically: true, encoding: .utf8)
    let glob = try CLI.run(["lint", "--include", "*.xyz", "empty"], in: dir)
    #expect(glob.status == 2 && glob.stderr.contains("no input files"), "\(glob.stderr)")
    let fix = try CLI.run(["fix", "--include", "*.xyz", "empty"], in: dir)
    #expect(fix.status == 2 && fix.stderr.contains("no input files"), "\(fix.stderr)")
  }

  // MARK: - TBX values that change meaning

  @Test(arguments: [
    (
      "status-typo.tbx", "unknown administrativeStatus 'deprecatedTerm-admin-sts'",
      "'deprecatedTerm-admin-sts'"
    ),
    ("element-typo.tbx", "unknown element <termSek> (did you mean <termSec>?)", "<termSek>"),
    ("category-typo.tbx", "unknown data category 'administrativStatus'", "'administrativStatus'"),
  ])
  func misspeltTBXStopsLintAtItsLine(file: String, reason: String, token: String) throws {
    let dir = try CLI.temporaryDirectory()
    try Self.article.write(
      to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: Self.fixtures.appendingPathComponent(file), to: dir.appendingPathComponent(file))
    let r = try CLI.run(["lint", "--glossary", file, "a.md"], in: dir)
    #expect(r.status == 2, "\(r.stdout)")
    #expect(r.stderr.hasPrefix("termlint: error: \(file):8: \(reason)"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    // glossary check lists the same problem.
    let check = try CLI.run(["glossary", "check", file], in: dir)
    #expect(check.stdout.contains("\(file):8:") && check.stdout.contains(token), "\(check.stdout)")
    // Spelled right, the deprecated term is reported.
    try FileManager.default.copyItem(
      at: Self.fixtures.appendingPathComponent("good.tbx"),
      to: dir.appendingPathComponent("good.tbx"))
    let good = try CLI.run(["lint", "--glossary", "good.tbx", "a.md"], in: dir)
    #expect(
      good.status == 1 && good.stdout.contains("[term-forbidden]"), "\(good.stdout)\(good.stderr)")
  }

  @Test func everyRealTBXOfTheCorpusStillLoadsForLint() throws {
    let folder = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/corpus/tbx")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      print("skipped: ../shared/corpus is absent")
      return
    }
    let dir = try CLI.temporaryDirectory()
    try Self.article.write(
      to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    let files = names.filter { $0.hasSuffix(".tbx") }.sorted()
    #expect(files.count >= 10)
    for name in files {
      let r = try CLI.run(
        ["lint", "--glossary", folder.appendingPathComponent(name).path, "a.md"], in: dir)
      #expect(r.status == 0 || r.status == 1, "\(name): \(r.stderr)")
      let check = try CLI.run(
        ["glossary", "check", folder.appendingPathComponent(name).path], in: dir)
      #expect(
        !check.stdout.contains("Unknown element")
          && !check.stdout.contains("Unknown data category"), "\(name): \(check.stdout)")
    }
  }

  // MARK: - Direction

  @Test func flagsChooseTheDirectionOfATMX() throws {
    let tmx = Self.fixtures.appendingPathComponent("memory.tmx").path
    // The header says srclang="en": by default English is the source.
    let asWritten = try CLI.run(["lint", "--rule", "number-mismatch", "--format", "json", tmx])
    let a = try #require((try Self.json(asWritten.stdout)["findings"] as? [[String: Any]])?.first)
    #expect(a["text"] as? String == "11" && a["line"] as? Int == 4)
    #expect(
      (try Self.json(asWritten.stdout)["summary"] as? [String: Any])?["direction"] as? String
        == "en → ru-RU")
    // --source-lang ru --target-lang en: Russian is the source, the English is checked.
    for flags in [
      ["--source-lang", "ru", "--target-lang", "en"], ["--source-lang", "ru"],
      ["--target-lang", "en"],
    ] {
      let reversed = try CLI.run(
        ["lint", "--rule", "number-mismatch", "--format", "json"] + flags + [tmx])
      let r = try #require(
        (try Self.json(reversed.stdout)["findings"] as? [[String: Any]])?.first,
        "\(flags): \(reversed.stderr)")
      #expect(r["text"] as? String == "10" && r["column"] as? Int == 62, "\(flags)")
      #expect(
        (try Self.json(reversed.stdout)["summary"] as? [String: Any])?["direction"] as? String
          == "ru-RU → en-US", "\(flags)")
    }
    // A pipeline's languages choose it too.
    let dir = try CLI.temporaryDirectory()
    try "languages: {source: ru, target: en}\n".write(
      to: dir.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
    let piped = try CLI.run(
      ["lint", "--pipeline", "p.yml", "--rule", "number-mismatch", tmx], in: dir)
    #expect(
      piped.stdout.contains("ru-RU → en-US") && piped.stdout.contains("memory.tmx:4:62:"),
      "\(piped.stdout)")
  }

  @Test(arguments: ["lead.xlf", "lead.po"])
  func flagsThatContradictTheFileAreAUsageError(file: String) throws {
    let path = Self.fixtures.appendingPathComponent(file).path
    let wrong = try CLI.run(["lint", "--source-lang", "ru", "--target-lang", "en", path])
    #expect(wrong.status == 2 && wrong.stdout.isEmpty)
    #expect(
      wrong.stderr.hasPrefix("termlint: error: \(path): the file declares "), "\(wrong.stderr)")
    #expect(
      wrong.stderr.contains("→ ru") && wrong.stderr.contains("--target-lang en"), "\(wrong.stderr)")
    let target = try CLI.run(["lint", "--target-lang", "en", path])
    #expect(
      target.status == 2 && target.stderr.contains("--target-lang en was given"), "\(target.stderr)"
    )
    // Flags that agree (by primary subtag) are fine.
    let agreeing = try CLI.run(["lint", "--target-lang", "ru", path])
    #expect(agreeing.status == 0, "\(agreeing.stderr)")
    #expect(agreeing.stdout.contains("→ ru"), "\(agreeing.stdout)")
  }

  @Test func everyReportStatesTheDirection() throws {
    let tmx = Self.fixtures.appendingPathComponent("memory.tmx").path
    let dir = try CLI.temporaryDirectory()
    try "Talks opened on 10 January.\n".write(
      to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    // number-mismatch is preview (off by default): named, it finds the memory's wrong figure.
    let args = [
      "lint", "--rule", "number-mismatch", "--source-lang", "ru", "--target-lang", "en", tmx,
      "a.md",
    ]
    let text = try CLI.run(args, in: dir)
    let summary = try #require(text.stdout.split(separator: "\n").last)
    #expect(
      summary.contains("in 2 files · en (monolingual) (1 file), ru-RU → en-US (1 file) ·"),
      "\(summary)")
    #expect(
      text.stdout.contains("memory.tmx (1 problem · ru-RU → en-US · "),
      "several directions: per-file headers say theirs")

    let json = try CLI.run(args + ["--format", "json"], in: dir)
    try SchemaValidation.validate(json: json.stdout, schema: OutputFormatTests.reportSchema)
    let document = try Self.json(json.stdout)
    let files = try #require(document["files"] as? [[String: Any]])
    #expect(
      files.map { $0["direction"] as? String }
        == ["a.md", tmx].sorted().map { $0 == "a.md" ? "en (monolingual)" : "ru-RU → en-US" })
    let tmxEntry = try #require(files.first { $0["path"] as? String == tmx })
    #expect(
      tmxEntry["sourceLanguage"] as? String == "ru-RU"
        && tmxEntry["targetLanguage"] as? String == "en-US")
    #expect(tmxEntry["monolingual"] as? Bool == false)
    let directions = try #require(
      (document["summary"] as? [String: Any])?["directions"] as? [[String: Any]])
    #expect(directions.count == 2)

    let sarif = try CLI.run(args + ["--format", "sarif"], in: dir)
    try SchemaValidation.validate(json: sarif.stdout, schema: OutputFormatTests.sarifSchema)
    let run = try #require((try Self.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
    let properties = try #require(run["properties"] as? [String: Any])
    #expect(
      properties["direction"] as? String == "en (monolingual) (1 file), ru-RU → en-US (1 file)")

    let html = try CLI.run(args + ["--format", "html"], in: dir)
    #expect(html.stdout.contains("ru-RU → en-US (1 file)"), "the header's summary line")
    #expect(
      html.stdout.contains("<span class=\"facts\">1 problem · ru-RU → en-US · "), "each file's own")
    let junit = try CLI.run(args + ["--format", "junit"], in: dir)
    #expect(junit.stdout.contains("<property name=\"direction\" value=\"ru-RU → en-US\"/>"))
    #expect(junit.stdout.contains("<property name=\"sourceLanguage\" value=\"ru-RU\"/>"))

    // One direction: the summary names it once.
    let single = try CLI.run(["lint", "--glossary", Self.glossary.path, "a.md"], in: dir)
    #expect(
      single.stdout.contains("No problems found in 1 file · en (monolingual) · "),
      "\(single.stdout)")
    let pair = try CLI.run([
      "lint", "--glossary", Self.glossary.path, "--source", "Examples/article.ru.md", "--target",
      "Examples/article.en.md",
    ])
    #expect(pair.stdout.contains("· ru → en ·"), "\(pair.stdout.suffix(300))")
  }
}
