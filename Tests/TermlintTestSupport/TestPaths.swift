import Foundation

/// Paths used by tests.
public enum TestPaths {
  /// The repository root, derived from this file's path.
  public static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  /// `../shared/corpus` beside the clone (present in CI, absent in a user's clone).
  public static let corpus: URL = repoRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus")
  /// Whether the shared corpus is available.
  public static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
  /// A file under the repository root.
  public static func repo(_ relative: String) -> String {
    repoRoot.appendingPathComponent(relative).path
  }
}
