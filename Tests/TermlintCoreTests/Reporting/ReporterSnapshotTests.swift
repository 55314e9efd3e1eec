import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Golden files: every registered reporter renders the shared fixture, compared with
/// `Snapshots/<identifier>.<extension>`. Re-record with `RECORD_SNAPSHOTS=1 swift test`.
@Suite("Reporter snapshots")
struct ReporterSnapshotTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  /// Stands for the version in golden files, so a release does not change them.
  static let versionPlaceholder = "{{version}}"

  static func snapshotURL(_ reporter: any Reporter.Type) -> URL {
    directory.appendingPathComponent("\(reporter.identifier).\(reporter.fileExtension)")
  }

  @Test(arguments: ReporterRegistry.all.map { $0.identifier })
  func matchesGoldenFile(identifier: String) throws {
    let reporter = try #require(ReporterRegistry.reporter(identifier))
    let output = reporter.render(ReportFixture.report, options: ReportOptions(color: false))
      .replacingOccurrences(of: Termlint.version, with: Self.versionPlaceholder)
      .replacingOccurrences(of: "ICU \(ICU.version)", with: "ICU {{icu}}")
    let url = Self.snapshotURL(reporter)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
      || !FileManager.default.fileExists(atPath: url.path)
    {
      try output.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded \(url.lastPathComponent); run the tests again without RECORD_SNAPSHOTS")
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    switch identifier {
    case "json", "sarif":
      #expect(
        try Self.json(output) == Self.json(expected),
        "\(identifier) differs structurally from \(url.lastPathComponent)")
    case "jsonl":
      let lines = output.split(separator: "\n").map(String.init)
      let golden = expected.split(separator: "\n").map(String.init)
      #expect(lines.count == golden.count)
      for (a, b) in zip(lines, golden) { #expect(try Self.json(a) == Self.json(b)) }
    default:
      if output != expected {
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent(
          "termlint-\(url.lastPathComponent)")
        try output.write(to: actual, atomically: true, encoding: .utf8)
        Issue.record(
          "\(identifier) output differs from \(url.lastPathComponent); see diff \(url.path) \(actual.path)"
        )
      }
    }
  }

  @Test func everyReporterHasAGoldenFileAndNoOtherFilesLinger() throws {
    let names = Set(ReporterRegistry.all.map { Self.snapshotURL($0).lastPathComponent })
    let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path))
    #expect(present == names)
  }

  @Test func identifiersAreUniqueLowercaseKebabCase() {
    let ids = ReporterRegistry.all.map { $0.identifier }
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(
        id.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)")
    }
    for r in ReporterRegistry.all { #expect(!r.summary.isEmpty && !r.fileExtension.isEmpty) }
  }

  /// Parses JSON into a comparable value.
  static func json(_ text: String) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
      as! NSObject
  }
}
