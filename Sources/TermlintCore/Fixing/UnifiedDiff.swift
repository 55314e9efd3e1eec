import TermlintGlossary
import TermlintText

/// Unified diffs (`diff -u`, `git diff`) between two versions of a text, for `fix --dry-run`.
///
/// Lines keep their own line ends, so a diff of a CRLF file applies with `patch` or `git apply`;
/// a last line without a line end is followed by `\ No newline at end of file`. Lines are
/// compared with Myers' O(ND) algorithm, which is fast when the versions differ in few lines.
public enum UnifiedDiff {
  /// The diff of `old` and `new`, or an empty string when they are equal.
  ///
  /// - Parameters:
  ///   - oldName: the name after `---` (e.g. `a/Examples/article.en.md`).
  ///   - newName: the name after `+++`.
  ///   - context: lines of context around each change (3, as `diff -u`).
  public static func make(
    old: String, new: String, oldName: String, newName: String, context: Int = 3
  ) -> String {
    let a = lines(old)
    let b = lines(new)
    let script = editScript(a, b)
    guard script.contains(where: { $0.kind != .same }) else { return "" }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    // Group changes whose context windows touch into hunks.
    var index = 0
    while index < script.count {
      guard let firstChange = script[index...].firstIndex(where: { $0.kind != .same }) else {
        break
      }
      let start = max(index, firstChange - context)
      var end = firstChange
      var k = firstChange
      while k < script.count {
        if script[k].kind != .same {
          end = k
          k += 1
          continue
        }
        // A run of unchanged lines longer than two contexts ends the hunk.
        var run = k
        while run < script.count && script[run].kind == .same { run += 1 }
        if run == script.count || run - k > 2 * context { break }
        k = run
      }
      let stop = min(script.count, end + 1 + context)
      let hunk = script[start..<stop]
      let oldCount = hunk.filter { $0.kind != .insert }.count
      let newCount = hunk.filter { $0.kind != .delete }.count
      let oldStart =
        (hunk.first { $0.kind != .insert }?.oldIndex).map { $0 + 1 }
        ?? (script[..<start].filter { $0.kind != .insert }.count)
      let newStart =
        (hunk.first { $0.kind != .delete }?.newIndex).map { $0 + 1 }
        ?? (script[..<start].filter { $0.kind != .delete }.count)
      out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
      for step in hunk {
        switch step.kind {
        case .same: out += line(" ", a[step.oldIndex])
        case .delete: out += line("-", a[step.oldIndex])
        case .insert: out += line("+", b[step.newIndex])
        }
      }
      index = stop
    }
    return out
  }

  // MARK: - Private

  private struct Step {
    enum Kind { case same, delete, insert }
    let kind: Kind
    let oldIndex: Int
    let newIndex: Int
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
  }

  private static func line(_ prefix: String, _ text: Substring) -> String {
    if let last = text.unicodeScalars.last, last == "\n" || last == "\r" { return prefix + text }
    return prefix + text + "\n\\ No newline at end of file\n"
  }

  /// Splits after each LF, CRLF or lone CR, keeping the line ends.
  private static func lines(_ text: String) -> [Substring] {
    var out: [Substring] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var i = start
    while i < scalars.endIndex {
      let c = scalars[i]
      let next = scalars.index(after: i)
      if c == "\n" || (c == "\r" && (next == scalars.endIndex || scalars[next] != "\n")) {
        out.append(Substring(scalars[start..<next]))
        start = next
      }
      i = next
    }
    if start < scalars.endIndex { out.append(Substring(scalars[start...])) }
    return out
  }

  /// The shortest edit script: common first and last lines are matched directly, the rest by
  /// Myers' greedy algorithm over interned lines.
  private static func editScript(_ a: [Substring], _ b: [Substring]) -> [Step] {
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix
      && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    { suffix += 1 }
    var steps = (0..<prefix).map { Step(kind: .same, oldIndex: $0, newIndex: $0) }
    var ids: [Substring: Int] = [:]
    func intern(_ line: Substring) -> Int {
      if let id = ids[line] { return id }
      ids[line] = ids.count
      return ids.count - 1
    }
    let x = a[prefix..<(a.count - suffix)].map(intern)
    let y = b[prefix..<(b.count - suffix)].map(intern)
    steps += myers(x, y).map {
      Step(kind: $0.kind, oldIndex: $0.oldIndex + prefix, newIndex: $0.newIndex + prefix)
    }
    steps += (0..<suffix).map {
      Step(kind: .same, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0)
    }
    return steps
  }

  private static func myers(_ a: [Int], _ b: [Int]) -> [Step] {
    let n = a.count
    let m = b.count
    let maxD = n + m
    guard maxD > 0 else { return [] }
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 3)
    // trace[d] holds the frontier before round d, for diagonals -d-1 ... d+1.
    var trace: [[Int]] = []
    search: for d in 0...maxD {
      trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        var xPos =
          (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
          ? v[offset + k + 1] : v[offset + k - 1] + 1
        var yPos = xPos - k
        while xPos < n && yPos < m && a[xPos] == b[yPos] {
          xPos += 1
          yPos += 1
        }
        v[offset + k] = xPos
        if xPos >= n && yPos >= m { break search }
      }
    }
    var steps: [Step] = []
    var xPos = n
    var yPos = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let frontier = trace[d]
      func at(_ k: Int) -> Int { frontier[k + d + 1] }
      let k = xPos - yPos
      let previousK = d == 0 ? 0 : ((k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1)
      let previousX = d == 0 ? 0 : at(previousK)
      let previousY = previousX - previousK
      while xPos > previousX && yPos > previousY {
        xPos -= 1
        yPos -= 1
        steps.append(Step(kind: .same, oldIndex: xPos, newIndex: yPos))
      }
      guard d > 0 else { break }
      if xPos == previousX {
        yPos -= 1
        steps.append(Step(kind: .insert, oldIndex: xPos, newIndex: yPos))
      } else {
        xPos -= 1
        steps.append(Step(kind: .delete, oldIndex: xPos, newIndex: yPos))
      }
    }
    return steps.reversed()
  }
}
