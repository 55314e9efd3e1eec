import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("JSON, JSON Lines and SARIF reporters")
struct StructuredReporterTests {
  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonKeepsEveryVersion1KeyAndAddsScores() throws {
    let json = try Self.object(JSONReporter.render(ReportFixture.report, options: ReportOptions()))
    #expect(json["schemaVersion"] as? Int == 1)
    let summary = try #require(json["summary"] as? [String: Any])
    for key in [
      "files", "findings", "error", "warning", "info", "words", "penaltyPoints", "qualityScore",
    ] {
      #expect(summary[key] != nil, "summary.\(key)")
    }
    #expect(summary["words"] as? Int == 61 && summary["penaltyPoints"] as? Int == 18)
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.count == 8)
    for f in findings {
      for key in [
        "ruleId", "severity", "category", "message", "path", "line", "column", "endLine",
        "endColumn", "text", "suggestions", "fixable", "related",
      ] {
        #expect(f[key] != nil, "finding.\(key)")
      }
    }
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == ReportFixture.report.paths)
    // No words: the score is null, not absent.
    let empty = try Self.object(
      JSONReporter.render(
        RunReport(findings: [], files: [SourceFile(path: "e.md", text: "")], rules: []),
        options: ReportOptions()))
    let emptySummary = try #require(empty["summary"] as? [String: Any])
    #expect(emptySummary["qualityScore"] is NSNull)
  }

  @Test func jsonLinesIsOneJSONFindingPerLine() throws {
    let report = ReportFixture.report
    let lines = JSONLinesReporter.render(report, options: ReportOptions()).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == report.findings.count + 1 && lines.last == "")
    let json = try Self.object(JSONReporter.render(report, options: ReportOptions()))
    let findings = try #require(json["findings"] as? [NSDictionary])
    for (line, finding) in zip(lines, findings) {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
      #expect(object == finding)
    }
    #expect(
      JSONLinesReporter.render(
        RunReport(findings: [], files: [], rules: []), options: ReportOptions()
      ).isEmpty)
  }

  static func results(_ report: RunReport) throws -> [[String: Any]] {
    let log = try Self.object(SARIFReporter.render(report, options: ReportOptions()))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    return try #require(run["results"] as? [[String: Any]])
  }

  static func fingerprint(_ result: [String: Any]) -> String? {
    (result["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey]
  }

  @Test func sarifFingerprintsSurviveEditsElsewhereInTheFile() throws {
    func report(_ text: String) -> RunReport {
      let file = SourceFile(path: "f.md", text: text)
      let findings = ["security assurances", "Nato"].map { span in
        Finding(
          ruleID: "term-forbidden", severity: .error, category: .terminology,
          message: "'\(span)' is deprecated",
          location: ReportFixture.location(file, span), matchedText: span)
      }
      return RunReport(findings: findings, files: [file], rules: ReportFixture.rules)
    }
    let before = try Self.results(report("We want security assurances from Nato.\n"))
    let after = try Self.results(
      report("A new first line.\n\nWe really want security assurances from Nato.\n"))
    #expect(before.map(Self.fingerprint) == after.map(Self.fingerprint))
    #expect(Set(before.compactMap(Self.fingerprint)).count == 2)
    let line = { (r: [String: Any]) in
      (((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
        "region"] as? [String: Any])?["startLine"] as? Int
    }
    #expect(before.map(line) == [1, 1] && after.map(line) == [3, 3])
  }

  @Test func sarifHasRelatedLocationsFixesAndEmptyRegions() throws {
    let results = try Self.results(ReportFixture.report)
    let inconsistent = try #require(
      results.first { $0["ruleId"] as? String == "term-inconsistent" })
    let related = try #require(inconsistent["relatedLocations"] as? [[String: Any]])
    #expect(related.count == 1)
    #expect((related[0]["message"] as? [String: String])?["text"] == "'de-escalate' here")
    let space = try #require(results.first { $0["ruleId"] as? String == "missing-space" })
    let region = try #require(
      (((space["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
        "region"] as? [String: Any]))
    #expect(
      region["startColumn"] as? Int == region["endColumn"] as? Int,
      "an insertion point is an empty region")
    let fix = try #require((space["fixes"] as? [[String: Any]])?.first)
    #expect((fix["description"] as? [String: String])?["text"] == "Insert ' '")
    let invisible = try #require(results.first { $0["ruleId"] as? String == "invisible-character" })
    #expect(
      (((invisible["fixes"] as? [[String: Any]])?.first)?["description"] as? [String: String])?[
        "text"] == "Delete '\u{200F}'")
    #expect(results.allSatisfy { Self.fingerprint($0) != nil })
  }

  @Test func sarifRuleMetadataAndURIs() throws {
    let log = try Self.object(SARIFReporter.render(ReportFixture.report, options: ReportOptions()))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ReportFixture.rules.map(\.id).sorted())
    for rule in rules {
      let help = try #require(rule["help"] as? [String: String])
      #expect(
        help["text"]?.contains("Why is this bad?") == true
          && help["markdown"]?.contains("## Why is this bad?") == true)
    }
    // ruleIndex points at the rule with the result's id.
    for result in try #require(run["results"] as? [[String: Any]]) {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
    let artifacts = try #require(run["artifacts"] as? [[String: Any]])
    let uris = artifacts.compactMap { ($0["location"] as? [String: String])?["uri"] }
    #expect(uris.contains("articles/%D0%B8%D1%82%D0%BE%D0%B3%D0%B8,%202024.tsv"))
    let absolute = RunReport(
      findings: [], files: [SourceFile(path: "/tmp/a b.md", text: "")], rules: [])
    #expect(
      SARIFReporter.render(absolute, options: ReportOptions()).contains(
        "\"uri\" : \"file:///tmp/a%20b.md\""))
  }
}
