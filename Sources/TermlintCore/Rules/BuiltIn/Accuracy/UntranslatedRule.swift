import TermlintGlossary
import TermlintText

/// Flags text left in the source language: a target identical to its source, a target whose
/// words are mostly in the source's script, or a run of source-script words in a Latin-script
/// translation.
struct UntranslatedRule: OptionlessRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "untranslated",
    title: "Untranslated Text",
    category: .accuracy,
    defaultSeverity: .warning,
    summary: "Text of the source language is left untranslated in the translation",
    rationale: """
      ## Why is this bad?
      Source text in a translation is text the reader cannot read: a sentence copied over and
      forgotten, a phrase skipped while translating.

      The rule judges a translation by its *translatable words*: words (ICU word boundaries) of
      two letters or more, each written in one script (ICU script property). Code is not
      language and does not count: placeholders, URLs, e-mail addresses, inline codes and
      markup tags; options (`--help`, `-x`, `[-LP]`); chunks with characters prose does not use
      (`snake_case`, globs like `*.{orig,bak}`, `<file>`, `a=b`, `$VAR`, `secret()`); file
      names, extensions, paths and `key:VALUE` codes (`make.bat`, `.xlsx`,
      `META-INF/container.xml`, `default:LTR`); a word in square brackets (`[extensions]`); a
      line of code (`key = value`, `$ hg serve`, `>>> f()`); words in capitals (`LTR`, `FILE`:
      codes, acronyms, metavariables), `camelCase` words and words with digits. Words that the
      translators of the same file keep in two or more translated units (*hg*, *gitignore*:
      names of commands and products, keywords) are not source-language words either.
      Capitals and code in the target's script (`ПАРАМЕТР`, `/путь/к/файлу`) show a translation.

      Three cases are reported:

      - a translation identical to its source: when the languages use different scripts, if
        its translatable words are in the source language (below; a source already in the
        target language, such as an English quotation in a Russian text, has nothing to
        translate); with the same script on both sides, if it has three words, one of them in
        small letters, and twice as many words as code chunks plus one. When no source
        language is named (a PO file linted without `--source-lang`), the script of most
        letters of the file's source texts stands for it. Strings that stay unchanged are left alone: codes (`default:LTR`,
        `pwd [-LP]`, `%s: %s`), a single word, names (*GNOME Calculator*, *Common
        Vulnerabilities and Exposures*), command lines and configuration examples;
      - a translation whose translatable words are mostly in the source's script, when the two
        languages use different scripts: at least two such words, one of them a word of four
        letters or more in small letters (not a name), two of them on one line (not a list of
        single words), three times as many as words in the target's script and twice as many
        as code chunks plus one. A translation keeps names
        of files, commands and keywords (*Отладка файлов gitignore / exclude*); a copied or
        half-done one does not (*Файл %s could not be opened for writing*). This works both
        ways: English left in a Russian catalogue, Russian left in an English translation;
      - in a translation written in Latin script, also without the source (the source language
        comes from the file or the pipeline), a run of words in the source's script: *the talks
        were конструктивные*, *political scientist, PhD (политолог)*. (Not the other way round:
        Russian text legitimately carries Latin-script brand and product names and English terms.)
        Left alone: the original of romanized words just before it, in brackets (*the siloviki
        (силовики)*); a short quotation in quotation marks or emphasis, which marks a cited
        original (the title of a newspaper, *the word «перезагрузка»*); names alone (one to three
        capitalised words, *Izvestia (Известия)*). A bare word in brackets after its translation
        is a leftover, not a citation, and is reported. Words that mix scripts (Cyrillic *А* in
        *NАТО*) are the mixed-script check's concern.

      Empty translations are `target-missing`'s concern. Fuzzy PO entries are checked like the
      others: their text is in the file and a reviewer reads it.

      ## Example
      The talks were конструктивные, officials said.

      ## Use instead
      The talks were constructive, officials said.
      """,
    nonTriggeringExamples: [
      RuleExample("The talks were constructive, officials said."),
      RuleExample("He reads the daily Izvestia (Известия) every morning."),
      RuleExample("The siloviki (силовики) gained influence."),
      RuleExample("The paper «Новая газета» was closed."),
      RuleExample("The word *политолог* means political scientist."),
      RuleExample("NATO", source: "NATO"),
      RuleExample("Sergey Ryabkov", source: "Sergey Ryabkov"),
      RuleExample("Talks resumed in Geneva.", source: "Переговоры возобновились в Женеве."),
      RuleExample("Run ls --color=auto", source: "Запустите ls --color=auto"),
      RuleExample("default:LTR", source: "default:LTR"),
      // A source already in the target language (an English quotation in a Russian text) has
      // nothing to translate.
      RuleExample("Talks resumed on Monday.", source: "Talks resumed on Monday."),
    ],
    triggeringExamples: [
      RuleExample("The talks were ↓конструктивные и полезные, officials said."),
      RuleExample("Political scientist, PhD (↓политолог)"),
      RuleExample(
        "↓Переговоры возобновились в Женеве.", source: "Переговоры возобновились в Женеве."),
      RuleExample(
        "↓Переговоры возобновились в Женеве (Geneva).", source: "Переговоры возобновились в Женеве."
      ),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let targetScript = Scripts.expected(for: document.targetLanguage)
    // A source language nobody named (a PO file linted without --source-lang) is read from
    // the script of the source texts.
    let sourceScript =
      Scripts.expected(for: document.sourceLanguage)
      ?? (document.sourceLanguage == nil ? Self.sourceScript(of: document) : nil)
    let scriptsDiffer = sourceScript != nil && targetScript != nil && sourceScript != targetScript
    var findings: [Finding] = []
    func evidence(_ target: AnnotatedSpan, _ unit: AnnotatedUnit) -> LanguageEvidence {
      LanguageEvidence(
        target, source: sourceScript, target: targetScript,
        placeholders: unit.targetCodes.map(\.textRange))
    }
    // First pass: the words of each unit, and the source-script words that translators keep
    // in translated units (in two units or more): names of commands and products, keywords.
    var known: [Int: LanguageEvidence] = [:]
    var keptCounts: [String: Int] = [:]
    if scriptsDiffer, let sourceScript {
      for (i, unit) in document.units.enumerated() {
        guard let source = unit.source, !source.isBlank, let target = unit.target, !target.isBlank,
          !unit.isExcluded,
          Scripts.mayContain(sourceScript, in: target.span.text)
        else { continue }
        let words = evidence(target, unit)
        known[i] = words
        let identical = source.normalized.units == target.normalized.units
        if !identical && words.inTarget > 0 && !words.isMostlySource {
          for form in Set(words.sourceWords.map(\.form)) { keptCounts[form, default: 0] += 1 }
        }
      }
    }
    let kept = Set(keptCounts.filter { $0.value >= 2 }.keys)
    for (i, unit) in document.units.enumerated() {
      guard let target = unit.target, !target.isBlank, !unit.isExcluded else { continue }
      if let source = unit.source, !source.isBlank {
        // Built only for a finding: most units have none.
        func excerpt() -> String { TextScan.excerpt(target.span.string) }
        let related = [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]
        if source.normalized.units == target.normalized.units {
          let words = (known[i] ?? evidence(target, unit)).excluding(kept)
          // With the same script on both sides short texts are often legitimately identical.
          if scriptsDiffer
            ? words.isMostlySource
            : (words.words >= 3 && words.ordinary >= 1 && words.words >= 2 * (words.codeChunks + 1))
          {
            findings.append(
              context.finding(
                Self.descriptor, in: target, fileRange: target.trimmedFileRange,
                message: .identical(excerpt()), unit: unit.unit, related: related))
          }
          continue
        }
        if let words = known[i], words.excluding(kept).isMostlySource {
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: target.trimmedFileRange,
              message: .sourceScript(excerpt()), unit: unit.unit, related: related))
          continue
        }
      }
      // Runs only in a Latin-script translation of a text in another script: Russian and Greek
      // texts legitimately carry Latin brand names, product names and English terms.
      guard let sourceScript, targetScript == UnicodeProperties.Script.latin,
        sourceScript != UnicodeProperties.Script.latin,
        Scripts.mayContain(sourceScript, in: target.span.text)
      else { continue }
      let excluded = unit.targetCodes.map(\.textRange) + TechnicalText.ranges(in: target.span.text)
      for run in Self.runs(of: sourceScript, in: target, excluding: excluded) {
        let range = target.fileRange(text: run)
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: range,
            message: .run(target.span.file.text(in: range)), unit: unit.unit))
      }
    }
    return findings
  }
}

extension UntranslatedRule {
  /// The script of most letters of a document's source texts (at least 90 % of 100 letters
  /// or more, in the first 1,000 units), when the document does not name its source language.
  static func sourceScript(of document: AnnotatedDocument) -> Int32? {
    var counts: [Int32: Int] = [:]
    for unit in document.units.prefix(1000) {
      guard let source = unit.source else { continue }
      for (script, n) in Scripts.letterCounts(source.span.text) { counts[script, default: 0] += n }
    }
    let total = counts.values.reduce(0, +)
    guard total >= 100, let (script, n) = counts.max(by: { $0.value < $1.value }),
      n * 10 >= total * 9
    else { return nil }
    return script
  }

  /// Runs of words written entirely in `script`, as ranges of the span's text; see the rule's
  /// rationale for the runs that are left alone.
  static func runs(of script: Int32, in span: AnnotatedSpan, excluding excluded: [Range<Int>])
    -> [Range<Int>]
  {
    let tokens = span.tokens
    let units = span.normalized.units
    func form(_ k: Int) -> String { String(utf16Units: units[tokens[k].range]) }
    // A mask rather than a search per token: technical chunks can be many in a long text.
    var masked = [Bool](repeating: false, count: span.text.count)
    for range in excluded { for i in range where i < masked.count { masked[i] = true } }
    func inScript(_ k: Int) -> Bool {
      guard tokens[k].kind == .word, Scripts.dominant(form(k)) == script else { return false }
      let range = span.normalized.map.sourceRange(tokens[k].range)
      return !range.contains { $0 < masked.count && masked[$0] }
    }
    let breaks: Set<String> = [
      ".", "!", "?", "…", "(", ")", "[", "]", "\"", "'", "«", "»", "“", "”", "„", "*", "_", ";",
      ":", "—", "–",
    ]
    var result: [Range<Int>] = []
    var k = 0
    while k < tokens.count {
      guard inScript(k) else {
        k += 1
        continue
      }
      var end = k
      var j = k + 1
      // Extend over words of the script, numbers and in-sentence punctuation (commas, hyphens).
      while j < tokens.count {
        if inScript(j) {
          end = j
        } else if tokens[j].kind == .word
          || (tokens[j].kind == .punctuation && breaks.contains(form(j)))
        {
          break
        }
        j += 1
      }
      let words = (k...end).filter { inScript($0) }.map { span.surface(of: tokens[$0]) }
      let before = k > 0 ? form(k - 1) : ""
      let after = end + 1 < tokens.count ? form(end + 1) : ""
      // A gloss: the original of the romanized words just before the bracket (*the siloviki
      // (силовики)*). A bare word in brackets after a translation (*political scientist
      // (политолог)*) is a leftover, not a gloss.
      let gloss =
        (before == "(" || before == "[") && Self.isOriginal(of: span, before: k - 1, words: words)
      let quoted =
        ["\"", "«", "“", "„", "'", "*", "_"].contains(before)
        && ["\"", "»", "”", "“", "'", "*", "_"].contains(after)
      let names = words.count <= 3 && words.allSatisfy { $0.first?.isUppercase == true }
      if !gloss && !(quoted && words.count <= 4) && !names {
        result.append(span.textRange(tokens: k..<(end + 1)))
      }
      k = end + 1
    }
    return result
  }

  /// Whether `words` (in Cyrillic) are the original of the words that end just before token
  /// `bracket`: romanized (ICU `Russian-Latin/BGN`), each is within a few edits of its
  /// counterpart (romanizations and inflections differ).
  static func isOriginal(of span: AnnotatedSpan, before bracket: Int, words: [String]) -> Bool {
    guard let romanizer = Transliterator.russianLatinBGN, !words.isEmpty, words.count <= 4 else {
      return false
    }
    var previous: [String] = []
    var k = bracket - 1
    while k >= 0 && previous.count < words.count {
      if span.tokens[k].kind == .word { previous.insert(span.surface(of: span.tokens[k]), at: 0) }
      k -= 1
    }
    guard previous.count == words.count else { return false }
    return zip(words, previous).allSatisfy { original, romanized in
      let a = NameMatching.skeleton(romanizer.transliterate(original))
      let b = NameMatching.skeleton(romanized)
      return NameMatching.distance(a, b)
        <= max(1, NameMatching.allowedEdits(length: max(a.count, b.count)))
    }
  }
}

extension String {
  fileprivate static func identical(_ excerpt: String) -> String {
    "'\(excerpt)' is the same as the source; translate it"
  }

  fileprivate static func sourceScript(_ excerpt: String) -> String {
    "'\(excerpt)' is in the source language; translate it"
  }

  fileprivate static func run(_ text: String) -> String {
    "'\(text)' is left in the source language; translate it"
  }
}
