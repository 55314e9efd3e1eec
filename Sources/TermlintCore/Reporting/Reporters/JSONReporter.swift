import Foundation

/// Stable JSON (schema version 1), documented in the README:
///
/// ```json
/// {"schemaVersion": 1, "tool": {"name": "termlint", "version": "…"},
///  "summary": {"files": 1, "findings": 2, "error": 1, "warning": 1, "info": 0},
///  "findings": [{"ruleId": "…", "severity": "error", "category": "terminology",
///    "message": "…", "path": "…", "line": 3, "column": 5, "endLine": 3, "endColumn": 24,
///    "text": "…", "suggestions": ["…"], "fixable": true, "unit": "p2", "side": "target",
///    "related": [{"path": "…", "line": 1, "column": 1, "endLine": 1, "endColumn": 5}]}]}
/// ```
/// Keys are sorted; columns are 1-based Unicode code points; `endColumn` is exclusive.
public enum JSONReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "json"
  public static let summary = "one JSON document with a versioned, documented schema"

  /// The schema version; bumped on any incompatible change.
  public static let schemaVersion = 1

  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    let c = report.counts
    let document = JSONDocument(
      schemaVersion: schemaVersion,
      tool: .init(name: "termlint", version: report.toolVersion),
      summary: .init(files: report.files.count, findings: report.findings.count, error: c[.error] ?? 0, warning: c[.warning] ?? 0, info: c[.info] ?? 0),
      findings: report.findings.map(JSONFinding.init))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - Private

  struct JSONDocument: Encodable {
    struct Tool: Encodable { let name: String; let version: String }
    struct Summary: Encodable { let files: Int; let findings: Int; let error: Int; let warning: Int; let info: Int }
    let schemaVersion: Int
    let tool: Tool
    let summary: Summary
    let findings: [JSONFinding]
  }

  struct JSONRange: Encodable {
    let path: String, line: Int, column: Int, endLine: Int, endColumn: Int
    init(_ l: Location) {
      path = l.path
      line = l.line
      column = l.column
      endLine = l.endLine
      endColumn = l.endColumn
    }
  }

  struct JSONFinding: Encodable {
    let ruleId: String, severity: String, category: String, message: String
    let path: String, line: Int, column: Int, endLine: Int, endColumn: Int
    let text: String, suggestions: [String], fixable: Bool
    let unit: String?, side: String?
    let related: [JSONRange]

    init(_ f: Finding) {
      ruleId = f.ruleID
      severity = f.severity.rawValue
      category = f.category.rawValue
      message = f.message
      path = f.location.path
      line = f.location.line
      column = f.location.column
      endLine = f.location.endLine
      endColumn = f.location.endColumn
      text = f.matchedText
      suggestions = f.suggestions
      fixable = f.fixIsSafe && !f.suggestions.isEmpty
      unit = f.unitID
      side = f.side
      related = f.related.map(JSONRange.init)
    }
  }
}
