import TermlintGlossary
import TermlintText

/// Flags a translation whose first letter is in another case than its source's: a sentence
/// started in lower case, a sibling label capitalised differently.
struct CaseMismatchRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "case-mismatch",
    title: "First Letter Case Mismatch",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary:
      "The translation starts with a capital where the source starts in lower case, or the other way round",
    rationale: """
      ## Why is this bad?
      A sentence that starts in lower case looks cut off; a label capitalised unlike its source
      stands out among its siblings on the screen, and a fragment joined to other text by the
      program (*3 ‹files›*) must keep the case its place needs. This is the *start case* check
      of Xbench, Verifika and pofilter (`startcaps`).

      Compared only where both first letters have case (Latin, Cyrillic, Greek, Armenian …).
      The first letter is the first of the first word after white space, opening quotes and
      brackets, dashes, bullets, markup tags and the mnemonic markers `&` and `_`. Nothing is
      compared when either side starts with a number, a placeholder or an inline code, or its
      first word is not an ordinary word whose case is a choice: an acronym (*NATO*), a word
      with inner capitals (*iPhone*, *macOS*), an identifier (*file_name*, *os.path*), an
      initial. When the source's first word appears later in the translation, or the
      translation's first word appears in the source, the words were reordered (*iPhone
      settings* → *Настройки iPhone*) and the first letters are not counterparts. Lower case
      to a capital is not compared into German, whose nouns take one, nor out of it the other
      way. Fuzzy and untranslatable units, untranslated targets and empty ones are skipped.

      English capitalises the names of months and days, most languages do not: *August* →
      *августа* is not reported.

      The severity follows the evidence. A capital lost at the start of a sentence (the source
      starts with one and ends with a full stop, question or exclamation mark) is reported at
      the configured severity; so is any other difference in a file whose translations keep the
      source's first-letter case (at least 10 comparable units whose source starts in that
      case, 90 % of them alike). In a smaller file, or one where 75–90 % are alike, it is
      reported as `info`. Where fewer than 75 % are alike, starting otherwise than the source
      is the file's style (a translator who capitalises every field name) and nothing is
      reported.

      ## Status
      Preview (off by default): on the evaluation set (`Evaluation/`) 10 of 31 judged findings
      were true (about 32 %). Most false alarms are single-word labels of software catalogues
      whose case the translator chose for where the program shows them (a field name the
      framework capitalises itself, a word inflected to be inserted in a sentence: *Birth Date*
      → *дате рождения*). Name the rule in a pipeline to run it on prose and sentence-level
      material, where a lost capital is almost always a slip.

      ## Example
      Санкции вступят в силу в понедельник. → sanctions take effect on Monday.

      ## Use instead
      Sanctions take effect on Monday.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "Sanctions take effect on Monday.", source: "Санкции вступят в силу в понедельник."),
      RuleExample("iPhone settings", source: "Настройки iPhone"),
      RuleExample("NATO expanded.", source: "Альянс расширился."),
      RuleExample("%d files", source: "%d файлов"),
      RuleExample("\"Yes\", he said.", source: "«Да», — сказал он."),
      RuleExample("of the report", source: "отчёта"),
    ],
    triggeringExamples: [
      RuleExample(
        "↓sanctions take effect on Monday.", source: "Санкции вступят в силу в понедельник."),
      RuleExample("↓Seconds", source: "секунды"),
    ]
  )

  /// A comparable unit: its two starts.
  private struct Pair {
    let unit: AnnotatedUnit
    let source: SegmentEdges.Start
    let target: SegmentEdges.Start
    let sourceText: UnitText
    let targetText: UnitText
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    var pairs: [Pair] = []
    for unit in document.units {
      guard let source = unit.source, let target = unit.target, !source.isBlank, !target.isBlank,
        !unit.isNotComparable, source.span.text != target.span.text
      else { continue }
      if unit.targetIsMostlySourceScript { continue }
      let s = UnitText(source)
      let t = UnitText(target)
      guard let sourceStart = SegmentEdges.start(of: s), let targetStart = SegmentEdges.start(of: t)
      else { continue }
      pairs.append(
        Pair(unit: unit, source: sourceStart, target: targetStart, sourceText: s, targetText: t))
    }
    // The file's own evidence, per case of the source: how often its translations keep it.
    var counts: [SegmentEdges.LetterCase: (all: Int, kept: Int)] = [:]
    for pair in pairs {
      counts[pair.source.letterCase, default: (0, 0)].all += 1
      if pair.source.letterCase == pair.target.letterCase {
        counts[pair.source.letterCase, default: (0, 0)].kept += 1
      }
    }
    var findings: [Finding] = []
    for pair in pairs where pair.source.letterCase != pair.target.letterCase {
      let sourceLanguage =
        (pair.unit.source?.span.language ?? document.sourceLanguage)?.language ?? ""
      let targetLanguage =
        (pair.unit.target?.span.language ?? document.targetLanguage)?.language ?? ""
      if pair.source.letterCase == .lower && Self.capitalisesNouns.contains(targetLanguage) {
        continue
      }
      if pair.source.letterCase == .upper && Self.capitalisesNouns.contains(sourceLanguage) {
        continue
      }
      // English capitalises the names of months and days; most languages do not.
      if pair.source.letterCase == .upper, sourceLanguage == "en", targetLanguage != "en",
        Self.englishCalendarNames.contains(pair.source.text.lowercased())
      {
        continue
      }
      if Self.reordered(pair) { continue }
      let (all, kept) = counts[pair.source.letterCase] ?? (0, 0)
      let share = all == 0 ? 0 : Double(kept) / Double(all)
      let sentence =
        pair.source.letterCase == .upper
        && Self.endsSentence(pair.sourceText, language: sourceLanguage)
      let severity: Severity
      if sentence || (all >= 10 && share >= 0.9) {
        severity = context.severity
      } else if all < 10 || share >= 0.75 {
        severity = min(context.severity, .info)
      } else {
        continue  // the file's translator often starts otherwise: a style, not a slip
      }
      let ruleContext = RuleContext(glossary: context.glossary, severity: severity)
      guard let target = pair.unit.target, let source = pair.unit.source else { continue }
      findings.append(
        ruleContext.finding(
          Self.descriptor, in: target, fileRange: pair.targetText.fileRange(pair.target.word),
          message: .mismatch(
            pair.target.text, pair.target.letterCase, source: pair.source.text,
            pair.source.letterCase),
          unit: pair.unit.unit,
          related: [
            Location(
              file: source.span.file, utf16Range: pair.sourceText.fileRange(pair.source.word))
          ]))
    }
    return findings
  }

  /// English month and day names and their abbreviations, case-folded.
  static let englishCalendarNames: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun",
  ]

  /// Languages whose nouns start with a capital anywhere in a sentence.
  static let capitalisesNouns: Set<String> = ["de", "lb"]

  /// Whether the source ends as a sentence does (. ? ! …).
  static func endsSentence(_ text: UnitText, language: String) -> Bool {
    guard let end = SegmentEdges.end(of: text, language: language) else { return false }
    return [.fullStop, .question, .exclamation].contains(end.ending)
  }

  /// Whether the first words are not counterparts: the source's first word is elsewhere in the
  /// translation, or the translation's first word is in the source.
  private static func reordered(_ pair: Pair) -> Bool {
    let sourceWord = Array(pair.source.text.lowercased().utf16)
    let targetWord = Array(pair.target.text.lowercased().utf16)
    if sourceWord == targetWord { return false }
    return contains(word: sourceWord, in: pair.targetText)
      || contains(word: targetWord, in: pair.sourceText)
  }

  /// Whether a case-folded word occurs as a whole word in a text.
  private static func contains(word: [UInt16], in text: UnitText) -> Bool {
    guard !word.isEmpty, text.count >= word.count else { return false }
    let folded = Array(String(decoding: text.units, as: UTF16.self).lowercased().utf16)
    guard folded.count == text.count else { return false }
    var i = 0
    while i + word.count <= folded.count {
      if folded[i..<(i + word.count)].elementsEqual(word) {
        let before = i == 0 ? nil : Unicode.Scalar(folded[i - 1])
        let after = i + word.count >= folded.count ? nil : Unicode.Scalar(folded[i + word.count])
        if !(before.map(Typography.isLetterOrDigit) ?? false)
          && !(after.map(Typography.isLetterOrDigit) ?? false)
        {
          return true
        }
      }
      i += 1
    }
    return false
  }
}

extension String {
  fileprivate static func mismatch(
    _ word: String, _ c: SegmentEdges.LetterCase, source: String, _ sc: SegmentEdges.LetterCase
  ) -> String {
    "'\(word)' starts with \(c.rawValue) letter but the source's '\(source)' with \(sc.rawValue) one; start the translation as the source does"
  }
}
