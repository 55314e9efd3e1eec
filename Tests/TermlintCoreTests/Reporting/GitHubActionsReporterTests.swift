import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("GitHub Actions reporter")
struct GitHubActionsReporterTests {
  static func report(
    path: String, text: String, range: Range<Int>, severity: Severity = .error, message: String
  ) -> RunReport {
    let file = SourceFile(path: path, text: text)
    let finding = Finding(
      ruleID: "term-forbidden", severity: severity, category: .terminology, message: message,
      location: Location(file: file, utf16Range: range), matchedText: file.text(in: range))
    return RunReport(findings: [finding], files: [file], rules: ReportFixture.rules)
  }

  @Test func escapesDataAndProperties() {
    let r = Self.report(
      path: "./a:b,c%.md", text: "x Nato y\n", range: 2..<6, message: "50% done,\r\nnext: 'it'")
    let first = GitHubActionsReporter.render(r, options: ReportOptions()).split(separator: "\n")[0]
    #expect(
      first
        == "::error file=a%3Ab%2Cc%25.md,line=1,col=3,endLine=1,endColumn=7,title=Forbidden Term [term-forbidden]::50%25 done,%0D%0Anext: 'it'"
    )
  }

  @Test func columnsOnlyForSingleLineSpansAndLevels() {
    let multi = Self.report(
      path: "m.md", text: "a security\nassurances b\n", range: 2..<21, severity: .warning,
      message: "m")
    #expect(
      GitHubActionsReporter.render(multi, options: ReportOptions()).hasPrefix(
        "::warning file=m.md,line=1,endLine=2,title="))
    let empty = Self.report(
      path: "e.md", text: "a,b\n", range: 2..<2, severity: .info, message: "m")
    #expect(
      GitHubActionsReporter.render(empty, options: ReportOptions()).hasPrefix(
        "::notice file=e.md,line=1,col=3,endLine=1,endColumn=3,title="))
    let stdin = Self.report(path: "-", text: "Nato\n", range: 0..<4, message: "m")
    #expect(
      GitHubActionsReporter.render(stdin, options: ReportOptions()).hasPrefix(
        "::error title=Forbidden Term [term-forbidden]::m\n"))
  }

  @Test func notesWhenGitHubWillHideAnnotations() {
    let file = SourceFile(path: "n.md", text: String(repeating: "Nato ", count: 12) + "\n")
    let findings = (0..<12).map { i in
      Finding(
        ruleID: "term-case", severity: .warning, category: .terminology, message: "m\(i)",
        location: Location(file: file, utf16Range: (5 * i)..<(5 * i + 4)), matchedText: "Nato")
    }
    let out = GitHubActionsReporter.render(
      RunReport(findings: findings, files: [file], rules: []), options: ReportOptions())
    #expect(out.split(separator: "\n").filter { $0.hasPrefix("::warning ") }.count == 12)
    #expect(
      out.contains(
        "GitHub shows only the first 10 annotations of each level; the job summary lists all 12 findings"
      ))
  }

  @Test func jobSummaryListsEveryFindingWithMarkdownEscaped() throws {
    let summary = try #require(GitHubActionsReporter.jobSummary(ReportFixture.report))
    #expect(
      summary.hasPrefix("## Termlint\n\n8 problems (3 errors, 3 warnings, 2 info) in 3 files"))
    let rows = summary.split(separator: "\n").filter {
      $0.hasPrefix("| articles/") && $0.contains(":")
    }
    #expect(rows.count == ReportFixture.report.findings.count)
    #expect(summary.contains("used first on line 4;<br>use one \"variant\" throughout"))
    #expect(summary.contains("| articles/clean.md | 0 | 0 | 0 | 0 | 4 | 100.0 |"))
    let pipe = Self.report(
      path: "p.md", text: "a|b <i>\n", range: 0..<3, message: "'a|b' is *wrong* <i>")
    #expect(
      try #require(GitHubActionsReporter.jobSummary(pipe)).contains(
        "| 'a\\|b' is \\*wrong\\* &lt;i&gt; |"))
    #expect(
      TextReporter.jobSummary(ReportFixture.report) == nil,
      "only the github format writes a job summary")
  }

  @Test func jobSummaryStaysUnderGitHubsLimit() throws {
    let text = String(repeating: "Nato\n", count: 6000)
    let file = SourceFile(path: "big.md", text: text)
    let message = String(repeating: "long message ", count: 20)
    let findings = (0..<6000).map { i in
      Finding(
        ruleID: "term-case", severity: .warning, category: .terminology, message: message,
        location: Location(file: file, utf16Range: (5 * i)..<(5 * i + 4)), matchedText: "Nato")
    }
    let summary = try #require(
      GitHubActionsReporter.jobSummary(RunReport(findings: findings, files: [file], rules: [])))
    #expect(summary.utf8.count <= GitHubActionsReporter.jobSummaryLimit)
    #expect(summary.contains("more findings: upload the SARIF report"))
  }
}
