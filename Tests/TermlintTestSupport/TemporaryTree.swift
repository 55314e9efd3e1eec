import Foundation

/// A temporary folder tree for file tests, removed by the caller when done or, at the latest,
/// when the test process ends.
public struct TemporaryTree {
  public let root: URL

  public init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    Self.made.add(root)
  }

  /// Every tree made, removed at exit so that test runs do not pile folders up in /tmp.
  private static let made: Made = {
    let made = Made()
    atexit { TemporaryTree.made.removeAll() }
    return made
  }()

  private final class Made: @unchecked Sendable {
    private let lock = NSLock()
    private var urls: [URL] = []
    func add(_ url: URL) { lock.withLock { urls.append(url) } }
    func removeAll() {
      for url in lock.withLock({ urls }) { try? FileManager.default.removeItem(at: url) }
    }
  }

  /// Writes a file (creating folders) and returns its path.
  @discardableResult
  public func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, bytes: Array(text.utf8))
  }

  /// Writes bytes (creating folders) and returns the path.
  @discardableResult
  public func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// A path inside the tree.
  public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// Names of the entries of a folder in the tree.
  public func entries(_ relative: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path(relative)).sorted()
  }

  public func remove() { try? FileManager.default.removeItem(at: root) }
}
