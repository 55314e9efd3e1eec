import TermlintGlossary
import TermlintText

/// How a segment ends and begins, as the bilingual checks `punctuation-mismatch` and
/// `case-mismatch` compare them: the final punctuation (with each script's full stops and
/// question marks, a closing quote or bracket after or before the stop, an ellipsis written
/// three ways) and the case of the first letter.
enum SegmentEdges {
  /// The kind of a segment's final punctuation.
  enum Ending: String, Sendable {
    case fullStop = "a full stop"
    case question = "a question mark"
    case exclamation = "an exclamation mark"
    case colon = "a colon"
    case semicolon = "a semicolon"
    case ellipsis = "an ellipsis"
    case none = "no final punctuation"
  }

  /// A segment's end: its kind, the text range of the punctuation (empty for `.none`) and the
  /// range of the last word, where a missing stop is reported.
  struct End {
    let ending: Ending
    let punctuation: Range<Int>
    let lastWord: Range<Int>
  }

  /// Languages written without sentence-final punctuation of this kind (Thai, Lao, Khmer,
  /// Burmese use spaces or their own signs): their endings are not compared.
  static let languagesWithoutStops: Set<String> = ["th", "lo", "km", "my"]

  /// The final punctuation a code unit stands for, nil when it is none. Greek writes the
  /// question mark as `;`.
  static func mark(_ u: UInt16, greek: Bool) -> Ending? {
    switch u {
    case 0x2E, 0x3002, 0xFF0E, 0xFF61, 0x0589, 0x06D4, 0x0964, 0x0965: return .fullStop
    case 0x3F, 0xFF1F, 0x061F, 0x055E, 0x037E, 0x2047, 0x2048, 0x2049: return .question
    case 0x3B: return greek ? .question : .semicolon
    case 0x21, 0xFF01, 0x055C, 0x203C: return .exclamation
    case 0x3A, 0xFF1A: return .colon
    case 0xFF1B, 0x061B: return .semicolon
    case 0x2026, 0x22EF: return .ellipsis
    default: return nil
    }
  }

  /// Closing quotes and brackets a sentence may end with, before or after its stop.
  static let closers: Set<UInt16> = Typography.closers.union([
    0x300D, 0x300F, 0xFF09, 0xFF3D, 0x3011, 0x201C, 0x2018, 0x201F,
  ])

  /// Words that end in a full stop that is part of the word, not the end of a sentence, by
  /// language (case-folded, without the final stop). A single letter is always one (an
  /// initial, *г.*, *т. д.*).
  static let abbreviations: [String: Set<String>] = [
    "en": [
      "etc", "inc", "ltd", "co", "corp", "approx", "vs", "no", "nos", "jr", "sr", "dr", "mr", "mrs",
      "ms", "st", "fig", "vol", "ed", "al", "cf", "resp", "incl", "excl", "min", "max", "esp",
      "dept", "est",
    ],
    "ru": [
      "гг", "тыс", "млн", "млрд", "трлн", "руб", "коп", "долл", "др", "пр", "см", "ср", "стр", "им",
      "ул", "пл", "обл", "ред", "изд", "англ", "нем", "франц", "лат", "напр", "мин", "макс", "сек",
      "ч", "тт", "шт", "кв", "км", "млн", "пос", "просп", "ок",
    ],
  ]

  /// The end of a text, nil when it cannot be judged: the text ends with an inline code, a
  /// symbol, a placeholder-like character, or an abbreviation's full stop.
  static func end(of text: UnitText, language: String) -> End? {
    let u = text.units
    let greek = language == "el"
    var end = u.count
    func skipSpaces() { while end > 0 && TextScan.isSpace(u[end - 1]) { end -= 1 } }
    var marks: [Range<Int>] = []
    var kinds: [Ending] = []
    // Punctuation after the closers, the closers, punctuation before them («Зачем?». / “Why?”).
    var rounds = 0
    while rounds < 4 {
      rounds += 1
      skipSpaces()
      let runEnd = end
      var dots = 0
      while end > 0 {
        if let m = mark(u[end - 1], greek: greek) {
          kinds.append(m)
          if u[end - 1] == 0x2E { dots += 1 }
          end -= 1
        } else if end > 1 && TextScan.isSpace(u[end - 1]) && u[end - 2] == 0x2E && dots > 0 {
          end -= 1  // ". . ."
        } else {
          break
        }
      }
      if dots >= 2 { kinds.append(.ellipsis) }
      if end < runEnd { marks.append(end..<runEnd) }
      skipSpaces()
      let closersEnd = end
      while end > 0 && closers.contains(u[end - 1]) { end -= 1 }
      if end == closersEnd { break }
    }
    skipSpaces()
    guard end > 0 else { return nil }
    // Punctuation on a line of its own (a reStructuredText underline, a separator) is layout.
    if let first = marks.last,
      u[end..<first.lowerBound].contains(where: { $0 == 0x0A || $0 == 0x0D })
    {
      return nil
    }
    // What precedes the punctuation must be a word or a number: an inline code, a symbol or a
    // placeholder's brace leaves the end undecided.
    let (last, lastStart) = text.scalar(before: end)!
    guard Typography.isLetterOrDigit(last) else { return nil }
    var wordStart = lastStart
    while let (s, p) = text.scalar(before: wordStart), Typography.isLetterOrDigit(s) || s == "." {
      wordStart = p
    }
    while wordStart < end && u[wordStart] == 0x2E { wordStart += 1 }
    let lastWord = wordStart..<end
    let punctuation = marks.isEmpty ? end..<end : marks.last!.lowerBound..<marks.first!.upperBound
    let ending: Ending
    if kinds.contains(.question) {
      ending = .question
    } else if kinds.contains(.exclamation) {
      ending = .exclamation
    } else if kinds.contains(.ellipsis) {
      ending = .ellipsis
    } else if kinds.contains(.fullStop) {
      // An abbreviation's stop (etc., г., т. д., e.g.) is part of the word.
      let word = text.string(lastWord).lowercased()
      if word.unicodeScalars.count == 1 && !Typography.isDigit(last) { return nil }
      if word.contains(".") { return nil }
      if abbreviations[language]?.contains(word) == true { return nil }
      ending = .fullStop
    } else if kinds.contains(.colon) {
      ending = .colon
    } else if kinds.contains(.semicolon) {
      ending = .semicolon
    } else {
      ending = .none
    }
    return End(ending: ending, punctuation: punctuation, lastWord: lastWord)
  }

  /// The display of an ending's punctuation for messages.
  static func display(_ end: End, in text: UnitText) -> String {
    end.ending == .none ? "" : text.string(end.punctuation).filter { !$0.isWhitespace || $0 == " " }
  }
}

// MARK: - First letter

extension SegmentEdges {
  /// The case of a segment's first letter.
  enum LetterCase: String, Sendable {
    case upper = "an upper-case"
    case lower = "a lower-case"
  }

  /// A segment's first word and the case of its first letter.
  struct Start {
    let letterCase: LetterCase
    /// The text range of the first word.
    let word: Range<Int>
    /// The first word as written.
    let text: String
  }

  /// Leading characters skipped before the first word: opening quotes and brackets, dashes,
  /// bullets, Spanish ¿ ¡, and the mnemonic markers `&` and `_` of menu labels.
  static let leaders: Set<UInt16> = Typography.openers.subtracting([0x7B]).union([
    0x2D, 0x2013, 0x2014, 0x2022, 0x2023, 0x00BF, 0x00A1, 0x26, 0x5F, 0x2A, 0x300C, 0x300E, 0xFF08,
  ])

  /// The start of a text, nil when its first letter has no case, or the text does not start
  /// with a word (a number, a placeholder, an inline code, a symbol), or the first word is not
  /// an ordinary word whose case is a choice (an acronym *NATO*, a brand *iPhone*, an
  /// identifier *file_name*).
  static func start(of text: UnitText) -> Start? {
    let u = text.units
    let tags = ProseMask.tags(in: text)
    var i = 0
    while i < u.count {
      if ProseMask.contains(tags, i) {
        i = tags.first { $0.contains(i) }!.upperBound
        continue
      }
      if TextScan.isSpace(u[i]) || leaders.contains(u[i]) {
        i += 1
        continue
      }
      break
    }
    guard i < u.count else { return nil }
    var end = i
    var uppers = 0
    var lowers = 0
    var letters = 0
    var firstCase: LetterCase?
    while end < u.count {
      let (s, w) = text.scalar(at: end)
      if Typography.isLetter(s) {
        let upper =
          UnicodeProperties.has(s, .uppercase) || UnicodeProperties.generalCategory(s) == 3
        let lower = UnicodeProperties.has(s, .lowercase)
        if letters == 0 {
          guard upper || lower else { return nil }
          firstCase = upper ? .upper : .lower
        } else {
          if upper { uppers += 1 }
          if lower { lowers += 1 }
        }
        letters += 1
        end += w
        continue
      }
      // An apostrophe or hyphen inside a word (don't, well-known).
      if s == "'" || s == "\u{2019}" || s == "-", end + w < u.count,
        Typography.isLetter(text.scalar(at: end + w).0), letters > 0
      {
        end += w
        continue
      }
      // A word glued to digits, underscores, dots or slashes is an identifier or a code.
      if Typography.isDigit(s) || s == "_" || s == "/" || s == "\\" || s == "@" || s == "%"
        || s == "$" || s == "{" || s == "<" || s == "="
      {
        return nil
      }
      if s == ".", end + w < u.count, Typography.isLetter(text.scalar(at: end + w).0) { return nil }
      break
    }
    guard let firstCase, letters > 0 else { return nil }
    // An acronym (NATO, PDF) or a word with inner capitals (iPhone, macOS, PostgreSQL).
    if uppers > 0 { return nil }
    // an initial
    if letters == 1 && firstCase == .upper && end < u.count && u[end] == 0x2E { return nil }
    return Start(letterCase: firstCase, word: i..<end, text: text.string(i..<end))
  }
}
