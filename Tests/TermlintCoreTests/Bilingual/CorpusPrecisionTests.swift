import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The bilingual rules over 2,930 professional Russian–English sentence pairs (TICO-19, in
/// `../shared/corpus/tmx`): a translation memory has few real errors, so almost every finding
/// there is a false positive. The bounds below are what the rules must stay under.
@Suite("Bilingual rules on TICO-19")
struct CorpusPrecisionTests {
  /// Reads the prose pairs (the CMU fragments are left out) as `(document id, ru, en)`.
  static func pairs() throws -> [(doc: String, ru: String, en: String)] {
    let url = TestPaths.corpus.appendingPathComponent("tmx/tico19_all.en-ru.tmx")
    let parser = XMLParser(data: try Data(contentsOf: url))
    let delegate = TMXPairs()
    parser.delegate = delegate
    #expect(parser.parse())
    return delegate.pairs.filter { !$0.doc.hasPrefix("CMU") }
  }

  /// The pairs as one aligned document: one unit per pair, five pairs to a paragraph; Russian
  /// is the source unless `reversed`.
  static func document(_ pairs: [(doc: String, ru: String, en: String)], reversed: Bool = false)
    -> Document
  {
    let ruText = pairs.map(\.ru).joined(separator: "\n")
    let enText = pairs.map(\.en).joined(separator: "\n")
    let ruFile = SourceFile(path: "tico.ru.txt", text: ruText)
    let enFile = SourceFile(path: "tico.en.txt", text: enText)
    var units: [TermlintCore.Unit] = []
    for (k, _) in pairs.enumerated() {
      let ru = TextSpan(file: ruFile, range: ruFile.lineRange(k + 1), language: LanguageTag("ru"))
      let en = TextSpan(file: enFile, range: enFile.lineRange(k + 1), language: LanguageTag("en"))
      units.append(
        TermlintCore.Unit(
          id: "\(k)", source: reversed ? en : ru, target: reversed ? ru : en,
          metadata: ["paragraph": "\(k / 5)", "bead": "1-1"]))
    }
    let (source, target) =
      reversed ? (LanguageTag("en"), LanguageTag("ru")) : (LanguageTag("ru"), LanguageTag("en"))
    return Document(
      file: reversed ? ruFile : enFile, format: "pair", units: units, sourceLanguage: source,
      targetLanguage: target)
  }

  @Test(
    .enabled(
      if: TestPaths.hasCorpus, "../shared/corpus is absent; skipping the TICO-19 precision check"),
    arguments: [false, true])
  func findingsStayRare(reversed: Bool) throws {
    let pairs = try Self.pairs()
    #expect(pairs.count == 2930)
    let glossary = try CompiledGlossary(
      GlossaryIO.load(path: TestPaths.repo("Glossaries/security-ru-en.csv")))
    let rules = [
      "addition", "name-spelling", "number-mismatch", "omission", "placeholder-mismatch",
      "target-missing", "term-missing", "untranslated",
    ]
    let document = Self.document(pairs, reversed: reversed)
    let configured = try Pipeline.builtIn.configuredRules(only: rules)
    let findings = try Linter(glossary: glossary, rules: configured).lint(document)
    var byRule: [String: Int] = [:]
    for f in findings { byRule[f.ruleID, default: 0] += 1 }
    if let path = ProcessInfo.processInfo.environment["TERMLINT_DUMP_FINDINGS"].map({
      $0 + (reversed ? ".reversed" : "")
    }) {
      let lines = findings.map { f -> String in
        let k = Int(f.unitID ?? "0") ?? 0
        return "\(f.ruleID)\t\(f.message)\n  EN \(pairs[k].en)\n  RU \(pairs[k].ru)"
      }
      try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    // Professional translations: each rule reports well under 1% of the pairs.
    for rule in rules {
      #expect(
        (byRule[rule] ?? 0) * 100 < pairs.count,
        "\(rule): \(byRule[rule] ?? 0) findings on \(pairs.count) pairs (reversed: \(reversed))")
    }
  }
}

/// Collects `tu` pairs from a TMX file.
private final class TMXPairs: NSObject, XMLParserDelegate {
  var pairs: [(doc: String, ru: String, en: String)] = []
  private var tuid = ""
  private var lang = ""
  private var inSeg = false
  private var text = ""
  private var current: [String: String] = [:]

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch name {
    case "tu":
      tuid = attributes["tuid"] ?? ""
      current = [:]
    case "tuv": lang = attributes["xml:lang"] ?? attributes["lang"] ?? ""
    case "seg":
      inSeg = true
      text = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inSeg { text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch name {
    case "seg":
      inSeg = false
      current[lang] = text.replacingOccurrences(of: "\n", with: " ")
    case "tu":
      if let ru = current["ru"], let en = current["en"] {
        pairs.append((String(tuid.prefix { $0 != ":" }), ru, en))
      }
    default: break
    }
  }
}
