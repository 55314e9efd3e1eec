/// Writing scripts of languages and texts, for telling untranslated text from a translation.
enum Scripts {
  /// The script a language is normally written in (ICU UScriptCode), when Termlint knows it.
  static func expected(for language: LanguageTag?) -> Int32? {
    guard let code = language?.language else { return nil }
    switch code {
    case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "cv", "ce", "os":
      return UnicodeProperties.Script.cyrillic
    case "el": return UnicodeProperties.Script.greek
    case "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "nb", "nn", "da", "fi", "et", "lv", "lt", "pl", "cs", "sk",
      "sl", "hr", "bs", "hu", "ro", "tr", "az", "uz", "id", "ms", "vi", "ca", "eu", "gl", "ga", "cy", "is", "mt", "sq",
      "af", "sw", "tl":
      return UnicodeProperties.Script.latin
    default: return nil
    }
  }

  /// Letters per script in UTF-16 text (digits, punctuation and inline codes are not counted).
  static func letterCounts(_ units: some Collection<UInt16>) -> [Int32: Int] {
    var counts: [Int32: Int] = [:]
    for scalar in String(utf16Units: Array(units)).unicodeScalars
    where UnicodeProperties.has(scalar, .alphabetic) {
      let script = UnicodeProperties.script(scalar)
      if script == UnicodeProperties.Script.common || script == UnicodeProperties.Script.inherited { continue }
      counts[script, default: 0] += 1
    }
    return counts
  }

  /// The script most letters of a word are in, when at least `share` of them are.
  static func dominant(_ word: String, share: Double = 1.0) -> Int32? {
    let counts = letterCounts(Array(word.utf16))
    let total = counts.values.reduce(0, +)
    guard total > 0, let (script, n) = counts.max(by: { $0.value < $1.value }) else { return nil }
    return Double(n) >= share * Double(total) ? script : nil
  }
}

extension Scripts {
  /// UTF-16 ranges where letters of a script live, for a fast test that a text has none.
  static func blocks(of script: Int32) -> [ClosedRange<UInt16>]? {
    switch script {
    case UnicodeProperties.Script.cyrillic: return [0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F]
    case UnicodeProperties.Script.greek: return [0x0370...0x03FF, 0x1F00...0x1FFF]
    default: return nil
    }
  }

  /// Whether a text may contain letters of `script` (false only when it certainly does not).
  static func mayContain(_ script: Int32, in units: some Collection<UInt16>) -> Bool {
    guard let blocks = blocks(of: script) else { return true }
    return units.contains { u in u >= 0x0370 && blocks.contains { $0.contains(u) } }
  }

  /// The share of a span's letters written in `script`, and how many letters that is.
  static func share(of script: Int32, in units: some Collection<UInt16>) -> (share: Double, letters: Int) {
    guard mayContain(script, in: units) else { return (0, 0) }
    let counts = letterCounts(units)
    let total = counts.values.reduce(0, +)
    guard total > 0 else { return (0, 0) }
    let n = counts[script] ?? 0
    return (Double(n) / Double(total), n)
  }

  /// Whether a target span is mostly written in the source's script (a copied source sentence),
  /// when the two languages are written in different scripts.
  ///
  /// Only words in lower case throughout count: names, acronyms and codes (*SARS-CoV-2*,
  /// *Orthocoronavirinae*, *Katherine*) are often kept in their original script on purpose.
  static func isMostlySourceScript(_ target: AnnotatedSpan, source: LanguageTag?, target language: LanguageTag?) -> Bool {
    guard let s = expected(for: source), let t = expected(for: language), s != t, mayContain(s, in: target.span.text) else { return false }
    // Placeholders (`{{ compared_value }}`, `%(name)s`) are code, not language.
    let codes = PlaceholderScanner(flags: [], languageCodes: Set([source?.language, language?.language].compactMap { $0 }))
      .codes(in: target.span).map(\.textRange)
    var inSource = 0, total = 0
    for token in target.tokens where token.kind == .word {
      let range = target.normalized.map.sourceRange(token.range)
      if codes.contains(where: { $0.overlaps(range) }) { continue }
      let word = target.surface(of: token)
      guard word.allSatisfy({ !$0.isUppercase && !$0.isNumber }) else { continue }
      let counts = letterCounts(Array(word.utf16))
      inSource += counts[s] ?? 0
      total += counts.values.reduce(0, +)
    }
    return total > 0 && inSource * 2 >= total && inSource >= 8
  }
}
