import CICUShim

/// Character properties and case mappings from the system ICU.
public enum UnicodeProperties {
  /// Binary properties Termlint asks about.
  public enum Property: Int32, Sendable {
    case alphabetic = 0
    case whiteSpace
    case defaultIgnorable
    case bidiControl
    case uppercase
    case lowercase
    case dash
    case quotationMark
    case joinControl
    case diacritic
    case extendedPictographic
    case variationSelector
  }

  /// Returns whether `scalar` has the binary property.
  @inline(__always)
  public static func has(_ scalar: Unicode.Scalar, _ property: Property) -> Bool {
    tl_char_has_property(Int32(scalar.value), property.rawValue) == 1
  }

  /// Returns whether a UTF-16 code point (possibly a surrogate pair value) has the property.
  @inline(__always)
  public static func has(codePoint: UInt32, _ property: Property) -> Bool {
    tl_char_has_property(Int32(bitPattern: codePoint), property.rawValue) == 1
  }

  /// ICU's general category number (UCharCategory): 1 Lu, 2 Ll, 3 Lt, 6 Mn, 8 Me, 16 Cf, 15 Cc …
  public static func generalCategory(_ scalar: Unicode.Scalar) -> Int32 {
    tl_char_category(Int32(scalar.value))
  }

  /// The Unicode name of a code point ("ZERO WIDTH SPACE"), nil for unnamed ones (controls).
  public static func name(_ scalar: Unicode.Scalar) -> String? {
    var buffer = [CChar](repeating: 0, count: 128)
    let n = tl_char_name(Int32(scalar.value), &buffer, Int32(buffer.count))
    guard n > 0 else { return nil }
    return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The Script property of a scalar, as ICU's UScriptCode number.
  public static func script(_ scalar: Unicode.Scalar) -> Int32 {
    tl_char_script(Int32(scalar.value))
  }

  /// The short name of a script code, e.g. "Cyrl", "Latn", "Zyyy".
  public static func scriptName(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 16)
    let n = tl_script_short_name(code, &buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Script codes used by rules.
  public enum Script {
    /// Common (punctuation, digits).
    public static let common: Int32 = 0
    /// Inherited (combining marks).
    public static let inherited: Int32 = 1
    /// Cyrillic.
    public static let cyrillic: Int32 = 8
    /// Greek.
    public static let greek: Int32 = 14
    /// Latin.
    public static let latin: Int32 = 25
  }

  /// Full case folding (ICU default) of a string.
  public static func foldCase(_ string: String) -> String {
    caseMapped(string, operation: "fold case") { src, count, dest, cap, status in
      tl_str_fold_case(src, count, dest, cap, &status)
    }
  }

  /// Full upper-casing for a locale (empty: root locale).
  public static func uppercase(_ string: String, locale: String = "") -> String {
    caseMapped(string, operation: "upper-case") { src, count, dest, cap, status in
      tl_str_to_upper(src, count, locale, dest, cap, &status)
    }
  }

  /// Full lower-casing for a locale (empty: root locale).
  public static func lowercase(_ string: String, locale: String = "") -> String {
    caseMapped(string, operation: "lower-case") { src, count, dest, cap, status in
      tl_str_to_lower(src, count, locale, dest, cap, &status)
    }
  }

  /// Runs one of the shim's case mappings over `string` with a buffer that grows as ICU asks;
  /// the string unchanged if ICU fails.
  private static func caseMapped(
    _ string: String, operation: String,
    _ map: (
      _ src: UnsafePointer<UInt16>?, _ count: Int32, _ dest: UnsafeMutablePointer<UInt16>,
      _ capacity: Int32, _ status: inout Int32
    ) -> Int32
  ) -> String {
    let units = Array(string.utf16)
    let mapped = try? units.withUnsafeBufferPointer { src in
      try ICU.withGrowingBuffer(capacity: src.count + 8, operation: operation) {
        dest, cap, status in
        map(src.baseAddress, Int32(src.count), dest, cap, &status)
      }
    }
    return mapped.map { String(utf16Units: $0) } ?? string
  }

  /// Returns whether the scalar is an upper-case letter (ICU's Uppercase property).
  public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { has(scalar, .uppercase) }
  /// Returns whether the scalar is a lower-case letter (ICU's Lowercase property).
  public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { has(scalar, .lowercase) }
}
