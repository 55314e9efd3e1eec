import CICUShim

/// A compiled ICU regular expression (`uregex`), shareable across tasks.
///
/// The compiled pattern is immutable; every search runs on a `Matcher`, a clone that one task
/// owns (`uregex_clone` shares the compiled pattern, so a clone is cheap).
public final class ICURegex: @unchecked Sendable {
  /// Compile flags (ICU's `URegexpFlag`).
  public struct Options: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Case-insensitive matching (full Unicode case folding).
    public static let caseInsensitive = Options(rawValue: UInt32(TL_REGEX_CASE_INSENSITIVE))
    /// White space and `#` comments in the pattern are ignored.
    public static let comments = Options(rawValue: UInt32(TL_REGEX_COMMENTS))
    /// `.` also matches line ends.
    public static let dotAll = Options(rawValue: UInt32(TL_REGEX_DOTALL))
    /// `^` and `$` match at line ends too.
    public static let multiline = Options(rawValue: UInt32(TL_REGEX_MULTILINE))
    /// `\b` uses Unicode word boundaries (UAX #29) instead of the simple definition.
    public static let unicodeWordBoundaries = Options(rawValue: UInt32(TL_REGEX_UWORD))
  }

  /// A pattern ICU cannot compile.
  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    /// ICU's error name, e.g. `U_REGEX_MISMATCHED_PAREN`.
    public let name: String
    /// 1-based line in the pattern, when ICU reports one.
    public let line: Int?
    /// 1-based offset of the error in that line (or in the pattern), when ICU reports one.
    public let offset: Int?

    public var description: String {
      let readable = name.replacingOccurrences(of: "U_REGEX_", with: "").replacingOccurrences(
        of: "U_", with: ""
      )
      .lowercased().replacingOccurrences(of: "_", with: " ")
      return offset.map { "\(readable) at character \($0)" } ?? readable
    }
  }

  /// A search that stopped before the end of the text.
  public enum MatchError: Error, Sendable {
    /// The time limit was reached (a pattern with catastrophic backtracking).
    case timeLimitExceeded
    /// ICU failed for another reason.
    case failed(ICUError)
  }

  /// ICU's `U_REGEX_TIME_OUT`.
  static let timeOutStatus: Int32 = 66321

  /// The pattern as written.
  public let pattern: String
  /// The compile flags.
  public let options: Options
  private let handle: UnsafeMutableRawPointer

  /// Compiles a pattern.
  ///
  /// - Throws: `SyntaxError` when the pattern is not valid ICU regular-expression syntax.
  public init(_ pattern: String, options: Options = []) throws {
    let units = Array(pattern.utf16)
    var errorLine: Int32 = 0
    var errorOffset: Int32 = 0
    var status: Int32 = 0
    let handle = units.withUnsafeBufferPointer {
      tl_regex_open(
        $0.baseAddress, Int32($0.count), options.rawValue, &errorLine, &errorOffset, &status)
    }
    guard let handle, status <= 0 else {
      if let handle { tl_regex_close(handle) }
      throw SyntaxError(
        name: String(cString: tl_icu_error_name(status)),
        line: errorLine >= 1 ? Int(errorLine) : nil,
        offset: errorOffset >= 0 ? Int(errorOffset) + 1 : nil)
    }
    self.handle = handle
    self.pattern = pattern
    self.options = options
  }

  deinit { tl_regex_close(handle) }

  /// Returns a matcher for one task.
  ///
  /// - Throws: `ICUError` when ICU cannot clone the pattern (out of memory).
  public func matcher() throws -> Matcher {
    var status: Int32 = 0
    guard let clone = tl_regex_clone(handle, &status), status <= 0 else {
      throw ICUError(code: status, operation: "clone regular expression")
    }
    return Matcher(handle: clone)
  }

  /// Escapes a literal string so that it matches itself (`\Q…\E` with any `\E` split).
  public static func escape(_ literal: String) -> String {
    "\\Q" + literal.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
  }

  /// Runs searches with one clone of a pattern; not thread-safe, one per task.
  public final class Matcher {
    private let handle: UnsafeMutableRawPointer

    fileprivate init(handle: UnsafeMutableRawPointer) { self.handle = handle }

    deinit { tl_regex_close(handle) }

    /// Every non-overlapping match in `text`, as UTF-16 ranges.
    ///
    /// - Parameter timeLimit: ICU's time limit in steps of roughly a millisecond (0: none).
    /// - Throws: `MatchError.timeLimitExceeded` when the search takes longer.
    public func matches(in text: [UInt16], timeLimit: Int32 = 2000) throws -> [Range<Int>] {
      var result: [Range<Int>] = []
      var failure: Int32 = 0
      if text.isEmpty { return [] }
      text.withUnsafeBufferPointer { buffer in
        var status: Int32 = 0
        // NOTE: ICU keeps a pointer to the text and reads it only during the searches below; the
        // next call sets a new text before any search.
        tl_regex_set_text(handle, buffer.baseAddress, Int32(buffer.count), timeLimit, &status)
        if status > 0 {
          failure = status
          return
        }
        var start: Int32 = 0
        var end: Int32 = 0
        while true {
          status = 0
          let found = tl_regex_find_next(handle, &start, &end, &status)
          if status > 0 {
            failure = status
            break
          }
          if found == 0 { break }
          if end > start { result.append(Int(start)..<Int(end)) }
        }
      }
      if failure == ICURegex.timeOutStatus { throw MatchError.timeLimitExceeded }
      if failure > 0 {
        throw MatchError.failed(ICUError(code: failure, operation: "regular expression search"))
      }
      return result
    }
  }
}
