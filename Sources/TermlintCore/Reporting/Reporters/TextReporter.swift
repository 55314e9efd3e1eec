/// Human-readable output:
///
/// ```
/// path:line:column: severity: message [rule-id]
///   <the source line>
///   <caret marker under the span>
///   suggestion: <replacement>
/// ```
/// followed by a summary line.
public enum TextReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "text"
  public static let summary = "readable lines with the source line and a caret marker (default)"

  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    var out = ""
    for f in report.findings {
      let l = f.location
      let severity = options.color ? f.severity.colored : f.severity.rawValue
      out += "\(l.path):\(l.line):\(l.column): \(severity): \(f.message.singleLine) [\(f.ruleID)]\n"
      if let file = report.file(l.path) {
        let line = file.lineText(l.line)
        let lastColumn = l.endLine == l.line ? max(l.endColumn, l.column + 1) : line.unicodeScalars.count + 1
        out += "  \(line.expandingTabsForDisplay)\n"
        out += "  \(marker(line: line, from: l.column, to: lastColumn, color: options.color))\n"
      }
      if let s = f.suggestions.first { out += "  suggestion: \(s.singleLine)\n" }
    }
    let c = report.counts
    let total = report.findings.count
    let files = report.files.count
    out += total == 0
      ? "No problems found in \(files) file\(files == 1 ? "" : "s").\n"
      : "\(total) problem\(total == 1 ? "" : "s") (\(c[.error] ?? 0) error\((c[.error] ?? 0) == 1 ? "" : "s"), \(c[.warning] ?? 0) warning\((c[.warning] ?? 0) == 1 ? "" : "s"), \(c[.info] ?? 0) info) in \(files) file\(files == 1 ? "" : "s").\n"
    return out
  }

  // MARK: - Private

  private static func marker(line: String, from column: Int, to endColumn: Int, color: Bool) -> String {
    var s = ""
    for (k, scalar) in line.unicodeScalars.enumerated() where k + 1 < column {
      s += scalar == "\t" ? "    " : " "
    }
    let width = max(1, endColumn - column)
    let caret = "^" + String(repeating: "~", count: width - 1)
    return s + (color ? "\u{1B}[1;32m\(caret)\u{1B}[0m" : caret)
  }
}

extension String {
  fileprivate var singleLine: String {
    replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
  }

  fileprivate var expandingTabsForDisplay: String { replacingOccurrences(of: "\t", with: "    ") }
}

extension Severity {
  fileprivate var colored: String {
    switch self {
    case .error: return "\u{1B}[1;31merror\u{1B}[0m"
    case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
    case .info: return "\u{1B}[1;36minfo\u{1B}[0m"
    }
  }
}

import Foundation
