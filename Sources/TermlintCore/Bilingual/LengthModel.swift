import TermlintGlossary
import TermlintText

/// A Gale–Church length model: how long a translation is expected to be, in letters and digits,
/// given its source, and how far from that a translation must be for `omission` and `addition`.
///
/// The translation of `n` source letters is modelled as normally distributed with mean `ratio·n`
/// and variance `variance·n`; `deviation` is the standard score of an observed length.
///
/// The figures by direction were measured (`Benchmarks/length-ratios`) on real translations
/// with at least 40 letters of source, lengths counted as `lengths` counts them: the 2,930
/// prose pairs of TICO-19 (`../shared/corpus/tmx`), read both ways, and 8,842 English→Russian
/// pairs of gettext catalogues, XLIFF files and TICO-19 together. Russian→English: 0.83–0.85
/// English letters per Russian letter (TICO-19 0.830, catalogues read backwards 0.849),
/// variance 2.5 per letter; 0.5 % of the pairs are below 0.56 of the expected length, 0.1 %
/// above 1.72. English→Russian: 1.16 Russian letters per English letter (TICO-19 1.20,
/// catalogues 1.13, XLIFF 1.08), variance 3.2; 0.5 % are below 0.50 of the expected length,
/// 0.5 % above 1.88 and 0.1 % above 2.70 — a translation into Russian grows more often than it
/// shrinks (explanations, spelled-out names), so the addition threshold is higher for it.
/// Pairs Termlint has no figures for use ratio 1, variance 2.7 and the thresholds 0.5 and 2.
struct LengthModel: Sendable {
  /// Expected target letters per source letter.
  var ratio: Double
  /// Variance of the target length per source letter.
  var variance: Double
  /// A translation at most this share of the expected length (and 3.5 standard deviations
  /// below it) is reported by `omission`.
  var shortFactor = 0.5
  /// A translation at least this multiple of the expected length (and 3.5 standard deviations
  /// above it) is reported by `addition`.
  var longFactor = 2.0

  /// The model for a language pair.
  static func pair(source: LanguageTag?, target: LanguageTag?) -> LengthModel {
    switch (source?.language, target?.language) {
    case ("ru", "en"): return LengthModel(ratio: 0.84, variance: 2.7)
    case ("en", "ru"): return LengthModel(ratio: 1.16, variance: 3.2, longFactor: 2.5)
    default: return LengthModel(ratio: 1, variance: 2.7)
    }
  }

  /// The model for a document. A gettext catalogue that does not name its source language
  /// (most do not: `Language` is the translation's) is taken to have English `msgid`s, the
  /// gettext convention, so a Russian catalogue gets the English→Russian figures rather than
  /// those of an unknown pair.
  static func pair(for document: AnnotatedDocument) -> LengthModel {
    var source = document.sourceLanguage
    if source == nil, document.document.format == "po", document.targetLanguage?.language != "en" {
      source = LanguageTag("en")
    }
    return pair(source: source, target: document.targetLanguage)
  }

  /// Whether a translation is far shorter than its source leads to expect (`omission`).
  func isTooShort(sourceLength: Int, targetLength: Int) -> Bool {
    Double(targetLength) <= shortFactor * expected(sourceLength: sourceLength)
      && deviation(sourceLength: sourceLength, targetLength: targetLength) <= -3.5
  }

  /// Whether a translation is far longer than its source leads to expect (`addition`).
  func isTooLong(sourceLength: Int, targetLength: Int) -> Bool {
    Double(targetLength) >= longFactor * expected(sourceLength: sourceLength)
      && deviation(sourceLength: sourceLength, targetLength: targetLength) >= 3.5
  }

  /// The standard score of a target length for a source length (negative: shorter than expected).
  func deviation(sourceLength: Int, targetLength: Int) -> Double {
    guard sourceLength > 0 else { return targetLength > 0 ? .infinity : 0 }
    let n = Double(sourceLength)
    return (Double(targetLength) - ratio * n) / (variance * n).squareRoot()
  }

  /// The expected target length for a source length.
  func expected(sourceLength: Int) -> Double { ratio * Double(sourceLength) }

  /// The lengths the model compares: letters and digits of each side's words, leaving out the
  /// words both sides share (names, acronyms and numbers copied unchanged say nothing about
  /// whether the translation is complete). `counted` also leaves out, given the glossary, the
  /// terms of concepts found on both sides (ООН and United Nations, постпред and permanent
  /// representative: a fixed rendering whose length says nothing about what was left out or
  /// added); `raw` keeps them, for the minimum lengths a judgement needs.
  static func lengths(
    source: AnnotatedSpan, target: AnnotatedSpan, glossary: CompiledGlossary? = nil
  )
    -> (raw: (source: Int, target: Int), counted: (source: Int, target: Int))
  {
    var skipSource = Set<Int>()
    var skipTarget = Set<Int>()
    if let glossary, !source.hits.isEmpty, !target.hits.isEmpty {
      let concepts = Set(source.hits.map { glossary.entries[$0.entryIndex].conceptIndex })
        .intersection(target.hits.map { glossary.entries[$0.entryIndex].conceptIndex })
      for hit in source.hits where concepts.contains(glossary.entries[hit.entryIndex].conceptIndex)
      { skipSource.formUnion(hit.tokenRange) }
      for hit in target.hits where concepts.contains(glossary.entries[hit.entryIndex].conceptIndex)
      { skipTarget.formUnion(hit.tokenRange) }
    }
    let raw = lengths(source: source, target: target, skipping: [], [])
    if skipSource.isEmpty && skipTarget.isEmpty { return (raw, raw) }
    return (raw, lengths(source: source, target: target, skipping: skipSource, skipTarget))
  }

  private static func lengths(
    source: AnnotatedSpan, target: AnnotatedSpan, skipping skipSource: Set<Int>,
    _ skipTarget: Set<Int>
  ) -> (source: Int, target: Int) {
    // Each counted word with whether it stands in brackets. White space, line breaks and
    // punctuation are never counted, so a column layout (runs of spaces, a line break and
    // indentation) measures the same as running text.
    func forms(_ span: AnnotatedSpan, skipping skip: Set<Int>) -> [(
      form: [UInt16], bracketed: Bool
    )] {
      let bracketed = bracketedTokens(span)
      return span.tokens.indices.filter {
        span.tokens[$0].kind != .punctuation && !skip.contains($0)
      }.map {
        (Array(span.normalized.units[span.tokens[$0].range]), bracketed.contains($0))
      }
    }
    let s = forms(source, skipping: skipSource)
    let t = forms(target, skipping: skipTarget)
    var shared = Set(s.map(\.form)).intersection(t.map(\.form))
    // A translator's gloss: the translation renders a word and adds the original in brackets
    // (*слияние (merge)*, *Институт … (Health Data Research UK)*). The bracketed copy is left
    // out of the translation as a shared word, but the source word then counts, against the
    // rendering it has in the translation; otherwise every gloss would look like added text.
    // The same the other way round: a source that glosses a word the translation keeps.
    let sourceOutside = Set(s.filter { !$0.bracketed }.map(\.form))
    let targetOutside = Set(t.filter { !$0.bracketed }.map(\.form))
    let glossed = shared.filter {
      sourceOutside.contains($0) && !targetOutside.contains($0) && isWord($0)
    }
    let glossedInSource = shared.filter {
      targetOutside.contains($0) && !sourceOutside.contains($0) && isWord($0)
    }
    shared.subtract(glossed)
    shared.subtract(glossedInSource)
    func count(_ words: [(form: [UInt16], bracketed: Bool)], skipping skipped: Set<[UInt16]>) -> Int
    {
      var n = 0
      for (word, _) in words where !shared.contains(word) && !skipped.contains(word) {
        for u in word {
          if u < 0x80 {
            if (u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) {
              n += 1
            }
          } else if u >= 0xDC00 && u <= 0xDFFF {
            continue  // the second half of a surrogate pair was counted with the first
          } else if (u >= 0xD800 && u <= 0xDBFF)
            || UnicodeProperties.has(codePoint: UInt32(u), .alphabetic)
          {
            n += 1
          }
        }
      }
      return n
    }
    return (count(s, skipping: glossedInSource), count(t, skipping: glossed))
  }

  /// Whether a form has a letter (a number in brackets is not a gloss).
  private static func isWord(_ form: [UInt16]) -> Bool {
    form.contains { u in
      u >= 0x80
        ? UnicodeProperties.has(codePoint: UInt32(u), .alphabetic)
        : ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A)
    }
  }

  /// The indices of the tokens that stand inside round brackets opened after white space or at
  /// the start (a parenthesis, not a placeholder such as `%(name)s` or a call `f(x)`).
  static func bracketedTokens(_ span: AnnotatedSpan) -> Set<Int> {
    var result = Set<Int>()
    var open: [Bool] = []  // each open bracket: whether it is a parenthesis
    var depth = 0
    var position = 0
    let units = span.normalized.units
    for (k, token) in span.tokens.enumerated() {
      while position < token.range.lowerBound && position < units.count {
        if units[position] == 0x28 {
          let parenthesis = position == 0 || TextScan.isSpace(units[position - 1])
          open.append(parenthesis)
          if parenthesis { depth += 1 }
        } else if units[position] == 0x29, let parenthesis = open.popLast(), parenthesis {
          depth -= 1
        }
        position += 1
      }
      if depth > 0 { result.insert(k) }
    }
    return result
  }
}
