import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

/// A TBX typo that changes what the glossary says stops `lint` (`GlossaryIO.loadAll`) and is
/// listed by `glossary check` (`loadReportingIssues`); real-world noise does not stop it.
@Suite("TBX: problems that change meaning")
struct TBXMeaningChangeTests {
  static func tbx(_ body: String) -> [UInt8] {
    Array(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
      <text><body>
      \(body)
      </body></text></martif>
      """.utf8)
  }

  static func load(_ body: String) throws -> (Glossary, [GlossaryLoadIssue]) {
    try TBXLoader.loadReportingIssues(bytes: tbx(body), path: "g.tbx")
  }

  static func lint(_ body: String) throws -> Glossary {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-tbx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("g.tbx").path
    try Data(tbx(body)).write(to: URL(fileURLWithPath: path))
    return try GlossaryIO.loadAll(paths: [path])
  }

  @Test(arguments: [
    (
      """
      <termEntry id="c1"><langSet xml:lang="en"><tig><term>security assurances</term>
      <termNote type="administrativeStatus">deprecatedTerm-admin-sts</termNote></tig></langSet></termEntry>
      """, GlossaryLoadIssue.Kind.unknownStatus
    ),
    (
      """
      <termEntry id="c1"><langSet xml:lang="en"><tigg><term>security assurances</term></tigg></langSet></termEntry>
      """, .unknownElement
    ),
    (
      """
      <termEntri id="c1"><langSet xml:lang="en"><tig><term>security assurances</term></tig></langSet></termEntri>
      """, .unknownElement
    ),
    (
      """
      <termEntry id="c1"><langSet xml:lang="en"><tig><term>security assurances</term>
      <termNote type="administrativeStatuss">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
      """, .unknownCategory
    ),
    (
      """
      <termEntry id="c1"><langSet xml:lang="en"><tig><term>NATO</term>
      <termNote type="caseSensitivity">sensitiv</termNote></tig></langSet></termEntry>
      """, .invalidValue
    ),
  ])
  func meaningChangingProblemsStopLint(body: String, kind: GlossaryLoadIssue.Kind) throws {
    let (_, issues) = try Self.load(body)
    let issue = try #require(issues.first { $0.changesMeaning }, "\(issues)")
    #expect(issue.kind == kind && issue.line != nil)
    let error = try #require(throws: TermlintError.self) { try Self.lint(body) }
    #expect(
      error.kind == .configuration && error.line == issue.line
        && error.file?.hasSuffix("g.tbx") == true)
  }

  @Test func realWorldNoiseDoesNotStopLint() throws {
    // A part of speech outside the picklist, an unknown language tag, elements and data
    // categories Termlint does not read.
    let body = """
      <termEntry id="c1"><descrip type="subjectField">arms</descrip>
      <transacGrp><transac type="transactionType">origination</transac><date>2020-01-01</date></transacGrp>
      <langSet xml:lang="en"><ntig><termGrp><term>security guarantees</term>
      <termNote type="partOfSpeech">nom</termNote><termNote type="grammaticalGender">masculine</termNote></termGrp>
      <admin type="productSubset">x</admin><xref target="y">y</xref></ntig></langSet>
      <langSet xml:lang="---"><tig><term>x</term></tig></langSet></termEntry>
      """
    let (_, issues) = try Self.load(body)
    #expect(!issues.isEmpty && !issues.contains { $0.changesMeaning }, "\(issues)")
    #expect(try Self.lint(body).concepts.count == 1)
  }
}
