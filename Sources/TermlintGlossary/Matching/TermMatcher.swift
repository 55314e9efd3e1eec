import TermlintText

/// A glossary term found in a text.
public struct TermHit: Sendable, Equatable {
  /// Index into `CompiledGlossary.entries`.
  public let entryIndex: Int
  /// The matched tokens (indices into the span's tokens).
  public let tokenRange: Range<Int>
  /// The match in the normalized text.
  public let normalizedRange: Range<Int>
  /// The match in the original file, as UTF-16 offsets.
  public let fileRange: Range<Int>
  /// False when the term is case-sensitive and the text writes it in another case.
  public let caseMatches: Bool
}

/// One span of text prepared for rules: normalized, tokenized and matched against the glossary.
///
/// A final class, not a struct: rules pass spans around for every unit, and copying a struct of
/// several arrays retains each of them (a tenth of a PO run's time was such copies).
public final class AnnotatedSpan: Sendable {
  /// The span.
  public let span: TextSpan
  /// Its matching form.
  public let normalized: NormalizedText
  /// Tokens of the normalized text.
  public let tokens: [Token]
  /// Glossary terms found, sorted by position.
  public let hits: [TermHit]

  /// Wraps a span with its matching form, tokens and term hits.
  public init(span: TextSpan, normalized: NormalizedText, tokens: [Token], hits: [TermHit]) {
    self.span = span
    self.normalized = normalized
    self.tokens = tokens
    self.hits = hits
  }

  /// The span's file.
  public var file: SourceFile { span.file }
  /// The span's text (UTF-16 code units).
  public var text: [UInt16] { span.text }
  /// The span's text as a string.
  public var string: String { span.string }
  /// The span's language.
  public var language: LanguageTag? { span.language }

  /// Maps a normalized range to a UTF-16 range in the span's file.
  public func fileRange(normalized range: Range<Int>) -> Range<Int> {
    span.map.sourceRange(normalized.map.sourceRange(range))
  }

  /// Maps a range of the span's text to a UTF-16 range in the file.
  public func fileRange(text range: Range<Int>) -> Range<Int> { span.map.sourceRange(range) }

  /// The UTF-16 offset in the file where the character at `index` of the span's text starts.
  public func fileOffset(text index: Int) -> Int { span.map.sourceOffset(startingAt: index) }
}

/// Finds glossary terms in text: token sequences, stems or exact forms, longest match first.
///
/// Not thread-safe (it owns a tokenizer); make one per task. The compiled glossary is shared.
public final class TermMatcher: @unchecked Sendable {
  /// The glossary it matches.
  public let glossary: CompiledGlossary
  private let tokenizer: Tokenizer
  /// Interned ids by word form, per language: most words of a text repeat, and stemming
  /// dominates. One lookup (on the token's code units, no array made) gives the form's id, its
  /// stem's id and the name-stem candidates.
  private var idCaches: [String: FormCache] = [:]
  private static let stemCacheLimit = 100_000
  // Per-span scratch, reused across spans.
  private var formIDs: [Int32] = []
  private var stemIDs: [Int32] = []
  private var nameStems: [Int32] = []
  private var glued: [Bool] = []

  /// Creates a matcher over a compiled glossary.
  public init(glossary: CompiledGlossary) throws {
    self.glossary = glossary
    self.tokenizer = try Tokenizer()
  }

  /// Normalizes, tokenizes and matches one span in the given language.
  public func annotate(
    _ span: TextSpan, language: LanguageTag?, options: NormalizationOptions = .matching
  ) -> AnnotatedSpan {
    let normalized = NormalizedText(span.text, options: options)
    let tokens = tokenizer.tokens(in: normalized.units)
    var hits: [TermHit] = []
    if let language, let trie = glossary.tries[language.language] {
      let morphology = glossary.morphologies[language.language] ?? Morphology(language: language)
      hits = match(
        tokens: tokens, normalized: normalized, span: span, trie: trie, morphology: morphology)
    }
    return AnnotatedSpan(span: span, normalized: normalized, tokens: tokens, hits: hits)
  }

  /// A form's id in `CompiledGlossary.forms` and its stem's in `stems` (-1: none; `stem` is
  /// `notComputed` until a word with this form asks for it), and its name-stem candidates
  /// (see `match`): an index into `FormCache.nameStemLists`, -1 for none.
  private struct FormIDs {
    static let notComputed: Int32 = -2
    var form: Int32
    var stem: Int32
    var nameStems: Int32 = notComputed
  }

  /// The per-language cache of `FormIDs`, keyed by the form's code units.
  private struct FormCache {
    var keys = UTF16Table(capacity: 4096)
    var values: [FormIDs] = []
    var nameStemLists: [[Int32]] = []
  }

  @inline(__always)
  private func takeScratch(_ array: inout [Int32]) -> [Int32] {
    var taken: [Int32] = []
    swap(&taken, &array)
    taken.removeAll(keepingCapacity: true)
    return taken
  }

  private struct Candidate {
    var entry: Int32
    var start: Int
    var end: Int
  }

  private func match(
    tokens: [Token], normalized: NormalizedText, span: TextSpan, trie: CompiledGlossary.Trie,
    morphology: Morphology
  ) -> [TermHit] {
    if tokens.isEmpty { return [] }
    let units = normalized.units
    let glossary = self.glossary
    let hasStemmer = morphology.hasStemmer
    let checksNames = !glossary.properNounStems.isEmpty
    // Per-token interned ids: exact form and stem (for words), and whether the token is glued
    // to the previous one. The first token of a match is never glued (“security … is fine).
    // NOTE: the scratch arrays are moved into locals for the loop (no exclusivity checks or
    // uniqueness tests through `self` per token) and handed back at the end.
    var formIDs = takeScratch(&self.formIDs)
    var stemIDs = takeScratch(&self.stemIDs)
    var nameStems = takeScratch(&self.nameStems)
    var glued = self.glued
    self.glued = []
    glued.removeAll(keepingCapacity: true)
    defer {
      self.formIDs = formIDs
      self.stemIDs = stemIDs
      self.nameStems = nameStems
      self.glued = glued
    }
    var cache = idCaches.removeValue(forKey: morphology.language) ?? FormCache()
    defer {
      idCaches[morphology.language] =
        cache.keys.count > TermMatcher.stemCacheLimit ? FormCache() : cache
    }
    units.withUnsafeBufferPointer { text in
      var previous: Token? = nil
      for token in tokens {
        let key = UnsafeBufferPointer(rebasing: text[token.range])
        glued.append(CompiledGlossary.isGlued(token, previous: previous))
        previous = token
        let isWord = token.kind == .word
        let stems = isWord && hasStemmer
        let slot: Int
        if let id = cache.keys.id(of: key) {
          slot = Int(id)
        } else {
          slot = Int(cache.keys.intern(key))
          cache.values.append(
            FormIDs(form: glossary.forms.id(of: key) ?? -1, stem: FormIDs.notComputed))
        }
        if stems && cache.values[slot].stem == FormIDs.notComputed {
          cache.values[slot].stem = glossary.stems.id(of: morphology.stem(utf16: Array(key))) ?? -1
        }
        // Capitalised words may be inflected names whose Snowball stem differs from the
        // dictionary form's (Лавров → лавр, but Лаврова → лавров): also try the stems of the
        // word without one inflectional ending, but only where that stem belongs to a
        // proper-noun term (and is not the word's own stem).
        var names: Int32 = -1
        if checksNames && isWord {
          if cache.values[slot].nameStems == FormIDs.notComputed {
            let own = hasStemmer ? cache.values[slot].stem : -1
            let ids = morphology.nameStemCandidates(utf16: Array(key)).compactMap {
              glossary.stems.id(of: $0)
            }
            .filter { glossary.properNounStems.contains($0) && $0 != own }
            if ids.isEmpty {
              cache.values[slot].nameStems = -1
            } else {
              cache.values[slot].nameStems = Int32(cache.nameStemLists.count)
              cache.nameStemLists.append(ids)
            }
          }
          names = cache.values[slot].nameStems
          if names >= 0 {
            let sourceStart = normalized.map.sourceOffset(startingAt: token.range.lowerBound)
            if !(sourceStart < span.text.count
              && Unicode.Scalar(span.text[sourceStart]).map({ UnicodeProperties.isUppercase($0) })
                == true)
            {
              names = -1
            }
          }
        }
        formIDs.append(cache.values[slot].form)
        stemIDs.append(stems ? cache.values[slot].stem : -1)
        nameStems.append(names)
      }
    }
    var candidates: [Candidate] = []
    var stack: [(node: Int32, next: Int)] = []
    for start in tokens.indices
    where formIDs[start] >= 0 || stemIDs[start] >= 0 || nameStems[start] >= 0 {
      stack.removeAll(keepingCapacity: true)
      stack.append((0, start))
      while let (node, j) = stack.popLast() {
        if j > start {
          for e in trie.terminals[Int(node)] {
            candidates.append(Candidate(entry: e, start: start, end: j))
          }
        }
        guard j < tokens.count else { continue }
        let g = j > start && glued[j]
        if formIDs[j] >= 0,
          let next = trie.child(
            node, CompiledGlossary.edgeKey(id: formIDs[j], stem: false, glued: g))
        {
          stack.append((next, j + 1))
        }
        if stemIDs[j] >= 0,
          let next = trie.child(
            node, CompiledGlossary.edgeKey(id: stemIDs[j], stem: true, glued: g))
        {
          stack.append((next, j + 1))
        }
        if nameStems[j] >= 0 {
          for id in cache.nameStemLists[Int(nameStems[j])] {
            if let next = trie.child(node, CompiledGlossary.edgeKey(id: id, stem: true, glued: g)) {
              stack.append((next, j + 1))
            }
          }
        }
      }
    }
    if candidates.isEmpty { return [] }
    // Keep only candidates whose stem-matched words are real inflections of the term's words.
    // An English name of several words inflects only at its end (the State Department's, the
    // Baltic states): its other words must be written as in the glossary, or *State
    // Department* would be found in *the United States Department of Health*.
    let namesInflectAtEnd = morphology.language == "en"
    candidates = candidates.filter { c in
      let entry = glossary.entries[Int(c.entry)]
      let termTokens = entry.tokens
      let count = c.end - c.start
      let fixedPrefix = namesInflectAtEnd && count > 1 && entry.term.isProperNoun ? count - 1 : 0
      for k in 0..<count {
        let text = units[tokens[c.start + k].range]
        if text.elementsEqual(termTokens[k]) { continue }
        if k < fixedPrefix || !morphology.areInflections(termTokens[k], Array(text)) {
          return false
        }
      }
      // Never inside a word split by an accelerator mark: *Сво&бодное* (a menu label in a PO
      // file) is one word, not the acronym *СВО*.
      func isAmpersandInWord(_ mark: Int, _ before: Int, _ after: Int) -> Bool {
        guard before >= 0, after < tokens.count else { return false }
        let m = tokens[mark]
        return m.kind == .punctuation && m.range.count == 1 && units[m.range.lowerBound] == 0x26
          && !m.spaceBefore
          && !tokens[after].spaceBefore && tokens[before].kind == .word
          && tokens[after].kind == .word
      }
      if c.start >= 1 && isAmpersandInWord(c.start - 1, c.start - 2, c.start) { return false }
      if c.end < tokens.count && isAmpersandInWord(c.end, c.end - 1, c.end + 1) { return false }
      return true
    }
    // Longest match wins; equal spans keep every entry (a term may sit in several concepts).
    candidates.sort { a, b in
      let la = a.end - a.start
      let lb = b.end - b.start
      if la != lb { return la > lb }
      if a.start != b.start { return a.start < b.start }
      return a.entry < b.entry
    }
    var taken = [Bool](repeating: false, count: tokens.count)
    var hits: [TermHit] = []
    var lastSpan: (Int, Int)? = nil
    for c in candidates {
      let sameAsLast = lastSpan.map { $0 == (c.start, c.end) } ?? false
      if !sameAsLast && taken[c.start..<c.end].contains(true) { continue }
      let normalizedRange = tokens[c.start].range.lowerBound..<tokens[c.end - 1].range.upperBound
      let textRange = normalized.map.sourceRange(normalizedRange)
      var caseMatches = true
      if glossary.entries[Int(c.entry)].isCaseSensitive {
        let surface = NormalizedText(Array(span.text[textRange]), options: .matchingPreservingCase)
          .units
        switch TermMatcher.compareCase(
          surface: surface, term: glossary.entries[Int(c.entry)].casePreserved)
        {
        case .same: caseMatches = true
        case .different: caseMatches = false
        case .lowercaseWord: continue  // "us" is not "US": a different word, not a miswritten term
        }
      }
      for k in c.start..<c.end { taken[k] = true }
      lastSpan = (c.start, c.end)
      hits.append(
        TermHit(
          entryIndex: Int(c.entry), tokenRange: c.start..<c.end, normalizedRange: normalizedRange,
          fileRange: span.map.sourceRange(textRange), caseMatches: caseMatches))
    }
    hits.sort {
      ($0.normalizedRange.lowerBound, $0.entryIndex) < (
        $1.normalizedRange.lowerBound, $1.entryIndex
      )
    }
    return hits
  }

  enum CaseComparison { case same, different, lowercaseWord }

  /// Compares the case of a matched surface with the term over their common (case-folded) prefix.
  static func compareCase(surface: [UInt16], term: [UInt16]) -> CaseComparison {
    let s = Array(String(utf16Units: surface).unicodeScalars)
    let t = Array(String(utf16Units: term).unicodeScalars)
    var differs = false
    var k = 0
    while k < s.count && k < t.count {
      if s[k] != t[k] {
        let fs = UnicodeProperties.foldCase(String(s[k]))
        let ft = UnicodeProperties.foldCase(String(t[k]))
        if fs != ft { break }
        differs = true
      }
      k += 1
    }
    if !differs { return .same }
    if !s.contains(where: { UnicodeProperties.isUppercase($0) }) { return .lowercaseWord }
    return .different
  }
}
