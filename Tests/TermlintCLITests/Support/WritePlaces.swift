import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Folders where writing fails, for the no-lost-data tests, and a way to run termlint that can be
/// interrupted.
enum WritePlaces {
  /// A folder holding `files` (name → content) where nothing can be created, renamed or
  /// replaced, or nil (with the reason) when this machine cannot make one.
  ///
  /// Tests run as root in CI, and root ignores permission bits, so `chmod` alone proves nothing
  /// there. In order: for another user, mode 0555; for root, a tmpfs mounted read-only (EROFS,
  /// the real "read-only place"); else `chattr +i` on the folder (EPERM even for root).
  struct ReadOnlyFolder {
    let url: URL
    /// How the folder was made read-only, for messages.
    let how: String
    private let undo: () -> Void

    init?(files: [String: String], skipReason: inout String) {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "termlint-ro-\(UUID().uuidString)")
      guard
        (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true))
          != nil
      else {
        skipReason = "cannot create a temporary folder"
        return nil
      }
      func fill() -> Bool {
        files.allSatisfy {
          (try? Data($0.value.utf8).write(to: url.appendingPathComponent($0.key))) != nil
        }
      }
      let remove = { _ = try? FileManager.default.removeItem(at: url) }
      if geteuid() != 0 {
        guard fill(), chmod(url.path, 0o555) == 0 else {
          remove()
          skipReason = "cannot chmod the folder"
          return nil
        }
        self.init(url: url, how: "mode 0555") {
          _ = chmod(url.path, 0o755)
          remove()
        }
        return
      }
      if mount("tmpfs", url.path, "tmpfs", 0, "size=1m") == 0 {
        if fill(), mount("tmpfs", url.path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=1m") == 0 {
          self.init(url: url, how: "read-only tmpfs") {
            _ = umount2(url.path, Int32(MNT_DETACH))
            remove()
          }
          return
        }
        _ = umount2(url.path, Int32(MNT_DETACH))
      }
      if fill(), WritePlaces.run("/usr/bin/chattr", ["+i", url.path]) {
        self.init(url: url, how: "chattr +i") {
          _ = WritePlaces.run("/usr/bin/chattr", ["-i", url.path])
          remove()
        }
        return
      }
      remove()
      skipReason =
        "running as root without mount(2) or chattr, nothing makes a folder read-only for root"
      return nil
    }

    private init(url: URL, how: String, undo: @escaping () -> Void) {
      self.url = url
      self.how = how
      self.undo = undo
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The folder's entries, sorted (a temporary file left behind would show here).
    func entries() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() { undo() }
  }

  /// A tmpfs of `size` bytes (a "full disk"), or nil when this process cannot mount one
  /// (mounting needs root, or CAP_SYS_ADMIN, which CI has and a developer's account has not).
  struct TinyDisk {
    let url: URL

    init?(size: Int) {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "termlint-full-\(UUID().uuidString)")
      guard
        (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true))
          != nil
      else { return nil }
      guard mount("tmpfs", url.path, "tmpfs", 0, "size=\(size)") == 0 else {
        try? FileManager.default.removeItem(at: url)
        return nil
      }
      self.url = url
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func entries() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Fills the disk up to `left` free bytes or fewer.
    func fill(leaving left: Int) throws {
      var info = statvfs()
      guard statvfs(url.path, &info) == 0 else { return }
      let free = Int(info.f_bavail) * Int(info.f_frsize)
      guard free > left else { return }
      let fd = open(path(".filler"), O_WRONLY | O_CREAT, 0o644)
      defer { close(fd) }
      let chunk = [UInt8](repeating: 0x41, count: 4096)
      var toWrite = free - left
      while toWrite > 0 {
        let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(toWrite, chunk.count)) }
        if n <= 0 { break }
        toWrite -= n
      }
    }

    func remove() {
      _ = umount2(url.path, Int32(MNT_DETACH))
      try? FileManager.default.removeItem(at: url)
    }
  }

  /// Runs a helper program; whether it exited with status 0.
  static func run(_ executable: String, _ arguments: [String]) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationReason == .exit && process.terminationStatus == 0
  }
}

/// A termlint process started in the background, with its standard error going to a file so
/// that nothing blocks on a full pipe.
final class RunningTermlint {
  let process = Process()
  private let errorFile: URL

  /// Starts termlint; `standardOutput` is a pipe, a file handle, or nil for a file next to the
  /// standard error one.
  init(_ arguments: [String], in directory: URL, standardOutput: Any? = nil) throws {
    errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.executableURL = CLI.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = standardOutput ?? FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
  }

  var pid: Int32 { process.processIdentifier }

  /// Waits for the process to end, at most `limit` seconds; false (after killing it) when it
  /// did not end in time.
  func wait(limit: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      kill(pid, SIGKILL)
      process.waitUntilExit()
      return false
    }
    process.waitUntilExit()
    return true
  }

  /// What the process wrote to standard error. (Read through FileHandle: String(contentsOf:)
  /// leaks its buffer on an empty file in this Foundation, which LeakSanitizer reports.)
  var stderr: String {
    guard let handle = try? FileHandle(forReadingFrom: errorFile) else { return "" }
    defer { try? handle.close() }
    return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
  }

  deinit { try? FileManager.default.removeItem(at: errorFile) }
}
