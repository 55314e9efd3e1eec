import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The spelling rule beyond its examples: a real news translation, dictionaries in legacy
/// encodings, the house word list, options, missing dictionaries and concurrent use.
@Suite("Spelling")
struct SpellingRuleTests {
  static var hasEnglishDictionary: Bool { !SpellingDictionaries.installed("en_US").isEmpty }

  static func rule(_ options: [String: String] = [:], file: String? = nil) throws -> SpellingRule {
    try SpellingRule(options: RuleOptions(options, file: file, line: 3))
  }

  /// Three Wikinews articles of TICO-19 (1,024 words, with many Bangladeshi, American and
  /// Australian names) as an English translation aligned with its Russian text, sentence by
  /// sentence, checked with a glossary of their names and terms: at most two findings.
  @Test(
    .enabled(
      if: TestPaths.hasCorpus && hasEnglishDictionary,
      "../shared/corpus or the en_US dictionary is absent; skipping"))
  func realNewsTranslationWithNames() throws {
    let documents = ["Wikinews_1", "Wikinews_2", "Wikinews_4"]
    let pairs = try CorpusPrecisionTests.pairs().filter { documents.contains($0.doc) }
    let words = pairs.reduce(0) { $0 + $1.en.split(separator: " ").count }
    #expect((1_000...1_100).contains(words), "\(words) words")
    let rule = try Self.rule()
    let glossary = try CompiledGlossary(
      GlossaryIO.load(
        path: TestPaths.repo("Tests/TermlintCoreTests/Fixtures/spelling/wikinews-glossary.yaml")))
    let findings = try Linter(glossary: glossary, rules: [ConfiguredRule(rule, severity: .warning)])
      .lint(Self.document(pairs))
    #expect(findings.count <= 2, "\(findings.map { "\($0.location.line): \($0.message)" })")
    // The same text with two slips planted is reported at them (the rule does run on it).
    var planted = pairs
    let k = try #require(planted.firstIndex { $0.en.contains(" said ") })
    planted[k].en = planted[k].en.replacingOccurrences(of: " said ", with: " siad ")
    let m = try #require(planted.firstIndex { $0.en.contains(" stores ") })
    planted[m].en = planted[m].en.replacingOccurrences(of: " stores ", with: " stoers ")
    let slips = try Linter(glossary: glossary, rules: [ConfiguredRule(rule, severity: .warning)])
      .lint(Self.document(planted))
    #expect(
      Set(slips.map(\.matchedText)).isSuperset(of: ["siad", "stoers"]),
      "\(slips.map(\.matchedText))")
    #expect(slips.count > findings.count)
  }

  /// Pairs as an aligned document: one unit per sentence pair, one paragraph per article.
  static func document(_ pairs: [(doc: String, ru: String, en: String)]) -> Document {
    let ruFile = SourceFile(path: "news.ru.txt", text: pairs.map(\.ru).joined(separator: "\n"))
    let enFile = SourceFile(path: "news.en.txt", text: pairs.map(\.en).joined(separator: "\n"))
    var units: [TermlintCore.Unit] = []
    for (k, pair) in pairs.enumerated() {
      units.append(
        TermlintCore.Unit(
          id: "\(k)",
          source: TextSpan(
            file: ruFile, range: ruFile.lineRange(k + 1), language: LanguageTag("ru")),
          target: TextSpan(
            file: enFile, range: enFile.lineRange(k + 1), language: LanguageTag("en")),
          metadata: ["paragraph": pair.doc, "bead": "1-1"]))
    }
    return Document(
      file: enFile, format: "pair", units: units, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
  }

  /// A dictionary in KOI8-R (the SET line) is read and queried in its own encoding.
  @Test func legacyEncodingDictionary() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-spelling-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let aff = "SET KOI8-R\nTRY оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё\n"
    let dic = "3\nпроверка\nслово\nтекст\n"
    try Data(try CharsetConverter.encode(Array(aff.utf16), charset: "KOI8-R")).write(
      to: folder.appendingPathComponent("xx_XX.aff"))
    try Data(try CharsetConverter.encode(Array(dic.utf16), charset: "KOI8-R")).write(
      to: folder.appendingPathComponent("xx_XX.dic"))
    let dictionary = try HunspellDictionary(
      affixPath: folder.appendingPathComponent("xx_XX.aff").path,
      wordsPath: folder.appendingPathComponent("xx_XX.dic").path)
    #expect(dictionary.encoding == "KOI8-R")
    #expect(dictionary.check("проверка") == true)
    #expect(dictionary.check("Слово") == true)
    #expect(dictionary.check("проверкв") == false)
    // A word KOI8-R cannot represent is not judged.
    #expect(dictionary.check("łódź") == nil)
    #expect(dictionary.suggestions(for: "проверкв").contains("проверка"))
  }

  /// One dictionary shared by concurrent tasks gives the answers it gives alone.
  @Test(.enabled(if: hasEnglishDictionary, "the en_US dictionary is absent"))
  func concurrentUse() async throws {
    let dictionary = try SpellingDictionaries.shared.dictionary(
      wordsPath: try #require(SpellingDictionaries.installed("en_US").first))
    let words = [
      "government", "goverment", "received", "recieved", "translation", "transaltion", "Moscow",
      "negotiations",
    ]
    let expected = words.map { dictionary.check($0) }
    #expect(expected == [true, false, true, false, true, false, true, true])
    let results = await withTaskGroup(of: [Bool?].self) { group in
      for _ in 0..<8 {
        group.addTask { (0..<50).flatMap { _ in words.map { dictionary.check($0) } } }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    for r in results { #expect(r == Array((0..<50).flatMap { _ in expected })) }
    #expect(
      try SpellingDictionaries.shared.dictionary(wordsPath: dictionary.wordsPath) === dictionary)
  }

  /// The house word list: one word per line, comments, any case for words in small letters.
  @Test(.enabled(if: hasEnglishDictionary, "the en_US dictionary is absent"))
  func houseWordList() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-words-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# House words of the desk\nsiloviki   # plural of silovik\n\nZvezdor\n".write(
      to: folder.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
    let pipeline = folder.appendingPathComponent("pipeline.yml").path
    let text = "Siloviki run Zvezdor. Zvezdor agrees. The zvezdor tool and the silovikki disagree."
    let without = try TestLint.findings(text, instances: [Self.rule()])
    #expect(without.map(\.matchedText) == ["Siloviki", "Zvezdor", "zvezdor", "silovikki"])
    let with = try TestLint.findings(
      text, instances: [Self.rule(["dictionary": "words.txt"], file: pipeline)])
    // A word with capitals matches only as written or in capitals.
    #expect(with.map(\.matchedText) == ["zvezdor", "silovikki"])
    #expect(with.allSatisfy { !$0.fixIsSafe })
    #expect(with.last?.suggestions.contains("siloviki") == false)
  }

  @Test func houseWordListErrorsNameTheFileAndLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-words-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("words.txt")
    try Data("good\nalso\nbad \u{FF}\n".utf8.map { $0 } + [0xFF, 0x0A]).write(to: path)
    let pipeline = folder.appendingPathComponent("pipeline.yml").path
    do {
      _ = try Self.rule(["dictionary": "words.txt"], file: pipeline)
      Issue.record("invalid UTF-8 was accepted")
    } catch let error as TermlintError {
      #expect(error.description.contains("words.txt"))
      #expect(error.description.contains("4"), "\(error)")
    }
    #expect(throws: TermlintError.self) {
      try Self.rule(["dictionary": "missing.txt"], file: pipeline)
    }
    #expect(throws: TermlintError.self) { try Self.rule(["hunspell": "xx_NOPE"], file: pipeline) }
    #expect(throws: TermlintError.self) { try Self.rule(["spell": "en_US"], file: pipeline) }
  }

  /// A language without an installed dictionary: the rule finds nothing and says why.
  @Test func missingDictionaryIsExplained() throws {
    let rule = try Self.rule()
    let unknown = try #require(LanguageTag("xx"))
    let reason = try #require(rule.unavailability(for: unknown))
    #expect(reason.contains("no Hunspell dictionary for 'xx'"))
    if Self.hasEnglishDictionary {
      let british = try #require(LanguageTag("en-GB"))
      #expect(rule.unavailability(for: british) == nil)
    }
    let file = SourceFile(path: "a.txt", text: "Teh goverment said so.")
    let linter = Linter(
      glossary: TestLint.exampleGlossary, rules: [ConfiguredRule(rule, severity: .warning)],
      targetLanguage: LanguageTag("xx"))
    #expect(
      try linter.lint(PlainTextReader.read(file, markdown: false, language: LanguageTag("xx")))
        .isEmpty)
  }

  /// The dictionary follows the target language tag: `en-GB` accepts *colour*, `en-US` does not.
  @Test(
    .enabled(
      if: !SpellingDictionaries.installed("en_GB").isEmpty && hasEnglishDictionary,
      "en_GB or en_US is absent"))
  func dictionaryFromTheLanguageTag() throws {
    func findings(_ tag: String) throws -> [String] {
      let file = SourceFile(path: "a.txt", text: "The colour of the flag.")
      let linter = Linter(
        glossary: TestLint.exampleGlossary,
        rules: [ConfiguredRule(try Self.rule(), severity: .warning)],
        targetLanguage: LanguageTag(tag))
      return try linter.lint(
        PlainTextReader.read(file, markdown: false, language: LanguageTag(tag))
      ).map(\.matchedText)
    }
    #expect(try findings("en-GB").isEmpty)
    #expect(try findings("en-US") == ["colour"])
    #expect(try findings("en").isEmpty)
  }
}
