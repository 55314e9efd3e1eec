import Foundation
import TermlintGlossary
import TermlintText

/// How one code point of original text is shown to a reader (terminal or HTML).
struct DisplayGlyph: Sendable, Equatable {
  /// What to show: the character itself, spaces for a tab, or `<U+200F>` for an invisible one.
  let text: String
  /// Terminal columns it takes.
  let width: Int
  /// Whether `text` stands for an invisible or control character.
  let isCode: Bool
}

/// Display helpers shared by the reporters that show text to people.
enum ReportText {
  /// One glyph per Unicode scalar of `line` (a line without its terminator).
  ///
  /// Invisible characters (controls, bidi controls, default-ignorable code points, line and
  /// paragraph separators) become `<U+XXXX>` so that a reader sees them and a right-to-left mark
  /// cannot reorder the line; joiners and selectors inside an emoji sequence stay as they are.
  /// Widths follow terminal conventions: 2 for East Asian wide characters and emoji, 0 for
  /// combining marks and the rest of an emoji sequence, 4 for a tab.
  static func glyphs(_ line: String) -> [DisplayGlyph] {
    var out: [DisplayGlyph] = []
    var previous: Unicode.Scalar?
    var inEmoji = false
    var regionalIndicators = 0
    for scalar in line.unicodeScalars {
      defer { previous = scalar }
      if scalar.value >= 0x20 && scalar.value < 0x7F {
        out.append(DisplayGlyph(text: String(scalar), width: 1, isCode: false))
        inEmoji = false
        regionalIndicators = 0
        continue
      }
      let p = scalar.properties
      let isRegional = (0x1F1E6...0x1F1FF).contains(scalar.value)
      regionalIndicators = isRegional ? regionalIndicators + 1 : 0
      if scalar == "\t" {
        out.append(DisplayGlyph(text: "    ", width: 4, isCode: false))
        inEmoji = false
        continue
      }
      let joinsEmoji =
        inEmoji
        && (scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
          || (0xE0020...0xE007F).contains(scalar.value) || p.isEmojiModifier)
      if joinsEmoji {
        // VS16 turns a text-style emoji (width 1) into an emoji-style one (width 2).
        if scalar.value == 0xFE0F, let last = out.last, last.width == 1, !last.isCode {
          out[out.count - 1] = DisplayGlyph(text: last.text, width: 2, isCode: false)
        }
        out.append(DisplayGlyph(text: String(scalar), width: 0, isCode: false))
        continue
      }
      if isInvisible(scalar) {
        out.append(DisplayGlyph(text: code(scalar), width: code(scalar).count, isCode: true))
        inEmoji = false
        continue
      }
      let afterJoiner = previous?.value == 0x200D && inEmoji
      inEmoji = p.isEmoji && (p.isEmojiPresentation || scalar.value > 0xFF)
      var width: Int
      switch p.generalCategory {
      case .nonspacingMark, .enclosingMark: width = 0
      default: width = isWide(scalar) || p.isEmojiPresentation ? 2 : 1
      }
      if afterJoiner || (isRegional && regionalIndicators % 2 == 0) { width = 0 }
      out.append(DisplayGlyph(text: String(scalar), width: width, isCode: false))
    }
    return out
  }

  /// `text` on one line, safe to print: line breaks become spaces and invisible characters
  /// become `<U+XXXX>`.
  static func visible(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      .map { glyphs(String($0)).map(\.text).joined() }
      .joined(separator: " ")
  }

  /// `text` with invisible characters as `<U+XXXX>`; line breaks (LF, CRLF, CR) become LF.
  static func visibleKeepingLines(_ text: String) -> String {
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
    return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      .map { glyphs(String($0)).map(\.text).joined() }
      .joined(separator: "\n")
  }

  /// A finding's first suggestion as a reader should see it: the replacement text, or what to
  /// delete or insert when the replacement or the matched text is empty (`delete '<U+200F>'`,
  /// `insert ' '`); quoted when it starts or ends with white space. Nil without a suggestion.
  static func suggestion(_ f: Finding) -> String? {
    guard let s = f.suggestions.first else { return nil }
    if s.isEmpty { return "delete '\(visible(f.matchedText))'" }
    if f.matchedText.isEmpty { return "insert '\(visible(s))'" }
    let edges = [s.unicodeScalars.first, s.unicodeScalars.last].compactMap { $0 }
    return edges.contains { $0.properties.isWhitespace } ? "'\(visible(s))'" : visible(s)
  }

  /// Whether a character is invisible or a control that would disturb a display.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    let p = scalar.properties
    switch p.generalCategory {
    case .control: return scalar != "\t"
    case .lineSeparator, .paragraphSeparator: return true
    default: return p.isBidiControl || p.isDefaultIgnorableCodePoint
    }
  }

  /// `<U+200F>`: the code point in hex, at least four digits.
  static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
  }

  /// Whether a character is East Asian Wide or Fullwidth (two terminal columns).
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
      || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
      || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
      || (0x20000...0x3FFFD).contains(v)
  }

  /// `1,234`: an integer with thousands separators, whatever the locale.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `1 error`, `2 errors`.
  static func plural(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(grouped(n)) \(n == 1 ? noun : (plural ?? noun + "s"))"
  }
}

extension String {
  /// Escaped for XML character data and attribute values: `& < > "` become entities, line
  /// breaks and tabs character references (so that attribute values keep them), and characters
  /// XML 1.0 cannot carry at all are written as `<U+XXXX>` text.
  var xmlEscaped: String { XMLEscaping.escape(self, attribute: true, invalid: Self.visibleCode) }

  /// Escaped for XML character data: `& < >` become entities, CR a character reference, and
  /// characters XML 1.0 cannot carry are written as `<U+XXXX>` text; line breaks and tabs stay.
  var xmlText: String { XMLEscaping.escape(self, attribute: false, invalid: Self.visibleCode) }

  /// `<U+XXXX>`, escaped, for a character XML cannot carry.
  private static func visibleCode(_ scalar: Unicode.Scalar) -> String {
    ReportText.code(scalar).replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
      of: ">", with: "&gt;")
  }
}
