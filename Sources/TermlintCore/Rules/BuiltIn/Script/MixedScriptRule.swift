/// Flags a word that mixes scripts with letters that look alike (*NАТО* with Cyrillic А, Т, О),
/// using ICU's spoof checker, and suggests the single-script spelling when there is one.
struct MixedScriptRule: BuiltInRule, UnitRule {
  static let descriptor = RuleDescriptor(
    id: "mixed-script",
    title: "Mixed-Script Word",
    category: .linguisticConventions,
    defaultSeverity: .error,
    summary: "A word mixes Latin, Cyrillic or Greek letters that look alike; retype it in one script",
    rationale: """
      ## Why is this bad?
      Cyrillic А, В, Е, К, М, Н, О, Р, С, Т, Х and their lower-case forms look exactly like Latin
      letters. A word typed on a Russian keyboard layout, or pasted from a Russian source, can
      carry them into an English text: *NАТО* looks right but is not found by search, by the
      glossary or by a spell checker, and screen readers mispronounce it.

      A word is reported when ICU's spoof checker (Unicode TS #39, highly restrictive level)
      finds it mixes scripts and at least one of its letters has a look-alike in another script
      of the word. The suggestion is the word retyped in one script, when every letter has
      exactly one look-alike there; when both scripts would work, the script of the text's
      language wins. Words wholly in one script, compounds joined by a hyphen (*IT-компания*) or
      an apostrophe (*root'у*), a script change at a lower-to-upper case boundary (*МенюMC*)
      and lower-case Greek letters used as symbols in Latin words (*TNFα*, *IFNβ*) are left
      alone.

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
    ],
    triggeringExamples: [
      RuleExample("Foreign ministers of ↓NАТО met in Brussels.", corrected: "Foreign ministers of NATO met in Brussels."),
      RuleExample("The ↓cоuncil met.", corrected: "The council met."),
      RuleExample("Officials in the ↓Kремль said no.", corrected: "Officials in the Кремль said no."),
      RuleExample("He wrote ↓Москваcity by mistake."),
      RuleExample("The ↓NΑΤΟ summit (Greek capitals).", corrected: "The NATO summit (Greek capitals)."),
    ]
  )

  init(options: RuleOptions) throws {
    try options.validate(known: [], rule: Self.descriptor.id)
  }

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    guard let target = unit.target, let checker = SpoofChecker.shared else { return [] }
    let preferred = Confusables.script(for: target.span.language ?? document.targetLanguage)
    var findings: [Finding] = []
    for token in target.tokens where token.kind == .word && Confusables.mayMix(target.normalized.units[token.range]) {
      let textRange = target.normalized.map.sourceRange(token.range)
      let word = Normalizer.nfc.normalize(target.span.text[textRange])
      let scalars = Array(String(decoding: word, as: UTF16.self).unicodeScalars)
      let scripts = Confusables.scripts(of: scalars)
      guard scripts.count >= 2, !Confusables.changesScriptOnlyAtWordJoins(scalars), checker.isSuspicious(word),
        Confusables.hasLookAlike(scalars, among: scripts)
      else { continue }
      let fileRange = target.fileRange(normalized: token.range)
      let found = target.span.file.text(in: fileRange)
      let fixed = Confusables.singleScriptSpelling(scalars, scripts: scripts, preferring: preferred)
      findings.append(context.finding(
        Self.descriptor, in: target, fileRange: fileRange,
        message: .mixed(found, scripts: scripts.map(UnicodeProperties.scriptDisplayName).sorted(), fixed: fixed),
        suggestions: fixed.map { [$0] } ?? [], fixIsSafe: fixed != nil, unit: unit.unit))
    }
    return findings
  }
}

/// Look-alike letters across Latin, Cyrillic and Greek, derived from ICU's confusable skeletons.
enum Confusables {
  /// Whether every change of script between letters falls where two words are joined: after
  /// an apostrophe or a hyphen (*root'у*, a Russian ending on a Latin word), or at a lower-case
  /// letter followed by a capital (*МенюMC*). A look-alike typed by mistake changes script
  /// inside a word (*NАТО*, *cоuncil*, *Kремль*).
  static func changesScriptOnlyAtWordJoins(_ scalars: [Unicode.Scalar]) -> Bool {
    var previousLetter: (scalar: Unicode.Scalar, script: Int32)?
    var joinerSincePrevious = false
    var changes = 0
    for scalar in scalars {
      guard UnicodeProperties.has(scalar, .alphabetic) else {
        if "'’-‐".unicodeScalars.contains(scalar) { joinerSincePrevious = true }
        continue
      }
      let script = UnicodeProperties.script(scalar)
      if script == UnicodeProperties.Script.common || script == UnicodeProperties.Script.inherited { continue }
      if let previous = previousLetter, previous.script != script {
        changes += 1
        let camelCase = UnicodeProperties.isLowercase(previous.scalar) && UnicodeProperties.isUppercase(scalar)
        if !joinerSincePrevious && !camelCase { return false }
      }
      previousLetter = (scalar, script)
      joinerSincePrevious = false
    }
    return changes > 0
  }

  /// For each letter, its look-alikes by script.
  private static let table: [Unicode.Scalar: [Int32: [Unicode.Scalar]]] = {
    guard let checker = SpoofChecker.shared else { return [:] }
    let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF]
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
    var latin = false, greek = false, cyrillic = false
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
    let hasOtherThanGreek = scalars.contains { UnicodeProperties.has($0, .alphabetic) && UnicodeProperties.script($0) > UnicodeProperties.Script.inherited && UnicodeProperties.script($0) != UnicodeProperties.Script.greek }
    for s in scalars where UnicodeProperties.has(s, .alphabetic) {
      let script = UnicodeProperties.script(s)
      if script == UnicodeProperties.Script.greek && hasOtherThanGreek && UnicodeProperties.isLowercase(s) { continue }
      if script > UnicodeProperties.Script.inherited && !result.contains(script) { result.append(script) }
    }
    return result
  }

  /// Whether some letter has a look-alike in another script of the word.
  static func hasLookAlike(_ scalars: [Unicode.Scalar], among scripts: [Int32]) -> Bool {
    scalars.contains { s in
      let own = UnicodeProperties.script(s)
      guard scripts.contains(own), let alikes = table[s] else { return false }
      return scripts.contains { $0 != own && alikes[$0] != nil }
    }
  }

  /// The word retyped in one of its scripts, when exactly one script works (or the preferred
  /// one is among several that work).
  static func singleScriptSpelling(_ scalars: [Unicode.Scalar], scripts: [Int32], preferring preferred: Int32?) -> String? {
    var candidates: [(Int32, String)] = []
    for script in scripts {
      var out = String.UnicodeScalarView()
      var ok = true
      for s in scalars {
        let own = UnicodeProperties.script(s)
        if own == script || own <= UnicodeProperties.Script.inherited || !scripts.contains(own) {
          out.append(s)
          continue
        }
        let alikes = table[s]?[script] ?? []
        let sameCase = alikes.filter { UnicodeProperties.isUppercase($0) == UnicodeProperties.isUppercase(s) }
        guard let replacement = (sameCase.count == 1 ? sameCase.first : (alikes.count == 1 ? alikes.first : nil)) else {
          ok = false
          break
        }
        out.append(replacement)
      }
      if ok { candidates.append((script, String(out))) }
    }
    if candidates.count == 1 { return candidates[0].1 }
    return candidates.first { $0.0 == preferred }?.1
  }

  /// The script a language is normally written in (Latin, Cyrillic or Greek), if known.
  static func script(for language: LanguageTag?) -> Int32? {
    switch language?.language {
    case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn": return UnicodeProperties.Script.cyrillic
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
    let names = scripts.count == 2 ? "\(scripts[0]) and \(scripts[1])" : scripts.joined(separator: ", ")
    let action = fixed.map { "retype it as '\($0)'" } ?? "retype it in one script"
    return "'\(found)' mixes \(names) letters that look alike; \(action)"
  }
}
