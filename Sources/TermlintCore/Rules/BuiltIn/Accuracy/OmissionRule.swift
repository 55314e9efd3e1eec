import TermlintGlossary
import TermlintText

/// Flags source text with no counterpart in the translation: a sentence the aligner left
/// unmatched (a 1-0 bead), or a translation far shorter than its source.
struct OmissionRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "omission",
    title: "Omission",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary:
      "A source sentence has no counterpart in the translation, or the translation is far shorter than its source",
    rationale: """
      ## Why is this bad?
      A sentence dropped in translation is information the reader never gets, and nothing in
      the translation shows the gap. The finding points at the source sentence.

      Two cases are reported. For an article pair aligned by Termlint, a source sentence the
      aligner could not match with any target sentence (a `1-0` bead), also when it holds a
      glossary term (the term is then not reported again by `term-missing`), unless the
      aligner finds it more likely (confidence below 0.5) that the translator merged it into
      a neighbouring sentence. For any bilingual unit of at least 40 source letters, a
      translation so much shorter than the length model expects (Gale–Church: at most half
      the expected length and 3.5 standard deviations below it; Russian→English expects 0.84
      English letters per Russian letter, English→Russian 1.16) that part of it is almost
      certainly missing. Lengths count letters and digits, never white space or layout; words
      both sides share (names, acronyms, option names, numbers copied unchanged) and glossary
      terms of a concept found on both sides (*ООН* and *United Nations*) are not counted.
      Beads the aligner is unsure of (confidence below 0.5) and fuzzy PO entries are not
      measured. An empty translation is `target-missing`; a copied source sentence is
      `untranslated`.

      ## Example
      Переговоры продлятся три дня. Делегации встретятся в Женеве. → The talks will last three days.

      ## Use instead
      The talks will last three days. The delegations will meet in Geneva.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "The talks will last three days.\nThe delegations will meet in Geneva.",
        source: "Переговоры продлятся три дня.\nДелегации встретятся в Женеве."),
      RuleExample(
        "The Russian delegation handed over a draft treaty and asked for a written reply within a month.",
        source:
          "Российская делегация передала проект договора и попросила дать письменный ответ в течение месяца."
      ),
      RuleExample("Moscow agreed.", source: "Москва согласилась."),
    ],
    triggeringExamples: [
      RuleExample(
        "The talks will last three days.\n∅",
        source: "Переговоры продлятся три дня.\n⇣Делегации встретятся в Женеве."),
      RuleExample(
        "The delegation handed over a draft.",
        source:
          "⇣Российская делегация передала проект договора, попросила дать письменный ответ в течение месяца и пригрозила ответными мерами, если альянс откажется от диалога."
      ),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    LengthMismatch(
      direction: .omission, descriptor: Self.descriptor, unaligned: String.unaligned,
      mismatch: String.tooShort
    )
    .check(document, context: context)
  }
}

extension String {
  fileprivate static func unaligned(_ excerpt: String) -> String {
    "'\(excerpt)' has no counterpart in the translation; translate the sentence"
  }

  fileprivate static func tooShort(_ excerpt: String, percent: Int) -> String {
    "The translation of '\(excerpt)' is \(percent)% of the expected length; check for a missing part"
  }
}
