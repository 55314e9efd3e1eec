import TermlintGlossary
import TermlintText

/// Flags a case-sensitive glossary term written in another case (*Nato* for *NATO*).
struct TermCaseRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "term-case",
    title: "Term Capitalisation",
    category: .terminology,
    defaultSeverity: .warning,
    summary:
      "A case-sensitive glossary term (acronym, abbreviation, capitals) is written in another case",
    rationale: """
      ## Why is this bad?
      Acronyms and abbreviations have one spelling: *NATO*, *OSCE*. House styles that write *Nato*
      exist, but not this one; mixing them looks careless. Terms typed as acronyms or
      abbreviations, terms written in capitals and terms marked `case: sensitive` are checked.
      A word written entirely in lower case is taken to be another word (*us* is not *US*).

      ## Example
      Nato foreign ministers met in Brussels.

      ## Use instead
      NATO foreign ministers met in Brussels.
      """,
    nonTriggeringExamples: [
      RuleExample("NATO foreign ministers met in Brussels."),
      RuleExample("NATO's summit ended."),
      RuleExample("They tried to nato the idea."),
    ],
    triggeringExamples: [
      RuleExample(
        "↓Nato foreign ministers met in Brussels.",
        corrected: "NATO foreign ministers met in Brussels."),
      RuleExample("The ↓Nato's summit ended.", corrected: "The NATO's summit ended."),
    ],
    requiresGlossary: true
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    var findings: [Finding] = []
    guard let target = unit.target else { return [] }
    for hit in target.hits where !hit.caseMatches {
      let entry = context.glossary.entries[hit.entryIndex]
      guard !entry.term.effectiveStatus.isRejected else { continue }
      let matched = target.span.file.text(in: hit.fileRange)
      let suggestion = Self.recase(matched, like: entry.term.text)
      findings.append(
        context.finding(
          Self.descriptor, in: target, fileRange: hit.fileRange,
          message: .wrongCase(matched, term: entry.term.text), suggestions: [suggestion],
          fixIsSafe: true, unit: unit.unit))
    }
    return findings
  }
}

extension TermCaseRule {
  /// Rewrites the letters of `text` that correspond to the term with the term's case, keeping
  /// any inflection after it (*Nato's* → *NATO's*).
  static func recase(_ text: String, like term: String) -> String {
    var out = String.UnicodeScalarView()
    let t = Array(term.unicodeScalars)
    var k = 0
    for scalar in text.unicodeScalars {
      if k < t.count,
        UnicodeProperties.foldCase(String(scalar)) == UnicodeProperties.foldCase(String(t[k]))
      {
        out.append(t[k])
        k += 1
      } else {
        if k < t.count && UnicodeProperties.has(scalar, .alphabetic) { k = t.count }
        out.append(scalar)
      }
    }
    return String(out)
  }
}

extension String {
  fileprivate static func wrongCase(_ found: String, term: String) -> String {
    "'\(found)' is written '\(term)' in the glossary; keep its capitalisation"
  }
}
