import Foundation
import TermlintGlossary
import TermlintText

/// Runs the `GlossaryChecks` over glossary files and returns findings located in those files.
///
/// Each file is checked on its own unless `merged` is set: then pairs of terms are also compared
/// across files, as `lint` sees glossaries given together.
public struct GlossaryChecker: Sendable {
  /// The source language for duplicate-concept and collision checks; nil: the glossary's
  /// declared source language, else the language most concepts list first.
  public var sourceLanguage: LanguageTag?
  /// Check ids to run; empty: every check.
  public var only: Set<String>
  /// Check ids to skip.
  public var disabled: Set<String>

  /// Creates a checker.
  public init(
    sourceLanguage: LanguageTag? = nil, only: Set<String> = [], disabled: Set<String> = []
  ) {
    self.sourceLanguage = sourceLanguage
    self.only = only
    self.disabled = disabled
  }

  /// Checks glossary files and returns their findings in report order.
  ///
  /// - Parameters:
  ///   - sources: the loaded files.
  ///   - merged: compare terms across files too (as one glossary), not only within each file.
  /// - Throws: `TermlintError.usage` for an unknown check id in `only` or `disabled`;
  ///   `ICUError` when ICU cannot open a word break iterator.
  public func check(_ sources: [GlossarySource], merged: Bool = false) throws -> [Finding] {
    for id in only.union(disabled).sorted() where GlossaryChecks.descriptor(id) == nil {
      throw TermlintError.usage(
        "unknown glossary check '\(id)'; run 'termlint glossary checks' to list them")
    }
    func any(_ checks: RuleDescriptor...) -> Bool { checks.contains { isEnabled($0.id) } }
    let text = any(
      GlossaryChecks.notNFC, GlossaryChecks.whitespace, GlossaryChecks.invisibleCharacter,
      GlossaryChecks.mixedScript)
    let pairs = any(
      GlossaryChecks.duplicateConcept, GlossaryChecks.duplicateTerm, GlossaryChecks.statusConflict,
      GlossaryChecks.deprecatedMatchesAllowed, GlossaryChecks.targetCollision,
      GlossaryChecks.caseVariants, GlossaryChecks.emptyTerm)
    var findings: [Finding] = []
    for source in sources {
      findings += issueFindings(source)
      if any(GlossaryChecks.languageTagStyle) { findings += languageTagFindings(source) }
      if any(GlossaryChecks.missingPreferred) { findings += missingPreferredFindings(source) }
      if text { findings += textFindings(source) }
      if any(GlossaryChecks.mixedApostrophes) { findings += apostropheFindings(source) }
      if any(GlossaryChecks.invalidValue) { findings += valueFindings(source) }
    }
    if pairs && merged {
      findings += try pairFindings(sources)
    } else if pairs {
      for source in sources { findings += try pairFindings([source]) }
    }
    return findings.filter { isEnabled($0.ruleID) }.sorted(by: Finding.reportOrder)
  }

  /// Whether a check runs with this checker's `only` and `disabled` sets.
  public func isEnabled(_ id: String) -> Bool {
    (only.isEmpty || only.contains(id)) && !disabled.contains(id)
  }

  /// A finding of a check at a location in a glossary file.
  func finding(
    _ check: RuleDescriptor, _ location: Location, in source: GlossarySource, message: String,
    concept: String? = nil, suggestions: [String] = [], related: [Location] = []
  ) -> Finding {
    Finding(
      ruleID: check.id, severity: check.defaultSeverity, category: check.category, message: message,
      location: location,
      matchedText: source.file?.text(in: location.utf16Range) ?? "", suggestions: suggestions,
      unitID: concept,
      related: related)
  }

  // MARK: - Loader issues

  func issueFindings(_ source: GlossarySource) -> [Finding] {
    var findings: [Finding] = []
    for issue in source.issues {
      let location = source.location(line: issue.line, column: issue.column, text: issue.value)
      switch issue.kind {
      case .languageTagSpelling:
        continue  // grouped in languageTagFindings
      case .unknownStatus:
        findings.append(
          finding(
            GlossaryChecks.unknownStatus, location, in: source,
            message: .unknownStatus(issue.value ?? "")))
      case .invalidLanguageTag:
        findings.append(
          finding(
            GlossaryChecks.invalidLanguageTag, location, in: source,
            message: .invalidLanguage(issue)))
      case .emptyTerm:
        findings.append(
          finding(
            GlossaryChecks.emptyTerm, location, in: source,
            message: .withHint(issue.message, "fill in the term or delete it")))
      case .invalidValue:
        let message =
          issue.message.hasPrefix("partOfSpeech ")
          ? String.partOfSpeech(issue.value ?? "")
          : .withHint(issue.message, "use one of the listed values or leave it empty")
        findings.append(
          finding(GlossaryChecks.invalidValue, location, in: source, message: message))
      case .duplicateID:
        findings.append(
          finding(
            GlossaryChecks.duplicateID, location, in: source,
            message: .withHint(issue.message, "give every concept its own id")))
      case .skipped, .unknownElement, .unknownCategory:
        findings.append(
          finding(
            GlossaryChecks.skippedContent, location, in: source,
            message: .withHint(issue.message, "fix the markup so that the content is read")))
      }
    }
    return findings
  }

  // MARK: - Language tags

  /// Non-canonical spellings (once per spelling) and one language written bare and with a region.
  func languageTagFindings(_ source: GlossarySource) -> [Finding] {
    var findings: [Finding] = []
    var spellings: [String: (issue: GlossaryLoadIssue, count: Int)] = [:]
    var order: [String] = []
    for issue in source.issues where issue.kind == .languageTagSpelling {
      let raw = issue.value ?? ""
      if let seen = spellings[raw] {
        spellings[raw] = (seen.issue, seen.count + 1)
      } else {
        spellings[raw] = (issue, 1)
        order.append(raw)
      }
    }
    for raw in order {
      guard let (issue, count) = spellings[raw], let canonical = LanguageTag(raw)?.value else {
        continue
      }
      findings.append(
        finding(
          GlossaryChecks.languageTagStyle,
          source.location(line: issue.line, column: issue.column, text: raw), in: source,
          message: .tagSpelling(raw, canonical: canonical, others: count - 1),
          suggestions: [canonical]))
    }
    // One primary language written both bare (`ru`) and with a region (`ru-RU`): the less used
    // tag is reported at its first use (on a tie, the one that appears later).
    struct Use {
      var count: Int
      var term: Term
      var concept: Concept
    }
    var uses: [String: Use] = [:]
    var tagOrder: [String] = []
    for concept in source.glossary.concepts {
      for term in concept.terms {
        let tag = term.language.value
        if uses[tag] == nil {
          uses[tag] = Use(count: 0, term: term, concept: concept)
          tagOrder.append(tag)
        }
        uses[tag]?.count += 1
      }
    }
    var reported: Set<String> = []
    for tag in tagOrder {
      let primary = String(tag.prefix { $0 != "-" })
      guard tag != primary, let regional = uses[tag], let bare = uses[primary] else { continue }
      let regionalLoses =
        regional.count < bare.count
        || (regional.count == bare.count
          && (tagOrder.firstIndex(of: tag) ?? 0) > (tagOrder.firstIndex(of: primary) ?? 0))
      let (minority, majority) = regionalLoses ? (regional, bare) : (bare, regional)
      let minorityTag = minority.term.language.value
      let majorityTag = majority.term.language.value
      guard reported.insert(minorityTag).inserted else { continue }
      let location = source.location(
        line: minority.term.line ?? minority.concept.line, column: nil, text: minorityTag)
      let majorityLocation = source.location(of: majority.term, concept: majority.concept)
      findings.append(
        finding(
          GlossaryChecks.languageTagStyle, location, in: source,
          message: .tagInconsistent(
            minorityTag, majority: majorityTag, line: majorityLocation.line),
          concept: minority.concept.id,
          suggestions: [majorityTag], related: [majorityLocation]))
    }
    return findings
  }

  // MARK: - Missing preferred terms

  func missingPreferredFindings(_ source: GlossarySource) -> [Finding] {
    var findings: [Finding] = []
    for concept in source.glossary.concepts {
      for language in concept.languages {
        let terms = concept.terms(in: language).filter { $0.status != .proposed }
        guard let first = terms.first, !terms.contains(where: { $0.status == .preferred }) else {
          continue
        }
        // Without any status, one term (besides acronyms and short forms) is the term to use.
        if terms.allSatisfy({ $0.status == nil }) && terms.filter({ !$0.isShortForm }).count <= 1 {
          continue
        }
        let onlyRejected = terms.allSatisfy { $0.effectiveStatus.isRejected }
        findings.append(
          finding(
            GlossaryChecks.missingPreferred, source.location(of: first, concept: concept),
            in: source,
            message: .missingPreferred(
              concept.id, language: language.value, onlyRejected: onlyRejected), concept: concept.id
          ))
      }
    }
    return findings
  }

  // MARK: - Values

  /// Parts of speech outside the TBX picklist (the TBX loader reports its own).
  func valueFindings(_ source: GlossarySource) -> [Finding] {
    guard source.format != .tbx else { return [] }
    var findings: [Finding] = []
    for concept in source.glossary.concepts {
      for term in concept.terms {
        guard let pos = term.partOfSpeech, !GlossaryChecker.partsOfSpeech.contains(pos) else {
          continue
        }
        findings.append(
          finding(
            GlossaryChecks.invalidValue,
            source.location(line: term.line ?? concept.line, column: nil, text: pos), in: source,
            message: .partOfSpeech(pos), concept: concept.id))
      }
    }
    return findings
  }

  /// TBX-Basic's parts of speech plus TBX-Min's `properNoun`.
  static let partsOfSpeech: Set<String> = [
    "noun", "verb", "adjective", "adverb", "properNoun", "other",
  ]
}

/// The checks of values and structure (and of what the loader skipped), documented.
extension GlossaryChecks {
  /// A language tag that is not BCP 47; its terms are skipped.
  public static let invalidLanguageTag = RuleDescriptor(
    id: "glossary-invalid-language-tag", title: "Invalid Language Tag", category: .designAndMarkup,
    defaultSeverity: .error,
    summary: "A language tag is missing or not BCP 47, so its terms are left out of linting",
    rationale: """
      ## Why is this bad?
      Terms are matched per language. A term whose language cannot be read is skipped: `lint`
      will never report it.

      ## Use instead
      A BCP 47 tag: `en`, `ru`, `en-GB`.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nnato,en-GB,NATO,preferred")],
    triggeringExamples: [RuleExample("concept,lang,term,status\nnato,↓English (UK),NATO,preferred")]
  )

  /// A language tag spelled in a non-canonical way, or two tags for one language.
  public static let languageTagStyle = RuleDescriptor(
    id: "glossary-language-tag-style", title: "Language Tag Style", category: .designAndMarkup,
    defaultSeverity: .warning,
    summary:
      "A language tag is not in canonical BCP 47 form (ru_RU, RU), or one glossary writes one language two ways (ru and ru-RU)",
    rationale: """
      ## Why is this bad?
      Termlint reads `ru_RU` as `ru-RU`, but other tools may not, and a glossary that uses both
      `ru` and `ru-RU` looks like two languages to them. Each non-canonical spelling is reported
      once, at its first use; for a language written both bare and with a region, the less
      common tag is reported.

      ## Use instead
      Canonical BCP 47 (`ru`, `ru-RU`, `en-GB`), one tag per language.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        nato,en-GB,NATO,preferred
        osce,en-GB,OSCE,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        nato,↓ru_RU,НАТО,preferred
        osce,ru_RU,ОБСЕ,preferred
        """),
      RuleExample(
        """
        concept,lang,term,status
        nato,ru,НАТО,preferred
        osce,ru,ОБСЕ,preferred
        csto,↓ru-RU,ОДКБ,preferred
        """),
    ])

  /// A concept without a preferred term in one of its languages.
  public static let missingPreferred = RuleDescriptor(
    id: "glossary-missing-preferred", title: "No Preferred Term", category: .terminology,
    defaultSeverity: .warning,
    summary: "A concept has terms in a language but none of them is preferred",
    rationale: """
      ## Why is this bad?
      `lint` suggests a concept's preferred term; without one it falls back to the first
      allowed term, which is an accident of row order, and with only deprecated terms it has
      nothing to suggest. A language with a single term and no status at all is taken as
      that term and not reported.

      ## Use instead
      Mark the term to use as `preferred`.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        talks,ru,переговоры,
        talks,en,talks,
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        talks,ru,переговоры,preferred
        talks,en,↓talks,admitted
        talks,en,negotiations,admitted
        """),
      RuleExample(
        """
        concept,lang,term,status
        kyiv,en,Kyiv,preferred
        kyiv,uk,↓Київ,admitted
        """),
    ])

  /// A status value Termlint does not know.
  public static let unknownStatus = RuleDescriptor(
    id: "glossary-unknown-status", title: "Unknown Status", category: .designAndMarkup,
    defaultSeverity: .error,
    summary: "A term's status is not one Termlint knows; the term counts as admitted",
    rationale: """
      ## Why is this bad?
      A misspelled status is read as no status, so a term meant to be deprecated is silently
      allowed.

      ## Use instead
      `preferred`, `admitted`, `deprecated`, `forbidden` or `proposed` (TBX values such as
      `deprecatedTerm-admn-sts` are accepted too).
      """,
    nonTriggeringExamples: [
      RuleExample("concept,lang,term,status\nkyiv,en,Kiev,deprecatedTerm-admn-sts")
    ],
    triggeringExamples: [RuleExample("concept,lang,term,status\nkyiv,en,Kiev,↓depreciated")])

  /// An empty term, or one without letters or digits.
  public static let emptyTerm = RuleDescriptor(
    id: "glossary-empty-term", title: "Empty Term", category: .designAndMarkup,
    defaultSeverity: .error,
    summary: "A term is empty, or has no letters, digits or symbols to match",
    rationale: """
      ## Why is this bad?
      An empty term is skipped, and a term of punctuation only stops `lint` with an error.

      ## Use instead
      Fill in the term or delete the row.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nnato,en,NATO,preferred")],
    triggeringExamples: [
      RuleExample("concept,lang,term,status\nnato,en,NATO,preferred\nnato,ru,↓,preferred"),
      RuleExample("concept,lang,term,status\nnato,en,NATO,preferred\nnato,ru,↓—,admitted"),
    ])

  /// A part of speech, case sensitivity or match mode outside its list of values.
  public static let invalidValue = RuleDescriptor(
    id: "glossary-invalid-value", title: "Invalid Value", category: .designAndMarkup,
    defaultSeverity: .warning,
    summary: "A part of speech, case sensitivity or match mode is not one of its allowed values",
    rationale: """
      ## Why is this bad?
      An unknown case or match value is ignored, and an unknown part of speech means nothing to
      other tools (TBX-Basic allows `noun`, `verb`, `adjective`, `adverb`, `properNoun`,
      `other`).

      ## Use instead
      One of the listed values, or leave the field empty.
      """,
    nonTriggeringExamples: [
      RuleExample("concept,lang,term,status,pos\nnato,en,NATO,preferred,properNoun")
    ],
    triggeringExamples: [
      RuleExample("concept,lang,term,status,pos\nsanctions,en,sanctions,preferred,↓nominal"),
      RuleExample("concept,lang,term,status,match\nsanctions,en,sanctions,preferred,↓exactly"),
    ])

  /// A concept id used twice (TBX; the CSV and YAML loaders refuse such files).
  public static let duplicateID = RuleDescriptor(
    id: "glossary-duplicate-id", title: "Duplicate Concept Id", category: .designAndMarkup,
    defaultSeverity: .error,
    summary: "Two concepts have the same id",
    rationale: """
      ## Why is this bad?
      Ids identify concepts in reports, links and merges. Termlint renames the second one to
      load the file, so reports name an id that is not in the file.

      ## Use instead
      Give every concept its own id.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        <conceptEntry id="osce"><langSec xml:lang="en"><termSec><term>OSCE</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        <conceptEntry id="↓nato"><langSec xml:lang="en"><termSec><term>OSCE</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ])

  /// Markup the TBX loader skipped.
  public static let skippedContent = RuleDescriptor(
    id: "glossary-skipped-content", title: "Skipped Content", category: .designAndMarkup,
    defaultSeverity: .warning,
    summary:
      "Part of a TBX file was skipped (a second term in one term section, a concept without usable terms …)",
    rationale: """
      ## Why is this bad?
      What the loader skips is not linted, and the glossary's maintainers may not know.

      ## Use instead
      One `<term>` per term section, terms inside term sections, at least one term per concept.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term>
        ↓<term>North Atlantic Treaty Organization</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ])
}

extension String {
  /// The loader's message in sentence case, with a hint of what to do unless it has one.
  fileprivate static func withHint(_ message: String, _ hint: String?) -> String {
    var text = message
    while text.hasSuffix(".") { text.removeLast() }
    if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
    guard let hint else { return text }
    return text + "; " + hint
  }

  fileprivate static func invalidLanguage(_ issue: GlossaryLoadIssue) -> String {
    if issue.message.contains("no xml:lang") {
      return
        "The term '\(issue.value ?? "")' has no language (no xml:lang in scope), so it is skipped; add xml:lang to its language section"
    }
    guard let value = issue.value else {
      return
        "The language is empty, so the term is skipped; fill in a BCP 47 tag such as 'en' or 'ru'"
    }
    return
      "'\(value)' is not a valid BCP 47 language tag, so its terms are skipped; use a tag such as 'en', 'ru' or 'en-GB'"
  }

  fileprivate static func unknownStatus(_ value: String) -> String {
    "Unknown status '\(value)', so the term counts as admitted; use preferred, admitted, deprecated, forbidden or proposed"
  }

  fileprivate static func tagSpelling(_ raw: String, canonical: String, others: Int) -> String {
    let more =
      others == 0 ? "" : " (also used \(others) more time\(others == 1 ? "" : "s") in this file)"
    return "Language tag '\(raw)' is not in canonical BCP 47 form\(more); write '\(canonical)'"
  }

  fileprivate static func tagInconsistent(_ tag: String, majority: String, line: Int) -> String {
    "Language tag '\(tag)' names the same language as '\(majority)', used from line \(line); use one tag for one language"
  }

  fileprivate static func missingPreferred(_ concept: String, language: String, onlyRejected: Bool)
    -> String
  {
    onlyRejected
      ? "Concept '\(concept)' has only deprecated or forbidden terms in '\(language)', so lint has nothing to suggest; add the preferred term"
      : "Concept '\(concept)' has no preferred term in '\(language)'; mark the term to use as preferred"
  }

  fileprivate static func partOfSpeech(_ value: String) -> String {
    "Part of speech '\(value)' is not a TBX value; use noun, verb, adjective, adverb, properNoun or other"
  }
}
