import TermlintGlossary
import TermlintText

/// Flags a translation whose final punctuation differs from its source's: a lost full stop, a
/// question rendered as a statement, a colon of a label dropped.
struct PunctuationMismatchRule: OptionlessRule, UnitRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "punctuation-mismatch",
    title: "Final Punctuation Mismatch",
    category: .accuracy,
    defaultSeverity: .warning,
    summary:
      "The translation ends with other punctuation than its source (. ? ! : ; …), or with none where the source has some",
    rationale: """
      ## Why is this bad?
      The final punctuation says what kind of sentence a segment is. A question rendered as a
      statement changes the meaning; a lost full stop leaves a sentence unfinished; a label's
      colon dropped or added makes it differ from its siblings on the screen. This is the
      *end punctuation* check of Xbench, Verifika, CheckMate and pofilter.

      The kinds compared are the full stop, question mark, exclamation mark, colon, semicolon and
      ellipsis, in every script's form (`。` `？` `！` `：` `；`, Arabic `؟`, Armenian `։`,
      Devanagari `।`, Greek `;` as a question mark). What is the same kind is not reported:
      an ellipsis written `…`, `...` or `. . .`; a stop before or after a closing quote or
      bracket (*"Why?"* and *«Зачем?»*; *(see below.)* and *(see below).*); `?!` and `!?` count
      as a question. A stop that belongs to an abbreviation (*etc.*, *г.*, *т. д.*, *e.g.*, an
      initial) is not sentence punctuation, so such an end is not compared; nor is a one-word
      label with a full stop against none on the other side (*off* → *откл.*), which is most
      often an abbreviation. Punctuation on a line of its own (a reStructuredText underline) is
      layout.

      Where the source has no final punctuation, the translation may end as it needs when the
      source is continued by the program (it ends with a preposition, an article or a copula:
      *View all works in* ‹link›) or the translation adds a colon before what follows. A full
      stop the translation adds is not reported when the source plainly omitted its own: a
      sentence of ten words or more, a text whose earlier sentences end with stops, or a
      fragment (either side starts in lower case) embedded in a sentence. Neither is an end
      that is an inline code, a placeholder's brace or a symbol, nor a language written without
      these stops (Thai, Lao, Khmer, Burmese). Fuzzy and untranslatable units, untranslated
      targets and empty ones are skipped.

      The finding is at the target's final punctuation, or at its last word when the
      punctuation is missing; the source's end is the related location.

      ## Example
      Вы уверены, что хотите удалить отчёт? → You are sure you want to delete the report.

      ## Use instead
      Are you sure you want to delete the report?
      """,
    nonTriggeringExamples: [
      RuleExample(
        "Are you sure you want to delete the report?",
        source: "Вы уверены, что хотите удалить отчёт?"),
      RuleExample("Loading...", source: "Загрузка…"),
      RuleExample("He asked: \"What is to be done?\"", source: "Он спросил: «Что делать?»"),
      RuleExample("Saved", source: "Сохранено"),
      RuleExample("Guests, staff, etc.", source: "Гости, сотрудники и т. д."),
      RuleExample("The talks (in Geneva) ended.", source: "Переговоры завершились (в Женеве)."),
      RuleExample("Title:", source: "Заголовок:"),
    ],
    triggeringExamples: [
      RuleExample(
        "You are sure you want to delete the report↓.",
        source: "Вы уверены, что хотите удалить отчёт?"),
      RuleExample("The talks in Geneva have ↓ended", source: "Переговоры в Женеве завершились."),
      RuleExample("↓Title", source: "Заголовок:"),
      RuleExample("Changes saved↓.", source: "Изменения сохранены"),
    ]
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    var findings: [Finding] = []
    guard let source = unit.source, let target = unit.target, !source.isBlank, !target.isBlank,
      !unit.isNotComparable, source.span.text != target.span.text
    else { return [] }
    let sourceLanguage = (source.span.language ?? document.sourceLanguage)?.language ?? ""
    let targetLanguage = (target.span.language ?? document.targetLanguage)?.language ?? ""
    if SegmentEdges.languagesWithoutStops.contains(sourceLanguage)
      || SegmentEdges.languagesWithoutStops.contains(targetLanguage)
    {
      return []
    }
    if unit.targetIsMostlySourceScript { return [] }
    let s = UnitText(source)
    let t = UnitText(target)
    guard let sourceEnd = SegmentEdges.end(of: s, language: sourceLanguage),
      let targetEnd = SegmentEdges.end(of: t, language: targetLanguage),
      sourceEnd.ending != targetEnd.ending
    else { return [] }
    // A one-word label with a full stop against none is most often an abbreviation (*off* →
    // *откл.*, *Min.* → *Мин*), whose stop belongs to the word.
    if (sourceEnd.ending == .fullStop && targetEnd.ending == .none
      && SegmentKeys.wordCount(source) == 1)
      || (targetEnd.ending == .fullStop && sourceEnd.ending == .none
        && SegmentKeys.wordCount(target) == 1)
    {
      return []
    }
    if sourceEnd.ending == .none {
      // A source that ends with a preposition, an article or a copula is continued by the
      // program (*View all works in* ‹link›, *The active account is* ‹name›): how the
      // translation ends before the inserted text is its own choice.
      let lastWord = s.string(sourceEnd.lastWord).lowercased()
      if Self.continuingWords[sourceLanguage]?.contains(lastWord) == true { return [] }
      // A colon added before whatever follows (*Funded by* → *Финансирование:*) is the
      // same adaptation.
      if targetEnd.ending == .colon { return [] }
      // A full stop added where the source omitted its own: a long sentence, a text whose
      // other sentences end with stops, or a fragment that starts in lower case and is
      // embedded in a sentence.
      if targetEnd.ending == .fullStop,
        SegmentKeys.wordCount(source) >= 10 || Self.hasInnerStop(s)
          || SegmentEdges.start(of: s)?.letterCase == .lower
          || SegmentEdges.start(of: t)?.letterCase == .lower
      {
        return []
      }
    }
    let range = targetEnd.ending == .none ? targetEnd.lastWord : targetEnd.punctuation
    let relatedRange = sourceEnd.ending == .none ? sourceEnd.lastWord : sourceEnd.punctuation
    let message: String
    switch (sourceEnd.ending, targetEnd.ending) {
    case (_, .none):
      message = .lost(sourceEnd.ending, SegmentEdges.display(sourceEnd, in: s))
    case (.none, _):
      message = .added(targetEnd.ending, SegmentEdges.display(targetEnd, in: t))
    default:
      message = .changed(
        sourceEnd.ending, SegmentEdges.display(sourceEnd, in: s), targetEnd.ending,
        SegmentEdges.display(targetEnd, in: t))
    }
    findings.append(
      context.finding(
        Self.descriptor, in: target, fileRange: t.fileRange(range), message: message,
        unit: unit.unit,
        related: [Location(file: source.span.file, utf16Range: s.fileRange(relatedRange))]))
    return findings
  }
}

extension PunctuationMismatchRule {
  /// Words a text that goes on (after a link, a name or a value the program inserts) ends
  /// with, by language, case-folded.
  static let continuingWords: [String: Set<String>] = [
    "en": [
      "a", "an", "the", "in", "on", "at", "by", "of", "to", "for", "from", "with", "into", "onto",
      "via", "per", "than", "as",
      "and", "or", "is", "are", "was", "were", "be", "been", "your", "our", "my", "their", "its",
      "his", "her", "this", "these", "see",
    ],
    "ru": [
      "в", "во", "на", "с", "со", "к", "ко", "по", "из", "от", "для", "и", "или", "о", "об", "у",
      "за", "под", "над", "при",
      "через", "не", "это", "см",
    ],
  ]

  /// Whether a text has a sentence stop inside it (a full stop, question or exclamation mark
  /// followed by a space and a capital): a text whose own last sentence lacks its stop.
  static func hasInnerStop(_ text: UnitText) -> Bool {
    let u = text.units
    var i = 0
    while i + 2 < u.count {
      if u[i] == 0x2E || u[i] == 0x3F || u[i] == 0x21, TextScan.isSpace(u[i + 1]) {
        var k = i + 1
        while k < u.count && TextScan.isSpace(u[k]) { k += 1 }
        if k < u.count, let c = Unicode.Scalar(u[k]), UnicodeProperties.has(c, .uppercase) {
          return true
        }
      }
      i += 1
    }
    return false
  }
}

extension String {
  fileprivate static func lost(_ ending: SegmentEdges.Ending, _ mark: String) -> String {
    "The source ends with \(ending.rawValue) ('\(mark)') and the translation has no final punctuation; end it as the source does"
  }

  fileprivate static func added(_ ending: SegmentEdges.Ending, _ mark: String) -> String {
    "The translation ends with \(ending.rawValue) ('\(mark)') and the source has no final punctuation; end it as the source does"
  }

  fileprivate static func changed(
    _ s: SegmentEdges.Ending, _ sm: String, _ t: SegmentEdges.Ending, _ tm: String
  ) -> String {
    "The source ends with \(s.rawValue) ('\(sm)') and the translation with \(t.rawValue) ('\(tm)'); check the sentence type and end it as the source does"
  }
}
