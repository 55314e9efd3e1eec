import Foundation
import TermlintText

/// A folder of compiled glossaries, so that a run whose glossaries have not changed since an
/// earlier run skips loading and compiling them (a 100,000-concept TBX: about 1.7 s to load and
/// compile, a few tens of milliseconds from the cache).
///
/// One file per set of glossaries (`<hash of the key>.tlgc`, see `GlossaryCacheFormat`). The key
/// is the content hash of every glossary file's bytes (`ContentHash`), the paths in order, the
/// spreadsheet options of each, Termlint's version, the cache format's version, the ICU version
/// (normalization depends on it) and the size and time of the running executable (so a rebuilt
/// termlint never reads what an older build wrote). The whole key is stored in the file and
/// compared: a file is used only when it was written for exactly these inputs.
///
/// Everything that goes wrong with the cache is silent: a file that is missing, truncated,
/// corrupt or foreign is ignored and rewritten, and a folder that cannot be written just means
/// no cache (set `TERMLINT_CACHE_DEBUG=1` to see why, on standard error).
///
/// The folder stays bounded: after each write, files not used for `maximumAge` (30 days) are
/// deleted, and of the rest only the `maximumFiles` (20) most recently used are kept. A file's
/// modification time is its last use (a hit touches it).
public struct GlossaryCache: Sendable {
  /// The folder.
  public let directory: String
  /// Whether to explain misses and failures on standard error.
  public var debug: Bool

  /// Files unused for longer than this are deleted.
  public static let maximumAge: TimeInterval = 30 * 24 * 3600
  /// At most this many cache files are kept.
  public static let maximumFiles = 20
  static let fileExtension = "tlgc"

  /// A cache in `directory` (created on the first write).
  public init(directory: String, debug: Bool = false) {
    self.directory = directory
    self.debug = debug
  }

  /// The cache a command-line run uses, from the environment: nil when `TERMLINT_NO_CACHE` is
  /// set (to anything but `0` or empty); else `TERMLINT_CACHE_DIR`, else
  /// `$XDG_CACHE_HOME/termlint`, else `~/.cache/termlint`; nil when none of them can be found.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> GlossaryCache?
  {
    if let off = environment["TERMLINT_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    let debug = (environment["TERMLINT_CACHE_DEBUG"] ?? "").isEmpty == false
    if let dir = environment["TERMLINT_CACHE_DIR"], !dir.isEmpty {
      return GlossaryCache(directory: dir, debug: debug)
    }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return GlossaryCache(directory: xdg + "/termlint", debug: debug)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return GlossaryCache(directory: home + "/.cache/termlint", debug: debug)
    }
    return nil
  }

  /// The glossaries at `paths`, merged and compiled: from the cache when it holds them, else
  /// loaded, compiled and stored (as `CompiledGlossary(GlossaryIO.loadAll(paths:options:))`).
  ///
  /// - Throws: what loading or compiling throws; never a cache problem.
  public func compiledGlossary(paths: [String], options: (String) -> SheetOptions = { _ in .none })
    throws -> CompiledGlossary
  {
    try lookup(paths: paths, options: options).glossary
  }

  /// `compiledGlossary(paths:options:)`, and whether it came from the cache.
  func lookup(paths: [String], options: (String) -> SheetOptions = { _ in .none }) throws -> (
    glossary: CompiledGlossary, hit: Bool
  ) {
    let start = Date()
    guard !paths.isEmpty, let key = key(paths: paths, options: options) else {
      return (try CompiledGlossary(GlossaryIO.loadAll(paths: paths, options: options)), false)
    }
    note("key of \(paths.count) file(s) in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
    let file = path(forKey: key.text)
    if let cached = read(file, key: key.text) { return (cached, true) }
    let compiled = try CompiledGlossary(GlossaryIO.loadAll(paths: paths, options: options))
    // A file that changed while it was loaded may not be what was hashed: not stored.
    if paths.map(Self.stamp) == key.stamps { write(compiled, key: key.text, to: file) }
    return (compiled, false)
  }

  /// A key and the files' (size, modification time) when it was computed.
  struct Key {
    package let text: String
    let stamps: [Stamp?]
  }

  struct Stamp: Equatable {
    let size: Int64, seconds: Int, nanoseconds: Int
  }

  static func stamp(_ path: String) -> Stamp? {
    var s = stat()
    guard stat(path, &s) == 0 else { return nil }
    return Stamp(
      size: Int64(s.st_size), seconds: Int(s.st_mtim.tv_sec), nanoseconds: Int(s.st_mtim.tv_nsec))
  }

  /// The size and modification time of the running executable (`/proc/self/exe`), part of the
  /// key so that every build has caches of its own.
  static let executableStamp: String = {
    guard let s = stamp("/proc/self/exe") else { return "unknown" }
    return "\(s.size)-\(s.seconds).\(s.nanoseconds)"
  }()

  /// The key for `paths`; nil when a file cannot be read (loading then reports it).
  func key(paths: [String], options: (String) -> SheetOptions) -> Key? {
    var text =
      "termlint \(Termlint.version) cache \(GlossaryCacheFormat.version) icu \(ICU.version) build \(Self.executableStamp)\n"
    var stamps: [Stamp?] = []
    for path in paths {
      let before = Self.stamp(path)
      guard let (hash, size) = ContentHash.ofFile(at: path) else { return nil }
      stamps.append(before)
      text += "\(path)\u{0}\(size)\u{0}\(hash)\u{0}\(String(reflecting: options(path)))\n"
    }
    return Key(text: text, stamps: stamps)
  }

  /// The cache file for a key.
  func path(forKey key: String) -> String {
    directory + "/" + ContentHash.of(Array(key.utf8)) + "." + Self.fileExtension
  }

  private func note(_ message: @autoclosure () -> String) {
    guard debug else { return }
    FileHandle.standardError.write(Data("termlint: glossary cache: \(message())\n".utf8))
  }

  /// The compiled glossary in `file` when it is a valid cache file for `key`.
  func read(_ file: String, key: String) -> CompiledGlossary? {
    let start = Date()
    func ms() -> Int { Int(Date().timeIntervalSince(start) * 1000) }
    let outcome = Self.withMappedFile(file) { buffer -> Result<CompiledGlossary?, Error> in
      Result {
        note("mapped \(buffer.count) bytes in \(ms()) ms")
        let (stored, payload) = try GlossaryCacheFormat.header(of: buffer)
        guard stored == key else { return nil }
        note("checked in \(ms()) ms")
        return try GlossaryCacheFormat.decode(UnsafeRawBufferPointer(rebasing: buffer[payload]))
      }
    }
    switch outcome {
    case nil:
      note("no file \(file)")
      return nil
    case .failure?:
      note("\(file) is truncated, corrupt or of another format; replacing it")
      return nil
    case .success(nil)?:
      note("\(file) was written for other glossaries; replacing it")
      return nil
    case .success(let compiled?)?:
      utimes(file, nil)  // last use, for the clean-up
      note("decoded \(file) in \(ms()) ms")
      return compiled
    }
  }

  /// Calls `body` with a file's bytes mapped read-only (no copy: the page cache's pages, read
  /// ahead in one go); nil when the file cannot be opened or mapped. The cache writes files by
  /// renaming new ones into place, so a mapped file never changes underneath.
  static func withMappedFile<T>(_ path: String, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var s = stat()
    guard fstat(fd, &s) == 0, s.st_size >= 0 else { return nil }
    let size = Int(s.st_size)
    if size == 0 { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0),
      address != MAP_FAILED
    else { return nil }
    defer { munmap(address, size) }
    return body(UnsafeRawBufferPointer(start: address, count: size))
  }

  /// Stores a compiled glossary (atomically), then deletes old files; failures are silent.
  func write(_ compiled: CompiledGlossary, key: String, to file: String) {
    guard UInt32(1).littleEndian == 1 else { return }
    do {
      let bytes = try GlossaryCacheFormat.encode(compiled, key: key)
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
      )
      try Self.writeAtomically(bytes, to: file)
      note("wrote \(file) (\(bytes.count) bytes)")
    } catch {
      note("not written to \(directory): \(error)")
      return
    }
    removeOldFiles(keeping: file)
  }

  struct WriteFailed: Error { let errno: Int32 }

  /// Writes a file by renaming a temporary file of the same folder into place, so that readers
  /// see the old file or the new one, never part of one. Unlike `AtomicFile` it does not
  /// `fsync` (tens of milliseconds for a large glossary): a file torn by a power cut fails its
  /// hash check and is rebuilt.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw WriteFailed(errno: errno) }
    var done = 0
    let failure: Int32? = bytes.withUnsafeBytes { buffer in
      while done < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return errno }
        done += n
      }
      return nil
    }
    let closed = close(fd) == 0
    if let failure {
      unlink(temporary)
      throw WriteFailed(errno: failure)
    }
    guard closed, rename(temporary, path) == 0 else {
      let e = errno
      unlink(temporary)
      throw WriteFailed(errno: e)
    }
  }

  /// Deletes cache files unused for `maximumAge`, then the least recently used beyond
  /// `maximumFiles`, and temporary files an interrupted run left (older than an hour).
  func removeOldFiles(keeping kept: String, now: Date = Date()) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    var files: [(path: String, used: Int)] = []
    for name in names where name.hasSuffix(".tmp") && name.contains(".\(Self.fileExtension).") {
      let path = directory + "/" + name
      if let stamp = Self.stamp(path), Double(stamp.seconds) < now.timeIntervalSince1970 - 3600 {
        unlink(path)
      }
    }
    for name in names where name.hasSuffix("." + Self.fileExtension) {
      let path = directory + "/" + name
      guard path != kept, let stamp = Self.stamp(path) else { continue }
      if Double(stamp.seconds) < now.timeIntervalSince1970 - Self.maximumAge {
        unlink(path)
      } else {
        files.append((path, stamp.seconds))
      }
    }
    files.sort { $0.used > $1.used }
    for old in files.dropFirst(Self.maximumFiles - 1) { unlink(old.path) }
  }

  /// A whole file in one read; nil when it cannot be read.
  static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var s = stat()
    guard fstat(fd, &s) == 0, s.st_size >= 0, s.st_size < Int64(Int32.max) * 4 else { return nil }
    let size = Int(s.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var done = 0
      while done < size {
        let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        done += n
      }
      failed = done != size
      count = done
    }
    return failed ? nil : bytes
  }
}
