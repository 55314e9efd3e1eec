/// The base protocol's framing: each message is a header block (`Content-Length: N`, optionally
/// `Content-Type`, each line ended by CR LF, the block by an empty line) followed by N bytes of
/// UTF-8 JSON.
///
/// `MessageFramer` is fed bytes as they arrive, in chunks of any size, and hands out whole
/// message bodies. A header it cannot use (no or a bad `Content-Length`, an over-long header) is
/// reported and skipped, so one bad message never stops the stream.
public struct MessageFramer: Sendable {
  /// What the framer found next in the stream.
  public enum Frame: Sendable, Equatable {
    /// A message body (not yet parsed as JSON).
    case body([UInt8])
    /// A header that could not be used, with the reason; it has been skipped.
    case malformedHeader(String)
  }

  /// Headers longer than this are refused (a stream that is not LSP, or garbage).
  public static let maximumHeaderLength = 8 * 1024
  /// Bodies longer than this are refused (256 MB).
  public static let maximumBodyLength = 256 << 20

  private var buffer: [UInt8] = []
  private var start = 0
  /// The length of the body being waited for, once its header has been read.
  private var pendingLength: Int?

  public init() {}

  /// Adds bytes read from the stream.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if start > 0 && start > buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next complete frame, or nil when more bytes are needed.
  public mutating func next() -> Frame? {
    if let length = pendingLength {
      guard buffer.count - start >= length else { return nil }
      let body = Array(buffer[start..<(start + length)])
      start += length
      pendingLength = nil
      return .body(body)
    }
    // Blank lines between messages are tolerated.
    while start + 1 < buffer.count && buffer[start] == 0x0D && buffer[start + 1] == 0x0A {
      start += 2
    }
    guard let end = headerEnd() else {
      if buffer.count - start > Self.maximumHeaderLength {
        start = buffer.count
        return .malformedHeader(
          "a header longer than \(Self.maximumHeaderLength) bytes was skipped")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<end.header], as: UTF8.self)
    start = end.body
    var length: Int?
    for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":") else {
        return .malformedHeader("header line without a colon: '\(line.prefix(80))'")
      }
      let name = line[..<colon].trimmingCharacters(in: " \t").lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
      if name == "content-length" {
        guard let n = Int(value), n >= 0 else {
          return .malformedHeader("bad Content-Length '\(value.prefix(40))'")
        }
        guard n <= Self.maximumBodyLength else {
          return .malformedHeader("Content-Length \(n) is over the limit")
        }
        length = n
      }
    }
    guard let length else { return .malformedHeader("a header without Content-Length was skipped") }
    pendingLength = length
    return next()
  }

  /// Where the header block ends (`\r\n\r\n`): the header's end and the body's start.
  private func headerEnd() -> (header: Int, body: Int)? {
    var i = start
    while i + 3 < buffer.count {
      if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D
        && buffer[i + 3] == 0x0A
      {
        return (i, i + 4)
      }
      i += 1
    }
    return nil
  }

  /// A message framed for the stream.
  public static func frame(_ message: JSON) -> [UInt8] {
    let body = Array(message.serialized().utf8)
    return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
