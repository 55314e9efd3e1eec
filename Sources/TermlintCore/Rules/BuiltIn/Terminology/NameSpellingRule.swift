import TermlintGlossary
import TermlintText

/// Flags a proper name spelled a few letters away from its glossary entry or, without one,
/// from the romanization of the source's name.
struct NameSpellingRule: OptionlessRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "name-spelling",
    title: "Name Spelling",
    category: .terminology,
    defaultSeverity: .warning,
    summary:
      "A proper name is spelled differently from the glossary or from the romanization of the source's name",
    rationale: """
      ## Why is this bad?
      Names have one house spelling: *Sergey Ryabkov*, *Zelensky*. A misspelled name is an
      error readers notice at once, and it breaks search and archives. Three checks:

      - In any text: a capitalised word or word sequence that is not a glossary term but is a
        near miss of a glossary proper noun (*Riabkow*, *Zelenskiy*, *Dmitry Peksov*). A near
        miss differs by one edit in a word of 5–8 letters, two from 9 letters, and keeps the
        first letter. Exact glossary matches (deprecated spellings are `term-forbidden`'s),
        possessives (*Putin's*), plurals, demonyms (*Crimean*), feminine surnames (*Ryabkova*)
        and other glossary words (*Minister* against *Ministry*) are never reported, nor is a
        word that differs from a translated name of ordinary words (*Finance Minister*
        against *Finance Ministry* ← *Минфин*). A single capitalised word at the start of a
        sentence is compared only when the source names the person or place, since ordinary
        words are capitalised there too.
      - With a source: a name the glossary records in the source (*Сергей Рябков*) that the
        translation renders as a near miss of the glossary's target form.
      - With a Russian source and no glossary entry: a Russian surname (by its ending: *-ов*,
        *-ев*, *-ский*, *-енко*, *-ович* … in any case; at the start of a sentence only when
        the document also names the person elsewhere) whose rendering in the translation is
        a near miss of its `Russian-Latin/BGN` romanization. Names of other origins are left
        alone: Russian spells them by sound (*Трамп*), so the romanization says nothing about
        their English spelling; so is a rendering in another language's Latin orthography
        (*Kaczyński*, *Trzaskowski*, *Tsikhanouskaya*, *Lewandowski*). The usual variants of
        English romanization count as the same spelling (*-y*/*-iy*/*-i*, *x*/*ks*,
        *ia*/*ya*, *ye*/*e*, doubled letters), so only real misspellings are reported; a *w*
        in an *-ов*/*-ев* surname (*Ushakow*, the German transliteration) is one.

      ## Example
      Deputy Foreign Minister Sergey Riabkow said …

      ## Use instead
      Deputy Foreign Minister Sergey Ryabkov said …
      """,
    nonTriggeringExamples: [
      RuleExample("Deputy Foreign Minister Sergey Ryabkov spoke. Ryabkov's remarks were brief."),
      RuleExample("Put simply, the Russian side refused."),
      RuleExample("Anna Ryabkova, his daughter, attended."),
      RuleExample("Talks resumed in Kyiv and Brussels."),
      RuleExample(
        "Anna Petrova said the talks had stalled.",
        source: "Анна Петрова заявила, что переговоры зашли в тупик."),
      RuleExample(
        "Petrova's deputy, Ivan Sidorov, disagreed.",
        source: "С Петровой не согласился ее заместитель Иван Сидоров."),
      RuleExample(
        "Zelensky met Alexei Navalny's lawyers.",
        source: "Зеленский встретился с адвокатами Алексея Навального."),
    ],
    triggeringExamples: [
      RuleExample(
        "Deputy Foreign Minister Sergey ↓Riabkow said the talks were useful.",
        corrected: "Deputy Foreign Minister Sergey Ryabkov said the talks were useful."),
      RuleExample(
        "The talks were useful, said ↓Sergei Riabkow.",
        corrected: "The talks were useful, said Sergey Ryabkov."),
      RuleExample(
        "↓Ryabkow said so.", source: "Так заявил Сергей Рябков.", corrected: "Ryabkov said so."),
      RuleExample(
        "Anna ↓Petorva said the talks had stalled.",
        source: "Анна Петрова заявила, что переговоры зашли в тупик.",
        corrected: "Anna Petrova said the talks had stalled."),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let glossary = context.glossary
    let targetLanguage = document.targetLanguage
    let index = NameIndex.shared(
      glossary: glossary, language: targetLanguage, source: document.sourceLanguage)
    var findings: [Finding] = []
    var flagged = Set<Location>()
    func report(
      _ target: AnnotatedSpan, _ unit: AnnotatedUnit, range textRange: Range<Int>, message: String,
      suggestion: String, related: [Location]
    ) {
      let fileRange = target.fileRange(text: textRange)
      let location = Location(file: target.span.file, utf16Range: fileRange)
      guard flagged.insert(location).inserted else { return }
      let written = target.span.file.text(in: fileRange)
      findings.append(
        context.finding(
          Self.descriptor, in: target, fileRange: fileRange, message: message,
          suggestions: [TermSupport.matchCapitalisation(suggestion, to: written)], unit: unit.unit,
          related: related))
    }

    // Surnames of the source, by unit (Russian sources only). A surname at the start of a
    // sentence counts only when the document also has it elsewhere (*Москалькова добавила* after
    // *Татьяна Москалькова*): a capitalised first word with a surname's ending is as often an
    // adjective (*Российский*, *Таков*).
    var sourceWords: [[SourceNames.Word]] = []
    if document.sourceLanguage?.language == "ru" && Transliterator.russianLatinBGN != nil {
      sourceWords = document.units.map { unit in unit.source.map { SourceNames.words(in: $0) } ?? []
      }
      let known = Set(
        sourceWords.joined().filter { !$0.sentenceInitial }.map { SourceNames.surnameBase($0.word) }
      )
      sourceWords = sourceWords.map { words in
        words.filter { !$0.sentenceInitial || known.contains(SourceNames.surnameBase($0.word)) }
      }
    }
    for group in UnitScopes.groups(document) {
      let targets = group.compactMap { i -> (AnnotatedUnit, AnnotatedSpan)? in
        let unit = document.units[i]
        guard let target = unit.target, !target.isBlank, !unit.isNotComparable,
          !unit.targetIsMostlySourceScript
        else { return nil }
        return (unit, target)
      }
      if targets.isEmpty { continue }
      // Glossary names the source mentions and the translation does not render exactly.
      var rendered = Set<Int>()
      for (_, target) in targets {
        for hit in target.hits { rendered.insert(glossary.entries[hit.entryIndex].conceptIndex) }
      }
      var named: [Int: Location] = [:]
      for i in group {
        guard let source = document.units[i].source else { continue }
        for hit in source.hits where glossary.entries[hit.entryIndex].term.isProperNoun {
          let concept = glossary.entries[hit.entryIndex].conceptIndex
          if !rendered.contains(concept) && named[concept] == nil {
            named[concept] = Location(file: source.span.file, utf16Range: hit.fileRange)
          }
        }
      }
      for (unit, target) in targets {
        // First the names the source mentions (pointing at the mention), then any name.
        let mentioned = named.isEmpty ? [] : index.nearMisses(in: target, concepts: Set(named.keys))
        for (miss, isMentioned) in mentioned.map({ ($0, true) })
          + index.nearMisses(in: target).map({ ($0, false) })
        {
          let range = target.textRange(tokens: miss.tokens)
          report(
            target, unit, range: range,
            message: .glossary(
              written(target, range), name: miss.name.words.joined(separator: " "),
              write: miss.suggestion),
            suggestion: miss.suggestion,
            related: isMentioned ? named[miss.name.conceptIndex].map { [$0] } ?? [] : [])
        }
      }
      // Russian names without a glossary entry, against their romanization.
      guard document.sourceLanguage?.language == "ru", let bgn = Transliterator.russianLatinBGN
      else { continue }
      let sourceNames = group.flatMap { i in
        document.units[i].source.map { source in sourceWords[i].map { (source, $0) } } ?? []
      }
      if sourceNames.isEmpty { continue }
      let candidates = targets.flatMap { unit, target in
        SourceNames.latinNameTokens(in: target).map { k in
          SourceNames.Candidate(
            unit: unit, span: target, token: k,
            word: SourceNames.stripPossessive(target.surface(of: target.tokens[k])))
        }
      }
      for (source, name) in sourceNames {
        let key = NameMatching.fold(bgn.transliterate(name.word))
        guard key.count >= 4 else { continue }
        let keySkeleton = NameMatching.skeleton(String(key))
        let russianSurname = SourceNames.isRussianSurname(name.word)
        var renders = false
        var misses: [(SourceNames.Candidate, String)] = []
        for candidate in candidates {
          switch SourceNames.compare(
            key: key, keySkeleton: keySkeleton, candidate: candidate, russianSurname: russianSurname
          ) {
          case .renders: renders = true
          case .nearMiss(let suggestion): misses.append((candidate, suggestion))
          case .unrelated: break
          }
        }
        if renders { continue }
        for (candidate, suggestion) in misses {
          let range = candidate.span.textRange(tokens: candidate.token..<(candidate.token + 1))
          report(
            candidate.span, candidate.unit, range: range,
            message: .romanization(
              written(candidate.span, range), source: name.word, romanized: suggestion),
            suggestion: suggestion,
            related: [
              Location(file: source.span.file, utf16Range: source.fileRange(text: name.textRange))
            ])
        }
      }
    }
    return findings
  }

  private func written(_ span: AnnotatedSpan, _ range: Range<Int>) -> String {
    span.file.text(in: span.fileRange(text: range))
  }
}

/// Proper names of a Russian source and their renderings in a translation.
enum SourceNames {
  /// A name word of the source.
  struct Word {
    /// The word as written.
    var word: String
    /// Where it is in the span's text.
    var textRange: Range<Int>
    /// Whether it is the first word of a sentence.
    var sentenceInitial = false
  }

  /// A surname without its case ending, lower-cased: *Москальковой* and *Москалькова* give
  /// *москальков*, *Зеленского* gives *зеленск*. Words without a surname ending are returned
  /// lower-cased.
  static func surnameBase(_ word: String) -> String {
    let w = UnicodeProperties.lowercase(word)
    var best: String? = nil
    for base in ["ов", "ев", "ёв", "ск", "цк", "енк", "ук", "юк", "ич", "вн", "ян", "дзе", "швил"] {
      guard let r = w.range(of: base, options: .backwards) else { continue }
      let cut = String(w[..<r.upperBound])
      // The rest must be a short case ending.
      if w.distance(from: r.upperBound, to: w.endIndex) <= 3,
        best.map({ cut.count > $0.count }) ?? true
      {
        best = cut
      }
    }
    return best ?? w
  }

  /// Capitalised words of a source span with the ending of a Russian surname (*Петрова*,
  /// *Зеленского*) that are not part of a glossary term; those at the start of a sentence are
  /// marked `sentenceInitial`. Names of
  /// other origins are left out: Russian spells them by sound (*Трамп*, *Рассел*), so their
  /// romanization says nothing about the English spelling.
  static func words(in span: AnnotatedSpan) -> [Word] {
    let tokens = span.tokens
    var covered = [Bool](repeating: false, count: tokens.count)
    for hit in span.hits { for k in hit.tokenRange { covered[k] = true } }
    func capitalisedCyrillic(_ k: Int) -> String? {
      guard tokens[k].kind == .word, !covered[k] else { return nil }
      // Fast exit: a first letter that is an ASCII non-capital or a lower-case Cyrillic letter.
      let firstUnit = span.text[
        span.normalized.map.sourceOffset(startingAt: tokens[k].range.lowerBound)]
      if (firstUnit < 0x80 && !(firstUnit >= 0x41 && firstUnit <= 0x5A))
        || (firstUnit >= 0x430 && firstUnit <= 0x45F)
      {
        return nil
      }
      let w = span.surface(of: tokens[k])
      guard let first = w.first, first.isUppercase, w.count >= 2,
        !w.allSatisfy({ !$0.isLowercase }),
        Scripts.dominant(w) == UnicodeProperties.Script.cyrillic
      else { return nil }
      return w
    }
    var result: [Word] = []
    var k = 0
    while k < tokens.count {
      guard let first = capitalisedCyrillic(k) else {
        k += 1
        continue
      }
      var run = [(k, first)]
      var j = k + 1
      while j < tokens.count, tokens[j].spaceBefore, let w = capitalisedCyrillic(j) {
        run.append((j, w))
        j += 1
      }
      for (index, word) in run where isSurname(word) {
        result.append(
          Word(
            word: word, textRange: span.textRange(tokens: index..<(index + 1)),
            sentenceInitial: index == k && NameIndex.isSentenceInitial(span, k)))
      }
      k = j
    }
    return result
  }

  /// Whether a Russian word has the ending of a surname in some case (-ов, -ев, -ский, -енко,
  /// -ук, -ович, -овна …). Surnames in -ин are left out (the ending is as common in foreign names
  /// spelled by sound, *Гэвин*, *Бруклин*), and so are words with *э*, a letter of loanwords.
  static func isSurname(_ word: String) -> Bool {
    let w = UnicodeProperties.lowercase(word)
    // Only the endings with the word's last letter can match (most words have none).
    guard let last = w.last, let endings = surnameEndingsByLast[last], !w.contains("э") else {
      return false
    }
    let count = w.count
    return endings.contains { w.hasSuffix($0) && count >= $0.count + 2 }
  }

  /// `surnameEndings` by their last letter.
  private static let surnameEndingsByLast: [Character: [String]] = Dictionary(
    grouping: surnameEndings
  ) { $0.last! }

  /// Surname endings in every case.
  private static let surnameEndings: [String] = {
    var endings: [String] = []
    for base in ["ов", "ев", "ёв"] {
      for ending in ["", "а", "у", "ым", "ом", "е", "ой", "ы", "ых", "ыми"] {
        endings.append(base + ending)
      }
    }
    for base in ["ск", "цк"] {
      for ending in ["ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их"] {
        endings.append(base + ending)
      }
    }
    for base in ["енко", "ук", "юк", "чук", "ич", "вна", "ян", "дзе", "швили"] {
      for ending in ["", "а", "у", "ем", "е", "ой", "ы"] { endings.append(base + ending) }
    }
    return endings
  }()

  /// Whether a Russian word is a surname in *-ов*, *-ев* or *-ёв* in some case (*Ушаков*,
  /// *Москалькова*): names of this family are Russian (or Bulgarian), so their English spelling
  /// is a romanization of Russian, unlike names in *-ский*, which are as often Polish,
  /// Ukrainian or Belarusian (*Качиньский*, *Тихановская*) with spellings of their own.
  static func isRussianSurname(_ word: String) -> Bool {
    let w = UnicodeProperties.lowercase(word)
    return ["ов", "ев", "ёв"].contains { base in
      ["", "а", "у", "ым", "ом", "е", "ой", "ы", "ых", "ыми"].contains {
        w.hasSuffix(base + $0) && w.count >= base.count + $0.count + 2
      }
    }
  }

  /// Whether a Latin word is spelled in the orthography of another Latin-script language, not
  /// romanized from Russian: letters with diacritics (*Kaczyński*, *Wałęsa*; *ë* of BGN
  /// aside), Polish and Hungarian digraphs (*cz*, *sz*, *rz*: *Kaczynski*, *Trzaskowski*,
  /// *Szijjarto*), the Belarusian *u* for в after a vowel (*Tsikhanouskaya*), and, outside
  /// the Russian *-ов*/*-ев* family, *w* (*Lewandowski*). A mark that the romanization of the
  /// source name has too (*Borzov*) is no evidence. Russian spells such names by sound, so
  /// their romanization says nothing about the right spelling.
  static func isForeignOrthography(_ word: String, romanized key: [Character], russianSurname: Bool)
    -> Bool
  {
    for scalar in word.unicodeScalars where scalar.value >= 0x80 && scalar.properties.isAlphabetic {
      if scalar != "ë" && scalar != "Ë" { return true }
    }
    let folded = String(NameMatching.fold(word))
    let romanized = String(key)
    var marks = ["cz", "sz", "rz", "ousk", "ausk"]
    if !russianSurname { marks.append("w") }
    return marks.contains { folded.contains($0) && !romanized.contains($0) }
  }

  /// Token indices of capitalised Latin words of a target span that are not glossary terms.
  static func latinNameTokens(in span: AnnotatedSpan) -> [Int] {
    var covered = [Bool](repeating: false, count: span.tokens.count)
    for hit in span.hits { for k in hit.tokenRange { covered[k] = true } }
    return span.tokens.indices.filter { k in
      guard span.tokens[k].kind == .word, !covered[k] else { return false }
      let w = span.surface(of: span.tokens[k])
      return w.first?.isUppercase == true && !w.allSatisfy { !$0.isLowercase }
        && Scripts.dominant(w) == UnicodeProperties.Script.latin
    }
  }

  /// A word without a possessive ending.
  static func stripPossessive(_ word: String) -> String {
    for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  /// A capitalised Latin word of the translation, prepared for comparison.
  struct Candidate {
    var unit: AnnotatedUnit
    var span: AnnotatedSpan
    var token: Int
    /// The word without a possessive ending.
    var word: String
    /// The folded word.
    var folded: [Character]
    /// Its romanization skeleton.
    var skeleton: [Character]

    init(unit: AnnotatedUnit, span: AnnotatedSpan, token: Int, word: String) {
      self.unit = unit
      self.span = span
      self.token = token
      self.word = word
      folded = NameMatching.fold(word)
      skeleton = NameMatching.skeleton(String(folded))
    }
  }

  enum Comparison: Equatable {
    case renders
    case nearMiss(suggestion: String)
    case unrelated
  }

  /// Compares a target word with the romanization of a (possibly inflected) source name: the
  /// two may differ in their last letters (case endings: *Рябкова* ↔ *Ryabkov*), and the usual
  /// romanization variants count as equal (`NameMatching.skeleton`).
  ///
  /// A word in another language's orthography (`isForeignOrthography`) is unrelated. For a
  /// Russian surname in *-ов*/*-ев* (`russianSurname`), a *w* where the romanization has *v*
  /// (*Ushakow*, the German transliteration) is a misspelling in English, not a variant.
  static func compare(
    key: [Character], keySkeleton ks: [Character], candidate: Candidate,
    russianSurname: Bool = false
  ) -> Comparison {
    let folded = candidate.folded
    let ws = candidate.skeleton
    guard folded.count >= 4, folded.first == key.first else { return .unrelated }
    if isForeignOrthography(candidate.word, romanized: key, russianSurname: russianSurname) {
      return .unrelated
    }
    func rendered() -> Comparison {
      guard russianSurname, folded.contains("w"), !key.contains("w") else { return .renders }
      let fixed = String(folded.map { $0 == "w" ? "v" : $0 })
      return .nearMiss(
        suggestion: UnicodeProperties.uppercase(String(fixed.prefix(1))) + fixed.dropFirst())
    }
    if ks == ws { return rendered() }
    for i in 0...3 {
      for j in 0...3 {
        let a = ks.dropLast(i)
        let b = ws.dropLast(j)
        if a.count >= 4, a.count * 3 >= ks.count * 2, b.count * 3 >= ws.count * 2, a == b {
          return rendered()
        }
      }
    }
    var best: (Int, Int, Int)? = nil  // distance, trim of key, trim of word (on folded forms)
    for i in 0...2 {
      for j in 0...2 where abs(i - j) <= 1 {
        let a = Array(key.dropLast(i))
        let b = Array(folded.dropLast(j))
        guard a.count >= 4, b.count >= 4 else { continue }
        let d = NameMatching.distance(
          NameMatching.skeleton(String(a)), NameMatching.skeleton(String(b)))
        guard d >= 1, d <= NameMatching.allowedEdits(length: min(a.count, b.count)) else {
          continue
        }
        if best == nil || d < best!.0 { best = (d, i, j) }
      }
    }
    guard let (_, i, j) = best else { return .unrelated }
    let stem = String(key.dropLast(i))
    let suggestion =
      UnicodeProperties.uppercase(String(stem.prefix(1))) + stem.dropFirst()
      + String(folded.suffix(j))
    return .nearMiss(suggestion: suggestion)
  }
}

extension String {
  fileprivate static func glossary(_ written: String, name: String, write: String) -> String {
    name == write
      ? "'\(written)' looks like a misspelling of the glossary name '\(name)'; use the glossary spelling"
      : "'\(written)' looks like a misspelling of '\(write)' (glossary name '\(name)'); use the glossary spelling"
  }

  fileprivate static func romanization(_ written: String, source: String, romanized: String)
    -> String
  {
    "'\(written)' does not match '\(source)' in the source (romanized '\(romanized)'); check the spelling"
  }
}
