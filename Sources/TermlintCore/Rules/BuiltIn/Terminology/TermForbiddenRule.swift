import TermlintGlossary
import TermlintText

/// Flags a deprecated or forbidden glossary term in the target and suggests the preferred term.
struct TermForbiddenRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "term-forbidden",
    title: "Forbidden Term",
    category: .terminology,
    defaultSeverity: .error,
    summary: "A term the glossary marks deprecated or forbidden is used; use the preferred term",
    rationale: """
      ## Why is this bad?
      The glossary records house decisions: *security guarantees*, never *security assurances*.
      A deprecated term in a translation contradicts the newsroom's established wording and makes
      reports on the same subject read inconsistently. Matching is morphology-aware, so inflected
      forms (*security assurances*, *attack weapons*) are found too.

      ## Example
      Moscow demanded security assurances.

      ## Use instead
      Moscow demanded security guarantees.
      """,
    nonTriggeringExamples: [
      RuleExample("Moscow demanded security guarantees from the alliance."),
      RuleExample("The assurance was repeated, and security was discussed."),
      RuleExample("They spoke about an open door policy."),
      RuleExample("The delegation travelled to Kyiv."),
    ],
    triggeringExamples: [
      RuleExample(
        "Moscow demanded ↓security assurances.", corrected: "Moscow demanded security guarantees."),
      RuleExample(
        "↓Security assurances were discussed.", corrected: "Security guarantees were discussed."),
      RuleExample(
        "Deployment of ↓attack weapons near the border.",
        corrected: "Deployment of strike weapons near the border."),
      RuleExample("NATO's ↓open-door policy.", corrected: "NATO's open door policy."),
      RuleExample("He spoke in ↓Kiev on Monday.", corrected: "He spoke in Kyiv on Monday."),
    ],
    requiresGlossary: true
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    var findings: [Finding] = []
    guard let target = unit.target else { return [] }
    for hit in target.hits {
      let entry = context.glossary.entries[hit.entryIndex]
      guard entry.term.effectiveStatus.isRejected else { continue }
      let concept = context.glossary.concept(of: entry)
      let matched = target.span.file.text(in: hit.fileRange)
      if let preferred = TermSupport.replacement(for: entry.term, in: concept) {
        let suggestion = TermSupport.suggestion(preferred, replacing: entry, in: target, hit: hit)
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: hit.fileRange,
            message: .deprecated(matched, preferred: suggestion, note: entry.term.note),
            suggestions: [suggestion], fixIsSafe: true, unit: unit.unit))
      } else {
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: hit.fileRange,
            message: .forbiddenWithoutAlternative(
              matched, concept: concept.id, note: entry.term.note), unit: unit.unit))
      }
    }
    return findings
  }
}

extension String {
  fileprivate static func deprecated(_ found: String, preferred: String, note: String?) -> String {
    "'\(found)' is deprecated in the glossary; use '\(preferred)'" + (note.map { " (\($0))" } ?? "")
  }

  fileprivate static func forbiddenWithoutAlternative(
    _ found: String, concept: String, note: String?
  ) -> String {
    "'\(found)' is forbidden by the glossary (concept '\(concept)'); rephrase"
      + (note.map { " (\($0))" } ?? "")
  }
}
