import CICUShim
import Foundation

/// An ICU transliterator (`utrans`), such as `Russian-Latin/BGN` for comparing names across
/// scripts.
///
/// Opening a transliterator is expensive; open it once (see `russianLatinBGN`) and reuse it.
/// Calls are serialized with a lock, so one instance may be shared by concurrent tasks.
public final class Transliterator: @unchecked Sendable {
  /// The ICU id it was opened with.
  public let id: String
  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()

  /// Opens the transliterator with an ICU id (`Russian-Latin/BGN`, `Any-Latin`, `Latin-ASCII`).
  ///
  /// - Throws: `ICUError` when ICU does not know the id.
  public init(id: String) throws {
    let units = Array(id.utf16)
    var status: Int32 = 0
    let opened = units.withUnsafeBufferPointer {
      tl_trans_open($0.baseAddress, Int32($0.count), &status)
    }
    guard let opened, status <= 0 else {
      throw ICUError(code: status > 0 ? status : 1, operation: "open transliterator '\(id)'")
    }
    self.id = id
    self.handle = opened
  }

  deinit { tl_trans_close(handle) }

  /// The shared `Russian-Latin/BGN` transliterator (BGN/PCGN romanization of Russian), or nil
  /// when this ICU build lacks it.
  public static let russianLatinBGN: Transliterator? = try? Transliterator(id: "Russian-Latin/BGN")

  /// Transliterates UTF-16 text; returns the input unchanged if ICU fails.
  public func transliterate(_ units: [UInt16]) -> [UInt16] {
    if units.isEmpty { return units }
    lock.lock()
    defer { lock.unlock() }
    var capacity = units.count * 4 + 16
    for _ in 0..<3 {
      var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
      var length = Int32(units.count)
      var status: Int32 = 0
      let needed = buffer.withUnsafeMutableBufferPointer {
        tl_trans_apply(handle, $0.baseAddress, &length, Int32(capacity), &status)
      }
      if status == ICU.bufferOverflow {
        capacity = Int(max(needed, length)) * 2 + 16
        continue
      }
      if status > 0 { return units }
      return Array(buffer.prefix(Int(length)))
    }
    return units
  }

  /// Transliterates a string.
  public func transliterate(_ string: String) -> String {
    String(decoding: transliterate(Array(string.utf16)), as: UTF16.self)
  }
}
