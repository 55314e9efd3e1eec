import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("termlint output formats (end to end)")
struct OutputFormatTests {
  static let article = [
    "lint", "--glossary", "Glossaries/security-ru-en.tbx", "Examples/article.en.md",
  ]
  static let snapshots = CLI.repoRoot.appendingPathComponent(
    "Tests/TermlintCoreTests/Reporting/Snapshots")
  static let sarifSchema = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/schemas/sarif-schema-2.1.0.json")
  static let reportSchema = CLI.repoRoot.appendingPathComponent(
    "Documentation/termlint-report.schema.json")

  @Test func versionPrintsTermlintAndICUVersions() throws {
    let r = try CLI.run(["--version"])
    #expect(r.status == 0)
    let line = r.stdout.trimmingCharacters(in: .newlines)
    #expect(line == "termlint \(Termlint.version) (ICU \(ICU.version))")
    #expect(
      line.range(
        of: #"^termlint \d+\.\d+\.\d+\S* \(ICU \d+(\.\d+)+\)$"#, options: .regularExpression)
        != nil, "\(line)")
  }

  @Test func helpListsEveryFormatFromTheRegistry() throws {
    let r = try CLI.run(["lint", "--help"])
    #expect(r.status == 0)
    for reporter in ReporterRegistry.all {
      #expect(r.stdout.contains("\(reporter.identifier) "), "--help lists \(reporter.identifier)")
    }
    #expect(r.stdout.contains("(default: text)"))
    let bad = try CLI.run(["lint", "--format", "yaml", "Examples/article.en.md"])
    #expect(bad.status != 0 && bad.status != 1)
    for reporter in ReporterRegistry.all { #expect(bad.stderr.contains(reporter.identifier)) }
  }

  @Test(arguments: ReporterRegistry.all.map { $0.identifier })
  func everyFormatReportsTheExampleArticle(format: String) throws {
    let r = try CLI.run(Self.article + ["--format", format])
    #expect(r.status == 1, "findings at error level exit 1 in every format: \(r.stderr)")
    #expect(r.stderr.isEmpty)
    #expect(!r.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")
    switch format {
    case "json", "sarif":
      #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
    case "jsonl":
      let lines = r.stdout.split(separator: "\n")
      #expect(lines.count == (try LintCommandTests.expected()).count)
      for line in lines {
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
      }
    case "junit", "checkstyle":
      #expect(XMLParser(data: Data(r.stdout.utf8)).parse(), "\(format) is well-formed XML")
    case "html":
      #expect(
        r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.contains("<mark class=\"hl s-error\""))
    case "github":
      #expect(
        r.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }.count
          == (try LintCommandTests.expected()).count)
    default:
      #expect(r.stdout.contains("[term-forbidden]"))
    }
  }

  /// Issue 15: the HTML of XLIFF, PO and TMX is the units source beside target (as the linter
  /// read them), never the raw file, and the header says what produced it.
  @Test(arguments: ["xlf", "xliff", "po", "tmx"])
  func htmlOfABilingualFileShowsSourceBesideTargetAndNamesTheGlossary(ext: String) throws {
    let path = "Examples/bilingual/article-planted.\(ext)"
    let r = try CLI.run(
      ["lint", "--pipeline", "Pipelines/news-ru-en.yml", "--format", "html", path],
      environment: ["SOURCE_DATE_EPOCH": "1796000000"])
    #expect(r.status == 1, "\(r.stderr)")
    let html = r.stdout
    #expect(
      html.contains(
        "<table class=\"pair\">\n<thead><tr><th>Unit</th><th>Source (ru)</th><th>Target (en)</th></tr></thead>"
      ))
    #expect(
      html.contains(
        "<td dir=\"auto\" lang=\"ru\">Российскую делегацию возглавлял заместитель министра иностранных дел Александр Грушко.</td>"
          + "<td dir=\"auto\" lang=\"en\">The Russian delegation was led by Deputy Foreign Minister Alexander Grushko.</td>"
      ))
    #expect(
      html.contains(">security assurances</mark>"),
      "the deprecated term is highlighted in its target cell")
    for raw in [
      "&lt;trans-unit", "&lt;seg&gt;", "&lt;target", "msgid &quot;", "<div class=\"text\"",
    ] {
      #expect(!html.contains(raw), "no raw file: \(raw)")
    }
    #expect(html.contains("<dt>Pipeline</dt><dd><code>Pipelines/news-ru-en.yml</code></dd>"))
    #expect(html.contains("<dt>Glossaries</dt><dd><code>Glossaries/security-ru-en.tbx</code></dd>"))
    #expect(html.contains("<dt>Languages</dt><dd>ru → en</dd>"))
    #expect(
      html.contains("<dt>Tool</dt><dd>termlint \(Termlint.version) · ICU \(ICU.version)</dd>"))
    #expect(
      html.contains(
        "<dt>Date</dt><dd><time datetime=\"2026-11-30T00:53:20Z\">2026-11-30 00:53:20 UTC</time></dd>"
      ))
    // Words are those of the units' target texts, not of the markup around them.
    let text = try CLI.run(["lint", "--pipeline", "Pipelines/news-ru-en.yml", path])
    let words = try #require(text.stdout.range(of: #"\d[\d,]* words"#, options: .regularExpression))
      .lowerBound
    let count =
      Int(text.stdout[words...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)) ?? 0
    #expect((400...520).contains(count), "\(count) words in \(path)")
  }

  @Test func jsonValidatesAgainstTheDocumentedSchema() throws {
    let r = try CLI.run(Self.article + ["--format", "json"])
    try SchemaValidation.validate(json: r.stdout, schema: Self.reportSchema)
    let golden = try String(
      contentsOf: Self.snapshots.appendingPathComponent("json.json"), encoding: .utf8)
    try SchemaValidation.validate(json: golden, schema: Self.reportSchema)
  }

  /// Reports given to --output are streamed into the atomic temporary file: each file is what
  /// the same format writes to standard output, and the SARIF file still validates.
  @Test func outputFilesAreStreamedAndEqualStandardOutput() throws {
    let dir = try CLI.temporaryDirectory()
    let formats = ["sarif", "json", "jsonl", "text", "junit", "checkstyle", "github"]
    let files = formats.map { dir.appendingPathComponent("report.\($0)").path }
    let r = try CLI.run(
      Self.article + formats.flatMap { ["--format", $0] } + files.flatMap { ["--output", $0] })
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    for (format, file) in zip(formats, files) {
      let written = try String(contentsOfFile: file, encoding: .utf8)
      #expect(written == (try CLI.run(Self.article + ["--format", format])).stdout, "\(format)")
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.hasPrefix(".")
    }
    #expect(leftovers.isEmpty, "no temporary file is left behind")
    try SchemaValidation.validate(
      json: try String(contentsOfFile: files[0], encoding: .utf8), schema: Self.sarifSchema)
  }

  @Test func sarifGoldenFileValidatesAgainstTheOfficialSchema() throws {
    // The golden file is what the reporter writes for the shared fixture (related locations,
    // fixes, an empty region, a path with a comma and Cyrillic letters).
    let golden = try String(
      contentsOf: Self.snapshots.appendingPathComponent("sarif.sarif"), encoding: .utf8)
    try SchemaValidation.validate(
      json: golden.replacingOccurrences(of: "{{version}}", with: Termlint.version),
      schema: Self.sarifSchema)
  }

  @Test func githubFormatWritesAJobSummaryWhenAsked() throws {
    let dir = try CLI.temporaryDirectory()
    let summary = dir.appendingPathComponent("summary.md")
    try "previous step\n".write(to: summary, atomically: true, encoding: .utf8)
    let r = try CLI.run(
      Self.article + ["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
    #expect(r.status == 1)
    let text = try String(contentsOf: summary, encoding: .utf8)
    #expect(text.hasPrefix("previous step\n## Termlint\n"), "appended, not overwritten")
    #expect(
      text.split(separator: "\n").filter { $0.hasPrefix("| Examples/article.en.md:") }.count
        == (try LintCommandTests.expected()).count)

    let other = dir.appendingPathComponent("other.md")
    _ = try CLI.run(
      Self.article + ["--format", "sarif"], environment: ["GITHUB_STEP_SUMMARY": other.path])
    #expect(
      !FileManager.default.fileExists(atPath: other.path),
      "only the github format writes a job summary")

    let unwritable = try CLI.run(
      Self.article + ["--format", "github"],
      environment: ["GITHUB_STEP_SUMMARY": dir.appendingPathComponent("no/such/dir/s.md").path])
    #expect(unwritable.status == 2 && unwritable.stderr.contains("no/such/dir/s.md"))
  }

  @Test func colourOnATerminalUnlessNoColor() throws {
    // util-linux `script` gives the command a pseudo-terminal as its standard output.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      print("skipped: the terminal colour test needs /usr/bin/script (util-linux)")
      return
    }
    func onTerminal(_ environment: [String: String]) throws -> String {
      let command = ([CLI.binary.path] + Self.article).map { "'\($0)'" }.joined(separator: " ")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      process.arguments = ["-qec", command, "/dev/null"]
      process.currentDirectoryURL = CLI.repoRoot
      process.environment = ProcessInfo.processInfo.environment.merging([
        "TERMLINT_CACHE_DIR": CLI.cacheDirectory.path
      ]) { $1 }
      .merging(environment) { $1 }
      let out = Pipe()
      process.standardOutput = out
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    #expect(
      try onTerminal(["NO_COLOR": ""]).contains("\u{1B}[1;31merror\u{1B}[0m"),
      "colour on a terminal")
    let noColor = try onTerminal(["NO_COLOR": "1"])
    #expect(
      noColor.contains("[term-forbidden]") && !noColor.contains("\u{1B}["),
      "NO_COLOR turns colour off")
  }

  @Test func colourFollowsColorFlagAndNoColor() throws {
    // CLI.run sets NO_COLOR=1 and pipes stdout, so `auto` means no colour.
    #expect(!(try CLI.run(Self.article)).stdout.contains("\u{1B}["))
    #expect(!(try CLI.run(Self.article + ["--color", "never"])).stdout.contains("\u{1B}["))
    let always = try CLI.run(Self.article + ["--color", "always"])
    #expect(
      always.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"),
      "--color always overrides NO_COLOR, as no-color.org allows")
  }
}
