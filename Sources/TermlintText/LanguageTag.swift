import Foundation

/// A BCP 47 language tag, normalised for comparison (`ru_RU`, `RU-ru` → `ru-RU`).
public struct LanguageTag: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
  /// The tag in canonical case: language lower-case, region upper-case, script title-case.
  public let value: String

  /// Parses and normalises a tag; returns nil for text that is not a plausible BCP 47 tag.
  public init?(_ raw: String) {
    // Fast path for the usual case, a bare language subtag already in canonical case (`en`,
    // `ru`): glossaries give one per term, and the general path below goes through Foundation.
    let bytes = raw.utf8
    if (2...8).contains(bytes.count) && bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
      value = raw
      return
    }
    let parts = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
      .split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, (2...8).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    var out = [first.lowercased()]
    for part in parts.dropFirst() {
      guard !part.isEmpty, part.count <= 8,
        part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else { return nil }
      if part.count == 2 && part.allSatisfy(\.isLetter) {
        out.append(part.uppercased())
      } else if part.count == 4 && part.allSatisfy(\.isLetter) {
        out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
      } else {
        out.append(part.lowercased())
      }
    }
    value = out.joined(separator: "-")
  }

  /// The primary language subtag, e.g. `ru` for `ru-RU`.
  public var language: String { String(value.prefix { $0 != "-" }) }

  /// Whether two tags name the same language (primary subtags equal).
  public func matches(_ other: LanguageTag) -> Bool {
    // Compares the primary subtags in place (called per glossary entry and term hit).
    value.utf8.prefix { $0 != 0x2D }.elementsEqual(other.value.utf8.prefix { $0 != 0x2D })
  }

  public var description: String { value }

  public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.value < b.value }

  public init(from decoder: Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let tag = LanguageTag(raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "invalid language tag '\(raw)'"))
    }
    self = tag
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
