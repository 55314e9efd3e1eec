import TermlintGlossary
import TermlintText

/// GitHub Actions workflow commands, one annotation per finding:
///
/// ```
/// ::error file=a.md,line=3,col=27,endLine=3,endColumn=46,title=Forbidden Term [term-forbidden]::'security assurances' is deprecated …
/// ```
/// `error`, `warning` and `info` findings become `error`, `warning` and `notice` annotations.
/// `col` and `endColumn` are given only for a single-line span, as GitHub requires. Messages
/// escape `%`, CR and LF (`%25`, `%0D`, `%0A`); property values also escape `:` and `,`
/// (`%3A`, `%2C`). A plain summary line follows. GitHub shows only 10 annotations of each level
/// per step, so `jobSummary` gives every finding as Markdown for `$GITHUB_STEP_SUMMARY`.
///
/// Spec: https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
public enum GitHubActionsReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "github"
  public static let summary =
    "GitHub Actions annotations, plus a Markdown job summary in $GITHUB_STEP_SUMMARY"
  public static let fileExtension = "txt"

  /// Annotations of one level GitHub shows per step.
  public static let annotationsShownPerLevel = 10
  /// The size limit of a job summary, in bytes (GitHub allows 1 MiB per step).
  public static let jobSummaryLimit = 1_000_000

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    for f in report.findings {
      let l = f.location
      var properties: [(String, String)] = []
      if l.path != "-" {
        properties.append(("file", l.path.strippingDotSlash))
        properties.append(("line", "\(l.line)"))
        let endLine = l.utf16Length == 0 ? l.line : l.endLine
        if endLine == l.line {
          properties.append(("col", "\(l.column)"))
          properties.append(("endLine", "\(endLine)"))
          properties.append(("endColumn", "\(l.utf16Length == 0 ? l.column : l.endColumn)"))
        } else {
          properties.append(("endLine", "\(endLine)"))
        }
      }
      let title = report.rule(f.ruleID).map { "\($0.title) [\(f.ruleID)]" } ?? f.ruleID
      properties.append(("title", title))
      let list = properties.map { "\($0.0)=\($0.1.githubProperty)" }.joined(separator: ",")
      out.write("::\(f.severity.githubLevel) \(list)::\(f.message.githubData)\n")
    }
    let counts = report.counts
    out.write(
      "termlint: " + TextReporter.summaryLine(report, style: TextReporter.Style(enabled: false))
        + "\n")
    let hidden = Severity.allCases.filter { (counts[$0] ?? 0) > annotationsShownPerLevel }
    if !hidden.isEmpty {
      out.write(
        "termlint: GitHub shows only the first \(annotationsShownPerLevel) annotations of each level; the job summary lists all \(report.findings.count) findings\n"
      )
    }
  }

  /// Every finding as Markdown for `$GITHUB_STEP_SUMMARY`: the summary line, a table per file
  /// and a table of findings, cut short (with a note) before GitHub's 1 MiB limit.
  public static func jobSummary(_ report: RunReport) -> String? {
    var out = "## Termlint\n\n"
    out +=
      TextReporter.summaryLine(report, style: TextReporter.Style(enabled: false)).markdownCell
      + "\n\n"
    out +=
      "| File | Problems | Errors | Warnings | Info | Words | Quality score |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    for part in report.fileReports {
      let (path, findings, quality) = (part.path, part.findings, part.quality)
      let c = RunReport.counts(findings)
      let score = quality.score.map(QualityScore.format) ?? "–"
      out +=
        "| \(path.markdownCell) | \(findings.count) | \(c[.error] ?? 0) | \(c[.warning] ?? 0) | \(c[.info] ?? 0) | \(quality.words) | \(score) |\n"
    }
    guard !report.findings.isEmpty else { return out }
    out +=
      "\n### Findings\n\n| Location | Severity | Rule | Message | Suggestion |\n| --- | --- | --- | --- | --- |\n"
    let note =
      "\n_… and %d more findings: upload the SARIF report (`--format sarif`) to see them all._\n"
    for (i, f) in report.findings.enumerated() {
      let l = f.location
      let row =
        "| \("\(l.path):\(l.line):\(l.column)".markdownCell) | \(f.severity.rawValue) | \(f.ruleID.markdownCell) | "
        + "\(f.message.markdownCell) | \((ReportText.suggestion(f) ?? "").markdownCell) |\n"
      if out.utf8.count + row.utf8.count + note.utf8.count + 20 > jobSummaryLimit {
        out += note.replacingOccurrences(
          of: "%d", with: ReportText.grouped(report.findings.count - i))
        break
      }
      out += row
    }
    return out
  }
}

extension Severity {
  fileprivate var githubLevel: String {
    switch self {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "notice"
    }
  }
}

extension String {
  /// A workflow command's message: `%`, CR and LF percent-encoded.
  fileprivate var githubData: String {
    replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// A workflow command's property value: as a message, plus `:` and `,`.
  fileprivate var githubProperty: String {
    githubData.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  fileprivate var strippingDotSlash: String {
    var s = self
    while s.hasPrefix("./") { s.removeFirst(2) }
    return s
  }

  /// Text for a Markdown table cell: Markdown and HTML characters escaped, line breaks as `<br>`.
  fileprivate var markdownCell: String {
    var out = ""
    for c in ReportText.visibleKeepingLines(self).unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n": out += "<br>"
      case "\\", "`", "*", "_", "[", "]", "|", "~", "#": out += "\\" + String(c)
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
