import Foundation
import Testing

/// Bilingual structure (issue 12, class 6): sentences a translator split or merged are not
/// additions or omissions, also at a paragraph's end; a dropped sentence is an omission even
/// when it holds a glossary term (and that term is not also `term-missing`); layout white space
/// and a catalogue's conventions do not make length findings.
@Suite("Bilingual structure: splits, merges, drops and layouts (end to end)")
struct StructureTests {
  static let folder = "Tests/TermlintCLITests/Fixtures/structure"
  static let glossary = "Glossaries/security-ru-en.csv"

  static func findings(_ arguments: [String]) throws -> [[String: Any]] {
    let r = try CLI.run(
      ["lint", "--format", "json", "--fail-on", "never", "--glossary", glossary] + arguments)
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    return try #require(json["findings"] as? [[String: Any]])
  }

  /// `split.*.md`: 1-2 splits in the middle and at the end of paragraphs (one of them a long,
  /// freely expanded English rendering whose second half the lengths cannot place), 2-1
  /// merges in the middle and at the end; a clean translation, nothing to report.
  @Test func splitsAndMergesAreNeitherAdditionsNorOmissions() throws {
    let found = try Self.findings([
      "--source", "\(Self.folder)/split.ru.md", "--target", "\(Self.folder)/split.en.md",
    ])
    #expect(found.isEmpty, "\(found.map { "\($0["ruleId"] ?? ""): \($0["message"] ?? "")" })")
    let aligned = try CLI.run([
      "align", "--source", "\(Self.folder)/split.ru.md", "--target", "\(Self.folder)/split.en.md",
      "--glossary", Self.glossary,
    ])
    let lines = aligned.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix("Российскую делегацию возглавил")
          && $0.contains("Sergey Ryabkov. After the meeting")
      }, "1-2 in the middle")
    #expect(
      lines.contains {
        $0.hasPrefix("Ранее консультации были прерваны")
          && $0.contains("initiative. It accused Moscow")
      }, "1-2 at a paragraph's end")
    #expect(
      lines.contains {
        $0.hasPrefix("Следующий раунд консультаций запланирован на июнь. Место встречи")
      }, "2-1 at a paragraph's end")
  }

  /// `dropped.*.md`: the last sentence of a paragraph, which holds two glossary terms, is left
  /// out. One finding: the omission at the Russian sentence; its terms are not reported again.
  @Test func aDroppedSentenceWithGlossaryTermsIsOneOmission() throws {
    let found = try Self.findings([
      "--source", "\(Self.folder)/dropped.ru.md", "--target", "\(Self.folder)/dropped.en.md",
    ])
    #expect(found.count == 1, "\(found.map { "\($0["ruleId"] ?? ""): \($0["message"] ?? "")" })")
    let omission = try #require(found.first)
    #expect(omission["ruleId"] as? String == "omission")
    #expect((omission["path"] as? String)?.hasSuffix("dropped.ru.md") == true)
    #expect(omission["line"] as? Int == 5 && omission["column"] as? Int == 189)
    #expect((omission["text"] as? String)?.hasPrefix("Российская сторона ранее требовала") == true)
  }

  /// `layout.po`: a `--help` text in columns with translated metavariables, a count list in
  /// `%(name)d` columns, glosses in brackets and a fuzzy entry with a stale translation are
  /// not additions or omissions; the one translation that drops most of its source is.
  @Test func layoutsGlossesAndFuzzyEntriesAreNotLengthFindings() throws {
    let found = try Self.findings([
      "--rule", "addition", "--rule", "omission", "\(Self.folder)/layout.po",
    ])
    #expect(
      found.map { $0["ruleId"] as? String ?? "" } == ["omission"],
      "\(found.map { $0["message"] ?? "" })")
    #expect(
      (found.first?["message"] as? String)?.contains("The archive could not be opened") == true)
  }
}
