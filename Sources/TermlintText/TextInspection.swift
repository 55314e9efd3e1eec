import Foundation

/// Character-level inspection of glossary text, with the system ICU's properties.
package enum TextInspection {
  /// Which apostrophes a text uses.
  package enum ApostropheStyle: Equatable {
    case straight, typographic, mixed
  }

  static let straightApostrophe: Unicode.Scalar = "'"
  static let typographicApostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{02BC}"]

  /// The apostrophe style of a text, nil when it has none.
  package static func apostropheStyle(_ text: String) -> ApostropheStyle? {
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
  package static func apostrophes(_ text: String, as style: ApostropheStyle) -> String {
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
  package static func hasLettersDigitsOrSymbols(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      let category = UnicodeProperties.generalCategory($0)
      return (1...11).contains(category) || (24...27).contains(category)
    }
  }

  @inline(__always)
  package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    UnicodeProperties.has(scalar, .whiteSpace)
  }

  /// Line breaks and tabs (white space a one-line field should not contain).
  static func isBreakingWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// What is wrong with a one-line field's white space, nil when nothing.
  package static func whitespaceProblem(_ text: String) -> String? {
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
  package static func normalizedWhitespace(_ text: String) -> String {
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
  package static func invisibleCharacters(_ text: String) -> [Unicode.Scalar] {
    let scalars = Array(text.unicodeScalars)
    var found: [Unicode.Scalar] = []
    for (k, scalar) in scalars.enumerated() {
      let category = UnicodeProperties.generalCategory(scalar)
      let ignorable = UnicodeProperties.has(scalar, .defaultIgnorable)
      let control = category == 15 && !isWhitespace(scalar)
      guard ignorable || control else { continue }
      if isEmojiJoiner(scalar), k > 0,
        UnicodeProperties.generalCategory(scalars[k - 1]) == 27 || isEmojiJoiner(scalars[k - 1])
      {
        continue
      }
      found.append(scalar)
    }
    return found
  }

  private static func isEmojiJoiner(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{200D}" || (0xFE00...0xFE0F).contains(scalar.value)
      || (0xE0020...0xE007F).contains(scalar.value)
  }

  /// The text without the characters `invisibleCharacters` reports.
  package static func removingInvisibleCharacters(_ text: String) -> String {
    let invisible = Set(invisibleCharacters(text))
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !invisible.contains(scalar) { out.append(scalar) }
    return String(out)
  }

  /// `U+00AD SOFT HYPHEN` style name of a character for messages.
  package static func describe(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let names: [UInt32: String] = [
      0xAD: "soft hyphen", 0x200B: "zero width space", 0x200C: "zero width non-joiner",
      0x200D: "zero width joiner",
      0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x2060: "word joiner",
      0xFEFF: "zero width no-break space",
      0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
      0x202C: "pop directional formatting",
      0x202D: "left-to-right override", 0x202E: "right-to-left override",
      0x2066: "left-to-right isolate",
      0x2067: "right-to-left isolate", 0x2068: "first strong isolate",
      0x2069: "pop directional isolate",
      0x061C: "Arabic letter mark", 0x034F: "combining grapheme joiner",
    ]
    if let name = names[scalar.value] { return "\(code) (\(name))" }
    return UnicodeProperties.generalCategory(scalar) == 15 ? "\(code) (a control character)" : code
  }

  /// A text for quoting in a message, with invisible and control characters shown as `<U+00AD>`.
  package static func visible(_ text: String) -> String {
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
  package static func mixedScriptWord(_ text: String) -> (word: String, scripts: [String])? {
    var word = String.UnicodeScalarView()
    var scripts: [Int32] = []
    func finish() -> (word: String, scripts: [String])? {
      defer {
        word = String.UnicodeScalarView()
        scripts = []
      }
      guard scripts.count > 1 else { return nil }
      let set = Set(scripts)
      let japanese: Set<Int32> = [17, 20, 22]
      let korean: Set<Int32> = [17, 18]
      if set.isSubset(of: japanese) || set.isSubset(of: korean) { return nil }
      return (String(word), scripts.map(scriptName))
    }
    for scalar in text.unicodeScalars {
      let category = UnicodeProperties.generalCategory(scalar)
      let isLetterOrMark = (1...8).contains(category) || UnicodeProperties.has(scalar, .alphabetic)
      if isLetterOrMark {
        word.append(scalar)
        let script = UnicodeProperties.script(scalar)
        if script != UnicodeProperties.Script.common && script != UnicodeProperties.Script.inherited
          && !scripts.contains(script)
        {
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
