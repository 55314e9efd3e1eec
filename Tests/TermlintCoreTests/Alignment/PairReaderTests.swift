import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Unaligned pairs: anchors, alignment and the bead document")
struct PairReaderTests {
  static let ru = LanguageTag("ru")!
  static let en = LanguageTag("en")!
  static let fixtures = "Tests/TermlintCLITests/Fixtures/align/"

  static func fixture(_ name: String, lineEnding: String = "\n") throws -> SourceFile {
    let text = try String(contentsOfFile: TestPaths.repo(fixtures + name), encoding: .utf8)
    return SourceFile(path: name, text: text.replacingOccurrences(of: "\n", with: lineEnding))
  }

  static func read(_ ru: SourceFile, _ en: SourceFile, glossary: CompiledGlossary? = nil) throws
    -> Document
  {
    try PairReader.read(
      source: ru, target: en, sourceLanguage: Self.ru, targetLanguage: Self.en, glossary: glossary)
  }

  /// The original file text a span covers.
  static func original(_ span: TextSpan) -> String {
    span.file.text(in: span.map.sourceRange(0..<span.text.count))
  }

  // MARK: - Anchors

  @Test func numbersMatchAcrossLocaleConventions() throws {
    let anchors = try AnchorExtractor(sourceLanguage: Self.ru, targetLanguage: Self.en)
    func numbers(_ text: String, source: Bool) -> [String] {
      let span = TextSpan(
        file: SourceFile(path: "t", text: text), range: 0..<text.utf16.count,
        language: source ? Self.ru : Self.en)
      return anchors.anchors(in: span, isSource: source).filter { $0.kind == .number }.map(\.key)
    }
    #expect(numbers("до 12 500 км и 3,5 млн", source: true) == ["12500", "3.5"])
    #expect(numbers("up to 12,500 km and 3.5 million", source: false) == ["12500", "3.5"])
    #expect(
      numbers("до 12\u{00A0}500 км", source: true) == ["12500"],
      "a no-break space groups digits too")
    #expect(numbers("1,5 и 2.000", source: true) == ["1.5", "2000"])
    #expect(numbers("in 2019 and 2020, 15 people", source: false) == ["2019", "2020", "15"])
    #expect(
      numbers("B0AT1 and H1N1 in 2020", source: false) == ["2020"],
      "codes with letters are not numbers")
    let codes = anchors.anchors(
      in: TextSpan(
        file: SourceFile(path: "t", text: "белок B0AT1"), range: 0..<11, language: Self.ru),
      isSource: true)
    #expect(codes.contains(AnchorExtractor.Anchor(kind: .name, key: "b0at1")))
  }

  @Test func namesAndCognatesMatchThroughTransliteration() throws {
    let anchors = try AnchorExtractor(sourceLanguage: Self.ru, targetLanguage: Self.en)
    func keys(_ text: String, source: Bool, kind: AnchorExtractor.Kind) -> Set<String> {
      let span = TextSpan(
        file: SourceFile(path: "t", text: text), range: 0..<text.utf16.count,
        language: source ? Self.ru : Self.en)
      return Set(anchors.anchors(in: span, isSource: source).filter { $0.kind == kind }.map(\.key))
    }
    let ru = keys(
      "Об этом рассказал Сергей Рябков на брифинге по COVID-19 в Вашингтоне", source: true,
      kind: .name)
    let en = keys(
      "Sergey Ryabkov told a COVID-19 briefing in Washington", source: false, kind: .name)
    #expect(
      ru.intersection(en) == ["serge", "riabc", "covid", "vashi"],
      "spelling differences are levelled (k/c, y/i, w/v)")
    #expect(
      keys("по словам Рябкова", source: true, kind: .name).contains("riabc"),
      "inflected forms share the first letters")
    let cognates = keys("консультации экспертов о стабильности", source: true, kind: .cognate)
    #expect(
      cognates.intersection(
        keys("expert consultations on stability", source: false, kind: .cognate)) == [
          "consu", "ecspe", "stabi",
        ])
  }

  @Test func glossaryConceptsAreAnchorsOnBothSides() throws {
    let anchors = try AnchorExtractor(
      sourceLanguage: Self.ru, targetLanguage: Self.en, glossary: TestLint.exampleGlossary)
    func concepts(_ text: String, source: Bool) -> [String] {
      let span = TextSpan(
        file: SourceFile(path: "t", text: text), range: 0..<text.utf16.count,
        language: source ? Self.ru : Self.en)
      return anchors.anchors(in: span, isSource: source).filter { $0.kind == .concept }.map(\.key)
    }
    let ru = concepts("Москва требует гарантий безопасности", source: true)
    #expect(ru.count == 1)
    #expect(concepts("Moscow demands security guarantees", source: false) == ru)
    #expect(
      concepts("Moscow demands security assurances", source: false) == ru,
      "a deprecated term is the same concept")
  }

  // MARK: - Alignment of the article pair

  /// The fixture pair: a dateline and two sentences made one (3-1), 2-1 and 1-2 restructurings,
  /// an omitted quote (paragraph 5) and an added last sentence.
  static let expectedShapes = [
    "1-1", "3-1", "1-1", "1-1", "1-1", "1-1", "2-1", "2-1", "1-1", "2-1", "1-1", "1-2", "1-1",
    "1-1", "1-1", "0-1",
  ]

  @Test(arguments: ["\n", "\r\n"])
  func articlePairAlignsIntoBeads(lineEnding: String) throws {
    let document = try Self.read(
      Self.fixture("talks.ru.md", lineEnding: lineEnding),
      Self.fixture("talks.en.md", lineEnding: lineEnding))
    #expect(document.format == "pair")
    #expect(document.file.path == "talks.en.md")
    #expect(document.sourceLanguage == Self.ru && document.targetLanguage == Self.en)
    #expect(document.units.map { $0.metadata["bead"] ?? "" } == Self.expectedShapes)
    #expect(document.units.map(\.id) == (1...Self.expectedShapes.count).map { "b\($0)" })
    for unit in document.units {
      for key in ["paragraph", "bead", "confidence", "lengthScore", "kind", "line"] {
        #expect(unit.metadata[key] != nil, "\(unit.id) lacks \(key)")
      }
      let confidence = try #require(Double(unit.metadata["confidence"] ?? ""))
      #expect(confidence >= 0 && confidence <= 1)
      #expect((unit.metadata["lengthRatio"] != nil) == (unit.source != nil && unit.target != nil))
      #expect(unit.source?.file.path ?? "talks.ru.md" == "talks.ru.md")
      #expect(unit.target?.file.path ?? "talks.en.md" == "talks.en.md")
    }
    #expect(document.units.first?.metadata["kind"] == "heading")
    let added = try #require(document.units.last)
    #expect(
      added.source == nil
        && added.target.map(\.string)
          == "Analysts in both capitals expect little progress before the winter."
    )
    // Paragraph groups are shared by both sides and never decrease.
    let paragraphs = document.units.compactMap { Int($0.metadata["paragraph"] ?? "") }
    #expect(paragraphs == paragraphs.sorted() && paragraphs.last == 7)
  }

  @Test func theOmittedSentenceShowsAsOmissionOrShortTarget() throws {
    let document = try Self.read(Self.fixture("talks.ru.md"), Self.fixture("talks.en.md"))
    let unit = try #require(
      document.units.first { $0.source?.string.contains("Позиции сторон") == true })
    if unit.target != nil {
      let ratio = try #require(Double(unit.metadata["lengthRatio"] ?? ""))
      #expect(ratio < 0.75, "a bead that hides an omitted sentence has a short target: \(ratio)")
    }
  }

  @Test func beadSpansMapToTheOriginalText() throws {
    let document = try Self.read(
      Self.fixture("talks.ru.md", lineEnding: "\r\n"),
      Self.fixture("talks.en.md", lineEnding: "\r\n"))
    for unit in document.units {
      for span in [unit.source, unit.target].compactMap({ $0 }) {
        #expect(
          Self.original(span) == span.string,
          "\(unit.id): beads of one paragraph are verbatim slices")
      }
    }
    let dateline = try #require(document.units.first { $0.metadata["bead"] == "3-1" }?.source)
    #expect(dateline.string.hasPrefix("МОСКВА, 12 апреля. Россия и США"))
    let start = dateline.file.position(utf16Offset: dateline.map.sourceOffset(startingAt: 0))
    #expect(start.line == 3 && start.column == 1)
  }

  @Test func unequalParagraphCountsAreAlignedFirst() throws {
    // The translation merges the two middle paragraphs and drops the last one.
    let ru = SourceFile(
      path: "a.ru.txt",
      text: """
        Делегации встретились в Женеве в понедельник. Переговоры продолжались шесть часов.

        Россия передала проект договора о гарантиях безопасности. Документ содержит восемь статей.

        Американская сторона обещала ответить письменно. Ответ ожидается через две недели.

        Следующий раунд консультаций назначен на середину марта, однако место встречи пока не определено. По данным источников, стороны рассматривают Вену и Женеву.
        """)
    let en = SourceFile(
      path: "a.en.txt",
      text: """
        The delegations met in Geneva on Monday. The talks lasted six hours.

        Russia handed over a draft treaty on security guarantees. The document has eight articles. The American side promised a written reply. A response is expected in two weeks.
        """)
    let document = try Self.read(ru, en)
    #expect(
      document.units.map { $0.metadata["bead"] ?? "" } == [
        "1-1", "1-1", "1-1", "1-1", "1-1", "1-1", "1-0", "1-0",
      ])
    #expect(
      document.units.map { $0.metadata["paragraph"] ?? "" } == [
        "0", "0", "1", "1", "1", "1", "2", "2",
      ])
    #expect(
      document.units[4].metadata["sourceParagraph"] == "2"
        && document.units[4].metadata["targetParagraph"] == "1")
  }

  @Test func beadsJoinSentencesAcrossParagraphBreaks() throws {
    // One English sentence translates the last sentence of a paragraph and the next paragraph.
    let ru = SourceFile(path: "b.ru.md", text: "Первая фраза статьи здесь.\n\nВторая.\n")
    let en = SourceFile(path: "b.en.md", text: "The article's first sentence is here, second.\n")
    let alignment = try PairReader.align(
      source: ru, target: en, sourceLanguage: Self.ru, targetLanguage: Self.en)
    try #require(alignment.beads.count == 1)
    let span = try #require(alignment.beads[0].sourceSpan)
    #expect(span.string == "Первая фраза статьи здесь. Вторая.")
    #expect(span.map.sourceRange(0..<span.text.count) == 0..<(ru.utf16.count - 1))
  }

  @Test func emptySidesGiveOneSidedUnits() throws {
    let document = try Self.read(
      SourceFile(path: "e.ru.md", text: ""),
      SourceFile(path: "e.en.md", text: "Only English. Two sentences.\n"))
    #expect(document.units.map { $0.metadata["bead"] ?? "" } == ["0-1", "0-1"])
    #expect(document.units.allSatisfy { $0.source == nil && $0.target != nil })
  }

  // MARK: - Linting the pair

  @Test func findingsInBeadsPointIntoTheTargetFile() throws {
    let ru = SourceFile(
      path: "c.ru.md",
      text: "# Заголовок\n\nРоссия требует гарантий безопасности. Переговоры начнутся в Женеве.\n")
    let en = SourceFile(
      path: "c.en.md",
      text: "# Headline\n\nRussia demands security assurances. Talks will begin in Geneva.\n")
    let document = try Self.read(ru, en, glossary: TestLint.exampleGlossary)
    let configured = try Pipeline.builtIn.configuredRules(only: ["term-forbidden"])
    let linter = Linter(
      glossary: TestLint.exampleGlossary, rules: configured, sourceLanguage: Self.ru,
      targetLanguage: Self.en)
    let findings = try linter.lint(document)
    try #require(findings.count == 1)
    #expect(findings[0].location.path == "c.en.md")
    #expect(findings[0].location.line == 3 && findings[0].location.column == 16)
    #expect(findings[0].matchedText == "security assurances")
  }
}
