import TermlintGlossary
import TermlintText

/// The checks `termlint glossary check` runs, with their documentation and examples.
///
/// They are not lint rules (they read glossary files, not articles), so they have their own
/// registry; their findings go through the same reporters and exit statuses as `lint`. Each
/// example is a small glossary: CSV when it starts with `concept`, TBX when it starts with `<`,
/// YAML otherwise; `↓` marks where each finding starts. `GlossaryCheckExamplesTests` runs them.
public enum GlossaryChecks {
  /// Every check, sorted by id.
  public static let all: [RuleDescriptor] = [
    duplicateConcept, duplicateTerm, statusConflict, missingPreferred, deprecatedMatchesAllowed, targetCollision,
    notNFC, whitespace, mixedApostrophes, invisibleCharacter, mixedScript, caseVariants,
    invalidLanguageTag, languageTagStyle, unknownStatus, emptyTerm, invalidValue, duplicateID, skippedContent,
  ].sorted { $0.id < $1.id }

  /// The check with an id, if any.
  public static func descriptor(_ id: String) -> RuleDescriptor? { all.first { $0.id == id } }

  // MARK: - Duplicates and conflicts

  /// Two concepts share a source-language term.
  public static let duplicateConcept = RuleDescriptor(
    id: "glossary-duplicate-concept", title: "Duplicate Concept", category: .terminology, defaultSeverity: .warning,
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
      RuleExample("""
        concept,lang,term,status
        security-guarantees,ru,гарантии безопасности,preferred
        security-guarantees,en,security guarantees,preferred
        negative-assurances,ru,негативные гарантии безопасности,preferred
        negative-assurances,en,negative security assurances,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        security-guarantees,ru,гарантии безопасности,preferred
        security-guarantees,en,security guarantees,preferred
        guarantees,ru,↓гарантия безопасности,preferred
        guarantees,en,security assurances,preferred
        """)
    ])

  /// The same term twice in one concept and language.
  public static let duplicateTerm = RuleDescriptor(
    id: "glossary-duplicate-term", title: "Duplicate Term", category: .terminology, defaultSeverity: .warning,
    summary: "A concept lists the same term twice in one language",
    rationale: """
      ## Why is this bad?
      A repeated term adds nothing but can carry two different statuses or notes, and later edits
      change one copy and not the other.

      ## Use instead
      Keep one row for the term.
      """,
    nonTriggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        nato,ru,НАТО,preferred
        nato,en,NATO,preferred
        nato,de,NATO,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        nato,en,NATO,preferred
        nato,en,North Atlantic Treaty Organization,admitted
        nato,en,↓NATO,preferred
        """)
    ])

  /// A term allowed in one concept and rejected in another.
  public static let statusConflict = RuleDescriptor(
    id: "glossary-status-conflict", title: "Conflicting Status", category: .terminology, defaultSeverity: .error,
    summary: "A term is preferred or admitted in one concept and deprecated or forbidden in another",
    rationale: """
      ## Why is this bad?
      `lint` flags a deprecated term wherever it appears, so the concept that allows it can
      never be written without a finding; and readers of the glossary get two answers.

      ## Use instead
      Give the term one status, or make one of the two terms more specific.
      """,
    nonTriggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        security-guarantees,en,security guarantees,preferred
        security-guarantees,en,security assurances,deprecated
        negative-assurances,en,negative security assurances,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        security-guarantees,en,security guarantees,preferred
        security-guarantees,en,security assurances,deprecated
        assurances,en,↓security assurances,preferred
        """)
    ])

  /// A concept without a preferred term in one of its languages.
  public static let missingPreferred = RuleDescriptor(
    id: "glossary-missing-preferred", title: "No Preferred Term", category: .terminology, defaultSeverity: .warning,
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
      RuleExample("""
        concept,lang,term,status
        talks,ru,переговоры,
        talks,en,talks,
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        talks,ru,переговоры,preferred
        talks,en,↓talks,admitted
        talks,en,negotiations,admitted
        """),
      RuleExample("""
        concept,lang,term,status
        kyiv,en,Kyiv,preferred
        kyiv,uk,↓Київ,admitted
        """),
    ])

  /// A rejected term that matches an allowed term, so `lint` would flag correct text.
  public static let deprecatedMatchesAllowed = RuleDescriptor(
    id: "glossary-deprecated-matches-allowed", title: "Deprecated Term Matches Allowed Term", category: .terminology,
    defaultSeverity: .error,
    summary: "A deprecated or forbidden term matches an allowed term of the same language, so correct text would be flagged",
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
      RuleExample("""
        concept,lang,term,status
        missile-defense,en,missile defense,preferred
        missile-defense,en,missile defence,deprecated
        iamd,en,Integrated Air and Missile Defence,preferred
        """),
      RuleExample("""
        concept,lang,term,status,match
        dmitry-peskov,en,Dmitry Peskov,preferred,exact
        dmitry-peskov,en,Dmitri Peskov,deprecated,exact
        """),
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        nato,en,NATO,preferred
        nato,en,↓Nato,deprecated
        """),
      RuleExample("""
        concept,lang,term,status
        talks,en,talks,preferred
        talks,en,↓negotiation,deprecated
        negotiating-team,en,negotiations team,preferred
        negotiating-team,en,negotiations,admitted
        """),
    ])

  /// Two concepts whose allowed target terms match the same text.
  public static let targetCollision = RuleDescriptor(
    id: "glossary-target-collision", title: "Colliding Target Terms", category: .terminology, defaultSeverity: .warning,
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
      RuleExample("""
        concept,lang,term,status
        strike-weapons,ru,ударные вооружения,preferred
        strike-weapons,en,strike weapons,preferred
        offensive-arms,ru,наступательные вооружения,preferred
        offensive-arms,en,offensive arms,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        strike-weapons,ru,ударные вооружения,preferred
        strike-weapons,en,strike weapons,preferred
        offensive-arms,ru,наступательные вооружения,preferred
        offensive-arms,en,↓strike weapon,preferred
        """)
    ])

  // MARK: - Text problems

  /// A term, subject field or note that is not in Unicode NFC.
  public static let notNFC = RuleDescriptor(
    id: "glossary-not-nfc", title: "Not in NFC", category: .linguisticConventions, defaultSeverity: .warning,
    summary: "A term, subject field or note is not in Unicode Normalization Form C",
    rationale: """
      ## Why is this bad?
      The same letter written as a base letter plus a combining mark (*е* + U+0308) looks like
      the precomposed *ё* but is different text for search, sorting, spreadsheets and other
      tools. `lint` normalizes before matching, other tools may not.

      ## Use instead
      Run `termlint glossary fmt`, which writes every text in NFC.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nelysee,fr,\u{00C9}lys\u{00E9}e,preferred")],
    triggeringExamples: [RuleExample("concept,lang,term,status\nelysee,fr,↓E\u{0301}lyse\u{0301}e,preferred")])

  /// Leading, trailing, repeated or unusual white space in a term or subject field.
  public static let whitespace = RuleDescriptor(
    id: "glossary-whitespace", title: "White Space", category: .linguisticConventions, defaultSeverity: .warning,
    summary: "A term or subject field has leading or trailing white space, two spaces in a row, or a tab or line break",
    rationale: """
      ## Why is this bad?
      Stray spaces are invisible in a spreadsheet but make exact searches, lookups and diffs
      fail, and a tab or line break inside a term is almost always a paste accident.

      ## Use instead
      Single spaces between words; `termlint glossary fmt` normalizes white space.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nsecurity-guarantees,en,security guarantees,preferred")],
    triggeringExamples: [
      RuleExample("concept,lang,term,status\nsecurity-guarantees,en,↓security  guarantees,preferred"),
      RuleExample("concept,lang,term,status\nsecurity-guarantees,en,↓\" security guarantees\",preferred"),
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
      RuleExample("""
        concept,lang,term,status
        kyivs-mayor,en,Kyiv’s mayor,preferred
        russias-president,en,Russia’s president,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        kyivs-mayor,en,Kyiv’s mayor,preferred
        russias-president,en,Russia’s president,preferred
        ukraines-president,en,↓Ukraine's president,preferred
        """)
    ])

  /// An invisible or control character in a term, subject field or note.
  public static let invisibleCharacter = RuleDescriptor(
    id: "glossary-invisible-character", title: "Invisible Character", category: .linguisticConventions,
    defaultSeverity: .warning,
    summary: "A term, subject field or note contains an invisible or control character (soft hyphen, zero-width space, bidi mark …)",
    rationale: """
      ## Why is this bad?
      Invisible characters come in with copy and paste from web pages and word processors. They
      cannot be seen in an editor, break literal searches and can hide a different spelling.

      ## Use instead
      Delete the character.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nde-escalate,en,de-escalate,preferred")],
    triggeringExamples: [RuleExample("concept,lang,term,status\nde-escalate,en,↓de\u{00AD}escalate,preferred")])

  /// A word that mixes letters of two scripts.
  public static let mixedScript = RuleDescriptor(
    id: "glossary-mixed-script", title: "Mixed Scripts", category: .linguisticConventions, defaultSeverity: .error,
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
      RuleExample("concept,lang,term,status\ncdc,ru,Центры по контролю заболеваний США (CDC),preferred")
    ],
    triggeringExamples: [RuleExample("concept,lang,term,status\nnato,en,↓N\u{0410}TO,preferred")])

  /// Two terms that differ only in case.
  public static let caseVariants = RuleDescriptor(
    id: "glossary-case-variants", title: "Case Variants", category: .linguisticConventions, defaultSeverity: .warning,
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
      RuleExample("""
        concept,lang,term,status
        foreign-ministry,en,Foreign Ministry,preferred
        foreign-minister,en,foreign minister,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        foreign-ministry,en,Foreign Ministry,preferred
        foreign-ministry,en,↓foreign ministry,admitted
        """)
    ])

  // MARK: - Values and structure

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
    triggeringExamples: [RuleExample("concept,lang,term,status\nnato,↓English (UK),NATO,preferred")])

  /// A language tag spelled in a non-canonical way, or two tags for one language.
  public static let languageTagStyle = RuleDescriptor(
    id: "glossary-language-tag-style", title: "Language Tag Style", category: .designAndMarkup,
    defaultSeverity: .warning,
    summary: "A language tag is not in canonical BCP 47 form (ru_RU, RU), or one glossary writes one language two ways (ru and ru-RU)",
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
      RuleExample("""
        concept,lang,term,status
        nato,en-GB,NATO,preferred
        osce,en-GB,OSCE,preferred
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        concept,lang,term,status
        nato,↓ru_RU,НАТО,preferred
        osce,ru_RU,ОБСЕ,preferred
        """),
      RuleExample("""
        concept,lang,term,status
        nato,ru,НАТО,preferred
        osce,ru,ОБСЕ,preferred
        csto,↓ru-RU,ОДКБ,preferred
        """),
    ])

  /// A status value Termlint does not know.
  public static let unknownStatus = RuleDescriptor(
    id: "glossary-unknown-status", title: "Unknown Status", category: .designAndMarkup, defaultSeverity: .error,
    summary: "A term's status is not one Termlint knows; the term counts as admitted",
    rationale: """
      ## Why is this bad?
      A misspelled status is read as no status, so a term meant to be deprecated is silently
      allowed.

      ## Use instead
      `preferred`, `admitted`, `deprecated`, `forbidden` or `proposed` (TBX values such as
      `deprecatedTerm-admn-sts` are accepted too).
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status\nkyiv,en,Kiev,deprecatedTerm-admn-sts")],
    triggeringExamples: [RuleExample("concept,lang,term,status\nkyiv,en,Kiev,↓depreciated")])

  /// An empty term, or one without letters or digits.
  public static let emptyTerm = RuleDescriptor(
    id: "glossary-empty-term", title: "Empty Term", category: .designAndMarkup, defaultSeverity: .error,
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
    id: "glossary-invalid-value", title: "Invalid Value", category: .designAndMarkup, defaultSeverity: .warning,
    summary: "A part of speech, case sensitivity or match mode is not one of its allowed values",
    rationale: """
      ## Why is this bad?
      An unknown case or match value is ignored, and an unknown part of speech means nothing to
      other tools (TBX-Basic allows `noun`, `verb`, `adjective`, `adverb`, `properNoun`,
      `other`).

      ## Use instead
      One of the listed values, or leave the field empty.
      """,
    nonTriggeringExamples: [RuleExample("concept,lang,term,status,pos\nnato,en,NATO,preferred,properNoun")],
    triggeringExamples: [
      RuleExample("concept,lang,term,status,pos\nsanctions,en,sanctions,preferred,↓nominal"),
      RuleExample("concept,lang,term,status,match\nsanctions,en,sanctions,preferred,↓exactly"),
    ])

  /// A concept id used twice (TBX; the CSV and YAML loaders refuse such files).
  public static let duplicateID = RuleDescriptor(
    id: "glossary-duplicate-id", title: "Duplicate Concept Id", category: .designAndMarkup, defaultSeverity: .error,
    summary: "Two concepts have the same id",
    rationale: """
      ## Why is this bad?
      Ids identify concepts in reports, links and merges. Termlint renames the second one to
      load the file, so reports name an id that is not in the file.

      ## Use instead
      Give every concept its own id.
      """,
    nonTriggeringExamples: [
      RuleExample("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        <conceptEntry id="osce"><langSec xml:lang="en"><termSec><term>OSCE</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        <conceptEntry id="↓nato"><langSec xml:lang="en"><termSec><term>OSCE</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ])

  /// Markup the TBX loader skipped.
  public static let skippedContent = RuleDescriptor(
    id: "glossary-skipped-content", title: "Skipped Content", category: .designAndMarkup, defaultSeverity: .warning,
    summary: "Part of a TBX file was skipped (a second term in one term section, a concept without usable terms …)",
    rationale: """
      ## Why is this bad?
      What the loader skips is not linted, and the glossary's maintainers may not know.

      ## Use instead
      One `<term>` per term section, terms inside term sections, at least one term per concept.
      """,
    nonTriggeringExamples: [
      RuleExample("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ],
    triggeringExamples: [
      RuleExample("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
        <conceptEntry id="nato"><langSec xml:lang="en"><termSec><term>NATO</term>
        ↓<term>North Atlantic Treaty Organization</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """)
    ])
}
