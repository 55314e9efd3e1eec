import Foundation
import Testing

/// The monolingual forms of `untranslated` and `name-spelling` through the binary, on the
/// English side of the bilingual example article (no source given: the pipeline says it is
/// translated from Russian).
@Suite("Monolingual untranslated and name-spelling (CLI)")
struct MonolingualFormsCLITests {
  static func findings(_ path: String) throws -> (Int32, [[String: Any]]) {
    let r = try CLI.run(["lint", "--pipeline", "Pipelines/default.yml", "--format", "json", path])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    return (r.status, try #require(json["findings"] as? [[String: Any]]))
  }

  @Test func plantedTranslationAloneReportsWhatNeedsNoSource() throws {
    let (status, findings) = try Self.findings("Examples/bilingual/article-planted.en.md")
    #expect(status == 1)
    let summary = findings.map {
      "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["ruleId"] ?? "") \($0["text"] ?? "")"
    }
    #expect(
      summary == [
        "5:294 term-forbidden security assurances",
        "15:32 name-spelling Peksov",
        "21:1 untranslated Независимые аналитики оценивают итоги встречи сдержанно",
      ])
    #expect(
      findings.first { $0["ruleId"] as? String == "name-spelling" }?["suggestions"] as? [String]
        == ["Peskov"])
  }

  @Test func cleanTranslationAloneReportsNothing() throws {
    let (status, findings) = try Self.findings("Examples/bilingual/article.en.md")
    #expect(status == 0)
    #expect(findings.isEmpty)
  }
}
