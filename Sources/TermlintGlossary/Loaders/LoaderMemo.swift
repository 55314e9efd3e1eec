import Foundation
import TermlintText

/// Per-load memo of the small values every term of a glossary repeats: its language tag and its
/// status. A 100,000-concept glossary spells `ru`, `en` and `preferredTerm-admn-sts` hundreds of
/// thousands of times, and `LanguageTag.init` and `TermStatus.parse` go through Foundation
/// (trimming, replacing, lower-casing) on every call; both are pure functions of their text, so
/// the memo returns exactly what they would.
///
/// One memo per load (not shared across threads).
struct LoaderMemo {
  private var tags: [String: LanguageTag?] = [:]
  private var statuses: [String: TermStatus?] = [:]
  private static let limit = 4096

  /// `LanguageTag(raw)`, memoized.
  mutating func languageTag(_ raw: String) -> LanguageTag? {
    if let known = tags[raw] { return known }
    let tag = LanguageTag(raw)
    if tags.count < LoaderMemo.limit { tags[raw] = tag }
    return tag
  }

  private var nearMisses: [String: String?] = [:]

  /// The name of `candidates` that `name` is a near miss of (`TBXNames.nearMiss`), memoized:
  /// an unknown element repeats in every concept.
  mutating func nearMiss(_ name: String, of candidates: [String]) -> String? {
    let key = "\(candidates.count) \(name)"
    if let known = nearMisses[key] { return known }
    let found = TBXNames.nearMiss(name, of: candidates)
    if nearMisses.count < LoaderMemo.limit { nearMisses[key] = found }
    return found
  }

  /// `TermStatus.parse(raw)`, memoized.
  mutating func status(_ raw: String) -> TermStatus? {
    if let known = statuses[raw] { return known }
    let status = TermStatus.parse(raw)
    if statuses.count < LoaderMemo.limit { statuses[raw] = status }
    return status
  }
}

extension String {
  /// Whether the string starts and ends with a printable ASCII character (not a space): such a
  /// string has nothing to trim for any notion of white space, so the trimming functions can
  /// return it unchanged without going through Foundation.
  var hasNoEdgeWhitespace: Bool {
    guard let first = utf8.first, let last = utf8.last else { return false }
    return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
  }

  /// `trimmingCharacters(in: .whitespaces)` with a fast path for strings with nothing to trim.
  var trimmedOfSpaces: String {
    hasNoEdgeWhitespace ? self : trimmingCharacters(in: .whitespaces)
  }
}
