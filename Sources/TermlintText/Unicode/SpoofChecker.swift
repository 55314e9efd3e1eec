import CICUShim

/// ICU's spoof checker (`uspoof`, UTS #39) configured for mixed-script confusables at the
/// "highly restrictive" level: a word mixing Latin and Cyrillic letters fails.
///
/// The checker is configured once and then only read, which ICU allows from any thread.
public final class SpoofChecker: @unchecked Sendable {
  private let handle: UnsafeMutableRawPointer

  /// The shared checker (nil only when ICU's confusable data is missing).
  public static let shared: SpoofChecker? = try? SpoofChecker()

  /// Opens a checker.
  ///
  /// - Throws: `ICUError` when ICU cannot load its confusable data.
  public init() throws {
    var status: Int32 = 0
    guard let handle = tl_spoof_open(&status), status <= 0 else {
      throw ICUError(code: status, operation: "open spoof checker")
    }
    self.handle = handle
  }

  deinit { tl_spoof_close(handle) }

  /// Returns whether ICU finds the text suspicious: it mixes scripts beyond what the
  /// restriction level allows, or it is a mixed-script confusable.
  public func isSuspicious(_ text: [UInt16]) -> Bool {
    var status: Int32 = 0
    let result = text.withUnsafeBufferPointer {
      tl_spoof_check(handle, $0.baseAddress, Int32($0.count), &status)
    }
    return status <= 0 && result != 0
  }

  /// The confusable skeleton of the text (UTS #39): two strings that look alike have the same one.
  public func skeleton(_ text: [UInt16]) -> [UInt16] {
    let result = try? text.withUnsafeBufferPointer { src in
      try ICU.withGrowingBuffer(capacity: src.count * 2 + 4, operation: "confusable skeleton") {
        dest, capacity, status in
        tl_spoof_skeleton(handle, src.baseAddress, Int32(src.count), dest, capacity, &status)
      }
    }
    return result ?? text
  }
}
