import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every rule's metadata with
/// help text in `tool.driver.rules`, `columnKind: unicodeCodePoints`, the original text as
/// `region.snippet`, `fixes` for suggestions, `relatedLocations` for the places a finding
/// refers to, and `partialFingerprints` that do not depend on line numbers, so code scanning
/// tracks a finding across edits elsewhere in the file.
///
/// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
public enum SARIFReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "sarif"
  public static let summary = "SARIF 2.1.0 for GitHub code scanning and other CI tools"
  public static let fileExtension = "sarif"

  /// The key of Termlint's entry in `partialFingerprints`.
  public static let fingerprintKey = "termlint/v1"

  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    let rules = report.rules.sorted { $0.id < $1.id }
    let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var occurrences: [String: Int] = [:]
    let results: [[String: Any]] = report.findings.map { f in
      let uri = f.location.path.sarifURI
      var result: [String: Any] = [
        "ruleId": f.ruleID,
        "level": f.severity.sarifLevel,
        "message": ["text": f.message],
        "locations": [["physicalLocation": [
          "artifactLocation": ["uri": uri],
          "region": region(f.location, snippet: f.matchedText),
        ]]],
      ]
      if let index = ruleIndex[f.ruleID] { result["ruleIndex"] = index }
      // Rule, file, text and message, plus the occurrence number of that combination: stable
      // when lines are added or removed elsewhere.
      let key = "\(f.ruleID)|\(uri)|\(f.matchedText)"
      let n = occurrences[key, default: 0]
      occurrences[key] = n + 1
      result["partialFingerprints"] = [fingerprintKey: fingerprint("\(key)|\(f.message)|\(n)")]
      if !f.related.isEmpty {
        result["relatedLocations"] = f.related.enumerated().map { (i, l) -> [String: Any] in
          let text = report.file(l.path)?.text(in: l.utf16Range)
          var related: [String: Any] = [
            "id": i + 1,
            "physicalLocation": ["artifactLocation": ["uri": l.path.sarifURI], "region": region(l, snippet: text)],
          ]
          if let text { related["message"] = ["text": "'\(text)' here"] }
          return related
        }
      }
      if let suggestion = f.suggestions.first {
        result["fixes"] = [[
          "description": ["text": fixDescription(f.matchedText, suggestion)],
          "artifactChanges": [[
            "artifactLocation": ["uri": uri],
            "replacements": [["deletedRegion": region(f.location, snippet: nil), "insertedContent": ["text": suggestion]]],
          ]],
        ]]
      }
      var properties: [String: Any] = ["category": f.category.rawValue]
      if let unit = f.unitID { properties["unit"] = unit }
      if let side = f.side { properties["side"] = side }
      if f.fixIsSafe && !f.suggestions.isEmpty { properties["fixable"] = true }
      result["properties"] = properties
      return result
    }
    let driver: [String: Any] = [
      "name": "termlint",
      "version": report.toolVersion,
      "semanticVersion": report.toolVersion,
      "informationUri": Termlint.informationURI,
      "rules": rules.map(ruleMetadata),
    ]
    let log: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [[
        "tool": ["driver": driver],
        "columnKind": "unicodeCodePoints",
        "artifacts": report.files.map { file -> [String: Any] in
          ["location": ["uri": file.path.sarifURI], "encoding": file.encoding.rawValue]
        },
        "results": results,
      ]],
    ]
    let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - Private

  /// A rule's `reportingDescriptor`: ids, descriptions, help as text and Markdown, default level.
  static func ruleMetadata(_ d: RuleDescriptor) -> [String: Any] {
    var properties: [String: Any] = ["category": d.category.rawValue, "tags": ["translation", d.category.rawValue]]
    if d.status != .stable { properties["status"] = d.status.rawValue }
    var rule: [String: Any] = [
      "id": d.id,
      "name": d.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
      "shortDescription": ["text": d.title],
      "fullDescription": ["text": d.summary],
      "help": ["text": d.summary + "\n\n" + d.rationale.plainText, "markdown": "**\(d.summary)**\n\n" + d.rationale],
      "helpUri": "\(Termlint.informationURI)/blob/main/Documentation/Rules.md#\(d.id)",
      "defaultConfiguration": ["level": d.defaultSeverity.sarifLevel],
      "properties": properties,
    ]
    if !d.deprecatedAliases.isEmpty { rule["deprecatedIds"] = d.deprecatedAliases }
    return rule
  }

  /// What a fix does, in words: replace, delete or insert.
  static func fixDescription(_ matched: String, _ suggestion: String) -> String {
    if suggestion.isEmpty { return "Delete '\(matched)'" }
    if matched.isEmpty { return "Insert '\(suggestion)'" }
    return "Replace '\(matched)' with '\(suggestion)'"
  }

  /// A SARIF region; an empty span is an insertion point (`endColumn == startColumn`).
  static func region(_ l: Location, snippet: String?) -> [String: Any] {
    var region: [String: Any] = [
      "startLine": l.line, "startColumn": l.column,
      "endLine": l.utf16Length == 0 ? l.line : l.endLine,
      "endColumn": l.utf16Length == 0 ? l.column : l.endColumn,
    ]
    if let snippet { region["snippet"] = ["text": snippet] }
    return region
  }

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
  /// A URI for SARIF's `artifactLocation.uri`: relative paths stay relative (forward slashes,
  /// percent-encoded) as GitHub wants them; absolute paths become `file://` URIs.
  fileprivate var sarifURI: String {
    if self == "-" { return "stdin" }
    var path = self
    while path.hasPrefix("./") { path.removeFirst(2) }
    let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":;"))
    let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return path.hasPrefix("/") ? "file://" + encoded : encoded
  }

  /// Markdown reduced to plain text for SARIF's `help.text`: no heading marks or emphasis stars.
  fileprivate var plainText: String {
    split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var s = String(line)
      while s.hasPrefix("#") { s.removeFirst() }
      if s.count < line.count { s = s.trimmingCharacters(in: .whitespaces) }
      return s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
    }.joined(separator: "\n")
  }
}
