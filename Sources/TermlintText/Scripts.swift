/// Writing scripts of languages and texts, for telling untranslated text from a translation.
package enum Scripts {
  /// The script a language is normally written in (ICU UScriptCode), when Termlint knows it.
  package static func expected(for language: LanguageTag?) -> Int32? {
    guard let code = language?.language else { return nil }
    switch code {
    case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "cv", "ce", "os":
      return UnicodeProperties.Script.cyrillic
    case "el": return UnicodeProperties.Script.greek
    case "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "nb", "nn", "da", "fi", "et", "lv",
      "lt", "pl", "cs", "sk",
      "sl", "hr", "bs", "hu", "ro", "tr", "az", "uz", "id", "ms", "vi", "ca", "eu", "gl", "ga",
      "cy", "is", "mt", "sq",
      "af", "sw", "tl":
      return UnicodeProperties.Script.latin
    default: return nil
    }
  }

  /// Letters per script in UTF-16 text (digits, punctuation and inline codes are not counted).
  package static func letterCounts(_ units: some Collection<UInt16>) -> [Int32: Int] {
    var counts: [Int32: Int] = [:]
    for scalar in String(utf16Units: Array(units)).unicodeScalars
    where UnicodeProperties.has(scalar, .alphabetic) {
      let script = UnicodeProperties.script(scalar)
      if script == UnicodeProperties.Script.common || script == UnicodeProperties.Script.inherited {
        continue
      }
      counts[script, default: 0] += 1
    }
    return counts
  }

  /// The script most letters of a word are in, when at least `share` of them are.
  package static func dominant(_ word: String, share: Double = 1.0) -> Int32? {
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
    case UnicodeProperties.Script.cyrillic:
      return [0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F]
    case UnicodeProperties.Script.greek: return [0x0370...0x03FF, 0x1F00...0x1FFF]
    default: return nil
    }
  }

  /// Whether a text may contain letters of `script` (false only when it certainly does not).
  package static func mayContain(_ script: Int32, in units: some Collection<UInt16>) -> Bool {
    guard let blocks = blocks(of: script) else { return true }
    return units.contains { u in u >= 0x0370 && blocks.contains { $0.contains(u) } }
  }

  /// The share of a span's letters written in `script`, and how many letters that is.
  static func share(of script: Int32, in units: some Collection<UInt16>) -> (
    share: Double, letters: Int
  ) {
    guard mayContain(script, in: units) else { return (0, 0) }
    let counts = letterCounts(units)
    let total = counts.values.reduce(0, +)
    guard total > 0 else { return (0, 0) }
    let n = counts[script] ?? 0
    return (Double(n) / Double(total), n)
  }
}

/// Unicode properties of the scalars below U+0530 (Latin, Greek, Cyrillic and their punctuation
/// and digits), read from tables made once from the same ICU and Swift calls, so that the
/// per-word scans of rules skip a property lookup per letter on the text they mostly see.
package struct BasicScalars: Sendable {
  /// Scalars below this are in the tables.
  package static let limit = 0x0530
  package static let shared = BasicScalars()

  /// Bits per scalar (see the `static let`s below).
  package let flags: [UInt8]
  /// The ICU script of each scalar.
  package let scripts: [Int32]

  /// Upper case or a number as `Character` says for the scalar alone.
  static let characterUpperOrNumber: UInt8 = 1
  /// A letter (Alphabetic) of a script other than Common and Inherited.
  static let scriptLetter: UInt8 = 2
  /// `Unicode.Scalar.Properties.numericType != nil`.
  package static let numeric: UInt8 = 4
  /// `Unicode.Scalar.Properties.isAlphabetic`.
  package static let alphabetic: UInt8 = 8
  /// `Unicode.Scalar.Properties.isUppercase`.
  package static let uppercase: UInt8 = 16
  /// `Unicode.Scalar.Properties.isLowercase`.
  package static let lowercase: UInt8 = 32

  private init() {
    var flags = [UInt8](repeating: 0, count: Self.limit)
    var scripts = [Int32](repeating: 0, count: Self.limit)
    for u in 0..<Self.limit {
      guard let scalar = Unicode.Scalar(u) else { continue }
      let c = Character(scalar)
      let p = scalar.properties
      let script = UnicodeProperties.script(scalar)
      scripts[u] = script
      if c.isUppercase || c.isNumber { flags[u] |= Self.characterUpperOrNumber }
      if UnicodeProperties.has(scalar, .alphabetic) && script != UnicodeProperties.Script.common
        && script != UnicodeProperties.Script.inherited
      {
        flags[u] |= Self.scriptLetter
      }
      if p.numericType != nil { flags[u] |= Self.numeric }
      if p.isAlphabetic { flags[u] |= Self.alphabetic }
      if p.isUppercase { flags[u] |= Self.uppercase }
      if p.isLowercase { flags[u] |= Self.lowercase }
    }
    self.flags = flags
    self.scripts = scripts
  }

  /// Whether a code unit is a character of its own in the tables (not a combining mark, which
  /// joins the character before it into one `Character`).
  @inline(__always)
  static func isSingleCharacter(_ u: UInt16) -> Bool {
    Int(u) < limit && !(u >= 0x0300 && u <= 0x036F) && !(u >= 0x0483 && u <= 0x0489)
  }
}

extension Scripts {
  /// For a word of Latin, Greek or Cyrillic letters without combining marks (each code unit a
  /// character of its own): its letters in `script` and all its letters, or (0, 0) when the word
  /// has an upper-case letter or a number (see `isMostlySourceScript`); nil for any other word,
  /// which the general path reads.
  package static func countsInFastRange(_ units: ArraySlice<UInt16>, script: Int32) -> (Int, Int)? {
    let table = BasicScalars.shared
    var inScript = 0
    var letters = 0
    for u in units {
      guard BasicScalars.isSingleCharacter(u) else { return nil }
      let f = table.flags[Int(u)]
      if f & BasicScalars.characterUpperOrNumber != 0 {
        // The general path skips the word; check that it would have been read there.
        return units.allSatisfy(BasicScalars.isSingleCharacter) ? (0, 0) : nil
      }
      if f & BasicScalars.scriptLetter != 0 {
        letters += 1
        if table.scripts[Int(u)] == script { inScript += 1 }
      }
    }
    return (inScript, letters)
  }
}
