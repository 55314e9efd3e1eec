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

  /// Captured text is gathered as UTF-8 from runs, references and CDATA sections, and white
  /// space (tab, CR, LF, runs of spaces) is collapsed on those bytes, next to multi-byte
  /// characters; `xml:space="preserve"` keeps it as written.
  @Test func textFromPiecesIsCollapsedAsUTF8() throws {
    let body =
      "<conceptEntry id=\"p\"><langSec xml:lang=\"ru\"><termSec><term>\t ж\r\n  &#x436;<![CDATA[ 😀\t]]>&amp;  é </term>"
      + "<note>  a&#x9;b </note></termSec><termSec><term xml:space=\"preserve\"> ж&#x20; </term></termSec></langSec></conceptEntry>"
    let glossary = try TBXLoader.load(bytes: Array(Self.tbx(body).utf8), path: "p.tbx")
    let terms = try #require(glossary.concepts.first?.terms)
    #expect(terms.map(\.text) == ["ж ж 😀 & é", " ж  "])
    #expect(terms.first?.note == "a b")
  }

  /// U+FFFD in a term is refused when the file's bytes do not hold it (here it comes from a
  /// reference), and kept when they do.
  @Test func replacementCharacterInTermComesFromTheBytesOnly() throws {
    func load(_ term: String) throws -> Glossary {
      let body =
        "<conceptEntry id=\"r\"><langSec xml:lang=\"en\"><termSec><term>\(term)</term></termSec></langSec></conceptEntry>"
      return try TBXLoader.load(bytes: Array(Self.tbx(body).utf8), path: "r.tbx")
    }
    #expect(try load("a\u{FFFD}b").concepts.first?.terms.first?.text == "a\u{FFFD}b")
    #expect(
      try load("caf\u{E9} \u{FEFF}x").concepts.first?.terms.first?.text == "caf\u{E9} \u{FEFF}x")
    #expect(throws: TermlintError.self) { try load("a&#xFFFD;b") }
  }
}
