import Foundation
import TermlintGlossary
import TermlintText

/// Proposes glossary entries from aligned text (`termlint glossary extract`).
///
/// 1. Each side is normalized and tokenized as `lint` does; hyphenated and slashed compounds
///    (*COVID-19*, *alcohol-based*) are one unit, other punctuation ends a phrase.
/// 2. Source candidates are runs of `minWords` (default 2) to `maxWords` units that neither
///    start nor end with a stopword and hold a letter, grouped by their Snowball stems
///    (*confirmed case* and *confirmed cases* are one candidate) and counted in segments. A
///    candidate seen in fewer than `minCount` segments, in at least three quarters of its
///    segments inside one longer candidate, or made of general-language words only (dates,
///    *people*, *government*), is dropped.
/// 3. For each candidate, every target phrase (1 to `maxWords + 1` units, same rules) in the same
///    segments is scored by the Dice coefficient `2·c(s,t) / (f(s) + f(t))`; the best one is the
///    proposed translation (ties: the longer phrase). The log-likelihood ratio G² of the pair is
///    reported too.
///    On equal Dice the phrase closest in length to the source phrase wins. A longer target
///    phrase (at most two words longer than the source phrase) containing the best one wins
///    when its Dice is at least 0.7 of it.
/// 4. Candidates are ranked by `Dice × log2(1 + C-value)`, where the C-value (Frantzi et al.
///    2000) is the frequency less the mean frequency of the longer candidates containing the
///    phrase, times `log2(1 + words)`: frequent, complete phrases with one consistent
///    translation first.
public struct TermExtractor: Sendable {
  /// Settings for an extraction.
  public struct Options: Sendable {
    /// Fewest segments a source phrase must occur in.
    public var minCount: Int
    /// Fewest words in a source phrase.
    public var minWords: Int
    /// Most words in a source phrase (target phrases may have one more).
    public var maxWords: Int
    /// Most candidates returned.
    public var limit: Int

    /// Creates options.
    public init(minCount: Int = 2, minWords: Int = 2, maxWords: Int = 4, limit: Int = 100) {
      self.minCount = minCount
      self.minWords = minWords
      self.maxWords = maxWords
      self.limit = limit
    }
  }

  /// A proposed entry.
  public struct Candidate: Sendable, Equatable {
    /// The source phrase, in its most frequent spelling.
    public var source: String
    /// The proposed target phrase, nil when no target phrase co-occurs twice.
    public var target: String?
    /// Segments the source phrase occurs in.
    public var frequency: Int
    /// Segments where the source and target phrases occur together.
    public var cooccurrence: Int
    /// Dice coefficient of the pair (0–1).
    public var dice: Double
    /// Log-likelihood ratio G² of the pair.
    public var logLikelihood: Double
    /// The ranking score.
    public var score: Double
  }

  /// The source language.
  public let sourceLanguage: LanguageTag
  /// The target language.
  public let targetLanguage: LanguageTag
  /// The settings.
  public let options: Options

  /// Creates an extractor.
  public init(
    sourceLanguage: LanguageTag, targetLanguage: LanguageTag, options: Options = Options()
  ) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.options = options
  }

  /// Candidates from aligned segment pairs, best first.
  ///
  /// - Parameters:
  ///   - pairs: source and target text of each aligned segment.
  ///   - known: a glossary whose source-language terms are skipped (already entered).
  /// - Throws: `ICUError` when ICU cannot open a word break iterator.
  public func extract(_ pairs: [(source: String, target: String)], known: Glossary? = nil) throws
    -> [Candidate]
  {
    let tokenizer = try Tokenizer()
    var sourceSide = Side(language: sourceLanguage)
    var targetSide = Side(language: targetLanguage)
    var sourceGrams: [[Int32: Int]] = []  // per segment: n-gram id → first occurrence
    var targetGrams: [Set<Int32>] = []
    for pair in pairs {
      sourceGrams.append(
        sourceSide.ngrams(
          pair.source, tokenizer: tokenizer, minWords: 1, maxWords: options.maxWords))
      targetGrams.append(
        Set(
          targetSide.ngrams(
            pair.target, tokenizer: tokenizer, minWords: 1, maxWords: options.maxWords + 1
          ).keys))
    }
    var sourceFrequency: [Int32: Int] = [:]
    var postings: [Int32: [Int]] = [:]
    for (segment, grams) in sourceGrams.enumerated() {
      for gram in grams.keys {
        sourceFrequency[gram, default: 0] += 1
        postings[gram, default: []].append(segment)
      }
    }
    var targetFrequency: [Int32: Int] = [:]
    for grams in targetGrams { for gram in grams { targetFrequency[gram, default: 0] += 1 } }

    // Candidates: frequent enough, long enough, not nearly always inside a longer candidate.
    let frequent = sourceFrequency.filter { $0.value >= options.minCount }
    // longer candidates containing a gram
    var nested: [Int32: (sum: Int, count: Int, max: Int)] = [:]
    for (gram, count) in frequent {
      let units = sourceSide.units(of: gram)
      guard units.count >= 2 else { continue }
      var subs: Set<Int32> = []
      for length in 1..<units.count {
        for start in 0...(units.count - length) {
          if let sub = sourceSide.id(of: Array(units[start..<(start + length)])) {
            subs.insert(sub)
          }
        }
      }
      for sub in subs {
        let old = nested[sub] ?? (0, 0, 0)
        nested[sub] = (old.sum + count, old.count + 1, max(old.max, count))
      }
    }
    let knownKeys = known.map { sourceSide.knownKeys($0, tokenizer: tokenizer) } ?? []
    let total = Double(pairs.count)
    var candidates: [Candidate] = []
    for (gram, count) in frequent {
      let length = sourceSide.units(of: gram).count
      guard length >= options.minWords, !sourceSide.isFiller(gram) else { continue }
      if let inside = nested[gram], Double(inside.max) >= 0.75 * Double(count) { continue }
      if knownKeys.contains(sourceSide.units(of: gram)) { continue }
      var together: [Int32: Int] = [:]
      for segment in postings[gram] ?? [] {
        for t in targetGrams[segment] { together[t, default: 0] += 1 }
      }
      let scored = together.filter { $0.value >= 2 }.map { t, c in
        (
          gram: t, c: c, dice: 2 * Double(c) / Double(count + (targetFrequency[t] ?? c)),
          length: targetSide.units(of: t).count
        )
      }
      // Equal Dice (common in small texts): a phrase about as long as the source phrase, then
      // the longer one.
      func beats(
        _ a: (gram: Int32, c: Int, dice: Double, length: Int),
        _ b: (gram: Int32, c: Int, dice: Double, length: Int)
      ) -> Bool {
        if abs(a.dice - b.dice) > 1e-9 { return a.dice > b.dice }
        if abs(a.length - length) != abs(b.length - length) {
          return abs(a.length - length) < abs(b.length - length)
        }
        if a.length != b.length { return a.length > b.length }
        if a.c != b.c { return a.c > b.c }
        return a.gram < b.gram
      }
      var best = scored.max { beats($1, $0) }
      // A longer phrase that contains the best one and scores nearly as well is the fuller
      // translation (*цитокинового шторма* rather than *цитокинового*).
      if let b = best {
        let core = targetSide.units(of: b.gram)
        let fuller = scored.filter {
          $0.length > b.length && $0.length <= length + 2 && $0.dice >= 0.7 * b.dice
            && Self.contains(targetSide.units(of: $0.gram), core)
        }
        if let longest = fuller.max(by: { ($0.length, $0.dice) < ($1.length, $1.dice) }) {
          best = longest
        }
      }
      let dice = best?.dice ?? 0
      let llr =
        best.map {
          Self.logLikelihood(
            a: Double($0.c), sourceCount: Double(count),
            targetCount: Double(targetFrequency[$0.gram] ?? $0.c), total: total)
        } ?? 0
      // C-value (Frantzi et al.): frequency minus the mean frequency of the longer candidates
      // that contain the phrase, weighted by length, so truncated phrases rank low.
      let adjusted = Double(count) - (nested[gram].map { Double($0.sum) / Double($0.count) } ?? 0)
      let cValue = log2(1 + Double(length)) * max(0, adjusted)
      candidates.append(
        Candidate(
          source: sourceSide.surface(of: gram),
          target: best.map { targetSide.surface(of: $0.gram) }, frequency: count,
          cooccurrence: best?.c ?? 0, dice: dice, logLikelihood: llr, score: dice * log2(1 + cValue)
        ))
    }
    candidates.sort { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.frequency != b.frequency { return a.frequency > b.frequency }
      return a.source < b.source
    }
    return Array(candidates.prefix(options.limit))
  }

  /// Whether `short` occurs contiguously in `long`.
  static func contains(_ long: [Int32], _ short: [Int32]) -> Bool {
    guard !short.isEmpty, short.count <= long.count else { return false }
    for start in 0...(long.count - short.count)
    where Array(long[start..<(start + short.count)]) == short { return true }
    return false
  }

  /// Dunning's log-likelihood ratio G² for a 2×2 contingency table.
  static func logLikelihood(a: Double, sourceCount: Double, targetCount: Double, total: Double)
    -> Double
  {
    let b = sourceCount - a
    let c = targetCount - a
    let d = max(0, total - sourceCount - targetCount + a)
    func term(_ observed: Double, _ row: Double, _ column: Double) -> Double {
      guard observed > 0 else { return 0 }
      return observed * log(observed * total / (row * column))
    }
    return 2
      * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c)
        + term(d, c + d, b + d))
  }

  /// A glossary draft of candidates: one concept per candidate, every term `proposed`, the
  /// evidence in the concept note.
  public func draft(_ candidates: [Candidate]) -> Glossary {
    var ids: Set<String> = []
    var concepts: [Concept] = []
    for (rank, candidate) in candidates.enumerated() {
      let latin = [candidate.source, candidate.target ?? ""].first {
        $0.unicodeScalars.contains {
          UnicodeProperties.script($0) == UnicodeProperties.Script.latin
        }
      }
      var id = latin.map(Self.slug) ?? ""
      if id.isEmpty { id = "candidate-\(rank + 1)" }
      var unique = id
      var suffix = 2
      while !ids.insert(unique).inserted {
        unique = "\(id)-\(suffix)"
        suffix += 1
      }
      var terms = [Term(candidate.source, language: sourceLanguage, status: .proposed)]
      if let target = candidate.target {
        terms.append(Term(target, language: targetLanguage, status: .proposed))
      }
      let evidence =
        candidate.target == nil
        ? "proposed by glossary extract: in \(candidate.frequency) segments; no consistent translation found"
        : String(
          format:
            "proposed by glossary extract: in %d segments, with the target phrase in %d (Dice %.2f, G² %.1f)",
          candidate.frequency, candidate.cooccurrence, candidate.dice, candidate.logLikelihood)
      concepts.append(Concept(id: unique, note: evidence, terms: terms))
    }
    return Glossary(
      concepts: concepts, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
  }

  /// Lower-case ASCII letters and digits joined by hyphens.
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in UnicodeProperties.lowercase(text).unicodeScalars {
      if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
        if pendingHyphen && !out.isEmpty { out += "-" }
        out.unicodeScalars.append(scalar)
        pendingHyphen = false
      } else {
        pendingHyphen = true
      }
    }
    return out
  }
}

// MARK: - One language side

/// Tokenizing, stemming and interning for one side of the text.
private struct Side {
  /// A word, number or compound with its stem key.
  struct Unit {
    var key: Int32
    var isStopword: Bool
    var hasLetter: Bool
    var range: Range<Int>  // UTF-16 range in the original segment text
  }

  let morphology: TermlintText.Morphology
  let stopwords: Set<String>
  /// Stems of general-language words (never a candidate on their own).
  let commonStems: Set<[UInt16]>
  var commonKeys: Set<Int32> = []
  var unitKeys: [String: Int32] = [:]
  var gramIDs: [[Int32]: Int32] = [:]
  var grams: [[Int32]] = []
  /// Spellings of each gram, counted separately at the start of a segment (where capitals
  /// are sentence-initial) and elsewhere.
  var surfaces: [[String: Int]] = []
  var initialSurfaces: [[String: Int]] = []
  var stopwordKeys: Set<Int32> = []

  init(language: LanguageTag) {
    let morphology = Morphology(language: language)
    self.morphology = morphology
    stopwords = Stopwords.list(for: language.language)
    commonStems = Set(
      Stopwords.commonWords(for: language.language).map { morphology.stem(utf16: Array($0.utf16)) })
  }

  mutating func intern(_ key: String) -> Int32 {
    if let id = unitKeys[key] { return id }
    let id = Int32(unitKeys.count)
    unitKeys[key] = id
    return id
  }

  func units(of gram: Int32) -> [Int32] { grams[Int(gram)] }

  func id(of units: [Int32]) -> Int32? { gramIDs[units] }

  /// A gram made only of stopwords, numbers and general-language words is not a term.
  func isFiller(_ gram: Int32) -> Bool {
    grams[Int(gram)].allSatisfy { stopwordKeys.contains($0) || commonKeys.contains($0) }
  }

  /// The most frequent spelling of a gram away from the start of a segment (on a tie, the
  /// alphabetically first), else the most frequent one at the start.
  func surface(of gram: Int32) -> String {
    let counts = surfaces[Int(gram)].isEmpty ? initialSurfaces[Int(gram)] : surfaces[Int(gram)]
    return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? ""
  }

  /// The units of a text, split into phrases at punctuation.
  mutating func phrases(_ text: String, tokenizer: Tokenizer) -> [[Unit]] {
    let normalized = NormalizedText(text, options: .matching)
    let tokens = tokenizer.tokens(in: normalized.units)
    var phrases: [[Unit]] = [[]]
    var k = 0
    while k < tokens.count {
      let token = tokens[k]
      guard token.kind != .punctuation else {
        if !phrases[phrases.count - 1].isEmpty { phrases.append([]) }
        k += 1
        continue
      }
      // Glue `word-word`, `word/word` and `word'word` into one unit.
      var end = k
      var key = String(utf16Units: unitKey(token, normalized))
      var hasLetter = token.kind == .word
      while end + 2 < tokens.count {
        let joiner = tokens[end + 1]
        let next = tokens[end + 2]
        let joinerText = normalized.units[joiner.range]
        guard joiner.kind == .punctuation, !joiner.spaceBefore, !next.spaceBefore,
          next.kind != .punctuation,
          joinerText.count == 1, [0x2D, 0x2F, 0x27].contains(joinerText.first!)
        else { break }
        key += String(utf16Units: joinerText) + String(utf16Units: unitKey(next, normalized))
        hasLetter = hasLetter || next.kind == .word
        end += 2
      }
      let form = String(
        utf16Units: normalized.units[token.range.lowerBound..<tokens[end].range.upperBound])
      let id = intern(key)
      let isStopword = stopwords.contains(form) || !hasLetter || form.count < 2
      if isStopword { stopwordKeys.insert(id) }
      if end == k && token.kind == .word && commonStems.contains(unitKey(token, normalized)) {
        commonKeys.insert(id)
      }
      let range = normalized.map.sourceRange(token.range.lowerBound..<tokens[end].range.upperBound)
      phrases[phrases.count - 1].append(
        Unit(key: id, isStopword: isStopword, hasLetter: hasLetter, range: range))
      k = end + 1
    }
    return phrases.filter { !$0.isEmpty }
  }

  private func unitKey(_ token: Token, _ normalized: NormalizedText) -> [UInt16] {
    let form = Array(normalized.units[token.range])
    return token.kind == .word && morphology.hasStemmer ? morphology.stem(utf16: form) : form
  }

  /// The grams of a text (1 to `maxWords` units, no stopword at either end), by id, with their
  /// spellings counted once per text.
  mutating func ngrams(_ text: String, tokenizer: Tokenizer, minWords: Int, maxWords: Int)
    -> [Int32: Int]
  {
    var found: [Int32: Int] = [:]
    let utf16 = Array(text.utf16)
    for (phraseIndex, phrase) in phrases(text, tokenizer: tokenizer).enumerated() {
      for start in phrase.indices where !phrase[start].isStopword {
        for length in minWords...maxWords {
          let end = start + length - 1
          guard end < phrase.count else { break }
          guard !phrase[end].isStopword else { continue }
          let key = phrase[start...end].map(\.key)
          let gram: Int32
          if let existing = gramIDs[key] {
            gram = existing
          } else {
            gram = Int32(grams.count)
            gramIDs[key] = gram
            grams.append(key)
            surfaces.append([:])
            initialSurfaces.append([:])
          }
          if found[gram] == nil {
            found[gram] = start
            let range = phrase[start].range.lowerBound..<phrase[end].range.upperBound
            let spelled = GlossaryFormatter.canonicalTermText(String(utf16Units: utf16[range]))
            if phraseIndex == 0 && start == 0 {
              initialSurfaces[Int(gram)][spelled, default: 0] += 1
            } else {
              surfaces[Int(gram)][spelled, default: 0] += 1
            }
          }
        }
      }
    }
    return found
  }

  /// The unit keys of a glossary's terms in this side's language.
  mutating func knownKeys(_ glossary: Glossary, tokenizer: Tokenizer) -> Set<[Int32]> {
    var keys: Set<[Int32]> = []
    for concept in glossary.concepts {
      for term in concept.terms
      where term.language.language == morphology.language || morphology.language.isEmpty {
        for phrase in phrases(term.text, tokenizer: tokenizer) { keys.insert(phrase.map(\.key)) }
      }
    }
    return keys
  }
}
