import Algorithms
import TermlintGlossary
import TermlintText

/// How the typography rules (`whitespace`, `brackets`, `quotes`, `dashes`, `invisible-char`,
/// `repeated-word`) read a unit that has a source: they report what the translation introduced
/// relative to its source, not what it shares with it.
///
/// Each rule finds its candidates in the target as in monolingual text, gives each a *kind* (a
/// run of two or more spaces, a spaced hyphen, an unbalanced parenthesis, a U+001F …), runs the
/// same detector on the source, and keeps, for every kind, only the target occurrences the
/// source does not account for: when the source has as many of a kind as the target, none is
/// reported; when the target has more, the surplus is reported, chosen as the occurrences
/// farthest (by relative position in the text) from those of the source. A property shared with
/// the source (column-aligned help text, a trailing space of a prompt, an unbalanced bracket or a
/// control character quoted from the source, a hyphen used as a dash on both sides) is a
/// property of the file, not a translation error, and is not reported on either side.
enum SourceComparison {
  /// The source text a unit's target is compared with, nil for a unit without a source (a
  /// monolingual article, a `0-1` bead) or with an empty one.
  static func source(of unit: AnnotatedUnit) -> UnitText? {
    guard let source = unit.source, !source.span.text.isEmpty else { return nil }
    return UnitText(source)
  }

  /// Which target occurrences the source does not account for (`true` = introduced by the
  /// translation), in the order of `target`.
  ///
  /// Occurrences are matched kind by kind, in text order, minimising the distance between their
  /// relative positions (offset ÷ length of the text), so that when the target has more of a
  /// kind than the source the ones reported are those with no counterpart nearby.
  static func introduced<Kind: Hashable>(
    target: [(kind: Kind, range: Range<Int>)], targetLength: Int,
    source: [(kind: Kind, range: Range<Int>)], sourceLength: Int
  ) -> [Bool] {
    var result = [Bool](repeating: true, count: target.count)
    guard !target.isEmpty, !source.isEmpty else { return result }
    func position(_ range: Range<Int>, _ length: Int) -> Double {
      length == 0 ? 0 : Double(range.lowerBound + range.upperBound) / Double(2 * length)
    }
    var targetByKind: [Kind: [Int]] = [:]
    for (i, t) in target.enumerated() { targetByKind[t.kind, default: []].append(i) }
    var sourceByKind: [Kind: [Double]] = [:]
    for s in source { sourceByKind[s.kind, default: []].append(position(s.range, sourceLength)) }
    for (kind, indices) in targetByKind {
      guard let sources = sourceByKind[kind] else { continue }
      if sources.count >= indices.count {
        for i in indices { result[i] = false }
        continue
      }
      let t = indices.map { position(target[$0].range, targetLength) }
      for m in matched(t, sources) { result[indices[m]] = false }
    }
    return result
  }

  /// The indices of `t` matched to all of `s` (`s.count < t.count`), order-preserving, with the
  /// least total distance.
  private static func matched(_ t: [Double], _ s: [Double]) -> [Int] {
    let n = t.count
    let m = s.count
    // A long list is matched greedily: quadratic work on a pathological unit is not worth it.
    guard n * m <= 250_000 else {
      var used = Set<Int>()
      for p in s {
        if let best = (0..<n).filter({ !used.contains($0) }).min(by: {
          abs(t[$0] - p) < abs(t[$1] - p)
        }) {
          used.insert(best)
        }
      }
      return used.sorted()
    }
    // cost[i][j]: least cost of matching the first j sources within the first i targets.
    let infinity = Double.greatestFiniteMagnitude
    var cost = [[Double]](repeating: [Double](repeating: infinity, count: m + 1), count: n + 1)
    for i in 0...n { cost[i][0] = 0 }
    for i in 1...n {
      for j in 1...min(i, m) {
        let skip = cost[i - 1][j]
        let take =
          cost[i - 1][j - 1] == infinity ? infinity : cost[i - 1][j - 1] + abs(t[i - 1] - s[j - 1])
        cost[i][j] = min(skip, take)
      }
    }
    var picked: [Int] = []
    var i = n
    var j = m
    while j > 0 && i > 0 {
      if cost[i][j] == cost[i - 1][j] && i - 1 >= j {
        i -= 1
      } else {
        picked.append(i - 1)
        i -= 1
        j -= 1
      }
    }
    return picked.reversed()
  }
}

/// Markup the typography rules do not read as prose: HTML/XML tags left in the text of a
/// catalogue (`<span class="x">`, `<br />`), whose quotes and brackets are syntax.
enum ProseMask {
  /// The text ranges of tags: `<` then a letter, `/` or `!`, up to the next `>` on the same line.
  static func tags(in text: UnitText) -> [Range<Int>] {
    let u = text.units
    guard u.contains(0x3C) else { return [] }
    var result: [Range<Int>] = []
    var i = 0
    while i < u.count {
      defer { i += 1 }
      guard u[i] == 0x3C, i + 1 < u.count else { continue }
      let next = u[i + 1]
      guard
        (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x2F
          || next == 0x21
      else { continue }
      var k = i + 1
      while k < u.count && u[k] != 0x3E && u[k] != 0x3C && u[k] != 0x0A && u[k] != 0x0D
        && k - i < 500
      { k += 1 }
      guard k < u.count, u[k] == 0x3E else { continue }
      result.append(i..<(k + 1))
      i = k
    }
    return result
  }

  /// Whether `index` is inside one of `ranges` (sorted).
  static func contains(_ ranges: [Range<Int>], _ index: Int) -> Bool {
    let k = ranges.partitioningIndex { $0.upperBound > index }
    return k < ranges.count && ranges[k].contains(index)
  }
}

/// The target language as the typography rules use it for conventions (quotation marks, dash
/// style): the language the input or the pipeline declares, unless the text is plainly written
/// in another script (Cyrillic text linted with the default target `en`), in which case no
/// language's conventions are assumed and only the document's own majority counts.
enum TypographyLanguage {
  static func of(_ document: AnnotatedDocument) -> LanguageTag? {
    let declared =
      document.units.lazy.compactMap { $0.target?.span.language }.first ?? document.targetLanguage
    guard let declared, let expected = Scripts.expected(for: declared) else { return declared }
    var latin = 0
    var cyrillic = 0
    var greek = 0
    var seen = 0
    outer: for unit in document.units {
      guard let target = unit.target else { continue }
      for u in target.span.text {
        switch u {
        case 0x41...0x5A, 0x61...0x7A: latin += 1
        case 0x0400...0x04FF: cyrillic += 1
        case 0x0370...0x03FF: greek += 1
        default: continue
        }
        seen += 1
        if seen >= 20_000 { break outer }
      }
    }
    let counts: [Int32: Int] = [
      UnicodeProperties.Script.latin: latin, UnicodeProperties.Script.cyrillic: cyrillic,
      UnicodeProperties.Script.greek: greek,
    ]
    guard let (top, n) = counts.max(by: { $0.value < $1.value }), n > 0 else { return declared }
    // Mostly in another script than the declared language's: the declaration is a default.
    return top != expected && (counts[expected] ?? 0) * 3 < n ? nil : declared
  }
}
