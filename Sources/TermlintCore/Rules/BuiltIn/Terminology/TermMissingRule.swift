import TermlintGlossary
import TermlintText

/// Flags a glossary term in the source whose concept has no allowed target term in the
/// translation (nor, for aligned prose, anywhere in the same paragraph of the translation).
struct TermMissingRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "term-missing",
    title: "Missing Glossary Term",
    category: .terminology,
    defaultSeverity: .warning,
    summary:
      "A glossary term in the source is not rendered with any of the concept's allowed terms in the translation",
    rationale: """
      ## Why is this bad?
      The glossary fixes how a source term is translated: *гарантии безопасности* is always
      *security guarantees*. A translation that paraphrases it (*safety commitments*) loses the
      established wording, and readers cannot tell that two reports speak of the same thing.
      Source terms are matched in any inflection (*гарантий безопасности*, *ударных вооружений*).

      The check is generous: any allowed target term of the concept counts, in any inflection,
      and so does the acronym of a multi-word one (*UN* for *United Nations*) and the source
      term kept as written (*The Washington Post* in a Russian translation);
      for sentence-aligned prose a rendering anywhere in the same paragraph counts, because
      translators restructure sentences. A deprecated rendering is reported by `term-forbidden`
      instead, a misspelled name by `name-spelling`, and a copied source sentence by
      `untranslated`; a missing sentence is an `omission`.

      ## Example
      Москва потребовала гарантий безопасности. → Moscow demanded firm commitments.

      ## Use instead
      Moscow demanded security guarantees.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "Moscow demanded security guarantees.", source: "Москва потребовала гарантий безопасности."),
      RuleExample(
        "The alliance must not deploy strike weapons there.",
        source: "Альянс не должен размещать там ударных вооружений."),
      RuleExample(
        "Moscow demanded security assurances.", source: "Москва потребовала гарантий безопасности."),
      RuleExample(
        "Moscow set out its terms for security guarantees.\nIt handed over a draft.",
        source: "Москва передала проект.\nОна изложила условия гарантий безопасности."),
      RuleExample("NATO replied in writing.", source: "НАТО ответило письменно."),
      RuleExample(
        "Москва потребовала гарантий безопасности.",
        source: "Москва потребовала гарантий безопасности."),
    ],
    triggeringExamples: [
      RuleExample(
        "↓Moscow demanded firm commitments on its safety.",
        source: "Москва потребовала гарантий безопасности."),
      RuleExample(
        "↓The alliance was told to pull back its offensive arms.",
        source: "Альянсу предложили отвести ударные вооружения."),
      RuleExample(
        "Talks opened in Geneva.\n↓The alliance was asked to stop expanding.",
        source:
          "В Женеве начались переговоры.\nАльянс попросили отказаться от политики открытых дверей."),
    ],
    requiresGlossary: true
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    guard let targetLanguage = document.targetLanguage else { return [] }
    let glossary = context.glossary
    var names: NameIndex?
    var findings: [Finding] = []
    for group in UnitScopes.groups(document) {
      // Concepts the group's translation renders, with an allowed or a rejected term.
      var rendered = Set<Int>()
      for i in group {
        guard let target = document.units[i].target else { continue }
        for hit in target.hits
        where glossary.entries[hit.entryIndex].term.language.matches(targetLanguage) {
          rendered.insert(glossary.entries[hit.entryIndex].conceptIndex)
        }
      }
      // Words in capitals, which may be acronyms of allowed terms the glossary does not list;
      // collected on first use (most groups have no source term left unrendered).
      var capitalsCache: Set<String>? = nil
      func capitals() -> Set<String> {
        if let capitalsCache { return capitalsCache }
        var capitals = Set<String>()
        for i in group {
          guard let target = document.units[i].target else { continue }
          for token in target.tokens where token.kind == .word {
            let w = SourceNames.stripPossessive(target.surface(of: token))
            if w.count >= 2 && w.allSatisfy({ $0.isUppercase }) { capitals.insert(w) }
          }
        }
        capitalsCache = capitals
        return capitals
      }
      for i in group {
        let unit = document.units[i]
        guard let source = unit.source, let target = unit.target, !target.isBlank,
          !unit.isNotComparable,
          !unit.targetIsMostlySourceScript
        else { continue }
        var reported = Set<Int>()
        for hit in source.hits {
          let entry = glossary.entries[hit.entryIndex]
          if entry.term.language.matches(targetLanguage) { continue }
          let conceptIndex = entry.conceptIndex
          guard !rendered.contains(conceptIndex), !reported.contains(conceptIndex) else { continue }
          let concept = glossary.concept(of: entry)
          guard
            let preferred = concept.terms(in: targetLanguage).first(where: {
              $0.effectiveStatus == .preferred
            })
              ?? concept.terms(in: targetLanguage).first(where: { $0.effectiveStatus.isAllowed })
          else { continue }
          // A name kept as written in the source (The Washington Post) is not a missing term.
          if group.contains(where: { k in
            document.units[k].target.map { Self.contains($0, tokensOf: hit, in: source) } ?? false
          }) {
            continue
          }
          // The acronym of an allowed term (UN for United Nations) renders it too.
          let acronyms = capitals()
          if concept.terms(in: targetLanguage).contains(where: {
            $0.effectiveStatus.isAllowed && acronyms.contains(Self.initials($0.text))
          }) {
            continue
          }
          // A name rendered by its adjective or demonym (Президент Белоруссии → the Belarusian
          // President; Вашингтонский университет for Washington University) is rendered.
          if group.contains(where: { k in
            document.units[k].target.map {
              Self.containsDerivedForm(
                of: concept.terms(in: targetLanguage), in: $0, language: targetLanguage)
            } ?? false
          }) {
            continue
          }
          // The head of an institution (глава МИД, замглавы Минобороны) rendered by the title
          // (Foreign Minister, Deputy Defense Minister): the institution's name with its last
          // letters changed.
          if Self.isHeadOf(hit, in: source),
            group.contains(where: { k in
              document.units[k].target.map {
                Self.containsTitle(of: concept.terms(in: targetLanguage), in: $0)
              } ?? false
            })
          {
            continue
          }
          // A misspelled rendering of a name is name-spelling's finding, not a missing term.
          if concept.terms(in: targetLanguage).contains(where: \.isProperNoun) {
            if names == nil {
              names = NameIndex.shared(
                glossary: glossary, language: targetLanguage, source: document.sourceLanguage)
            }
            let misspelled = group.contains { k in
              document.units[k].target.map {
                !names!.nearMisses(in: $0, concepts: [conceptIndex]).isEmpty
              } ?? false
            }
            if misspelled { continue }
          }
          reported.insert(conceptIndex)
          let sourceText = source.span.file.text(in: hit.fileRange)
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: target.trimmedFileRange,
              message: .missing(sourceText, preferred: preferred.text), unit: unit.unit,
              related: [Location(file: source.span.file, utf16Range: hit.fileRange)]))
        }
      }
    }
    return findings
  }
}

extension TermMissingRule {
  /// Whether `target` contains the words of a source hit unchanged (a name kept in the
  /// original script).
  static func contains(_ target: AnnotatedSpan, tokensOf hit: TermHit, in source: AnnotatedSpan)
    -> Bool
  {
    let needle = source.tokens[hit.tokenRange].map { Array(source.normalized.units[$0.range]) }
    let hay = target.tokens.map { Array(target.normalized.units[$0.range]) }
    guard !needle.isEmpty, hay.count >= needle.count else { return false }
    for start in 0...(hay.count - needle.count)
    where Array(hay[start..<(start + needle.count)]) == needle { return true }
    return false
  }

  /// Whether `target` has a word derived from a one-word allowed proper noun of `terms`: an
  /// English demonym or adjective (*Belarus* → *Belarusian*, *Crimea* → *Crimean*; see
  /// `NameMatching.isDerived`) or a Russian adjective in *-ский*/*-цкий* (*Вашингтон* →
  /// *Вашингтонского*, *Крым* → *крымский*, *Белоруссия* → *белорусской*). Languages with
  /// neither rule have no derived forms.
  static func containsDerivedForm(of terms: [Term], in target: AnnotatedSpan, language: LanguageTag)
    -> Bool
  {
    let lang = language.language
    guard lang == "en" || lang == "ru" else { return false }
    // English compares folded words (no accents); Russian keeps й and ё, which fold would take apart.
    func form(_ word: String) -> [Character] {
      lang == "en" ? NameMatching.fold(word) : Array(UnicodeProperties.lowercase(word))
    }
    let names = terms.filter {
      $0.isProperNoun && $0.effectiveStatus.isAllowed && !$0.text.contains(" ")
        && $0.text.count >= 4
    }
    .map { form($0.text) }
    if names.isEmpty { return false }
    for token in target.tokens where token.kind == .word {
      let word = form(SourceNames.stripPossessive(target.surface(of: token)))
      for name in names where word.count > name.count {
        if lang == "en"
          ? NameMatching.isDerived(word, from: name)
          : NameMatching.isRussianAdjective(word, of: name)
        {
          return true
        }
      }
    }
    return false
  }

  /// Whether the source term follows a Russian word for the head of something (*глава*,
  /// *замглавы*, *руководитель* in any case): *глава МИД* is the foreign minister.
  static func isHeadOf(_ hit: TermHit, in source: AnnotatedSpan) -> Bool {
    guard source.span.language?.language == "ru" else { return false }
    let k = hit.tokenRange.lowerBound - 1
    guard k >= 0, source.tokens[k].kind == .word else { return false }
    let word = UnicodeProperties.lowercase(source.surface(of: source.tokens[k]))
    return ["глав", "замглав", "руководител", "замруководител"].contains { word.hasPrefix($0) }
      && !word.hasPrefix("главн")
  }

  /// Whether `target` has an allowed term of two or more words with one word changed at its
  /// end into a word of the same root (*Foreign Ministry* → *Foreign Minister*, *Ministry of
  /// Defense* → *Minister of Defense*): the two words share their first five letters or more
  /// and differ in at most two letters at the end of each.
  static func containsTitle(of terms: [Term], in target: AnnotatedSpan) -> Bool {
    let words = target.tokens.filter { $0.kind == .word }.map {
      NameMatching.fold(SourceNames.stripPossessive(target.surface(of: $0)))
    }
    for term in terms where term.effectiveStatus.isAllowed {
      let parts = NameIndex.words(term.text).map(NameMatching.fold)
      guard parts.count >= 2, words.count >= parts.count else { continue }
      for start in 0...(words.count - parts.count) {
        var changed = 0
        for (k, part) in parts.enumerated() {
          let word = words[start + k]
          if word == part { continue }
          let common = zip(word, part).prefix { $0 == $1 }.count
          if common >= 5 && word.count - common <= 2 && part.count - common <= 2 {
            changed += 1
          } else {
            changed = 2
          }
          if changed > 1 { break }
        }
        if changed == 1 { return true }
      }
    }
    return false
  }

  /// The initials of a term of two or more capitalised words (*United Nations* → *UN*), or "".
  static func initials(_ term: String) -> String {
    let words = term.split(separator: " ")
    guard words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true }) else { return "" }
    return String(words.compactMap(\.first))
  }
}

extension String {
  fileprivate static func missing(_ source: String, preferred: String) -> String {
    "'\(source)' in the source is not rendered with its glossary term; use '\(preferred)'"
  }
}
