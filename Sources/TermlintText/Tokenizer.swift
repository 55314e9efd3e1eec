/// A word, number or punctuation mark found by ICU's word break iterator.
public struct Token: Sendable, Equatable {
  /// What the token is.
  public enum Kind: UInt8, Sendable {
    case word, number, punctuation
  }

  // NOTE: packed into 8 bytes (a Range<Int> and two enums took 32): a whole document's tokens
  // are kept in memory, about one per five characters of text. `bits` holds the length
  // (29 bits), the kind (2 bits) and `spaceBefore` (the low bit).
  private var start: Int32
  private var bits: UInt32

  /// UTF-16 range in the normalized text the token was found in.
  public var range: Range<Int> {
    get { Int(start)..<(Int(start) + Int(bits >> 3)) }
    set {
      start = Int32(newValue.lowerBound)
      bits = UInt32(newValue.count) << 3 | (bits & 7)
    }
  }

  /// The kind of token.
  public var kind: Kind {
    get { Kind(rawValue: UInt8((bits >> 1) & 3))! }
    set { bits = bits & ~6 | UInt32(newValue.rawValue) << 1 }
  }

  /// Whether white space separates this token from the previous one.
  public var spaceBefore: Bool {
    get { bits & 1 != 0 }
    set { bits = bits & ~1 | (newValue ? 1 : 0) }
  }

  /// Creates a token (offsets below 2^31, length below 2^29).
  public init(range: Range<Int>, kind: Kind, spaceBefore: Bool) {
    start = Int32(range.lowerBound)
    bits = UInt32(range.count) << 3 | UInt32(kind.rawValue) << 1 | (spaceBefore ? 1 : 0)
  }
}

/// Splits normalized text into tokens with ICU word boundaries; white space is not a token.
///
/// Text that is all ASCII (most English paragraphs once quotes are folded) is split by a small
/// scanner that implements ICU's root word-break rules for ASCII exactly (see `asciiTokens`);
/// anything else goes through ICU. Tests check the two agree.
///
/// Not thread-safe (it reuses one break iterator); make one per task.
public final class Tokenizer: @unchecked Sendable {
  private let iterator: BreakIterator
  /// Whether the ASCII scanner may be used (it implements the root locale's rules only).
  private let asciiFastPath: Bool

  /// Opens a word break iterator for `locale` ("" is the root locale).
  public init(locale: String = "") throws {
    iterator = try BreakIterator(.word, locale: locale)
    asciiFastPath = locale.isEmpty
  }

  /// Tokenizes UTF-16 text.
  public func tokens(in units: [UInt16]) -> [Token] {
    if asciiFastPath {
      let ascii = units.withUnsafeBufferPointer { Tokenizer.isASCII($0) }
      if ascii { return units.withUnsafeBufferPointer { Tokenizer.asciiTokens($0) } }
    }
    return icuTokens(in: units)
  }

  static func isASCII(_ text: UnsafeBufferPointer<UInt16>) -> Bool {
    var bits: UInt16 = 0
    for u in text { bits |= u }
    return bits < 0x80
  }

  // Word-break classes of ASCII characters: letters (ICU counts `@` as one), digits, `_`.
  private static let letter: UInt8 = 1, digit: UInt8 = 2, underscore: UInt8 = 3
  private static let asciiClasses: [UInt8] = (0..<128).map { (u: Int) -> UInt8 in
    switch u {
    case 0x41...0x5A, 0x61...0x7A, 0x40: return letter
    case 0x30...0x39: return digit
    case 0x5F: return underscore
    default: return 0
    }
  }

  /// Tokenizes ASCII text exactly as ICU's root word rules (UAX #29 as tailored by ICU 72) do.
  ///
  /// Letters, digits and `_` join (WB5, 8–10, 13a/b); `.` and `'` join two letters (WB6/7; ICU
  /// drops `:` from MidLetter); `,` `;` `.` `'` join two digits (WB11/12). ICU's rule status is
  /// that of the last rule applied, so a run's kind follows its last character: a digit makes a
  /// number (`q1`, `abc123`, `a1.5`), a letter a word (`1a`), `_` a number after a digit and a
  /// word otherwise; a lone `_` is status 0 (a punctuation token). Everything else breaks on
  /// both sides and is white space or punctuation, as in `icuTokens`.
  static func asciiTokens(_ text: UnsafeBufferPointer<UInt16>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(text.count / 5 + 1)
    asciiClasses.withUnsafeBufferPointer { cls in
      let n = text.count
      var i = 0
      var space = false
      while i < n {
        let u = text[i]
        let c = cls[Int(u)]
        if c == 0 {
          if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D {
            space = true
          } else {
            tokens.append(Token(range: i..<(i + 1), kind: .punctuation, spaceBefore: space))
            space = false
          }
          i += 1
          continue
        }
        var status = c == letter ? 200 : c == digit ? 100 : 0
        var k = i + 1
        while k < n {
          let q = cls[Int(text[k])]
          let p = cls[Int(text[k - 1])]
          if q != 0 {
            status = q == letter ? 200 : q == digit ? 100 : (p == digit ? 100 : 200)
            k += 1
            continue
          }
          if k + 1 < n {
            let m = text[k]
            let r = cls[Int(text[k + 1])]
            if p == letter && r == letter && (m == 0x2E || m == 0x27) {
              status = 200
              k += 2
              continue
            }
            if p == digit && r == digit && (m == 0x2C || m == 0x3B || m == 0x2E || m == 0x27) {
              status = 100
              k += 2
              continue
            }
          }
          break
        }
        if status >= 100 {
          tokens.append(
            Token(range: i..<k, kind: status < 200 ? .number : .word, spaceBefore: space))
        } else {
          // A lone "_".
          tokens.append(Token(range: i..<k, kind: .punctuation, spaceBefore: space))
        }
        space = false
        i = k
      }
    }
    return tokens
  }

  /// Tokenizes UTF-16 text with ICU (every text; `tokens(in:)` uses it for non-ASCII text).
  func icuTokens(in units: [UInt16]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(units.count / 5 + 1)
    units.withUnsafeBufferPointer { text in
      var start = 0
      var space = false
      iterator.forEachBoundary(in: text) { end, status in
        defer { start = end }
        if status >= 100 {
          tokens.append(
            Token(range: start..<end, kind: status < 200 ? .number : .word, spaceBefore: space))
          space = false
          return
        }
        // Status 0–99: spaces and punctuation; ICU returns each punctuation mark on its own.
        var k = start
        while k < end {
          let u = text[k]
          if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0
            || (u >= 0x2000 && u <= 0x200A) || u == 0x3000 || u == 0x202F || u == 0x205F
          {
            space = true
            k += 1
            continue
          }
          var w = 1
          if u >= 0xD800 && u <= 0xDBFF && k + 1 < end { w = 2 }
          tokens.append(Token(range: k..<(k + w), kind: .punctuation, spaceBefore: space))
          space = false
          k += w
        }
      }
    }
    return tokens
  }
}
