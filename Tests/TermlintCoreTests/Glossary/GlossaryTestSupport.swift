import Foundation
import Testing

@testable import TermlintCore

/// Paths and helpers shared by the glossary tests.
enum GlossaryTestSupport {
  /// `Tests/TermlintCoreTests`.
  static let testsDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()  // Glossary
    url.deleteLastPathComponent()  // TermlintCoreTests
    return url.path
  }()

  /// The repository root (`/work/main`).
  static let repoRoot: String = {
    var url = URL(fileURLWithPath: testsDirectory)
    url.deleteLastPathComponent()  // Tests
    url.deleteLastPathComponent()  // repo root
    return url.path
  }()

  /// `Tests/TermlintCoreTests/Fixtures/glossary/<name>`.
  static func fixture(_ name: String) -> String { testsDirectory + "/Fixtures/glossary/" + name }

  /// `<repo root>/../shared/corpus`.
  static let corpus: String = URL(fileURLWithPath: repoRoot).deletingLastPathComponent().appendingPathComponent("shared/corpus").path

  /// Whether the shared corpus is present; corpus tests are skipped (visibly) when it is not.
  static let corpusAvailable: Bool = FileManager.default.fileExists(atPath: corpus + "/tbx")

  /// A corpus file path.
  static func corpusFile(_ relative: String) -> String { corpus + "/" + relative }

  /// The `.tbx` files directly in `corpus/tbx` (not the edge cases), sorted.
  static var corpusTBXFiles: [String] {
    guard corpusAvailable else { return [] }
    let dir = corpus + "/tbx"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".tbx") }.sorted().map { dir + "/" + $0 }
  }

  /// The `.tbx` files in `corpus/tbx/edge-cases`, sorted.
  static var corpusEdgeCaseFiles: [String] {
    guard corpusAvailable else { return [] }
    let dir = corpus + "/tbx/edge-cases"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".tbx") }.sorted().map { dir + "/" + $0 }
  }

  /// Runs `body`, expecting a `TermlintError`, and returns it (records a failure otherwise).
  static func expectError(
    _ body: () throws -> Glossary, sourceLocation: SourceLocation = #_sourceLocation
  ) -> TermlintError? {
    do {
      let g = try body()
      Issue.record("expected an error, loaded \(g.concepts.count) concepts", sourceLocation: sourceLocation)
      return nil
    } catch let error as TermlintError {
      return error
    } catch {
      Issue.record("expected TermlintError, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }

  /// Loads text as a glossary of the given format.
  static func load(_ text: String, _ format: GlossaryFormat, path: String = "test") throws -> Glossary {
    try GlossaryIO.load(bytes: Array(text.utf8), path: path, format: format)
  }

  /// Writes then reads back a glossary through a format.
  static func roundTrip(_ g: Glossary, through format: GlossaryFormat) throws -> Glossary {
    let bytes = try GlossaryIO.write(g, format: format)
    return try GlossaryIO.load(bytes: bytes, path: "roundtrip.\(format.preferredExtension)", format: format)
  }

  /// A readable first difference between two glossaries, for failure messages.
  static func firstDifference(_ a: Glossary, _ b: Glossary) -> String {
    if a.concepts.count != b.concepts.count { return "concept count \(a.concepts.count) vs \(b.concepts.count)" }
    for (x, y) in zip(a.concepts, b.concepts) where x != y {
      if x.id != y.id || x.subjectField != y.subjectField || x.note != y.note {
        return "concept \(x.id)/\(y.id): subject \(x.subjectField.debugDescription) vs \(y.subjectField.debugDescription), note \(x.note.debugDescription) vs \(y.note.debugDescription)"
      }
      if x.terms.count != y.terms.count { return "concept \(x.id): \(x.terms.count) vs \(y.terms.count) terms" }
      for (s, t) in zip(x.terms, y.terms) where s != t { return "concept \(x.id): \(s) vs \(t)" }
    }
    return "no difference"
  }
}
