/// Checkstyle XML, as Checkstyle's XMLLogger writes it and reviewdog (`-f=checkstyle`),
/// Jenkins Warnings NG and Danger read it: one `<file>` per checked file (empty when clean), one
/// `<error>` per finding with a 1-based line and column, `error`/`warning`/`info` severity, and
/// `source="termlint.<rule-id>"`.
///
/// ```xml
/// <checkstyle version="4.3">
///   <file name="a.md">
///     <error line="3" column="27" severity="error" message="…" source="termlint.term-forbidden"/>
///   </file>
/// </checkstyle>
/// ```
public enum CheckstyleReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "checkstyle"
  public static let summary = "Checkstyle XML for reviewdog, Jenkins Warnings NG and Danger"
  public static let fileExtension = "xml"

  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
    for part in report.fileReports {
      let (path, findings) = (part.path, part.findings)
      guard !findings.isEmpty else {
        out += "  <file name=\"\(path.xmlEscaped)\"/>\n"
        continue
      }
      out += "  <file name=\"\(path.xmlEscaped)\">\n"
      for f in findings {
        out += "    <error line=\"\(f.location.line)\" column=\"\(f.location.column)\" severity=\"\(f.severity.rawValue)\" "
        out += "message=\"\(f.message.xmlEscaped)\" source=\"termlint.\(f.ruleID.xmlEscaped)\"/>\n"
      }
      out += "  </file>\n"
    }
    out += "</checkstyle>\n"
    return out
  }
}
