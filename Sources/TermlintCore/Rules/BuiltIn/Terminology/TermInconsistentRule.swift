import TermlintGlossary
import TermlintText

/// Flags a document that uses more than one allowed variant of the same concept.
struct TermInconsistentRule: OptionlessRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "term-inconsistent",
    title: "Inconsistent Term Variant",
    category: .terminology,
    defaultSeverity: .warning,
    summary: "An article mixes allowed variants of one glossary concept; keep the first one used",
    rationale: """
      ## Why is this bad?
      The glossary may allow two spellings (*de-escalate* and *deescalate*), but one article
      should not switch between them: readers take a change of wording as a change of meaning.
      Every occurrence whose variant differs from the first one used is reported. A full form and
      its acronym or a name and its short form (*Sergey Ryabkov* … *Ryabkov*) are not variants.

      ## Example
      Both sides promised to de-escalate. … The talks deescalated tension.

      ## Use instead
      Both sides promised to de-escalate. … The talks de-escalated tension.
      """,
    nonTriggeringExamples: [
      RuleExample("Both sides promised to de-escalate. Later they de-escalated again."),
      RuleExample("The North Atlantic Treaty Organization (NATO) met. NATO said no."),
      RuleExample("Sergey Ryabkov spoke first. Ryabkov then left."),
    ],
    triggeringExamples: [
      RuleExample(
        "Both sides promised to de-escalate. The talks ↓deescalated tension.",
        corrected: "Both sides promised to de-escalate. The talks de-escalated tension."),
      RuleExample(
        "They will deescalate.\n\nOthers will ↓de-escalate too.",
        corrected: "They will deescalate.\n\nOthers will deescalate too."),
    ],
    requiresGlossary: true
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    struct First {
      let entryIndex: Int
      let text: String
      let location: Location
    }
    var firsts: [Int: First] = [:]  // by concept index
    var findings: [Finding] = []
    for unit in document.units {
      guard let target = unit.target else { continue }
      for hit in target.hits {
        let entry = context.glossary.entries[hit.entryIndex]
        guard entry.term.effectiveStatus.isAllowed else { continue }
        guard let first = firsts[entry.conceptIndex] else {
          let matched = target.span.file.text(in: hit.fileRange)
          firsts[entry.conceptIndex] = First(
            entryIndex: hit.entryIndex, text: matched,
            location: Location(file: target.span.file, utf16Range: hit.fileRange))
          continue
        }
        let firstEntry = context.glossary.entries[first.entryIndex]
        if first.entryIndex == hit.entryIndex || firstEntry.tokens == entry.tokens { continue }
        if firstEntry.term.isShortForm || entry.term.isShortForm
          || TermSupport.contains(firstEntry.tokens, entry.tokens)
        {
          continue
        }
        // NOTE: the matched text is decoded only here: most hits repeat the first variant.
        let matched = target.span.file.text(in: hit.fileRange)
        let suggestion = TermSupport.suggestion(
          firstEntry.term.text, replacing: entry, in: target, hit: hit)
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: hit.fileRange,
            message: .inconsistent(
              matched, first: first.text, line: first.location.line,
              path: first.location.path == target.span.file.path ? nil : first.location.path),
            suggestions: [suggestion], fixIsSafe: false, unit: unit.unit, related: [first.location])
        )
      }
    }
    return findings
  }
}

extension String {
  fileprivate static func inconsistent(_ found: String, first: String, line: Int, path: String?)
    -> String
  {
    let place = path.map { "\($0), line \(line)" } ?? "line \(line)"
    return
      "'\(found)' is another variant of '\(first)', used first on \(place); use one variant throughout"
  }
}
