import TermlintGlossary
import TermlintText

/// Checks that compare terms with each other through the matcher `lint` uses: duplicates,
/// status conflicts, deprecated terms matching allowed ones, colliding target terms, case
/// variants, and terms with nothing to match.
extension GlossaryChecker {
  /// Where a compiled term came from.
  private struct Origin {
    var source: Int
    var concept: Concept
    var term: Term
  }

  func pairFindings(_ sources: [GlossarySource]) throws -> [Finding] {
    var findings: [Finding] = []
    let tokenizer = try Tokenizer()
    // Build one glossary of every matchable term; a term without letters or digits would stop
    // `CompiledGlossary` (and `lint`), so it is reported here and left out.
    var concepts: [Concept] = []
    var origins: [[Origin]] = []  // per compiled concept, per kept term
    for (s, source) in sources.enumerated() {
      for concept in source.glossary.concepts {
        var kept = concept
        kept.terms = []
        var keptOrigins: [Origin] = []
        for term in concept.terms {
          if tokenizer.tokens(in: NormalizedText(term.text, options: .matching).units).isEmpty {
            if !term.text.trimmedForGlossary.isEmpty {
              findings.append(
                finding(
                  GlossaryChecks.emptyTerm, source.location(of: term, concept: concept), in: source,
                  message: .unmatchable(term.text), concept: concept.id))
            }
            continue
          }
          if !TextInspection.hasLettersDigitsOrSymbols(term.text) {
            findings.append(
              finding(
                GlossaryChecks.emptyTerm, source.location(of: term, concept: concept), in: source,
                message: .punctuationOnly(term.text), concept: concept.id))
          }
          kept.terms.append(term)
          keptOrigins.append(Origin(source: s, concept: concept, term: term))
        }
        concepts.append(kept)
        origins.append(keptOrigins)
      }
    }
    let glossary = Glossary(concepts: concepts)
    let sourceLanguage = resolvedSourceLanguage(sources)
    let compiled = try CompiledGlossary(glossary)
    let matcher = try TermMatcher(glossary: compiled)

    func origin(_ entry: CompiledGlossary.Entry) -> Origin {
      origins[entry.conceptIndex][entry.termIndex]
    }
    func location(_ o: Origin) -> Location {
      sources[o.source].location(of: o.term, concept: o.concept)
    }
    /// Whether `a` comes before `b` in the files.
    func precedes(_ a: Origin, _ b: Origin) -> Bool {
      let la = location(a)
      let lb = location(b)
      return (a.source, la.line, la.column) < (b.source, lb.line, lb.column)
    }

    var seen: Set<[Int]> = []
    var pairFindings: [(concepts: [Int], finding: Finding)] = []
    for (i, entry) in compiled.entries.enumerated() {
      let file = SourceFile(path: "<term>", text: entry.term.text)
      let span = TextSpan(file: file, range: 0..<file.utf16.count, language: entry.term.language)
      let annotated = matcher.annotate(span, language: entry.term.language)
      for hit in annotated.hits
      where hit.entryIndex != i && hit.tokenRange == 0..<annotated.tokens.count {
        guard seen.insert([min(i, hit.entryIndex), max(i, hit.entryIndex)]).inserted else {
          continue
        }
        let other = compiled.entries[hit.entryIndex]
        let (a, b) = precedes(origin(entry), origin(other)) ? (entry, other) : (other, entry)
        if let found = classify(
          a, b, origin: origin, location: location, sources: sources, sourceLanguage: sourceLanguage
        ) {
          pairFindings.append(
            ([min(a.conceptIndex, b.conceptIndex), max(a.conceptIndex, b.conceptIndex)], found))
        }
      }
    }
    // Two concepts with the same source term usually share target terms too: report the
    // duplicate concept once, not each colliding target term as well.
    let duplicates = Set(
      pairFindings.filter { $0.finding.ruleID == GlossaryChecks.duplicateConcept.id }.map(
        \.concepts))
    for (concepts, found) in pairFindings
    where !(found.ruleID == GlossaryChecks.targetCollision.id && duplicates.contains(concepts)) {
      findings.append(found)
    }
    return findings
  }

  /// The finding for two terms that match the same text (`a` first in the files), if any.
  private func classify(
    _ a: CompiledGlossary.Entry, _ b: CompiledGlossary.Entry,
    origin: (CompiledGlossary.Entry) -> Origin,
    location: (Origin) -> Location, sources: [GlossarySource], sourceLanguage: LanguageTag?
  ) -> Finding? {
    let oa = origin(a)
    let ob = origin(b)
    let sa = a.term.effectiveStatus
    let sb = b.term.effectiveStatus
    let sameConcept = a.conceptIndex == b.conceptIndex
    let sameText = Self.normalizedForm(a.term.text) == Self.normalizedForm(b.term.text)
    let caseOnly = !sameText && Self.caseFolded(a.term.text) == Self.caseFolded(b.term.text)
    let mixed = sa.isAllowed != sb.isAllowed && (sa.isRejected || sb.isRejected)
    let (rejected, allowed) = sa.isRejected ? (oa, ob) : (ob, oa)
    let sourceB = sources[ob.source]

    if sameConcept && sameText {
      return finding(
        GlossaryChecks.duplicateTerm, location(ob), in: sourceB,
        message: .duplicateTerm(ob.term.text, concept: ob.concept.id, line: location(oa).line),
        concept: ob.concept.id,
        related: [location(oa)])
    }
    if mixed {
      if !sameConcept && Self.matchingForm(a.term.text) == Self.matchingForm(b.term.text) {
        return finding(
          GlossaryChecks.statusConflict, location(ob), in: sourceB,
          message: .statusConflict(
            ob.term, oa.term, concept: oa.concept.id, line: location(oa).line),
          concept: ob.concept.id,
          related: [location(oa)])
      }
      let place = sameConcept ? "of the same concept" : "of concept '\(allowed.concept.id)'"
      return finding(
        GlossaryChecks.deprecatedMatchesAllowed, location(rejected), in: sources[rejected.source],
        message: .deprecatedMatchesAllowed(
          rejected.term, allowed.term, place: place, line: location(allowed).line),
        concept: rejected.concept.id, related: [location(allowed)])
    }
    if sameConcept {
      if caseOnly {
        return finding(
          GlossaryChecks.caseVariants, location(ob), in: sourceB,
          message: .caseVariant(ob.term.text, oa.term.text, line: location(oa).line),
          concept: ob.concept.id,
          related: [location(oa)])
      }
      if Self.matchingForm(a.term.text) == Self.matchingForm(b.term.text) {
        return finding(
          GlossaryChecks.duplicateTerm, location(ob), in: sourceB,
          message: .sameAfterNormalization(ob.term.text, oa.term.text, line: location(oa).line),
          concept: ob.concept.id,
          related: [location(oa)])
      }
      return nil
    }
    guard sa.isAllowed && sb.isAllowed else { return nil }
    if let sourceLanguage, b.term.language.matches(sourceLanguage) {
      return finding(
        GlossaryChecks.duplicateConcept, location(ob), in: sourceB,
        message: .duplicateConcept(
          ob.term.text, other: oa.term.text, concept: oa.concept.id, line: location(oa).line),
        concept: ob.concept.id, related: [location(oa)])
    }
    return finding(
      GlossaryChecks.targetCollision, location(ob), in: sourceB,
      message: .collision(
        ob.term.text, other: oa.term.text, concept: oa.concept.id, line: location(oa).line),
      concept: ob.concept.id, related: [location(oa)])
  }

  /// The source language: given, else declared by a glossary, else the language most concepts
  /// list first (on a tie, the one seen first).
  func resolvedSourceLanguage(_ sources: [GlossarySource]) -> LanguageTag? {
    if let sourceLanguage { return sourceLanguage }
    if let declared = sources.lazy.compactMap(\.glossary.sourceLanguage).first { return declared }
    return GlossaryFormatter.inferredSourceLanguage(
      Glossary(concepts: sources.flatMap(\.glossary.concepts)))
  }

  /// NFC with white space collapsed: texts equal in this form are the same term as written.
  static func normalizedForm(_ text: String) -> String {
    TextInspection.normalizedWhitespace(Normalizer.nfc.normalize(text))
  }

  /// `normalizedForm`, case-folded.
  static func caseFolded(_ text: String) -> String {
    UnicodeProperties.foldCase(normalizedForm(text))
  }

  /// The form `lint` matches on (NFKC_Casefold, quotes folded, invisible characters dropped).
  static func matchingForm(_ text: String) -> String {
    NormalizedText(text, options: .matching).string
  }
}

extension String {
  fileprivate static func unmatchable(_ text: String) -> String {
    "The term '\(text)' has no letters or digits, so lint cannot match it (and stops with an error); write the term in words or delete it"
  }

  fileprivate static func punctuationOnly(_ text: String) -> String {
    "The term '\(text)' has no letters, digits or symbols, so it would match punctuation in text; write the term in words or delete it"
  }

  fileprivate static func statusConflict(_ term: Term, _ other: Term, concept: String, line: Int)
    -> String
  {
    "'\(term.text)' is \(term.effectiveStatus.rawValue) here but \(other.effectiveStatus.rawValue) in concept '\(concept)' (line \(line)); give the term one status"
  }

  fileprivate static func deprecatedMatchesAllowed(
    _ rejected: Term, _ allowed: Term, place: String, line: Int
  ) -> String {
    "The \(rejected.effectiveStatus.rawValue) term '\(rejected.text)' also matches the \(allowed.effectiveStatus.rawValue) term '\(allowed.text)' \(place) (line \(line)), so correct text would be flagged; remove it, make it more specific, or set match exact or case sensitive"
  }

  fileprivate static func duplicateTerm(_ text: String, concept: String, line: Int) -> String {
    "'\(text)' is listed twice in concept '\(concept)' (first on line \(line)); delete one"
  }

  fileprivate static func sameAfterNormalization(_ text: String, _ other: String, line: Int)
    -> String
  {
    "'\(text)' is the same term as '\(other)' (line \(line)) once quotes, spaces and letter forms are normalized; keep one"
  }

  fileprivate static func caseVariant(_ text: String, _ other: String, line: Int) -> String {
    "'\(text)' differs from '\(other)' (line \(line)) only in letter case; keep one spelling, or set case sensitive on the one to use"
  }

  fileprivate static func duplicateConcept(
    _ text: String, other: String, concept: String, line: Int
  ) -> String {
    let same = text == other ? "" : " ('\(other)')"
    return
      "Source term '\(text)' is also a term of concept '\(concept)'\(same) on line \(line); merge the concepts or make the source terms distinct"
  }

  fileprivate static func collision(_ text: String, other: String, concept: String, line: Int)
    -> String
  {
    let same = text == other ? "" : " ('\(other)')"
    return
      "'\(text)' matches the same text as an allowed term of concept '\(concept)'\(same) on line \(line); merge the concepts or make one term more specific"
  }
}

/// The checks that compare terms with each other, documented.
extension GlossaryChecks {
  /// Two concepts share a source-language term.
  public static let duplicateConcept = RuleDescriptor(
    id: "glossary-duplicate-concept", title: "Duplicate Concept", category: .terminology,
    defaultSeverity: .warning,
    summary: "Two concepts have the same source term (after normalization and stemming)",
    rationale: """
      ## Why is this bad?
      A concept is one meaning. When two concepts list the same source term, a translator (and
      a bilingual check) cannot tell which target term belongs to it, and the entries drift apart
      as people edit one of them. Terms are compared the way `lint` matches them, so an inflected
      form (*гарантия безопасности* beside *гарантии безопасности*) is the same term. The source
      language is the glossary's declared one, else `--source-lang`, else the language most
      concepts list first.

      ## Use instead
      Merge the two concepts, or make the source terms distinct.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        security-guarantees,ru,гарантии безопасности,preferred
        security-guarantees,en,security guarantees,preferred
        negative-assurances,ru,негативные гарантии безопасности,preferred
        negative-assurances,en,negative security assurances,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        security-guarantees,ru,гарантии безопасности,preferred
        security-guarantees,en,security guarantees,preferred
        guarantees,ru,↓гарантия безопасности,preferred
        guarantees,en,security assurances,preferred
        """)
    ])

  /// The same term twice in one concept and language.
  public static let duplicateTerm = RuleDescriptor(
    id: "glossary-duplicate-term", title: "Duplicate Term", category: .terminology,
    defaultSeverity: .warning,
    summary: "A concept lists the same term twice in one language",
    rationale: """
      ## Why is this bad?
      A repeated term adds nothing but can carry two different statuses or notes, and later edits
      change one copy and not the other.

      ## Use instead
      Keep one row for the term.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        nato,ru,НАТО,preferred
        nato,en,NATO,preferred
        nato,de,NATO,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        nato,en,NATO,preferred
        nato,en,North Atlantic Treaty Organization,admitted
        nato,en,↓NATO,preferred
        """)
    ])

  /// A term allowed in one concept and rejected in another.
  public static let statusConflict = RuleDescriptor(
    id: "glossary-status-conflict", title: "Conflicting Status", category: .terminology,
    defaultSeverity: .error,
    summary:
      "A term is preferred or admitted in one concept and deprecated or forbidden in another",
    rationale: """
      ## Why is this bad?
      `lint` flags a deprecated term wherever it appears, so the concept that allows it can
      never be written without a finding; and readers of the glossary get two answers.

      ## Use instead
      Give the term one status, or make one of the two terms more specific.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        security-guarantees,en,security guarantees,preferred
        security-guarantees,en,security assurances,deprecated
        negative-assurances,en,negative security assurances,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        security-guarantees,en,security guarantees,preferred
        security-guarantees,en,security assurances,deprecated
        assurances,en,↓security assurances,preferred
        """)
    ])

  /// A rejected term that matches an allowed term, so `lint` would flag correct text.
  public static let deprecatedMatchesAllowed = RuleDescriptor(
    id: "glossary-deprecated-matches-allowed", title: "Deprecated Term Matches Allowed Term",
    category: .terminology,
    defaultSeverity: .error,
    summary:
      "A deprecated or forbidden term matches an allowed term of the same language, so correct text would be flagged",
    rationale: """
      ## Why is this bad?
      `lint` matches terms after normalization (case folding, apostrophes, white space) and
      stemming. A deprecated *Nato* also matches the preferred *NATO*, and a deprecated
      *negotiation* matches the admitted *negotiations*: every correct use would be reported.
      Each allowed term is run through the same matcher `lint` uses; where a longer allowed
      term wins (*negative security assurances* over a deprecated *security assurances*),
      nothing is reported.

      ## Use instead
      Remove the deprecated term, make it more specific, or give it `match: exact` or
      `case: sensitive`.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        missile-defense,en,missile defense,preferred
        missile-defense,en,missile defence,deprecated
        iamd,en,Integrated Air and Missile Defence,preferred
        """),
      RuleExample(
        """
        concept,lang,term,status,match
        dmitry-peskov,en,Dmitry Peskov,preferred,exact
        dmitry-peskov,en,Dmitri Peskov,deprecated,exact
        """),
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        nato,en,NATO,preferred
        nato,en,↓Nato,deprecated
        """),
      RuleExample(
        """
        concept,lang,term,status
        talks,en,talks,preferred
        talks,en,↓negotiation,deprecated
        negotiating-team,en,negotiations team,preferred
        negotiating-team,en,negotiations,admitted
        """),
    ])

  /// Two concepts whose allowed target terms match the same text.
  public static let targetCollision = RuleDescriptor(
    id: "glossary-target-collision", title: "Colliding Target Terms", category: .terminology,
    defaultSeverity: .warning,
    summary: "Allowed target-language terms of two concepts match the same text",
    rationale: """
      ## Why is this bad?
      When a translation uses the term, `lint` cannot tell which concept is meant: consistency
      checks count it for both, and a bilingual check may demand the wrong source term. Terms
      are compared the way `lint` matches them (normalization and stemming).

      ## Use instead
      Merge the concepts, or make one of the terms more specific.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        strike-weapons,ru,ударные вооружения,preferred
        strike-weapons,en,strike weapons,preferred
        offensive-arms,ru,наступательные вооружения,preferred
        offensive-arms,en,offensive arms,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        strike-weapons,ru,ударные вооружения,preferred
        strike-weapons,en,strike weapons,preferred
        offensive-arms,ru,наступательные вооружения,preferred
        offensive-arms,en,↓strike weapon,preferred
        """)
    ])

  /// Two terms that differ only in case.
  public static let caseVariants = RuleDescriptor(
    id: "glossary-case-variants", title: "Case Variants", category: .linguisticConventions,
    defaultSeverity: .warning,
    summary: "Two terms of one language differ only in letter case",
    rationale: """
      ## Why is this bad?
      `lint` matches ordinary terms without regard to case, so two spellings that differ only
      in case are one term listed twice, and readers cannot tell which capitalization the house
      wants.

      ## Use instead
      Keep one spelling; if the case matters, keep the one to use and set `case: sensitive`.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        foreign-ministry,en,Foreign Ministry,preferred
        foreign-minister,en,foreign minister,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        foreign-ministry,en,Foreign Ministry,preferred
        foreign-ministry,en,↓foreign ministry,admitted
        """)
    ])
}
