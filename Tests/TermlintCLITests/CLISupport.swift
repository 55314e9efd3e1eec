import Foundation

/// Runs the built `termlint` binary.
enum CLI {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The binary SwiftPM built next to the test bundle, or the one `TERMLINT_TEST_BINARY`
  /// names (`.ci/run` runs these tests once more against the release build: the optimizer
  /// can change behaviour, as a Swift 6.3.1 miscompile of the entity guard did).
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["TERMLINT_TEST_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("termlint"),
      Bundle.main.bundleURL.appendingPathComponent("termlint"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("termlint"),
      repoRoot.appendingPathComponent(".build/debug/termlint"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates
      .last!
  }()

  /// How many times slower than a plain debug build this test binary (and the termlint built
  /// with it) runs: sanitizer builds (`.ci/sanitizers`) are several times slower, so wall-clock
  /// bounds that catch hangs stretch with them.
  static let slowdown: Double = {
    let program = dlopen(nil, RTLD_NOW)
    if dlsym(program, "__tsan_init") != nil { return 10 }
    if dlsym(program, "__asan_init") != nil { return 5 }
    return 1
  }()

  /// The glossary cache folder of the binaries these tests run (`TERMLINT_CACHE_DIR`), created
  /// on first use and removed at exit.
  static let cacheDirectory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-cli-cache-\(UUID().uuidString)")
    TemporaryDirectories.shared.add(url)
    return url
  }()

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs termlint with arguments in `directory` (default: the repository root).
  static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repoRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    // The glossary cache goes to a folder of this test process, never the user's ~/.cache.
    env["TERMLINT_CACHE_DIR"] = cacheDirectory.path
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    // Standard error is read on another thread: read one after the other, a process that fills
    // the stderr pipe (64 KiB; a sanitizer's report does) before closing stdout never ends.
    let errors = Collected()
    let reading = DispatchGroup()
    reading.enter()
    DispatchQueue.global().async {
      errors.set(err.fileHandleForReading.readDataToEndOfFile())
      reading.leave()
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    reading.wait()
    let e = errors.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  /// Bytes handed over from a reader thread.
  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    func set(_ data: Data) { lock.withLock { value = data } }
    var data: Data { lock.withLock { value } }
  }

  /// A fresh temporary directory, removed when the test process ends (tests that remove it
  /// themselves earlier may).
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryDirectories.shared.add(url)
    return url
  }
}

/// The temporary directories the tests made, removed at exit so that runs do not pile them up
/// in /tmp.
final class TemporaryDirectories: @unchecked Sendable {
  static let shared: TemporaryDirectories = {
    let directories = TemporaryDirectories()
    atexit { TemporaryDirectories.shared.removeAll() }
    return directories
  }()
  private let lock = NSLock()
  private var urls: [URL] = []

  func add(_ url: URL) { lock.withLock { urls.append(url) } }

  func removeAll() {
    let all = lock.withLock { urls }
    for url in all { try? FileManager.default.removeItem(at: url) }
  }
}
