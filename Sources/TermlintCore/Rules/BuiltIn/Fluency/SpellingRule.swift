import Foundation
import TermlintGlossary
import TermlintText

/// Flags words that the target language's Hunspell dictionary does not know, leaving alone
/// glossary terms, house words, names romanized from the source, words kept from the source,
/// the text's own vocabulary and code.
struct SpellingRule: BuiltInRule, LanguageResourceRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "spelling",
    title: "Spelling",
    category: .linguisticConventions,
    defaultSeverity: .warning,
    status: .preview,
    summary:
      "A word is not in the target language's dictionary (Hunspell), the glossary or the house word list; check its spelling",
    rationale: """
      ## Why is this bad?
      A misspelled word (*goverment*, *recieved*) is the first thing a reader of a translation
      notices, and the spell checkers of editors do not see text in catalogues, memories or
      pipelines.

      Words are ICU word tokens of the translation, checked with Hunspell and the dictionary of
      the target language: `en-GB` uses `en_GB`, `ru` uses `ru_RU`, and a tag without a region
      (`en`) accepts a word that any installed dictionary of the language knows (`en_US`,
      `en_GB`; suggestions come from the main one). Debian's `hunspell-en-us`, `hunspell-en-gb`,
      `hunspell-ru` … install them in `/usr/share/hunspell`; the `hunspell` option names other
      dictionaries (`en_GB`, or the path of a `.dic` file with its `.aff` beside it), in any
      encoding their `SET` line declares. When there is no dictionary for the language, the rule
      does not run and `termlint lint` says so. Apostrophes and typographic quotes are handled
      (*countries’*, *Putin’s*, *don’t*), accelerator marks are ignored (*_Open*, *&File*),
      *ё* is also looked up as *е*, a Russian word with *не-* written together is known when the
      word after it is, and so is a compound of two known words (*handwash*, *файлообменный*).

      Not checked: numbers and words with digits, words in capitals (acronyms, codes, and
      plural acronyms such as *NPIs*),
      `camelCase` words, abbreviations of up to four letters with a full stop (*Mar.*),
      URLs, e-mail addresses, placeholders, inline codes, markup and other technical chunks
      (`file.txt`, `--option`, `snake_case`), and words in another script than the target
      language's (left to `untranslated`). Known words besides the dictionary:
      - every word of every term of the loaded glossaries, in any status;
      - the words of the house word list (`dictionary` option: plain UTF-8 files, one word per
        line, `#` starts a comment; `words` lists words in the pipeline itself): a word in
        small letters matches in any case, a word with capitals only as written or in capitals;
      - in a unit with a source, a word the source has too (names of products and commands
        kept as they are), and a word that renders a word of the aligned source in the other
        script, romanized with ICU's `Russian-Latin/BGN` and compared loosely (*Медуза* →
        *Meduza*, *Рябков* → *Ryabkov*, *Ухань* → *Wuhan*, *Aruba* → *Аруба*, *torrent* →
        *торрент*; case endings aside): a name or a loanword, not a misspelling (whether a name
        has the house spelling is `name-spelling`'s concern);
      - in a text without a source, a capitalised word inside a sentence: a name, which no
        dictionary can vouch for;
      - a word (by its stem) that three units of the document or more use: the text's own
        vocabulary, such as a product's jargon, rather than a slip.

      **Preview (off by default).** Measured on the evaluation set (judged samples at 4f30c05):
      8.9 % en→ru (4 true of 45: software catalogues and medical text, whose correct jargon,
      inflections with *не-* and terms Debian's `ru_RU` lacks) and 18.5 % ru→en (5 of 27: the
      TICO-19 medical vocabulary en_US lacks). On news with a glossary of its names it is quiet
      (three Wikinews articles of TICO-19, 1,024 words: no finding). Turn it on in a pipeline
      with a glossary and a house word list for the subject.

      Suggestions are Hunspell's, never applied by `termlint fix`. Suppress a finding inline
      (`termlint-disable-next-line spelling`) or add the word to the house word list.

      ## Example
      The goverment said the talks would resume.

      ## Use instead
      The government said the talks would resume.
      """,
    nonTriggeringExamples: [
      RuleExample("The government said the talks would resume on Monday."),
      RuleExample("The countries’ leaders met; Putin’s spokesman didn’t comment."),
      RuleExample("Deputy Foreign Minister Sergey Ryabkov spoke to NATO envoys."),
      RuleExample("Visit https://example.org/meduzza or write to press@exmaple.org about HTTPx."),
      RuleExample("Run `gitx --frobnicate` in the repoz folder.", options: ["words": "repoz"]),
      RuleExample(
        "The outlet Meduza quoted Ryabkov.", source: "Издание «Медуза» процитировало Рябкова."),
      RuleExample(
        "Officials in Wuhan reported cases.", source: "Чиновники в Ухане сообщили о случаях."),
      RuleExample("Open the Frobnicator settings.", source: "Open the Frobnicator settings."),
      RuleExample("Later, Kozyrev and Shoigu met in Sochi."),
    ],
    triggeringExamples: [
      RuleExample(
        "The ↓goverment said the talks would resume.",
        corrected: "The government said the talks would resume."),
      RuleExample(
        "Officials ↓recieved the letter on Monday.",
        source: "Чиновники получили письмо в понедельник."),
      RuleExample("The ↓Goverment met in Kazan.", source: "Правительство собралось в Казани."),
      RuleExample(
        "Попытка ↓соеденения не удалась.", source: "The connection attempt failed.",
        options: ["hunspell": "ru_RU"]),
    ]
  )

  /// The dictionaries the `hunspell` option names (`.dic` paths); empty: the target language's.
  let configured: [String]
  /// The house word list.
  let houseWords: HouseWords

  /// The rule's options.
  struct Configuration: RuleConfiguration {
    /// Hunspell dictionaries: names (`ru_RU`) or `.dic` paths.
    var hunspell: [String] = []
    /// House word list files.
    var dictionary: [String] = []
    /// House words.
    var words: [String] = []

    static let documentation = [
      RuleOptionDocumentation(
        key: "hunspell", defaultValue: "[]",
        summary:
          "Hunspell dictionaries to use instead of the target language's: names (ru_RU) or .dic paths (a list)"
      ),
      RuleOptionDocumentation(
        key: "dictionary", defaultValue: "[]", summary: "files of house words, one a line (a list)"),
      RuleOptionDocumentation(key: "words", defaultValue: "[]", summary: "house words (a list)"),
    ]

    init() {}

    init(from decoder: any Decoder) throws {
      let options = try decoder.container(keyedBy: CodingKeys.self)
      hunspell = try options.list(forKey: .hunspell) ?? hunspell
      dictionary = try options.list(forKey: .dictionary) ?? dictionary
      words = try options.list(forKey: .words) ?? words
    }

    private enum CodingKeys: String, CodingKey { case hunspell, dictionary, words }
  }

  init(configuration: Configuration, options: RuleOptions) throws {
    let base = options.file.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
    let line = options.lines["hunspell"] ?? options.line
    configured = try configuration.hunspell.map { item in
      if item.hasSuffix(".dic") || item.contains("/") {
        let path = base.map { PipelineLoader.resolve(item, against: $0) } ?? item
        let dic = path.hasSuffix(".dic") ? path : path + ".dic"
        guard FileManager.default.fileExists(atPath: dic) else {
          throw TermlintError.configuration(
            options.file, line: line,
            "no Hunspell dictionary '\(dic)' (option 'hunspell' of rule 'spelling')")
        }
        return dic
      }
      guard let dic = SpellingDictionaries.installed(item).first else {
        throw TermlintError.configuration(
          options.file, line: line,
          "no Hunspell dictionary '\(item)' in \(SpellingDictionaries.systemFolders.joined(separator: ", ")) (option 'hunspell' of rule 'spelling'; install its hunspell-* package or give the path of a .dic file)"
        )
      }
      return dic
    }
    var house = HouseWords()
    for item in configuration.dictionary {
      let path = base.map { PipelineLoader.resolve(item, against: $0) } ?? item
      try house.load(path: path)
    }
    for word in configuration.words { house.add(word) }
    houseWords = house
  }

  func unavailability(for language: LanguageTag) -> String? {
    guard configured.isEmpty, SpellingDictionaries.installed(for: language).isEmpty else {
      return nil
    }
    return
      "no Hunspell dictionary for '\(language.value)' in \(SpellingDictionaries.systemFolders[0]) (install hunspell-\(language.language) or name one with the rule's 'hunspell' option)"
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    guard let checker = checker(for: document.targetLanguage) else { return [] }
    // A dictionary the pipeline names says which language the words are in (`ru_RU`).
    let language =
      configured.isEmpty
      ? document.targetLanguage
      : (LanguageTag(String(checker.name.prefix { $0 != "_" })) ?? document.targetLanguage)
    let script = Scripts.expected(for: language)
    let known = NameIndex.shared(
      glossary: context.glossary, language: document.targetLanguage, source: document.sourceLanguage
    )
    let russian =
      document.sourceLanguage?.language == "ru" || document.targetLanguage?.language == "ru"
    let romanizer: Transliterator? = russian ? Transliterator.russianLatinBGN : nil
    // First pass: the unknown words of each unit that nothing else vouches for.
    var candidates: [Candidate] = []
    for group in UnitScopes.groups(document) {
      var sourceWords: SourceWords? = nil
      for i in group {
        let unit = document.units[i]
        guard let target = unit.target, !target.isBlank, !unit.isExcluded else { continue }
        let unknown = checker.unknownWords(
          in: target, placeholders: unit.targetCodes.map(\.textRange), script: script)
        if unknown.isEmpty { continue }
        let hasSource = group.contains { document.units[$0].source.map { !$0.isBlank } ?? false }
        if hasSource && sourceWords == nil {
          sourceWords = SourceWords(
            group.compactMap { document.units[$0].source }, romanizer: romanizer)
        }
        for word in unknown {
          let folded = NameMatching.fold(word.bare)
          if known.knownWords.contains(folded) || houseWords.contains(word.bare) { continue }
          if let sourceWords {
            if sourceWords.contains(folded: folded) || sourceWords.romanizes(folded: folded) {
              continue
            }
            // A rendering of a source word (a name, a loanword) — unless the dictionary has a
            // word that renders it as well: then this one misspells that word (*Amercan* beside
            // *American*, both like *американской*). A longer form of the dictionary's word is
            // that word inflected (*Zakharova*, the feminine of *Zakharov*), not a slip.
            if sourceWords.renders(word.bare, capitalised: word.capitalised, romanizer: romanizer),
              !checker.suggestions(for: word.bare).contains(where: {
                $0 != word.bare && !$0.contains(" ") && !word.bare.hasPrefix($0)
                  && sourceWords.renders($0, capitalised: word.capitalised, romanizer: romanizer)
              })
            {
              continue
            }
          } else if word.capitalised && !word.sentenceInitial {
            continue
          }
          candidates.append(Candidate(unit: i, span: target, word: word))
        }
      }
    }
    // A word (by stem) that three units or more use is the text's own vocabulary (a product's
    // jargon, a name), not a slip.
    let morphology = Morphology(language: language)
    let stems: [String] = candidates.map {
      morphology.stem(UnicodeProperties.foldCase($0.word.bare))
    }
    var usedIn: [String: Set<Int>] = [:]
    for (c, stem) in zip(candidates, stems) { usedIn[stem, default: []].insert(c.unit) }
    var findings: [Finding] = []
    for (c, stem) in zip(candidates, stems) {
      let units = usedIn[stem]?.count ?? 0
      if units >= Self.vocabularyUnits { continue }
      let range = c.span.fileRange(text: c.word.textRange)
      let written = c.span.file.text(in: range)
      findings.append(
        context.finding(
          Self.descriptor, in: c.span, fileRange: range,
          message: .unknown(written, dictionary: checker.name),
          suggestions: checker.suggestions(for: c.word.word), fixIsSafe: false,
          unit: document.units[c.unit].unit))
    }
    return findings
  }

  /// How many units must use a word for it to count as the text's own vocabulary.
  static let vocabularyUnits = 3

  /// An unknown word of a unit's target.
  private struct Candidate {
    var unit: Int
    var span: AnnotatedSpan
    var word: UnknownWord
  }

  /// The checker for a language, or nil when there is no dictionary for it.
  private func checker(for language: LanguageTag?) -> SpellChecker? {
    let paths: [String] =
      configured.isEmpty
      ? (language.map { SpellingDictionaries.installed(for: $0) } ?? []) : configured
    let dictionaries: [HunspellDictionary] = paths.compactMap {
      try? SpellingDictionaries.shared.dictionary(wordsPath: $0)
    }
    return dictionaries.isEmpty ? nil : SpellChecker(dictionaries: dictionaries)
  }
}

/// A rule that needs a resource for the language it checks (a dictionary) and can say why it
/// cannot run for one; `termlint lint` prints the reason once per run.
public protocol LanguageResourceRule: Rule {
  /// Why the rule cannot check text in `language`, or nil when it can.
  func unavailability(for language: LanguageTag) -> String?
}

/// A word of a translation that the dictionaries do not know.
struct UnknownWord {
  /// The word as looked up (NFC, typographic apostrophe as `'`).
  var word: String
  /// The word without a possessive ending.
  var bare: String
  /// Where it is in the span's text.
  var textRange: Range<Int>
  /// Whether it starts with a capital.
  var capitalised: Bool
  /// Whether it is the first word of a sentence.
  var sentenceInitial: Bool
}

/// Hunspell dictionaries of one language used together: a word any of them knows is known.
struct SpellChecker {
  let dictionaries: [HunspellDictionary]

  var name: String { dictionaries[0].name }

  func suggestions(for word: String) -> [String] {
    dictionaries[0].suggestions(for: word, limit: 3)
  }

  /// Whether some dictionary knows the word; nil when none can represent it.
  func knows(_ word: String) -> Bool? {
    var representable = false
    for d in dictionaries {
      guard let known = d.check(word) else { continue }
      if known { return true }
      representable = true
    }
    return representable ? false : nil
  }

  /// Whether the word is known (or cannot be judged) as written, with *ё* as *е*, or without
  /// a possessive ending.
  func accepts(_ word: String) -> Bool {
    if knows(word) != false { return true }
    if word.contains("ё") || word.contains("Ё") {
      let plain = word.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(
        of: "Ё", with: "Е")
      if knows(plain) != false { return true }
    }
    let bare = SourceNames.stripPossessive(word)
    if bare != word, bare.count >= 2, knows(bare) != false { return true }
    // Russian negation written together (*неподдерживаемый*, *несрочный*).
    if bare.count >= 6, let first = bare.first, "нН".contains(first), bare.dropFirst().first == "е",
      knows(String(bare.dropFirst(2))) == true
    {
      return true
    }
    return isCompound(bare)
  }

  /// Whether the word is two known words written together, each of three letters or more:
  /// *handwash*, *подпапку*, or with a linking *o*/*e* after a known word or an adjective's
  /// stem (*файлообменный*, *центральноафриканская*, *нижнелужицкий*).
  func isCompound(_ word: String) -> Bool {
    let letters = Array(word)
    guard letters.count >= 7, letters.allSatisfy(\.isLetter) else { return false }
    // Both parts from one dictionary: a compound belongs to one variety of the language, and
    // across dictionaries rare entries combine into misspellings (en_GB *desi* + en_US *cion*
    // would accept *desicion*).
    for d in dictionaries {
      func known(_ w: String) -> Bool { d.check(w) == true }
      for cut in 3...(letters.count - 3) {
        let tail = String(letters[cut...])
        guard known(tail) || known(String(tail.prefix(1)).uppercased() + tail.dropFirst()) else {
          continue
        }
        // The head as a common word: a capitalised word's head is looked up in lower case, so
        // that a name or an abbreviation (*Amer*) does not make a compound (*Amercan*).
        let head = String(letters[..<cut]).lowercased()
        if known(head) { return true }
        // A linking vowel: the head without it is a word or an adjective's stem.
        if let last = head.last, "oeое".contains(last), cut >= 4 {
          let stem = String(head.dropLast())
          for ending in ["", "ый", "ий", "ой", "а", "ь", "al"] where known(stem + ending) {
            return true
          }
        }
      }
    }
    return false
  }

  /// The checkable words of a span that no dictionary knows (`placeholders`: the span's
  /// placeholders and inline codes, as the unit's flags read them).
  func unknownWords(in span: AnnotatedSpan, placeholders: [Range<Int>], script: Int32?)
    -> [UnknownWord]
  {
    let text = span.text
    let tokens = span.tokens
    var candidates: [Int] = []
    for (k, token) in tokens.enumerated() where token.kind == .word && token.range.count >= 2 {
      candidates.append(k)
    }
    if candidates.isEmpty { return [] }
    var covered = [Bool](repeating: false, count: tokens.count)
    for hit in span.hits { for k in hit.tokenRange { covered[k] = true } }
    // Code: placeholders, URLs, e-mail addresses, inline codes, technical chunks and markup.
    var codes = placeholders
    codes.append(contentsOf: TechnicalText.ranges(in: text))
    codes.append(contentsOf: TechnicalText.markup(in: text))
    var masked = [Bool](repeating: false, count: text.count)
    for range in codes { for i in range where i < masked.count { masked[i] = true } }
    func isMasked(_ range: Range<Int>) -> Bool {
      range.contains { $0 < masked.count && masked[$0] }
    }
    var result: [UnknownWord] = []
    var k = 0
    while k < candidates.count {
      defer { k += 1 }
      let t = candidates[k]
      if covered[t] { continue }
      let range = span.normalized.map.sourceRange(tokens[t].range)
      if isMasked(range) { continue }
      // A word joined to the next by a hyphen (*well-known*, *co-operate*): the compound as a
      // whole is tried first, then each part.
      var j = t
      while j + 2 < tokens.count, !tokens[j + 1].spaceBefore, !tokens[j + 2].spaceBefore,
        tokens[j + 2].kind == .word,
        span.surface(of: tokens[j + 1]) == "-"
      {
        j += 2
      }
      if j > t {
        let whole = span.normalized.map.sourceRange(
          tokens[t].range.lowerBound..<tokens[j].range.upperBound)
        if !isMasked(whole), accepts(Self.lookupForm(text[whole])) {
          while k + 1 < candidates.count && candidates[k + 1] <= j { k += 1 }
          continue
        }
      }
      // Words of three letters or fewer are mostly abbreviations when a dictionary lacks them
      // (*Пн*, *янв*, *Sep*), and too short to tell a slip from another word.
      guard let word = LanguageEvidence.classify(text[range]), !word.capitals, word.letters >= 4
      else { continue }
      // A plural acronym (*NPIs*, *MOOCs*).
      if Self.isPluralAcronym(text[range]) { continue }
      if let script, word.script != script { continue }
      let form = Self.lookupForm(text[range])
      if accepts(form) { continue }
      // An abbreviation: a short word with a full stop (*Mar.*, *сент.*, *approx.*).
      if word.letters <= 4, range.upperBound < text.count, text[range.upperBound] == 0x2E {
        continue
      }
      result.append(
        UnknownWord(
          word: form, bare: SourceNames.stripPossessive(form), textRange: range,
          capitalised: !word.lower,
          sentenceInitial: NameIndex.isSentenceInitial(span, t)))
    }
    return result
  }

  /// Whether a word is capitals followed by a small *s* (*NPIs*).
  static func isPluralAcronym(_ units: ArraySlice<UInt16>) -> Bool {
    guard units.count >= 3, units.last == 0x73 else { return false }
    return units.dropLast().allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }

  /// A word as Hunspell should see it: NFC, the typographic apostrophe as `'`, without soft
  /// hyphens, zero-width characters, accelerator marks (`_Open`, `&File`) and stress marks.
  static func lookupForm(_ units: ArraySlice<UInt16>) -> String {
    var cleaned: [UInt16] = []
    cleaned.reserveCapacity(units.count)
    for u in units {
      switch u {
      case 0x2019, 0x02BC, 0x2018: cleaned.append(0x27)
      case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x5F, 0x26: continue
      default: cleaned.append(u)
      }
    }
    let nfc: [UInt16] = Normalizer.nfc.normalize(cleaned).filter { $0 != 0x0301 && $0 != 0x0300 }
    return String(decoding: nfc, as: UTF16.self)
  }
}

/// The words of the aligned source of a group of units: folded, and as loose romanization
/// skeletons for comparison with names and loanwords of the translation.
struct SourceWords {
  private var folded = Set<[Character]>()
  private var skeletons: [[Character]] = []
  private var consonants = Set<[Character]>()
  /// The source's Cyrillic words romanized with BGN as they are, folded.
  private var romanized = Set<[Character]>()

  init(_ spans: [AnnotatedSpan], romanizer: Transliterator?) {
    var seen = Set<String>()
    for span in spans {
      for token in span.tokens where token.kind == .word {
        let word = SourceNames.stripPossessive(span.surface(of: token))
        folded.insert(NameMatching.fold(word))
        if let romanizer,
          word.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value < 0x530 })
        {
          romanized.insert(NameMatching.fold(romanizer.transliterate(word)))
        }
        guard seen.insert(word).inserted, let skeleton = Self.skeleton(word, romanizer: romanizer),
          skeleton.count >= 3
        else { continue }
        skeletons.append(skeleton)
        consonants.insert(Self.consonants(skeleton))
      }
    }
  }

  /// Whether the source has the word (ignoring case and accents).
  func contains(folded word: [Character]) -> Bool { folded.contains(word) }

  /// Whether the word is the BGN romanization of a source word (*Zakharova* for *Захарова*),
  /// ignoring case and accents, or of its stem before a case ending of up to three letters
  /// (*Blinken* for *Блинкеном*).
  func romanizes(folded word: [Character]) -> Bool {
    if romanized.contains(word) { return true }
    guard word.count >= 4 else { return false }
    return romanized.contains {
      $0.count > word.count && $0.count <= word.count + 3 && $0.starts(with: word)
    }
  }

  /// Spellings of one sound that differ between English and romanized Russian.
  private static let spellings: [(String, String)] = [
    ("dzh", "j"), ("qu", "kv"), ("ck", "k"), ("ph", "f"), ("ee", "i"), ("oo", "u"),
  ]

  /// A word in Latin letters (romanized with `Russian-Latin/BGN` when it is Cyrillic) reduced
  /// to a skeleton in which the usual spellings of one sound coincide: `NameMatching.skeleton`
  /// (*y*/*i*/*j*, *kh*/*h*, *x*/*ks*, doubled letters) after *dzh* → *j*, *qu* → *kv*, *ck*
  /// and *c* (not in *ch*) → *k*, *ph* → *f*, *ee* → *i*, *oo* → *u*.
  static func skeleton(_ word: String, romanizer: Transliterator?) -> [Character]? {
    var latin = word
    if word.unicodeScalars.contains(where: { (u: Unicode.Scalar) -> Bool in
      u.value >= 0x400 && u.value < 0x530
    }) {
      guard let romanizer else { return nil }
      latin = romanizer.transliterate(word)
    }
    var s = String(NameMatching.fold(latin))
    guard s.unicodeScalars.allSatisfy({ (u: Unicode.Scalar) -> Bool in u.value < 0x250 }) else {
      return nil
    }
    for (a, b) in spellings { s = s.replacingOccurrences(of: a, with: b) }
    var chars = Array(s)
    for k in chars.indices where chars[k] == "c" && (k + 1 >= chars.count || chars[k + 1] != "h") {
      chars[k] = "k"
    }
    return NameMatching.skeleton(String(chars))
  }

  /// A skeleton without its vowels.
  static func consonants(_ skeleton: [Character]) -> [Character] {
    var out: [Character] = []
    for c in skeleton where !"aeiouy".contains(c) && out.last != c { out.append(c) }
    return out
  }

  /// Whether the word renders a source word in the other script or the other spelling: a name
  /// (*Meduza* ← *Медуза*, *Wuhan* ← *Ухань*, *Аруба* ← *Aruba*) or a loanword (*торрент* ←
  /// *torrent*, *прокси* ← *proxy*). Skeletons are compared once up to three letters of case
  /// ending are dropped from either; a capitalised word may also differ by the edits a name of
  /// its length may differ by (`NameMatching.allowedEdits`) or in its vowels alone; a word in
  /// small letters must have the same consonants, three or more.
  func renders(_ word: String, capitalised: Bool, romanizer: Transliterator?) -> Bool {
    guard !skeletons.isEmpty, let w = Self.skeleton(word, romanizer: romanizer), w.count >= 3 else {
      return false
    }
    let wc = Self.consonants(w)
    if !capitalised {
      guard wc.count >= 3 else { return false }
      for j in 0...min(2, wc.count - 3) where consonants.contains(Array(wc.dropLast(j))) {
        return true
      }
      return false
    }
    if wc.count >= 2 && consonants.contains(wc) { return true }
    for s in skeletons {
      let difference: Int = s.count - w.count
      if difference > 4 || difference < -4 { continue }
      for i in 0...min(3, s.count - 3) {
        let a = Array(s.dropLast(i))
        for j in 0...min(2, w.count - 3) {
          let b = Array(w.dropLast(j))
          if a == b { return true }
          let shorter: Int = min(a.count, b.count)
          if shorter >= 4,
            NameMatching.distance(a, b) <= NameMatching.allowedEdits(length: shorter + 1)
          {
            return true
          }
        }
      }
    }
    return false
  }
}

/// The house word list: words that are right whatever the dictionary says.
struct HouseWords: Sendable {
  /// Words in small letters, matched in any case (folded).
  private var anyCase = Set<[Character]>()
  /// Words with capitals, matched as written or in capitals.
  private var exact = Set<String>()

  /// Adds a word (a line of several words adds each).
  mutating func add(_ entry: String) {
    for word in entry.split(whereSeparator: { (c: Character) -> Bool in c == " " || c == "\t" }) {
      let w = SpellChecker.lookupForm(ArraySlice(Array(String(word).utf16)))
      if w.contains(where: { (c: Character) -> Bool in c.isUppercase }) {
        exact.insert(w)
        exact.insert(UnicodeProperties.uppercase(w))
      } else {
        anyCase.insert(NameMatching.fold(w))
      }
    }
  }

  /// Reads a word list: UTF-8, one word per line, `#` starts a comment.
  ///
  /// - Throws: `TermlintError` naming the file (and the line of text that is not UTF-8).
  mutating func load(path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else {
      throw TermlintError.configuration(
        path, "no such house word list (option 'dictionary' of rule 'spelling')")
    }
    let bytes = try SourceFile.readBytes(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      var line = 1
      var k = 0
      while k < bytes.count {
        let end = bytes[k...].firstIndex(of: 0x0A) ?? bytes.count
        if String(validating: bytes[k..<end], as: UTF8.self) == nil { break }
        line += 1
        k = end + 1
      }
      throw TermlintError.input(path, line: line, "the house word list is not valid UTF-8")
    }
    for raw in text.split(
      omittingEmptySubsequences: false, whereSeparator: { (c: Character) -> Bool in c.isNewline })
    {
      var line = Substring(raw)
      if line.first == "\u{FEFF}" { line = line.dropFirst() }
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      add(String(line))
    }
  }

  /// Whether the word is in the list.
  func contains(_ word: String) -> Bool {
    if anyCase.isEmpty && exact.isEmpty { return false }
    return exact.contains(word) || anyCase.contains(NameMatching.fold(word))
  }
}

extension String {
  fileprivate static func unknown(_ word: String, dictionary: String) -> String {
    "'\(word)' is not in the \(dictionary) dictionary, the glossary or the house word list; check its spelling"
  }
}
