import CICUShim

/// Locale-aware string ordering backed by ICU's `ucol` (the system ICU).
///
/// Open one collator per locale and reuse it; comparisons do not change it, so one instance may
/// be shared by tasks that only compare (ICU documents `ucol_strcoll` as safe on a collator that
/// is no longer being configured).
public final class Collator: @unchecked Sendable {
  private let handle: UnsafeMutableRawPointer
  /// The locale it was opened for (`ru`, `en`; `""` is the root collation).
  public let locale: String

  /// Opens a collator for a locale (`ru` sorts Cyrillic in Russian alphabetical order, with *ё*
  /// after *е*; the root locale sorts by the Unicode default order).
  ///
  /// - Throws: `ICUError` when ICU cannot open it.
  public init(locale: String) throws {
    var status: Int32 = 0
    guard let handle = tl_coll_open(locale, &status), status <= 0 else {
      throw ICUError(code: status > 0 ? status : 1, operation: "open collator for '\(locale)'")
    }
    self.handle = handle
    self.locale = locale
  }

  /// Opens a collator for a language tag (its primary subtag), or the root collation for nil.
  ///
  /// - Throws: `ICUError` when ICU cannot open it.
  public convenience init(language: LanguageTag?) throws {
    try self.init(locale: language?.language ?? "")
  }

  deinit { tl_coll_close(handle) }

  /// Compares two strings: negative, zero or positive as `a` sorts before, equal to, or after `b`.
  public func compare(_ a: String, _ b: String) -> Int {
    let ua = Array(a.utf16)
    let ub = Array(b.utf16)
    return ua.withUnsafeBufferPointer { pa in
      ub.withUnsafeBufferPointer { pb in
        Int(
          tl_coll_compare(handle, pa.baseAddress, Int32(pa.count), pb.baseAddress, Int32(pb.count)))
      }
    }
  }

  /// The binary sort key of a string: comparing keys bytewise orders strings as `compare` does.
  public func sortKey(_ string: String) -> [UInt8] {
    let units = Array(string.utf16)
    return units.withUnsafeBufferPointer { text -> [UInt8] in
      var capacity = max(16, text.count * 4 + 8)
      while true {
        var key = [UInt8](repeating: 0, count: capacity)
        let length = key.withUnsafeMutableBufferPointer { dest in
          Int(
            tl_coll_sort_key(
              handle, text.baseAddress, Int32(text.count), dest.baseAddress, Int32(capacity)))
        }
        if length <= capacity { return Array(key.prefix(max(0, length))) }
        capacity = length
      }
    }
  }
}
