import CICUShim

/// A reusable ICU break iterator (word or sentence boundaries) for one locale.
///
/// An instance is not thread-safe; `copy()` makes an independent one for another task.
public final class BreakIterator: @unchecked Sendable {
  /// The kind of boundaries to find.
  public enum Kind: Int32, Sendable {
    case character = 0
    case word = 1
    case line = 2
    case sentence = 3
  }

  /// A boundary with ICU's rule status for the segment that ends there.
  public struct Boundary: Sendable, Equatable {
    /// UTF-16 offset of the boundary.
    public var offset: Int
    /// ICU rule status (word kinds: 0–99 none, 100–199 number, 200–299 letter, 300+ kana/ideo).
    public var ruleStatus: Int32
  }

  private let handle: UnsafeMutableRawPointer
  private var boundaries: [Int32] = []
  private var statuses: [Int32] = []
  /// The kind of this iterator.
  public let kind: Kind
  /// The locale it was opened for.
  public let locale: String

  /// Opens an iterator for `kind` and `locale` ("" is the root locale).
  public init(_ kind: Kind, locale: String = "") throws {
    var status: Int32 = 0
    guard let handle = tl_brk_open(kind.rawValue, locale, &status) else {
      throw ICUError(code: status, operation: "open break iterator")
    }
    self.handle = handle
    self.kind = kind
    self.locale = locale
  }

  private init(cloning other: BreakIterator) throws {
    var status: Int32 = 0
    guard let handle = tl_brk_clone(other.handle, &status) else {
      throw ICUError(code: status, operation: "clone break iterator")
    }
    self.handle = handle
    self.kind = other.kind
    self.locale = other.locale
  }

  deinit { tl_brk_close(handle) }

  /// Returns an independent iterator with the same rules.
  public func copy() throws -> BreakIterator { try BreakIterator(cloning: self) }

  /// Calls `body` for every boundary after the start of `text` (the last is `text.count`).
  public func forEachBoundary(
    in text: UnsafeBufferPointer<UInt16>, _ body: (_ offset: Int, _ ruleStatus: Int32) -> Void
  ) {
    if text.isEmpty { return }
    let guess = max(16, text.count / 3 + 4)
    if boundaries.count < guess {
      boundaries = [Int32](repeating: 0, count: guess)
      statuses = [Int32](repeating: 0, count: guess)
    }
    var status: Int32 = 0
    var n = run(text, &status)
    if n > Int32(boundaries.count) {
      boundaries = [Int32](repeating: 0, count: Int(n) + 1)
      statuses = [Int32](repeating: 0, count: Int(n) + 1)
      n = run(text, &status)
    }
    if status > 0 && status != ICU.bufferOverflow {
      body(text.count, 0)
      return
    }
    for i in 0..<Int(n) { body(Int(boundaries[i]), statuses[i]) }
  }

  private func run(_ text: UnsafeBufferPointer<UInt16>, _ status: inout Int32) -> Int32 {
    let capacity = Int32(boundaries.count)
    return boundaries.withUnsafeMutableBufferPointer { b in
      statuses.withUnsafeMutableBufferPointer { s in
        tl_brk_boundaries(
          handle, text.baseAddress, Int32(text.count), b.baseAddress, s.baseAddress, capacity,
          &status)
      }
    }
  }

  /// Returns every boundary of `text` after its start.
  public func boundaries(in text: [UInt16]) -> [Boundary] {
    var result: [Boundary] = []
    text.withUnsafeBufferPointer { buffer in
      forEachBoundary(in: buffer) { result.append(Boundary(offset: $0, ruleStatus: $1)) }
    }
    return result
  }
}
