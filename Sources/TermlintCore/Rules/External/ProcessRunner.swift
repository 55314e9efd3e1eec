import Foundation
import TermlintGlossary
import TermlintText

/// Runs a command with bytes on its standard input and a time limit, and collects its output.
///
/// Each output stream is capped at `maxOutputBytes`: a command that writes more is killed at once
/// (SIGKILL) and `Outcome.outputExceeded` is set, so a runaway rule cannot exhaust memory.
///
/// The command is started through `/usr/bin/env`, so a bare name is looked up in `PATH` and a
/// relative path is taken from the working directory.
enum ProcessRunner {
  /// How a run ended.
  struct Outcome: Sendable {
    /// The exit status, when the command exited normally.
    var exitStatus: Int32?
    /// The signal that ended the command, when one did.
    var signal: Int32?
    /// Whether the time limit ended it.
    var timedOut: Bool
    /// Whether it wrote more than the output cap to either stream and was killed for it.
    var outputExceeded: Bool = false
    /// What it wrote.
    var stdout: Data
    var stderr: Data
  }

  /// Collects the two output streams from their reader threads.
  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private var exceeded = false
    func set(stdout data: Data) { lock.withLock { out = data } }
    func set(stderr data: Data) { lock.withLock { err = data } }
    func markExceeded() { lock.withLock { exceeded = true } }
    var values: (Data, Data) { lock.withLock { (out, err) } }
    var outputExceeded: Bool { lock.withLock { exceeded } }
  }

  /// The most bytes kept from each of the command's output streams (16 MiB).
  static let defaultMaxOutputBytes = 16 << 20

  /// Reads `handle` to its end, or until more than `limit` bytes came; then calls `overflow` and
  /// returns what was read up to the limit.
  private static func read(_ handle: FileHandle, limit: Int, overflow: () -> Void) -> Data {
    var data = Data()
    while true {
      guard let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return data }
      if data.count + chunk.count > limit {
        data.append(chunk.prefix(limit - data.count))
        overflow()
        return data
      }
      data.append(chunk)
    }
  }

  /// Runs `command` in `directory` with `input` on its standard input.
  ///
  /// - Parameters:
  ///   - timeout: seconds before the command is stopped (SIGTERM, then SIGKILL).
  ///   - maxOutputBytes: the most bytes either output stream may carry before the command is killed.
  /// - Throws: when the command cannot be started at all.
  static func run(
    _ command: [String], directory: String?, input: Data, timeout: Double,
    maxOutputBytes: Int = defaultMaxOutputBytes
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()

    let collected = Collected()
    let readers = DispatchGroup()
    let outHandle = stdout.fileHandleForReading
    let errHandle = stderr.fileHandleForReading
    let pid = process.processIdentifier
    let overflow: @Sendable () -> Void = {
      collected.markExceeded()
      kill(pid, SIGKILL)
    }
    DispatchQueue.global().async(group: readers) {
      collected.set(stdout: read(outHandle, limit: maxOutputBytes, overflow: overflow))
    }
    DispatchQueue.global().async(group: readers) {
      collected.set(stderr: read(errHandle, limit: maxOutputBytes, overflow: overflow))
    }
    let inHandle = stdin.fileHandleForWriting
    DispatchQueue.global().async {
      // A command that exits without reading its input closes the pipe: the write then fails
      // with EPIPE instead of ending the process with SIGPIPE.
      PipeWrites.withSIGPIPEBlocked { try? inHandle.write(contentsOf: input) }
      try? inHandle.close()
    }

    var timedOut = false
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      if exited.wait(timeout: .now() + 1) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
      }
    }
    // NOTE: swift-corelibs-foundation's Process stays in a reference cycle with its pipes and
    // its run-loop source until `waitUntilExit()` ends it (found by LeakSanitizer: about 2.6 KB
    // per external-rule run); the command has exited, so this returns at once.
    process.waitUntilExit()
    // NOTE: a child the command started may keep the pipes open; do not wait for it for long.
    _ = readers.wait(timeout: .now() + (timedOut ? 0.5 : 2))
    let (out, err) = collected.values
    let bySignal = process.terminationReason == .uncaughtSignal
    return Outcome(
      exitStatus: bySignal ? nil : process.terminationStatus,
      signal: bySignal ? process.terminationStatus : nil,
      timedOut: timedOut, outputExceeded: collected.outputExceeded, stdout: out, stderr: err)
  }
}
