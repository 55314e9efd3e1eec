import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Quality score and word count")
struct QualityScoreTests {
  static func finding(_ severity: Severity) -> Finding {
    let file = SourceFile(path: "q.md", text: "x")
    return Finding(
      ruleID: "r", severity: severity, category: .style, message: "m",
      location: Location(file: file, utf16Range: 0..<1), matchedText: "x")
  }

  @Test func severityMappingAndWeights() {
    #expect(QualityScore.mqmSeverity(.error) == .major)
    #expect(QualityScore.mqmSeverity(.warning) == .minor)
    #expect(QualityScore.mqmSeverity(.info) == .neutral)
    #expect(QualityScore.MQMSeverity.allCases.map(\.weight) == [0, 1, 5, 25])
  }

  @Test func pointsPerThousandWordsAndScore() throws {
    let q = QualityScore(findings: [.error, .error, .warning, .info].map(Self.finding), words: 400)
    #expect(q.penaltyPoints == 11)
    #expect(try #require(q.perThousandWords) == 27.5)
    #expect(try #require(q.score) == 97.25)
    #expect(QualityScore.format(97.25) == "97.2" || QualityScore.format(97.25) == "97.3")
    #expect(QualityScore(findings: [], words: 10).score == 100)
    let none = QualityScore(findings: [Self.finding(.error)], words: 0)
    #expect(none.score == nil && none.perThousandWords == nil && none.roundedScore == nil)
  }

  @Test func wordsAreWordAndNumberTokensOfTheTargetText() {
    #expect(WordCount.count(Array("Москва и Вашингтон — 2 стороны, 👍 ok.".utf16)) == 6)
    #expect(WordCount.count(Array("de-escalate NATO's Russia’s U.S. 3.5 2022-23".utf16)) == 6)
    #expect(WordCount.count(Array("short - and long-range".utf16)) == 3)
    #expect(WordCount.count(Array("  … — !".utf16)) == 0)
  }

  @Test func reportCountsWordsOfWhatTheReaderChecks() {
    // Markdown code and link targets are not checked, so they are not counted.
    let file = SourceFile(
      path: "w.md",
      text:
        "# Two words\n\nThree more `code not counted` here [link](https://example.invalid/a/b).\n\n```\nfenced code\n```\n"
    )
    let report = RunReport(findings: [], files: [file], rules: [])
    #expect(report.wordCounts["w.md"] == 6)
    #expect(report.totalWords == 6)
    // A bilingual document counts its target side only.
    #expect(ReportFixture.report.wordCounts["articles/итоги, 2024.tsv"] == 10)
  }
}
