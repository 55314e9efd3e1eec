import TermlintGlossary
import TermlintText

/// Flags the same source text translated two different ways in one file.
struct TranslationInconsistentRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "translation-inconsistent",
    title: "Inconsistent Translation",
    category: .style,
    defaultSeverity: .warning,
    status: .preview,
    summary: "The same source text is translated differently in one file",
    rationale: """
      ## Why is this bad?
      A sentence, a label or a menu item that says the same thing twice should read the same
      twice: a reader (or a user of a program) who meets two translations assumes two meanings.
      Different translations of one source are also the first sign that a translation memory
      or a second translator was used without review. This is Xbench's *Inconsistency in
      Source* check.

      Units are grouped by their source text, normalized: case, white space (NBSP, line breaks,
      a space before punctuation), typography (typographic and straight quotes, apostrophes,
      dashes, an ellipsis written `…` or `...`, *ё* and *е*) and numbers, which count as one
      class (*5 files* and *12 files* are one text). Their translations are compared with the
      same normalization, so a translation that differs from another only in white space or
      typography is not reported; when the two sources differ in their numbers, translations
      are compared word stem by word stem, because a number changes the form of the words
      around it (*5 минут*, *2 минуты*). PO entries with different `msgctxt` are different
      messages, and each plural form is compared with the same plural form only. Fuzzy and
      untranslatable units, empty and untranslated targets and sources with fewer than two
      letters are skipped.

      The finding is at the later unit's translation; the first translation met is quoted in
      the message and is the related location. The check sees one file at a time (an XLIFF,
      PO, TMX file or an article pair); the same source in two files of a run is not compared.
      The reverse, one translation for different sources, is the opt-in rule
      `target-inconsistent`.

      ## Status
      Preview (off by default): on the evaluation set (`Evaluation/`) 18 of 29 judged findings
      were true (about 62 %). The false alarms are mostly messages of a catalogue that share a
      text but not a use (a menu item and a dialog title, a keyword and a label, *i will* and
      *i'll*), which only the context tells apart. Name the rule in a pipeline to run it.

      ## Example
      Рябков встретился с послом. → Ryabkov met the ambassador.
      …
      Рябков встретился с послом. → Ryabkov held talks with the envoy.

      ## Use instead
      The same translation both times, unless the context really differs.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "Ryabkov met the ambassador.\nRyabkov met the ambassador.",
        source: "Рябков встретился с послом.\nРябков встретился с послом."),
      RuleExample(
        "\"Yes\" - said Lavrov.\n“Yes” – said Lavrov.",
        source: "«Да», — сказал Лавров.\n«Да», — сказал Лавров."),
      RuleExample("5 minutes\n2 minutes", source: "5 минут\n2 минуты"),
      RuleExample(
        "Talks began.\nTalks ended.", source: "Переговоры начались.\nПереговоры завершились."),
    ],
    triggeringExamples: [
      RuleExample(
        "Ryabkov met the ambassador.\n↓Ryabkov held talks with the envoy.",
        source: "Рябков встретился с послом.\nРябков встретился  с послом."),
      RuleExample(
        "Save the file\nOpen\n↓Keep the file", source: "Сохранить файл\nОткрыть\nсохранить файл"),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let groups = ConsistencyGroups(document, by: .source)
    var findings: [Finding] = []
    for group in groups.groups {
      guard let first = group.first else { continue }
      var reported: [[[UInt16]: Int]] = []
      for later in group.dropFirst() {
        let difference = SegmentKeys.difference(first.bag, later.bag)
        guard difference > 0 else { continue }
        // Sources that differ in their numbers: a number may be spelled out or change one
        // word's form (*2-й*, *второй*).
        if later.numbers != first.numbers && difference < 2 { continue }
        // One-word sources that differ in case are two messages used in different places
        // (*To* as a heading, *to* inside a sentence): their translations may differ.
        if later.exact != first.exact && later.words < 2 { continue }
        // A variant already reported is reported once, at its first unit.
        if reported.contains(where: { SegmentKeys.difference($0, later.bag) == 0 }) { continue }
        reported.append(later.bag)
        guard let target = document.units[later.index].target,
          let firstTarget = document.units[first.index].target,
          let source = document.units[later.index].source
        else { continue }
        let (this, that) = TextScan.divergence(target.span.string, firstTarget.span.string)
        findings.append(
          ConsistencyGroups.finding(
            Self.descriptor, context: context, unit: document.units[later.index], target: target,
            first: firstTarget
          ) { line in
            .inconsistent(
              source: TextScan.excerpt(source.span.string), this: this, first: that, line: line)
          })
      }
    }
    return findings
  }
}

/// Units grouped by the normalized text of one side (`translation-inconsistent` groups by the
/// source and compares translations; `target-inconsistent` the other way round).
struct ConsistencyGroups {
  /// Which side the units are grouped by.
  enum Side { case source, target }

  /// One unit of a group.
  struct Member {
    let index: Int
    /// The normalized other side.
    let other: [UInt16]
    /// The words of the other side as stems.
    let bag: [[UInt16]: Int]
    /// The numbers of the grouping side.
    let numbers: [[UInt16]]
    /// The grouping side with case and numbers kept (white space left out).
    let exact: [UInt16]
    /// The number of words of the grouping side.
    let words: Int
  }

  /// Groups of two or more units, in document order of their first unit.
  let groups: [[Member]]

  init(_ document: AnnotatedDocument, by side: Side) {
    var order: [[UInt16]] = []
    var byKey: [[UInt16]: [Member]] = [:]
    for (i, unit) in document.units.enumerated() {
      guard let source = unit.source, let target = unit.target, !source.isBlank, !target.isBlank,
        !unit.isNotComparable, source.span.text != target.span.text,
        SegmentKeys.hasWords(side == .source ? source : target)
      else { continue }
      if unit.targetIsMostlySourceScript { continue }
      let (grouping, other) = side == .source ? (source, target) : (target, source)
      let (key, numbers) = SegmentKeys.key(grouping)
      let full = Array(SegmentKeys.context(of: unit.unit).utf16) + [0x1E] + key
      if byKey[full] == nil { order.append(full) }
      let morphology = Morphology(
        language: other.span.language
          ?? (side == .source ? document.targetLanguage : document.sourceLanguage))
      byKey[full, default: []].append(
        Member(
          index: i, other: SegmentKeys.key(other).key,
          bag: SegmentKeys.stems(other, morphology: morphology), numbers: numbers,
          exact: grouping.span.text.filter { !TextScan.isSpace($0) },
          words: SegmentKeys.wordCount(grouping)))
    }
    groups = order.compactMap { byKey[$0] }.filter { $0.count > 1 }
  }

  /// A finding on the target of a later unit of a group, pointing back at `first`, the earlier
  /// text it is inconsistent with; `message` is given the line of `first`.
  static func finding(
    _ descriptor: RuleDescriptor, context: RuleContext, unit: AnnotatedUnit,
    target: AnnotatedSpan, first: AnnotatedSpan, message: (_ firstLine: Int) -> String
  ) -> Finding {
    let firstRange = first.trimmedFileRange
    return context.finding(
      descriptor, in: target, fileRange: target.trimmedFileRange,
      message: message(first.span.file.position(utf16Offset: firstRange.lowerBound).line),
      unit: unit.unit, related: [Location(file: first.span.file, utf16Range: firstRange)])
  }
}

extension String {
  fileprivate static func inconsistent(source: String, this: String, first: String, line: Int)
    -> String
  {
    "'\(source)' is translated '\(this)' here but '\(first)' on line \(line); use one translation"
  }
}
