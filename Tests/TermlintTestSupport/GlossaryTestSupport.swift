import Foundation
import TermlintGlossary
import TermlintText

/// Paths and helpers shared by the glossary tests.
public enum GlossaryTestSupport {
  /// `Tests/TermlintGlossaryTests`, where the glossary fixtures are.
  public static let testsDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()  // TermlintTestSupport
    url.deleteLastPathComponent()  // Tests
    return url.path + "/TermlintGlossaryTests"
  }()

  /// The repository root (`/work/main`).
  public static let repoRoot: String = {
    var url = URL(fileURLWithPath: testsDirectory)
    url.deleteLastPathComponent()  // Tests
    url.deleteLastPathComponent()  // repository root
    return url.path
  }()

  /// `Tests/TermlintGlossaryTests/Fixtures/glossary/<name>`.
  public static func fixture(_ name: String) -> String {
    testsDirectory + "/Fixtures/glossary/" + name
  }

  /// `<repo root>/../shared/corpus`.
  public static let corpus: String = URL(fileURLWithPath: repoRoot).deletingLastPathComponent()
    .appendingPathComponent("shared/corpus").path

  /// Whether the shared corpus is present; corpus tests are skipped (visibly) when it is not.
  public static let corpusAvailable: Bool = FileManager.default.fileExists(atPath: corpus + "/tbx")

  /// A corpus file path.
  public static func corpusFile(_ relative: String) -> String { corpus + "/" + relative }

  /// The `.tbx` files directly in `corpus/tbx` (not the edge cases), sorted.
  public static var corpusTBXFiles: [String] {
    guard corpusAvailable else { return [] }
    let dir = corpus + "/tbx"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".tbx") }.sorted().map { dir + "/" + $0 }
  }

  /// The `.tbx` files in `corpus/tbx/edge-cases`, sorted.
  public static var corpusEdgeCaseFiles: [String] {
    guard corpusAvailable else { return [] }
    let dir = corpus + "/tbx/edge-cases"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".tbx") }.sorted().map { dir + "/" + $0 }
  }

  /// Loads text as a glossary of the given format.
  public static func load(_ text: String, _ format: GlossaryFormat, path: String = "test") throws
    -> Glossary
  {
    try GlossaryIO.load(bytes: Array(text.utf8), path: path, format: format)
  }

  /// Writes then reads back a glossary through a format.
  public static func roundTrip(_ g: Glossary, through format: GlossaryFormat) throws -> Glossary {
    let bytes = try GlossaryIO.write(g, format: format)
    return try GlossaryIO.load(
      bytes: bytes, path: "roundtrip.\(format.preferredExtension)", format: format)
  }

  /// A readable first difference between two glossaries, for failure messages.
  public static func firstDifference(_ a: Glossary, _ b: Glossary) -> String {
    if a.concepts.count != b.concepts.count {
      return "concept count \(a.concepts.count) vs \(b.concepts.count)"
    }
    for (x, y) in zip(a.concepts, b.concepts) where x != y {
      if x.id != y.id || x.subjectField != y.subjectField || x.note != y.note {
        return
          "concept \(x.id)/\(y.id): subject \(x.subjectField.debugDescription) vs \(y.subjectField.debugDescription), note \(x.note.debugDescription) vs \(y.note.debugDescription)"
      }
      if x.terms.count != y.terms.count {
        return "concept \(x.id): \(x.terms.count) vs \(y.terms.count) terms"
      }
      for (s, t) in zip(x.terms, y.terms) where s != t { return "concept \(x.id): \(s) vs \(t)" }
    }
    return "no difference"
  }
}
