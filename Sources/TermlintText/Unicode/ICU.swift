import CICUShim

/// An error reported by ICU, with the operation that failed.
public struct ICUError: Error, CustomStringConvertible, Sendable {
  /// ICU's UErrorCode value (positive: failure).
  public let code: Int32
  /// What Termlint asked ICU to do.
  public let operation: String

  public var description: String {
    "ICU \(operation) failed: \(String(cString: tl_icu_error_name(code)))"
  }
}

/// Namespace for ICU facts and the buffer helpers shared by the wrappers.
public enum ICU {
  /// ICU's version string, e.g. "72.1".
  public static let version: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    tl_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  static let bufferOverflow: Int32 = 15

  /// Throws when `status` is a failure code.
  package static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
    if status > 0 { throw ICUError(code: status, operation: operation()) }
  }

  /// Calls `body` with an output buffer, retrying once with the length ICU reports on overflow.
  static func withGrowingBuffer(
    capacity: Int, operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) throws -> [UInt16] {
    var capacity = max(capacity, 1)
    for _ in 0..<2 {
      var status: Int32 = 0
      var length: Int32 = 0
      let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
        length = body(buffer.baseAddress!, Int32(capacity), &status)
        count = status > 0 ? 0 : Int(length)
      }
      if status == bufferOverflow {
        capacity = Int(length) + 1
        continue
      }
      try check(status, operation())
      return result
    }
    throw ICUError(code: bufferOverflow, operation: operation())
  }
}
