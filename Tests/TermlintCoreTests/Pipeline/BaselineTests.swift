import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Baseline")
struct BaselineTests {
  static let rules = ["repeated-word", "whitespace", "quotes"]

  static func result(_ text: String, baseline: Baseline? = nil) throws -> FindingFilter.Result {
    let configured = try Pipeline.builtIn.configuredRules(only: rules)
    let filter = FindingFilter(descriptors: BuiltInRules.descriptors, baseline: baseline)
    let linter = Linter(
      glossary: TestLint.exampleGlossary, rules: configured, targetLanguage: LanguageTag("en"),
      filter: filter)
    return try linter.outcome(
      of: PlainTextReader.read(
        SourceFile(path: "./a.md", text: text), markdown: true, language: LanguageTag("en"))
    ).filtered
  }

  static let original =
    "The talks began.\n\nThey met the the envoy.  Then more.\n\nIt was over the the weekend.\n"

  @Test func hidesRecordedFindingsEvenAfterEditsElsewhere() throws {
    let first = try Self.result(Self.original)
    #expect(first.findings.count == 3)
    let baseline = try Baseline.decode(
      Baseline(entries: first.baselineEntries).encoded(), path: "b.json")
    #expect(baseline.entries.allSatisfy { $0.path == "a.md" })
    #expect(try Self.result(Self.original, baseline: baseline).findings.isEmpty)
    // New lines above and a reflowed paragraph do not invalidate the baseline.
    let edited =
      "# A new heading\n\nA new paragraph.\n\nThe talks began.\n\nThey met\nthe the envoy.  Then more.\n\nIt was over the the weekend.\n"
    let after = try Self.result(edited, baseline: baseline)
    #expect(after.findings.isEmpty, "\(after.findings.map(\.message))")
    #expect(after.baselined.count == 3)
  }

  @Test func aNewOrChangedFindingIsReported() throws {
    let baseline = Baseline(entries: try Self.result(Self.original).baselineEntries)
    let changed =
      Self.original.replacingOccurrences(
        of: "over the the weekend", with: "over the the long weekend")
      + "\nAnd a new one: the the end.\n"
    let result = try Self.result(changed, baseline: baseline)
    #expect(result.findings.map(\.location.line) == [5, 7])
  }

  @Test func identicalFindingsNeedOneEntryEach() throws {
    let text = "Say the the word.\n\nSay the the word.\n"
    var entries = try Self.result(text).baselineEntries
    #expect(entries.count == 2 && entries[0].fingerprint == entries[1].fingerprint)
    entries.removeLast()
    #expect(try Self.result(text, baseline: Baseline(entries: entries)).findings.count == 1)
  }

  @Test func aFileThatIsNotABaselineIsAConfigurationError() throws {
    let url = try TemporaryTree().root.appendingPathComponent("baseline.json")
    try "{\"findings\": 3}".write(to: url, atomically: true, encoding: .utf8)
    #expect {
      _ = try Baseline.load(path: url.path)
    } throws: { ($0 as? TermlintError)?.kind == .configuration }
  }
}
