/// Splits a paragraph into sentences: ICU's sentence boundaries for the language, corrected for
/// abbreviations, initials and questions inside a sentence.
///
/// ICU proposes boundaries (UAX #29 with the locale's rules); Termlint adds the ones ICU misses
/// (a sentence that starts with a digit or a word such as *иРНК*, a missing space after a full
/// stop). A proposed boundary after a full stop is dropped when the word before it is an
/// abbreviation of the language (`AbbreviationList`) or an initial, according to the
/// abbreviation's kind and the word that follows; a dropped boundary that only a translation can
/// settle is kept as a weak break. A boundary after `?` or `!` is dropped when the next word
/// starts with a lower-case letter (*«Когда?» — спросил он* is one sentence). Sentences never
/// include the white space around them. Documentation/Alignment.md lists the rules.
///
/// Not thread-safe (it reuses one break iterator); make one per task.
public final class SentenceSegmenter: @unchecked Sendable {
  /// The language whose rules and abbreviations are used.
  public let language: LanguageTag?
  /// The abbreviations used.
  public let abbreviations: AbbreviationList
  private let iterator: BreakIterator

  /// Opens a segmenter for a language (nil: ICU's root rules and no abbreviations).
  ///
  /// - Throws: `ICUError` when ICU cannot open a sentence break iterator.
  public init(language: LanguageTag?, abbreviations: AbbreviationList? = nil) throws {
    self.language = language
    self.abbreviations = abbreviations ?? AbbreviationList.forLanguage(language)
    self.iterator = try BreakIterator(.sentence, locale: language?.language ?? "")
  }

  /// A sentence and the places inside it that could also be sentence breaks.
  public struct Sentence: Sendable, Equatable {
    /// The sentence's UTF-16 range, without surrounding white space.
    public var range: Range<Int>
    /// Offsets (where the next sentence would start) of breaks dropped only because the word
    /// before might be an abbreviation or an initial and a capitalised word follows
    /// (*vitamin D. Large …*, *the U.S. Senate*). The aligner restores one when the translation
    /// has a sentence break there.
    public var weakBreaks: [Int]
  }

  /// Returns the sentences of `text` as UTF-16 ranges, in order, without surrounding white space.
  public func sentences(in text: [UInt16]) -> [Range<Int>] { segment(text).map(\.range) }

  /// Returns the sentences of `text` with their weak breaks.
  public func segment(_ text: [UInt16]) -> [Sentence] {
    var result: [Sentence] = []
    var start = 0
    var weak: [Int] = []
    for b in candidateBoundaries(text) {
      if b < text.count {
        switch judge(text, sentenceStart: start, boundary: b) {
        case .join: continue
        case .weakJoin:
          weak.append(b)
          continue
        case .split: break
        }
      }
      appendTrimmed(text, start..<b, weak: weak, to: &result)
      start = b
      weak = []
    }
    if start < text.count { appendTrimmed(text, start..<text.count, weak: weak, to: &result) }
    return result
  }

  /// Returns the sentences of a string (UTF-16 ranges into it).
  public func sentences(in string: String) -> [Range<Int>] { sentences(in: Array(string.utf16)) }

  /// ICU's boundaries plus three kinds of candidates ICU does not propose; abbreviations and
  /// initials are judged afterwards, for all candidates alike:
  ///
  /// - a word starting with a digit after a full stop and white space (*… в Италии. 11 марта ВОЗ
  ///   …*): ICU's rule for *etc. 5 people* keeps these together when a lower-case word follows;
  /// - a word in lower case that contains a capital after a full stop and white space
  ///   (*… вирусов. иРНК …*, *… sales. iPhone …*);
  /// - a capitalised word glued to the full stop after a lower-case word of three or more
  ///   letters (*… transmission.Many …*), the common missing-space typo.
  private func candidateBoundaries(_ text: [UInt16]) -> [Int] {
    var result = iterator.boundaries(in: text).map(\.offset)
    var extra: [Int] = []
    var k = 1
    while k < text.count - 1 {
      defer { k += 1 }
      guard text[k] == 0x2E, !Chars.isSpace(text[k - 1]) else { continue }
      if Chars.isSpace(text[k + 1]) {
        var next = k + 1
        while next < text.count && Chars.isSpace(text[next]) { next += 1 }
        var word = next
        while word < text.count && Chars.isOpening(text[word]) { word += 1 }
        guard word < text.count else { continue }
        if text[word] >= 0x30 && text[word] <= 0x39 || Chars.isMixedCaseWord(text, at: word) {
          extra.append(next)
        }
      } else if k + 2 < text.count, Chars.isGluedSentenceStart(text, period: k) {
        extra.append(k + 1)
      }
    }
    if !extra.isEmpty {
      result = Array(Set(result + extra)).sorted()
    }
    return result
  }

  private func appendTrimmed(
    _ text: [UInt16], _ range: Range<Int>, weak: [Int], to result: inout [Sentence]
  ) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && Chars.isSpace(text[lower]) { lower += 1 }
    while upper > lower && Chars.isSpace(text[upper - 1]) { upper -= 1 }
    if lower < upper {
      result.append(
        Sentence(range: lower..<upper, weakBreaks: weak.filter { $0 > lower && $0 < upper }))
    }
  }

  // MARK: - Deciding a boundary

  private enum Judgement { case split, join, weakJoin }

  /// Whether the proposed boundary at `boundary` falls inside a sentence.
  private func judge(_ text: [UInt16], sentenceStart: Int, boundary: Int) -> Judgement {
    var end = boundary
    while end > sentenceStart && Chars.isSpace(text[end - 1]) { end -= 1 }
    guard end > sentenceStart else { return .split }
    let next = NextWord(text, from: boundary)
    let last = text[end - 1]
    if last == 0x3F || last == 0x21 || Chars.isClosingQuote(last) {
      // A question or exclamation (possibly quoted) followed by a lower-case word.
      var k = end
      while k > sentenceStart && Chars.isClosingQuote(text[k - 1]) { k -= 1 }
      if k > sentenceStart && (text[k - 1] == 0x3F || text[k - 1] == 0x21 || text[k - 1] == 0x2026)
      {
        return next.kind == .lowercase ? .join : .split
      }
      return .split
    }
    guard last == 0x2E else { return .split }
    let chunks = trailingChunks(text, from: sentenceStart, to: end)
    guard !chunks.isEmpty else { return .split }
    // The longest abbreviation made of the last one to three chunks (`и т. д.` is `т.д.`).
    let words = chunks.map { Chars.nfc(text[$0]) }
    for count in stride(from: words.count, through: 1, by: -1) {
      let key = words.suffix(count).joined()
      // A single capital letter is an initial, not a lower-case abbreviation (`Г.` ≠ `г.`).
      if count == 1 && key.unicodeScalars.count == 2 && Chars.isInitials(key) { break }
      guard var entry = abbreviations.entry(UnicodeProperties.lowercase(key)) else { continue }
      if entry.afterNumber != nil
        && followsNumber(
          text, chunkStart: chunks[chunks.count - count].lowerBound, sentenceStart: sentenceStart)
      {
        entry.kind = entry.afterNumber ?? entry.kind
      }
      if entry.isAlsoAWord, next.kind == .uppercase, let a = words.last?.unicodeScalars.first,
        let b = next.text.unicodeScalars.first,
        UnicodeProperties.script(a) != UnicodeProperties.script(b)
      {
        return .split
      }
      return decide(entry.kind, next: next)
    }
    if let last = words.last, Chars.isInitials(last) {
      // An initial belongs to a name in its own script (*В. Путин*, not *витамины D. Крупные …*).
      if next.kind == .uppercase, let a = last.unicodeScalars.first,
        let b = next.text.unicodeScalars.first,
        UnicodeProperties.script(a) != UnicodeProperties.script(b)
      {
        return .split
      }
      // Several initials in a row are certainly a name (*В. В. Путин*, *J. K. Rowling*).
      let severalInitials =
        last.unicodeScalars.count > 2
        || (words.count >= 2 && Chars.isInitials(words[words.count - 2]))
        || (next.followedByFullStop && next.letters == 1)
      return decide(severalInitials ? .title : .prenominal, next: next)
    }
    return .split
  }

  private func decide(_ kind: AbbreviationList.Kind, next: NextWord) -> Judgement {
    switch (kind, next.kind) {
    case (_, .lowercase), (_, .digit): return .join
    case (.title, .uppercase): return isSentenceStarter(next) ? .split : .join
    case (.prenominal, .uppercase): return isSentenceStarter(next) ? .split : .weakJoin
    default: return .split
    }
  }

  private func isSentenceStarter(_ word: NextWord) -> Bool {
    // An initial (`В.` in `А. В. Суворов`) is never the preposition `В`.
    if word.followedByFullStop && word.letters == 1 { return false }
    return abbreviations.sentenceStarters.contains(UnicodeProperties.lowercase(word.text))
  }

  /// The chunks (runs without white space) ending at `end`, last first kept in order, as long as
  /// each ends with a full stop and holds only letters, full stops and hyphens; at most three.
  private func trailingChunks(_ text: [UInt16], from start: Int, to end: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var e = end
    while chunks.count < 3 && e > start && text[e - 1] == 0x2E {
      var s = e
      while s > start && !Chars.isSpace(text[s - 1]) { s -= 1 }
      var body = s
      while body < e && Chars.isOpening(text[body]) { body += 1 }
      guard body < e - 1,
        text[body..<e].allSatisfy({ Chars.isLetterUnit($0) || $0 == 0x2E || $0 == 0x2D })
      else { break }
      chunks.insert(body..<e, at: 0)
      if body > s { break }  // an opening bracket or quote starts the abbreviation
      e = s
      while e > start && Chars.isSpace(text[e - 1]) { e -= 1 }
    }
    return chunks
  }

  /// Whether the word before `chunkStart` is a number (`2020`, `1990-х`) or a Roman numeral.
  private func followsNumber(_ text: [UInt16], chunkStart: Int, sentenceStart: Int) -> Bool {
    var e = chunkStart
    while e > sentenceStart && Chars.isSpace(text[e - 1]) { e -= 1 }
    if e == chunkStart || e == sentenceStart { return false }
    var s = e
    while s > sentenceStart && !Chars.isSpace(text[s - 1]) { s -= 1 }
    let word = text[s..<e]
    if let first = word.first, first >= 0x30 && first <= 0x39 { return true }
    return word.allSatisfy { "IVXLCDM".utf16.contains($0) }
  }
}

/// The first word after a proposed boundary, after white space and opening brackets or quotes.
private struct NextWord {
  enum Kind { case lowercase, uppercase, digit, other, none }
  var kind: Kind = .none
  var text: String = ""
  var letters = 0
  var followedByFullStop = false

  init(_ text: [UInt16], from start: Int) {
    var k = start
    while k < text.count && (Chars.isSpace(text[k]) || Chars.isOpening(text[k])) { k += 1 }
    guard k < text.count else { return }
    let c = text[k]
    if c >= 0x30 && c <= 0x39 {
      kind = .digit
      return
    }
    guard let scalar = Chars.scalar(text, at: k) else {
      kind = .other
      return
    }
    if UnicodeProperties.isLowercase(scalar) {
      kind = .lowercase
    } else if UnicodeProperties.isUppercase(scalar)
      || UnicodeProperties.generalCategory(scalar) == 3
    {
      kind = .uppercase
    } else if UnicodeProperties.generalCategory(scalar) == 9 {
      kind = .digit
      return
    } else {
      kind = .other
      return
    }
    var e = k
    while e < text.count && (Chars.isLetterUnit(text[e]) || text[e] == 0x2D) { e += 1 }
    self.text = String(utf16Units: text[k..<e])
    letters = self.text.unicodeScalars.count
    followedByFullStop = e < text.count && text[e] == 0x2E
  }
}

/// Character classes on UTF-16 code units used by the segmenter.
package enum Chars {
  /// White space, including NBSP and the narrow and figure spaces.
  package static func isSpace(_ u: UInt16) -> Bool {
    u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || (u >= 0x2000 && u <= 0x200B)
      || u == 0x202F || u == 0x205F || u == 0x3000
  }

  /// Opening brackets and quotes that may precede a word.
  static func isOpening(_ u: UInt16) -> Bool {
    switch u {
    case 0x28, 0x5B, 0x7B, 0x22, 0x27, 0xAB, 0x201C, 0x201E, 0x2018, 0x201A, 0x2039: return true
    default: return false
    }
  }

  /// Closing brackets and quotes that may follow a sentence's final punctuation.
  static func isClosingQuote(_ u: UInt16) -> Bool {
    switch u {
    case 0x29, 0x5D, 0x7D, 0x22, 0x27, 0xBB, 0x201D, 0x2019, 0x203A, 0x201C: return true
    default: return false
    }
  }

  /// Whether a code unit is a letter (surrogates count as letters: they only occur in words here).
  package static func isLetterUnit(_ u: UInt16) -> Bool {
    if u >= 0xD800 && u <= 0xDFFF { return true }
    guard let s = Unicode.Scalar(u) else { return false }
    return UnicodeProperties.has(s, .alphabetic) || UnicodeProperties.generalCategory(s) == 6
  }

  /// The scalar at a UTF-16 offset.
  package static func scalar(_ text: [UInt16], at k: Int) -> Unicode.Scalar? {
    let u = text[k]
    if u >= 0xD800 && u <= 0xDBFF && k + 1 < text.count {
      let v = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(text[k + 1]) - 0xDC00)
      return Unicode.Scalar(v)
    }
    return Unicode.Scalar(u)
  }

  /// Whether the word at `start` begins with a lower-case letter and has a capital later
  /// (*иРНК*, *iPhone*, *mRNA*).
  static func isMixedCaseWord(_ text: [UInt16], at start: Int) -> Bool {
    guard let first = scalar(text, at: start), UnicodeProperties.isLowercase(first) else {
      return false
    }
    var k = start + 1
    while k < text.count && isLetterUnit(text[k]) {
      if let s = scalar(text, at: k), UnicodeProperties.isUppercase(s) { return true }
      k += 1
    }
    return false
  }

  /// Whether the full stop at `period` ends a word of three or more letters with a lower-case
  /// letter in it (*transmission*, *SARS-CoV*) and no other full stop, and is directly followed
  /// by a capital and a lower-case letter.
  static func isGluedSentenceStart(_ text: [UInt16], period: Int) -> Bool {
    guard let next = scalar(text, at: period + 1), UnicodeProperties.isUppercase(next),
      let after = scalar(text, at: period + 2), UnicodeProperties.isLowercase(after)
    else { return false }
    var s = period
    var letters = 0
    var lower = 0
    while s > 0
      && (isLetterUnit(text[s - 1]) || text[s - 1] == 0x2D
        || (text[s - 1] >= 0x30 && text[s - 1] <= 0x39))
    {
      s -= 1
      if isLetterUnit(text[s]) { letters += 1 }
      if let c = scalar(text, at: s), UnicodeProperties.isLowercase(c) { lower += 1 }
    }
    guard letters >= 3, lower > 0 else { return false }
    return s == 0 || isSpace(text[s - 1]) || isOpening(text[s - 1])
  }

  /// The NFC form of a slice, as a string.
  static func nfc(_ units: ArraySlice<UInt16>) -> String {
    String(utf16Units: Normalizer.nfc.normalize(units))
  }

  /// Whether a word (in NFC) is one or more initials: a capital letter and a full stop, repeated.
  static func isInitials(_ word: String) -> Bool {
    let scalars = Array(word.unicodeScalars)
    guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
    for k in stride(from: 0, to: scalars.count, by: 2) {
      guard UnicodeProperties.isUppercase(scalars[k]), scalars[k + 1] == "." else { return false }
    }
    return true
  }
}
