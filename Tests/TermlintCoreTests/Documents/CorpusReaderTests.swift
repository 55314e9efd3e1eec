import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The bilingual readers over the real files in ../shared/corpus (skipped when it is absent).
@Suite(
  "Bilingual readers on the shared corpus",
  .enabled(
    if: TestPaths.hasCorpus,
    "shared corpus not found at <repo root>/../shared/corpus; corpus reader tests skipped"))
struct CorpusReaderTests {
  static let defaults = LanguageDefaults(source: LanguageTag("ru"), target: LanguageTag("en"))

  /// The corpus files of a folder (`xliff`, `po/edge-cases` …), sorted.
  static func files(_ folder: String) -> [String] {
    let dir = TestPaths.corpus.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.contains(".") }.sorted().map { dir.appendingPathComponent($0).path }
  }

  static let regularFiles = ["xliff", "po", "tmx"].flatMap(files)
  static let edgeCases = ["xliff/edge-cases", "po/edge-cases", "tmx/edge-cases"].flatMap(files)

  /// Occurrences of a regular expression in a file's text (an independent count).
  static func count(_ pattern: String, in text: String) -> Int {
    (try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]))?.numberOfMatches(
      in: text, range: NSRange(text.startIndex..., in: text)) ?? -1
  }

  @Test func everyRegularFileLoadsWithFaithfulSpans() throws {
    #expect(Self.regularFiles.count >= 20)
    for path in Self.regularFiles {
      let doc = try DocumentReader.read(path: path, defaults: Self.defaults)
      #expect(!doc.units.isEmpty, "\(path) has units")
      #expect(
        doc.units.contains { $0.target.map { !$0.text.isEmpty } ?? false }
          || path.contains("xliff2_ex"), "\(path) has translations")
      for unit in doc.units + doc.skippedUnits {
        for span in [unit.source, unit.target].compactMap({ $0 }) {
          DocTest.expectFaithfulMap(span)
          #expect(
            span.placeholders.count == span.text.filter { $0 == 0xFFFC }.count, "\(path) \(unit.id)"
          )
        }
      }
    }
  }

  @Test func unitCountsMatchIndependentCounts() throws {
    let corpus = TestPaths.corpus
    // XLIFF: one unit per trans-unit (no segmentation in these files).
    for name in [
      "xliff/orcid_angular_messages.ru.xlf", "xliff/symfony_validators.ru.xlf",
      "xliff/symfony_security.ru.xlf",
    ] {
      let path = corpus.appendingPathComponent(name).path
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let doc = try DocumentReader.read(path: path, defaults: Self.defaults)
      #expect(doc.units.count == Self.count("<trans-unit[ >]", in: text), "\(name)")
      #expect(
        doc.units.filter { $0.target != nil }.count == Self.count("<target[ >]", in: text),
        "\(name)")
      #expect(doc.sourceLanguage?.value == "en" && doc.targetLanguage?.value == "ru")
    }
    let orcid = try DocumentReader.read(
      path: corpus.appendingPathComponent("xliff/orcid_angular_messages.ru.xlf").path,
      defaults: Self.defaults)
    #expect(orcid.units.count == 2517 && orcid.units.allSatisfy { $0.target != nil })
    #expect(
      orcid.units.contains {
        $0.target?.placeholders.contains { $0.kind == "x" && $0.content?.hasPrefix("{{") == true }
          == true
      })
    // TMX: one unit per tu.
    let tico = try DocumentReader.read(
      path: corpus.appendingPathComponent("tmx/tico19_all.en-ru.tmx").path, defaults: Self.defaults)
    #expect(tico.units.count == 3071)
    #expect(
      tico.units.allSatisfy {
        $0.source?.language?.language == "en" && $0.target?.language?.language == "ru"
      })
    #expect(
      tico.units.first?.id == "CMU_1:1"
        && tico.units.first?.metadata["prop:note"]?.hasPrefix("http") == true)
    // PO: live entries (minus the header) plus one unit per extra plural form; obsolete ones skipped.
    for name in [
      "po/mc_ru.po", "po/gnome-calculator_ru.po", "po/gnome-clocks_ru.po", "po/meld_ru.po",
      "po/sphinx_ru.po",
    ] {
      let path = corpus.appendingPathComponent(name).path
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let doc = try DocumentReader.read(path: path, defaults: Self.defaults)
      let entries = Self.count("^msgid ", in: text) - 1
      let plurals = Self.count("^msgid_plural ", in: text)
      let forms = Self.count("^msgstr\\[[0-9]+\\] ", in: text)
      #expect(doc.units.count == entries - plurals + forms, "\(name)")
      let obsoleteEntries = Self.count("^#~ msgid ", in: text)
      let obsoletePlurals = Self.count("^#~ msgid_plural ", in: text)
      let obsoleteForms = Self.count("^#~ msgstr\\[[0-9]+\\] ", in: text)
      #expect(
        doc.skippedUnits.count == obsoleteEntries - obsoletePlurals + obsoleteForms, "\(name)")
      #expect(doc.targetLanguage?.value == "ru" && doc.metadata["nplurals"] != nil, "\(name)")
      // Translated and fuzzy messages as GNU msgfmt --statistics counts them.
      let messages = Dictionary(grouping: doc.units) {
        $0.id.replacingOccurrences(of: "\\[[0-9]+\\]$", with: "", options: .regularExpression)
      }
      let fuzzy = messages.values.filter { $0[0].metadata["fuzzy"] == "yes" }.count
      let translated = messages.values.filter {
        $0[0].metadata["fuzzy"] == nil && $0.allSatisfy { !($0.target?.text.isEmpty ?? true) }
      }.count
      let expected = Self.msgfmtStatistics[name]
      #expect(
        translated == expected?.translated && fuzzy == expected?.fuzzy,
        "\(name): \(translated) translated, \(fuzzy) fuzzy")
    }
    let sphinx = try DocumentReader.read(
      path: corpus.appendingPathComponent("po/sphinx_ru.po").path, defaults: Self.defaults)
    #expect(sphinx.metadata["nplurals"] == "4")
    #expect(sphinx.units.contains { $0.metadata["plural-index"] == "3" })
  }

  /// `msgfmt --statistics` on each file (GNU gettext 0.21), measured once.
  static let msgfmtStatistics: [String: (translated: Int, fuzzy: Int)] = [
    "po/mc_ru.po": (1233, 2), "po/gnome-calculator_ru.po": (791, 0),
    "po/gnome-clocks_ru.po": (187, 0),
    "po/meld_ru.po": (561, 0), "po/sphinx_ru.po": (767, 0),
  ]

  @Test func segmentedAndLegacyFilesReadAsTheirToolsMeantThem() throws {
    let corpus = TestPaths.corpus
    let sdl = try DocumentReader.read(
      path: corpus.appendingPathComponent("xliff/okapi_TS09-12-Test01_sdl-segsource.xlf").path,
      defaults: Self.defaults)
    #expect(
      sdl.units.contains {
        $0.target?.string == "Erste Schritte" && $0.source?.string == "Getting Started"
          && $0.metadata["sdl-conf"] == "Translated"
      })
    #expect(
      !sdl.skippedUnits.isEmpty
        && sdl.skippedUnits.allSatisfy { $0.metadata["skipped"] == "translate=no" })
    let cp1251 = try DocumentReader.read(
      path: corpus.appendingPathComponent("po/edge-cases/omegat_POFilter-be_cp1251_crlf.po").path,
      defaults: Self.defaults)
    let utf8 = try DocumentReader.read(
      path: corpus.appendingPathComponent("po/edge-cases/omegat_POFilter-be_utf8.po").path,
      defaults: Self.defaults)
    #expect(cp1251.file.encoding.rawValue == "CP1251")
    #expect(
      cp1251.units.map { $0.target?.string } == utf8.units.map { $0.target?.string },
      "the CP1251 and UTF-8 copies read the same")
    #expect(cp1251.units.contains { $0.target?.string == "Памылка" })
    let utf16 = try DocumentReader.read(
      path: corpus.appendingPathComponent("tmx/omegat_TMXComplianceKit_ImportTest2A_utf16.tmx")
        .path, defaults: Self.defaults)
    #expect(utf16.file.encoding == .utf16LE && utf16.units.count == 7)
    #expect(utf16.units[1].source?.string.contains("\u{FFFC}<\u{FFFC}=lt") == true)
  }

  @Test func everyEdgeCaseLoadsOrFailsWithAClearError() throws {
    #expect(Self.edgeCases.count >= 15)
    var failures: [String] = []
    for path in Self.edgeCases {
      do {
        let doc = try DocumentReader.read(path: path, defaults: Self.defaults)
        for unit in doc.units {
          for span in [unit.source, unit.target].compactMap({ $0 }) {
            DocTest.expectFaithfulMap(span)
          }
        }
      } catch let error as TermlintError {
        #expect(error.kind == .input && error.file == path, "\(error)")
        #expect(!error.reason.isEmpty)
        failures.append(URL(fileURLWithPath: path).lastPathComponent)
      }
    }
    // The two that cannot load: a control character XML forbids, and a PO whose header names
    // no usable charset over bytes that are not UTF-8.
    #expect(
      failures.sorted() == [
        "omegat_invalid-control-char.xlf", "translate-toolkit_f43.tgif.fr_syntax-errors.po",
      ])
  }
}
