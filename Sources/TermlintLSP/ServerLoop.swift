import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a `LanguageServer` over a byte stream (stdin/stdout for `termlint lsp`).
///
/// A reader thread frames incoming bytes and queues the message bodies; the loop takes
/// everything queued at once (so a `$/cancelRequest` can catch its request), handles it, and
/// when nothing arrives before the next lint is due, lints. While idle it checks every
/// `pollInterval` seconds whether a glossary or pipeline file changed on disk. Output is written
/// from the loop's thread only, one whole framed message at a time.
public final class ServerLoop: @unchecked Sendable {
  private let input: FileHandle
  private let output: FileHandle
  private let condition = NSCondition()
  private var queue: [MessageFramer.Frame] = []
  private var endOfInput = false
  /// Seconds between checks of the configuration files while idle.
  public var pollInterval: Double = 1.0

  public init(input: FileHandle, output: FileHandle) {
    self.input = input
    self.output = output
  }

  /// Serves until `exit` or the end of the input; returns the exit status (0 after
  /// `shutdown` then `exit`, 1 otherwise, as LSP asks). Compiled glossaries come from and go
  /// to `glossaryCache` when one is given.
  public func run(debounce: Double? = nil, glossaryCache: GlossaryCache? = nil) -> Int32 {
    let output = self.output
    // A client that has gone away makes the write fail; that is not worth a crash (the loop
    // ends when the input does).
    let server = LanguageServer(
      configurations: Configurations(glossaryCache: glossaryCache),
      send: { message in try? output.write(contentsOf: MessageFramer.frame(message)) })
    if let debounce { server.debounce = debounce }
    let reader = Thread { [self] in readLoop() }
    reader.start()
    var lastPoll = LanguageServer.now()
    while true {
      condition.lock()
      while queue.isEmpty && !endOfInput {
        let due = min(server.nextDue ?? .infinity, lastPoll + pollInterval)
        let wait = due - LanguageServer.now()
        if wait <= 0 { break }
        _ = condition.wait(until: Date(timeIntervalSinceNow: min(wait, 3600)))
      }
      let frames = queue
      queue = []
      let ended = endOfInput
      condition.unlock()

      var bodies: [[UInt8]] = []
      for frame in frames {
        switch frame {
        case .body(let body): bodies.append(body)
        case .malformedHeader(let reason): server.reportMalformedFrame(reason)
        }
      }
      if !bodies.isEmpty { server.handle(batch: bodies) }
      if let status = server.exitStatus { return status }
      if ended && frames.isEmpty { return 1 }
      if frames.isEmpty {
        // Idle: lint what is due, and look at the configuration files now and then.
        server.lintDue()
        if LanguageServer.now() - lastPoll >= pollInterval {
          server.pollWatchedFiles()
          lastPoll = LanguageServer.now()
        }
      }
    }
  }

  /// The bytes one `read(2)` returns (what is available, up to 64 KiB); empty at the end of
  /// the input or on an error, which ends the input too (FileHandle's `availableData` would
  /// trap on a read error).
  private static func readSome(_ fd: Int32) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 { return Array(buffer[0..<n]) }
      if n < 0 && errno == EINTR { continue }
      return []
    }
  }

  private func readLoop() {
    var framer = MessageFramer()
    while true {
      let data = Self.readSome(input.fileDescriptor)
      condition.lock()
      if data.isEmpty {
        endOfInput = true
        condition.signal()
        condition.unlock()
        return
      }
      condition.unlock()
      framer.append(data)
      var frames: [MessageFramer.Frame] = []
      while let frame = framer.next() { frames.append(frame) }
      guard !frames.isEmpty else { continue }
      condition.lock()
      queue.append(contentsOf: frames)
      condition.signal()
      condition.unlock()
    }
  }
}
