import TermlintGlossary
import TermlintText

/// Flags a word that mixes scripts with letters that look alike (*NАТО* with Cyrillic А, Т, О),
/// using ICU's spoof checker, and suggests the single-script spelling when there is one.
struct MixedScriptRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "mixed-script",
    title: "Mixed-Script Word",
    category: .linguisticConventions,
    defaultSeverity: .error,
    summary:
      "A word mixes Latin, Cyrillic or Greek letters that look alike; retype it in one script",
    rationale: """
      ## Why is this bad?
      Cyrillic А, В, Е, К, М, Н, О, Р, С, Т, Х and their lower-case forms look exactly like Latin
      letters. A word typed on a Russian keyboard layout, or pasted from a Russian source, can
      carry them into an English text: *NАТО* looks right but is not found by search, by the
      glossary or by a spell checker, and screen readers mispronounce it.

      A word is reported only when it is a look-alike typo: swapping each of its letters of
      the other script for its one look-alike of the same case (from ICU's confusable
      skeletons, Unicode TS #39) gives a word written wholly in the letters of the text's
      language (Russian А–Я and Ё for Russian, A–Z for English), else of the word's majority
      script, with a word's case pattern (lower case, capitals, or a capital and lower case).
      The suggestion is that word, and it is a safe fix. Left alone:
      - format directives, escapes and placeholders, which are cut out of the word first:
        `%sподсказка` is `%s` and `подсказка`, `%0AВведите` is `%0A` and `Введите`;
      - a script change where two words are joined: after a hyphen (*IT-компания*) or an
        apostrophe (*root'у*), or at a change of case that starts a word: *МенюMC*, a
        metavariable's suffix *ПРЕФИКСab*, a prefix *IИспользовано*;
      - letters with no look-alike (*RФАЙЛ*, *Москваcity*) and lower-case Greek letters used as
        symbols in Latin words (*TNFα*, *IFNβ*);
      - a word the source has in the same way.

      ## Example
      Foreign ministers of NАТО met in Brussels. (А, Т and О are Cyrillic)

      ## Use instead
      Foreign ministers of NATO met in Brussels.
      """,
    nonTriggeringExamples: [
      RuleExample("Foreign ministers of NATO met in Brussels."),
      RuleExample("The Kremlin (Кремль) said Putin’s envoy would attend."),
      RuleExample("COVID-19 rules and IT-компания stayed; β-blockers, TNFα and IFNγ too."),
      RuleExample("Ёлка and Йошкар-Ола are Russian words, Zürich is not."),
      RuleExample("The МенюMC item and root'у access are typed on purpose."),
      RuleExample("Directives %sподсказка and %cбудут, escapes %0AВведите are code."),
      RuleExample(
        "Metavariables RФАЙЛ, IИспользовано and suffixes ПРЕФИКСab are typed on purpose."),
      RuleExample("He wrote Москваcity by mistake (a missing space, not a look-alike)."),
    ],
    triggeringExamples: [
      RuleExample(
        "Foreign ministers of ↓NАТО met in Brussels.",
        corrected: "Foreign ministers of NATO met in Brussels."),
      RuleExample("The ↓cоuncil met.", corrected: "The council met."),
      RuleExample(
        "Officials in the ↓Kремль said no.", corrected: "Officials in the Кремль said no."),
      RuleExample("The ↓Cервер answered %s↓Cервер.", corrected: "The Сервер answered %sСервер."),
      RuleExample(
        "The ↓NΑΤΟ summit (Greek capitals).", corrected: "The NATO summit (Greek capitals)."),
    ]
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    guard let target = unit.target, SpoofChecker.shared != nil else { return [] }
    let language = target.span.language ?? document.targetLanguage
    let sourceLanguage = unit.source?.span.language ?? document.sourceLanguage
    var codes: [Range<Int>]?
    var findings: [Finding] = []
    for token in target.tokens
    where token.kind == .word && Confusables.mayMix(target.normalized.units[token.range]) {
      let textRange = target.normalized.map.sourceRange(token.range)
      // Directives, escapes and placeholders are not part of a word: `%sподсказка` is `%s`
      // and `подсказка`, `%0AВведите` is `%0A` and `Введите`.
      if codes == nil {
        codes = PlaceholderScanner(flags: unit.flags, languageCodes: [], protecting: true).codes(
          in: target.span
        ).map(\.textRange)
      }
      for piece in Confusables.pieces(of: textRange, outside: codes ?? []) {
        let units = target.span.text[piece]
        guard Confusables.mayMix(units) else { continue }
        let word = String(utf16Units: units)
        guard
          let fixed = Confusables.retyped(word, language: language, sourceLanguage: sourceLanguage)
        else { continue }
        // The same word in the source is the file's, not the translator's.
        if let source = unit.source, Confusables.contains(source.span.text, Array(units)) {
          continue
        }
        let fileRange = target.fileRange(text: piece)
        let found = target.span.file.text(in: fileRange)
        let scripts = Confusables.scripts(of: Array(word.unicodeScalars))
        findings.append(
          context.finding(
            Self.descriptor, in: target, fileRange: fileRange,
            message: .mixed(
              found, scripts: scripts.map(UnicodeProperties.scriptDisplayName).sorted(),
              fixed: fixed),
            suggestions: [fixed], fixIsSafe: true, unit: unit.unit))
      }
    }
    return findings
  }
}

/// Look-alike letters across Latin, Cyrillic and Greek, derived from ICU's confusable skeletons.
enum Confusables {
  /// The parts of a word's range outside code ranges.
  static func pieces(of range: Range<Int>, outside codes: [Range<Int>]) -> [Range<Int>] {
    var pieces = [range]
    for code in codes where code.overlaps(range) {
      pieces = pieces.flatMap { piece -> [Range<Int>] in
        guard piece.overlaps(code) else { return [piece] }
        var out: [Range<Int>] = []
        if piece.lowerBound < code.lowerBound { out.append(piece.lowerBound..<code.lowerBound) }
        if code.upperBound < piece.upperBound { out.append(code.upperBound..<piece.upperBound) }
        return out
      }
    }
    return pieces
  }

  /// Whether `haystack` contains `needle` as a run of code units.
  static func contains(_ haystack: [UInt16], _ needle: [UInt16]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  /// The word retyped in one script, when it is a look-alike typo: the word mixes scripts
  /// inside it (not only where two words are joined), and swapping every letter of the other
  /// scripts for its one look-alike of the same case gives a word written wholly in the letters
  /// of the text's language (else of the word's majority script) with a word's case pattern.
  static func retyped(_ word: String, language: LanguageTag?, sourceLanguage: LanguageTag?)
    -> String?
  {
    let scalars = Array(word.unicodeScalars)
    let scripts = scripts(of: scalars)
    guard scripts.count >= 2, !changesScriptOnlyAtWordJoins(scalars) else { return nil }
    var candidates: [(script: Int32, alphabet: LanguageTag?)] = []
    if let t = script(for: language), scripts.contains(t) { candidates.append((t, language)) }
    var counts: [Int32: Int] = [:]
    for s in scalars where UnicodeProperties.has(s, .alphabetic) {
      counts[UnicodeProperties.script(s), default: 0] += 1
    }
    if let majority = scripts.max(by: { (counts[$0] ?? 0) < (counts[$1] ?? 0) }),
      !candidates.contains(where: { $0.script == majority })
    {
      let alphabet = script(for: sourceLanguage) == majority ? sourceLanguage : nil
      candidates.append((majority, alphabet))
    }
    for candidate in candidates {
      if let out = swapped(
        scalars, to: candidate.script, scripts: scripts, alphabet: candidate.alphabet),
        hasWordCase(out)
      {
        return String(String.UnicodeScalarView(out))
      }
    }
    return nil
  }

  /// The scalars with every letter of another of `scripts` swapped for its single look-alike
  /// of the same case in `script`, when every letter of the result is in the alphabet.
  private static func swapped(
    _ scalars: [Unicode.Scalar], to script: Int32, scripts: [Int32], alphabet: LanguageTag?
  ) -> [Unicode.Scalar]? {
    var out: [Unicode.Scalar] = []
    for s in scalars {
      guard UnicodeProperties.has(s, .alphabetic) else {
        out.append(s)
        continue
      }
      let own = UnicodeProperties.script(s)
      if own == script || own <= UnicodeProperties.Script.inherited || !scripts.contains(own) {
        guard
          own <= UnicodeProperties.Script.inherited || !scripts.contains(own)
            || isLetter(s, of: script, in: alphabet)
        else { return nil }
        out.append(s)
        continue
      }
      let alikes = (table[s]?[script] ?? []).filter {
        UnicodeProperties.isUppercase($0) == UnicodeProperties.isUppercase(s)
          && UnicodeProperties.isLowercase($0) == UnicodeProperties.isLowercase(s)
          && isLetter($0, of: script, in: alphabet)
      }
      guard alikes.count == 1 else { return nil }
      out.append(alikes[0])
    }
    return out
  }

  /// Whether a letter belongs to a language's alphabet (for the languages Termlint knows), else
  /// to the script.
  static func isLetter(_ s: Unicode.Scalar, of script: Int32, in language: LanguageTag?) -> Bool {
    guard UnicodeProperties.script(s) == script else { return false }
    let v = s.value
    let russian = (0x410...0x44F).contains(v) || v == 0x401 || v == 0x451
    switch language?.language {
    case "ru": return russian
    case "uk":
      return (russian && ![0x401, 0x451, 0x42A, 0x44A, 0x42B, 0x44B, 0x42D, 0x44D].contains(v))
        || [0x404, 0x454, 0x406, 0x456, 0x407, 0x457, 0x490, 0x491].contains(v)
    case "be":
      return (russian && ![0x418, 0x438, 0x429, 0x449, 0x42A, 0x44A].contains(v))
        || [0x406, 0x456, 0x40E, 0x45E].contains(v)
    case "en": return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    default: return true
    }
  }

  /// Whether each run of letters is written as a word is: all lower case, all capitals, or a
  /// capital followed by lower case.
  static func hasWordCase(_ scalars: [Unicode.Scalar]) -> Bool {
    var part: [Unicode.Scalar] = []
    func ok(_ part: [Unicode.Scalar]) -> Bool {
      let cased = part.filter {
        UnicodeProperties.isUppercase($0) || UnicodeProperties.isLowercase($0)
      }
      guard let first = cased.first else { return true }
      let rest = cased.dropFirst()
      if rest.allSatisfy(UnicodeProperties.isLowercase) { return true }  // lower or Title
      return UnicodeProperties.isUppercase(first) && rest.allSatisfy(UnicodeProperties.isUppercase)
    }
    for s in scalars {
      if UnicodeProperties.has(s, .alphabetic)
        || UnicodeProperties.script(s) == UnicodeProperties.Script.inherited
      {
        part.append(s)
      } else {
        guard ok(part) else { return false }
        part = []
      }
    }
    return ok(part)
  }

  /// Whether every change of script between letters falls where two words are joined: after
  /// an apostrophe or a hyphen (*root'у*, a Russian ending on a Latin word), or at a change of
  /// case that starts a new word: a lower-case letter followed by a capital (*МенюMC*), a run
  /// of capitals followed by lower case (*ПРЕФИКСab*), a capital that starts a capitalised
  /// word after another capital (*IИспользовано*, as in *HTMLElement*). A look-alike typed by
  /// mistake changes script inside a word (*NАТО*, *cоuncil*, *Kремль*).
  static func changesScriptOnlyAtWordJoins(_ scalars: [Unicode.Scalar]) -> Bool {
    let letters: [(scalar: Unicode.Scalar, script: Int32, joined: Bool)] = {
      var out: [(Unicode.Scalar, Int32, Bool)] = []
      var joiner = false
      for scalar in scalars {
        guard UnicodeProperties.has(scalar, .alphabetic) else {
          if "'’-‐".unicodeScalars.contains(scalar) { joiner = true }
          continue
        }
        let script = UnicodeProperties.script(scalar)
        if script == UnicodeProperties.Script.common || script == UnicodeProperties.Script.inherited
        {
          continue
        }
        out.append((scalar, script, joiner))
        joiner = false
      }
      return out
    }()
    var changes = 0
    for k in letters.indices.dropFirst() where letters[k].script != letters[k - 1].script {
      changes += 1
      let previous = letters[k - 1].scalar
      let current = letters[k].scalar
      if letters[k].joined { continue }
      if UnicodeProperties.isLowercase(previous) && UnicodeProperties.isUppercase(current) {
        continue
      }
      var capitalsBefore = 0
      var j = k - 1
      while j >= 0, UnicodeProperties.isUppercase(letters[j].scalar) {
        capitalsBefore += 1
        j -= 1
      }
      if capitalsBefore >= 2 && UnicodeProperties.isLowercase(current) { continue }
      if capitalsBefore >= 1 && UnicodeProperties.isUppercase(current) && k + 1 < letters.count
        && UnicodeProperties.isLowercase(letters[k + 1].scalar)
      {
        continue
      }
      return false
    }
    return changes > 0
  }

  /// For each letter, its look-alikes by script.
  private static let table: [Unicode.Scalar: [Int32: [Unicode.Scalar]]] = {
    guard let checker = SpoofChecker.shared else { return [:] }
    let ranges: [ClosedRange<UInt32>] = [
      0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF,
    ]
    var bySkeleton: [[UInt16]: [Unicode.Scalar]] = [:]
    for range in ranges {
      for value in range {
        guard let s = Unicode.Scalar(value), UnicodeProperties.has(s, .alphabetic) else { continue }
        bySkeleton[checker.skeleton(Array(String(s).utf16)), default: []].append(s)
      }
    }
    var table: [Unicode.Scalar: [Int32: [Unicode.Scalar]]] = [:]
    for group in bySkeleton.values where group.count > 1 {
      for s in group {
        let own = UnicodeProperties.script(s)
        for other in group where UnicodeProperties.script(other) != own {
          table[s, default: [:]][UnicodeProperties.script(other), default: []].append(other)
        }
      }
    }
    return table
  }()

  /// A fast filter: whether the word has code units from two of Latin, Greek and Cyrillic (all
  /// other words are skipped without asking ICU).
  static func mayMix(_ units: ArraySlice<UInt16>) -> Bool {
    var latin = false
    var greek = false
    var cyrillic = false
    for u in units {
      switch u {
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin = true
      case 0x370...0x3FF, 0x1F00...0x1FFF: greek = true
      case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: cyrillic = true
      default: continue
      }
      if (latin && (greek || cyrillic)) || (greek && cyrillic) { return true }
    }
    return false
  }

  /// The scripts of the letters, in order of first use: Common and Inherited left out, and
  /// lower-case Greek letters too when the word has other letters (symbols such as *TNFα*).
  static func scripts(of scalars: [Unicode.Scalar]) -> [Int32] {
    var result: [Int32] = []
    let hasOtherThanGreek = scalars.contains {
      UnicodeProperties.has($0, .alphabetic)
        && UnicodeProperties.script($0) > UnicodeProperties.Script.inherited
        && UnicodeProperties.script($0) != UnicodeProperties.Script.greek
    }
    for s in scalars where UnicodeProperties.has(s, .alphabetic) {
      let script = UnicodeProperties.script(s)
      if script == UnicodeProperties.Script.greek && hasOtherThanGreek
        && UnicodeProperties.isLowercase(s)
      {
        continue
      }
      if script > UnicodeProperties.Script.inherited && !result.contains(script) {
        result.append(script)
      }
    }
    return result
  }

  /// The script a language is normally written in (Latin, Cyrillic or Greek), if known.
  static func script(for language: LanguageTag?) -> Int32? {
    switch language?.language {
    case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn":
      return UnicodeProperties.Script.cyrillic
    case "el": return UnicodeProperties.Script.greek
    case nil: return nil
    default: return UnicodeProperties.Script.latin
    }
  }
}

extension UnicodeProperties {
  /// A readable script name: "Latin", "Cyrillic", "Greek", else ICU's short name.
  static func scriptDisplayName(_ code: Int32) -> String {
    switch code {
    case Script.latin: return "Latin"
    case Script.cyrillic: return "Cyrillic"
    case Script.greek: return "Greek"
    default: return scriptName(code)
    }
  }
}

extension String {
  fileprivate static func mixed(_ found: String, scripts: [String], fixed: String?) -> String {
    let names =
      scripts.count == 2 ? "\(scripts[0]) and \(scripts[1])" : scripts.joined(separator: ", ")
    let action = fixed.map { "retype it as '\($0)'" } ?? "retype it in one script"
    return "'\(found)' mixes \(names) letters that look alike; \(action)"
  }
}
