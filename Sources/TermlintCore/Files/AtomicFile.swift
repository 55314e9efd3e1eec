import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that readers see either the old content or the new, never a part.
///
/// The bytes go to a temporary file in the same folder (so the rename cannot cross file
/// systems), are flushed to disk, and the temporary file is renamed over the target. An
/// existing file keeps its permission bits; a symbolic link keeps pointing where it did (the file
/// it points to is replaced). On any failure the temporary file is removed and the target is
/// left as it was.
public enum AtomicFile {
  /// Replaces (or creates) the file at `path` with `bytes`.
  ///
  /// - Throws: `TermlintError.input` naming `path` and the reason (missing folder, permission
  ///   denied, disk full, a folder in the way).
  public static func write(_ bytes: [UInt8], to path: String) throws {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw TermlintError.input(path, "is a folder; cannot write a file there")
    }
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw TermlintError.input(path, "cannot write: folder '\(folder.path)' does not exist")
    }
    var existing = stat()
    let hasExisting = stat(target.path, &existing) == 0

    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).termlint-\(UInt32.random(in: 0...UInt32.max)).tmp").path
    // A new file gets 0666 less the umask, as any editor's would.
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw failure(path, errno) }
    var ok = false
    defer {
      if !ok { unlink(temporary) }
    }
    var written = 0
    let count = bytes.count
    try bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while written < count {
        let n = Glibc.write(fd, base + written, count - written)
        if n < 0 {
          if errno == EINTR { continue }
          let code = errno
          close(fd)
          throw failure(path, code)
        }
        written += n
      }
    }
    if hasExisting { _ = fchmod(fd, existing.st_mode & 0o7777) }
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      throw failure(path, code)
    }
    close(fd)
    guard rename(temporary, target.path) == 0 else { throw failure(path, errno) }
    ok = true
  }

  private static func failure(_ path: String, _ code: Int32) -> TermlintError {
    TermlintError.input(path, "cannot write: \(String(cString: strerror(code)))")
  }
}
