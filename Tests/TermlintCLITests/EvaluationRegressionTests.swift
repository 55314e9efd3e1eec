import Foundation
import Testing

/// The judged findings of the real-world evaluation set (Evaluation/judged.tsv, Evaluation/README.md):
/// every file with verdicts is linted the way Evaluation/evaluate.py lints it, and a finding judged
/// true must not disappear, a false alarm recorded as fixed (`fixed` column, written by
/// `precision.py --ratchet`) must not come back. A false alarm that is still open (judged while
/// reported, not fixed yet) is not a failure. Material under ../shared that is absent is skipped
/// with a message.
@Suite("Evaluation set: judged findings hold")
struct EvaluationRegressionTests {
  struct Verdict: Sendable {
    let key, file, direction, rule, text, reason, fixed: String
    let line: Int
    let isTrue: Bool
  }

  /// One file of the evaluation set with its verdicts, in one direction.
  struct Case: Sendable, CustomTestStringConvertible {
    let file, source, target: String
    let verdicts: [Verdict]
    var direction: String { "\(source)-\(target)" }
    var testDescription: String { "\(file) (\(direction), \(verdicts.count) verdicts)" }
  }

  static let evaluation = CLI.repoRoot.appendingPathComponent("Evaluation")

  /// Undoes sample.py's cell escapes: \\ \t \n \r.
  static func unescape(_ s: Substring) -> String {
    var out = ""
    var it = s.makeIterator()
    while let c = it.next() {
      guard c == "\\", let n = it.next() else {
        out.append(c)
        continue
      }
      switch n {
      case "\\": out.append("\\")
      case "t": out.append("\t")
      case "n": out.append("\n")
      case "r": out.append("\r")
      default:
        out.append("\\")
        out.append(n)
      }
    }
    return out
  }

  /// Rows of a TSV with a header line (comment lines start with #).
  static func rows(_ name: String) -> [[String: String]] {
    guard
      let text = try? String(contentsOf: evaluation.appendingPathComponent(name), encoding: .utf8)
    else { return [] }
    var header: [String]?
    var rows: [[String: String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true)
    where !line.hasPrefix("#") {
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(unescape)
      guard let h = header else {
        header = cols
        continue
      }
      rows.append(
        Dictionary(
          uniqueKeysWithValues: zip(
            h, cols + Array(repeating: "", count: max(0, h.count - cols.count)))))
    }
    return rows
  }

  static let cases: [Case] = {
    var directions: [String: [(String, String)]] = [:]
    for row in rows("manifest.tsv") {
      directions[row["path"]!, default: []].append((row["source"]!, row["target"]!))
    }
    var grouped: [String: [Verdict]] = [:]
    for row in rows("judged.tsv") {
      let v = Verdict(
        key: row["key"]!, file: row["file"]!, direction: row["direction"]!, rule: row["rule"]!,
        text: row["text"] ?? "", reason: row["reason"] ?? "", fixed: row["fixed"] ?? "",
        line: Int(row["line"]!) ?? 0,
        isTrue: row["verdict"] == "true")
      grouped["\(v.file)\t\(v.direction)", default: []].append(v)
    }
    return grouped.keys.sorted().map { k in
      let parts = k.split(separator: "\t").map(String.init)
      let langs = parts[1].split(separator: "-").map(String.init)
      return Case(file: parts[0], source: langs[0], target: langs[1], verdicts: grouped[k]!)
    }
  }()

  /// FNV-1a (32 bits) of the UTF-8 text, as Evaluation/evaluate.py computes it.
  static func textHash(_ text: String) -> String {
    var h: UInt32 = 0x811C_9DC5
    for b in text.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  struct Found {
    let key, rule, text: String
    let line: Int
  }

  /// Lints one file as evaluate.py does and gives each finding its stable key.
  static func lint(_ c: Case) throws -> [Found] {
    let r = try CLI.run([
      "lint", "--pipeline", "Evaluation/pipeline.yml", "--source-lang", c.source, "--target-lang",
      c.target,
      "--format", "jsonl", "--fail-on", "never", "--color", "never", c.file,
    ])
    #expect(r.status == 0, "termlint lint \(c.file) exited with \(r.status): \(r.stderr)")
    var seen: [String: Int] = [:]
    return try r.stdout.split(separator: "\n").map { line in
      let f = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let rule = f["ruleId"] as! String
      let text = f["text"] as? String ?? ""
      let lineNo = (f["line"] as! NSNumber).intValue
      let column = (f["column"] as! NSNumber).intValue
      var key =
        "\(f["path"] as! String)|\(c.direction)|\(rule)|\(lineNo):\(column)|\(textHash(text))"
      seen[key, default: 0] += 1
      if seen[key]! > 1 { key += "#\(seen[key]!)" }
      return Found(key: key, rule: rule, text: text, line: lineNo)
    }
  }

  @Test("judged false alarms stay away, judged true findings stay", arguments: cases)
  func verdictsHold(_ c: Case) throws {
    guard FileManager.default.fileExists(atPath: CLI.repoRoot.appendingPathComponent(c.file).path)
    else {
      print(
        "skipped: \(c.file) is absent (\(c.verdicts.count) verdicts not checked); the shared corpus is optional"
      )
      return
    }
    // Under a sanitizer termlint runs several times slower, and these runs are about memory and
    // threads, not verdicts: the plain debug and release runs of .ci/run check them.
    guard CLI.slowdown == 1 else {
      print("skipped under a sanitizer: \(c.file)")
      return
    }
    let found = try Self.lint(c)
    let keys = Set(found.map(\.key))
    for v in c.verdicts where !v.isTrue && !v.fixed.isEmpty && keys.contains(v.key) {
      Issue.record(
        "judged-false finding came back (fixed at \(v.fixed)): \(v.key) [\(v.rule)] — judged false because: \(v.reason)"
      )
    }
    // A true finding whose `fixed` cell says `given-up: why` is one the project chose not to
    // report any more (for example, fuzzy PO entries are not compared with their msgid); the
    // table in Rules.md lists those choices.
    for v in c.verdicts where v.isTrue && !v.fixed.hasPrefix("given-up") && !keys.contains(v.key) {
      let overlapping = found.contains { f in
        f.rule == v.rule && f.line == v.line
          && (f.text == v.text
            || (!f.text.isEmpty && !v.text.isEmpty
              && (f.text.contains(v.text) || v.text.contains(f.text))))
      }
      if !overlapping {
        Issue.record(
          "judged-true finding disappeared: \(v.key) [\(v.rule)] text \(v.text.debugDescription) — judged true because: \(v.reason)"
        )
      }
    }
  }

  /// The key computed here is the key evaluate.py writes (a mismatch would make every verdict
  /// look stale).
  @Test func textHashMatchesEvaluatePy() {
    #expect(Self.textHash("") == "811c9dc5")
    #expect(Self.textHash("Отношениe") == "67a6e8bb")
  }
}
