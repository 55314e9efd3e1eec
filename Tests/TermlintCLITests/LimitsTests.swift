import Foundation
import Testing

/// Resource limits through the binary: a catastrophic regular expression is stopped and named,
/// and pathological glossaries load and match correctly in bounded time. Larger inputs (10 MB and
/// 200 MB single lines) are measured on a release build by `scripts/measure-limits.sh`, not here;
/// Documentation/Security.md records the figures.
@Suite("Limits (end to end)")
struct LimitsTests {
  /// The findings of a JSON report.
  static func findings(_ result: CLI.Result) throws -> [[String: Any]] {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      "\(result.stderr)")
    return try #require(json["findings"] as? [[String: Any]])
  }

  @Test func aCatastrophicPatternFailsItsRuleAndNamesIt() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("house"), withIntermediateDirectories: true)
    try "languages: {source: ru, target: en}\ndata-rules: [house]\n".write(
      to: dir.appendingPathComponent("pipeline.yml"), atomically: false, encoding: .utf8)
    // Nested quantifiers: exponential backtracking on a run of a's that does not end the line.
    try "extends: pattern\nmessage: \"Runaway '{match}'\"\npattern: '(a+)+$'\n".write(
      to: dir.appendingPathComponent("house/runaway.yml"), atomically: false, encoding: .utf8)
    try
      "extends: substitution\nmessage: \"Write '{suggestion}', not '{match}'\"\nswap:\n  Lvov: Lviv\n"
      .write(
        to: dir.appendingPathComponent("house/places.yml"), atomically: false, encoding: .utf8)
    let line = String(repeating: "a", count: 5_000) + "b"
    try "Sirens sounded in Lvov.\n\n\(line)\n".write(
      to: dir.appendingPathComponent("doc.md"), atomically: false, encoding: .utf8)

    let result = try HostileInputTests.run(
      ["lint", "--pipeline", "pipeline.yml", "--format", "json", "doc.md"], in: dir)
    #expect(result.status == 1, "the stopped rule is an error finding: \(result.stderr)")
    let findings = try Self.findings(result)
    let runaway = findings.filter { $0["ruleId"] as? String == "house.runaway" }
    #expect(runaway.count == 1, "one finding for the stopped rule: \(runaway)")
    #expect(runaway.first?["severity"] as? String == "error")
    #expect(runaway.first?["line"] as? Int == 3, "at the paragraph where it was stopped")
    let message = runaway.first?["message"] as? String ?? ""
    #expect(message.contains("rule 'house.runaway' took too long"), "\(message)")
    // The other rules of the run are unaffected.
    #expect(
      findings.contains { $0["ruleId"] as? String == "house.places" && $0["line"] as? Int == 1 })
  }

  /// A word of consonants only (`n` in base 19): no two stem alike, none is an English word.
  static func word(_ n: Int) -> String {
    let letters = Array("bcdfghjklmnpqrtvwxz")
    var n = n
    var out = ""
    for _ in 0..<4 {
      out.append(letters[n % letters.count])
      n /= letters.count
    }
    return "k" + out
  }

  @Test func tenThousandTermsSharingOneLongPrefix() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 16 shared words, then one of 10,000 distinct ones.
    let prefix =
      "joint commission on strategic stability and verification of the treaty on conventional armed forces in europe"
    var csv = "concept,lang,term,status\n"
    for n in 0..<10_000 {
      csv +=
        "c\(n),en,approved \(Self.word(n)),preferred\nc\(n),en,\(prefix) \(Self.word(n)),deprecated\n"
    }
    try csv.write(to: dir.appendingPathComponent("prefix.csv"), atomically: false, encoding: .utf8)
    let text = """
      The \(prefix) \(Self.word(17)) met on Monday.

      Later the \(prefix) \(Self.word(9_999)) and the \(prefix) alone were discussed.

      Nothing here: \(prefix) \(Self.word(10_000)).

      """
    try text.write(to: dir.appendingPathComponent("doc.md"), atomically: false, encoding: .utf8)

    let stats = try HostileInputTests.run(
      ["glossary", "stats", "--format", "json", "prefix.csv"], in: dir)
    #expect(stats.status == 0, "\(stats.stderr)")
    let counts = try #require(
      (try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [[String: Any]])?.first)
    #expect(counts["concepts"] as? Int == 10_000)
    #expect(((counts["languages"] as? [[String: Any]])?.first?["terms"]) as? Int == 20_000)

    let result = try HostileInputTests.run(
      [
        "lint", "--glossary", "prefix.csv", "--rule", "term-forbidden", "--format", "json",
        "doc.md",
      ], in: dir)
    #expect(result.status == 1, "\(result.stderr)")
    let findings = try Self.findings(result)
    #expect(
      findings.map { "\($0["line"]!):\($0["column"]!) \($0["text"]!)" } == [
        "1:5 \(prefix) \(Self.word(17))",
        "3:11 \(prefix) \(Self.word(9_999))",
      ])
    #expect(
      findings.map { ($0["suggestions"] as? [String])?.first } == [
        "approved \(Self.word(17))", "approved \(Self.word(9_999))",
      ])
  }

  @Test func aTermOfTwoHundredTokens() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let words = [
      "security", "council", "resolution", "on", "the", "nuclear", "test", "ban", "verification",
      "regime",
    ]
    let tokens = (0..<200).map { words[$0 % words.count] }
    let term = tokens.joined(separator: " ")
    try "concept,lang,term,status\nlong,en,the short name,preferred\nlong,en,\(term),deprecated\n"
      .write(
        to: dir.appendingPathComponent("long.csv"), atomically: false, encoding: .utf8)
    // Once whole; once with its last word changed; once cut short by one word.
    var changed = tokens
    changed[199] = "treaty"
    let text =
      "Quoted: \(term).\n\nChanged: \(changed.joined(separator: " ")).\n\nShort: \(tokens.dropLast().joined(separator: " ")).\n"
    try text.write(to: dir.appendingPathComponent("doc.md"), atomically: false, encoding: .utf8)
    let result = try HostileInputTests.run(
      ["lint", "--glossary", "long.csv", "--rule", "term-forbidden", "--format", "json", "doc.md"],
      in: dir)
    #expect(result.status == 1, "\(result.stderr)")
    let findings = try Self.findings(result)
    #expect(findings.count == 1, "\(findings.map { $0["line"]! })")
    #expect(findings.first?["line"] as? Int == 1 && findings.first?["column"] as? Int == 9)
    #expect(findings.first?["text"] as? String == term)
  }
}
