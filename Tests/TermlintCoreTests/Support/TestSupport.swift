import Foundation
@testable import TermlintCore

/// Paths used by tests.
enum TestPaths {
  /// The repository root, derived from this file's path.
  static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// `../shared/corpus` beside the clone (present in CI, absent in a user's clone).
  static let corpus: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  /// Whether the shared corpus is available.
  static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
  /// A file under the repository root.
  static func repo(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }
}

/// Builds linters over in-memory text for tests.
enum TestLint {
  static let exampleGlossary: CompiledGlossary = try! CompiledGlossary(ExampleGlossary.glossary)

  /// Lints `text` (as Markdown when `markdown`) with the given rules (default: all built-in).
  static func findings(
    _ text: String, path: String = "test.md", rules: [String]? = nil, glossary: CompiledGlossary = exampleGlossary,
    markdown: Bool = true
  ) throws -> [Finding] {
    let file = SourceFile(path: path, text: text)
    return try findings(file: file, rules: rules, glossary: glossary, markdown: markdown)
  }

  static func findings(file: SourceFile, rules: [String]? = nil, glossary: CompiledGlossary = exampleGlossary, markdown: Bool = true) throws -> [Finding] {
    try findings(file: file, configured: Pipeline.builtIn.configuredRules(only: rules ?? []), glossary: glossary, markdown: markdown)
  }

  /// Lints `text` with rule instances (data rules, rules made with options) at their default severity.
  static func findings(_ text: String, path: String = "test.md", instances: [any Rule], glossary: CompiledGlossary = exampleGlossary, markdown: Bool = true) throws -> [Finding] {
    let configured = instances.map { ConfiguredRule($0, severity: $0.descriptor.defaultSeverity) }
    return try findings(file: SourceFile(path: path, text: text), configured: configured, glossary: glossary, markdown: markdown)
  }

  static func findings(file: SourceFile, configured: [ConfiguredRule], glossary: CompiledGlossary, markdown: Bool) throws -> [Finding] {
    let linter = Linter(glossary: glossary, rules: configured, sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    let document = PlainTextReader.read(file, markdown: markdown, language: LanguageTag("en"))
    return try linter.lint(document)
  }
}
