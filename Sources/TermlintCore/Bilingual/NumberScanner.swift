import TermlintGlossary
import TermlintText

/// A number written in a text: its value (with the other values the writing may stand for),
/// where it is, and whether a mismatch on it can be reported with confidence.
struct NumberMention: Sendable, Equatable {
  /// The value, then other readings (`12.500` in Russian is 12.5 or 12,500; `90-х` is 90 or 1990).
  var values: [Double]
  /// Where it is in the span's text (UTF-16 offsets into `TextSpan.text`).
  var textRange: Range<Int>
  /// True for numbers written in digits in running text. Spelled-out numbers (*two*, *двух*),
  /// Roman numerals, day and month of numeric dates and numbers inside codes (*S-400*, *G20*)
  /// are *soft*: they can match a number on the other side but are never reported alone.
  var isHard: Bool

  /// Whether two mentions can stand for the same value.
  func matches(_ other: NumberMention) -> Bool {
    values.contains { a in other.values.contains { b in NumberScanner.same(a, b) } }
  }

  /// Whether the primary values are equal.
  func matchesExactly(_ other: NumberMention) -> Bool {
    NumberScanner.same(values[0], other.values[0])
  }
}

/// Finds numbers in a span with the language's conventions: digit grouping (*12 500*, *12,500*),
/// decimal marks (*3,5*, *3.5*), spelled-out and ordinal numbers (*two*, *двух*, *21st*, *21-й*),
/// multipliers (*5 млн*, *5 million*), decades (*1990-х*, *1990s*), times and numeric dates.
///
/// The scanner works on the span's normalized tokens; positions are reported in the span's text.
struct NumberScanner {
  /// The span's language decides the decimal mark: a comma for Russian and most of Europe,
  /// a point for English.
  let commaDecimal: Bool
  let language: String

  init(language: LanguageTag?) {
    self.language = language?.language ?? ""
    commaDecimal = !["en", "ja", "zh", "ko", "he", "th", "hi", "ga", "mt", ""].contains(
      self.language)
  }

  /// Whether two values are equal (relative tolerance for decimals).
  static func same(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
  }

  /// The numbers of a span, skipping any whose text overlaps `excluded` (URLs, placeholders).
  func mentions(in span: AnnotatedSpan, excluding codes: [Range<Int>] = []) -> [NumberMention] {
    // HTML/XML character references (&#8217; &#x2019;) are characters, not numbers.
    let excluded = codes + Self.characterReferences(in: span.text)
    let tokens = span.tokens
    let units = span.normalized.units
    var result: [NumberMention] = []
    func form(_ i: Int) -> String { String(utf16Units: units[tokens[i].range]) }
    func glued(_ i: Int) -> Bool { i >= 0 && i < tokens.count && !tokens[i].spaceBefore }
    func isPunct(_ i: Int, _ chars: Set<String>) -> Bool {
      i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && chars.contains(form(i))
    }
    func textRange(_ from: Int, _ to: Int) -> Range<Int> { span.textRange(tokens: from..<(to + 1)) }
    func isExcluded(_ from: Int, _ to: Int) -> Bool {
      let r = textRange(from, to)
      return excluded.contains { $0.overlaps(r) }
    }

    var i = 0
    while i < tokens.count {
      let token = tokens[i]
      if token.kind == .punctuation || (!excluded.isEmpty && isExcluded(i, i)) {
        i += 1
        continue
      }
      // Fast exit for ordinary words: no digit, and a first letter no number word starts with.
      let first = units[token.range.lowerBound]
      let startsWithDigit = first >= 0x30 && first <= 0x39
      if !startsWithDigit && !units[token.range].contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        && (!Self.initials.contains(first) || token.range.count > 24
          || (token.range.count >= 2
            && !Self.leadingPairs.contains(
              UInt32(first) << 16 | UInt32(units[token.range.lowerBound + 1]))))
      {
        i += 1
        continue
      }
      if startsWithDigit {
        i = scanNumeric(
          at: i, span: span, form: form, glued: glued, isPunct: isPunct, textRange: textRange,
          into: &result)
        continue
      }
      if token.kind != .punctuation {
        i = scanWords(
          at: i, span: span, form: form, glued: glued, textRange: textRange, into: &result)
        continue
      }
      i += 1
    }
    return result
  }

  /// The ranges of numeric character references (`&#8217;`, `&#x2019;`) in a text.
  static func characterReferences(in text: [UInt16]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var k = 0
    func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    func isHex(_ u: UInt16) -> Bool {
      isDigit(u) || (u >= 0x41 && u <= 0x46) || (u >= 0x61 && u <= 0x66)
    }
    while k + 3 < text.count {
      guard text[k] == 0x26, text[k + 1] == 0x23 else {  // "&#"
        k += 1
        continue
      }
      var j = k + 2
      let hex = text[j] == 0x78 || text[j] == 0x58  // x X
      if hex { j += 1 }
      let digitsStart = j
      while j < text.count, hex ? isHex(text[j]) : isDigit(text[j]) { j += 1 }
      if j > digitsStart, j - digitsStart <= 7, j < text.count, text[j] == 0x3B {  // ";"
        result.append(k..<(j + 1))
        k = j + 1
      } else {
        k += 2
      }
    }
    return result
  }

  // MARK: - Digits

  private func scanNumeric(
    at start: Int, span: AnnotatedSpan, form: (Int) -> String, glued: (Int) -> Bool,
    isPunct: (Int, Set<String>) -> Bool, textRange: (Int, Int) -> Range<Int>,
    into result: inout [NumberMention]
  ) -> Int {
    let tokens = span.tokens
    let f = form(start)
    var end = start
    let dashes: Set<String> = ["-", "‐", "‑", "–", "—"]
    // A number glued by a hyphen to a preceding word is part of a code: S-400, COVID-19, СНВ-3.
    let isCode =
      start >= 2 && !tokens[start].spaceBefore && isPunct(start - 1, dashes)
      && !tokens[start - 1].spaceBefore
      && tokens[start - 2].kind == .word
      && !(form(start - 2).utf16.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)

    // Glued to a slash on either side (24/7, 50/50, 153/2): a ratio or a code, soft.
    let slashed =
      (isPunct(start - 1, ["/"]) && glued(start) && start >= 2 && glued(start - 1)
        && tokens[start - 2].kind == .number)
      || (isPunct(start + 1, ["/"]) && glued(start + 1) && glued(start + 2)
        && start + 2 < tokens.count && tokens[start + 2].kind == .number)
    // The second year of a range written short: 2010–11, 2019/20.
    var shortYear: Double? = nil
    if f.count == 2, f.allSatisfy(\.isASCIIDigit), start >= 2, glued(start),
      isPunct(start - 1, dashes.union(["/"])), glued(start - 1)
    {
      let previous = form(start - 2)
      if previous.count == 4, previous.allSatisfy(\.isASCIIDigit), let year = Double(previous),
        let v = Double(f)
      {
        shortYear = (year / 100).rounded(.down) * 100 + v
      }
    }
    // A decimal fraction written without the zero: .08 (English).
    if !commaDecimal, isPunct(start - 1, ["."]), glued(start),
      start == 1 || tokens[start - 1].spaceBefore || start - 1 == 0,
      f.allSatisfy(\.isASCIIDigit), let v = Double("0." + f)
    {
      result.append(
        NumberMention(values: [v], textRange: textRange(start - 1, start), isHard: !isCode))
      return start + 1
    }

    if f.contains(where: { $0.isLetter }) {
      // Digits with letters in one token: 21st, 1990s, 5bn, G20-like codes.
      if let mention = digitWord(f) {
        result.append(
          NumberMention(
            values: mention.values, textRange: textRange(start, start),
            isHard: mention.hard && !isCode))
      }
      return start + 1
    }

    // Times: 15:00, 3:30.
    if isPunct(start + 1, [":"]) && glued(start + 1) && start + 2 < tokens.count
      && tokens[start + 2].kind == .number && glued(start + 2),
      let h = Double(f), let m = Double(form(start + 2)), f.count <= 2, form(start + 2).count == 2,
      h <= 24, m < 60
    {
      // Seconds (20:00:00) belong to the time: 20:00:00 equals 20:00.
      var end = start + 2
      var seconds = 0.0
      if isPunct(start + 3, [":"]) && glued(start + 3) && start + 4 < tokens.count
        && tokens[start + 4].kind == .number && glued(start + 4),
        form(start + 4).count == 2, let s = Double(form(start + 4)), s < 60
      {
        seconds = s / 3600
        end = start + 4
      }
      let base = h + m / 60 + seconds
      let twelve = h.truncatingRemainder(dividingBy: 12) + m / 60 + seconds
      result.append(
        NumberMention(
          values: [base, twelve, twelve + 12], textRange: textRange(start, end), isHard: !isCode))
      return end + 1
    }
    // Numeric dates with slashes or ISO hyphens: 1/13/2022, 13/01/2022, 2022-01-13.
    if let date = numericDate(
      at: start, form: form, glued: glued, isPunct: isPunct, count: tokens.count)
    {
      for (k, part) in date.parts.enumerated() {
        let index = start + 2 * k
        result.append(
          NumberMention(
            values: [part.value], textRange: textRange(index, index), isHard: part.hard && !isCode))
      }
      return start + 2 * date.parts.count - 1
    }

    // The literal itself, with digit groups separated by spaces (12 500) joined.
    var literal = f
    if literal.allSatisfy(\.isASCIIDigit), literal.count <= 3 {
      var k = start + 1
      while k < tokens.count, tokens[k].kind == .number, tokens[k].spaceBefore,
        isGroupGap(before: k, in: span)
      {
        let next = form(k)
        let digits = next.prefix { $0.isASCIIDigit }
        guard digits.count == 3,
          next.count == 3
            || (next.count > 4 && next.dropFirst(3).first == (commaDecimal ? "," : "."))
        else { break }
        literal += next
        end = k
        k += 1
      }
    }
    // Numeric dates with points: 13.01.2022.
    let pieces = literal.split(separator: ".", omittingEmptySubsequences: false)
    if pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
      pieces[0].count <= 2, pieces[1].count <= 2,
      pieces[2].count == 4 || pieces[2].count == 2, let d = Double(pieces[0]),
      let m = Double(pieces[1]), let y = Double(pieces[2])
    {
      let range = textRange(start, end)
      result.append(NumberMention(values: [d], textRange: range, isHard: false))
      result.append(NumberMention(values: [m], textRange: range, isHard: false))
      result.append(
        NumberMention(
          values: [pieces[2].count == 2 ? 2000 + y : y, y], textRange: range, isHard: !isCode))
      return end + 1
    }
    var values = parse(literal)
    if values.isEmpty {
      // A list written without spaces (1,2,3): each part on its own, softly.
      for part in literal.split(whereSeparator: { !$0.isASCIIDigit }) {
        if let v = Double(part) {
          result.append(NumberMention(values: [v], textRange: textRange(start, end), isHard: false))
        }
      }
      return end + 1
    }
    var hard = !isCode
    var next = end + 1
    // Russian suffixes after a hyphen: 21-й, 13-го, 90-х, 2022-м.
    if isPunct(next, dashes) && glued(next) && next + 1 < tokens.count && glued(next + 1)
      && tokens[next + 1].kind == .word
    {
      let suffix = form(next + 1)
      if Self.russianNumberSuffixes.contains(suffix) {
        if ["х", "е", "ми", "ых", "ые"].contains(suffix), let v = values.first,
          v.truncatingRemainder(dividingBy: 10) == 0
        {
          values = v < 100 ? [v, 1900 + v, 2000 + v] : [v]
        }
        next += 2
      } else if language == "ru", suffix.count >= 4,
        suffix.allSatisfy({ ("а"..."я").contains($0) || $0 == "ё" })
      {
        // A Russian compound adjective (16-ричный, 24-битный, 3-этажный) often renders a word
        // of the other language (hex, true color, three-storey): it can match, never alone.
        hard = false
        next += 2
      }
    }
    // Multipliers: 5 млн, 12.5 billion, 3 тыс.
    if next < tokens.count, tokens[next].kind == .word,
      let multiplier = Self.multiplier(form(next), language: language)
    {
      // The figure alone stays a reading: 32 тысячи нуклеотидов may be "32 kilobases".
      values = values.map { $0 * multiplier } + values
      next += 1
      if isPunct(next, ["."]) && glued(next) { next += 1 }
      end = next - 1
    }
    // Hours with a.m./p.m.: 3 p.m. is 15:00.
    if next < tokens.count, tokens[next].kind == .word,
      ["p.m", "a.m", "pm", "am"].contains(form(next)), let h = values.first, h <= 12
    {
      values = [
        h, h.truncatingRemainder(dividingBy: 12) + 12, h.truncatingRemainder(dividingBy: 12),
      ]
    }
    if pieces.count == 2, let day = Double(pieces[0]), day >= 1, day <= 31, pieces[1].count == 2,
      let month = Int(pieces[1]), (1...12).contains(month)
    {
      values.append(day)  // 13.01 may be a date written the Russian way
    }
    // an identifier, not a quantity
    if tokens[start].kind == .number && f.count > 15 { hard = false }
    if slashed { hard = false }
    // A manual page section glued to its name, hgrc(5), printf(3): part of a reference.
    if start >= 2, isPunct(start - 1, ["("]), glued(start), glued(start - 1),
      tokens[start - 2].kind == .word, isPunct(end + 1, [")"]),
      glued(end + 1), f.count == 1
    {
      hard = false
    }
    if let shortYear { values.append(shortYear) }
    result.append(NumberMention(values: values, textRange: textRange(start, end), isHard: hard))
    return max(next, end + 1)
  }

  /// Whether the white space before token `k` is a digit-group separator: any single space in a
  /// comma-decimal language (*12 500*), only a no-break or thin space in English (*12 500*).
  private func isGroupGap(before k: Int, in span: AnnotatedSpan) -> Bool {
    let previous = span.tokens[k - 1].range.upperBound
    let gap = span.normalized.map.sourceRange(previous..<span.tokens[k].range.lowerBound)
    guard gap.count == 1 else { return false }
    let u = span.text[gap.lowerBound]
    if commaDecimal { return TextScan.isSpace(u) && u != 0x0A && u != 0x0D }
    return u == 0xA0 || u == 0x2009 || u == 0x202F || u == 0x2007
  }

  /// Parses a literal of digits and separators with the language's conventions; returns the
  /// value and its other readings, or nothing when the separators make no number.
  func parse(_ literal: String) -> [Double] {
    let ascii = literal.utf8.allSatisfy { $0 < 0x80 }
    let s =
      ascii
      ? (literal.utf8.contains(0x27) ? String(literal.filter { $0 != "'" }) : literal)
      : literal.replacingOccurrences(of: "'", with: "")
    if s.allSatisfy(\.isASCIIDigit) { return Double(s).map { [$0] } ?? [] }
    let thousandsComma: Bool
    let thousandsPoint: Bool
    let simpleComma: Bool
    let simplePoint: Bool
    if ascii {
      // The patterns below, matched by hand: a `Regex` literal is parsed again on every call.
      let bytes = Array(s.utf8)
      thousandsComma = Self.isGrouped(bytes, group: 0x2C, decimal: 0x2E)
      thousandsPoint = Self.isGrouped(bytes, group: 0x2E, decimal: 0x2C)
      simpleComma = Self.isSimpleDecimal(bytes, mark: 0x2C)
      simplePoint = Self.isSimpleDecimal(bytes, mark: 0x2E)
    } else {
      thousandsComma = s.wholeMatch(of: /\d{1,3}(,\d{3})+(\.\d+)?/) != nil
      thousandsPoint = s.wholeMatch(of: /\d{1,3}(\.\d{3})+(,\d+)?/) != nil
      simpleComma = s.wholeMatch(of: /\d+,\d+/) != nil
      simplePoint = s.wholeMatch(of: /\d+\.\d+/) != nil
    }
    func number(_ text: String) -> Double? { Double(text) }
    var values: [Double] = []
    if commaDecimal {
      if simpleComma, let v = number(s.replacingOccurrences(of: ",", with: ".")) {
        values.append(v)
      }
      if thousandsPoint,
        let v = number(
          s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
      {
        values.append(v)
      }
      if simplePoint, let v = number(s) { values.append(v) }
      if thousandsComma, let v = number(s.replacingOccurrences(of: ",", with: "")) {
        values.append(v)
      }
    } else {
      if thousandsComma, let v = number(s.replacingOccurrences(of: ",", with: "")) {
        values.append(v)
      }
      if simplePoint, let v = number(s) { values.append(v) }
      if thousandsPoint,
        let v = number(
          s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
      {
        values.append(v)
      }
      if simpleComma && !thousandsComma, let v = number(s.replacingOccurrences(of: ",", with: "."))
      {
        values.append(v)
      }
    }
    var unique: [Double] = []
    for v in values where !unique.contains(where: { Self.same($0, v) }) { unique.append(v) }
    return unique
  }

  /// Whether ASCII `bytes` are wholly digits in groups of three after one to three digits, with
  /// an optional decimal part: `\d{1,3}(G\d{3})+(D\d+)?` for the group mark G and decimal mark D.
  static func isGrouped(_ bytes: [UInt8], group: UInt8, decimal: UInt8) -> Bool {
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var i = 0
    while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    guard (1...3).contains(i) else { return false }
    var groups = 0
    while i < bytes.count && bytes[i] == group {
      guard i + 3 < bytes.count, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3])
      else { return false }
      i += 4
      groups += 1
      if i < bytes.count && isDigit(bytes[i]) { return false }
    }
    guard groups > 0 else { return false }
    if i == bytes.count { return true }
    guard bytes[i] == decimal, i + 1 < bytes.count else { return false }
    return bytes[(i + 1)...].allSatisfy(isDigit)
  }

  /// Whether ASCII `bytes` are `\d+M\d+` for the decimal mark M.
  static func isSimpleDecimal(_ bytes: [UInt8], mark: UInt8) -> Bool {
    guard let k = bytes.firstIndex(of: mark), k > 0, k + 1 < bytes.count else { return false }
    return bytes[..<k].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      && bytes[(k + 1)...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  private struct DatePart {
    var value: Double
    var hard: Bool
  }

  /// A date written with slashes or ISO hyphens: its parts, one per number token; only the
  /// year is hard (day and month order differs between conventions).
  private func numericDate(
    at start: Int, form: (Int) -> String, glued: (Int) -> Bool, isPunct: (Int, Set<String>) -> Bool,
    count: Int
  ) -> (parts: [DatePart], Void)? {
    guard start + 4 < count else { return nil }
    for separator in ["/", "-"] {
      guard isPunct(start + 1, [separator]), isPunct(start + 3, [separator]), glued(start + 1),
        glued(start + 2), glued(start + 3), glued(start + 4)
      else { continue }
      let a = form(start)
      let b = form(start + 2)
      let c = form(start + 4)
      guard [a, b, c].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
        let va = Double(a), let vb = Double(b), let vc = Double(c)
      else { return nil }
      if separator == "-" {
        guard a.count == 4, b.count == 2, c.count == 2, vb <= 12, vc <= 31 else { return nil }
        return (
          [
            DatePart(value: va, hard: true), DatePart(value: vb, hard: false),
            DatePart(value: vc, hard: false),
          ], ()
        )
      }
      guard a.count <= 2, b.count <= 2, c.count == 4 || c.count == 2, va <= 31, vb <= 31 else {
        return nil
      }
      return (
        [
          DatePart(value: va, hard: false), DatePart(value: vb, hard: false),
          DatePart(value: c.count == 2 ? 2000 + vc : vc, hard: true),
        ], ()
      )
    }
    return nil
  }

  /// Digits with letters in one token: ordinals (21st), decades (1990s, 90s), amounts (5bn) and codes (G20).
  private func digitWord(_ f: String) -> (values: [Double], hard: Bool)? {
    let digits = f.prefix { $0.isASCIIDigit || $0 == "." || $0 == "," }
    let rest = String(f.dropFirst(digits.count))
    let values = parse(String(digits))
    guard let v = values.first else { return nil }
    switch rest {
    case "st", "nd", "rd", "th":
      return ([v], true)
    case "s", "'s":
      // A decade (1990s, 90s); 0s and 1s are plurals of digits ("a list of 0s and 1s").
      if v >= 10, v.truncatingRemainder(dividingBy: 10) == 0 {
        return (v < 100 ? [v, 1900 + v, 2000 + v] : [v], true)
      }
      return ([v], false)
    case "k", "m", "mn", "mln", "bn", "b", "tn":
      guard !commaDecimal else { return ([v], false) }
      let multiplier: Double =
        ["k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12][rest] ?? 1
      return ([v * multiplier, v], true)
    default:
      return ([v], false)
    }
  }

  // MARK: - Words

  private func scanWords(
    at start: Int, span: AnnotatedSpan, form: (Int) -> String, glued: (Int) -> Bool,
    textRange: (Int, Int) -> Range<Int>, into result: inout [NumberMention]
  ) -> Int {
    let tokens = span.tokens
    let f = form(start)
    // Codes with digits after letters (HKU1, G20, Table1.1): soft, for the number they contain.
    if f.contains(where: \.isASCIIDigit) {
      let tail = f.reversed().prefix { $0.isASCIIDigit || $0 == "." || $0 == "," }.reversed()
      if let v = parse(String(tail).trimmingDots()).first {
        result.append(NumberMention(values: [v], textRange: textRange(start, start), isHard: false))
      }
      return start + 1
    }
    // Russian compounds with a numeral root: двухнедельный (2-week), пятилетний (5-year).
    if let v = RussianNumerals.compoundPrefix(f) {
      result.append(NumberMention(values: [v], textRange: textRange(start, start), isHard: false))
      return start + 1
    }
    // Roman numerals (II, XXI, also with the Cyrillic Х that Russian typists use): soft.
    if f.count >= 2, f.allSatisfy({ $0 == "i" || $0 == "v" || $0 == "x" || $0 == "х" }),
      let v = Self.roman(span.surface(of: tokens[start]))
    {
      result.append(NumberMention(values: [v], textRange: textRange(start, start), isHard: false))
      return start + 1
    }
    guard let first = Self.word(f, language: language) else { return start + 1 }
    if case .multiplier(let m, let singular) = first {
      if singular {
        result.append(NumberMention(values: [m], textRange: textRange(start, start), isHard: false))
      }
      return start + 1
    }
    // A run of number words: twenty-five, сто двадцать пять тысяч, one hundred and five.
    var total = 0.0
    var current = 0.0
    var sawNumber = false
    var end = start
    var k = start
    scan: while k < tokens.count {
      guard tokens[k].kind == .word, let w = Self.word(form(k), language: language) else {
        let connector =
          (form(k) == "-" && glued(k) && glued(k + 1)) || (form(k) == "and" && current >= 100)
        if sawNumber, connector, k + 1 < tokens.count, tokens[k + 1].kind == .word,
          case .cardinal = Self.word(form(k + 1), language: language)
        {
          k += 1
          continue
        }
        break
      }
      switch w {
      case .ordinal(let v):
        guard !sawNumber else { break scan }
        result.append(NumberMention(values: [v], textRange: textRange(k, k), isHard: false))
        return k + 1
      case .multiplier(let m, _):
        guard sawNumber else { break scan }
        total += max(current, 1) * m
        current = 0
      case .cardinal(let v):
        if v == 100 && sawNumber && current > 0 {
          guard current < 10 else { break scan }
          current *= 100
        } else if !sawNumber || Self.canAdd(v, to: current) {
          current += v
        } else {
          break scan
        }
        sawNumber = true
      }
      end = k
      k += 1
    }
    if sawNumber {
      result.append(
        NumberMention(values: [total + current], textRange: textRange(start, end), isHard: false))
    }
    return end + 1
  }

  /// Whether a number word continues a compound number (*twenty* + *five*, *сто* + *двадцать*).
  private static func canAdd(_ v: Double, to current: Double) -> Bool {
    if current.truncatingRemainder(dividingBy: 100) == 0 { return v < 100 }
    if current.truncatingRemainder(dividingBy: 10) == 0 { return v < 10 }
    return false
  }

  enum NumberWord {
    case cardinal(Double)
    case ordinal(Double)
    case multiplier(Double, singular: Bool)
  }

  /// Russian suffixes written after a hyphen on numerals: 21-й, 13-го, 1990-х.
  static let russianNumberSuffixes: Set<String> = [
    "й", "го", "му", "м", "я", "е", "х", "ми", "ю", "ой", "ый", "ий", "ая", "ое", "ые", "ых", "ым",
    "ом", "ого", "ому", "ую", "ей", "ти", "ть",
  ]

  /// The multiplier a word stands for after a number (*млн*, *thousand*).
  static func multiplier(_ word: String, language: String) -> Double? {
    if case .multiplier(let m, _) = Self.word(word, language: language) { return m }
    return nil
  }

  /// What a (case-folded) word means as a number, if anything.
  static func word(_ word: String, language: String) -> NumberWord? {
    if let w = allWords[word] { return w }
    // English tens and units written as one word: fortyfive, twentyone.
    guard word.utf8.count >= 7, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
      return nil
    }
    for (tens, t) in englishTens where word.hasPrefix(tens) {
      if let v = englishCardinals[String(word.dropFirst(tens.count))], v >= 1, v <= 9 {
        return .cardinal(t + v)
      }
    }
    return nil
  }

  private static let englishTens: [(String, Double)] = [
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
    ("eighty", 80), ("ninety", 90),
  ]

  /// The first letters of number words, Roman numerals and numeral compounds.
  private static let initials: Set<UInt16> = {
    var set = Set(allWords.keys.compactMap { $0.utf16.first })
    for c in "ivxхдтчпшсв".utf16 { set.insert(c) }
    return set
  }()

  /// The first two UTF-16 units of every word of two units or more that `scanWords` can read
  /// as a number (number words, numeral compounds, Roman numerals): a word starting otherwise
  /// is skipped without being looked up (most words of Russian text start with a letter of
  /// `initials`).
  static let leadingPairs: Set<UInt32> = {
    func pair(_ w: String) -> UInt32? {
      let u = Array(w.utf16)
      return u.count >= 2 ? UInt32(u[0]) << 16 | UInt32(u[1]) : nil
    }
    var set = Set(allWords.keys.compactMap(pair))
    for root in RussianNumerals.compoundRootWords { if let p = pair(root) { set.insert(p) } }
    let roman = Array("ivxх".utf16)
    for a in roman { for b in roman { set.insert(UInt32(a) << 16 | UInt32(b)) } }
    return set
  }()

  /// Every number word of both languages in every form, looked up once per token.
  private static let allWords: [String: NumberWord] = {
    var table: [String: NumberWord] = [:]
    for (w, v) in englishCardinals { table[w] = .cardinal(v) }
    for (w, v) in englishOrdinals { table[w] = .ordinal(v) }
    for (w, m) in englishMultipliers { table[w] = .multiplier(m.0, singular: m.1) }
    for (w, v) in RussianNumerals.cardinals { table[w] = .cardinal(v) }
    for (w, v) in RussianNumerals.ordinalForms where table[w] == nil { table[w] = .ordinal(v) }
    for w in RussianNumerals.multiplierForms {
      if let m = RussianNumerals.multiplier(w) { table[w] = .multiplier(m.0, singular: m.1) }
    }
    return table
  }()

  static let englishCardinals: [String: Double] = {
    let words = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    var table: [String: Double] = [:]
    for (k, w) in words.enumerated() { table[w] = Double(k) }
    for (k, w) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
      .enumerated()
    { table[w] = Double(20 + 10 * k) }
    table["hundred"] = 100
    table["dozen"] = 12
    table["twice"] = 2
    table["thrice"] = 3
    return table
  }()

  static let englishOrdinals: [String: Double] = {
    let words = [
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
      "eleventh", "twelfth",
      "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
      "nineteenth",
    ]
    var table: [String: Double] = [:]
    for (k, w) in words.enumerated() { table[w] = Double(k + 1) }
    for (k, w) in [
      "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
      "ninetieth",
    ].enumerated() {
      table[w] = Double(20 + 10 * k)
    }
    table["hundredth"] = 100
    table["thousandth"] = 1000
    return table
  }()

  static let englishMultipliers: [String: (Double, Bool)] = [
    "thousand": (1e3, true), "million": (1e6, true), "billion": (1e9, true),
    "trillion": (1e12, true),
    "mln": (1e6, false), "bn": (1e9, false), "tn": (1e12, false),
  ]

  /// The value of a Roman numeral written in capitals from I, V and X (also Cyrillic Х), 2–39.
  static func roman(_ surface: String) -> Double? {
    let map: [Character: Int] = ["I": 1, "V": 5, "X": 10, "Х": 10]
    var values: [Int] = []
    for c in surface {
      guard let v = map[c] else { return nil }
      values.append(v)
    }
    var total = 0
    for (k, v) in values.enumerated() {
      if k + 1 < values.count && v < values[k + 1] { total -= v } else { total += v }
    }
    // Only canonical spellings (no IIII, VX …): rebuild and compare.
    let canonical = Self.romanString(total)
    let written = String(surface.map { $0 == "Х" ? "X" : $0 })
    return canonical == written && total >= 2 ? Double(total) : nil
  }

  private static func romanString(_ n: Int) -> String {
    guard n > 0 && n < 40 else { return "" }
    let tens = String(repeating: "X", count: n / 10)
    let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]
    return tens + units
  }
}

/// Russian numerals in their inflected forms.
enum RussianNumerals {
  static let cardinals: [String: Double] = {
    var t: [String: Double] = [:]
    func add(_ v: Double, _ forms: String) {
      for f in forms.split(separator: " ") { t[String(f)] = v }
    }
    add(0, "ноль нуль ноля нуля нолю нулю нолем нулем нулём")
    add(1, "один одна одно одного одной одному одним одном одну")
    add(2, "два две двух двум двумя")
    add(3, "три трех трёх трем трём тремя")
    add(4, "четыре четырех четырёх четырем четырём четырьмя")
    add(1.5, "полтора полторы полутора")
    // 5–20 and 30: -ь, -и, -ью.
    for (v, stem) in [
      (5.0, "пят"), (6, "шест"), (7, "сем"), (9, "девят"), (10, "десят"), (11, "одиннадцат"),
      (12, "двенадцат"), (13, "тринадцат"),
      (14, "четырнадцат"), (15, "пятнадцат"), (16, "шестнадцат"), (17, "семнадцат"),
      (18, "восемнадцат"), (19, "девятнадцат"),
      (20, "двадцат"), (30, "тридцат"),
    ] {
      add(v, "\(stem)ь \(stem)и \(stem)ью")
    }
    add(8, "восемь восьми восемью восьмью")
    add(40, "сорок сорока")
    add(50, "пятьдесят пятидесяти пятьюдесятью")
    add(60, "шестьдесят шестидесяти шестьюдесятью")
    add(70, "семьдесят семидесяти семьюдесятью")
    add(80, "восемьдесят восьмидесяти восемьюдесятью")
    add(90, "девяносто девяноста")
    add(100, "сто ста")
    add(200, "двести двухсот двумстам двумястами двухстах")
    add(300, "триста трехсот трёхсот тремстам тремястами трехстах трёхстах")
    add(400, "четыреста четырехсот четырёхсот четырьмстам четырьмястами четырехстах четырёхстах")
    for (v, nom, stem) in [
      (500.0, "пятьсот", "пят"), (600, "шестьсот", "шест"), (700, "семьсот", "сем"),
      (800, "восемьсот", "восьм"), (900, "девятьсот", "девят"),
    ] {
      add(v, "\(nom) \(stem)исот \(stem)истам \(stem)ьюстами \(stem)истах")
    }
    add(2, "двое двоих двоим двоими дважды")
    add(3, "трое троих троим троими трижды")
    add(4, "четверо четверых четырежды")
    add(5, "пятеро пятерых")
    add(6, "шестеро шестерых")
    add(7, "семеро семерых")
    return t
  }()

  /// The value of the numeral root of a compound word (*двухнедельный*, *пятилетний*,
  /// *трехсторонний*), when the rest of the word is long enough to be a word of its own.
  static func compoundPrefix(_ word: String) -> Double? {
    guard word.utf16.count >= 8, let first = word.first, "дтчпшсвд".contains(first) else {
      return nil
    }
    for (prefix, value) in compoundRoots
    where word.hasPrefix(prefix) && word.count >= prefix.count + 4 {
      return value
    }
    return nil
  }

  /// The roots of `compoundPrefix`.
  static var compoundRootWords: [String] { compoundRoots.map(\.0) }

  private static let compoundRoots: [(String, Double)] = [
    ("двух", 2), ("дву", 2), ("трех", 3), ("трёх", 3), ("четырех", 4), ("четырёх", 4), ("пяти", 5),
    ("шести", 6), ("семи", 7),
    ("восьми", 8), ("девяти", 9), ("десяти", 10), ("двенадцати", 12), ("пятнадцати", 15),
    ("двадцати", 20), ("тридцати", 30),
    ("сорока", 40), ("пятидесяти", 50), ("столетн", 100), ("тысячелет", 1000),
  ].sorted { $0.0.count > $1.0.count }

  /// A multiplier word (*тысяча*, *млн*, *миллиардов*) and whether it is singular (a standalone
  /// *тысяча* is 1,000; a standalone *тысячи* means "thousands").
  static func multiplier(_ word: String) -> (Double, Bool)? {
    switch word {
    case "тыс", "млн", "млрд", "трлн":
      return (
        [("тыс", 1e3), ("млн", 1e6), ("млрд", 1e9), ("трлн", 1e12)].first { $0.0 == word }!.1, false
      )
    default: break
    }
    for (stem, value) in [("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9), ("триллион", 1e12)]
    where word.hasPrefix(stem) {
      let ending = word.dropFirst(stem.count)
      let singularEndings: Set<Substring> = ["а", "у", "ей", "ью", "е", ""]
      let allEndings: Set<Substring> = [
        "а", "и", "у", "ей", "ью", "е", "", "ы", "ов", "ам", "ами", "ах", "ом",
      ]
      guard allEndings.contains(ending) else { return nil }
      let singular =
        stem == "тысяч"
        ? ["а", "у", "ей", "ью", "е"].contains(ending) : singularEndings.contains(ending)
      return (value, singular)
    }
    return nil
  }

  private static let ordinalStems: [String: Double] = [
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "сороков": 40, "пятидесят": 50,
    "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100,
    "тысячн": 1000,
  ]

  private static let adjectiveEndings = [
    "ыми", "ими", "ого", "его", "ому", "ему", "ый", "ой", "ий", "ая", "яя", "ое", "ее", "ые", "ие",
    "ым", "им", "ом", "ем", "ую", "юю",
    "ых", "их", "ей", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьих", "ьими",
  ].sorted { $0.count > $1.count }

  /// Every form of the ordinal adjectives, with its value.
  static let ordinalForms: [String: Double] = {
    var table: [String: Double] = [:]
    for (stem, _) in ordinalStems {
      for ending in adjectiveEndings {
        let w = stem + ending
        if let v = ordinal(w) { table[w] = v }
      }
    }
    return table
  }()

  /// Every form of the multiplier words.
  static let multiplierForms: [String] = {
    var forms = ["тыс", "млн", "млрд", "трлн"]
    for stem in ["тысяч", "миллион", "миллиард", "триллион"] {
      for ending in ["а", "и", "у", "ей", "ью", "е", "", "ы", "ов", "ам", "ами", "ах", "ом"] {
        forms.append(stem + ending)
      }
    }
    return forms
  }()

  /// The value of an ordinal adjective in any form (*второй*, *третьего*, *двадцатом*).
  static func ordinal(_ word: String) -> Double? {
    for ending in adjectiveEndings where word.hasSuffix(ending) {
      let stem = String(word.dropLast(ending.count))
      if let v = ordinalStems[stem] {
        // "трет" takes the soft endings (третий, третьего); the others the hard ones.
        if stem == "трет" && !(ending.hasPrefix("ь") || ending == "ий") { return nil }
        if stem != "трет" && ending.hasPrefix("ь") { return nil }
        return v
      }
    }
    return nil
  }
}

extension Character {
  /// Whether the character is an ASCII digit.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
  /// The string without leading and trailing points (a number cut out of a code).
  fileprivate func trimmingDots() -> String {
    var s = Substring(self)
    while s.first == "." || s.first == "," { s = s.dropFirst() }
    while s.last == "." || s.last == "," { s = s.dropLast() }
    return String(s)
  }
}
