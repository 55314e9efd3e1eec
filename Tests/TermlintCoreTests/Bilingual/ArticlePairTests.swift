import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The example article pair in `Examples/bilingual`, aligned by hand into sentence beads (as the
/// aligner will do it): the clean translation reports nothing, the planted one exactly the
/// findings in `article-planted.en.expected`.
@Suite("Bilingual example article")
struct ArticlePairTests {
  /// The beads of each paragraph (the heading is paragraph 0), as `source-target` sentence counts.
  static let cleanBeads: [[String]] = [
    ["1-1"], ["2-1", "1-1"], ["1-1", "1-1", "1-1"], ["2-1", "1-1"], ["2-1", "1-1"], ["2-1"],
    ["1-1", "1-1", "1-1"], ["1-2"],
    ["1-1", "1-1", "1-1"], ["1-1", "1-1", "1-1"], ["1-1", "1-1", "1-1"], ["2-1", "1-1"], ["2-1"],
  ]
  /// The planted translation leaves out the second sentence of paragraph 9.
  static let plantedBeads: [[String]] = {
    var beads = cleanBeads
    beads[9] = ["1-1", "1-0", "1-1"]
    return beads
  }()

  static let folder = "Examples/bilingual"

  /// Sentences of a one-line paragraph, as UTF-16 ranges of the file: a sentence ends at . ! ?
  /// (after any closing quotes) before white space and a capital or an opening quote.
  static func sentences(in file: SourceFile, line: Int) -> [Range<Int>] {
    var range = file.lineRange(line)
    let text = file.text(in: range)
    if text.hasPrefix("# ") { range = (range.lowerBound + 2)..<range.upperBound }
    let body = file.text(in: range)
    var result: [Range<String.Index>] = []
    var start = body.startIndex
    for m in body.matches(of: /[.!?][»”’")]*(\s+)(?=[\p{Lu}«“"])/) {
      result.append(start..<m.output.1.startIndex)
      start = m.output.1.endIndex
    }
    result.append(start..<body.endIndex)
    return result.map { r in
      (range.lowerBound + r.lowerBound.utf16Offset(in: body))..<(range.lowerBound
        + r.upperBound.utf16Offset(in: body))
    }
  }

  /// Lines that hold a paragraph (non-blank).
  static func paragraphLines(_ file: SourceFile) -> [Int] {
    (1...file.lineStarts.count).filter {
      !file.lineText($0).trimmingCharacters(in: .whitespaces).isEmpty
    }
  }

  /// The pair as one document of sentence beads.
  static func document(target: String, beads: [[String]]) throws -> Document {
    let source = try SourceFile.read(path: TestPaths.repo("\(folder)/article.ru.md"))
    let translation = try SourceFile.read(path: TestPaths.repo("\(folder)/\(target)"))
    let sourceLines = paragraphLines(source)
    let targetLines = paragraphLines(translation)
    try #require(sourceLines.count == beads.count && targetLines.count == beads.count)
    var units: [TermlintCore.Unit] = []
    for (p, paragraph) in beads.enumerated() {
      var s = sentences(in: source, line: sourceLines[p])[...]
      var t = sentences(in: translation, line: targetLines[p])[...]
      for bead in paragraph {
        let counts = bead.split(separator: "-").compactMap { Int($0) }
        func take(_ n: Int, from list: inout ArraySlice<Range<Int>>) -> Range<Int>? {
          guard n > 0 else { return nil }
          let taken = list.prefix(n)
          list = list.dropFirst(n)
          return taken.first!.lowerBound..<taken.last!.upperBound
        }
        let sr = take(counts[0], from: &s)
        let tr = take(counts[1], from: &t)
        units.append(
          TermlintCore.Unit(
            id: "s\(units.count + 1)",
            source: sr.map { TextSpan(file: source, range: $0, language: LanguageTag("ru")) },
            target: tr.map { TextSpan(file: translation, range: $0, language: LanguageTag("en")) },
            metadata: ["paragraph": String(p), "bead": bead]))
      }
      #expect(s.isEmpty && t.isEmpty, "paragraph \(p): beads do not use every sentence")
    }
    return Document(
      file: translation, format: "pair", units: units, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
  }

  static func lint(_ document: Document) throws -> [Finding] {
    let glossary = try CompiledGlossary(
      GlossaryIO.load(path: TestPaths.repo("Glossaries/security-ru-en.csv")))
    let linter = Linter(
      glossary: glossary, rules: try Pipeline.builtIn.configuredRules(only: TestLint.pipelineRules),
      sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    return try linter.lint(document)
  }

  @Test func sourceHasThirtySentencesAndRestructurings() throws {
    let document = try Self.document(target: "article.en.md", beads: Self.cleanBeads)
    #expect(document.units.compactMap { UnitFacts.bead($0) }.map(\.source).reduce(0, +) >= 30)
    #expect(
      document.units.contains { $0.metadata["bead"] == "2-1" }
        && document.units.contains { $0.metadata["bead"] == "1-2" })
  }

  @Test func cleanTranslationReportsNothing() throws {
    let findings = try Self.lint(Self.document(target: "article.en.md", beads: Self.cleanBeads))
    #expect(
      findings.isEmpty,
      "\(findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.message)" })")
  }

  @Test func plantedTranslationReportsExactlyThePlantedMistakes() throws {
    let findings = try Self.lint(
      Self.document(target: "article-planted.en.md", beads: Self.plantedBeads))
    let found = findings.map { f in
      "\(URL(fileURLWithPath: f.location.path).lastPathComponent):\(f.location.line):\(f.location.column)\t\(f.ruleID)\t\(f.matchedText)"
    }
    let expected = try String(
      contentsOfFile: TestPaths.repo("\(Self.folder)/article-planted.en.expected"), encoding: .utf8
    )
    .split(separator: "\n").map(String.init)
    #expect(found.sorted() == expected.sorted())
    // Each finding says what to do and, where it has two sides, where the other side is.
    for f in findings where ["term-missing", "number-mismatch", "omission"].contains(f.ruleID) {
      #expect(!f.related.isEmpty, "\(f.ruleID) has a related location")
    }
  }
}

/// The shipped Geneva story and its translation (`Examples/clean-article.*.md`), paired
/// paragraph by paragraph like XLIFF units: a correct translation, so nothing is reported.
@Suite("Bilingual rules on the clean Geneva story")
struct CleanStoryPairTests {
  static func pairs(_ name: String) throws -> Document {
    let ru = PlainTextReader.read(
      try SourceFile.read(path: TestPaths.repo("Examples/\(name).ru.md")), markdown: true,
      language: LanguageTag("ru"))
    let en = PlainTextReader.read(
      try SourceFile.read(path: TestPaths.repo("Examples/\(name).en.md")), markdown: true,
      language: LanguageTag("en"))
    try #require(ru.units.count == en.units.count)
    let units = zip(ru.units, en.units).map {
      TermlintCore.Unit(id: $1.id, source: $0.target, target: $1.target)
    }
    return Document(
      file: en.file, format: "pair", units: units, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
  }

  @Test func cleanStoryReportsNothing() throws {
    let findings = try ArticlePairTests.lint(Self.pairs("clean-article"))
    #expect(
      findings.isEmpty,
      "\(findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.message)" })")
  }

  @Test func shortStoryReportsOnlyItsGlossaryMistakes() throws {
    let findings = try ArticlePairTests.lint(Self.pairs("article"))
    let expected = try String(
      contentsOfFile: TestPaths.repo("Examples/article.en.expected"), encoding: .utf8
    )
    .split(separator: "\n").map { $0.split(separator: "\t")[1] }
    #expect(
      findings.map(\.ruleID).sorted() == expected.map(String.init).sorted(),
      "\(findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.message)" })")
  }
}
