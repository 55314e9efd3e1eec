import TermlintGlossary
import TermlintText

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

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
    for part in report.fileSlices {
      let (path, findings) = (part.path, part.findings)
      guard !findings.isEmpty else {
        out.write("  <file name=\"\(path.xmlEscaped)\"/>\n")
        continue
      }
      out.write("  <file name=\"\(path.xmlEscaped)\">\n")
      for f in findings {
        out.write(
          "    <error line=\"\(f.location.line)\" column=\"\(f.location.column)\" severity=\"\(f.severity.rawValue)\" "
        )
        out.write("message=\"")
        out.writeXMLEscaped(f.message)
        out.write("\" source=\"termlint.")
        out.writeXMLEscaped(f.ruleID)
        out.write("\"/>\n")
      }
      out.write("  </file>\n")
    }
    out.write("</checkstyle>\n")
  }
}
