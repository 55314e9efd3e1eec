import TermlintGlossary
import TermlintText

/// JUnit XML as Ant, Maven Surefire, Jenkins, GitLab and Azure DevOps read it: one
/// `<testsuite>` per checked file, one failing `<testcase>` per finding, and one passing test
/// case for a file without findings (so dashboards count it as checked).
///
/// ```xml
/// <testsuites name="termlint" tests="2" failures="1" errors="0" skipped="0" time="0">
///   <testsuite name="a.md" tests="1" failures="1" errors="0" skipped="0" time="0">
///     <testcase classname="termlint.term-forbidden" name="a.md:3:27 term-forbidden 'security assurances'" file="a.md" line="3" time="0">
///       <failure message="…" type="error">…</failure>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
/// Test case names include path, line and column, so consumers that key cases by
/// `classname` + `name` (GitLab) never merge two findings.
public enum JUnitReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "junit"
  public static let summary = "JUnit XML: a test suite per file, a failing test case per finding"
  public static let fileExtension = "xml"

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    let parts = report.fileSlices
    let cleanFiles = parts.filter(\.findings.isEmpty).count
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    out.write(
      "<testsuites name=\"termlint\" tests=\"\(report.findings.count + cleanFiles)\" failures=\"\(report.findings.count)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
    )
    for part in parts {
      let (path, findings, quality) = (part.path, part.findings, part.quality)
      let p = path.xmlEscaped
      out.write(
        "  <testsuite name=\"\(p)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
      )
      out.write("    <properties>\n")
      if let direction = report.directions[path] {
        if let source = direction.source {
          out.write(
            "      <property name=\"sourceLanguage\" value=\"\(source.value.xmlEscaped)\"/>\n")
        }
        if let target = direction.target {
          out.write(
            "      <property name=\"targetLanguage\" value=\"\(target.value.xmlEscaped)\"/>\n")
        }
        out.write(
          "      <property name=\"direction\" value=\"\(direction.description.xmlEscaped)\"/>\n")
      }
      out.write("      <property name=\"words\" value=\"\(quality.words)\"/>\n")
      out.write("      <property name=\"penaltyPoints\" value=\"\(quality.penaltyPoints)\"/>\n")
      if let score = quality.score {
        out.write(
          "      <property name=\"qualityScore\" value=\"\(QualityScore.format(score))\"/>\n")
      }
      out.write("    </properties>\n")
      if findings.isEmpty {
        out.write(
          "    <testcase classname=\"termlint\" name=\"\(p): no findings\" file=\"\(p)\" time=\"0\"/>\n"
        )
      }
      var names: [String: Int] = [:]
      var position = (line: 0, column: 0)
      for f in findings {
        let l = f.location
        // Names begin with the position, and findings are in position order: only names at
        // one position can repeat, so only theirs are remembered.
        if (l.line, l.column) != position {
          names.removeAll(keepingCapacity: true)
          position = (l.line, l.column)
        }
        var name =
          "\(path):\(l.line):\(l.column) \(f.ruleID) '\(ReportText.visible(f.matchedText))'"
        names[name, default: 0] += 1
        if let n = names[name], n > 1 { name += " (\(n))" }
        var body =
          "\(path):\(l.line):\(l.column)-\(l.endLine):\(l.endColumn) \(f.severity.rawValue) [\(f.ruleID)]\n\(f.message)"
        if let s = ReportText.suggestion(f) { body += "\nsuggestion: \(s)" }
        for r in f.related { body += "\nsee \(r.path):\(r.line):\(r.column)" }
        out.write(
          "    <testcase classname=\"termlint.\(f.ruleID.xmlEscaped)\" name=\"\(name.xmlEscaped)\" file=\"\(p)\" line=\"\(l.line)\" time=\"0\">\n"
        )
        out.write("      <failure message=\"")
        out.writeXMLEscaped(f.message)
        out.write("\" type=\"\(f.severity.rawValue)\">")
        out.writeXMLText(body)
        out.write("</failure>\n")
        out.write("    </testcase>\n")
      }
      out.write("  </testsuite>\n")
    }
    out.write("</testsuites>\n")
  }
}
