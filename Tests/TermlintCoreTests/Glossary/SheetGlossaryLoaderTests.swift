import Foundation
import TermlintTestSupport
import Testing
import ZIPFoundation

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

private func tag(_ raw: String) -> LanguageTag { LanguageTag(raw)! }

/// `Tests/TermlintGlossaryTests/Fixtures/sheets/NAME`.
private func sheetFixture(_ name: String) -> String {
  S.testsDirectory + "/Fixtures/sheets/" + name
}

private let ruEn = SheetOptions(sourceLanguage: tag("ru"), targetLanguage: tag("en"))

private func load(
  _ text: String, _ format: GlossaryFormat = .csv, path: String = "team.csv",
  options: SheetOptions = ruEn
) throws -> Glossary {
  try GlossaryIO.load(bytes: Array(text.utf8), path: path, format: format, options: options)
}

private func loadError(
  _ text: String, _ format: GlossaryFormat = .csv, path: String = "team.csv",
  options: SheetOptions = ruEn,
  sourceLocation: SourceLocation = #_sourceLocation
) -> TermlintError? {
  S.expectError(
    { try load(text, format, path: path, options: options) }, sourceLocation: sourceLocation)
}

/// A workbook written in memory with ZIPFoundation: one sheet per `(name, sheetData rows)`, and
/// the shared strings given.
func makeWorkbook(
  sheets: [(name: String, rows: String)], shared: [String] = [], omit: Set<String> = []
) throws -> [UInt8] {
  let archive = try Archive(accessMode: .create)
  func add(_ name: String, _ text: String) throws {
    guard !omit.contains(name) else { return }
    let data = Data(text.utf8)
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
    ) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  try add(
    "xl/workbook.xml",
    "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
      + sheets.enumerated().map {
        "<sheet name=\"\($1.name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
      }.joined()
      + "</sheets></workbook>")
  try add(
    "xl/_rels/workbook.xml.rels",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + sheets.indices.map {
        "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
      }.joined()
      + "</Relationships>")
  if !shared.isEmpty {
    try add(
      "xl/sharedStrings.xml",
      "<sst xmlns=\"\(main)\">" + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
  }
  for (i, sheet) in sheets.enumerated() {
    try add(
      "xl/worksheets/sheet\(i + 1).xml",
      "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>")
  }
  return Array(try #require(archive.data))
}

/// An inline-string cell.
private func c(_ ref: String, _ text: String) -> String {
  "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
}

@Suite("Sheet headers")
struct SheetHeaderTests {
  @Test func languageColumnsFromCodesNamesAndDecorations() {
    let cases: [(String, SheetColumnRole?)] = [
      ("ru", .terms(.tag(tag("ru")))), ("EN", .terms(.tag(tag("en")))),
      ("Russian", .terms(.tag(tag("ru")))),
      ("English", .terms(.tag(tag("en")))), ("source_ru", .terms(.tag(tag("ru")))),
      ("target-en", .terms(.tag(tag("en")))),
      ("ru_RU", .terms(.tag(tag("ru-RU")))), ("ru-RU", .terms(.tag(tag("ru-RU")))),
      ("English (US)", .terms(.tag(tag("en-US")))),
      ("German term", .terms(.tag(tag("de")))), ("rus", .terms(.tag(tag("ru")))),
      ("Ukrainian", .terms(.tag(tag("uk")))),
      ("Norwegian Bokmål", .terms(.tag(tag("nb")))), ("zh-Hans", .terms(.tag(tag("zh-Hans")))),
      ("Source", .terms(.source)), ("Translation", .terms(.target)),
      ("Target term", .rowTargetTerm),
    ]
    for (header, role) in cases { #expect(SheetHeader.role(of: header) == role, "\(header)") }
  }

  @Test func otherRolesAndVariants() {
    let cases: [(String, SheetColumnRole?)] = [
      ("id", .id), ("stringID", .id), ("Concept ID", .id), ("comment", .note),
      ("Description", .note),
      ("Part of speech", .partOfSpeech), ("POS", .partOfSpeech), ("Subject field", .subject),
      ("forbidden", .variants(.unspecified, .forbidden)),
      ("Do not use", .variants(.unspecified, .forbidden)),
      ("deprecated", .variants(.unspecified, .deprecated)),
      ("forbidden_en", .variants(.tag(tag("en")), .forbidden)),
      ("EN – do not use", .variants(.tag(tag("en")), .forbidden)),
      ("Synonyms (ru)", .variants(.tag(tag("ru")), .admitted)),
      ("sourceLang", .rowSourceLanguage), ("targetLang", .rowTargetLanguage),
      ("sourceString", .rowSourceTerm),
      ("targetString", .rowTargetTerm),
      // Nothing known: kept as notes.
      ("Reviewer", nil), ("Term", nil), ("", nil), ("Status of review", nil), ("new", nil),
    ]
    for (header, role) in cases { #expect(SheetHeader.role(of: header) == role, "\(header)") }
  }

  @Test func mappingRoles() {
    #expect(SheetColumnRole(mapping: "ru") == .terms(.tag(tag("ru"))))
    #expect(SheetColumnRole(mapping: "target") == .terms(.target))
    #expect(SheetColumnRole(mapping: "forbidden en") == .variants(.tag(tag("en")), .forbidden))
    #expect(SheetColumnRole(mapping: "deprecated") == .variants(.unspecified, .deprecated))
    #expect(SheetColumnRole(mapping: "source-string") == .rowSourceTerm)
    #expect(SheetColumnRole(mapping: "pos") == .partOfSpeech)
    #expect(SheetColumnRole(mapping: "bogus!") == nil)
    #expect(SheetColumnRole(mapping: "forbidden now") == nil)
  }
}

@Suite("Glossaries from spreadsheets")
struct SheetGlossaryLoaderTests {
  /// The acceptance case: `id,ru,en,forbidden,comment` lints, and a forbidden variant in the
  /// text is reported with the preferred term as the suggestion.
  @Test func teamSheetReportsAForbiddenVariant() throws {
    let g = try GlossaryIO.load(path: sheetFixture("team.csv"), options: ruEn)
    #expect(g.warnings.isEmpty)
    #expect(g.concepts.map(\.id) == ["1", "2", "3"])
    let first = g.concepts[0]
    #expect(first.note == "House style since 2024.")
    #expect(
      first.terms == [
        Term("гарантии безопасности", language: tag("ru"), status: .preferred),
        Term("security guarantees", language: tag("en"), status: .preferred),
        Term("security assurances", language: tag("en"), status: .forbidden),
        Term("safety guarantees", language: tag("en"), status: .forbidden),
      ])
    // `;` separates variants too; positions point at each variant in the file.
    let second = g.concepts[1].terms.filter { $0.status == .forbidden }
    #expect(second.map(\.text) == ["nonproliferation", "non proliferation"])
    #expect(second.map(\.line) == [3, 3])
    #expect(second.map(\.column) == [39, 57])

    let findings = try TestLint.findings(
      "The minister spoke about security assurances and nonproliferation.",
      rules: ["term-forbidden"],
      glossary: try CompiledGlossary(g), markdown: false)
    #expect(findings.map(\.ruleID) == ["term-forbidden", "term-forbidden"])
    #expect(findings.map { $0.location.column } == [26, 50])
    #expect(findings.first?.suggestions.first == "security guarantees")
  }

  @Test func termlintLayoutWithAnIdColumnLoadsWithOneWarning() throws {
    let g = try load("id,concept,lang,term\n17,x,ru,мир\n17,x,en,peace\n18,y,en,war\n")
    #expect(g.concepts.map(\.id) == ["x", "y"])
    #expect(g.concepts.flatMap(\.terms).map(\.note) == ["id: 17", "id: 17", "id: 18"])
    #expect(g.warnings.count == 1)
  }

  @Test func unknownColumnsOfABilingualSheetAreNotesWithOneWarning() throws {
    let g = try load("English,Russian,Reviewer,Notes\npeace,мир,Anna,\nwar,война,Boris,common\n")
    #expect(g.concepts.map(\.note) == ["Reviewer: Anna", "Reviewer: Boris\nNotes: common"])
    #expect(g.concepts.map(\.id) == ["row-2", "row-3"])
    #expect(g.concepts[0].terms.map(\.language) == [tag("en"), tag("ru")])
    #expect(
      g.warnings == [
        "team.csv:1: column 'Reviewer' is not one Termlint knows; its values are kept in each concept's note"
      ])
    // Forbidden variants without a language go to the run's target language, wherever its column is.
    let variants = try load("English,Russian,forbidden\npeace,мир,peacefulness\n")
    #expect(
      variants.concepts[0].terms.filter { $0.status == .forbidden } == [
        Term("peacefulness", language: tag("en"), status: .forbidden)
      ])
  }

  @Test func partOfSpeechSubjectAndSourceTargetColumns() throws {
    let g = try load(
      "Source\tTarget term\tPart of speech\tdomain\tdeprecated_en\nвойна\twar\tproper noun\tmilitary\tconflict | warfare\n",
      .tsv, path: "g.tsv")
    let concept = try #require(g.concepts.first)
    #expect(concept.subjectField == "military")
    #expect(concept.terms.map(\.text) == ["война", "war", "conflict", "warfare"])
    #expect(concept.terms.map(\.language) == [tag("ru"), tag("en"), tag("en"), tag("en")])
    #expect(concept.terms.map(\.status) == [.preferred, .preferred, .deprecated, .deprecated])
    #expect(concept.terms.allSatisfy { $0.partOfSpeech == "properNoun" })
    let noSource = try #require(loadError("Source,Target\nа,b\n", options: .none))
    #expect(noSource.reason.contains("no source language is set"))
  }

  @Test func headerlessTwoColumnTSVUsesTheRunLanguages() throws {
    let g = try load(
      "гарантии безопасности\tsecurity guarantees\nмир\tpeace\n", .tsv, path: "xbench.tsv")
    #expect(g.concepts.count == 2)
    #expect(
      g.concepts[1].terms == [
        Term("мир", language: tag("ru"), status: .preferred),
        Term("peace", language: tag("en"), status: .preferred),
      ])
    #expect(g.concepts[1].id == "row-2")
    // A CSV with two unknown columns is not taken for headerless data.
    let csv = try #require(loadError("Begriff,Übersetzung\nа,b\n"))
    #expect(csv.line == 1)
    #expect(csv.reason.contains("names no language column"))
  }

  @Test func perRowLanguages() throws {
    let g = try load(
      "id,sourceLang,targetLang,pos,description,sourceString,targetString\n1,en,ru_RU,noun,In the context of X.,mask,маска\n2,de,en,verb,,tragen,wear\n"
    )
    #expect(g.concepts.map { $0.terms.map(\.language.value) } == [["en", "ru-RU"], ["de", "en"]])
    #expect(g.concepts[0].note == "In the context of X.")
    #expect(g.concepts[1].terms.map(\.partOfSpeech) == ["verb", "verb"])
    let bad = try #require(
      loadError("sourceLang,targetLang,sourceString,targetString\nen,русский!,a,b\n"))
    #expect(bad.line == 2)
    #expect(bad.column == 4)
    #expect(bad.reason.contains("'русский!' is not a valid language tag"))
    let missing = try #require(loadError("sourceLang,targetLang,sourceString\nen,ru,a\n"))
    #expect(missing.reason.contains("needs a 'targetString' column"))
  }

  @Test func badRowsNameTheLineAndReason() throws {
    let count = try #require(loadError("id,ru,en\n1,мир,peace\n2,война\n"))
    #expect(count.file == "team.csv")
    #expect(count.line == 3)
    #expect(count.reason == "row has 2 fields but the header has 3 (id, ru, en)")
    let empty = try #require(loadError("id,ru,en,comment\n1,,,only a comment\n"))
    #expect(empty.line == 2)
    #expect(empty.reason.contains("no term in any language column"))
    let twoIDs = try #require(loadError("id,key,ru\n1,2,мир\n"))
    #expect(twoIDs.reason.contains("columns 'id' and 'key' both hold the concept id"))
    // A sheet meant as Termlint's layout still gets its precise message.
    let termlint = try #require(loadError("concept,term\nx,y\n"))
    #expect(termlint.reason.contains("no 'lang' column"))
  }

  @Test func columnsMapping() throws {
    var options = ruEn
    options.columns = [
      .init(header: "Begriff", role: .terms(.source)),
      .init(header: "Übersetzung", role: .terms(.target)),
      .init(header: "Vermeiden", role: .variants(.unspecified, .forbidden)),
      .init(header: "Id", role: .ignore),
    ]
    let g = try load(
      "Id,Begriff,Übersetzung,Vermeiden\n7,мир,peace,peacefulness\n", options: options)
    #expect(g.concepts[0].terms.map(\.text) == ["мир", "peace", "peacefulness"])
    #expect(g.concepts[0].id == "row-2")
    #expect(g.warnings.isEmpty)
    options.columns.append(.init(header: "Kommentar", role: .note))
    options.origin = "pipeline.yml:4"
    let error = try #require(
      loadError("Id,Begriff,Übersetzung,Vermeiden\n7,мир,peace,x\n", options: options))
    #expect(error.file == "team.csv")
    #expect(error.line == 1)
    #expect(
      error.reason.hasPrefix(
        "the 'columns' mapping (pipeline.yml:4) names column 'Kommentar', which the header does not have"
      ))
  }

  @Test func pipelineGlossaryEntriesWithSheetAndColumns() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sheets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Begriff;Übersetzung\n".write(
      to: dir.appendingPathComponent("unused.txt"), atomically: true, encoding: .utf8)
    try "Begriff,Übersetzung,Vermeiden\nмир,peace,peacefulness\n".write(
      to: dir.appendingPathComponent("de.csv"), atomically: true, encoding: .utf8)
    let yaml = """
      languages: {source: ru, target: en}
      glossaries:
        - path: de.csv
          columns:
            Begriff: source
            Übersetzung: target
            Vermeiden: forbidden
      """
    let pipelinePath = dir.appendingPathComponent("p.yml").path
    let pipeline = try PipelineLoader.parse(yaml, path: pipelinePath)
    let setup = try LintSetup.build(pipeline: pipeline)
    #expect(
      setup.linter.glossary.glossary.concepts.first?.terms.map(\.status) == [
        .preferred, .preferred, .forbidden,
      ])

    let badRole = S.expectError {
      _ = try PipelineLoader.parse(
        yaml.replacingOccurrences(of: "forbidden", with: "verboten"), path: pipelinePath)
      return Glossary()
    }
    #expect(badRole?.line == 7)
    #expect(badRole?.reason.contains("unknown role 'verboten' for column 'Vermeiden'") == true)
    let badKey = S.expectError {
      _ = try PipelineLoader.parse(
        yaml.replacingOccurrences(of: "columns:", with: "colums:"), path: pipelinePath)
      return Glossary()
    }
    #expect(badKey?.reason.contains("colums") == true)
    let missing = try PipelineLoader.parse(
      yaml.replacingOccurrences(of: "Vermeiden", with: "Meiden"), path: pipelinePath)
    let error = S.expectError { try LintSetup.build(pipeline: missing).linter.glossary.glossary }
    #expect(error?.file?.hasSuffix("de.csv") == true)
    #expect(error?.reason.contains("names column 'Meiden'") == true)
    #expect(error?.reason.contains("p.yml:3") == true)
  }

  /// Sheet → TBX → load gives the same concepts: ids, notes, subject fields, every term with its
  /// status (forbidden, deprecated, admitted) and part of speech.
  @Test func convertingASheetToTBXIsLossless() throws {
    let sheet = """
      id,ru,en,forbidden,deprecated_ru,synonyms_en,pos,subject,comment,Reviewer
      a1,гарантии безопасности,security guarantees,security assurances|safety guarantees,гарантии защищённости,guarantees of security,noun,arms control,"House style; see ""Style"".",Anna
      a2,мир,peace,,,,noun,,,
      a3,НАТО,NATO,North Atlantic Treaty Org,,,proper noun,alliances,Line one,
      """
    let g = try load(sheet)
    #expect(g.concepts.count == 3)
    #expect(g.concepts[0].note == "comment: House style; see \"Style\".\nReviewer: Anna")
    #expect(
      g.concepts[0].terms.map(\.status) == [
        .preferred, .deprecated, .preferred, .forbidden, .forbidden, .admitted,
      ])
    #expect(g.concepts[2].terms.allSatisfy { $0.partOfSpeech == "properNoun" })
    for format in [GlossaryFormat.tbx, .yaml, .csv] {
      let conversion = try GlossaryConversion.convert(
        bytes: Array(sheet.utf8), path: "team.csv", from: .csv, to: format, options: ruEn)
      #expect(conversion.warnings.count == 1, "the Reviewer column, once")
      let back = try GlossaryIO.load(
        bytes: conversion.output, path: "back.\(format)", format: format)
      #expect(back.concepts == g.concepts, "\(format)")
    }
  }

  @Test func fmtRefusesSheetsItWouldReshape() throws {
    let bilingual = S.expectError {
      _ = try GlossaryFormatter.format(
        bytes: Array("id,ru,en\n1,мир,peace\n".utf8), path: "b.csv", format: .csv)
      return Glossary()
    }
    #expect(bilingual?.reason.contains("fmt rewrites sheets in Termlint's layout only") == true)
    let extra = S.expectError {
      _ = try GlossaryFormatter.format(
        bytes: Array("concept,lang,term,id\nx,en,peace,1\n".utf8), path: "b.csv", format: .csv)
      return Glossary()
    }
    #expect(extra?.reason.contains("fmt would move column 'id' into the notes") == true)
    #expect(extra?.column == 19)
  }
}

@Suite("Glossaries from .xlsx workbooks")
struct XLSXGlossaryTests {
  /// The committed fixture (written by make_xlsx.py): the first sheet has the team shape with
  /// shared strings, a rich-text comment, a number id, an empty row, cells without `r` and a
  /// short row; the second is in the per-row form.
  @Test func firstAndNamedSheets() throws {
    let g = try GlossaryIO.load(path: sheetFixture("team.xlsx"), options: ruEn)
    #expect(g.concepts.map(\.id) == ["1", "np", "3"])
    #expect(g.concepts.map(\.line) == [2, 4, 5])
    #expect(g.concepts[0].note == "House style since 2024 & on")
    #expect(
      g.concepts[0].terms.filter { $0.status == .forbidden }.map(\.text) == [
        "security assurances", "safety guarantees",
      ])
    #expect(
      g.concepts[1].terms.map(\.text) == [
        "нераспространение", "non-proliferation", "nonproliferation",
      ])
    #expect(g.concepts[2].terms.first?.text == "Североатлантический альянс")
    #expect(g.concepts[2].terms.first?.column == 2)
    // The same shape as team.csv: the forbidden variant is reported.
    let findings = try TestLint.findings(
      "They offered security assurances.", rules: ["term-forbidden"],
      glossary: try CompiledGlossary(g), markdown: false)
    #expect(findings.count == 1)

    var named = ruEn
    named.sheet = "tico"
    let tico = try GlossaryIO.load(path: sheetFixture("team.xlsx"), options: named)
    #expect(tico.concepts.map { $0.terms.map(\.language.value) } == [["en", "ru-RU"]])
    named.sheet = "Missing"
    let error = S.expectError {
      try GlossaryIO.load(path: sheetFixture("team.xlsx"), options: named)
    }
    #expect(error?.reason == "the workbook has no sheet 'Missing' (sheets: 'Glossary', 'TICO')")
  }

  @Test func gapsSharedStringsAndTermlintLayout() throws {
    let bytes = try makeWorkbook(
      sheets: [
        (
          "Terms",
          "<row r=\"1\">\(c("A1", "concept"))\(c("B1", "lang"))\(c("C1", "term"))\(c("D1", "status"))\(c("E1", "id"))</row>"
            + "<row r=\"3\">\(c("A3", "x"))<c r=\"B3\" t=\"s\"><v>0</v></c>\(c("C3", "peace"))</row>"
            + "<row r=\"4\">\(c("A4", "x"))\(c("B4", "en"))\(c("C4", "peacefulness"))\(c("D4", "forbidden"))<c r=\"E4\"><v>12</v></c></row>"
        )
      ], shared: ["en"])
    let g = try GlossaryIO.load(bytes: bytes, path: "t.xlsx", format: .xlsx)
    #expect(g.concepts.first?.terms.map(\.text) == ["peace", "peacefulness"])
    #expect(g.concepts.first?.terms.map(\.note) == [nil, "id: 12"])
    #expect(g.concepts.first?.terms.map(\.line) == [3, 4])
    #expect(g.warnings.count == 1)
  }

  @Test func badWorkbooksNameFileSheetRowAndReason() throws {
    let corrupt = S.expectError {
      try GlossaryIO.load(bytes: Array("PK\u{3}\u{4}not a zip".utf8), path: "c.xlsx", format: .xlsx)
    }
    #expect(corrupt?.file == "c.xlsx")
    #expect(corrupt?.reason.contains("not a readable zip archive") == true)

    let badIndex = try makeWorkbook(sheets: [
      (
        "S",
        "<row r=\"1\">\(c("A1", "ru"))\(c("B1", "en"))</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row>"
      )
    ])
    let index = S.expectError {
      try GlossaryIO.load(bytes: badIndex, path: "i.xlsx", format: .xlsx)
    }
    #expect(index?.line == 2)
    #expect(
      index?.reason
        == "sheet 'S', cell A2: shared string index '5' is not in the workbook's 0 shared strings")

    let order = try makeWorkbook(sheets: [
      ("S", "<row r=\"1\">\(c("B1", "ru"))\(c("A1", "en"))</row>")
    ])
    let outOfOrder = S.expectError {
      try GlossaryIO.load(bytes: order, path: "o.xlsx", format: .xlsx)
    }
    #expect(outOfOrder?.reason.contains("out-of-order cell reference r=\"A1\"") == true)

    let noTerm = try makeWorkbook(sheets: [
      (
        "Main",
        "<row r=\"1\">\(c("A1", "ru"))\(c("B1", "note"))</row><row r=\"9\">\(c("B9", "orphan"))</row>"
      )
    ])
    let row = S.expectError { try GlossaryIO.load(bytes: noTerm, path: "n.xlsx", format: .xlsx) }
    #expect(row?.line == 9)
    #expect(row?.reason.hasPrefix("sheet 'Main', row 9: the row has no term") == true)

    let beyond = try makeWorkbook(sheets: [
      (
        "Main",
        "<row r=\"1\">\(c("A1", "ru"))\(c("B1", "en"))</row><row r=\"2\">\(c("A2", "мир"))\(c("D2", "stray"))</row>"
      )
    ])
    let stray = S.expectError { try GlossaryIO.load(bytes: beyond, path: "b.xlsx", format: .xlsx) }
    #expect(
      stray?.reason
        == "sheet 'Main', row 2, column D: a value in a column that has no header ('stray')")

    let missingPart = try makeWorkbook(sheets: [("Main", "")], omit: ["xl/worksheets/sheet1.xml"])
    let part = S.expectError {
      try GlossaryIO.load(bytes: missingPart, path: "m.xlsx", format: .xlsx)
    }
    #expect(part?.reason.contains("the part 'xl/worksheets/sheet1.xml' is missing") == true)

    let malformed = try makeWorkbook(sheets: [("Main", "<row><c><v>1</v></row>")])
    let xml = S.expectError { try GlossaryIO.load(bytes: malformed, path: "x.xlsx", format: .xlsx) }
    #expect(xml?.file == "x.xlsx/xl/worksheets/sheet1.xml")
    #expect(xml?.reason.contains("not well-formed XML") == true)
  }

  /// Corrupt workbooks end in an error, never a trap. `corrupt-entry-offset.xlsx` is team.xlsx
  /// with a few bytes changed (found by mutating it): one entry points past the end of the file,
  /// which trapped in ZIPFoundation's in-memory archive.
  @Test func mutatedWorkbooksFailCleanly() throws {
    let crash = S.expectError {
      try GlossaryIO.load(path: sheetFixture("corrupt-entry-offset.xlsx"))
    }
    #expect(crash?.file == sheetFixture("corrupt-entry-offset.xlsx"))
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: sheetFixture("team.xlsx"))))
    var random = SeededGenerator(seed: 16)
    var failed = 0
    for _ in 0..<200 {
      var bytes = original
      switch Int.random(in: 0..<3, using: &random) {
      case 0:
        for _ in 0..<Int.random(in: 1...8, using: &random) {
          bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(
            in: 0...255, using: &random)
        }
      case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
      default:
        let start = Int.random(in: 0..<bytes.count, using: &random)
        for i in start..<min(bytes.count, start + Int.random(in: 1...64, using: &random)) {
          bytes[i] = 0
        }
      }
      do {
        _ = try GlossaryIO.load(bytes: bytes, path: "m.xlsx", format: .xlsx, options: ruEn)
      } catch let error as TermlintError {
        #expect(error.file?.hasPrefix("m.xlsx") == true)
        failed += 1
      }
    }
    #expect(failed > 100, "most mutants are broken: \(failed)")
  }

  @Test func workbooksAreReadOnly() {
    let error = S.expectError {
      _ = try GlossaryIO.write(Glossary(path: "out.xlsx"), format: .xlsx)
      return Glossary()
    }
    #expect(error?.reason.contains("does not write them") == true)
  }
}

@Suite(
  "TICO-19 terminology sheets",
  .enabled(
    if: S.corpusAvailable,
    "shared corpus not found at <repo root>/../shared/corpus; TICO-19 sheet tests skipped"))
struct TICOSheetTests {
  @Test func facebookSheetLoads() throws {
    let g = try GlossaryIO.load(path: S.corpus + "/csv/tico19_facebook_terminology_en_ru.csv")
    #expect(g.concepts.count == 306)
    #expect(g.warnings.isEmpty)
    #expect(g.concepts.allSatisfy { $0.terms.map(\.language.value) == ["en", "ru-RU"] })
    #expect(g.concepts[1].terms.map(\.text) == ["acute bronchitis", "острый бронхит"])
    #expect(g.sourceLanguage == tag("en"))
    let tbx = try GlossaryConversion.convert(
      bytes: GlossaryIO.readBytes(path: S.corpus + "/csv/tico19_facebook_terminology_en_ru.csv"),
      path: "f.csv", from: .csv, to: .tbx)
    #expect(
      try GlossaryIO.load(bytes: tbx.output, path: "f.tbx", format: .tbx).concepts == g.concepts)
  }

  @Test func googleSheetLoadsWithPartsOfSpeechAndDescriptions() throws {
    let g = try GlossaryIO.load(path: S.corpus + "/csv/tico19_google_terminology_en_ru.csv")
    // 328 rows, as Python's csv module counts them.
    #expect(g.concepts.count == 328)
    #expect(g.warnings.isEmpty)
    #expect(g.concepts[0].terms.map(\.partOfSpeech) == ["adjective", "adjective"])
    #expect(g.concepts[3].terms.first?.partOfSpeech == "properNoun")
    #expect(g.concepts[0].note?.hasPrefix("In the context of coronavirus (COVID-19)") == true)
    // The descriptions hold quoted commas and doubled quotes; nothing is cut.
    #expect(
      g.concepts[3].note?.hasPrefix(
        "Short for \"Centers for Disease Control and Prevention\": a US federal agency") == true)
    let tbx = try GlossaryConversion.convert(
      bytes: GlossaryIO.readBytes(path: S.corpus + "/csv/tico19_google_terminology_en_ru.csv"),
      path: "g.csv", from: .csv, to: .tbx)
    #expect(
      try GlossaryIO.load(bytes: tbx.output, path: "g.tbx", format: .tbx).concepts == g.concepts)
  }
}
