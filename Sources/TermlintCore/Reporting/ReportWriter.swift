import Foundation
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Where reporters write: a buffered byte writer that hands its bytes to a sink (a file
/// descriptor, an atomic temporary file, standard output) every `capacity` bytes, or keeps them
/// all in memory (`init()`, for `Reporter.render`).
///
/// Writing never throws: the first failure of the sink is kept, later bytes are dropped, and
/// `flush()` throws it. So a report of millions of findings is written finding by finding and
/// holds at most one buffer of output, not the whole text.
public struct ReportWriter {
  /// Hands bytes on; throws when they cannot be written.
  public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  /// Bytes gathered before the sink is called (64 KiB).
  public static let defaultCapacity = 64 * 1024

  private var buffer: [UInt8] = []
  private let sink: Sink?
  private let capacity: Int
  /// The first error of the sink; nil while every write has succeeded.
  public private(set) var error: (any Error)?

  /// A writer that keeps everything in memory (`string`, `bytes`).
  public init() {
    sink = nil
    capacity = .max
  }

  /// A writer that passes its bytes to `sink` in blocks of about `capacity` bytes.
  public init(capacity: Int = ReportWriter.defaultCapacity, sink: @escaping Sink) {
    self.sink = sink
    self.capacity = max(1, capacity)
    buffer.reserveCapacity(min(self.capacity, Self.defaultCapacity) + 256)
  }

  /// A writer to an open file descriptor with `write(2)` (retried on `EINTR` and short
  /// writes); a failure is a `POSIXError` with the `errno`.
  public init(fileDescriptor fd: Int32, capacity: Int = ReportWriter.defaultCapacity) {
    self.init(capacity: capacity) { bytes in try ReportWriter.writeAll(bytes, to: fd) }
  }

  /// Writes all of `bytes` to `fd`.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) throws {
    guard let base = bytes.baseAddress else { return }
    var written = 0
    while written < bytes.count {
      let n = Glibc.write(fd, base + written, bytes.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      written += n
    }
  }

  /// Everything written, for a writer made with `init()` (after a sink writer's flush: what is
  /// still buffered, nothing).
  public var bytes: [UInt8] { buffer }

  /// Everything written as text, for a writer made with `init()`.
  public var string: String { String(decoding: buffer, as: UTF8.self) }

  /// Hands the buffered bytes to the sink; throws the sink's first error, now or earlier.
  public mutating func flush() throws {
    if error == nil, let sink, !buffer.isEmpty {
      do { try buffer.withUnsafeBytes { try sink($0) } } catch { self.error = error }
    }
    if sink != nil { buffer.removeAll(keepingCapacity: true) }
    if let error { throw error }
  }

  @inline(__always) private mutating func flushIfFull() {
    if buffer.count >= capacity { try? flush() }
  }

  // MARK: - Writing

  /// Writes text as UTF-8.
  public mutating func write(_ text: String) {
    if let done: Void = text.utf8.withContiguousStorageIfAvailable({ buffer.append(contentsOf: $0) }
    ) {
      _ = done
    } else {
      buffer.append(contentsOf: text.utf8)
    }
    flushIfFull()
  }

  /// Writes text as UTF-8.
  public mutating func write(_ text: Substring) {
    buffer.append(contentsOf: text.utf8)
    flushIfFull()
  }

  /// Writes bytes.
  public mutating func write(bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
    flushIfFull()
  }

  /// Writes one ASCII byte.
  @inline(__always) public mutating func write(ascii byte: UInt8) {
    buffer.append(byte)
  }

  /// Writes an integer in decimal, as `String(n)` would.
  public mutating func write(_ n: Int) {
    // Digits last to first, then turned around in place: no allocation per number.
    let start = buffer.count
    var v = n.magnitude
    repeat {
      buffer.append(0x30 + UInt8(v % 10))
      v /= 10
    } while v > 0
    if n < 0 { buffer.append(0x2D) }
    buffer[start...].reverse()
    flushIfFull()
  }

  /// Writes `count` spaces.
  public mutating func writeSpaces(_ count: Int) {
    buffer.append(contentsOf: repeatElement(0x20, count: count))
  }

  // MARK: - Escaping

  /// Writes a JSON string literal exactly as this platform's `JSONEncoder` writes it with
  /// `.withoutEscapingSlashes`: `"` and `\` escaped with a backslash, `\b \t \n \f \r`, other
  /// C0 controls as `\u00xx` (lower-case hex); everything else (`/`, DEL, U+2028, non-ASCII)
  /// as it is, in UTF-8.
  public mutating func writeJSONString(_ text: String) {
    buffer.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        start = i + 1
        switch b {
        case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
        case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
        case 0x08: buffer.append(contentsOf: [0x5C, 0x62])
        case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
        case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
        case 0x0C: buffer.append(contentsOf: [0x5C, 0x66])
        case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
      }
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    buffer.append(0x22)
    flushIfFull()
  }

  /// Writes text escaped for XML attribute values and character data (`String.xmlEscaped`).
  mutating func writeXMLEscaped(_ text: String) {
    if Self.xmlSafe(text, keepingLines: false) { write(text) } else { write(text.xmlEscaped) }
  }

  /// Writes text escaped for XML character data (`String.xmlText`).
  mutating func writeXMLText(_ text: String) {
    if Self.xmlSafe(text, keepingLines: true) { write(text) } else { write(text.xmlText) }
  }

  /// Whether text needs no XML escaping: no `& < > "`, C0 control, U+FFFE or U+FFFF (with
  /// `keepingLines`, `"`, LF and tab may stay).
  private static func xmlSafe(_ text: String, keepingLines: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for b in bytes {
        switch b {
        case 0x26, 0x3C, 0x3E, 0x0D: return false
        case 0x22: if !keepingLines { return false }
        case 0x0A, 0x09: if !keepingLines { return false }
        case 0xEF: return false  // U+FFFE and U+FFFF begin with EF (rare: decide slowly)
        default: if b < 0x20 { return false }
        }
      }
      return true
    }
  }
}

/// The structure of JSON as `JSONEncoder` writes it (pretty: two-space indents, `"key" : value`,
/// an empty array or object as `[` blank line `]`; compact: no spaces), for reporters that write
/// JSON piece by piece. Keys are written in the order given: callers give them sorted.
struct JSONStream {
  /// Pretty-printed or compact.
  let pretty: Bool
  /// Indentation levels of the containing document before the first `open`.
  let baseDepth: Int
  /// Per open container: whether nothing has been written in it yet.
  private var empty: [Bool] = []

  init(pretty: Bool, depth: Int = 0) {
    self.pretty = pretty
    baseDepth = depth
  }

  private var depth: Int { baseDepth + empty.count }

  /// Opens an object (`{`) or array (`[`).
  mutating func open(_ bracket: UInt8, _ out: inout ReportWriter) {
    out.write(ascii: bracket)
    empty.append(true)
  }

  /// Closes the innermost object (`}`) or array (`]`).
  mutating func close(_ bracket: UInt8, _ out: inout ReportWriter) {
    let wasEmpty = empty.removeLast()
    if pretty {
      if wasEmpty { out.write(ascii: 0x0A) }
      out.write(ascii: 0x0A)
      out.writeSpaces(2 * depth)
    }
    out.write(ascii: bracket)
  }

  /// Begins the next array element.
  mutating func element(_ out: inout ReportWriter) {
    if !empty[empty.count - 1] { out.write(ascii: 0x2C) }
    empty[empty.count - 1] = false
    if pretty {
      out.write(ascii: 0x0A)
      out.writeSpaces(2 * depth)
    }
  }

  /// Begins the next member of an object: its key and separator.
  mutating func key(_ key: StaticString, _ out: inout ReportWriter) {
    element(&out)
    out.write(ascii: 0x22)
    out.write(bytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    out.write(ascii: 0x22)
    if pretty { out.write(" : ") } else { out.write(ascii: 0x3A) }
  }

  /// Begins the next member of an object with a key that is not a literal.
  mutating func key(string key: String, _ out: inout ReportWriter) {
    element(&out)
    out.writeJSONString(key)
    if pretty { out.write(" : ") } else { out.write(ascii: 0x3A) }
  }

  /// Continues an object or array whose opening and first members were written otherwise
  /// (`encoded` without its closing bracket).
  mutating func resume() { empty.append(false) }

  /// Writes a member with a string value.
  mutating func member(_ key: StaticString, _ value: String, _ out: inout ReportWriter) {
    self.key(key, &out)
    out.writeJSONString(value)
  }

  /// Writes a member with an integer value.
  mutating func member(_ key: StaticString, _ value: Int, _ out: inout ReportWriter) {
    self.key(key, &out)
    out.write(value)
  }

  /// Writes a member with a Boolean value.
  mutating func member(_ key: StaticString, _ value: Bool, _ out: inout ReportWriter) {
    self.key(key, &out)
    out.write(value ? "true" : "false")
  }

  /// Writes a member whose value is an array of strings.
  mutating func member(_ key: StaticString, _ values: [String], _ out: inout ReportWriter) {
    self.key(key, &out)
    open(0x5B, &out)
    for value in values {
      element(&out)
      out.writeJSONString(value)
    }
    close(0x5D, &out)
  }

  /// Writes a member with an object `{"text": value}` (SARIF's `message`).
  mutating func textMember(_ key: StaticString, _ text: String, _ out: inout ReportWriter) {
    self.key(key, &out)
    open(0x7B, &out)
    member("text", text, &out)
    close(0x7D, &out)
  }

  /// Writes a value encoded by `JSONEncoder` at depth 0 (`encoded`, as `JSONReporter.encode`
  /// returns it) re-indented to the current depth.
  mutating func encoded(_ encoded: String, _ out: inout ReportWriter) {
    // NOTE: encoded strings never hold a raw line break (JSON escapes them), so every line
    // break is the encoder's own.
    if pretty {
      // Blank lines (inside an empty array or object) stay blank, as the encoder writes them.
      let indent = String(repeating: " ", count: 2 * depth)
      for (i, line) in encoded.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      {
        if i > 0 {
          out.write(ascii: 0x0A)
          if !line.isEmpty { out.write(indent) }
        }
        out.write(line)
      }
    } else {
      out.write(encoded)
    }
  }
}
