import CICUShim

/// An ICU transliterator (`utrans`), e.g. `Russian-Latin/BGN` for names in Cyrillic.
///
/// Opening a transliterator compiles its rules, which is expensive: open one per task and reuse
/// it. An instance is not thread-safe (ICU transliterators keep state while running).
public final class Transliterator: @unchecked Sendable {
  /// The ICU id this transliterator was opened with.
  public let id: String
  private let handle: UnsafeMutableRawPointer

  /// Opens the transliterator with ICU id `id` (`Russian-Latin/BGN`, `Any-Latin`, `Latin-ASCII`).
  ///
  /// - Throws: `ICUError` when ICU does not know the id.
  public init(id: String) throws {
    let units = Array(id.utf16)
    var status: Int32 = 0
    let opened = units.withUnsafeBufferPointer { tl_trans_open($0.baseAddress, Int32($0.count), &status) }
    guard let opened, status <= 0 else {
      throw ICUError(code: status > 0 ? status : 1, operation: "open transliterator '\(id)'")
    }
    self.id = id
    self.handle = opened
  }

  deinit { tl_trans_close(handle) }

  /// Transliterates UTF-16 text; returns the input unchanged when ICU fails.
  public func transliterate(_ units: [UInt16]) -> [UInt16] {
    if units.isEmpty { return [] }
    var capacity = units.count * 4 + 16
    for _ in 0..<3 {
      var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
      var length = Int32(units.count)
      var status: Int32 = 0
      let needed = buffer.withUnsafeMutableBufferPointer {
        tl_trans_apply(handle, $0.baseAddress, &length, Int32(capacity), &status)
      }
      if status == ICU.bufferOverflow {
        // NOTE: the buffer may hold a partial result; retry from the original text.
        capacity = max(capacity * 2, Int(needed) + 16)
        continue
      }
      guard status <= 0, Int(length) <= capacity else { return units }
      return Array(buffer[0..<Int(length)])
    }
    return units
  }

  /// Transliterates a string.
  public func transliterate(_ string: String) -> String {
    String(decoding: transliterate(Array(string.utf16)), as: UTF16.self)
  }
}
