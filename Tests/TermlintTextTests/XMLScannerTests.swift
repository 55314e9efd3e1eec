import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("XML scanner")
struct XMLScannerTests {
  /// All events of a document.
  static func events(
    _ text: String, maxDepth: Int = XMLScanner.defaultMaxDepth,
    maxAttributes: Int = XMLScanner.defaultMaxAttributes
  ) throws -> (SourceFile, [XMLEvent]) {
    let file = SourceFile(path: "t.xml", text: text)
    var scanner = XMLScanner(file: file, maxDepth: maxDepth, maxAttributes: maxAttributes)
    var out: [XMLEvent] = []
    while let e = try scanner.next() { out.append(e) }
    return (file, out)
  }

  /// The error a document raises.
  static func failure(
    _ text: String, maxDepth: Int = XMLScanner.defaultMaxDepth,
    maxAttributes: Int = XMLScanner.defaultMaxAttributes
  ) -> TermlintError? {
    do {
      _ = try events(text, maxDepth: maxDepth, maxAttributes: maxAttributes)
      return nil
    } catch let e as TermlintError {
      return e
    } catch {
      Issue.record("unexpected error type \(error)")
      return nil
    }
  }

  @Test func textPiecesKeepTheirOffsets() throws {
    let text =
      "<?xml version=\"1.0\"?>\n<a x='1 &amp; 2'>Tom &amp; Jerry<![CDATA[ <raw> ]]><!-- c --><?pi x?>&#x416;!</a>"
    let (file, events) = try Self.events(text)
    var pieces: [(String, String)] = []  // (what the text is, what the file holds there)
    for case .text(let t) in events {
      let value =
        t.replacement.map { String(decoding: $0, as: UTF16.self) } ?? file.text(in: t.range)
      pieces.append((value, file.text(in: t.range)))
    }
    #expect(pieces.map(\.0) == ["Tom ", "&", " Jerry", " <raw> ", "Ж", "!"])
    #expect(pieces.map(\.1) == ["Tom ", "&amp;", " Jerry", " <raw> ", "&#x416;", "!"])
    guard case .start(let a) = events[0] else {
      Issue.record("expected a start tag")
      return
    }
    #expect(a.attribute("x") == "1 & 2")
    #expect(file.text(in: a.range) == "<a x='1 &amp; 2'>")
  }

  @Test func emptyElementGivesStartAndEnd() throws {
    let (_, events) = try Self.events("<a><b/></a>")
    let kinds = events.map { e -> String in
      switch e {
      case .start(let t): return "<\(t.name)\(t.isEmpty ? "/" : "")>"
      case .end(let n, _): return "</\(n)>"
      case .text: return "text"
      }
    }
    #expect(kinds == ["<a>", "<b/>", "</b>", "</a>"])
  }

  @Test func namespacesAndLanguageAreResolved() throws {
    let text = """
      <x:root xmlns:x="urn:x" xmlns="urn:d" xml:lang="ru-RU"><child a="1" x:b="2"><inner xml:lang=""/></child><y:z/></x:root>
      """
    let (_, events) = try Self.events(text)
    let starts = events.compactMap { e -> XMLStartTag? in
      if case .start(let t) = e { return t } else { return nil }
    }
    #expect(starts.map(\.localName) == ["root", "child", "inner", "z"])
    #expect(starts[0].namespace == "urn:x")
    #expect(starts[1].namespace == "urn:d")
    #expect(starts[1].language == "ru-RU", "xml:lang is inherited")
    #expect(starts[2].language == nil, "xml:lang=\"\" unsets it")
    #expect(starts[1].attribute("a") == "1")
    #expect(starts[1].attribute("b", namespace: "urn:x") == "2")
    #expect(starts[3].namespace == nil, "an unbound prefix has no namespace and is not an error")
  }

  @Test func attributeValuesAreNormalized() throws {
    let (_, events) = try Self.events("<a v=\"one\ttwo\r\nthree&#10;four\"/>")
    guard case .start(let a) = events[0] else { return }
    #expect(a.attribute("v") == "one two three\nfour")
  }

  @Test func externalDTDSubsetIsIgnoredNeverRead() throws {
    let (_, events) = try Self.events(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">\n<tmx/>")
    #expect(events.count == 2)
    let subset = try Self.events(
      "<!DOCTYPE a [<!ELEMENT a (#PCDATA)> <!ATTLIST a x CDATA \"d>\"> <!-- c -->]><a>t</a>")
    #expect(subset.1.count == 3)
  }

  @Test(
    arguments: [
      ("<a><b></a>", 1, 7, "does not match"),
      ("<a>", 1, 1, "never closed"),
      ("<a x='1' x='2'/>", 1, 10, "twice"),
      ("<a x=1/>", 1, 6, "quotes"),
      ("<a x='<'/>", 1, 7, "'<'"),
      ("<a>&nbsp;</a>", 1, 4, "undefined entity"),
      ("<a>&#xD800;</a>", 1, 4, "U+D800"),
      ("<a>AT&T</a>", 1, 6, "&amp;"),
      ("<a>\u{8}</a>", 1, 4, "U+0008"),
      ("<a>x]]>y</a>", 1, 5, "]]>"),
      ("<a><!-- x -- y --></a>", 1, 11, "'--'"),
      ("<a/><b/>", 1, 5, "second root"),
      ("<a/>text", 1, 5, "after the end"),
      ("  ", 1, 3, "no root"),
      ("<a>\n<?xml version=\"1.0\"?></a>", 2, 1, "very start"),
      ("<a b='1'c='2'/>", 1, 9, "white space"),
      ("<a>\n  <b>\n</a>", 3, 1, "line 2"),
    ] as [(String, Int, Int, String)])
  func notWellFormedInputIsAnErrorWithItsPosition(
    text: String, line: Int, column: Int, reason: String
  ) throws {
    let error = try #require(Self.failure(text), "expected an error for \(text.debugDescription)")
    #expect(error.kind == .input)
    #expect(error.file == "t.xml")
    #expect(error.line == line && error.column == column, "\(error)")
    #expect(error.reason.contains(reason), "\(error.reason)")
    #expect(error.reason.hasPrefix("not well-formed XML"))
  }

  @Test func entityDeclarationsAreRefusedBeforeAnythingIsExpanded() throws {
    for name in [
      "billion-laughs.tbx", "internal-entity.tbx", "nested-entities.tbx", "xxe-file.tbx",
      "xxe-http.tbx", "xxe-parameter.tbx",
    ] {
      let url = TestPaths.repoRoot.appendingPathComponent(
        "Tests/TermlintGlossaryTests/Fixtures/glossary/\(name)")
      let text = try String(contentsOf: url, encoding: .utf8)
      let error = try #require(Self.failure(text), "\(name) must be refused")
      #expect(
        error.reason.contains("entity") || error.reason.contains("DOCTYPE"),
        "\(name): \(error.reason)")
    }
    let parameter = Self.failure("<!DOCTYPE a [ %p; ]><a/>")
    #expect(parameter?.reason.contains("parameter entity") == true)
  }

  @Test func depthAndAttributeCountAreBounded() throws {
    let deep = String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40)
    #expect(Self.failure(deep, maxDepth: 32)?.reason.contains("nested more than 32") == true)
    #expect(Self.failure(deep, maxDepth: 40) == nil)
    let attributes = "<a " + (0..<20).map { "a\($0)='x'" }.joined(separator: " ") + "/>"
    #expect(
      Self.failure(attributes, maxAttributes: 10)?.reason.contains("more than 10 attributes")
        == true)
    // A very deep real document fails cleanly rather than overflowing the stack.
    let hostile = String(repeating: "<a>", count: 100_000)
    #expect(Self.failure(hostile)?.reason.contains("nested more than") == true)
  }

  @Test func readElementBuildsATreeWithRanges() throws {
    let file = SourceFile(path: "t.xml", text: "<r><u id='1'>a<b>c</b><e/></u></r>")
    var scanner = XMLScanner(file: file)
    _ = try scanner.next()
    guard case .start(let u)? = try scanner.next() else {
      Issue.record("no <u>")
      return
    }
    let tree = try scanner.readElement(u)
    #expect(file.text(in: tree.range) == "<u id='1'>a<b>c</b><e/></u>")
    #expect(tree.elements.map(\.name) == ["b", "e"])
    #expect(file.text(in: tree.elements[0].range) == "<b>c</b>")
    #expect(file.text(in: tree.elements[1].range) == "<e/>")
    #expect(tree.text(in: file) == "ac")
    guard case .end(let name, _)? = try scanner.next() else {
      Issue.record("expected </r>")
      return
    }
    #expect(name == "r")
    #expect(try scanner.next() == nil)
  }
}

@Suite("XML decoding and reader choice")
struct XMLDecodingTests {
  static func decodeError(_ bytes: [UInt8]) -> TermlintError? {
    do {
      _ = try XMLDecoding.decode(bytes: bytes, path: "e.xml")
      return nil
    } catch {
      return error as? TermlintError
    }
  }

  @Test func encodingProblemsNameTheEncodingAndWhere() throws {
    let unknown = Self.decodeError(Array("<?xml version=\"1.0\" encoding=\"x-martian\"?><a/>".utf8))
    #expect(unknown?.reason.contains("unknown encoding 'x-martian'") == true && unknown?.line == 1)
    let ascii = Self.decodeError(
      Array("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<a>\n".utf8) + [0xE9]
        + Array("</a>".utf8))
    #expect(
      ascii?.reason.contains("0xE9") == true && ascii?.reason.contains("US-ASCII") == true
        && ascii?.line == 3, "\(String(describing: ascii))")
    let ebcdic = Self.decodeError(Array("<?xml version=\"1.0\" encoding=\"IBM037\"?><a/>".utf8))
    #expect(ebcdic?.reason.contains("not ASCII-compatible") == true)
    let invalidUTF8 = Self.decodeError(
      Array("<?xml version=\"1.0\"?><a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8))
    #expect(invalidUTF8?.reason.contains("invalid UTF-8") == true)
  }

  @Test func readsXML11ControlCharacterReferences() throws {
    let file = SourceFile(path: "t.xml", text: "<?xml version=\"1.1\"?><a>&#x8;</a>")
    var scanner = XMLScanner(file: file)
    var texts: [[UInt16]] = []
    while let e = try scanner.next() {
      if case .text(let t) = e { texts.append(t.replacement ?? []) }
    }
    #expect(texts == [[0x08]])
  }

  /// The hand-written UTF-16 to String transcoding agrees with the standard library's, on
  /// ASCII, two- and three-byte characters, surrogate pairs and unpaired surrogates.
  @Test(arguments: ["", "id", "гарантии безопасности", "Şişli שלום 中文", "🛰 x 👩‍💻", "a\u{0}b\u{FFFD}"])
  func stringFromUTF16MatchesStandardLibrary(text: String) {
    let units = Array(text.utf16)
    #expect(XMLScanner.string(utf16: units) == text)
    #expect(XMLScanner.string(utf16: units[...]) == text)
  }

  @Test func stringFromUTF16RepairsUnpairedSurrogates() {
    let cases: [[UInt16]] = [
      [0xD800], [0x61, 0xDC00, 0x62], [0xD83D, 0x61], [0xD83D, 0xD83D, 0xDEF0],
    ]
    for units in cases {
      #expect(
        XMLScanner.string(utf16: units) == String(decoding: units, as: UTF16.self), "\(units)")
    }
  }
}
