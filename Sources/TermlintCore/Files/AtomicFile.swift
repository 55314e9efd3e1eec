import Foundation
import Synchronization
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that readers see either the old content or the new, never a part.
///
/// The bytes go to a temporary file in the same folder (so the rename cannot cross file
/// systems), are flushed to disk, and the temporary file is renamed over the target. An
/// existing file keeps its permission bits; a symbolic link keeps pointing where it did (the file
/// it points to is replaced). On any failure (permission, read-only file system, disk full) the
/// temporary file is removed and the target is left as it was.
///
/// Writes in progress are registered, so that an interrupted process can remove their temporary
/// files with `abandonWrites()` before it ends; a write that has not reached its rename then
/// never does.
public enum AtomicFile {
  /// Replaces (or creates) the file at `path` with `bytes`.
  ///
  /// - Throws: `TermlintError.input` naming `path` and the reason (missing folder, permission
  ///   denied, read-only file system, disk full, a folder in the way), or when the process is
  ///   being interrupted.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    try write(to: path) { fd in
      try bytes.withUnsafeBytes { try writeAll($0, to: fd, path: path) }
    }
  }

  /// Replaces (or creates) the file at `path` with what `body` writes, streamed into the
  /// temporary file (in blocks of `ReportWriter.defaultCapacity` bytes) rather than gathered in
  /// memory; renamed over the target only when `body` returns and every byte is on disk.
  ///
  /// - Throws: as `write(_:to:)`, and whatever `body` throws (the target is then left as it was).
  public static func write(to path: String, streaming body: (inout ReportWriter) throws -> Void)
    throws
  {
    try write(to: path) { fd in
      var out = ReportWriter { bytes in try writeAll(bytes, to: fd, path: path) }
      try body(&out)
      try out.flush()
    }
  }

  /// Creates the temporary file, lets `contents` write to its descriptor, flushes it to disk
  /// and renames it over the target.
  private static func write(to path: String, contents: (Int32) throws -> Void) throws {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw TermlintError.input(path, "is a folder; cannot write a file there")
    }
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
      throw TermlintError.input(path, "cannot write: folder '\(folder.path)' does not exist")
    }
    guard isDirectory.boolValue else {
      throw TermlintError.input(path, "cannot write: '\(folder.path)' is not a folder")
    }
    var existing = stat()
    let hasExisting = stat(target.path, &existing) == 0

    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).termlint-\(UInt32.random(in: 0...UInt32.max)).tmp"
    ).path
    // A new file gets 0666 less the umask, as any editor's would.
    let fd = try pending.create(temporary, for: path)
    var ok = false
    defer {
      if !ok { pending.discard(temporary) }
    }
    do { try contents(fd) } catch {
      close(fd)
      throw error
    }
    if hasExisting { _ = fchmod(fd, existing.st_mode & 0o7777) }
    // Delayed allocation can report a full disk only here, or at close.
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      throw failure(path, code)
    }
    if close(fd) != 0 { throw failure(path, errno) }
    try pending.commit(temporary, to: target.path, for: path)
    ok = true
  }

  /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`).
  private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
    do {
      try ReportWriter.writeAll(bytes, to: fd)
    } catch let error as POSIXError {
      throw failure(path, error.code.rawValue)
    }
  }

  /// Removes the temporary files of every write in progress and stops any further write from
  /// taking effect; for a process that is about to end on a signal. Returns the paths whose
  /// writes were abandoned (each left as it was).
  ///
  /// Every later `write(_:to:)` fails; a write that was past its rename has completed.
  @discardableResult
  public static func abandonWrites() -> [String] { pending.abandon() }

  /// Notes that an interrupt arrived, from inside a signal handler (an atomic store is
  /// async-signal-safe). From then on no write reaches its rename: a write at that point waits
  /// for `abandonWrites()`, which the process runs before it ends on the signal. Without this
  /// a writer thread could rename in the moment between the signal and the thread that acts
  /// on it, replacing a file the user interrupted the run to keep.
  public static func noteInterrupt() {
    interruptRequested.store(true, ordering: .sequentiallyConsistent)
  }

  /// Whether `noteInterrupt()` has been called: the process is about to end by a signal.
  public static var interruptNoted: Bool {
    interruptRequested.load(ordering: .sequentiallyConsistent)
  }

  /// Call once before installing a handler that calls `noteInterrupt()`, so that the handler
  /// never runs the flag's one-time initialisation.
  public static func prepareForInterrupts() { _ = interruptRequested.load(ordering: .relaxed) }

  private static let interruptRequested = Atomic<Bool>(false)

  private static func failure(_ path: String, _ code: Int32) -> TermlintError {
    TermlintError.input(path, "cannot write: \(String(cString: strerror(code)))")
  }

  private static let pending = Pending()

  /// The temporary files of the writes in progress. Creating, renaming and abandoning take one
  /// lock, so an interrupt either finds a temporary file (and removes it, and its rename never
  /// happens) or finds the write already renamed.
  private final class Pending: @unchecked Sendable {
    private let lock = NSLock()
    /// Temporary path → the path the caller asked to write.
    private var files: [String: String] = [:]
    private var abandoned = false

    func create(_ temporary: String, for path: String) throws -> Int32 {
      if AtomicFile.interruptRequested.load(ordering: .sequentiallyConsistent) {
        try Self.awaitEnd(path)
      }
      return try lock.withLock {
        if abandoned { throw TermlintError.input(path, "cannot write: interrupted") }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw AtomicFile.failure(path, errno) }
        files[temporary] = path
        return fd
      }
    }

    func commit(_ temporary: String, to target: String, for path: String) throws {
      // After an interrupt, wait (up to 10 s) for `abandon()`, which removes the temporary
      // file and then ends the process; if nothing ends it, give up the write.
      for _ in 0..<1_000 {
        let renamed: Bool = try lock.withLock {
          if abandoned { return false }
          if AtomicFile.interruptRequested.load(ordering: .sequentiallyConsistent) { return false }
          guard rename(temporary, target) == 0 else { throw AtomicFile.failure(path, errno) }
          files[temporary] = nil
          return true
        }
        if renamed { return }
        usleep(10_000)
      }
      discard(temporary)
      throw TermlintError.input(path, "cannot write: interrupted")
    }

    /// After an interrupt the process is about to end by the signal: a write started now waits
    /// for that (up to 10 s) instead of failing at once, so that the caller's error path cannot
    /// end the process with status 2 before the signal does.
    static func awaitEnd(_ path: String) throws -> Never {
      for _ in 0..<1_000 { usleep(10_000) }
      throw TermlintError.input(path, "cannot write: interrupted")
    }

    func discard(_ temporary: String) {
      lock.withLock {
        unlink(temporary)
        files[temporary] = nil
      }
    }

    func abandon() -> [String] {
      lock.withLock {
        abandoned = true
        for temporary in files.keys { unlink(temporary) }
        defer { files = [:] }
        return files.values.sorted()
      }
    }
  }
}
