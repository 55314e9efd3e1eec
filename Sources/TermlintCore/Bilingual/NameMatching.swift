/// Spelling comparisons for proper names: edit distance scaled by length, folding of
/// romanization conventions, and the glossary's names in a form ready for comparison.
enum NameMatching {
  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
        current[j] = v
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// How many edits a word of `length` letters may differ by and still be a near miss: none up
  /// to 4 letters, one up to 8, two from 9.
  static func allowedEdits(length: Int) -> Int {
    length < 5 ? 0 : (length < 9 ? 1 : 2)
  }

  /// A word folded for comparison: case-folded, accents and apostrophes (also the BGN primes
  /// ʹ ʺ) removed.
  static func fold(_ word: String) -> [Character] {
    // Fast path: ASCII letters only need lower-casing.
    if word.utf8.allSatisfy({ $0 < 0x80 }) {
      return word.unicodeScalars.compactMap { u in
        if "'`-".unicodeScalars.contains(u) { return nil }
        return Character(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u)
      }
    }
    let decomposed = Normalizer.nfd.normalize(UnicodeProperties.foldCase(word))
    var out: [Character] = []
    for scalar in decomposed.unicodeScalars {
      if UnicodeProperties.generalCategory(scalar) == 6 { continue }  // Mn: combining accents
      if "'’ʹʺ·`´-".unicodeScalars.contains(scalar) { continue }
      out.append(Character(scalar))
    }
    return out
  }

  /// A romanized word reduced to a skeleton in which the usual variants of English
  /// romanization of Russian coincide: *Zelensky*/*Zelenskiy*, *Dmitri*/*Dmitry*,
  /// *Alexei*/*Aleksey*, *Yevgeny*/*Evgeny*, *Vassily*/*Vasily*, *Riabkov*/*Ryabkov*,
  /// *Shoigu*/*Shoygu*, *Maria*/*Mariya*, *Fyodor*/*Fedor*, *Alexander*/*Aleksandr*,
  /// *Darwin*/*Darvin*.
  ///
  /// The letters *i*, *y* and *j* are dropped altogether: they carry most of the variation
  /// (й, я, е, ё, ю and the endings -ий, -ый), so names that differ only there are the same name.
  static func skeleton(_ word: String) -> [Character] {
    let s = fold(word)
    var t: [Character] = []
    t.reserveCapacity(s.count + 2)
    var k = 0
    func at(_ offset: Int) -> Character? { k + offset < s.count ? s[k + offset] : nil }
    while k < s.count {
      let c = s[k]
      switch c {
      case "x": t += ["k", "s"]
      case "s" where at(1) == "h" && at(2) == "c" && at(3) == "h":
        t += ["s", "h", "h"]
        k += 3
      case "t" where at(1) == "c" && at(2) == "h":
        t += ["c", "h"]
        k += 2
      case "k" where at(1) == "h":
        t.append("h")
        k += 1
      case "t" where at(1) == "z":
        t += ["t", "s"]
        k += 1
      case "w": t.append("v")
      case "y" where at(1) == "o", "i" where at(1) == "o", "j" where at(1) == "o":
        t.append("e")
        k += 1
      default: t.append(c)
      }
      k += 1
    }
    if t.count >= 5 && Array(t.suffix(5)) == ["a", "n", "d", "e", "r"] { t.removeLast(2); t.append("r") }
    var out: [Character] = []
    for c in t where c != "i" && c != "y" && c != "j" && out.last != c { out.append(c) }
    return out
  }

  /// The number of edits between two romanized words, ignoring romanization variants; at
  /// least 1 when the words are spelled differently.
  static func nameDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a == b { return 0 }
    return max(1, distance(skeleton(String(a)), skeleton(String(b))))
  }

  /// `nameDistance` with the skeletons already computed.
  static func nameDistance(_ a: [Character], _ sa: [Character], _ b: [Character], _ sb: [Character]) -> Int {
    if a == b { return 0 }
    return max(1, distance(sa, sb))
  }

  /// Whether `candidate` is an inflection or derivation of `name` rather than a misspelling:
  /// plural, possessive, demonym (*Russia* → *Russian*, *Crimea* → *Crimean*) or the feminine
  /// form of a surname (*Ryabkov* → *Ryabkova*, *Zelensky* → *Zelenska*).
  static func isDerived(_ candidate: [Character], from name: [Character]) -> Bool {
    let c = String(candidate), n = String(name)
    for suffix in ["s", "es", "n", "an", "ian", "ians", "ns", "ans", "ese", "i", "a", "aya", "ite", "ites", "ism"] where c == n + suffix {
      return true
    }
    if let last = n.last, "aeiouy".contains(last) {
      let stem = String(n.dropLast())
      for suffix in ["an", "ian", "ans", "ians", "n", "ns", "a", "aya", "ese"] where c == stem + suffix { return true }
    }
    for (masculine, feminine) in [("sky", "ska"), ("skiy", "skaya"), ("sky", "skaya"), ("skyi", "ska"), ("tsky", "tska"), ("y", "aya")]
    where n.hasSuffix(masculine) && c == n.dropLast(masculine.count) + feminine {
      return true
    }
    return false
  }
}

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
  }

  /// The allowed proper-noun terms.
  let names: [Name]
  /// Indices of `names`, names with more words first (a stable sort: equal lengths keep the
  /// glossary's order).
  private let longestFirst: [Int]
  /// The first letter of each name's first folded word (nil when it has none): a name whose
  /// first letter starts no word of a sequence cannot match it.
  private let firstLetters: [Character?]
  /// Every word of a name that may be compared on its own (`partsComparable`, 5 letters or
  /// more), as (name, word) indices in the order of `names`, by its first letter.
  private let comparablePartsByFirst: [Character: [(name: Int, part: Int)]]
  /// Every word of every term of the language (any status), folded: a word that is one of
  /// these is never a misspelling.
  let knownWords: Set<[Character]>
  /// The language's stemmer: an inflected form of a name (*Харькове*, *Рябкову*) is the name.
  let morphology: Morphology

  private struct CacheKey: Hashable, Sendable {
    var language: LanguageTag?
    var source: LanguageTag?
  }

  /// The index of `language`'s proper nouns for a source language, built once per glossary and
  /// shared by every document of a run (building it walks every term of the glossary).
  static func shared(glossary: CompiledGlossary, language: LanguageTag?, source: LanguageTag?) -> NameIndex {
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
    var names: [Name] = []
    var known = Set<[Character]>()
    guard let language else {
      self.names = []
      self.knownWords = []
      self.longestFirst = []
      self.firstLetters = []
      self.comparablePartsByFirst = [:]
      return
    }
    let transliterate = source?.language == "ru" ? Transliterator.russianLatinBGN : nil
    for (index, entry) in glossary.entries.enumerated() where entry.term.language.matches(language) {
      let words = NameIndex.words(entry.term.text)
      for w in words { known.insert(NameMatching.fold(w)) }
      guard entry.term.isProperNoun, entry.term.effectiveStatus.isAllowed, !words.isEmpty else { continue }
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
          romanized[k] = w.first?.isUppercase == true && sourceWords.contains { NameMatching.distance($0, key) <= 1 }
        }
        comparable[words.count - 1] = romanized[words.count - 1]
      }
      names.append(Name(
        words: words, folded: words.map(NameMatching.fold), skeletons: words.map(NameMatching.skeleton), entryIndex: index,
        conceptIndex: entry.conceptIndex,
        partsComparable: comparable, partsRomanized: romanized))
    }
    self.names = names
    self.longestFirst = names.indices.sorted { names[$0].words.count > names[$1].words.count }
    self.firstLetters = names.map { $0.folded.first?.first }
    var parts: [Character: [(name: Int, part: Int)]] = [:]
    for (i, name) in names.enumerated() {
      for (p, part) in name.folded.enumerated() where name.partsComparable[p] && part.count >= 5 {
        parts[part[0], default: []].append((i, p))
      }
    }
    self.comparablePartsByFirst = parts
    self.knownWords = known
  }

  /// Whether two folded words share a stem (inflections of one name in an inflected language).
  private func sameStem(_ a: [Character], _ b: [Character]) -> Bool {
    guard morphology.hasStemmer else { return false }
    return morphology.stem(String(a)) == morphology.stem(String(b))
  }

  /// Splits a term into words at white space.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
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
  /// - Parameter concepts: when given, only names of these concepts are considered.
  func nearMisses(in span: AnnotatedSpan, concepts: Set<Int>? = nil) -> [NearMiss] {
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
      result += nearMisses(words, in: candidates, sentenceInitial: initial, trusted: concepts != nil)
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
    let firstUnit = span.span.text[span.normalized.map.sourceOffset(startingAt: token.range.lowerBound)]
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
      let c = String(decoding: units[token.range], as: UTF16.self)
      if [".", "!", "?", "…", ":", ";"].contains(c) { return true }
      if !["\"", "'", "«", "»", "“", "”", "„", "(", "[", "—", "–", "-", "*", "_"].contains(c) { return false }
      j -= 1
    }
    return true
  }

  /// Near misses in one capitalised sequence. Single words are compared only where ordinary
  /// words are not capitalised (not at the start of a sentence, and, against single-word names,
  /// not inside a longer capitalised sequence such as a title), unless `trusted` (the source
  /// names the concept).
  private func nearMisses(_ words: [(index: Int, word: String)], in candidates: [Bool]?, sentenceInitial: Bool, trusted: Bool) -> [NearMiss] {
    var result: [NearMiss] = []
    let folded = words.map { NameMatching.fold($0.word) }
    let skeletons = folded.map { NameMatching.skeleton(String($0)) }
    var used = [Bool](repeating: false, count: words.count)
    // Whole names first (longest first), then single words.
    // A whole name matches only where its first word's first letter starts a word.
    for i in longestFirst where candidates?[i] ?? true {
      if let letter = firstLetters[i], !folded.contains(where: { $0.first == letter }) { continue }
      let name = names[i]
      guard name.words.count >= 2 && name.words.count <= words.count else { continue }
      let n = name.words.count
      for start in 0...(words.count - n) where !used[start..<(start + n)].contains(true) {
        var edits = 0
        var ok = true
        for k in 0..<n {
          let w = folded[start + k], t = name.folded[k]
          if w == t { continue }
          if w.first != t.first || abs(w.count - t.count) > 2 {
            ok = false
            break
          }
          let d = NameMatching.nameDistance(w, skeletons[start + k], t, name.skeletons[k])
          if w.first != t.first || d > NameMatching.allowedEdits(length: min(w.count, t.count))
            || NameMatching.isDerived(w, from: t) || NameMatching.isDerived(t, from: w) || sameStem(w, t)
            || (knownWords.contains(w) && !name.partsRomanized[k])
          {
            ok = false
            break
          }
          edits += d
        }
        guard ok, edits > 0 else { continue }
        // A multi-word window must also not be a different known name (all words known).
        if (0..<n).allSatisfy({ knownWords.contains(folded[start + $0]) }) { continue }
        for k in start..<(start + n) { used[k] = true }
        // Report only the words that differ (Sergey *Riabkow* → Ryabkov).
        let differing = (0..<n).filter { folded[start + $0] != name.folded[$0] }
        let first = differing.first!, last = differing.last!
        let range = words[start + first].index..<(words[start + last].index + 1)
        result.append(NearMiss(tokens: range, name: name, suggestion: name.words[first...last].joined(separator: " ")))
      }
    }
    // Single words against single-word names and the romanized words of longer names.
    for (k, w) in folded.enumerated() where !used[k] && w.count >= 5 && !knownWords.contains(w) {
      if !trusted && k == 0 && sentenceInitial { continue }
      var best: (Name, Int, Int)? = nil  // name, word index, distance
      for (i, p) in comparablePartsByFirst[w[0]] ?? [] where candidates?[i] ?? true {
        let name = names[i]
        if !trusted && name.words.count == 1 && words.count > 1 { continue }
        let part = name.folded[p]
        guard abs(part.count - w.count) <= 2, !NameMatching.isDerived(w, from: part),
          !NameMatching.isDerived(part, from: w), !sameStem(w, part)
        else { continue }
        let d = NameMatching.nameDistance(w, skeletons[k], part, name.skeletons[p])
        guard d > 0, d <= NameMatching.allowedEdits(length: min(w.count, part.count)) else { continue }
        if best == nil || d < best!.2 { best = (name, p, d) }
      }
      if let (name, p, _) = best {
        used[k] = true
        let range = words[k].index..<(words[k].index + 1)
        result.append(NearMiss(tokens: range, name: name, suggestion: name.words[p]))
      }
    }
    return result
  }
}
