import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

private func tag(_ raw: String) -> LanguageTag { LanguageTag(raw)! }

/// Asserts `g` survives `first` then `second` then back unchanged.
private func expectRoundTrip(
  _ g: Glossary, _ formats: [GlossaryFormat], label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  var current = g
  for format in formats {
    current = try S.roundTrip(current, through: format)
    #expect(
      current == g,
      "\(label) via \(formats.map(\.rawValue).joined(separator: "→")) at \(format): \(S.firstDifference(g, current))",
      sourceLocation: sourceLocation)
  }
}

/// A glossary using every field the model holds, with awkward text.
private func richGlossary() -> Glossary {
  Glossary(
    concepts: [
      Concept(
        id: "security-guarantees", subjectField: "arms control, treaties",
        note: "Line one\nline two: \"quoted\"",
        terms: [
          Term(
            "гарантии безопасности", language: tag("ru"), status: .preferred, partOfSpeech: "noun"),
          Term("security guarantees", language: tag("en"), status: .preferred, note: "Use this."),
          Term("security assurances", language: tag("en"), status: .deprecated, matchMode: .exact),
          Term("safety guarantees", language: tag("en"), status: .forbidden, note: "never\nreally"),
          Term("guarantee package", language: tag("en"), status: .proposed, caseSensitive: false),
        ]),
      Concept(
        id: "nato",
        terms: [
          Term(
            "NATO", language: tag("en"), status: .admitted, termType: "acronym", caseSensitive: true
          ),
          Term("НАТО", language: tag("ru"), termType: "acronym", matchMode: .stem),
        ]),
    ], sourceLanguage: tag("ru"), targetLanguage: tag("en"))
}

@Suite("Glossary formats and round trips")
struct GlossaryRoundTripTests {
  @Test func formatFromExtension() throws {
    #expect(GlossaryFormat(pathExtension: "TBX") == .tbx)
    #expect(GlossaryFormat(pathExtension: ".xml") == .tbx)
    #expect(GlossaryFormat(pathExtension: "csv") == .csv)
    #expect(GlossaryFormat(pathExtension: "tab") == .tsv)
    #expect(GlossaryFormat(pathExtension: "tsv") == .tsv)
    #expect(GlossaryFormat(pathExtension: "yml") == .yaml)
    #expect(GlossaryFormat(pathExtension: "Yaml") == .yaml)
    #expect(GlossaryFormat(pathExtension: "json") == nil)
    #expect(GlossaryFormat(path: "dir.v2/glossary.csv") == .csv)
    #expect(GlossaryFormat(path: "dir.v2/glossary") == nil)
    #expect(GlossaryFormat(path: ".yaml") == nil)
  }

  @Test func unknownExtensionNamesFileAndAcceptedExtensions() throws {
    let error = try #require(S.expectError { try GlossaryIO.load(path: "terms.json") })
    #expect(error.kind == .configuration)
    #expect(error.file == "terms.json")
    #expect(error.reason.contains(".tbx, .xml, .csv, .tsv, .tab, .yml, .yaml"))
  }

  @Test func missingFileIsAnInputError() throws {
    let error = try #require(
      S.expectError { try GlossaryIO.load(path: S.fixture("does-not-exist.csv")) })
    #expect(error.kind == .input)
  }

  @Test func explicitFormatOverridesExtension() throws {
    let path = S.fixture("sample.csv")
    let g = try GlossaryIO.load(path: path, format: .csv)
    #expect(g.concepts.count == 2)
    let asTSV = S.expectError { try GlossaryIO.load(path: path, format: .tsv) }
    #expect(asTSV?.kind == .configuration)
  }

  @Test func loadAllMergesInOrder() throws {
    let merged = try GlossaryIO.loadAll(paths: [
      S.fixture("sample.yaml"), S.fixture("tbx-min-2013-sample.tbx"),
    ])
    #expect(merged.concepts.map(\.id) == ["security-guarantees", "nato", "C001"])
    #expect(merged.sourceLanguage == tag("ru"))
    #expect(try GlossaryIO.loadAll(paths: []).concepts.isEmpty)
  }

  @Test func csvAndYAMLFixturesAgree() throws {
    let csv = try GlossaryIO.load(path: S.fixture("sample.csv"))
    let yaml = try GlossaryIO.load(path: S.fixture("sample.yaml"))
    #expect(csv.concepts[0].id == yaml.concepts[0].id)
    #expect(csv.concepts[0].terms[2] == yaml.concepts[0].terms[2])
  }

  // Workbooks are read only (SheetGlossaryLoaderTests covers them).
  @Test(arguments: GlossaryFormat.allCases.filter { $0 != .xlsx })
  func richGlossaryRoundTrips(format: GlossaryFormat) throws {
    try expectRoundTrip(richGlossary(), [format], label: "rich")
  }

  @Test func richGlossaryRoundTripsThroughEveryChain() throws {
    try expectRoundTrip(richGlossary(), [.tbx, .csv, .tbx], label: "rich")
    try expectRoundTrip(richGlossary(), [.tbx, .yaml, .tbx], label: "rich")
    try expectRoundTrip(richGlossary(), [.csv, .yaml, .csv], label: "rich")
    try expectRoundTrip(richGlossary(), [.tsv, .yaml, .tbx, .csv], label: "rich")
  }

  @Test func yamlKeepsDeclaredLanguages() throws {
    let back = try S.roundTrip(richGlossary(), through: .yaml)
    #expect(back.sourceLanguage == tag("ru"))
    #expect(back.targetLanguage == tag("en"))
  }

  @Test func forbiddenAndProposedAreWrittenLosslesslyInTBX() throws {
    let text = try TBXWriter.string(richGlossary())
    #expect(
      text.contains(
        "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>\n            <termNote type=\"termlint:status\">forbidden</termNote>"
      ))
    #expect(text.contains("<termNote type=\"termlint:status\">proposed</termNote>"))
    #expect(text.contains("<termNote type=\"caseSensitivity\">sensitive</termNote>"))
    #expect(text.contains("<termNote type=\"matchMode\">exact</termNote>"))
    #expect(
      text.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"ru\">\n  <tbxHeader>"
      ))
    #expect(!text.contains("\r"))
  }

  @Test func writersAreDeterministicAndReadable() throws {
    let yaml = YAMLGlossaryWriter.string(richGlossary())
    #expect(yaml == YAMLGlossaryWriter.string(richGlossary()))
    #expect(
      yaml.contains("languages: {source: ru, target: en}\nconcepts:\n  - id: security-guarantees\n")
    )
    #expect(
      yaml.contains(
        "      en:\n        - {text: security guarantees, status: preferred, note: Use this.}\n"))
    #expect(
      yaml.contains(
        "        - text: safety guarantees\n          status: forbidden\n          note: \"never\\nreally\"\n"
      ))
    let csv = CSVGlossaryWriter.string(richGlossary())
    #expect(csv.hasPrefix("# Termlint glossary"))
    #expect(
      csv.contains("\nconcept,subject,concept_note,lang,term,status,pos,type,case,match,note\n"))
    #expect(csv.contains("\nnato,,,en,NATO,admitted,,acronym,sensitive,,\n"))
    #expect(csv.contains("\"arms control, treaties\""))
  }

  @Test func csvWriterOmitsUnusedColumns() throws {
    let g = Glossary(concepts: [Concept(id: "x", terms: [Term("a", language: tag("en"))])])
    #expect(CSVGlossaryWriter.string(g).hasSuffix("\nconcept,lang,term\nx,en,a\n"))
    #expect(
      YAMLGlossaryWriter.string(g).hasSuffix(
        "concepts:\n  - id: x\n    terms:\n      en:\n        - a\n"))
    #expect(YAMLGlossaryWriter.string(Glossary()).hasSuffix("concepts: []\n"))
    try expectRoundTrip(Glossary(), [.yaml], label: "empty")
  }

  @Test func tbxWriterRefusesControlCharacters() throws {
    let g = Glossary(concepts: [Concept(id: "x", terms: [Term("bell\u{7}", language: tag("en"))])])
    let error = try #require(S.expectError { try S.roundTrip(g, through: .tbx) })
    #expect(error.kind == .configuration)
    #expect(error.reason.contains("U+7"))
    try expectRoundTrip(g, [.csv, .yaml, .tsv], label: "control character")
  }

  /// Awkward strings: delimiters, quotes, newlines, `|`, leading `#`, colons, YAML-special words.
  static let awkwardStrings: [String] = [
    "a, b", "say \"hi\"", "\"quoted\"", "line1\nline2", "multi\n\nblank", "a | b", "|", ">",
    "#hashtag", "#",
    "a #not comment", "key: value", "ends with colon:", ": ", ":", "- x", "-", "--- doc", "...",
    "? q", "yes", "no",
    "Yes", "NO", "on", "off", "true", "null", "Null", "~", "123", "1.5", "0x1F", "1e3", ".inf",
    "2024-01-01", "<<",
    "=", "@at", "&anchor", "*alias", "!tag", "%percent", "`tick`", "[brackets]", "{braces}", "a,b]",
    "back\\slash",
    "tab\there", "trailing ", " leading", "  both  ", "'single'", "it's", "emoji 🛰️",
    "NBSP\u{00A0}inside",
    "e\u{0301} combining", "RTL \u{200F}mark", "=SUM(A1)", "<tag> & entity", "]]>", "a\u{2028}b",
    "\u{85}next",
    "BOM\u{FEFF}inside", "x\u{1}y", "x:y", "a#b", "http://example.com/a?b=c#frag", "a\\nb", "\"",
    "\"\"",
  ]

  @Test(arguments: awkwardStrings)
  func awkwardTextRoundTrips(text: String) throws {
    let g = Glossary(
      concepts: [
        Concept(
          id: "id-" + String(text.unicodeScalars.filter { $0.properties.isAlphabetic }),
          subjectField: text, note: text,
          terms: [
            Term(
              text, language: tag("en"), status: .preferred, partOfSpeech: text, termType: text,
              note: text),
            Term(text, language: tag("ru")),
          ]),
        Concept(
          id: text.trimmedForGlossary.isEmpty ? "blank" : text.trimmedForGlossary,
          terms: [Term("x", language: tag("en"))]),
      ])
    try expectRoundTrip(g, [.csv, .yaml, .csv], label: text.debugDescription)
    try expectRoundTrip(g, [.tsv, .yaml, .tsv], label: text.debugDescription)
    if !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
      try expectRoundTrip(g, [.tbx, .csv, .tbx], label: text.debugDescription)
      try expectRoundTrip(g, [.tbx, .yaml, .tbx], label: text.debugDescription)
    }
  }

  /// Random strings over an alphabet of characters that matter to CSV, YAML and XML.
  @Test func randomAwkwardTextRoundTrips() throws {
    var rng = SeededGenerator(seed: 0x7E4D_11A7)
    let alphabet: [String] = [
      "a", "Z", "я", "Ё", " ", " ", "\t", "\n", ",", ";", "\"", "'", "|", "#", ":", "-", "?", "!",
      "&", "*", "%", "@",
      "`", "[", "]", "{", "}", ">", "<", "\\", "=", "~", "0", "1", ".", "\u{A0}", "\u{301}", "🛰️",
      "yes", "null",
    ]
    for round in 0..<300 {
      let length = Int.random(in: 1...12, using: &rng)
      var text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
      if text.trimmedForGlossary.isEmpty { text = "x" + text }
      let g = Glossary(concepts: [
        Concept(
          id: "c\(round)", subjectField: text, note: text,
          terms: [
            Term(text, language: tag("en"), status: .admitted, note: text),
            Term(text, language: tag("ru")),
          ])
      ])
      try expectRoundTrip(g, [.csv, .yaml, .tsv, .tbx, .csv], label: text.debugDescription)
    }
  }

  @Test func yamlQuotesSpecialStrings() throws {
    for special in ["yes", "null", "- x", ": ", "a: b", "#c", "123", "", " x", "x\ny"] {
      #expect(!YAMLGlossaryWriter.isPlainSafe(special, flow: false), "\(special.debugDescription)")
    }
    for plain in [
      "security guarantees", "гарантии безопасности", "it's", "a-b", "C++", "x:y", "5G network",
    ] {
      #expect(YAMLGlossaryWriter.isPlainSafe(plain, flow: false), "\(plain.debugDescription)")
    }
    #expect(!YAMLGlossaryWriter.isPlainSafe("a, b", flow: true))
    #expect(!YAMLGlossaryWriter.isPlainSafe("x:y", flow: true))
    #expect(YAMLGlossaryWriter.isPlainSafe("a, b", flow: false))
  }
}

@Suite(
  "Glossary round trips on the corpus",
  .enabled(
    if: S.corpusAvailable,
    "shared corpus not found at <repo root>/../shared/corpus; corpus tests skipped"))
struct GlossaryCorpusRoundTripTests {
  static var loadableFiles: [String] {
    S.corpusTBXFiles + S.corpusEdgeCaseFiles.filter { !$0.hasSuffix("ltac_poorly_formed_xml.tbx") }
  }

  @Test(arguments: loadableFiles)
  func tbxRoundTrips(path: String) throws {
    let g = try GlossaryIO.load(path: path)
    let name = (path as NSString).lastPathComponent
    try expectRoundTrip(g, [.csv, .tbx], label: name)
    try expectRoundTrip(g, [.yaml, .tbx], label: name)
    try expectRoundTrip(g, [.tsv, .tbx], label: name)
    let csv = try S.roundTrip(g, through: .csv)
    try expectRoundTrip(csv, [.yaml, .csv], label: name)
  }
}

@Suite(
  "Shipped glossaries",
  .enabled(
    if: FileManager.default.fileExists(atPath: S.repoRoot + "/Glossaries/security-ru-en.csv"),
    "Glossaries/security-ru-en.csv not present yet; shipped-glossary tests skipped"))
struct ShippedGlossaryTests {
  static let csvPath = S.repoRoot + "/Glossaries/security-ru-en.csv"
  static let tbxPath = S.repoRoot + "/Glossaries/security-ru-en.tbx"

  @Test func csvLoadsAndRoundTrips() throws {
    let g = try GlossaryIO.load(path: Self.csvPath)
    #expect(!g.concepts.isEmpty)
    #expect(Set(g.languages.map(\.language)) == ["ru", "en"])
    try expectRoundTrip(g, [.tbx, .csv], label: "security-ru-en.csv")
    try expectRoundTrip(g, [.yaml, .csv], label: "security-ru-en.csv")
    try expectRoundTrip(g, [.csv, .yaml, .csv], label: "security-ru-en.csv")
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: tbxPath),
      "Glossaries/security-ru-en.tbx not present yet"))
  func csvAndTBXAreEqual() throws {
    let csv = try GlossaryIO.load(path: Self.csvPath)
    let tbx = try GlossaryIO.load(path: Self.tbxPath)
    #expect(csv == tbx, "\(S.firstDifference(csv, tbx))")
    try expectRoundTrip(tbx, [.csv, .tbx], label: "security-ru-en.tbx")
    try expectRoundTrip(tbx, [.yaml, .tbx], label: "security-ru-en.tbx")
  }
}
