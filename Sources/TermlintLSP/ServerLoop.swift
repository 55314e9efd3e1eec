import Foundation

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
  /// `shutdown` then `exit`, 1 otherwise, as LSP asks).
  public func run(debounce: Double? = nil) -> Int32 {
    let output = self.output
    let server = LanguageServer(send: { message in output.write(Data(MessageFramer.frame(message))) })
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

  private func readLoop() {
    var framer = MessageFramer()
    while true {
      let data = input.availableData
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
