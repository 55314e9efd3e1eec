import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Unified diff")
struct UnifiedDiffTests {
  /// Applies a unified diff made by `UnifiedDiff` to `old` (a minimal `patch`).
  static func apply(_ diff: String, to old: String) throws -> String {
    let oldLines = lines(old)
    var out: [String] = []
    var cursor = 0
    let diffLines = lines(diff)
    var i = 2
    while i < diffLines.count {
      let header = diffLines[i]
      try #require(header.hasPrefix("@@ -"), "hunk header: \(header)")
      let oldPart = header.dropFirst(4).split(separator: " ")[0]
      let start = Int(oldPart.split(separator: ",")[0])!
      let count = oldPart.contains(",") ? Int(oldPart.split(separator: ",")[1])! : 1
      let first = count == 0 ? start : start - 1
      while cursor < first {
        out.append(oldLines[cursor])
        cursor += 1
      }
      i += 1
      while i < diffLines.count && !diffLines[i].hasPrefix("@@") {
        let line = diffLines[i]
        let body = String(line.unicodeScalars.dropFirst())
        if line.hasPrefix("\\") {
          // The added line before it has no line end (context and removed lines come from `old`).
          if diffLines[i - 1].hasPrefix("+"), let last = out.popLast() {
            out.append(String(last.unicodeScalars.dropLast()))
          }
        } else if line.hasPrefix(" ") {
          #expect(oldLines[cursor] == body || oldLines[cursor] + "\n" == body)
          out.append(oldLines[cursor])
          cursor += 1
        } else if line.hasPrefix("-") {
          #expect(oldLines[cursor] == body || oldLines[cursor] + "\n" == body)
          cursor += 1
        } else if line.hasPrefix("+") {
          out.append(body)
        }
        i += 1
      }
    }
    while cursor < oldLines.count {
      out.append(oldLines[cursor])
      cursor += 1
    }
    return out.joined()
  }

  static func lines(_ text: String) -> [String] {
    var out: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      current.append(scalar)
      if scalar == "\n" {
        out.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { out.append(String(current)) }
    return out
  }

  @Test func formatsLikeDiffU() {
    let old = (1...10).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(
      UnifiedDiff.make(old: old, new: new, oldName: "a/x", newName: "b/x") == """
        --- a/x
        +++ b/x
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
    #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b") == "")
    #expect(
      UnifiedDiff.make(old: "a", new: "b", oldName: "a", newName: "b")
        == "--- a\n+++ b\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"
    )
  }

  @Test func randomEditsRoundTrip() throws {
    var random = SeededGenerator(seed: 7)
    let vocabulary = ["alpha\n", "beta\n", "гамма\n", "😀 delta\r\n", "\n", "epsilon\n", "zeta\n"]
    for _ in 0..<300 {
      let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in
        vocabulary.randomElement(using: &random)!
      }
      var new = old
      for _ in 0..<Int.random(in: 0...4, using: &random) {
        switch Int.random(in: 0...2, using: &random) {
        case 0 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count, using: &random))
        case 1:
          new.insert(
            vocabulary.randomElement(using: &random)!,
            at: Int.random(in: 0...new.count, using: &random))
        default:
          if !new.isEmpty { new[Int.random(in: 0..<new.count, using: &random)] = "changed\n" }
        }
      }
      var a = old.joined()
      var b = new.joined()
      if Bool.random(using: &random), a.hasSuffix("\n") { a.removeLast() }
      if Bool.random(using: &random), b.hasSuffix("\n") { b.removeLast() }
      let diff = UnifiedDiff.make(old: a, new: b, oldName: "a", newName: "b")
      if a == b {
        #expect(diff.isEmpty)
      } else {
        #expect(
          try Self.apply(diff, to: a) == b, "\(a.debugDescription) → \(b.debugDescription)\n\(diff)"
        )
      }
    }
  }
}
