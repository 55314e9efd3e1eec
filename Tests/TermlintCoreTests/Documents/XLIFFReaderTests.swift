import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("XLIFF reader")
struct XLIFFReaderTests {
  static let xliff12 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="lead.txt" source-language="ru" target-language="en-GB" datatype="plaintext">
        <header><note>not a unit</note></header>
        <body>
          <group id="g1" resname="lead">
            <trans-unit id="p1" approved="yes" resname="lead-1">
              <source>Москва требует &#171;гарантий безопасности&#187; от <g id="1">НАТО</g>.</source>
              <target state="translated" state-qualifier="leveraged-tm">Moscow &amp; its allies want <g id="1">NATO</g> &lt;written&gt; pledges; <x id="2" equiv-text="{{ n }}"/>security assurances came later.</target>
              <note from="editor">Check the term.</note>
              <note>Second note.</note>
              <alt-trans><target>An old attack weapon proposal.</target></alt-trans>
            </trans-unit>
          </group>
          <group translate="no">
            <trans-unit id="p2"><source>Не переводить</source><target>Do not translate</target></trans-unit>
            <trans-unit id="p3" translate="yes"><source>Переводить</source><target>Translate</target></trans-unit>
          </group>
          <trans-unit id="p4">
            <source>Ударные вооружения.</source>
            <target xml:lang="en-US">Свободные
      — строки: Москва и attack weapons.</target>
          </trans-unit>
          <trans-unit id="p5"><source>Пусто</source><target/></trans-unit>
          <bin-unit id="b1" mime-type="image/png"><bin-source><external-file href="a.png"/></bin-source></bin-unit>
        </body>
      </file>
    </xliff>
    """

  @Test func unitsLanguagesAndMetadata() throws {
    let doc = try DocTest.read(Self.xliff12, path: "lead.xlf")
    #expect(doc.format == "xliff")
    #expect(doc.metadata["version"] == "1.2")
    #expect(doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en-GB")
    #expect(doc.units.map(\.id) == ["p1", "p3", "p4", "p5"])
    #expect(doc.skippedUnits.map(\.id) == ["p2"])
    #expect(doc.skippedUnits[0].metadata["skipped"] == "translate=no")
    let p1 = doc.units[0]
    #expect(p1.source?.string == "Москва требует «гарантий безопасности» от \u{FFFC}НАТО\u{FFFC}.")
    #expect(
      p1.target?.string
        == "Moscow & its allies want \u{FFFC}NATO\u{FFFC} <written> pledges; \u{FFFC}security assurances came later."
    )
    #expect(p1.metadata["state"] == "translated")
    #expect(p1.metadata["state-qualifier"] == "leveraged-tm")
    #expect(p1.metadata["approved"] == "yes")
    #expect(p1.metadata["resname"] == "lead-1")
    #expect(p1.metadata["note"] == "Check the term.\nSecond note.")
    #expect(p1.metadata["file"] == "lead.txt")
    #expect(p1.metadata["line"] == "7")
    #expect(p1.source?.language?.value == "ru" && p1.target?.language?.value == "en-GB")
    #expect(doc.units[2].target?.language?.value == "en-US", "a target's own xml:lang wins")
    #expect(
      p1.target?.placeholders == [
        Placeholder(id: "1", kind: "g-open"), Placeholder(id: "1", kind: "g-close"),
        Placeholder(id: "2", kind: "x", content: "{{ n }}"),
      ])
  }

  @Test func wordInATargetAfterEntitiesAndCodesMapsToItsExactPlace() throws {
    let doc = try DocTest.read(Self.xliff12, path: "lead.xlf")
    let target = try #require(doc.units[0].target)
    let location = try DocTest.location(of: "security assurances", in: target)
    let expected = try #require(
      DocTest.expectedPosition(of: "security assurances", in: Self.xliff12))
    #expect(location.line == expected.line && location.column == expected.column)
    #expect(location.endLine == expected.line && location.endColumn == expected.column + 19)
    #expect(target.file.text(in: location.utf16Range) == "security assurances")
    // A resolved entity maps to the whole reference; a placeholder to its markup.
    #expect(try target.file.text(in: DocTest.location(of: "&", in: target).utf16Range) == "&amp;")
    #expect(
      try target.file.text(in: DocTest.location(of: "<written>", in: target).utf16Range)
        == "&lt;written&gt;")
    #expect(
      try target.file.text(in: DocTest.location(of: "\u{FFFC}security", in: target).utf16Range)
        == "<x id=\"2\" equiv-text=\"{{ n }}\"/>security")
    DocTest.expectFaithfulMap(target)
  }

  @Test func wordOnALaterLineOfATargetCountsCodePoints() throws {
    let doc = try DocTest.read(Self.xliff12, path: "lead.xlf")
    let target = try #require(doc.units[2].target)
    let location = try DocTest.location(of: "attack weapons", in: target)
    let expected = try #require(
      DocTest.expectedPosition(of: "attack weapons", in: Self.xliff12, after: "Свободные"))
    #expect((location.line, location.column) == (expected.line, expected.column))
    #expect(target.file.text(in: location.utf16Range) == "attack weapons")
  }

  @Test func emptyTargetIsAnEmptySpanWhereTheTargetIs() throws {
    let doc = try DocTest.read(Self.xliff12, path: "lead.xlf")
    let p5 = doc.units[3]
    let target = try #require(p5.target)
    #expect(target.text.isEmpty)
    let at = target.map.sourceRange(0..<0).lowerBound
    #expect(target.file.text(in: at..<(at + 9)) == "<target/>")
  }

  @Test func segSourcePairsSegmentsByMid() throws {
    let text = """
      <xliff version="1.2"><file source-language="ru" target-language="en"><body>
      <trans-unit id="s1">
        <source>Первое. Второе.</source>
        <seg-source><mrk mtype="seg" mid="a">Первое.</mrk> <mrk mtype="seg" mid="b">Второе.</mrk></seg-source>
        <target><mrk mtype="seg" mid="b">Second.</mrk> <mrk mtype="seg" mid="a">First <mrk mtype="term">one</mrk>.</mrk> <mrk mtype="seg" mid="c">Extra.</mrk></target>
      </trans-unit>
      <trans-unit id="s2">
        <source>Одно.</source>
        <seg-source><mrk mtype="seg" mid="1">Одно.</mrk></seg-source>
        <target><mrk mtype="seg" mid="1"/></target>
      </trans-unit>
      <trans-unit id="s3">
        <source>Целое.</source>
        <seg-source><mrk mtype="seg" mid="1">Целое.</mrk></seg-source>
        <target>Whole, not segmented.</target>
      </trans-unit>
      </body></file></xliff>
      """
    let doc = try DocTest.read(text, path: "s.xliff")
    #expect(doc.units.map(\.id) == ["s1/a", "s1/b", "s1/c", "s2", "s3"])
    #expect(doc.units.map { $0.source?.string } == ["Первое.", "Второе.", nil, "Одно.", "Целое."])
    #expect(
      doc.units.map { $0.target?.string } == [
        "First one.", "Second.", "Extra.", "", "Whole, not segmented.",
      ])
    #expect(doc.units.map { $0.metadata["segment"] } == ["a", "b", "c", "1", nil])
    // The segments of one trans-unit are compared as a whole by the bilingual rules.
    #expect(
      Set(doc.units[0..<3].map { $0.metadata["paragraph"] }).count == 1
        && doc.units[0].metadata["paragraph"] != nil)
    #expect(doc.units[3...].allSatisfy { $0.metadata["paragraph"] == nil })
    for unit in doc.units { if let t = unit.target { DocTest.expectFaithfulMap(t) } }
  }

  @Test func inlineCodesOfXLIFF12() throws {
    let text = """
      <xliff version="1.1"><file source-language="en" target-language="ru"><body><trans-unit id="1">
      <source>A <bx id="1" rid="r1"/>b<ex id="2" rid="r1"/> <bpt id="3">&lt;b&gt;</bpt>c<ept id="3">&lt;/b&gt;</ept> <ph id="4">&lt;br/&gt;<sub>alt text</sub></ph> <it id="5" pos="open">&lt;i&gt;</it>d <mrk mtype="protected">ACME</mrk> <my:thing xmlns:my="urn:my">hidden</my:thing> <![CDATA[<e>]]></source>
      </trans-unit></body></file></xliff>
      """
    let doc = try DocTest.read(text, path: "i.xlf")
    let source = try #require(doc.units.first?.source)
    #expect(
      source.string == "A \u{FFFC}b\u{FFFC} \u{FFFC}c\u{FFFC} \u{FFFC} \u{FFFC}d ACME \u{FFFC} <e>")
    #expect(source.placeholders.map(\.kind) == ["bx", "ex", "bpt", "ept", "ph", "it", "thing"])
    #expect(source.placeholders.map(\.id) == ["1", "2", "3", "3", "4", "5", ""])
    #expect(
      source.placeholders.map(\.content) == [
        nil, nil, "<b>", "</b>", "<br/>alt text", "<i>", "hidden",
      ])
    #expect(doc.targetLanguage?.value == "ru")
    DocTest.expectFaithfulMap(source)
  }

  static let xliff2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="en">
     <file id="f1" translate="no">
      <notes><note>file note</note></notes>
      <unit id="u1" translate="yes">
       <notes><note category="style">Headline</note></notes>
       <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
       <segment id="s1" state="translated" subState="x:checked">
        <source>Переговоры о <pc id="1" dataRefStart="d1" dataRefEnd="d2">гарантиях безопасности</pc>.</source>
        <target>Talks on <pc id="1" dataRefStart="d1" dataRefEnd="d2">security assurances</pc>.</target>
       </segment>
       <ignorable><source> </source><target> </target></ignorable>
       <segment id="s2">
        <source>Второе<ph id="2" equiv="{0}"/><cp hex="0008"/> предложение<sm id="m" type="term"/>.</source>
        <target>Second<ph id="2" equiv="{0}"/> sentence <mrk id="m2" type="term">here</mrk><em startRef="m"/>, <sc id="3" dataRef="d1"/>bold<ec startRef="3" dataRef="d2"/>.</target>
       </segment>
      </unit>
      <group id="g" translate="yes">
       <unit id="u3"><segment><source>Одно</source><target>One</target></segment></unit>
      </group>
      <unit id="u2"><segment><source>Не переводить</source></segment></unit>
     </file>
    </xliff>
    """

  @Test func xliff2SegmentsCodesAndTranslateInheritance() throws {
    let doc = try DocTest.read(
      Self.xliff2, path: "x2.xlf",
      defaults: LanguageDefaults(source: DocTest.en, target: DocTest.ru))
    #expect(doc.metadata["version"] == "2.1")
    #expect(
      doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en",
      "srcLang/trgLang win over defaults")
    #expect(doc.units.map(\.id) == ["u1/s1", "u1/s2", "u3"])
    #expect(doc.skippedUnits.map(\.id) == ["u2"])
    let s1 = doc.units[0]
    let s2 = doc.units[1]
    #expect(s1.metadata["state"] == "translated" && s1.metadata["subState"] == "x:checked")
    #expect(
      s1.metadata["note"] == "Headline" && s1.metadata["unit"] == "u1"
        && s1.metadata["segment"] == "s1")
    #expect(s1.metadata["paragraph"] != nil && s1.metadata["paragraph"] == s2.metadata["paragraph"])
    #expect(
      doc.units[2].metadata["paragraph"] == nil, "a unit of one segment is a group of its own")
    #expect(s1.target?.string == "Talks on \u{FFFC}security assurances\u{FFFC}.")
    #expect(
      s1.target?.placeholders == [
        Placeholder(id: "1", kind: "pc-open", content: "<b>"),
        Placeholder(id: "1", kind: "pc-close", content: "</b>"),
      ])
    #expect(s2.source?.string == "Второе\u{FFFC}\u{8} предложение.")
    #expect(s2.target?.string == "Second\u{FFFC} sentence here, \u{FFFC}bold\u{FFFC}.")
    #expect(s2.target?.placeholders.map(\.kind) == ["ph", "sc", "ec"])
    #expect(s2.target?.placeholders.map(\.id) == ["2", "3", "3"])
    #expect(s2.target?.placeholders.map(\.content) == ["{0}", "<b>", "</b>"])
    let target = try #require(s1.target)
    let location = try DocTest.location(of: "security assurances", in: target)
    let expected = try #require(
      DocTest.expectedPosition(of: "security assurances", in: Self.xliff2))
    #expect((location.line, location.column) == (expected.line, expected.column))
    #expect(target.file.text(in: location.utf16Range) == "security assurances")
    // <cp/> becomes the character it encodes and maps to the element.
    let source = try #require(s2.source)
    #expect(
      try source.file.text(in: DocTest.location(of: "\u{8}", in: source).utf16Range)
        == "<cp hex=\"0008\"/>")
  }

  @Test func targetLanguageFallsBackToDefaultsUnlessItIsTheSourceLanguage() throws {
    let noTarget =
      "<xliff version=\"1.2\"><file source-language=\"ru\"><body><trans-unit id=\"1\"><source>а</source><target>a</target></trans-unit></body></file></xliff>"
    #expect(try DocTest.read(noTarget, path: "a.xlf").units[0].target?.language?.value == "en")
    let sameAsSource = LanguageDefaults(source: DocTest.ru, target: DocTest.ru)
    #expect(
      try DocTest.read(noTarget, path: "a.xlf", defaults: sameAsSource).units[0].target?.language
        == nil)
    let noLanguages =
      "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"><file id=\"f\"><unit id=\"1\"><segment><source>а</source></segment></unit></file></xliff>"
    let doc = try DocTest.read(noLanguages, path: "b.xliff")
    #expect(doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en")
  }

  @Test func legacyEncodingsAreDecodedFromTheDeclaration() throws {
    let text =
      "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<xliff version=\"1.2\"><file source-language=\"ru\" target-language=\"en\"><body><trans-unit id=\"1\"><source>Ударные вооружения</source><target>strike weapons</target></trans-unit></body></file></xliff>"
    let doc = try DocumentReader.read(
      bytes: Legacy.cp1251(text), path: "w.xlf", defaults: DocTest.ruEn)
    #expect(doc.file.encoding.rawValue == "windows-1251")
    #expect(doc.units[0].source?.string == "Ударные вооружения")
    let location = try DocTest.location(of: "вооружения", in: try #require(doc.units[0].source))
    let expected = try #require(DocTest.expectedPosition(of: "вооружения", in: text))
    #expect((location.line, location.column) == (expected.line, expected.column))
    #expect(doc.file.text(in: location.utf16Range) == "вооружения")
  }

  @Test func notXLIFFAndMalformedXLIFFAreErrors() throws {
    #expect(throws: TermlintError.self) {
      try DocTest.read("<tmx version=\"1.4\"/>", path: "a.xlf")
    }
    do {
      _ = try DocTest.read(
        "<xliff version=\"1.2\">\n<file><body>\n<trans-unit id=\"1\"><source>a</target></trans-unit></body></file></xliff>",
        path: "a.xlf")
      Issue.record("expected an error")
    } catch let error as TermlintError {
      #expect(error.file == "a.xlf" && error.line == 3 && error.column == 29, "\(error)")
    }
    let badCP =
      "<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"1\"><segment><source><cp hex=\"zz\"/></source></segment></unit></file></xliff>"
    #expect(throws: TermlintError.self) { try DocTest.read(badCP, path: "c.xlf") }
  }
}

/// Legacy encoders for test input (Cyrillic only; ASCII passes through).
enum Legacy {
  static func cp1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { s in
      switch s.value {
      case 0..<0x80: return UInt8(s.value)
      case 0x410...0x44F: return UInt8(0xC0 + s.value - 0x410)
      case 0x401: return 0xA8
      case 0x451: return 0xB8
      case 0x2014: return 0x97
      case 0xAB: return 0xAB
      case 0xBB: return 0xBB
      default: fatalError("no CP1251 byte for U+\(String(s.value, radix: 16)) in this test helper")
      }
    }
  }
}
