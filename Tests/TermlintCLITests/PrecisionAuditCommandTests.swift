import Foundation
import Testing

/// The precision-audit fixtures (articles, an article pair, XLIFF, PO, a glossary of another
/// domain; Tests/TermlintCLITests/Fixtures/precision-audit/README.md): the planted errors are
/// found and nothing else is reported.
@Suite("termlint lint on the precision-audit fixtures")
struct PrecisionAuditCommandTests {
  static let folder = "Tests/TermlintCLITests/Fixtures/precision-audit"

  /// `path line:column rule text` of every finding of a JSON report, paths relative to the folder.
  static func findings(_ arguments: [String]) throws -> [String] {
    let r = try CLI.run(["lint", "--format", "json", "--fail-on", "warning"] + arguments)
    #expect(r.status == 1, "every run has a planted error or warning: \(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let found = try #require(json["findings"] as? [[String: Any]])
    return found.map { f in
      let path = (f["path"] as! String).replacingOccurrences(of: Self.folder + "/", with: "")
      return
        "\(path)\t\(f["line"]!):\(f["column"]!)\t\(f["ruleId"]!)\t\(String((f["text"] as! String).prefix(60)))"
    }
  }

  @Test func plantedErrorsAreFoundAndNothingElse() throws {
    let text = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent(Self.folder + "/expected.tsv"),
      encoding: .utf8)
    let expected = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).prefix(4).joined(
        separator: "\t")
    }
    let f = Self.folder
    var got: [String] = []
    got += try Self.findings([
      "--pipeline", "Pipelines/default.yml", "\(f)/lavrov-security-guarantees.en.md",
      "\(f)/new-start-limits.en.md",
      "\(f)/zaporizhzhia-black-sea.en.md", "\(f)/belarus-drills.en.md", "\(f)/belarus-nuclear.xlf",
      "\(f)/prisoner-exchange.po",
    ])
    got += try Self.findings([
      "--pipeline", "Pipelines/default.yml", "--source", "\(f)/lavrov-press-conference.ru.md",
      "--target", "\(f)/lavrov-press-conference.en.md",
    ])
    got += try Self.findings([
      "--pipeline", "Pipelines/default.yml", "--source", "\(f)/foreign-names.ru.md", "--target",
      "\(f)/foreign-names.en.md",
    ])
    got += try Self.findings([
      "--glossary", "\(f)/economy/economy-ru-en.csv", "--source", "\(f)/economy/key-rate.ru.md",
      "--target", "\(f)/economy/key-rate.en.md",
    ])
    #expect(got == expected, "\(got.joined(separator: "\n"))")
  }
}
