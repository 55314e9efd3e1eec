import TermlintGlossary
import TermlintText

/// Flags translated text with no counterpart in the source: a target sentence the aligner left
/// unmatched (a 0-1 bead), or a translation far longer than its source.
struct AdditionRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "addition",
    title: "Addition",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary: "A target sentence has no counterpart in the source, or the translation is far longer than its source",
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
      RuleExample("The talks will last three days.\nThe delegations will meet in Geneva.", source: "Переговоры продлятся три дня.\nДелегации встретятся в Женеве."),
      RuleExample("Moscow agreed.", source: "Москва согласилась."),
    ],
    triggeringExamples: [
      RuleExample("The talks will last three days.\n↓Officials hope for a breakthrough.", source: "Переговоры продлятся три дня.\n∅"),
      RuleExample(
        "↓Moscow agreed to the proposal after a long debate, and officials said they expected further rounds in Geneva and Brussels before the summer.",
        source: "Москва согласилась с предложением."),
    ],
    requiresSource: true
  )

  init(options: RuleOptions) throws {
    try options.validate(known: [], rule: Self.descriptor.id)
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let model = LengthModel.pair(for: document)
    var findings: [Finding] = []
    for (i, unit) in document.units.enumerated() {
      guard let target = unit.target, !target.isBlank, !unit.isExcluded else { continue }
      // Built only for a finding: most units have none.
      func excerpt() -> String { TextScan.excerpt(target.span.string) }
      if let bead = unit.bead, bead.target > 0, bead.source == 0, unit.source.map(\.isBlank) ?? true {
        // Below 0.5 the aligner finds it more likely that the sentence belongs with a
        // neighbour: a sentence of the source that the translator split in two, the second
        // half too long or too short for the lengths to tell.
        if unit.isDoubtfulBead { continue }
        findings.append(context.finding(
          Self.descriptor, in: target, fileRange: target.trimmedFileRange, message: .unaligned(excerpt()), unit: unit.unit,
          related: BeadNeighbours.sourceLocation(near: i, in: document).map { [$0] } ?? []))
        continue
      }
      guard let source = unit.source, !source.isBlank,
        !unit.targetIsMostlySourceScript,
        !unit.isDoubtfulBead,
        // A fuzzy PO entry keeps the translation of an earlier source text (its `#| msgid`),
        // which gettext does not use: its length says nothing about this source.
        !unit.isFuzzy
      else { continue }
      // Short sources (UI labels, headlines) vary too much in length to judge; the length of
      // glossary terms found on both sides is then left out of the comparison.
      let (raw, (sourceLength, targetLength)) = LengthModel.lengths(source: source, target: target, glossary: context.glossary)
      guard raw.target >= 40, raw.source >= 30, sourceLength > 0 else { continue }
      let expected = model.expected(sourceLength: sourceLength)
      if model.isTooLong(sourceLength: sourceLength, targetLength: targetLength) {
        findings.append(context.finding(
          Self.descriptor, in: target, fileRange: target.trimmedFileRange,
          message: .tooLong(excerpt(), percent: Int((100 * Double(targetLength) / expected).rounded())), unit: unit.unit,
          related: [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]))
      }
    }
    return findings
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
