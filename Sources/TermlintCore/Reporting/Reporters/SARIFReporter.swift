import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every rule's metadata in
/// `tool.driver.rules`, `columnKind: unicodeCodePoints`, fixes for suggestions and
/// `partialFingerprints` that do not depend on line numbers.
public enum SARIFReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "sarif"
  public static let summary = "SARIF 2.1.0 for GitHub code scanning and other CI tools"

  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    let rules = report.rules.sorted { $0.id < $1.id }
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    var occurrences: [String: Int] = [:]
    let results: [[String: Any]] = report.findings.map { f in
      let uri = f.location.path.sarifURI
      var region: [String: Any] = [
        "startLine": f.location.line, "startColumn": f.location.column,
        "endLine": f.location.endLine, "endColumn": f.location.endColumn,
        "snippet": ["text": f.matchedText],
      ]
      if f.location.utf16Length == 0 { region["endColumn"] = f.location.column }
      var result: [String: Any] = [
        "ruleId": f.ruleID,
        "level": f.severity.sarifLevel,
        "message": ["text": f.message],
        "locations": [["physicalLocation": ["artifactLocation": ["uri": uri], "region": region]]],
      ]
      if let index = ruleIndex[f.ruleID] { result["ruleIndex"] = index }
      let key = "\(f.ruleID)|\(uri)|\(f.matchedText)"
      let n = occurrences[key, default: 0]
      occurrences[key] = n + 1
      result["partialFingerprints"] = ["termlint/v1": fingerprint("\(key)|\(f.message)|\(n)")]
      if !f.related.isEmpty {
        result["relatedLocations"] = f.related.enumerated().map { (i, l) -> [String: Any] in
          ["id": i, "physicalLocation": ["artifactLocation": ["uri": l.path.sarifURI],
            "region": ["startLine": l.line, "startColumn": l.column, "endLine": l.endLine, "endColumn": l.endColumn]]]
        }
      }
      if let suggestion = f.suggestions.first {
        result["fixes"] = [[
          "description": ["text": "Replace '\(f.matchedText)' with '\(suggestion)'"],
          "artifactChanges": [[
            "artifactLocation": ["uri": uri],
            "replacements": [[
              "deletedRegion": ["startLine": f.location.line, "startColumn": f.location.column, "endLine": f.location.endLine, "endColumn": f.location.endColumn],
              "insertedContent": ["text": suggestion],
            ]],
          ]],
        ]]
      }
      return result
    }
    let driver: [String: Any] = [
      "name": "termlint",
      "version": report.toolVersion,
      "semanticVersion": report.toolVersion,
      "informationUri": Termlint.informationURI,
      "rules": rules.map { d -> [String: Any] in
        [
          "id": d.id,
          "name": d.title.replacingOccurrences(of: " ", with: ""),
          "shortDescription": ["text": d.summary],
          "fullDescription": ["text": d.summary],
          "help": ["text": d.rationale, "markdown": d.rationale],
          "defaultConfiguration": ["level": d.defaultSeverity.sarifLevel],
          "properties": ["category": d.category.rawValue, "tags": ["translation", d.category.rawValue]],
        ]
      },
    ]
    let log: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [[
        "tool": ["driver": driver],
        "columnKind": "unicodeCodePoints",
        "artifacts": report.files.map { ["location": ["uri": $0.path.sarifURI], "encoding": $0.encoding.rawValue] },
        "results": results,
      ]],
    ]
    let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - Private

  /// 64-bit FNV-1a as 16 hex digits: stable across runs and platforms.
  static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

extension Severity {
  fileprivate var sarifLevel: String {
    switch self {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }
}

extension String {
  /// A relative, forward-slash, percent-encoded URI for SARIF's `artifactLocation.uri`.
  fileprivate var sarifURI: String {
    if self == "-" { return "stdin" }
    var path = self
    while path.hasPrefix("./") { path.removeFirst(2) }
    let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }
}
