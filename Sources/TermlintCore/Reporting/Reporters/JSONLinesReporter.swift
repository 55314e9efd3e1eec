import TermlintGlossary
import TermlintText

/// JSON Lines: one finding per line, each the same object as an item of the `json` format's
/// `findings` (schema version 1), compact, keys sorted; nothing else, so `jq` and `grep` can
/// read a stream of them. A run with no findings writes nothing.
///
/// ```
/// {"category":"terminology","column":27,"endColumn":46,"endLine":3,"fixable":true,"line":3,…}
/// ```
public enum JSONLinesReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "jsonl"
  public static let summary = "JSON Lines: one finding per line, for streaming and jq"
  public static let fileExtension = "jsonl"

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    for finding in report.findings { write(finding, to: &out) }
  }

  /// One finding as one line, ending in a line feed; callers that stream findings as files
  /// finish write these directly.
  public static func line(_ finding: Finding) -> String {
    var out = ReportWriter()
    write(finding, to: &out)
    return out.string
  }

  /// Writes one finding as one line, ending in a line feed.
  public static func write(_ finding: Finding, to out: inout ReportWriter) {
    // NOTE: JSON escapes line breaks inside strings, so one finding is one line.
    var json = JSONStream(pretty: false)
    JSONReporter.writeFinding(finding, &json, &out)
    out.write(ascii: 0x0A)
  }

  /// One finding through `JSONEncoder`, as before: the reference `write` is tested against.
  static func encoderLine(_ finding: Finding) -> String {
    JSONReporter.encode(JSONReporter.JSONFinding(finding), pretty: false) + "\n"
  }
}
