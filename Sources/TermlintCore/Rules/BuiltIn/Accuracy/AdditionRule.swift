import TermlintGlossary
import TermlintText

/// Flags translated text with no counterpart in the source: a target sentence the aligner left
/// unmatched (a 0-1 bead), or a translation far longer than its source.
struct AdditionRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "addition",
    title: "Addition",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary:
      "A target sentence has no counterpart in the source, or the translation is far longer than its source",
    rationale: """
      ## Why is this bad?
      Text added in translation is not in what the source reported: a translator's comment, a
      sentence pasted twice, a leftover of an earlier version. Sometimes it is wanted (context
      for foreign readers), hence a warning rather than an error.

      Two cases are reported, the mirror of `omission`. For an article pair aligned by Termlint,
      a target sentence the aligner could not match with any source sentence (a `0-1` bead),
      unless the aligner finds it more likely (confidence below 0.5) that the sentence is the
      second half of a source sentence the translator split in two. For any bilingual unit
      with at least 40 letters of translation, a translation more than twice as long as the
      length model expects (2.5 times into Russian, which grows more often than it shrinks)
      and 3.5 standard deviations above it. Lengths count letters and digits, never white
      space or layout; words both sides share and glossary terms of a concept found on both
      sides (an acronym rendered by its full form: *постпред при ООН* → *permanent
      representative to the United Nations*) are not counted, and an original kept in
      brackets after its rendering (*слияние (merge)*) counts as the source word it glosses.
      Fuzzy PO entries, whose translation belongs to an earlier source, are not measured.

      ## Example
      Переговоры продлятся три дня. → The talks will last three days. Officials hope for a breakthrough.

      ## Use instead
      The talks will last three days.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "The talks will last three days.\nThe delegations will meet in Geneva.",
        source: "Переговоры продлятся три дня.\nДелегации встретятся в Женеве."),
      RuleExample("Moscow agreed.", source: "Москва согласилась."),
    ],
    triggeringExamples: [
      RuleExample(
        "The talks will last three days.\n↓Officials hope for a breakthrough.",
        source: "Переговоры продлятся три дня.\n∅"),
      RuleExample(
        "↓Moscow agreed to the proposal after a long debate, and officials said they expected further rounds in Geneva and Brussels before the summer.",
        source: "Москва согласилась с предложением."),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    LengthMismatch(
      direction: .addition, descriptor: Self.descriptor, unaligned: String.unaligned,
      mismatch: String.tooLong
    )
    .check(document, context: context)
  }
}

extension String {
  fileprivate static func unaligned(_ excerpt: String) -> String {
    "'\(excerpt)' has no counterpart in the source; remove it or check the source"
  }

  fileprivate static func tooLong(_ excerpt: String, percent: Int) -> String {
    "'\(excerpt)' is \(percent)% of the length expected from its source; check for added text"
  }
}
