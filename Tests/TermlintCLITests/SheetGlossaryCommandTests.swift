import Foundation
import Testing

/// Spreadsheet glossaries end to end: `lint` with a team's sheet, its warning printed once,
/// bad rows and workbooks as exit status 2, and `glossary convert` from a workbook to TBX.
@Suite("Spreadsheet glossaries (end to end)")
struct SheetGlossaryCommandTests {
  static let team = "Tests/TermlintGlossaryTests/Fixtures/sheets/team.csv"
  static let workbook = "Tests/TermlintGlossaryTests/Fixtures/sheets/team.xlsx"

  static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func lintReportsAForbiddenVariantFromATeamSheetAndWarnsOncePerFile() throws {
    let dir = try CLI.temporaryDirectory()
    let article = try Self.write(
      "The talks covered security assurances.\n\nAnd safety guarantees.\n", "a.en.md", in: dir)
    let other = try Self.write("Security assurances again.\n", "b.en.md", in: dir)
    // The team's shape with a column Termlint does not know, filled on every row.
    let sheet = try Self.write(
      "id,ru,en,forbidden,comment,Reviewer\n1,гарантии безопасности,security guarantees,security assurances|safety guarantees,,Anna\n"
        + "2,мир,peace,,,Anna\n3,война,war,,,Boris\n", "team.csv", in: dir)
    let r = try CLI.run([
      "lint", "--source-lang", "ru", "--rule", "term-forbidden", "--glossary", sheet, article,
      other,
    ])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.contains("a.en.md:1:19: error: 'security assurances'"))
    #expect(r.stdout.contains("a.en.md:3:5: error: 'safety guarantees'"))
    #expect(r.stdout.contains("b.en.md:1:1: error: 'Security assurances'"))
    let warnings = r.stderr.split(separator: "\n").filter { $0.contains("Reviewer") }
    #expect(
      warnings == [
        "termlint: warning: \(sheet):1: column 'Reviewer' is not one Termlint knows; its values are kept in each concept's note"
      ])
  }

  @Test func badSheetsExitTwoNamingFileLineAndReason() throws {
    let dir = try CLI.temporaryDirectory()
    let article = try Self.write("Text.\n", "a.en.md", in: dir)
    let short = try Self.write("id,ru,en\n1,мир,peace\n2,война\n", "short.csv", in: dir)
    let r = try CLI.run(["lint", "--glossary", short, article])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "termlint: error: \(short):3: row has 2 fields but the header has 3 (id, ru, en)\n")

    let corrupt = try Self.write("not a zip", "broken.xlsx", in: dir)
    let zip = try CLI.run(["lint", "--glossary", corrupt, article])
    #expect(zip.status == 2)
    #expect(zip.stderr.contains("\(corrupt): not a valid .xlsx workbook"))

    let pipeline = try Self.write(
      "languages: {source: ru, target: en}\nglossaries:\n  - path: \(CLI.repoRoot.appendingPathComponent(Self.workbook).path)\n    sheet: Nope\n",
      "p.yml", in: dir)
    let sheet = try CLI.run(["lint", "--pipeline", pipeline, article])
    #expect(sheet.status == 2)
    #expect(
      sheet.stderr.contains(
        "team.xlsx: the workbook has no sheet 'Nope' (sheets: 'Glossary', 'TICO')"))
  }

  @Test func convertWritesAWorkbookAsTBXThatLoadsTheSame() throws {
    let dir = try CLI.temporaryDirectory()
    let tbx = dir.appendingPathComponent("team.tbx").path
    let r = try CLI.run(["glossary", "convert", Self.workbook, tbx])
    #expect(r.status == 0, "\(r.stderr)")
    let fromTBX = try CLI.run(["glossary", "convert", tbx, "-", "--to", "yaml"])
    let fromSheet = try CLI.run(["glossary", "convert", Self.workbook, "-", "--to", "yaml"])
    #expect(fromTBX.status == 0 && fromSheet.status == 0)
    #expect(fromSheet.stdout.contains("security assurances, status: forbidden"))
    // The TBX writer does not record the target language; everything else is the same.
    #expect(
      fromTBX.stdout.split(separator: "\n").filter { !$0.hasPrefix("languages:") }
        == fromSheet.stdout.split(separator: "\n").filter { !$0.hasPrefix("languages:") })

    let named = try CLI.run([
      "glossary", "convert", "--sheet", "TICO", Self.workbook, "-", "--to", "yaml",
    ])
    #expect(named.stdout.contains("ru-RU"))
    let fmt = try CLI.run(["glossary", "fmt", "--check", Self.team])
    #expect(fmt.status == 2)
    #expect(fmt.stderr.contains("fmt rewrites sheets in Termlint's layout only"))
  }
}
