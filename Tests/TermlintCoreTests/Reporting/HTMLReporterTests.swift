import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("HTML reporter")
struct HTMLReporterTests {
  static let html = HTMLReporter.render(ReportFixture.report, options: ReportOptions())

  @Test func isSelfContained() {
    let html = Self.html
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    for external in ["<link", " src=", "url(", "@import", "http://", "https://"] {
      #expect(!html.contains(external), "no external resource: \(external)")
    }
    #expect(
      html.components(separatedBy: "<script>").count == 2
        && html.components(separatedBy: "<style>").count == 2)
  }

  @Test func everyFindingIsListedAndHighlightedInPlace() throws {
    let html = Self.html
    for (i, f) in ReportFixture.report.findings.enumerated() {
      let id = "f\(i + 1)"
      #expect(
        html.contains(
          "<li class=\"finding s-\(f.severity.rawValue)\" id=\"\(id)\" data-sev=\"\(f.severity.rawValue)\" data-rule=\"\(f.ruleID)\">"
        ))
      let marks = try NSRegularExpression(
        pattern: "<mark class=\"hl[^\"]*\" data-f=\"[^\"]*\\b\(id)\\b[^\"]*\"")
      #expect(
        marks.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html)) >= 1,
        "\(id) (\(f.ruleID)) is highlighted")
    }
    // The span over two lines is highlighted on both; the empty span is a caret.
    #expect(html.contains(">security</mark></span></div>"))
    #expect(
      html.contains("<span class=\"c\" dir=\"auto\"><mark class=\"hl s-error\" data-f=\"f4\""))
    #expect(html.contains("<mark class=\"hl caret s-info\" data-f=\"f6\""))
  }

  @Test func bilingualDocumentsShowSourceBesideTarget() throws {
    let html = Self.html
    let table = try #require(html.range(of: "<table class=\"pair\">"))
    let rows = html[table.lowerBound...].prefix { _ in true }.components(separatedBy: "</table>")[0]
    #expect(rows.contains("<th>Source (ru)</th><th>Target (en)</th>"))
    #expect(rows.components(separatedBy: "<tr><th scope=\"row\">").count == 3, "one row per unit")
    #expect(
      rows.contains("<td dir=\"auto\" lang=\"ru\">Стороны обсудили <mark class=\"hl s-warning\""))
    #expect(
      rows.contains("<td dir=\"auto\" lang=\"en\">The sides discussed <mark class=\"hl s-error\""))
  }

  @Test func textIsEscapedAndInvisibleCharactersAreShown() {
    let html = Self.html
    #expect(html.contains("“a start” &amp; &lt;nothing&gt; more."))
    #expect(!html.contains("<nothing>"))
    #expect(html.contains("<span class=\"inv\">U+200F</span>"))
    #expect(
      !html.unicodeScalars.contains { $0.properties.isBidiControl },
      "no raw bidi control can reorder the page")
  }

  @Test func filtersListSeveritiesAndRulesWithCounts() {
    let html = Self.html
    #expect(
      html.contains(
        "<input type=\"checkbox\" name=\"sev\" value=\"error\" checked> error <span class=\"n\">3</span>"
      ))
    #expect(
      html.contains(
        "<input type=\"checkbox\" name=\"rule\" value=\"term-forbidden\" checked> term-forbidden <span class=\"n\">3</span>"
      ))
    let clean = HTMLReporter.render(
      RunReport(findings: [], files: [ReportFixture.clean], rules: []), options: ReportOptions())
    #expect(clean.contains("no findings") && clean.contains("All quiet in Vienna."))
  }
}

@Suite("HTML reporter: provenance, findings table, file filters")
struct HTMLReporterRunTests {
  static func report(configurations: [RunConfiguration], date: Date? = nil) -> RunReport {
    var report = ReportFixture.report
    report.configurations = configurations
    report.generated = date
    return report
  }

  @Test func headerNamesPipelineGlossariesLanguagesVersionsAndDate() {
    var report = Self.report(
      configurations: [
        RunConfiguration(
          pipeline: "Pipelines/news-ru-en.yml",
          glossaries: ["Glossaries/a.tbx", "extra & more.csv"])
      ],
      date: Date(timeIntervalSince1970: 1_796_000_000))
    report.directions = [
      "a.md": LanguageDirection(source: LanguageTag("ru"), target: LanguageTag("en"))
    ]
    report.icuVersion = "72.1"
    let html = HTMLReporter.render(report, options: ReportOptions())
    #expect(html.contains("<dt>Pipeline</dt><dd><code>Pipelines/news-ru-en.yml</code></dd>"))
    #expect(
      html.contains(
        "<dt>Glossaries</dt><dd><code>Glossaries/a.tbx</code>, <code>extra &amp; more.csv</code></dd>"
      ))
    #expect(html.contains("<dt>Languages</dt><dd>ru → en</dd>"))
    #expect(html.contains("<dt>Tool</dt><dd>termlint \(Termlint.version) · ICU 72.1</dd>"))
    #expect(
      html.contains(
        "<dt>Date</dt><dd><time datetime=\"2026-11-30T00:53:20Z\">2026-11-30 00:53:20 UTC</time></dd>"
      ))

    let builtIn = HTMLReporter.render(
      Self.report(configurations: [RunConfiguration(pipeline: nil, glossaries: [])]),
      options: ReportOptions())
    #expect(
      builtIn.contains(
        "<dt>Pipeline</dt><dd>built-in (no pipeline file)</dd>\n<dt>Glossaries</dt><dd>none</dd>"))
    #expect(
      !builtIn.contains("<dt>Date</dt>"),
      "no date unless the run gives one (golden files stay stable)")

    let two = HTMLReporter.render(
      Self.report(configurations: [
        RunConfiguration(
          pipeline: "a/.termlint.yml", glossaries: ["a/g.csv"], files: ["a/1.md", "a/2.md"]),
        RunConfiguration(pipeline: nil, glossaries: [], files: ["b.md"]),
      ]), options: ReportOptions())
    #expect(
      two.contains(
        "<li><code>a/.termlint.yml</code> <span class=\"n\">(2 files)</span>: glossaries <code>a/g.csv</code></li>"
      ))
    #expect(two.contains("<li>built-in <span class=\"n\">(1 file)</span>: glossaries none</li>"))
  }

  @Test func findingsTableHasARowPerFindingWithWhatTheCSVExportNeeds() throws {
    let report = ReportFixture.report
    let html = HTMLReporter.render(report, options: ReportOptions())
    let table = try #require(
      html.components(separatedBy: "<table class=\"findings-table\">").dropFirst().first?
        .components(separatedBy: "</table>").first)
    #expect(table.components(separatedBy: "<tr class=\"s-").count - 1 == report.findings.count)
    let paths = report.fileReports.map(\.path)
    for (i, f) in report.findings.enumerated() {
      let n = try #require(paths.firstIndex(of: f.location.path)) + 1
      #expect(
        table.contains(
          "data-id=\"f\(i + 1)\" data-sev=\"\(f.severity.rawValue)\" data-rule=\"\(f.ruleID)\" data-file=\"file-\(n)\""
        ), "row of f\(i + 1)")
      #expect(
        table.contains(
          "data-line=\"\(f.location.line)\" data-column=\"\(f.location.column)\" data-end-line=\"\(f.location.endLine)\""
        ))
    }
    #expect(html.contains("<button type=\"button\" id=\"export-csv\">Export CSV</button>"))
    let clean = HTMLReporter.render(
      RunReport(findings: [], files: [ReportFixture.clean], rules: []), options: ReportOptions())
    #expect(
      !clean.contains("<table class=\"findings-table\">") && !clean.contains("id=\"export-csv\""),
      "no empty table")
  }

  @Test func largeRunsShowOnlyFilesWithProblemsAtFirst() {
    func run(files: Int) -> String {
      let sources = (1...files).map {
        SourceFile(path: String(format: "f%03d.md", $0), text: "Fine text number \($0).\n")
      }
      let f = Finding(
        ruleID: "term-case", severity: .warning, category: .terminology, message: "m",
        location: Location(file: sources[0], utf16Range: 0..<4), matchedText: "Fine")
      return HTMLReporter.render(
        RunReport(findings: [f], files: sources, rules: []), options: ReportOptions())
    }
    let small = run(files: 3)
    let large = run(files: HTMLReporter.largeRun + 1)
    #expect(
      small.contains(
        "<input type=\"checkbox\" name=\"problems\"> only files with problems <span class=\"n\">1 of 3</span>"
      ))
    #expect(
      large.contains(
        "<input type=\"checkbox\" name=\"problems\" checked> only files with problems <span class=\"n\">1 of 21</span>"
      ))
    #expect(
      large.contains("<option value=\"file-1\">f001.md (1)</option>")
        && !large.contains("<option value=\"file-2\">"),
      "the file filter lists the files with findings")
    #expect(large.contains("<section class=\"file\" id=\"file-2\" data-problems=\"0\">"))
    #expect(large.contains("<li data-file=\"file-1\" data-problems=\"1\">"))
  }
}

@Suite("HTML reporter: units with markup")
struct HTMLReporterMarkupTests {
  /// An XLIFF-like target whose text drops `<g>` tags and replaces `{1}` by an inline code.
  @Test func bilingualCellsShowTheTextRulesSawWithHighlightsMappedThroughTheOffsetMap() throws {
    let file = SourceFile(path: "u.xlf", text: "Члены НАТО {1}.\nA <g>Nato</g> {1}.\n")
    let source = TextSpan(file: file, range: 0..<15, language: LanguageTag("ru"))
    let runs = [
      OffsetMap.Run(normalizedStart: 0, normalizedLength: 2, sourceStart: 0, sourceLength: 2),
      OffsetMap.Run(normalizedStart: 2, normalizedLength: 4, sourceStart: 5, sourceLength: 4),
      OffsetMap.Run(normalizedStart: 6, normalizedLength: 1, sourceStart: 13, sourceLength: 1),
      OffsetMap.Run(normalizedStart: 7, normalizedLength: 1, sourceStart: 14, sourceLength: 3),
      OffsetMap.Run(normalizedStart: 8, normalizedLength: 1, sourceStart: 17, sourceLength: 1),
    ]
    let target = TextSpan(
      file: file, text: Array("A Nato \u{FFFC}.".utf16),
      map: OffsetMap(runs: runs, count: 9, sourceBase: 16, sourceLength: 18),
      language: LanguageTag("en"), placeholders: [Placeholder(id: "1", kind: "ph", content: "{1}")])
    let nato = 16 + 5
    let findings = [
      Finding(
        ruleID: "term-case", severity: .warning, category: .terminology,
        message: "'Nato' is written 'NATO'",
        location: Location(file: file, utf16Range: nato..<(nato + 4)), matchedText: "Nato",
        side: "target"),
      Finding(
        ruleID: "missing-space", severity: .info, category: .style, message: "Add a space",
        location: Location(file: file, utf16Range: (16 + 17)..<(16 + 17)), matchedText: ""),
    ]
    let document = Document(
      file: file, format: "xliff",
      units: [TermlintCore.Unit(id: "u1", source: source, target: target)],
      sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    let html = HTMLReporter.render(
      RunReport(findings: findings, files: [file], rules: [], documents: [document]),
      options: ReportOptions())
    #expect(
      html.contains(
        "<td dir=\"auto\" lang=\"en\">A <mark class=\"hl s-warning\" data-f=\"f1\" tabindex=\"0\" title=\"'Nato' is written 'NATO'\">Nato</mark> "
          + "<span class=\"ph\" title=\"{1}\">1</span><mark class=\"hl caret s-info\" data-f=\"f2\" tabindex=\"0\" title=\"Add a space\"></mark>.</td>"
      ),
      "\(html)")
    #expect(!html.contains("&lt;g&gt;"), "markup is not shown in a unit's cell")
  }
}
