import Foundation
import Testing

@testable import TermlintGlossary
@testable import TermlintText

@Suite("TBX over UTF-8")
struct TBXUTF8Tests {
  static func tbx(
    _ body: String, declaration: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
    lineEnd: String = "\n"
  ) -> String {
    declaration
      + [
        "<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>",
        body,
        "</body></text></tbx>",
      ].joined(separator: lineEnd)
  }

  static let concept =
    "<conceptEntry id=\"ж1\"><langSec xml:lang=\"ru\"><termSec>😀 <term>ДСНВ😀</term></termSec></langSec>\n<langSec xml:lang=\"en\"><termSec><term>New START</term><note>ж &amp; 😀</note></termSec></langSec></conceptEntry>"

  @Test(arguments: ["\n", "\r\n", "\r"])
  func termLinesAndColumnsAfterMultiByteCharacters(lineEnd: String) throws {
    let text = Self.tbx(
      Self.concept.replacingOccurrences(of: "\n", with: lineEnd), lineEnd: lineEnd)
    let (glossary, _) = try TBXLoader.loadReportingIssues(bytes: Array(text.utf8), path: "c.tbx")
    let concept = try #require(glossary.concepts.first)
    #expect(concept.id == "ж1")
    let terms = concept.terms
    try #require(terms.count == 2)
    #expect(terms.map(\.text) == ["ДСНВ😀", "New START"])
    #expect(terms.map(\.line) == [3, 4])
    // Columns in code points, where the text starts.
    #expect(terms[0].column == 63)
    #expect(terms[1].column == 39)
    #expect(terms[1].note == "ж & 😀")
  }

  @Test func byteOrderMarkDoesNotShiftColumns() throws {
    let text = Self.tbx(Self.concept)
    let plain = try TBXLoader.load(bytes: Array(text.utf8), path: "c.tbx")
    let marked = try TBXLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "c.tbx")
    #expect(plain.concepts.first?.terms.map(\.column) == marked.concepts.first?.terms.map(\.column))
    #expect(plain.concepts.first?.terms.map(\.line) == marked.concepts.first?.terms.map(\.line))
  }

  @Test func utf16ReadsAsUTF8() throws {
    let text = Self.tbx(Self.concept, declaration: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n")
    let utf8 = try TBXLoader.load(bytes: Array(Self.tbx(Self.concept).utf8), path: "c.tbx")
    let utf16 = try TBXLoader.load(
      bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, path: "c.tbx"
    )
    #expect(utf16.concepts.first?.terms.map(\.text) == utf8.concepts.first?.terms.map(\.text))
    #expect(utf16.concepts.first?.terms.map(\.column) == utf8.concepts.first?.terms.map(\.column))
  }

  @Test func errorsNameFileLineAndColumnAfterMultiByteCharacters() {
    let cases: [(String, Int, Int)] = [
      (Self.tbx("<conceptEntry>жж😀</termEntry>"), 3, 18),
      (Self.tbx("<conceptEntry>жж😀\u{1}</conceptEntry>"), 3, 18),
      ("<?xml version=\"1.0\"?>\r\n<tbx>жж", 2, 1),
      ("<tbx>\r\n ж<a x=\"ж", 2, 8),
    ]
    for (text, line, column) in cases {
      do {
        _ = try TBXLoader.load(bytes: Array(text.utf8), path: "e.tbx")
        Issue.record("no error for \(text.debugDescription)")
      } catch let error as TermlintError {
        #expect(error.file == "e.tbx")
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test func invalidUTF8IsReportedAtItsByteOffset() {
    let bytes = Array("<tbx>ж".utf8) + [0xD0, 0x41] + Array("</tbx>".utf8)
    #expect(throws: TermlintError.self) { try TBXLoader.load(bytes: bytes, path: "b.tbx") }
    do {
      _ = try TBXLoader.load(bytes: bytes, path: "b.tbx")
    } catch let error as TermlintError {
      #expect(error.reason.contains("invalid UTF-8 at byte offset 7"), "\(error)")
      #expect(error.file == "b.tbx")
    } catch {
      Issue.record("\(error)")
    }
  }
}
