import TermlintGlossary
import TermlintText

/// Flags source text with no counterpart in the translation: a sentence the aligner left
/// unmatched (a 1-0 bead), or a translation far shorter than its source.
struct OmissionRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "omission",
    title: "Omission",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary: "A source sentence has no counterpart in the translation, or the translation is far shorter than its source",
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
      RuleExample("The talks will last three days.\nThe delegations will meet in Geneva.", source: "Переговоры продлятся три дня.\nДелегации встретятся в Женеве."),
      RuleExample(
        "The Russian delegation handed over a draft treaty and asked for a written reply within a month.",
        source: "Российская делегация передала проект договора и попросила дать письменный ответ в течение месяца."),
      RuleExample("Moscow agreed.", source: "Москва согласилась."),
    ],
    triggeringExamples: [
      RuleExample("The talks will last three days.\n∅", source: "Переговоры продлятся три дня.\n⇣Делегации встретятся в Женеве."),
      RuleExample(
        "The delegation handed over a draft.",
        source: "⇣Российская делегация передала проект договора, попросила дать письменный ответ в течение месяца и пригрозила ответными мерами, если альянс откажется от диалога."),
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
      guard let source = unit.source, !source.isBlank, !unit.isExcluded else { continue }
      // Built only for a finding: most units have none.
      func excerpt() -> String { TextScan.excerpt(source.span.string) }
      if let bead = unit.bead, bead.source > 0, bead.target == 0, unit.target.map(\.isBlank) ?? true {
        // Below 0.5 the aligner finds it more likely that the sentence belongs with a
        // neighbour: two sentences the translator merged into one.
        if unit.isDoubtfulBead { continue }
        findings.append(context.finding(
          Self.descriptor, in: source, fileRange: source.trimmedFileRange, message: .unaligned(excerpt()), unit: unit.unit,
          side: "source", related: BeadNeighbours.targetLocation(near: i, in: document).map { [$0] } ?? []))
        continue
      }
      guard let target = unit.target, !target.isBlank,
        !unit.targetIsMostlySourceScript,
        !unit.isDoubtfulBead,
        // A fuzzy PO entry keeps the translation of an earlier source text (its `#| msgid`),
        // which gettext does not use: its length says nothing about this source.
        !unit.isFuzzy
      else { continue }
      // Short sources vary too much in length to judge; the length of glossary terms found on
      // both sides is then left out of the comparison.
      let (raw, (sourceLength, targetLength)) = LengthModel.lengths(source: source, target: target, glossary: context.glossary)
      guard raw.source >= 40, sourceLength > 0 else { continue }
      let expected = model.expected(sourceLength: sourceLength)
      if model.isTooShort(sourceLength: sourceLength, targetLength: targetLength) {
        findings.append(context.finding(
          Self.descriptor, in: source, fileRange: source.trimmedFileRange,
          message: .tooShort(excerpt(), percent: Int((100 * Double(targetLength) / expected).rounded())), unit: unit.unit, side: "source",
          related: [Location(file: target.span.file, utf16Range: target.trimmedFileRange)]))
      }
    }
    return findings
  }
}

/// Where the neighbours of an unmatched bead are, for a finding's related location.
enum BeadNeighbours {
  /// The target of the nearest unit of the same paragraph (before, else after) that has one.
  static func targetLocation(near index: Int, in document: AnnotatedDocument) -> Location? {
    location(near: index, in: document) { $0.target }
  }

  /// The source of the nearest unit of the same paragraph (before, else after) that has one.
  static func sourceLocation(near index: Int, in document: AnnotatedDocument) -> Location? {
    location(near: index, in: document) { $0.source }
  }

  private static func location(near index: Int, in document: AnnotatedDocument, side: (AnnotatedUnit) -> AnnotatedSpan?) -> Location? {
    let paragraph = document.units[index].paragraph
    for k in Array((0..<index).reversed()) + Array((index + 1)..<document.units.count) {
      let unit = document.units[k]
      guard unit.paragraph == paragraph else { continue }
      if let span = side(unit), !span.isBlank { return Location(file: span.span.file, utf16Range: span.trimmedFileRange) }
    }
    return nil
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
