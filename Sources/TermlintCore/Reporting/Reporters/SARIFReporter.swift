import Foundation
import TermlintGlossary
import TermlintText

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

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    let rules = report.rules.sorted { $0.id < $1.id }
    let ruleIndex = Dictionary(
      rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var files: [String: SourceFile] = [:]
    for file in report.files where files[file.path] == nil { files[file.path] = file }
    // Keys are sorted: the run's artifacts, column kind and properties (small, encoded as
    // before), then its results one by one, then the tool with its rules (encoded).
    var json = JSONStream(pretty: true)
    json.open(0x7B, &out)
    json.member("$schema", Log.schemaURI, &out)
    json.key("runs", &out)
    json.open(0x5B, &out)
    json.element(&out)
    let head = JSONReporter.encode(
      RunHead(
        artifacts: report.files.map {
          Artifact(location: .init(uri: $0.path.sarifURI), encoding: $0.encoding.rawValue)
        },
        columnKind: "unicodeCodePoints", properties: RunProperties(report)),
      pretty: true)
    json.encoded(String(head.dropLast(2)), &out)  // without its closing `\n}`
    json.resume()
    json.key("results", &out)
    json.open(0x5B, &out)
    var occurrences: [String: Int] = [:]
    var uris: [String: String] = [:]
    for f in report.findings {
      let uri = uris[f.location.path] ?? f.location.path.sarifURI
      uris[f.location.path] = uri
      // Rule, file, text and message, plus the occurrence number of that combination: stable
      // when lines are added or removed elsewhere.
      let key = "\(f.ruleID)|\(uri)|\(f.matchedText)"
      let n = occurrences[key, default: 0]
      occurrences[key] = n + 1
      json.element(&out)
      writeResult(
        f, uri: uri, ruleIndex: ruleIndex[f.ruleID],
        fingerprint: Fingerprint.of("\(key)|\(f.message)|\(n)"), files: files,
        &json, &out)
    }
    json.close(0x5D, &out)
    json.key("tool", &out)
    let driver = Driver(
      name: "termlint", version: report.toolVersion, semanticVersion: report.toolVersion,
      informationUri: Termlint.informationURI, rules: rules.map(Rule.init))
    json.encoded(JSONReporter.encode(Tool(driver: driver), pretty: true), &out)
    json.close(0x7D, &out)
    json.close(0x5D, &out)
    json.member("version", "2.1.0", &out)
    json.close(0x7D, &out)
    out.write(ascii: 0x0A)
  }

  /// One result as `Result` encodes it (same keys, order and escaping), written directly.
  static func writeResult(
    _ f: Finding, uri: String, ruleIndex: Int?, fingerprint: String, files: [String: SourceFile],
    _ json: inout JSONStream, _ out: inout ReportWriter
  ) {
    json.open(0x7B, &out)
    if let suggestion = f.suggestions.first {
      json.key("fixes", &out)
      json.open(0x5B, &out)
      json.element(&out)
      json.open(0x7B, &out)
      json.key("artifactChanges", &out)
      json.open(0x5B, &out)
      json.element(&out)
      json.open(0x7B, &out)
      json.key("artifactLocation", &out)
      json.open(0x7B, &out)
      json.member("uri", uri, &out)
      json.close(0x7D, &out)
      json.key("replacements", &out)
      json.open(0x5B, &out)
      json.element(&out)
      json.open(0x7B, &out)
      json.key("deletedRegion", &out)
      writeRegion(f.location, snippet: nil, &json, &out)
      json.textMember("insertedContent", suggestion, &out)
      json.close(0x7D, &out)
      json.close(0x5D, &out)
      json.close(0x7D, &out)
      json.close(0x5D, &out)
      json.textMember("description", fixDescription(f.matchedText, suggestion), &out)
      json.close(0x7D, &out)
      json.close(0x5D, &out)
    }
    json.member("level", f.severity.sarifLevel, &out)
    json.key("locations", &out)
    json.open(0x5B, &out)
    json.element(&out)
    json.open(0x7B, &out)
    json.key("physicalLocation", &out)
    writePhysicalLocation(uri, f.location, snippet: f.matchedText, &json, &out)
    json.close(0x7D, &out)
    json.close(0x5D, &out)
    json.textMember("message", f.message, &out)
    json.key("partialFingerprints", &out)
    json.open(0x7B, &out)
    json.key(string: fingerprintKey, &out)
    out.writeJSONString(fingerprint)
    json.close(0x7D, &out)
    json.key("properties", &out)
    json.open(0x7B, &out)
    json.member("category", f.category.rawValue, &out)
    if f.fixIsSafe && !f.suggestions.isEmpty { json.member("fixable", true, &out) }
    if let side = f.side { json.member("side", side, &out) }
    if let unit = f.unitID { json.member("unit", unit, &out) }
    json.close(0x7D, &out)
    if !f.related.isEmpty {
      json.key("relatedLocations", &out)
      json.open(0x5B, &out)
      for (i, l) in f.related.enumerated() {
        let text = files[l.path]?.text(in: l.utf16Range)
        json.element(&out)
        json.open(0x7B, &out)
        json.member("id", i + 1, &out)
        if let text { json.textMember("message", "'\(text)' here", &out) }
        json.key("physicalLocation", &out)
        writePhysicalLocation(l.path.sarifURI, l, snippet: text, &json, &out)
        json.close(0x7D, &out)
      }
      json.close(0x5D, &out)
    }
    json.member("ruleId", f.ruleID, &out)
    if let ruleIndex { json.member("ruleIndex", ruleIndex, &out) }
    json.close(0x7D, &out)
  }

  static func writePhysicalLocation(
    _ uri: String, _ l: Location, snippet: String?, _ json: inout JSONStream,
    _ out: inout ReportWriter
  ) {
    json.open(0x7B, &out)
    json.key("artifactLocation", &out)
    json.open(0x7B, &out)
    json.member("uri", uri, &out)
    json.close(0x7D, &out)
    json.key("region", &out)
    writeRegion(l, snippet: snippet, &json, &out)
    json.close(0x7D, &out)
  }

  /// A region as `Region` encodes it.
  static func writeRegion(
    _ l: Location, snippet: String?, _ json: inout JSONStream, _ out: inout ReportWriter
  ) {
    json.open(0x7B, &out)
    json.member("endColumn", l.utf16Length == 0 ? l.column : l.endColumn, &out)
    json.member("endLine", l.utf16Length == 0 ? l.line : l.endLine, &out)
    if let snippet { json.textMember("snippet", snippet, &out) }
    json.member("startColumn", l.column, &out)
    json.member("startLine", l.line, &out)
    json.close(0x7D, &out)
  }

  /// The whole log through `JSONEncoder`, as it was rendered before results were written one
  /// by one: the reference `write` is tested against, byte for byte.
  static func encoderRender(_ report: RunReport) -> String {
    let rules = report.rules.sorted { $0.id < $1.id }
    let ruleIndex = Dictionary(
      rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var files: [String: SourceFile] = [:]
    for file in report.files where files[file.path] == nil { files[file.path] = file }
    var occurrences: [String: Int] = [:]
    let results = report.findings.map { f -> Result in
      let uri = f.location.path.sarifURI
      // Rule, file, text and message, plus the occurrence number of that combination: stable
      // when lines are added or removed elsewhere.
      let key = "\(f.ruleID)|\(uri)|\(f.matchedText)"
      let n = occurrences[key, default: 0]
      occurrences[key] = n + 1
      let related = f.related.enumerated().map { (i, l) -> RelatedLocation in
        let text = files[l.path]?.text(in: l.utf16Range)
        return RelatedLocation(
          id: i + 1, message: text.map { Message(text: "'\($0)' here") },
          physicalLocation: PhysicalLocation(
            artifactLocation: .init(uri: l.path.sarifURI), region: Region(l, snippet: text)))
      }
      let fixes = f.suggestions.first.map { suggestion in
        [
          Fix(
            description: Message(text: fixDescription(f.matchedText, suggestion)),
            artifactChanges: [
              ArtifactChange(
                artifactLocation: .init(uri: uri),
                replacements: [
                  Replacement(
                    deletedRegion: Region(f.location, snippet: nil),
                    insertedContent: Message(text: suggestion))
                ])
            ])
        ]
      }
      let location = PhysicalLocation(
        artifactLocation: .init(uri: uri), region: Region(f.location, snippet: f.matchedText))
      return Result(
        ruleId: f.ruleID, ruleIndex: ruleIndex[f.ruleID], level: f.severity.sarifLevel,
        message: Message(text: f.message),
        locations: [ResultLocation(physicalLocation: location)],
        partialFingerprints: [fingerprintKey: Fingerprint.of("\(key)|\(f.message)|\(n)")],
        relatedLocations: related.isEmpty ? nil : related, fixes: fixes,
        properties: ResultProperties(
          category: f.category.rawValue, unit: f.unitID, side: f.side,
          fixable: f.fixIsSafe && !f.suggestions.isEmpty ? true : nil))
    }
    let driver = Driver(
      name: "termlint", version: report.toolVersion, semanticVersion: report.toolVersion,
      informationUri: Termlint.informationURI, rules: rules.map(Rule.init))
    let log = Log(runs: [
      Run(
        tool: Tool(driver: driver),
        columnKind: "unicodeCodePoints",
        artifacts: report.files.map {
          Artifact(location: .init(uri: $0.path.sarifURI), encoding: $0.encoding.rawValue)
        },
        results: results, properties: RunProperties(report))
    ])
    return JSONReporter.encode(log, pretty: true) + "\n"
  }

  // MARK: - Private

  // NOTE: Encodable structs rather than JSONSerialization of dictionaries: JSONEncoder writes
  // 12,000 results several times faster and with much less memory.
  struct Log: Encodable {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    let schema = Log.schemaURI
    let version = "2.1.0"
    let runs: [Run]
    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version
      case runs
    }
  }

  /// The members of a run before its results.
  struct RunHead: Encodable {
    let artifacts: [Artifact]
    let columnKind: String
    let properties: RunProperties?
  }

  struct Run: Encodable {
    let tool: Tool
    let columnKind: String
    let artifacts: [Artifact]
    let results: [Result]
    let properties: RunProperties?
  }

  /// The run's property bag: the direction the files were checked in (`direction`, as the text
  /// summary says it, and `directions`, one entry per direction with its languages and files).
  struct RunProperties: Encodable {
    struct Direction: Encodable {
      let sourceLanguage: String?, targetLanguage: String?, monolingual: Bool, files: Int
    }
    let direction: String
    let directions: [Direction]

    init?(_ report: RunReport) {
      guard let summary = report.directionSummary else { return nil }
      direction = summary
      directions = report.directionCounts.map {
        Direction(
          sourceLanguage: $0.direction.source?.value, targetLanguage: $0.direction.target?.value,
          monolingual: !$0.direction.isBilingual, files: $0.files)
      }
    }
  }

  struct Tool: Encodable { let driver: Driver }

  struct Driver: Encodable {
    let name: String, version: String, semanticVersion: String, informationUri: String
    let rules: [Rule]
  }

  /// A rule's `reportingDescriptor`: ids, descriptions, help as text and Markdown, default level.
  struct Rule: Encodable {
    struct Help: Encodable { let text: String, markdown: String }
    struct Configuration: Encodable { let level: String }
    struct Properties: Encodable { let category: String, tags: [String], status: String? }
    let id: String, name: String
    let shortDescription: Message, fullDescription: Message, help: Help
    let helpUri: String
    let defaultConfiguration: Configuration
    let properties: Properties
    let deprecatedIds: [String]?

    init(_ d: RuleDescriptor) {
      id = d.id
      name = d.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map {
        $0.prefix(1).uppercased() + $0.dropFirst()
      }.joined()
      shortDescription = Message(text: d.title)
      fullDescription = Message(text: d.summary)
      help = Help(
        text: d.summary + "\n\n" + d.rationale.plainText,
        markdown: "**\(d.summary)**\n\n" + d.rationale)
      helpUri = "\(Termlint.informationURI)/blob/main/Documentation/Rules.md#\(d.id)"
      defaultConfiguration = Configuration(level: d.defaultSeverity.sarifLevel)
      properties = Properties(
        category: d.category.rawValue, tags: ["translation", d.category.rawValue],
        status: d.status == .stable ? nil : d.status.rawValue)
      deprecatedIds = d.deprecatedAliases.isEmpty ? nil : d.deprecatedAliases
    }
  }

  struct Message: Encodable { let text: String }
  struct ArtifactLocation: Encodable { let uri: String }
  struct Artifact: Encodable { let location: ArtifactLocation, encoding: String }

  struct Result: Encodable {
    let ruleId: String
    let ruleIndex: Int?
    let level: String
    let message: Message
    let locations: [ResultLocation]
    let partialFingerprints: [String: String]
    let relatedLocations: [RelatedLocation]?
    let fixes: [Fix]?
    let properties: ResultProperties
  }

  struct ResultLocation: Encodable { let physicalLocation: PhysicalLocation }
  struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation, region: Region }
  struct RelatedLocation: Encodable {
    let id: Int, message: Message?, physicalLocation: PhysicalLocation
  }
  struct Fix: Encodable { let description: Message, artifactChanges: [ArtifactChange] }
  struct ArtifactChange: Encodable {
    let artifactLocation: ArtifactLocation, replacements: [Replacement]
  }
  struct Replacement: Encodable { let deletedRegion: Region, insertedContent: Message }
  struct ResultProperties: Encodable {
    let category: String, unit: String?, side: String?, fixable: Bool?
  }

  /// A SARIF region; an empty span is an insertion point (`endColumn == startColumn`).
  struct Region: Encodable {
    let startLine: Int, startColumn: Int, endLine: Int, endColumn: Int
    let snippet: Message?

    init(_ l: Location, snippet: String?) {
      startLine = l.line
      startColumn = l.column
      endLine = l.utf16Length == 0 ? l.line : l.endLine
      endColumn = l.utf16Length == 0 ? l.column : l.endColumn
      self.snippet = snippet.map(Message.init)
    }
  }

  /// What a fix does, in words: replace, delete or insert.
  static func fixDescription(_ matched: String, _ suggestion: String) -> String {
    if suggestion.isEmpty { return "Delete '\(matched)'" }
    if matched.isEmpty { return "Insert '\(suggestion)'" }
    return "Replace '\(matched)' with '\(suggestion)'"
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

/// Characters a SARIF URI path keeps as they are.
private let uriPathAllowed = CharacterSet.urlPathAllowed.subtracting(
  CharacterSet(charactersIn: ":;"))

extension String {
  /// A URI for SARIF's `artifactLocation.uri`: relative paths stay relative (forward slashes,
  /// percent-encoded) as GitHub wants them; absolute paths become `file://` URIs.
  fileprivate var sarifURI: String {
    if self == "-" { return "stdin" }
    var path = self
    while path.hasPrefix("./") { path.removeFirst(2) }
    let encoded = path.addingPercentEncoding(withAllowedCharacters: uriPathAllowed) ?? path
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
