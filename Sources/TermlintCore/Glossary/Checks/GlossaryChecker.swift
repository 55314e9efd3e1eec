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
  public init(sourceLanguage: LanguageTag? = nil, only: Set<String> = [], disabled: Set<String> = []) {
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
      throw TermlintError.usage("unknown glossary check '\(id)'; run 'termlint glossary checks' to list them")
    }
    func any(_ checks: RuleDescriptor...) -> Bool { checks.contains { isEnabled($0.id) } }
    let text = any(GlossaryChecks.notNFC, GlossaryChecks.whitespace, GlossaryChecks.invisibleCharacter, GlossaryChecks.mixedScript)
    let pairs = any(
      GlossaryChecks.duplicateConcept, GlossaryChecks.duplicateTerm, GlossaryChecks.statusConflict,
      GlossaryChecks.deprecatedMatchesAllowed, GlossaryChecks.targetCollision, GlossaryChecks.caseVariants, GlossaryChecks.emptyTerm)
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
  public func isEnabled(_ id: String) -> Bool { (only.isEmpty || only.contains(id)) && !disabled.contains(id) }

  /// A finding of a check at a location in a glossary file.
  func finding(
    _ check: RuleDescriptor, _ location: Location, in source: GlossarySource, message: String,
    concept: String? = nil, suggestions: [String] = [], related: [Location] = []
  ) -> Finding {
    Finding(
      ruleID: check.id, severity: check.defaultSeverity, category: check.category, message: message, location: location,
      matchedText: source.file?.text(in: location.utf16Range) ?? "", suggestions: suggestions, unitID: concept,
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
        findings.append(finding(
          GlossaryChecks.unknownStatus, location, in: source, message: .unknownStatus(issue.value ?? "")))
      case .invalidLanguageTag:
        findings.append(finding(GlossaryChecks.invalidLanguageTag, location, in: source, message: .invalidLanguage(issue)))
      case .emptyTerm:
        findings.append(finding(GlossaryChecks.emptyTerm, location, in: source, message: .withHint(issue.message, "fill in the term or delete it")))
      case .invalidValue:
        let message =
          issue.message.hasPrefix("partOfSpeech ")
          ? String.partOfSpeech(issue.value ?? "") : .withHint(issue.message, "use one of the listed values or leave it empty")
        findings.append(finding(GlossaryChecks.invalidValue, location, in: source, message: message))
      case .duplicateID:
        findings.append(finding(GlossaryChecks.duplicateID, location, in: source, message: .withHint(issue.message, "give every concept its own id")))
      case .skipped, .unknownElement, .unknownCategory:
        findings.append(finding(GlossaryChecks.skippedContent, location, in: source, message: .withHint(issue.message, "fix the markup so that the content is read")))
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
      guard let (issue, count) = spellings[raw], let canonical = LanguageTag(raw)?.value else { continue }
      findings.append(finding(
        GlossaryChecks.languageTagStyle, source.location(line: issue.line, column: issue.column, text: raw), in: source,
        message: .tagSpelling(raw, canonical: canonical, others: count - 1), suggestions: [canonical]))
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
      let regionalLoses = regional.count < bare.count
        || (regional.count == bare.count && (tagOrder.firstIndex(of: tag) ?? 0) > (tagOrder.firstIndex(of: primary) ?? 0))
      let (minority, majority) = regionalLoses ? (regional, bare) : (bare, regional)
      let minorityTag = minority.term.language.value, majorityTag = majority.term.language.value
      guard reported.insert(minorityTag).inserted else { continue }
      let location = source.location(line: minority.term.line ?? minority.concept.line, column: nil, text: minorityTag)
      let majorityLocation = source.location(of: majority.term, concept: majority.concept)
      findings.append(finding(
        GlossaryChecks.languageTagStyle, location, in: source,
        message: .tagInconsistent(minorityTag, majority: majorityTag, line: majorityLocation.line), concept: minority.concept.id,
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
        guard let first = terms.first, !terms.contains(where: { $0.status == .preferred }) else { continue }
        // Without any status, one term (besides acronyms and short forms) is the term to use.
        if terms.allSatisfy({ $0.status == nil }) && terms.filter({ !$0.isShortForm }).count <= 1 { continue }
        let onlyRejected = terms.allSatisfy { $0.effectiveStatus.isRejected }
        findings.append(finding(
          GlossaryChecks.missingPreferred, source.location(of: first, concept: concept), in: source,
          message: .missingPreferred(concept.id, language: language.value, onlyRejected: onlyRejected), concept: concept.id))
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
        guard let pos = term.partOfSpeech, !GlossaryChecker.partsOfSpeech.contains(pos) else { continue }
        findings.append(finding(
          GlossaryChecks.invalidValue, source.location(line: term.line ?? concept.line, column: nil, text: pos), in: source,
          message: .partOfSpeech(pos), concept: concept.id))
      }
    }
    return findings
  }

  /// TBX-Basic's parts of speech plus TBX-Min's `properNoun`.
  static let partsOfSpeech: Set<String> = ["noun", "verb", "adjective", "adverb", "properNoun", "other"]
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
      return "The term '\(issue.value ?? "")' has no language (no xml:lang in scope), so it is skipped; add xml:lang to its language section"
    }
    guard let value = issue.value else {
      return "The language is empty, so the term is skipped; fill in a BCP 47 tag such as 'en' or 'ru'"
    }
    return "'\(value)' is not a valid BCP 47 language tag, so its terms are skipped; use a tag such as 'en', 'ru' or 'en-GB'"
  }

  fileprivate static func unknownStatus(_ value: String) -> String {
    "Unknown status '\(value)', so the term counts as admitted; use preferred, admitted, deprecated, forbidden or proposed"
  }

  fileprivate static func tagSpelling(_ raw: String, canonical: String, others: Int) -> String {
    let more = others == 0 ? "" : " (also used \(others) more time\(others == 1 ? "" : "s") in this file)"
    return "Language tag '\(raw)' is not in canonical BCP 47 form\(more); write '\(canonical)'"
  }

  fileprivate static func tagInconsistent(_ tag: String, majority: String, line: Int) -> String {
    "Language tag '\(tag)' names the same language as '\(majority)', used from line \(line); use one tag for one language"
  }

  fileprivate static func missingPreferred(_ concept: String, language: String, onlyRejected: Bool) -> String {
    onlyRejected
      ? "Concept '\(concept)' has only deprecated or forbidden terms in '\(language)', so lint has nothing to suggest; add the preferred term"
      : "Concept '\(concept)' has no preferred term in '\(language)'; mark the term to use as preferred"
  }

  fileprivate static func partOfSpeech(_ value: String) -> String {
    "Part of speech '\(value)' is not a TBX value; use noun, verb, adjective, adverb, properNoun or other"
  }
}
