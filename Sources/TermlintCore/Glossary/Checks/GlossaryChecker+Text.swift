import TermlintGlossary
import TermlintText

/// Text checks: NFC, white space, invisible characters, mixed scripts, apostrophes.
extension GlossaryChecker {
  func textFindings(_ source: GlossarySource) -> [Finding] {
    var findings: [Finding] = []
    for concept in source.glossary.concepts {
      let conceptLocation = { source.location(of: concept) }
      if let subject = concept.subjectField {
        findings += fieldFindings(
          subject, what: "subject field", at: conceptLocation, source: source, concept: concept,
          whitespace: true)
      }
      if let note = concept.note {
        findings += fieldFindings(
          note, what: "concept note", at: conceptLocation, source: source, concept: concept,
          whitespace: false)
      }
      for term in concept.terms {
        let location = source.location(of: term, concept: concept)
        findings += termTextFindings(term, location: location, source: source, concept: concept)
        if let note = term.note {
          let noteLocation = {
            source.location(line: term.line ?? concept.line, column: nil, text: note)
          }
          findings += fieldFindings(
            note, what: "note of '\(term.text)'", at: noteLocation, source: source,
            concept: concept, whitespace: false)
        }
      }
    }
    return findings
  }

  /// NFC, white space, invisible characters and mixed scripts in one term (one finding each).
  private func termTextFindings(
    _ term: Term, location: Location, source: GlossarySource, concept: Concept
  ) -> [Finding] {
    var findings: [Finding] = []
    let text = term.text
    // NOTE: Swift's `==` on String ignores normalization; ask ICU instead.
    if !Normalizer.nfc.isNormalized(text) {
      findings.append(
        finding(
          GlossaryChecks.notNFC, location, in: source, message: .notNFC(text, what: "term"),
          concept: concept.id,
          suggestions: [Normalizer.nfc.normalize(text)]))
    }
    if let problem = TextInspection.whitespaceProblem(text) {
      findings.append(
        finding(
          GlossaryChecks.whitespace, location, in: source,
          message: .whitespace(text, problem: problem), concept: concept.id,
          suggestions: [TextInspection.normalizedWhitespace(text)]))
    }
    if let invisible = TextInspection.invisibleCharacters(text).first {
      findings.append(
        finding(
          GlossaryChecks.invisibleCharacter, location, in: source,
          message: .invisible(text, invisible, what: "term"),
          concept: concept.id, suggestions: [TextInspection.removingInvisibleCharacters(text)]))
    }
    if let mixed = TextInspection.mixedScriptWord(text) {
      findings.append(
        finding(
          GlossaryChecks.mixedScript, location, in: source,
          message: .mixedScript(text, word: mixed.word, scripts: mixed.scripts),
          concept: concept.id))
    }
    return findings
  }

  /// NFC and invisible characters (and white space, for one-line fields) in a subject or note.
  private func fieldFindings(
    _ text: String, what: String, at location: () -> Location, source: GlossarySource,
    concept: Concept, whitespace: Bool
  ) -> [Finding] {
    var findings: [Finding] = []
    if !Normalizer.nfc.isNormalized(text) {
      findings.append(
        finding(
          GlossaryChecks.notNFC, location(), in: source, message: .notNFC(text, what: what),
          concept: concept.id,
          suggestions: [Normalizer.nfc.normalize(text)]))
    }
    if whitespace, let problem = TextInspection.whitespaceProblem(text) {
      findings.append(
        finding(
          GlossaryChecks.whitespace, location(), in: source,
          message: .whitespace(text, problem: problem, what: what),
          concept: concept.id, suggestions: [TextInspection.normalizedWhitespace(text)]))
    }
    if let invisible = TextInspection.invisibleCharacters(text).first {
      findings.append(
        finding(
          GlossaryChecks.invisibleCharacter, location(), in: source,
          message: .invisible(text, invisible, what: what),
          concept: concept.id, suggestions: [TextInspection.removingInvisibleCharacters(text)]))
    }
    return findings
  }

  // MARK: - Apostrophes

  /// Per language: terms that mix both styles, and terms using the less common style.
  func apostropheFindings(_ source: GlossarySource) -> [Finding] {
    struct Use {
      var term: Term
      var concept: Concept
      var style: TextInspection.ApostropheStyle
    }
    var byLanguage: [String: [Use]] = [:]
    var languageOrder: [String] = []
    for concept in source.glossary.concepts {
      for term in concept.terms {
        guard let style = TextInspection.apostropheStyle(term.text) else { continue }
        let language = term.language.language
        if byLanguage[language] == nil { languageOrder.append(language) }
        byLanguage[language, default: []].append(Use(term: term, concept: concept, style: style))
      }
    }
    var findings: [Finding] = []
    for language in languageOrder {
      let uses = byLanguage[language] ?? []
      let straight = uses.filter { $0.style == .straight }
      let typographic = uses.filter { $0.style == .typographic }
      var convention: TextInspection.ApostropheStyle?
      if !straight.isEmpty && !typographic.isEmpty {
        if straight.count != typographic.count {
          convention = straight.count > typographic.count ? .straight : .typographic
        } else {
          convention = uses.first { $0.style != .mixed }?.style
        }
      }
      let model = uses.first { $0.style == convention }
      for use in uses where use.style == .mixed || (convention != nil && use.style != convention) {
        let location = source.location(of: use.term, concept: use.concept)
        let related = model.map { [source.location(of: $0.term, concept: $0.concept)] } ?? []
        let target = convention ?? .straight
        findings.append(
          finding(
            GlossaryChecks.mixedApostrophes, location, in: source,
            message: .apostrophes(
              use.term.text, mixed: use.style == .mixed, convention: convention,
              modelLine: related.first?.line),
            concept: use.concept.id,
            suggestions: [TextInspection.apostrophes(use.term.text, as: target)], related: related))
      }
    }
    return findings
  }
}

extension String {
  fileprivate static func notNFC(_ text: String, what: String) -> String {
    "The \(what) '\(TextInspection.visible(text))' is not in Unicode NFC; run 'termlint glossary fmt' or retype it"
  }

  fileprivate static func whitespace(_ text: String, problem: String, what: String = "term")
    -> String
  {
    "The \(what) '\(TextInspection.visible(text))' \(problem); use single spaces between words only"
  }

  fileprivate static func invisible(_ text: String, _ scalar: Unicode.Scalar, what: String)
    -> String
  {
    "The \(what) '\(TextInspection.visible(text))' contains an invisible \(TextInspection.describe(scalar)); delete it"
  }

  fileprivate static func mixedScript(_ text: String, word: String, scripts: [String]) -> String {
    let list =
      scripts.count == 2 ? "\(scripts[0]) and \(scripts[1])" : scripts.joined(separator: ", ")
    let place = word == text ? "" : " in the word '\(word)'"
    return
      "'\(text)' mixes \(list) letters\(place), so it never matches real text; retype it in one script"
  }

  fileprivate static func apostrophes(
    _ text: String, mixed: Bool, convention: TextInspection.ApostropheStyle?, modelLine: Int?
  ) -> String {
    if mixed {
      return "'\(text)' mixes straight (') and typographic (’) apostrophes; use one style"
    }
    let used = convention == .typographic ? "straight (')" : "typographic (’)"
    let usual = convention == .typographic ? "typographic (’)" : "straight (')"
    let line = modelLine.map { ", as on line \($0)" } ?? ""
    return
      "'\(text)' uses a \(used) apostrophe but most terms of its language use the \(usual) one\(line); use one style"
  }
}

/// The text checks, documented.
extension GlossaryChecks {
  /// A term, subject field or note that is not in Unicode NFC.
  public static let notNFC = RuleDescriptor(
    id: "glossary-not-nfc", title: "Not in NFC", category: .linguisticConventions,
    defaultSeverity: .warning,
    summary: "A term, subject field or note is not in Unicode Normalization Form C",
    rationale: """
      ## Why is this bad?
      The same letter written as a base letter plus a combining mark (*е* + U+0308) looks like
      the precomposed *ё* but is different text for search, sorting, spreadsheets and other
      tools. `lint` normalizes before matching, other tools may not.

      ## Use instead
      Run `termlint glossary fmt`, which writes every text in NFC.
      """,
    nonTriggeringExamples: [
      RuleExample("concept,lang,term,status\nelysee,fr,\u{00C9}lys\u{00E9}e,preferred")
    ],
    triggeringExamples: [
      RuleExample("concept,lang,term,status\nelysee,fr,↓E\u{0301}lyse\u{0301}e,preferred")
    ])

  /// Leading, trailing, repeated or unusual white space in a term or subject field.
  public static let whitespace = RuleDescriptor(
    id: "glossary-whitespace", title: "White Space", category: .linguisticConventions,
    defaultSeverity: .warning,
    summary:
      "A term or subject field has leading or trailing white space, two spaces in a row, or a tab or line break",
    rationale: """
      ## Why is this bad?
      Stray spaces are invisible in a spreadsheet but make exact searches, lookups and diffs
      fail, and a tab or line break inside a term is almost always a paste accident.

      ## Use instead
      Single spaces between words; `termlint glossary fmt` normalizes white space.
      """,
    nonTriggeringExamples: [
      RuleExample("concept,lang,term,status\nsecurity-guarantees,en,security guarantees,preferred")
    ],
    triggeringExamples: [
      RuleExample(
        "concept,lang,term,status\nsecurity-guarantees,en,↓security  guarantees,preferred"),
      RuleExample(
        "concept,lang,term,status\nsecurity-guarantees,en,↓\" security guarantees\",preferred"),
    ])

  /// Straight and typographic apostrophes mixed in one language.
  public static let mixedApostrophes = RuleDescriptor(
    id: "glossary-mixed-apostrophes", title: "Mixed Apostrophes", category: .linguisticConventions,
    defaultSeverity: .warning,
    summary: "Terms of one language mix straight (') and typographic (’) apostrophes",
    rationale: """
      ## Why is this bad?
      `lint` folds apostrophes, but people and other tools search glossaries literally, and a
      mixed glossary shows that no convention was decided. The style most terms of the language
      use is taken as the convention; terms that mix both styles are always reported.

      ## Use instead
      One apostrophe style per language.
      """,
    nonTriggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        kyivs-mayor,en,Kyiv’s mayor,preferred
        russias-president,en,Russia’s president,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample(
        """
        concept,lang,term,status
        kyivs-mayor,en,Kyiv’s mayor,preferred
        russias-president,en,Russia’s president,preferred
        ukraines-president,en,↓Ukraine's president,preferred
        """)
    ])

  /// An invisible or control character in a term, subject field or note.
  public static let invisibleCharacter = RuleDescriptor(
    id: "glossary-invisible-character", title: "Invisible Character",
    category: .linguisticConventions,
    defaultSeverity: .warning,
    summary:
      "A term, subject field or note contains an invisible or control character (soft hyphen, zero-width space, bidi mark …)",
    rationale: """
      ## Why is this bad?
      Invisible characters come in with copy and paste from web pages and word processors. They
      cannot be seen in an editor, break literal searches and can hide a different spelling.

      ## Use instead
      Delete the character.
      """,
    nonTriggeringExamples: [
      RuleExample("concept,lang,term,status\nde-escalate,en,de-escalate,preferred")
    ],
    triggeringExamples: [
      RuleExample("concept,lang,term,status\nde-escalate,en,↓de\u{00AD}escalate,preferred")
    ])

  /// A word that mixes letters of two scripts.
  public static let mixedScript = RuleDescriptor(
    id: "glossary-mixed-script", title: "Mixed Scripts", category: .linguisticConventions,
    defaultSeverity: .error,
    summary: "A word of a term mixes letters of different scripts (a Cyrillic 'А' in 'NATO')",
    rationale: """
      ## Why is this bad?
      Latin and Cyrillic have letters that look the same (*A*/*А*, *O*/*О*, *C*/*С*). A term
      typed with one of the wrong script never matches real text, so `lint` silently misses
      it. Words are checked one by one: a Russian term may contain a Latin acronym as a word.

      ## Use instead
      Retype the word in one script.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "concept,lang,term,status\ncdc,ru,Центры по контролю заболеваний США (CDC),preferred")
    ],
    triggeringExamples: [RuleExample("concept,lang,term,status\nnato,en,↓N\u{0410}TO,preferred")])
}
