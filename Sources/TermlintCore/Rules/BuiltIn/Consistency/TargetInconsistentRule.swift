import TermlintGlossary
import TermlintText

/// Flags one translation used for different source texts in one file (opt-in).
struct TargetInconsistentRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "target-inconsistent",
    title: "Same Translation for Different Sources",
    category: .style,
    defaultSeverity: .info,
    status: .preview,
    summary: "The same translation is given to different source texts in one file",
    rationale: """
      ## Why is this bad?
      Two different source texts with one translation may mean that a distinction of the source
      was lost (*Cancel* and *Abort*, *санкции* and *ограничения* rendered alike), or that a
      translation was pasted into the wrong unit. This is Xbench's *Inconsistency in Target*
      check, the reverse of `translation-inconsistent`. Often the two sources are synonyms and
      one translation is right, so the rule is opt-in (`preview`, `info`): name it in a
      pipeline to run it.

      Units are grouped by their translation with the normalization of
      `translation-inconsistent` (case, white space, typography, numbers as a class), and
      their sources are compared the same way. PO entries with different `msgctxt` and
      different plural forms are never compared. The finding is at the later unit's
      translation; the first unit's source is quoted and is the related location. Fuzzy and
      untranslatable units, empty and untranslated targets and translations with fewer than
      two letters are skipped.

      ## Example
      Отменить → Cancel … Прервать → Cancel

      ## Use instead
      Cancel … Abort
      """,
    nonTriggeringExamples: [
      RuleExample("Cancel\nCancel", source: "Отменить\nотменить"),
      RuleExample("Cancel\nAbort", source: "Отменить\nПрервать"),
    ],
    triggeringExamples: [
      RuleExample("Cancel\n↓Cancel", source: "Отменить\nПрервать")
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let groups = ConsistencyGroups(document, by: .target)
    var findings: [Finding] = []
    for group in groups.groups {
      guard let first = group.first else { continue }
      for later in group.dropFirst() where later.other != first.other {
        if group.prefix(while: { $0.index != later.index }).dropFirst().contains(where: {
          $0.other == later.other
        }) {
          continue
        }
        guard let target = document.units[later.index].target,
          let source = document.units[later.index].source,
          let firstSource = document.units[first.index].source
        else { continue }
        findings.append(
          ConsistencyGroups.finding(
            Self.descriptor, context: context, unit: document.units[later.index], target: target,
            first: firstSource
          ) { line in
            .shared(
              target: TextScan.excerpt(target.span.string),
              source: TextScan.excerpt(source.span.string),
              first: TextScan.excerpt(firstSource.span.string), line: line)
          })
      }
    }
    return findings
  }
}

extension String {
  fileprivate static func shared(target: String, source: String, first: String, line: Int) -> String
  {
    "'\(target)' translates '\(source)' here and also '\(first)' on line \(line); check that the two sources mean the same"
  }
}
