/// Flags text left in the source language: a target identical to its source, a target mostly
/// in the source's script, or a run of source-script words in the translation.
struct UntranslatedRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "untranslated",
    title: "Untranslated Text",
    category: .accuracy,
    defaultSeverity: .error,
    summary: "Text of the source language is left untranslated in the translation",
    rationale: """
      ## Why is this bad?
      Source text in a translation is text the reader cannot read: a sentence copied over and
      forgotten, a phrase skipped while translating. Three cases are reported:

      - a translation identical to its source, unless it has only names, numbers or codes
        (*NATO*, *S-400*, *Sergey Ryabkov*, *ORCID iD*): it needs a word in lower case throughout;
      - a translation written mostly in the source's script (a Russian sentence in an English
        article), when the two languages use different scripts;
      - in a translation written in Latin script, also without the source (the source language
        comes from the file or the pipeline), a run of words in the source's script: *the talks
        were конструктивные*. (Not the other way round: Russian text legitimately carries
        Latin-script brand and product names and English terms.)
        Words in brackets (a gloss: *Izvestia (Известия)*), short quotations in quotation
        marks or emphasis (the original title of a newspaper or a book) and names alone (one to
        three capitalised words) are left alone. Words that mix scripts (Cyrillic *А* in
        *NАТО*) are the mixed-script check's concern.

      ## Example
      The talks were конструктивные, officials said.

      ## Use instead
      The talks were constructive, officials said.
      """,
    nonTriggeringExamples: [
      RuleExample("The talks were constructive, officials said."),
      RuleExample("He reads the daily Izvestia (Известия) every morning."),
      RuleExample("The paper «Новая газета» was closed."),
      RuleExample("NATO", source: "NATO"),
      RuleExample("Sergey Ryabkov", source: "Sergey Ryabkov"),
      RuleExample("Talks resumed in Geneva.", source: "Переговоры возобновились в Женеве."),
    ],
    triggeringExamples: [
      RuleExample("The talks were ↓конструктивные и полезные, officials said."),
      RuleExample("↓Переговоры возобновились в Женеве.", source: "Переговоры возобновились в Женеве."),
      RuleExample("↓Переговоры возобновились в Женеве (Geneva).", source: "Переговоры возобновились в Женеве."),
      RuleExample("↓Talks resumed on Monday.", source: "Talks resumed on Monday."),
    ]
  )

  init(options: RuleOptions) throws {
    try options.validate(known: [], rule: Self.descriptor.id)
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let sourceScript = Scripts.expected(for: document.sourceLanguage)
    let targetScript = Scripts.expected(for: document.targetLanguage)
    let codes = Set([document.sourceLanguage?.language, document.targetLanguage?.language].compactMap { $0 })
    var findings: [Finding] = []
    for unit in document.units {
      guard let target = unit.target, !target.isBlank, !UnitFacts.isExcluded(unit.unit) else { continue }
      if let source = unit.source, !source.isBlank {
        // Built only for a finding: most units have none.
        func excerpt() -> String { TextScan.excerpt(target.span.string) }
        if source.normalized.units == target.normalized.units
          && Self.hasWordsToTranslate(target, sameScript: sourceScript == targetScript, codes: codes)
        {
          findings.append(context.finding(
            Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .identical(excerpt()), unit: unit.unit,
            related: [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]))
          continue
        }
        if Scripts.isMostlySourceScript(target, source: document.sourceLanguage, target: document.targetLanguage) {
          findings.append(context.finding(
            Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .sourceScript(excerpt()), unit: unit.unit,
            related: [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]))
          continue
        }
      }
      // Runs only in a Latin-script translation of a text in another script: Russian and Greek
      // texts legitimately carry Latin brand names, product names and English terms.
      guard let sourceScript, targetScript == UnicodeProperties.Script.latin, sourceScript != UnicodeProperties.Script.latin,
        Scripts.mayContain(sourceScript, in: target.span.text)
      else { continue }
      let excluded = PlaceholderScanner(flags: [], languageCodes: codes).codes(in: target.span).map(\.textRange)
      for run in Self.runs(of: sourceScript, in: target, excluding: excluded) {
        let range = target.fileRange(text: run)
        findings.append(context.finding(
          Self.descriptor, in: target, fileRange: range, message: .run(target.span.file.text(in: range)), unit: unit.unit))
      }
    }
    return findings
  }
}

extension UntranslatedRule {
  /// Whether a text has words that need translating: not only names, numbers and codes. With
  /// the same script on both sides, short texts are often legitimately identical, so at least
  /// three words are needed.
  static func hasWordsToTranslate(_ span: AnnotatedSpan, sameScript: Bool, codes languageCodes: Set<String>) -> Bool {
    let codes = PlaceholderScanner(flags: [], languageCodes: languageCodes).codes(in: span.span).map(\.textRange)
    let words = span.tokens.filter { token in
      token.kind == .word && !codes.contains { $0.overlaps(span.normalized.map.sourceRange(token.range)) }
    }.map { span.surface(of: $0) }
    // Ordinary words are in lower case throughout (not iD, eBay: brand names).
    let ordinary = words.filter { w in
      w.count >= 2 && w.allSatisfy { ($0.isLetter && !$0.isUppercase) || $0 == "'" || $0 == "’" || $0 == "-" }
    }
    // A single identical word is usually a name, a code or a borrowing (`OK`, `lrrl`).
    if sameScript { return words.count >= 3 && !ordinary.isEmpty }
    return words.count >= 2 && !ordinary.isEmpty
  }

  /// Runs of words written entirely in `script`, as ranges of the span's text; see the rule's
  /// rationale for the runs that are left alone.
  static func runs(of script: Int32, in span: AnnotatedSpan, excluding excluded: [Range<Int>]) -> [Range<Int>] {
    let tokens = span.tokens
    let units = span.normalized.units
    func form(_ k: Int) -> String { String(decoding: units[tokens[k].range], as: UTF16.self) }
    func inScript(_ k: Int) -> Bool {
      guard tokens[k].kind == .word, Scripts.dominant(form(k)) == script else { return false }
      let range = span.normalized.map.sourceRange(tokens[k].range)
      return !excluded.contains { $0.overlaps(range) }
    }
    let breaks: Set<String> = [".", "!", "?", "…", "(", ")", "[", "]", "\"", "'", "«", "»", "“", "”", "„", "*", "_", ";", ":", "—", "–"]
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
        } else if tokens[j].kind == .word || (tokens[j].kind == .punctuation && breaks.contains(form(j))) {
          break
        }
        j += 1
      }
      let words = (k...end).filter { inScript($0) }.map { span.surface(of: tokens[$0]) }
      let before = k > 0 ? form(k - 1) : ""
      let after = end + 1 < tokens.count ? form(end + 1) : ""
      let bracketed = before == "(" || before == "[" || after == ")" || after == "]"
      let quoted = ["\"", "«", "“", "„", "'", "*", "_"].contains(before) && ["\"", "»", "”", "“", "'", "*", "_"].contains(after)
      let names = words.count <= 3 && words.allSatisfy { $0.first?.isUppercase == true }
      if !bracketed && !(quoted && words.count <= 4) && !names {
        result.append(span.textRange(tokens: k..<(end + 1)))
      }
      k = end + 1
    }
    return result
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
