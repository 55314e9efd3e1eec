import TermlintGlossary
import TermlintText

/// The text of one span as the typography rules read it: the characters rules see (markup
/// removed, inline code replaced by U+FFFC), which of them stand for a line break of the file,
/// and the way back to file offsets.
struct UnitText {
  /// The annotated span.
  let span: AnnotatedSpan
  /// The span's text as UTF-16 code units.
  let units: [UInt16]

  init(_ span: AnnotatedSpan) {
    self.span = span
    self.units = span.text
  }

  /// The number of UTF-16 code units.
  var count: Int { units.count }

  /// The file the span comes from.
  var file: SourceFile { span.file }

  /// Maps a range of the span's text to a UTF-16 range of the file.
  func fileRange(_ range: Range<Int>) -> Range<Int> { span.fileRange(text: range) }

  /// Whether the code unit at `index` stands for a line break of the file (readers join the
  /// lines of a paragraph with one space).
  func isLineBreak(at index: Int) -> Bool {
    let u = units[index]
    if u == 0x0A || u == 0x0D { return true }
    guard u == 0x20 else { return false }
    let offset = span.fileOffset(text: index)
    guard offset < file.utf16.count else { return false }
    let f = file.utf16[offset]
    return f == 0x0A || f == 0x0D
  }

  /// Whether the code unit at `index` is horizontal white space that is not a line break.
  func isSpace(at index: Int) -> Bool {
    Typography.isHorizontalSpace(units[index]) && !isLineBreak(at: index)
  }

  /// The scalar starting at `index` and its UTF-16 width.
  func scalar(at index: Int) -> (Unicode.Scalar, Int) {
    let u = units[index]
    if u >= 0xD800 && u <= 0xDBFF && index + 1 < units.count, units[index + 1] >= 0xDC00,
      units[index + 1] <= 0xDFFF
    {
      let value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[index + 1] - 0xDC00)
      return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
    }
    return (Unicode.Scalar(u) ?? "\u{FFFD}", 1)
  }

  /// The scalar ending just before `index`, with its start, or nil at the start.
  func scalar(before index: Int) -> (scalar: Unicode.Scalar, start: Int)? {
    guard index > 0 else { return nil }
    let u = units[index - 1]
    if u >= 0xDC00 && u <= 0xDFFF && index >= 2, units[index - 2] >= 0xD800,
      units[index - 2] <= 0xDBFF
    {
      return (scalar(at: index - 2).0, index - 2)
    }
    return (Unicode.Scalar(u) ?? "\u{FFFD}", index - 1)
  }

  /// The text in a range as a string.
  func string(_ range: Range<Int>) -> String { String(utf16Units: units[range]) }

  /// The 1-based line of the file that holds the character at `index`.
  func fileLine(at index: Int) -> Int {
    file.lineIndex(utf16Offset: span.fileOffset(text: index)) + 1
  }

  /// The word (letters, digits, apostrophes) around `index`, for messages; invisible characters
  /// inside it are left out.
  func word(around index: Int, skipping skip: (Unicode.Scalar) -> Bool) -> String {
    func isWordPart(_ s: Unicode.Scalar) -> Bool {
      Typography.isLetterOrDigit(s) || s == "'" || s == "\u{2019}" || skip(s)
    }
    var start = index
    while let (s, p) = scalar(before: start), isWordPart(s) { start = p }
    var end = index
    while end < count {
      let (s, w) = scalar(at: end)
      guard isWordPart(s) else { break }
      end += w
    }
    var out = String.UnicodeScalarView()
    var k = start
    while k < end {
      let (s, w) = scalar(at: k)
      if !skip(s) { out.append(s) }
      k += w
    }
    return String(out)
  }
}

/// Character classes shared by the typography rules.
enum Typography {
  /// Horizontal white space: space, tab, NBSP and the other Unicode space separators.
  static func isHorizontalSpace(_ u: UInt16) -> Bool {
    switch u {
    case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// Whether a scalar is a letter or a digit (ICU's Alphabetic property, or an ASCII digit or
  /// another decimal number).
  static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let v = s.value
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    return UnicodeProperties.has(s, .alphabetic) || UnicodeProperties.generalCategory(s) == 9  // Nd
  }

  /// Whether a scalar is a letter (ICU's Alphabetic property).
  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let v = s.value
      return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    return UnicodeProperties.has(s, .alphabetic)
  }

  /// Whether a scalar is a decimal digit.
  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
    return UnicodeProperties.generalCategory(s) == 9
  }

  /// Closing quotes and brackets that may follow a word or sentence punctuation.
  static let closers: Set<UInt16> = [0x29, 0x5D, 0x7D, 0x22, 0x27, 0x2019, 0x201D, 0xBB, 0x203A]
  /// Opening quotes and brackets.
  static let openers: Set<UInt16> = [
    0x28, 0x5B, 0x7B, 0x22, 0x27, 0x2018, 0x201C, 0x201E, 0xAB, 0x2039,
  ]

  /// "U+200B": how messages and documentation name a code point.
  static func label(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// The object replacement character readers put where inline code was.
  static let placeholder: UInt16 = 0xFFFC
}

extension Sequence where Element: Hashable {
  /// The element used most (the first one used on a tie), nil when there are none: a
  /// document's majority quote family or dash style.
  var majority: Element? {
    var counts: [Element: Int] = [:]
    var order: [Element] = []
    for e in self {
      if counts[e] == nil { order.append(e) }
      counts[e, default: 0] += 1
    }
    guard let best = counts.values.max() else { return nil }
    return order.first { counts[$0] == best }
  }
}
