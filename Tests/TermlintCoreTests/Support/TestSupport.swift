import Foundation
import TermlintTestSupport

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Builds linters over in-memory text for tests.
enum TestLint {
  static let exampleGlossary: CompiledGlossary = try! CompiledGlossary(ExampleGlossary.glossary)

  /// Lints `text` (as Markdown when `markdown`) with the given rules (default: all built-in).
  static func findings(
    _ text: String, path: String = "test.md", rules: [String]? = nil,
    glossary: CompiledGlossary = exampleGlossary,
    markdown: Bool = true
  ) throws -> [Finding] {
    let file = SourceFile(path: path, text: text)
    return try findings(file: file, rules: rules, glossary: glossary, markdown: markdown)
  }

  static func findings(
    file: SourceFile, rules: [String]? = nil, glossary: CompiledGlossary = exampleGlossary,
    markdown: Bool = true
  ) throws -> [Finding] {
    try findings(
      file: file, configured: Pipeline.builtIn.configuredRules(only: rules ?? []),
      glossary: glossary, markdown: markdown)
  }

  /// Lints `text` with rule instances (data rules, rules made with options) at their default severity.
  static func findings(
    _ text: String, path: String = "test.md", instances: [any Rule],
    glossary: CompiledGlossary = exampleGlossary, markdown: Bool = true
  ) throws -> [Finding] {
    let configured = instances.map { ConfiguredRule($0, severity: $0.descriptor.defaultSeverity) }
    return try findings(
      file: SourceFile(path: path, text: text), configured: configured, glossary: glossary,
      markdown: markdown)
  }

  static func findings(
    file: SourceFile, configured: [ConfiguredRule], glossary: CompiledGlossary, markdown: Bool
  ) throws -> [Finding] {
    let linter = Linter(
      glossary: glossary, rules: configured, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
    let document = PlainTextReader.read(file, markdown: markdown, language: LanguageTag("en"))
    return try linter.lint(document)
  }
}

/// Builds bilingual documents for tests: rule examples with a `source:` and hand-aligned texts.
///
/// Layout of an example: each line of `source` pairs with the line of `target` at the same
/// place; blank lines separate paragraphs (both sides must have the same paragraphs and lines).
/// A line that is exactly `∅` is a missing side. A one-line example is one translation unit
/// (like an XLIFF unit); a longer one is an aligned article pair whose units carry the
/// `paragraph` and `bead` (`1-1`, `1-0`, `0-1`) metadata the aligner writes.
enum BilingualExample {
  /// A built example: the document, its two files and the marker positions on each side.
  struct Built {
    let document: Document
    let source: SourceFile
    let target: SourceFile
    /// `(path, line, column)` of every marker: `↓` in the target, `⇣` in the source.
    let markers: [Marker]
  }

  /// Where a marker is.
  struct Marker: Hashable, Comparable, CustomStringConvertible {
    let path: String, line: Int, column: Int
    var description: String { "\(path):\(line):\(column)" }
    static func < (a: Marker, b: Marker) -> Bool {
      (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
  }

  /// Splits text into paragraphs of lines.
  static func cells(_ text: String) -> [[String]] {
    text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").map {
      $0.components(separatedBy: "\n")
    }
  }

  /// Builds an example; `transform` is applied to every line that is not `∅` (a variant of the
  /// generic test), `prefix` is written before the first unit of each side (outside the unit's
  /// text), `newline` joins lines.
  static func build(
    source: String, target: String, transform: (String) -> String = { $0 }, prefix: String = "",
    newline: String = "\n"
  ) throws -> Built {
    let s = cells(source)
    let t = cells(target)
    guard s.count == t.count, zip(s, t).allSatisfy({ $0.count == $1.count }) else {
      throw TermlintError.input("example", "source and target have different paragraphs or lines")
    }
    let aligned = s.count > 1 || s[0].count > 1
    var sourceText: [UInt16] = []
    var targetText: [UInt16] = []
    var sourceRanges: [[Range<Int>?]] = []
    var targetRanges: [[Range<Int>?]] = []
    var markers: [Marker] = []
    func append(
      _ cell: String, first: Bool, into text: inout [UInt16], path: String, marker: Character
    ) -> Range<Int>? {
      if cell == "∅" { return nil }
      // The prefix goes before the unit's text, like markup before an XLIFF segment.
      if first { text += Array(prefix.utf16) }
      let raw = transform(cell)
      var line = 1
      var k = 0
      while k < text.count {
        if text[k] == 0x0A || (text[k] == 0x0D && !(k + 1 < text.count && text[k + 1] == 0x0A)) {
          line += 1
        }
        k += 1
      }
      let start = text.count
      var column = first ? prefix.unicodeScalars.count + 1 : 1
      for scalar in raw.unicodeScalars {
        if Character(scalar) == marker {
          markers.append(Marker(path: path, line: line, column: column))
          continue
        }
        text.append(contentsOf: String(scalar).utf16)
        column += 1
      }
      return start..<text.count
    }
    var first = true
    for (p, paragraph) in s.enumerated() {
      var sr: [Range<Int>?] = []
      var tr: [Range<Int>?] = []
      for (l, _) in paragraph.enumerated() {
        if !(p == 0 && l == 0) {
          let separator = Array((l == 0 ? newline + newline : newline).utf16)
          sourceText += separator
          targetText += separator
        }
        sr.append(
          append(
            s[p][l], first: first, into: &sourceText, path: "source.md",
            marker: RuleExample.sourceMarker))
        tr.append(
          append(
            t[p][l], first: first, into: &targetText, path: "test.md", marker: RuleExample.marker))
        first = false
      }
      sourceRanges.append(sr)
      targetRanges.append(tr)
    }
    let sourceFile = SourceFile(
      path: "source.md", text: String(decoding: sourceText, as: UTF16.self))
    let targetFile = SourceFile(path: "test.md", text: String(decoding: targetText, as: UTF16.self))
    let ru = LanguageTag("ru")
    let en = LanguageTag("en")
    var units: [TermlintCore.Unit] = []
    for (p, paragraph) in sourceRanges.enumerated() {
      for (l, sourceRange) in paragraph.enumerated() {
        let targetRange = targetRanges[p][l]
        var metadata: [String: String] = [:]
        if aligned {
          metadata["paragraph"] = String(p)
          metadata["bead"] = "\(sourceRange == nil ? 0 : 1)-\(targetRange == nil ? 0 : 1)"
        }
        units.append(
          TermlintCore.Unit(
            id: "u\(units.count + 1)",
            source: sourceRange.map { TextSpan(file: sourceFile, range: $0, language: ru) },
            target: targetRange.map { TextSpan(file: targetFile, range: $0, language: en) },
            metadata: metadata))
      }
    }
    let document = Document(
      file: targetFile, format: "pair", units: units, sourceLanguage: ru, targetLanguage: en)
    return Built(document: document, source: sourceFile, target: targetFile, markers: markers)
  }
}

extension TestLint {
  /// Lints a document with the given rules (default: all built-in).
  /// The rules a test runs when it names none: the stable built-in rules plus the preview
  /// rules the shipped newsroom pipelines turn on (`Pipelines/default.yml`).
  static let pipelineRules: [String] =
    BuiltInRules.descriptors.filter { $0.status == .stable }.map(\.id) + [
      "number-mismatch", "omission",
    ]

  static func findings(
    document: Document, rules: [String]? = nil, glossary: CompiledGlossary = exampleGlossary
  ) throws -> [Finding] {
    let configured = try Pipeline.builtIn.configuredRules(only: rules ?? pipelineRules)
    let linter = Linter(
      glossary: glossary, rules: configured, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
    return try linter.lint(document)
  }
}
