import CICUShim

/// A Unicode normalizer backed by ICU's `unorm2` (the system ICU, never Foundation's copy).
///
/// ICU's normalizer instances are immutable singletons, safe to share across threads.
public struct Normalizer: @unchecked Sendable {
  /// The normalization forms Termlint uses.
  public enum Form: Int32, Sendable, CaseIterable {
    case nfc = 0
    case nfd = 1
    case nfkc = 2
    case nfkd = 3
    case nfkcCasefold = 4
  }

  /// The form this normalizer produces.
  public let form: Form
  let handle: UnsafeRawPointer

  /// Shared NFC normalizer (display form).
  public static let nfc = Normalizer(uncheckedForm: .nfc)
  /// Shared NFD normalizer.
  public static let nfd = Normalizer(uncheckedForm: .nfd)
  /// Shared NFKC normalizer.
  public static let nfkc = Normalizer(uncheckedForm: .nfkc)
  /// Shared NFKC_Casefold normalizer (matching form).
  public static let nfkcCasefold = Normalizer(uncheckedForm: .nfkcCasefold)

  /// Returns the shared normalizer for `form`.
  public static func shared(_ form: Form) -> Normalizer {
    switch form {
    case .nfc: return .nfc
    case .nfd: return .nfd
    case .nfkc: return .nfkc
    case .nfkd: return Normalizer(uncheckedForm: .nfkd)
    case .nfkcCasefold: return .nfkcCasefold
    }
  }

  private init(uncheckedForm form: Form) {
    var status: Int32 = 0
    guard let handle = tl_norm_instance(form.rawValue, &status) else {
      // NOTE: ICU's built-in normalization data ships inside libicuuc; failing to load it means
      // the installation is broken and nothing in Termlint could work.
      fatalError("ICU normalizer \(form) unavailable: status \(status)")
    }
    self.form = form
    self.handle = handle
  }

  /// Normalizes UTF-16 code units.
  public func normalize(_ units: some Collection<UInt16>) -> [UInt16] {
    let source = Array(units)
    if source.isEmpty { return [] }
    let result = try? source.withUnsafeBufferPointer { src in
      try ICU.withGrowingBuffer(capacity: src.count + src.count / 2 + 4, operation: "normalize") {
        dest, capacity, status in
        tl_norm_normalize(handle, src.baseAddress, Int32(src.count), dest, capacity, &status)
      }
    }
    // NOTE: unorm2_normalize fails only on invalid arguments; ill-formed UTF-16 is passed through.
    return result ?? source
  }

  /// Normalizes a string.
  public func normalize(_ string: String) -> String {
    String(decoding: normalize(Array(string.utf16)), as: UTF16.self)
  }

  /// Returns whether the UTF-16 text is already in this normalizer's form.
  public func isNormalized(_ units: [UInt16]) -> Bool {
    var status: Int32 = 0
    let yes = units.withUnsafeBufferPointer {
      tl_norm_is_normalized(handle, $0.baseAddress, Int32($0.count), &status)
    }
    return yes == 1 && status <= 0
  }

  /// Returns whether the string is already in this normalizer's form.
  public func isNormalized(_ string: String) -> Bool { isNormalized(Array(string.utf16)) }

  /// Returns whether a code point always starts a new normalization chunk.
  @inline(__always)
  func hasBoundaryBefore(_ codePoint: UInt32) -> Bool {
    tl_norm_has_boundary_before(handle, Int32(bitPattern: codePoint)) == 1
  }

  /// Normalizes a raw buffer slice into `output` (appending). Used by `NormalizedText`.
  func normalize(
    _ source: UnsafeBufferPointer<UInt16>, appendingTo output: inout [UInt16],
    scratch: inout [UInt16]
  ) {
    if scratch.count < source.count * 4 + 8 {
      scratch = [UInt16](repeating: 0, count: source.count * 4 + 8)
    }
    var status: Int32 = 0
    let n = scratch.withUnsafeMutableBufferPointer { dest in
      tl_norm_normalize(
        handle, source.baseAddress, Int32(source.count), dest.baseAddress, Int32(dest.count),
        &status)
    }
    if status > 0 {
      if status == ICU.bufferOverflow {
        scratch = [UInt16](repeating: 0, count: Int(n) + 8)
        normalize(source, appendingTo: &output, scratch: &scratch)
      } else {
        output.append(contentsOf: source)
      }
      return
    }
    output.append(contentsOf: scratch[0..<Int(n)])
  }
}
