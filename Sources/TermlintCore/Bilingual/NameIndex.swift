import Foundation
import TermlintGlossary
import TermlintText

/// The glossary's proper names in one language, ready for near-miss comparison.
struct NameIndex: Sendable {
  /// One allowed proper-noun term.
  struct Name {
    /// The term's words as written (case preserved).
    var words: [String]
    /// The folded words.
    var folded: [[Character]]
    /// The words' romanization skeletons (`NameMatching.skeleton`).
    var skeletons: [[Character]]
    /// The glossary entry.
    var entryIndex: Int
    /// The concept.
    var conceptIndex: Int
    /// Whether single words of it may be compared on their own (a single-word name, or the
    /// romanized last word of a multi-word name: a person's surname).
    var partsComparable: [Bool]
    /// Whether each word is the romanization of a word of the concept's source-language name.
    var partsRomanized: [Bool]
    /// Whether the name is a translated name of two or more words (*Finance Ministry* ←
    /// *Минфин*, *Black Sea Fleet*), known because the source name was romanized and no word
    /// matched it. Its words are ordinary words: a capitalised sequence that differs from it in
    /// a word is another name (*Finance Minister*), not a misspelling.
    var isTranslated = false
  }

  /// The allowed proper-noun terms.
  let names: [Name]
  /// Indices of `names`, names with more words first (a stable sort: equal lengths keep the
  /// glossary's order).
  private let longestFirst: [Int]
  /// The names of two words or more, as indices of `names` in `longestFirst` order, by the
  /// first letter of their first folded word: a name whose first letter starts no word of a
  /// sequence cannot match it.
  private let multiWordByFirst: [Character: [Int]]
  /// The names of two words or more whose first folded word is empty (compared with every
  /// sequence), in `longestFirst` order.
  private let multiWordUnlettered: [Int]
  /// Each name's position in `longestFirst`.
  private let rank: [Int]
  /// Every word of a name that may be compared on its own (`partsComparable`, 5 letters or
  /// more), as (name, word) indices in the order of `names`, by its first letter.
  private let comparablePartsByFirst: [Character: [(name: Int, part: Int)]]
  /// Every word of every term of the language (any status), folded: a word that is one of
  /// these is never a misspelling. Collected on first use: only a near miss needs it, and
  /// collecting it folds every word of the glossary (a noticeable part of start-up).
  var knownWords: Set<[Character]> { known.words }
  private let known: KnownWords
  /// The language's stemmer: an inflected form of a name (*Харькове*, *Рябкову*) is the name.
  let morphology: TermlintText.Morphology

  private struct CacheKey: Hashable, Sendable {
    var language: LanguageTag?
    var source: LanguageTag?
  }

  /// The index of `language`'s proper nouns for a source language, built once per glossary and
  /// shared by every document of a run (building it walks every term of the glossary).
  static func shared(glossary: CompiledGlossary, language: LanguageTag?, source: LanguageTag?)
    -> NameIndex
  {
    glossary.derived.value(for: CacheKey(language: language, source: source)) {
      NameIndex(glossary: glossary, language: language, source: source)
    }
  }

  /// Builds the index of `language`'s proper nouns; `source` helps recognise romanized words.
  ///
  /// It keeps no reference to the glossary: the glossary's `derived` cache holds the index, and
  /// a reference back made a cycle that kept every compiled glossary alive for good (found by
  /// LeakSanitizer, Documentation/Security.md).
  init(glossary: CompiledGlossary, language: LanguageTag?, source: LanguageTag?) {
    self.morphology = Morphology(language: language)
    self.known = KnownWords(entries: glossary.entries, language: language)
    var names: [Name] = []
    guard let language else {
      self.names = []
      self.longestFirst = []
      self.multiWordByFirst = [:]
      self.multiWordUnlettered = []
      self.rank = []
      self.comparablePartsByFirst = [:]
      return
    }
    let transliterate = source?.language == "ru" ? Transliterator.russianLatinBGN : nil
    for (index, entry) in glossary.entries.enumerated() where entry.term.language.matches(language)
    {
      guard entry.term.isProperNoun, entry.term.effectiveStatus.isAllowed else { continue }
      let words = NameIndex.words(entry.term.text)
      guard !words.isEmpty else { continue }
      let isAcronym = words.contains { w in w.count >= 2 && w.allSatisfy { !$0.isLowercase } }
      if isAcronym { continue }
      var comparable = [Bool](repeating: words.count == 1, count: words.count)
      var romanized = [Bool](repeating: false, count: words.count)
      if words.count > 1, let transliterate, let source {
        // A word of a multi-word name may stand alone when it is the romanization of a word of
        // the concept's source-language name (Ryabkov ← Рябков), never for ordinary words of
        // institutional names (Council ← Совет).
        let concept = glossary.glossary.concepts[entry.conceptIndex]
        let sourceWords = concept.terms(in: source).flatMap { NameIndex.words($0.text) }.map {
          NameMatching.skeleton(transliterate.transliterate($0))
        }
        // Words that romanize a source word (Sergey ← Сергей), not cognates (Organization ←
        // Организация); of them only the last (a surname) may be compared on its own.
        for (k, w) in words.enumerated() {
          let key = NameMatching.skeleton(w)
          romanized[k] =
            w.first?.isUppercase == true
            && sourceWords.contains { NameMatching.distance($0, key) <= 1 }
        }
        comparable[words.count - 1] = romanized[words.count - 1]
      }
      let translated =
        words.count > 1 && transliterate != nil && source != nil && !romanized.contains(true)
        && !glossary.glossary.concepts[entry.conceptIndex].terms(in: source!).isEmpty
      names.append(
        Name(
          words: words, folded: words.map(NameMatching.fold),
          skeletons: words.map(NameMatching.skeleton), entryIndex: index,
          conceptIndex: entry.conceptIndex,
          partsComparable: comparable, partsRomanized: romanized, isTranslated: translated))
    }
    self.names = names
    self.longestFirst = names.indices.sorted { names[$0].words.count > names[$1].words.count }
    var rank = [Int](repeating: 0, count: names.count)
    var byFirst: [Character: [Int]] = [:]
    var unlettered: [Int] = []
    for (position, i) in longestFirst.enumerated() {
      rank[i] = position
      guard names[i].words.count >= 2 else { continue }
      if let letter = names[i].folded[0].first {
        byFirst[letter, default: []].append(i)
      } else {
        unlettered.append(i)
      }
    }
    self.rank = rank
    self.multiWordByFirst = byFirst
    self.multiWordUnlettered = unlettered
    var parts: [Character: [(name: Int, part: Int)]] = [:]
    for (i, name) in names.enumerated() {
      for (p, part) in name.folded.enumerated() where name.partsComparable[p] && part.count >= 5 {
        parts[part[0], default: []].append((i, p))
      }
    }
    self.comparablePartsByFirst = parts
  }

  /// The folded words of every term of a language, collected once on first use (thread-safe).
  /// It holds the glossary's entries (an array that shares
  /// the glossary's storage), never the glossary itself: the glossary's `derived` cache holds
  /// the index, and a reference back would keep every compiled glossary alive.
  private final class KnownWords: @unchecked Sendable {
    private let lock = NSLock()
    private let entries: [CompiledGlossary.Entry]
    private let language: LanguageTag?
    private var value: Set<[Character]>?

    init(entries: [CompiledGlossary.Entry], language: LanguageTag?) {
      self.entries = entries
      self.language = language
    }

    var words: Set<[Character]> {
      lock.lock()
      defer { lock.unlock() }
      if let value { return value }
      var known = Set<[Character]>()
      if let language {
        for entry in entries where entry.term.language.matches(language) {
          for w in NameIndex.words(entry.term.text) { known.insert(NameMatching.fold(w)) }
        }
      }
      value = known
      return known
    }
  }

  /// Whether two folded words share a stem (inflections of one name in an inflected language).
  private func sameStem(_ a: [Character], _ b: [Character]) -> Bool {
    guard morphology.hasStemmer else { return false }
    return morphology.stem(String(a)) == morphology.stem(String(b))
  }

  /// Splits a term into words at white space.
  static func words(_ text: String) -> [String] {
    // Fast path: ASCII white space is tab to carriage return and the space.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map {
        String(Substring($0))
      }
    }
    return text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
  }

  /// A near miss found in a text.
  struct NearMiss {
    /// Token range in the span.
    var tokens: Range<Int>
    /// The name it misspells.
    var name: Name
    /// The replacement to suggest (the glossary term, or its matching word).
    var suggestion: String
  }

  /// Near misses of the glossary's names in a span: capitalised word sequences that are not
  /// glossary terms but differ from one by a few letters.
  ///
  /// - Parameters:
  ///   - concepts: when given, only names of these concepts are considered.
  ///   - exhaustive: compare every name with every sequence instead of looking names up by first
  ///     letter (the same result, slower; for tests of the index).
  func nearMisses(in span: AnnotatedSpan, concepts: Set<Int>? = nil, exhaustive: Bool = false)
    -> [NearMiss]
  {
    // Which names to consider (nil: all of them), without copying any.
    var candidates: [Bool]? = nil
    if let concepts {
      let selected = names.map { concepts.contains($0.conceptIndex) }
      if !selected.contains(true) { return [] }
      candidates = selected
    } else if names.isEmpty {
      return []
    }
    let tokens = span.tokens
    var covered = [Bool](repeating: false, count: tokens.count)
    for hit in span.hits { for k in hit.tokenRange { covered[k] = true } }
    var result: [NearMiss] = []
    var i = 0
    while i < tokens.count {
      // A capitalised sequence: words starting with a capital, separated by spaces only.
      guard let first = capitalised(span, i, covered) else {
        i += 1
        continue
      }
      var words: [(index: Int, word: String)] = [(i, first)]
      var j = i + 1
      while j < tokens.count, tokens[j].spaceBefore, let w = capitalised(span, j, covered) {
        words.append((j, w))
        j += 1
      }
      let initial = NameIndex.isSentenceInitial(span, i)
      result += nearMisses(
        words, in: candidates, sentenceInitial: initial, trusted: concepts != nil,
        exhaustive: exhaustive)
      i = j
    }
    return result
  }

  /// The word at token `k` without a possessive ending, when it starts with a capital letter and
  /// is not part of a glossary term.
  private func capitalised(_ span: AnnotatedSpan, _ k: Int, _ covered: [Bool]) -> String? {
    let token = span.tokens[k]
    guard token.kind == .word, !covered[k] else { return nil }
    // Fast exit: an ASCII first letter that is not a capital.
    let firstUnit = span.text[
      span.normalized.map.sourceOffset(startingAt: token.range.lowerBound)]
    if firstUnit < 0x80 && !(firstUnit >= 0x41 && firstUnit <= 0x5A) { return nil }
    var word = span.surface(of: token)
    guard let first = word.first, first.isUppercase, first.isLetter else { return nil }
    for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) {
      word = String(word.dropLast(suffix.count))
      break
    }
    // Words in capitals are acronyms, not names.
    if word.count >= 2 && word.allSatisfy({ !$0.isLowercase }) { return nil }
    return word
  }

  /// Whether token `k` starts a sentence (possibly after opening quotes, brackets or a dash).
  static func isSentenceInitial(_ span: AnnotatedSpan, _ k: Int) -> Bool {
    var j = k - 1
    let units = span.normalized.units
    while j >= 0 {
      let token = span.tokens[j]
      guard token.kind == .punctuation else { return false }
      let c = String(utf16Units: units[token.range])
      if [".", "!", "?", "…", ":", ";"].contains(c) { return true }
      if !["\"", "'", "«", "»", "“", "”", "„", "(", "[", "—", "–", "-", "*", "_"].contains(c) {
        return false
      }
      j -= 1
    }
    return true
  }

  /// Near misses in one capitalised sequence. Single words are compared only where ordinary
  /// words are not capitalised (not at the start of a sentence, and, against single-word names,
  /// not inside a longer capitalised sequence such as a title), unless `trusted` (the source
  /// names the concept).
  private func nearMisses(
    _ words: [(index: Int, word: String)], in candidates: [Bool]?, sentenceInitial: Bool,
    trusted: Bool, exhaustive: Bool
  ) -> [NearMiss] {
    var result: [NearMiss] = []
    let folded = words.map { NameMatching.fold($0.word) }
    // Skeletons are needed only for words compared by distance.
    var skeletonCache = [[Character]?](repeating: nil, count: words.count)
    func skeleton(_ k: Int) -> [Character] {
      if let s = skeletonCache[k] { return s }
      let s = NameMatching.skeleton(String(folded[k]))
      skeletonCache[k] = s
      return s
    }
    var knownCache: Set<[Character]>? = nil
    func known() -> Set<[Character]> {
      if let knownCache { return knownCache }
      let words = knownWords
      knownCache = words
      return words
    }
    var used = [Bool](repeating: false, count: words.count)
    // Whole names first (longest first), then single words.
    // A whole name matches only where its first word's first letter starts a word: the
    // names of each first letter of the sequence, in longest-first order.
    var multiWord: [Int] = []
    if exhaustive {
      multiWord = longestFirst.filter { i in
        names[i].folded[0].first.map { letter in folded.contains { $0.first == letter } } ?? true
      }
    } else if words.count >= 2 {
      var letters = Set<Character>()
      for w in folded {
        if let letter = w.first, letters.insert(letter).inserted {
          multiWord += multiWordByFirst[letter] ?? []
        }
      }
      multiWord += multiWordUnlettered
      multiWord.sort { rank[$0] < rank[$1] }
    }
    for i in multiWord where candidates?[i] ?? true {
      let name = names[i]
      guard name.words.count >= 2 && name.words.count <= words.count, !name.isTranslated else {
        continue
      }
      let n = name.words.count
      for start in 0...(words.count - n) where !used[start..<(start + n)].contains(true) {
        var edits = 0
        var ok = true
        for k in 0..<n {
          let w = folded[start + k]
          let t = name.folded[k]
          if w == t { continue }
          if w.first != t.first || abs(w.count - t.count) > 2 {
            ok = false
            break
          }
          let d = NameMatching.nameDistance(w, skeleton(start + k), t, name.skeletons[k])
          if w.first != t.first || d > NameMatching.allowedEdits(length: min(w.count, t.count))
            || NameMatching.isDerived(w, from: t) || NameMatching.isDerived(t, from: w)
            || sameStem(w, t)
            || (!name.partsRomanized[k] && known().contains(w))
          {
            ok = false
            break
          }
          edits += d
        }
        guard ok, edits > 0 else { continue }
        // A multi-word window must also not be a different known name (all words known).
        if (0..<n).allSatisfy({ known().contains(folded[start + $0]) }) { continue }
        for k in start..<(start + n) { used[k] = true }
        // Report only the words that differ (Sergey *Riabkow* → Ryabkov).
        let differing = (0..<n).filter { folded[start + $0] != name.folded[$0] }
        let first = differing.first!
        let last = differing.last!
        let range = words[start + first].index..<(words[start + last].index + 1)
        result.append(
          NearMiss(
            tokens: range, name: name, suggestion: name.words[first...last].joined(separator: " ")))
      }
    }
    // Single words against single-word names and the romanized words of longer names.
    // (A word of the glossary is never a misspelling: tested last, when a name is close.)
    for (k, w) in folded.enumerated() where !used[k] && w.count >= 5 {
      if !trusted && k == 0 && sentenceInitial { continue }
      var best: (Name, Int, Int)? = nil  // name, word index, distance
      let parts =
        exhaustive
        ? names.indices.flatMap { i in names[i].folded.indices.map { (name: i, part: $0) } }.filter
        {
          names[$0.name].partsComparable[$0.part] && names[$0.name].folded[$0.part].count >= 5
            && names[$0.name].folded[$0.part].first == w[0]
        } : comparablePartsByFirst[w[0]] ?? []
      for (i, p) in parts where candidates?[i] ?? true {
        let name = names[i]
        if !trusted && name.words.count == 1 && words.count > 1 { continue }
        let part = name.folded[p]
        guard abs(part.count - w.count) <= 2 else { continue }
        if exhaustive
          && (NameMatching.isDerived(w, from: part) || NameMatching.isDerived(part, from: w)
            || sameStem(w, part))
        {
          continue  // the tests in the order used before the distance came first
        }
        // The distance first: it rules out almost every part, and the other tests are dearer.
        let d = NameMatching.nameDistance(w, skeleton(k), part, name.skeletons[p])
        guard d > 0, d <= NameMatching.allowedEdits(length: min(w.count, part.count)),
          !NameMatching.isDerived(w, from: part),
          !NameMatching.isDerived(part, from: w), !sameStem(w, part)
        else { continue }
        if best == nil || d < best!.2 { best = (name, p, d) }
      }
      if let (name, p, _) = best, !known().contains(w) {
        used[k] = true
        let range = words[k].index..<(words[k].index + 1)
        result.append(NearMiss(tokens: range, name: name, suggestion: name.words[p]))
      }
    }
    return result
  }
}
