import Foundation
import Testing

@Suite("termlint align and lint --source/--target (end to end)")
struct AlignCommandTests {
  static let ru = "Tests/TermlintCLITests/Fixtures/align/talks.ru.md"
  static let en = "Tests/TermlintCLITests/Fixtures/align/talks.en.md"

  @Test func tsvPrintsOneLinePerBead() throws {
    let r = try CLI.run(["align", "--source", Self.ru, "--target", Self.en])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
      String.init)
    #expect(lines.count == 16)
    #expect(lines.allSatisfy { $0.filter { $0 == "\t" }.count == 1 })
    #expect(
      lines[0]
        == "Москва и Вашингтон возобновят консультации по стратегической стабильности\tMoscow and Washington to resume strategic stability talks"
    )
    #expect(
      lines[1].hasPrefix("МОСКВА, 12 апреля. Россия и США договорились")
        && lines[1].contains("\tMOSCOW, April 12 — Russia"))
    #expect(
      lines.last == "\tAnalysts in both capitals expect little progress before the winter.",
      "an added sentence has an empty source side")
  }

  @Test func jsonHasShapesConfidencesAndPositions() throws {
    let r = try CLI.run(["align", "--source", Self.ru, "--target", Self.en, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    #expect((json["source"] as? [String: Any])?["language"] as? String == "ru")
    let beads = try #require(json["beads"] as? [[String: Any]])
    #expect(beads.count == 16)
    #expect(beads.map { $0["bead"] as? String ?? "" }.prefix(2) == ["1-1", "3-1"])
    let files = [
      "source": try String(
        contentsOf: CLI.repoRoot.appendingPathComponent(Self.ru), encoding: .utf8),
      "target": try String(
        contentsOf: CLI.repoRoot.appendingPathComponent(Self.en), encoding: .utf8),
    ]
    for bead in beads {
      let confidence = try #require(bead["confidence"] as? Double)
      #expect(confidence >= 0 && confidence <= 1)
      for side in ["source", "target"] {
        for sentence in bead[side] as? [[String: Any]] ?? [] {
          // The reported position holds exactly the sentence text.
          let lines = files[side]!.split(separator: "\n", omittingEmptySubsequences: false)
          let line = Array(lines[(sentence["line"] as! Int) - 1].unicodeScalars)
          var text = String.UnicodeScalarView()
          text.append(
            contentsOf: line[
              ((sentence["column"] as! Int) - 1)..<((sentence["endColumn"] as! Int) - 1)])
          #expect(String(text) == sentence["text"] as? String)
        }
      }
    }
  }

  @Test func badInputExitsWithStatusTwo() throws {
    let missing = try CLI.run(["align", "--source", "no-such-file.ru.md", "--target", Self.en])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no-such-file.ru.md"))
    let dir = try CLI.temporaryDirectory()
    try Data([0x41, 0xC3, 0x28]).write(to: dir.appendingPathComponent("bad.en.md"))
    let invalid = try CLI.run(
      [
        "align", "--source", CLI.repoRoot.appendingPathComponent(Self.ru).path, "--target",
        "bad.en.md",
      ], in: dir)
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("bad.en.md") && invalid.stderr.contains("UTF-8"))
    let half = try CLI.run(["lint", "--source", Self.ru])
    #expect(half.status == 2)
    #expect(half.stderr.contains("--target"))
  }

  @Test func lintChecksThePairBeadByBead() throws {
    let dir = try CLI.temporaryDirectory()
    try "Россия требует гарантий безопасности. Переговоры начнутся в Женеве.\n".write(
      to: dir.appendingPathComponent("a.ru.md"), atomically: true, encoding: .utf8)
    try "Russia demands security assurances. Talks will begin in Geneva.\n".write(
      to: dir.appendingPathComponent("a.en.md"), atomically: true, encoding: .utf8)
    let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx").path
    let r = try CLI.run(
      [
        "lint", "--glossary", glossary, "--format", "json", "--source", "a.ru.md", "--target",
        "a.en.md",
      ], in: dir)
    #expect(r.status == 1, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(
      findings.map { "\($0["path"]!):\($0["line"]!):\($0["column"]!) \($0["ruleId"]!)" } == [
        "a.en.md:1:16 term-forbidden"
      ])
    #expect(findings.first?["unit"] as? String == "b1")
  }
}
