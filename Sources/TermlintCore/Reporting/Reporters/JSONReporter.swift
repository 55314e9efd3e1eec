import Foundation
import TermlintGlossary
import TermlintText

/// One JSON document, schema version 1, documented in `Documentation/Output.md` and described by
/// `Documentation/termlint-report.schema.json`:
///
/// ```json
/// {"schemaVersion": 1, "tool": {"name": "termlint", "version": "…"},
///  "summary": {"files": 1, "findings": 2, "error": 1, "warning": 1, "info": 0,
///    "words": 212, "penaltyPoints": 6, "qualityScore": 97.17, "direction": "ru → en",
///    "directions": [{"direction": "ru → en", "sourceLanguage": "ru", "targetLanguage": "en",
///      "monolingual": false, "files": 1}]},
///  "files": [{"path": "…", "words": 212, "findings": 2, "error": 1, "warning": 1, "info": 0,
///    "penaltyPoints": 6, "qualityScore": 97.17, "direction": "ru → en", "sourceLanguage": "ru",
///    "targetLanguage": "en", "monolingual": false}],
///  (bilingual files also "untranslated": 3, "translatableUnits": 120, per file and in total)
///  "findings": [{"ruleId": "…", "severity": "error", "category": "terminology",
///    "message": "…", "path": "…", "line": 3, "column": 5, "endLine": 3, "endColumn": 24,
///    "text": "…", "suggestions": ["…"], "fixable": true, "unit": "p2", "side": "target",
///    "related": [{"path": "…", "line": 1, "column": 1, "endLine": 1, "endColumn": 5}]}]}
/// ```
/// Keys are sorted; columns are 1-based Unicode code points; `endColumn` is exclusive. Keys may
/// be added within a schema version; removing or changing one bumps `schemaVersion`.
public enum JSONReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "json"
  public static let summary = "one JSON document with a versioned, documented schema"
  public static let fileExtension = "json"

  /// The schema version; bumped on any incompatible change.
  public static let schemaVersion = 1

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    // Keys are sorted: `files` (small, encoded as before), then `findings` written finding by
    // finding, then the rest (schema version, summary, tool; encoded).
    var json = JSONStream(pretty: true)
    json.open(0x7B, &out)
    json.key("files", &out)
    json.encoded(encode(files(report), pretty: true), &out)
    json.key("findings", &out)
    json.open(0x5B, &out)
    for finding in report.findings {
      json.element(&out)
      writeFinding(finding, &json, &out)
    }
    json.close(0x5D, &out)
    let rest = encode(rest(report), pretty: true)
    // `{` + the members at depth 1 + `}`: they continue this object.
    out.write(ascii: 0x2C)
    out.write(rest.dropFirst())
    out.write(ascii: 0x0A)
  }

  /// The whole report through `JSONEncoder`, as it was rendered before findings were written
  /// one by one: the reference `write` is tested against, byte for byte.
  static func encoderRender(_ report: RunReport) -> String {
    let rest = rest(report)
    let document = JSONDocument(
      schemaVersion: rest.schemaVersion, tool: rest.tool, summary: rest.summary,
      files: report.fileReports.map {
        fileSummary(path: $0.path, findings: $0.findings, quality: $0.quality, in: report)
      },
      findings: report.findings.map(JSONFinding.init))
    return encode(document, pretty: true) + "\n"
  }

  /// The `files` of the document.
  static func files(_ report: RunReport) -> [JSONFileSummary] {
    report.fileSlices.map {
      fileSummary(path: $0.path, findings: $0.findings, quality: $0.quality, in: report)
    }
  }

  /// One member of `files`: a file's path, summary and direction.
  private static func fileSummary(
    path: String, findings: some Collection<Finding>, quality: QualityScore, in report: RunReport
  ) -> JSONFileSummary {
    JSONFileSummary(
      path: path,
      summary: JSONSummary(
        findings: findings, quality: quality, files: nil,
        progress: report.translationProgress[path]),
      direction: report.directions[path])
  }

  /// The members of the document after its findings.
  static func rest(_ report: RunReport) -> JSONRest {
    JSONRest(
      schemaVersion: schemaVersion,
      tool: .init(name: "termlint", version: report.toolVersion),
      summary: JSONSummary(
        findings: report.findings, quality: report.quality, files: report.files.count,
        directions: report,
        progress: report.totalTranslationProgress))
  }

  /// One finding as `JSONFinding` encodes it (same keys, order and escaping), written directly.
  static func writeFinding(_ f: Finding, _ json: inout JSONStream, _ out: inout ReportWriter) {
    json.open(0x7B, &out)
    json.member("category", f.category.rawValue, &out)
    json.member("column", f.location.column, &out)
    json.member("endColumn", f.location.endColumn, &out)
    json.member("endLine", f.location.endLine, &out)
    json.member("fixable", f.fixIsSafe && !f.suggestions.isEmpty, &out)
    json.member("line", f.location.line, &out)
    json.member("message", f.message, &out)
    json.member("path", f.location.path, &out)
    json.key("related", &out)
    json.open(0x5B, &out)
    for r in f.related {
      json.element(&out)
      json.open(0x7B, &out)
      json.member("column", r.column, &out)
      json.member("endColumn", r.endColumn, &out)
      json.member("endLine", r.endLine, &out)
      json.member("line", r.line, &out)
      json.member("path", r.path, &out)
      json.close(0x7D, &out)
    }
    json.close(0x5D, &out)
    json.member("ruleId", f.ruleID, &out)
    json.member("severity", f.severity.rawValue, &out)
    if let side = f.side { json.member("side", side, &out) }
    json.member("suggestions", f.suggestions, &out)
    json.member("text", f.matchedText, &out)
    if let unit = f.unitID { json.member("unit", unit, &out) }
    json.close(0x7D, &out)
  }

  // MARK: - Shared with `jsonl`

  /// Encodes a value with sorted keys and unescaped slashes; `{}` if encoding fails.
  static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// One finding as the `findings[]` items of the JSON format and the lines of `jsonl`.
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

  // MARK: - Private

  struct JSONRest: Encodable {
    let schemaVersion: Int
    let tool: JSONDocument.Tool
    let summary: JSONSummary
  }

  struct JSONDocument: Encodable {
    struct Tool: Encodable {
      let name: String
      let version: String
    }
    let schemaVersion: Int
    let tool: Tool
    let summary: JSONSummary
    let files: [JSONFileSummary]
    let findings: [JSONFinding]
  }

  /// The languages of a file, or of the files of one direction (`summary.directions`).
  struct JSONDirection: Encodable {
    let direction: String
    let sourceLanguage: String?, targetLanguage: String?
    let monolingual: Bool
    let files: Int?

    init(_ d: LanguageDirection, files: Int? = nil) {
      direction = d.description
      sourceLanguage = d.source?.value
      targetLanguage = d.target?.value
      monolingual = !d.isBilingual
      self.files = files
    }
  }

  /// An optional that the synthesized encoding writes as `null` instead of leaving its key out.
  struct NullWhenAbsent<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    let value: Wrapped?
    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      if let value { try c.encode(value) } else { try c.encodeNil() }
    }
  }

  struct JSONSummary: Encodable {
    let files: Int?
    let findings: Int, error: Int, warning: Int, info: Int
    let words: Int, penaltyPoints: Int
    /// Null, not absent, when no words were checked, so the key is always there.
    let qualityScore: NullWhenAbsent<Double>
    /// The run's direction (`ru → en`; several joined, see `RunReport.directionSummary`).
    var direction: String? = nil
    /// One entry per direction, with its file count.
    var directions: [JSONDirection]? = nil
    /// Bilingual files only: units not translated yet, and units with source text.
    let untranslated: Int?, translatableUnits: Int?

    init(
      findings: some Collection<Finding>, quality: QualityScore, files: Int?,
      directions report: RunReport? = nil, progress: TranslationProgress? = nil
    ) {
      untranslated = progress?.untranslated
      translatableUnits = progress?.units
      if let report, let summary = report.directionSummary {
        direction = summary
        directions = report.directionCounts.map { JSONDirection($0.direction, files: $0.files) }
      }
      let c = RunReport.counts(findings)
      self.files = files
      self.findings = findings.count
      error = c[.error] ?? 0
      warning = c[.warning] ?? 0
      info = c[.info] ?? 0
      words = quality.words
      penaltyPoints = quality.penaltyPoints
      qualityScore = NullWhenAbsent(quality.roundedScore)
    }
  }

  struct JSONFileSummary: Encodable {
    let path: String
    let summary: JSONSummary
    var direction: LanguageDirection? = nil

    func encode(to encoder: any Encoder) throws {
      enum Key: String, CodingKey { case path }
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(path, forKey: .path)
      try summary.encode(to: encoder)
      // The file's languages: `direction`, `sourceLanguage`, `targetLanguage`, `monolingual`.
      if let direction { try JSONDirection(direction).encode(to: encoder) }
    }
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
}
