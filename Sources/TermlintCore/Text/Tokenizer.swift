/// A word, number or punctuation mark found by ICU's word break iterator.
public struct Token: Sendable, Equatable {
  /// What the token is.
  public enum Kind: UInt8, Sendable {
    case word, number, punctuation
  }

  // NOTE: stored as 32-bit offsets (12 bytes a token instead of 32): a whole document's tokens
  // are kept in memory, about one per five characters of text.
  private var start: Int32
  private var end: Int32
  /// The kind of token.
  public var kind: Kind
  /// Whether white space separates this token from the previous one.
  public var spaceBefore: Bool

  /// UTF-16 range in the normalized text the token was found in.
  public var range: Range<Int> {
    get { Int(start)..<Int(end) }
    set {
      start = Int32(newValue.lowerBound)
      end = Int32(newValue.upperBound)
    }
  }

  /// Creates a token (offsets must be below 2^31).
  public init(range: Range<Int>, kind: Kind, spaceBefore: Bool) {
    start = Int32(range.lowerBound)
    end = Int32(range.upperBound)
    self.kind = kind
    self.spaceBefore = spaceBefore
  }
}

/// Splits normalized text into tokens with ICU word boundaries; white space is not a token.
///
/// Not thread-safe (it reuses one break iterator); make one per task.
public final class Tokenizer: @unchecked Sendable {
  private let iterator: BreakIterator

  /// Opens a word break iterator for `locale` ("" is the root locale).
  public init(locale: String = "") throws {
    iterator = try BreakIterator(.word, locale: locale)
  }

  /// Tokenizes UTF-16 text.
  public func tokens(in units: [UInt16]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(units.count / 5 + 1)
    units.withUnsafeBufferPointer { text in
      var start = 0
      var space = false
      iterator.forEachBoundary(in: text) { end, status in
        defer { start = end }
        if status >= 100 {
          tokens.append(Token(range: start..<end, kind: status < 200 ? .number : .word, spaceBefore: space))
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
