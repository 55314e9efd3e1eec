import Foundation
import Testing

@Suite("termlint fix (end to end)")
struct FixCommandTests {
  static let pipeline = CLI.repoRoot.appendingPathComponent("Pipelines/default.yml").path

  /// A temporary copy of the example article.
  static func copyOfExample() throws -> (URL, URL) {
    let dir = try CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("article.en.md")
    try FileManager.default.copyItem(
      at: CLI.repoRoot.appendingPathComponent("Examples/article.en.md"), to: file)
    return (dir, file)
  }

  @Test func fixedExampleArticleLintsCleanForTheFixedRules() throws {
    let (dir, file) = try Self.copyOfExample()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["fix", "--pipeline", Self.pipeline, "article.en.md"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("article.en.md: fixed 3 problems"), "\(r.stdout)")
    let fixedRules = try CLI.run(
      [
        "lint", "--pipeline", Self.pipeline, "--rule", "term-forbidden", "--rule", "term-case",
        "--fail-on", "info", "article.en.md",
      ], in: dir)
    #expect(fixedRules.status == 0, "\(fixedRules.stdout)")
    let all = try CLI.run(
      ["lint", "--pipeline", Self.pipeline, "--format", "json", "article.en.md"], in: dir)
    #expect(
      try BatchCommandTests.findings(all.stdout).count == 1,
      "the unsafe term-inconsistent finding is left for a person")
    // Idempotent: a second run changes nothing.
    let before = try Data(contentsOf: file)
    let again = try CLI.run(["fix", "--pipeline", Self.pipeline, "article.en.md"], in: dir)
    #expect(again.status == 0 && again.stdout.contains("Fixed 0 problems in 0 files"))
    #expect(try Data(contentsOf: file) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["article.en.md"],
      "no temporary files")
  }

  @Test func dryRunPrintsAUnifiedDiffAndWritesNothing() throws {
    let (dir, file) = try Self.copyOfExample()
    defer { try? FileManager.default.removeItem(at: dir) }
    let before = try Data(contentsOf: file)
    let r = try CLI.run(
      ["fix", "--pipeline", Self.pipeline, "--dry-run", "article.en.md"], in: dir)
    #expect(r.status == 1, "a file would change")
    #expect(try Data(contentsOf: file) == before)
    let lines = r.stdout.split(separator: "\n")
    #expect(
      lines.first == "--- a/article.en.md" && lines.dropFirst().first == "+++ b/article.en.md")
    #expect(lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count == 3)
    #expect(lines.contains { $0.hasPrefix("+") && $0.contains("security guarantees from NATO") })
    #expect(r.stderr.contains("Would fix 3 problems in 1 file"))
    let clean = try CLI.run([
      "fix", "--pipeline", Self.pipeline, "--dry-run",
      CLI.repoRoot.appendingPathComponent("Examples/clean-article.en.md").path,
    ])
    #expect(clean.status == 0 && clean.stdout.isEmpty)
  }

  @Test func standardInputIsFixedToStandardOutput() throws {
    let r = try CLI.run(
      ["fix", "--pipeline", Self.pipeline, "-"], stdin: "Nato wants security assurances.\r\n")
    #expect(r.status == 0)
    #expect(r.stdout == "NATO wants security guarantees.\r\n")
  }

  @Test func folderFixKeepsEncodingsAndSkipsUnchangedFiles() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let utf16: [UInt8] =
      [0xFF, 0xFE] + "Nato met.\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    try Data(utf16).write(to: dir.appendingPathComponent("a.txt"))
    try Data([0xEF, 0xBB, 0xBF] + Array("😀 security assurances\n".utf8)).write(
      to: dir.appendingPathComponent("b.md"))
    try "Clean text.\n".write(
      to: dir.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
    let cBefore =
      try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("c.md").path)[
        .modificationDate] as? Date
    let r = try CLI.run(["fix", "--pipeline", Self.pipeline, "--jobs", "2", "."], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      try Data(contentsOf: dir.appendingPathComponent("a.txt"))
        == Data(
          [0xFF, 0xFE] + "NATO met.\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
    #expect(
      try Data(contentsOf: dir.appendingPathComponent("b.md"))
        == Data([0xEF, 0xBB, 0xBF] + Array("😀 security guarantees\n".utf8)))
    let cAfter =
      try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("c.md").path)[
        .modificationDate] as? Date
    #expect(cBefore == cAfter, "an unchanged file is not rewritten")
  }
}
