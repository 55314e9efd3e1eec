import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Markdown through cmark-gfm (issue 14, item 4): what is prose and what is not, and positions
/// that map back exactly (UTF-16 offsets, line and column) through lines with prefixes.
@Suite("Markdown reader")
struct MarkdownReaderTests {
  static func read(_ text: String) -> Document {
    PlainTextReader.read(
      SourceFile(path: "a.md", text: text), markdown: true, language: LanguageTag("en"))
  }
  static func texts(_ text: String) -> [String] {
    read(text).units.map { $0.target?.string ?? "-" }
  }
  static func kinds(_ text: String) -> [String] {
    read(text).units.map { $0.metadata["kind"] ?? "-" }
  }

  @Test func aLinkReferenceDefinitionIsNotProse() throws {
    let text = "Intro text.\n\n[r]: https://example.com  \"Title  with  spaces\"\n"
    #expect(Self.texts(text) == ["Intro text."])
    #expect(try TestLint.findings(text, rules: ["whitespace"]).isEmpty)
  }

  @Test func anHTMLBlockIsNotProse() throws {
    let text = "<div class=\"x\">\nHello\n</div>\n\nAfter.\n"
    #expect(Self.texts(text) == ["After."])
    #expect(try TestLint.findings(text, rules: ["quotes"]).isEmpty)
  }

  @Test func inlineHTMLTagsWithTheirAttributesArePlaceholders() throws {
    let text = "Press <kbd title=\"a  b\">Enter</kbd> now.\n"
    #expect(Self.texts(text) == ["Press \u{FFFC}Enter\u{FFFC} now."])
    #expect(try TestLint.findings(text, rules: ["quotes", "whitespace"]).isEmpty)
    // A comment is dropped, as before.
    #expect(Self.texts("One <!-- a  \"note\" --> two.\n") == ["One  two."])
  }

  @Test func aCodeSpanIsOnePlaceholderEvenAcrossLines() {
    #expect(Self.texts("Run `ls  \"-l\"` now.\n") == ["Run \u{FFFC} now."])
    #expect(
      Self.texts("Run ``a ` b`` and `multi\nline` now.\n") == ["Run \u{FFFC} and \u{FFFC} now."])
  }

  @Test func aTildeFenceIsCode() throws {
    let text = "Before.\n\n~~~ text\n\"straight\"  quotes\n~~~\n\nAfter.\n"
    #expect(Self.texts(text) == ["Before.", "After."])
    #expect(try TestLint.findings(text, rules: ["quotes", "whitespace"]).isEmpty)
  }

  @Test func aSetextHeadingIsAHeadingWithoutItsUnderline() {
    let text = "Title of\nthe text\n===\n\nBody.\n"
    #expect(Self.texts(text) == ["Title of the text", "Body."])
    #expect(Self.kinds(text) == ["heading", "paragraph"])
    #expect(Self.texts("# Intro to C# #\n") == ["Intro to C#"])
  }

  @Test func nestedListItemsAreUnitsOfTheirOwn() {
    let text = "- one\n  - two\n    more\n- three\n\n> 1. quoted\n>    item\n"
    #expect(Self.texts(text) == ["one", "two more", "three", "quoted item"])
  }

  @Test func autolinksAndBareURLsArePlaceholders() {
    #expect(
      Self.texts("See <https://a.b/c> or www.example.com, or mail x@y.org.\n") == [
        "See \u{FFFC} or \u{FFFC}, or mail \u{FFFC}."
      ])
    // A link's text stays prose (with its opening bracket, as before), its target does not.
    #expect(
      Self.texts("A [https://a.b](https://a.b) and [text](https://c.d \"t\").\n") == [
        "A [https://a.b and [text."
      ])
  }

  @Test func aCyrillicParagraphMapsBackExactly() throws {
    let text =
      "Заголовок\n\n> - Первое  слово `код` и\n>   вторая <i>строка</i> https://example.com конец.\n"
    let document = Self.read(text)
    #expect(
      document.units.map { $0.target?.string ?? "-" } == [
        "Заголовок", "Первое  слово \u{FFFC} и вторая \u{FFFC}строка\u{FFFC} \u{FFFC} конец.",
      ])
    let span = try #require(document.units.last?.target)
    let file = span.file
    // Every word of the unit maps to the same word in the file.
    for word in ["Первое", "слово", "и", "вторая", "строка", "конец"] {
      let inUnit = try #require(span.string.range(of: word))
      let start = span.string.utf16.distance(
        from: span.string.utf16.startIndex,
        to: inUnit.lowerBound.samePosition(in: span.string.utf16)!)
      let offset = span.map.sourceOffset(startingAt: start)
      #expect(file.text(in: offset..<(offset + word.utf16.count)) == word)
    }
    let end = span.string.utf16.distance(
      from: span.string.utf16.startIndex,
      to: span.string.range(of: "конец")!.lowerBound.samePosition(in: span.string.utf16)!)
    let konets = span.map.sourceOffset(startingAt: end)
    #expect(konets == (text as NSString).range(of: "конец").location)
    #expect(file.position(utf16Offset: konets) == (4, 46))
    // The double space: one finding at its place, in UTF-16 and in line:column.
    let findings = try TestLint.findings(text, rules: ["whitespace"])
    #expect(findings.count == 1)
    #expect(
      findings.first.map { [$0.location.line, $0.location.column, $0.location.utf16Offset] } == [
        3, 11, 21,
      ])
  }
}
