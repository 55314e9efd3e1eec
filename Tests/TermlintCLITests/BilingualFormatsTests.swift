import Foundation
import Testing

/// The bilingual example article as a Markdown pair, XLIFF 1.2, XLIFF 2.1, PO and TMX: every
/// form reports the same mistakes, each at its exact place in its own file.
///
/// The four bilingual files in `Examples/bilingual` are written from the aligner's beads by
/// `make-formats.py`, one translation unit per bead; the omitted sentence (a `1-0` bead) is a
/// unit with an empty target.
@Suite("The example article in every bilingual format (end to end)")
struct BilingualFormatsTests {
  static let folder = CLI.repoRoot.appendingPathComponent("Examples/bilingual")
  static let pipeline = CLI.repoRoot.appendingPathComponent("Pipelines/default.yml").path
  static let formats = ["xlf", "xliff", "po", "tmx"]
  /// Rules whose findings come from the sentence aligner, which a file of translation units
  /// does not need: there the units are given, and an empty target is `target-missing`.
  static let alignmentOnly: Set<String> = ["omission", "addition"]

  /// One finding as the JSON reporter writes it.
  struct Found: CustomStringConvertible {
    let path: String
    let rule: String
    let line: Int
    let column: Int
    let endLine: Int
    let endColumn: Int
    let text: String
    let related: [(path: String, line: Int, column: Int, endLine: Int, endColumn: Int)]

    var description: String { "\(path):\(line):\(column) \(rule) '\(text)'" }
  }

  /// Runs `termlint lint` with the default pipeline in `Examples/bilingual`.
  static func lint(_ arguments: [String]) throws -> (status: Int32, findings: [Found]) {
    let r = try CLI.run(
      ["lint", "--pipeline", pipeline, "--format", "json"] + arguments, in: folder)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
    let findings = try #require(json["findings"] as? [[String: Any]])
    return (
      r.status,
      try findings.map { f in
        let related = (f["related"] as? [[String: Any]] ?? []).compactMap {
          r -> (String, Int, Int, Int, Int)? in
          guard let path = r["path"] as? String, let line = r["line"] as? Int,
            let column = r["column"] as? Int,
            let endLine = r["endLine"] as? Int, let endColumn = r["endColumn"] as? Int
          else { return nil }
          return (path, line, column, endLine, endColumn)
        }
        return Found(
          path: try #require(f["path"] as? String), rule: try #require(f["ruleId"] as? String),
          line: try #require(f["line"] as? Int), column: try #require(f["column"] as? Int),
          endLine: try #require(f["endLine"] as? Int),
          endColumn: try #require(f["endColumn"] as? Int),
          text: try #require(f["text"] as? String), related: related)
      }
    )
  }

  /// The lines of a file in `Examples/bilingual`, each as Unicode scalars (columns are code points).
  static func lines(_ name: String) throws -> [[Unicode.Scalar]] {
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.unicodeScalars)
    }
  }

  /// The text of a file from `line:column` to `endLine:endColumn` (1-based, end exclusive, one line),
  /// or nil when the range is not inside one line of the file.
  static func slice(_ name: String, line: Int, column: Int, endLine: Int, endColumn: Int) throws
    -> String?
  {
    let lines = try lines(name)
    guard line == endLine, line >= 1, line <= lines.count, column >= 1, endColumn >= column,
      endColumn - 1 <= lines[line - 1].count
    else { return nil }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: lines[line - 1][(column - 1)..<(endColumn - 1)])
    return String(s)
  }

  /// The text each related location of a finding points at, in order.
  static func relatedTexts(_ f: Found) throws -> [String?] {
    try f.related.map {
      try slice(
        $0.path, line: $0.line, column: $0.column, endLine: $0.endLine, endColumn: $0.endColumn)
    }
  }

  @Test func pairRunReportsExactlyThePlantedMistakes() throws {
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent("article-planted.en.expected"), encoding: .utf8
    )
    .split(separator: "\n").map(String.init)
    let run = try Self.lint(["--source", "article.ru.md", "--target", "article-planted.en.md"])
    #expect(run.status == 1)
    let reported = run.findings.map { "\($0.path):\($0.line):\($0.column)\t\($0.rule)\t\($0.text)" }
    #expect(reported.sorted() == expected.sorted())
    // Each finding's place holds its text.
    for f in run.findings {
      #expect(
        try Self.slice(
          f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn)
          == f.text, "\(f)")
    }
  }

  @Test func cleanPairReportsNothing() throws {
    let run = try Self.lint(["--source", "article.ru.md", "--target", "article.en.md"])
    #expect(run.status == 0)
    #expect(run.findings.isEmpty, "\(run.findings)")
  }

  @Test(arguments: formats)
  func plantedFileReportsWhatThePairReports(format: String) throws {
    let name = "article-planted.\(format)"
    let pair = try Self.lint(["--source", "article.ru.md", "--target", "article-planted.en.md"])
      .findings
    let run = try Self.lint([name])
    #expect(run.status == 1)
    #expect(run.findings.allSatisfy { $0.path == name }, "\(run.findings)")

    // Every rule that does not depend on the aligner: the same (rule, text) pairs.
    let key = { (f: Found) in "\(f.rule)\t\(f.text)" }
    let expected = pair.filter { !Self.alignmentOnly.contains($0.rule) }.map(key).sorted()
    let reported = run.findings.filter { $0.rule != "target-missing" }.map(key).sorted()
    #expect(reported == expected)

    // Each finding points at its text in this file, and its related places (the source side)
    // hold the same text as in the pair run.
    for f in run.findings where f.rule != "target-missing" {
      #expect(
        try Self.slice(
          name, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn)
          == f.text, "\(f)")
      let twin = pair.first { $0.rule == f.rule && $0.text == f.text }
      #expect(try Self.relatedTexts(f) == twin.map(Self.relatedTexts), "\(f)")
    }

    // The omitted sentence: an empty target. In PO and XLIFF, an empty target that no state
    // marks translated is the format's "not translated yet": counted in the report, not a
    // finding (target-missing, issue 12). In TMX it is reported by target-missing at that
    // target, on the line after its Russian source (each generated unit writes the target
    // under the source).
    let omissions = pair.filter { $0.rule == "omission" }
    let missing = run.findings.filter { $0.rule == "target-missing" }
    if format != "tmx" {
      #expect(omissions.count == 1 && missing.isEmpty, "\(run.findings)")
      let r = try CLI.run(
        ["lint", "--pipeline", Self.pipeline, "--format", "json", name], in: Self.folder)
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      let files = try #require(json["files"] as? [[String: Any]])
      #expect(files.first?["untranslated"] as? Int == 1, "\(files)")
      return
    }
    try #require(omissions.count == 1 && missing.count == 1, "\(run.findings)")
    let f = missing[0]
    #expect(f.text.isEmpty)
    let lines = try Self.lines(name).map { String(String.UnicodeScalarView($0)) }
    let sourceLine = try #require(lines.firstIndex { $0.contains(omissions[0].text) }) + 1
    #expect(f.line == sourceLine + 1, "\(f)")
    let at = String(
      String.UnicodeScalarView(Array(lines[f.line - 1].unicodeScalars.dropFirst(f.column - 1))))
    let emptyTargets = ["<target/>", "<target state=\"needs-translation\"/>", "<seg/>", "\""]
    #expect(
      emptyTargets.contains { at.hasPrefix($0) }
        && (format != "po" || lines[f.line - 1] == "msgstr \"\""), "\(f): \(at)")
  }

  @Test(arguments: formats)
  func cleanFileReportsNothing(format: String) throws {
    let run = try Self.lint(["article.\(format)"])
    #expect(run.status == 0)
    #expect(run.findings.isEmpty, "\(run.findings)")
  }

  /// A term the translator moved to the next segment of the same unit, and the same two
  /// segments as separate units (`split`).
  static let movedTerm: [(name: String, content: String, split: String)] = [
    (
      "moved.xliff",
      """
      <xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru" trgLang="en"><file id="f">
      <unit id="u"><segment id="1"><source>Москва требует гарантий безопасности.</source><target>Moscow has a demand.</target></segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment id="2"><source>Об этом заявил дипломат.</source><target>It wants security guarantees, the diplomat said.</target></segment></unit>
      </file></xliff>
      """,
      """
      <xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru" trgLang="en"><file id="f">
      <unit id="u"><segment id="1"><source>Москва требует гарантий безопасности.</source><target>Moscow has a demand.</target></segment></unit>
      <unit id="v"><segment id="2"><source>Об этом заявил дипломат.</source><target>It wants security guarantees, the diplomat said.</target></segment></unit>
      </file></xliff>
      """
    ),
    (
      "moved.xlf",
      """
      <xliff version="1.2"><file original="a" source-language="ru" target-language="en" datatype="plaintext"><body>
      <trans-unit id="u"><source>Москва требует гарантий безопасности. Об этом заявил дипломат.</source>
      <seg-source><mrk mtype="seg" mid="1">Москва требует гарантий безопасности.</mrk> <mrk mtype="seg" mid="2">Об этом заявил дипломат.</mrk></seg-source>
      <target><mrk mtype="seg" mid="1">Moscow has a demand.</mrk> <mrk mtype="seg" mid="2">It wants security guarantees, the diplomat said.</mrk></target>
      </trans-unit></body></file></xliff>
      """,
      """
      <xliff version="1.2"><file original="a" source-language="ru" target-language="en" datatype="plaintext"><body>
      <trans-unit id="u"><source>Москва требует гарантий безопасности.</source><target>Moscow has a demand.</target></trans-unit>
      <trans-unit id="v"><source>Об этом заявил дипломат.</source><target>It wants security guarantees, the diplomat said.</target></trans-unit>
      </body></file></xliff>
      """
    ),
  ]

  @Test(arguments: movedTerm.map(\.name))
  func segmentsOfOneUnitAreComparedAsAWhole(name: String) throws {
    let dir = try CLI.temporaryDirectory()
    let fixture = try #require(Self.movedTerm.first { $0.name == name })
    try fixture.content.write(
      to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    let r = try CLI.run(["lint", "--pipeline", Self.pipeline, "--format", "json", name], in: dir)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")

    // Separate units stay separate texts: there the term is missing from the first.
    try fixture.split.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    let s = try CLI.run(
      [
        "lint", "--pipeline", Self.pipeline, "--rule", "term-missing", "--fail-on", "warning",
        "--format", "json", name,
      ], in: dir)
    #expect(
      s.status == 1 && s.stdout.contains("\"text\" : \"Moscow has a demand.\""), "\(s.stdout)")
  }

  /// The words and quality score of the target file of a run, from the JSON report.
  static func wordsAndScore(_ arguments: [String]) throws -> (
    words: Int, score: Double, findings: Int
  ) {
    let r = try CLI.run(
      [
        "lint", "--pipeline", pipeline, "--format", "json", "--rule", "term-forbidden", "--rule",
        "name-spelling",
      ] + arguments, in: folder)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
    let files = try #require(json["files"] as? [[String: Any]])
    let file = try #require(
      files.first {
        ($0["path"] as? String)?.hasPrefix("article-planted") == true
          && ($0["words"] as? Int ?? 0) > 0
      }, "\(files)")
    return (
      try #require(file["words"] as? Int), try #require(file["qualityScore"] as? Double),
      try #require(file["findings"] as? Int)
    )
  }

  /// The report counts the words of the checked translation, not of the file: the same article
  /// has the same word count as a pair and in every format (XML markup, PO keywords and the
  /// Russian source are not translated words), and so the same score for the same findings.
  @Test func theSameArticleHasTheSameWordCountAndScoreInEveryFormat() throws {
    let pair = try Self.wordsAndScore([
      "--source", "article.ru.md", "--target", "article-planted.en.md",
    ])
    #expect(pair.words == 459)
    #expect(pair.findings == 2)
    for format in Self.formats {
      let file = try Self.wordsAndScore(["article-planted.\(format)"])
      #expect(file.words == pair.words, "\(format)")
      #expect(file.findings == pair.findings, "\(format)")
      #expect(file.score == pair.score, "\(format)")
    }
  }
}
