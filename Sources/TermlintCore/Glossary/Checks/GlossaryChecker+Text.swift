/// Text checks: NFC, white space, invisible characters, mixed scripts, apostrophes.
extension GlossaryChecker {
  func textFindings(_ source: GlossarySource) -> [Finding] {
    var findings: [Finding] = []
    for concept in source.glossary.concepts {
      let conceptLocation = { source.location(of: concept) }
      if let subject = concept.subjectField {
        findings += fieldFindings(subject, what: "subject field", at: conceptLocation, source: source, concept: concept, whitespace: true)
      }
      if let note = concept.note {
        findings += fieldFindings(note, what: "concept note", at: conceptLocation, source: source, concept: concept, whitespace: false)
      }
      for term in concept.terms {
        let location = source.location(of: term, concept: concept)
        findings += termTextFindings(term, location: location, source: source, concept: concept)
        if let note = term.note {
          let noteLocation = { source.location(line: term.line ?? concept.line, column: nil, text: note) }
          findings += fieldFindings(note, what: "note of '\(term.text)'", at: noteLocation, source: source, concept: concept, whitespace: false)
        }
      }
    }
    return findings
  }

  /// NFC, white space, invisible characters and mixed scripts in one term (one finding each).
  private func termTextFindings(_ term: Term, location: Location, source: GlossarySource, concept: Concept) -> [Finding] {
    var findings: [Finding] = []
    let text = term.text
    // NOTE: Swift's `==` on String ignores normalization; ask ICU instead.
    if !Normalizer.nfc.isNormalized(text) {
      findings.append(finding(
        GlossaryChecks.notNFC, location, in: source, message: .notNFC(text, what: "term"), concept: concept.id,
        suggestions: [Normalizer.nfc.normalize(text)]))
    }
    if let problem = TextInspection.whitespaceProblem(text) {
      findings.append(finding(
        GlossaryChecks.whitespace, location, in: source, message: .whitespace(text, problem: problem), concept: concept.id,
        suggestions: [TextInspection.normalizedWhitespace(text)]))
    }
    if let invisible = TextInspection.invisibleCharacters(text).first {
      findings.append(finding(
        GlossaryChecks.invisibleCharacter, location, in: source, message: .invisible(text, invisible, what: "term"),
        concept: concept.id, suggestions: [TextInspection.removingInvisibleCharacters(text)]))
    }
    if let mixed = TextInspection.mixedScriptWord(text) {
      findings.append(finding(
        GlossaryChecks.mixedScript, location, in: source, message: .mixedScript(text, word: mixed.word, scripts: mixed.scripts),
        concept: concept.id))
    }
    return findings
  }

  /// NFC and invisible characters (and white space, for one-line fields) in a subject or note.
  private func fieldFindings(
    _ text: String, what: String, at location: () -> Location, source: GlossarySource, concept: Concept, whitespace: Bool
  ) -> [Finding] {
    var findings: [Finding] = []
    if !Normalizer.nfc.isNormalized(text) {
      findings.append(finding(
        GlossaryChecks.notNFC, location(), in: source, message: .notNFC(text, what: what), concept: concept.id,
        suggestions: [Normalizer.nfc.normalize(text)]))
    }
    if whitespace, let problem = TextInspection.whitespaceProblem(text) {
      findings.append(finding(
        GlossaryChecks.whitespace, location(), in: source, message: .whitespace(text, problem: problem, what: what),
        concept: concept.id, suggestions: [TextInspection.normalizedWhitespace(text)]))
    }
    if let invisible = TextInspection.invisibleCharacters(text).first {
      findings.append(finding(
        GlossaryChecks.invisibleCharacter, location(), in: source, message: .invisible(text, invisible, what: what),
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
      let straight = uses.filter { $0.style == .straight }, typographic = uses.filter { $0.style == .typographic }
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
        findings.append(finding(
          GlossaryChecks.mixedApostrophes, location, in: source,
          message: .apostrophes(use.term.text, mixed: use.style == .mixed, convention: convention, modelLine: related.first?.line),
          concept: use.concept.id, suggestions: [TextInspection.apostrophes(use.term.text, as: target)], related: related))
      }
    }
    return findings
  }
}

/// Character-level inspection of glossary text, with the system ICU's properties.
enum TextInspection {
  /// Which apostrophes a text uses.
  enum ApostropheStyle: Equatable {
    case straight, typographic, mixed
  }

  static let straightApostrophe: Unicode.Scalar = "'"
  static let typographicApostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{02BC}"]

  /// The apostrophe style of a text, nil when it has none.
  static func apostropheStyle(_ text: String) -> ApostropheStyle? {
    let scalars = text.unicodeScalars
    let straight = scalars.contains(straightApostrophe)
    let typographic = scalars.contains { typographicApostrophes.contains($0) }
    switch (straight, typographic) {
    case (true, true): return .mixed
    case (true, false): return .straight
    case (false, true): return .typographic
    default: return nil
    }
  }

  /// The text with every apostrophe in one style (`.mixed` is treated as straight).
  static func apostrophes(_ text: String, as style: ApostropheStyle) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == straightApostrophe || typographicApostrophes.contains(scalar) {
        out.append(style == .typographic ? "\u{2019}" : straightApostrophe)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether a text has a letter, mark, digit or symbol (general categories L, M, N, S).
  static func hasLettersDigitsOrSymbols(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      let category = UnicodeProperties.generalCategory($0)
      return (1...11).contains(category) || (24...27).contains(category)
    }
  }

  @inline(__always)
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { UnicodeProperties.has(scalar, .whiteSpace) }

  /// Line breaks and tabs (white space a one-line field should not contain).
  static func isBreakingWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// What is wrong with a one-line field's white space, nil when nothing.
  static func whitespaceProblem(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last else { return nil }
    if isWhitespace(first) { return "starts with a space" }
    if isWhitespace(last) { return "ends with a space" }
    if scalars.contains(where: isBreakingWhitespace) { return "contains a tab or line break" }
    for k in 1..<scalars.count where isWhitespace(scalars[k]) && isWhitespace(scalars[k - 1]) {
      return "has two spaces in a row"
    }
    return nil
  }

  /// Trimmed, with every run of two or more white-space characters, and every tab or line
  /// break, written as one space (a single no-break space is kept).
  static func normalizedWhitespace(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var k = 0
    while k < scalars.count {
      if isWhitespace(scalars[k]) {
        var j = k
        while j < scalars.count && isWhitespace(scalars[j]) { j += 1 }
        if k > 0 && j < scalars.count {
          out.append(j - k == 1 && !isBreakingWhitespace(scalars[k]) ? scalars[k] : " ")
        }
        k = j
      } else {
        out.append(scalars[k])
        k += 1
      }
    }
    return String(out)
  }

  /// Invisible characters in a text: default-ignorable code points and control characters other
  /// than white space; a variation selector or zero-width joiner inside an emoji is not counted.
  static func invisibleCharacters(_ text: String) -> [Unicode.Scalar] {
    let scalars = Array(text.unicodeScalars)
    var found: [Unicode.Scalar] = []
    for (k, scalar) in scalars.enumerated() {
      let category = UnicodeProperties.generalCategory(scalar)
      let ignorable = UnicodeProperties.has(scalar, .defaultIgnorable)
      let control = category == 15 && !isWhitespace(scalar)
      guard ignorable || control else { continue }
      if isEmojiJoiner(scalar), k > 0, UnicodeProperties.generalCategory(scalars[k - 1]) == 27 || isEmojiJoiner(scalars[k - 1]) {
        continue
      }
      found.append(scalar)
    }
    return found
  }

  private static func isEmojiJoiner(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{200D}" || (0xFE00...0xFE0F).contains(scalar.value) || (0xE0020...0xE007F).contains(scalar.value)
  }

  /// The text without the characters `invisibleCharacters` reports.
  static func removingInvisibleCharacters(_ text: String) -> String {
    let invisible = Set(invisibleCharacters(text))
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !invisible.contains(scalar) { out.append(scalar) }
    return String(out)
  }

  /// `U+00AD SOFT HYPHEN` style name of a character for messages.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let names: [UInt32: String] = [
      0xAD: "soft hyphen", 0x200B: "zero width space", 0x200C: "zero width non-joiner", 0x200D: "zero width joiner",
      0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x2060: "word joiner", 0xFEFF: "zero width no-break space",
      0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding", 0x202C: "pop directional formatting",
      0x202D: "left-to-right override", 0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
      0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
      0x061C: "Arabic letter mark", 0x034F: "combining grapheme joiner",
    ]
    if let name = names[scalar.value] { return "\(code) (\(name))" }
    return UnicodeProperties.generalCategory(scalar) == 15 ? "\(code) (a control character)" : code
  }

  /// A text for quoting in a message, with invisible and control characters shown as `<U+00AD>`.
  static func visible(_ text: String) -> String {
    let invisible = Set(invisibleCharacters(text))
    var out = ""
    for scalar in text.unicodeScalars {
      if invisible.contains(scalar) || isBreakingWhitespace(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The first word of a text whose letters come from more than one script, with the scripts.
  ///
  /// A word is a run of letters and combining marks; Common and Inherited characters belong to
  /// any script. Japanese (Han with kana) and Korean (Han with Hangul) words are not reported.
  static func mixedScriptWord(_ text: String) -> (word: String, scripts: [String])? {
    var word = String.UnicodeScalarView()
    var scripts: [Int32] = []
    func finish() -> (word: String, scripts: [String])? {
      defer {
        word = String.UnicodeScalarView()
        scripts = []
      }
      guard scripts.count > 1 else { return nil }
      let set = Set(scripts)
      let japanese: Set<Int32> = [17, 20, 22], korean: Set<Int32> = [17, 18]
      if set.isSubset(of: japanese) || set.isSubset(of: korean) { return nil }
      return (String(word), scripts.map(scriptName))
    }
    for scalar in text.unicodeScalars {
      let category = UnicodeProperties.generalCategory(scalar)
      let isLetterOrMark = (1...8).contains(category) || UnicodeProperties.has(scalar, .alphabetic)
      if isLetterOrMark {
        word.append(scalar)
        let script = UnicodeProperties.script(scalar)
        if script != UnicodeProperties.Script.common && script != UnicodeProperties.Script.inherited && !scripts.contains(script) {
          scripts.append(script)
        }
      } else if let mixed = finish() {
        return mixed
      }
    }
    return finish()
  }

  private static func scriptName(_ code: Int32) -> String {
    switch code {
    case UnicodeProperties.Script.latin: return "Latin"
    case UnicodeProperties.Script.cyrillic: return "Cyrillic"
    case UnicodeProperties.Script.greek: return "Greek"
    default: return UnicodeProperties.scriptName(code)
    }
  }
}

extension String {
  fileprivate static func notNFC(_ text: String, what: String) -> String {
    "The \(what) '\(TextInspection.visible(text))' is not in Unicode NFC; run 'termlint glossary fmt' or retype it"
  }

  fileprivate static func whitespace(_ text: String, problem: String, what: String = "term") -> String {
    "The \(what) '\(TextInspection.visible(text))' \(problem); use single spaces between words only"
  }

  fileprivate static func invisible(_ text: String, _ scalar: Unicode.Scalar, what: String) -> String {
    "The \(what) '\(TextInspection.visible(text))' contains an invisible \(TextInspection.describe(scalar)); delete it"
  }

  fileprivate static func mixedScript(_ text: String, word: String, scripts: [String]) -> String {
    let list = scripts.count == 2 ? "\(scripts[0]) and \(scripts[1])" : scripts.joined(separator: ", ")
    let place = word == text ? "" : " in the word '\(word)'"
    return "'\(text)' mixes \(list) letters\(place), so it never matches real text; retype it in one script"
  }

  fileprivate static func apostrophes(_ text: String, mixed: Bool, convention: TextInspection.ApostropheStyle?, modelLine: Int?) -> String {
    if mixed { return "'\(text)' mixes straight (') and typographic (’) apostrophes; use one style" }
    let used = convention == .typographic ? "straight (')" : "typographic (’)"
    let usual = convention == .typographic ? "typographic (’)" : "straight (')"
    let line = modelLine.map { ", as on line \($0)" } ?? ""
    return "'\(text)' uses a \(used) apostrophe but most terms of its language use the \(usual) one\(line); use one style"
  }
}

/// The text checks, documented.
extension GlossaryChecks {
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
}
