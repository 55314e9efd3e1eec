import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("TMX reader")
struct TMXReaderTests {
  static let tmx = """
    <?xml version="1.0"?>
    <!DOCTYPE tmx SYSTEM "tmx14.dtd">
    <tmx version="1.4">
     <header creationtool="tests" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ru" datatype="plaintext">
      <prop type="x-domain">news</prop>
     </header>
     <body>
      <tu tuid="lead-1">
       <note>From the wire</note>
       <prop type="x-source">wire.example</prop>
       <tuv xml:lang="de-DE"><seg>Sicherheitsgarantien</seg></tuv>
       <tuv xml:lang="ru-RU"><seg>Москва требует <bpt i="1">&lt;b&gt;</bpt>гарантий<ept i="1">&lt;/b&gt;</ept> безопасности.</seg></tuv>
       <tuv xml:lang="EN-us"><seg>Moscow &amp; allies want <ph x="2">&lt;br/&gt;</ph>security assurances <hi x="3">now</hi>.</seg></tuv>
      </tu>
      <tu srclang="en">
       <tuv lang="EN"><seg>Strike weapons <it pos="begin" x="4">&lt;i&gt;</it>only<ut>{\\b}</ut>.</seg></tuv>
       <tuv lang="RU"><seg>Только ударные вооружения.</seg></tuv>
      </tu>
      <tu>
       <tuv xml:lang="ru"><seg>Только по-русски.</seg></tuv>
      </tu>
      <tu>
       <tuv xml:lang="ru"><seg>Ещё раз.</seg></tuv>
       <tuv xml:lang="en"><seg>Once more.</seg></tuv>
      </tu>
     </body>
    </tmx>
    """

  @Test func sourceAndTargetChoiceInlineCodesAndMetadata() throws {
    let doc = try DocTest.read(Self.tmx, path: "m.tmx")
    #expect(
      doc.format == "tmx" && doc.metadata["version"] == "1.4" && doc.metadata["srclang"] == "ru")
    #expect(doc.sourceLanguage?.value == "ru" && doc.targetLanguage?.value == "en-US")
    #expect(doc.units.map(\.id) == ["lead-1", "tu2", "tu3", "tu4"])
    let lead = doc.units[0]
    #expect(lead.source?.string == "Москва требует \u{FFFC}гарантий\u{FFFC} безопасности.")
    #expect(
      lead.target?.string == "Moscow & allies want \u{FFFC}security assurances \u{FFFC}now\u{FFFC}."
    )
    #expect(lead.source?.language?.value == "ru-RU" && lead.target?.language?.value == "en-US")
    #expect(
      lead.source?.placeholders == [
        Placeholder(id: "1", kind: "bpt", content: "<b>"),
        Placeholder(id: "1", kind: "ept", content: "</b>"),
      ])
    #expect(lead.target?.placeholders.map(\.kind) == ["ph", "hi-open", "hi-close"])
    #expect(
      lead.metadata["note"] == "From the wire" && lead.metadata["prop:x-source"] == "wire.example")
    #expect(lead.metadata["languages"] == "de-DE,ru-RU,en-US" && lead.metadata["tuid"] == "lead-1")
    // A tu written from English (its own srclang) is read in the file's direction, ru to en;
    // TMX 1.1 `lang` is read.
    let second = doc.units[1]
    #expect(second.target?.string == "Strike weapons \u{FFFC}only\u{FFFC}.")
    #expect(second.source?.string == "Только ударные вооружения.")
    #expect(second.target?.placeholders.map(\.kind) == ["it", "ut"])
    #expect(second.metadata["source-language"] == "ru")
    // A tu without a tuv in the target language has no target.
    #expect(doc.units[2].source?.string == "Только по-русски." && doc.units[2].target == nil)
    for unit in doc.units {
      for span in [unit.source, unit.target].compactMap({ $0 }) { DocTest.expectFaithfulMap(span) }
    }
  }

  @Test func targetLanguageIsTheDefaultWhenPresentElseTheMostCommon() throws {
    let toGerman = try DocTest.read(
      Self.tmx, path: "m.tmx",
      defaults: LanguageDefaults(source: DocTest.ru, target: LanguageTag("de")))
    #expect(toGerman.targetLanguage?.value == "de-DE")
    #expect(toGerman.units[0].target?.string == "Sicherheitsgarantien")
    #expect(toGerman.units[1].target == nil && toGerman.units[1].source?.language?.value == "en")
    let toFrench = try DocTest.read(
      Self.tmx, path: "m.tmx",
      defaults: LanguageDefaults(source: DocTest.ru, target: LanguageTag("fr")))
    #expect(
      toFrench.targetLanguage?.value == "en-US", "absent default: the language most units have")
    let all = Self.tmx.replacingOccurrences(of: "srclang=\"ru\"", with: "srclang=\"*all*\"")
    let fromDefault = try DocTest.read(
      all, path: "m.tmx", defaults: LanguageDefaults(source: DocTest.en, target: DocTest.ru))
    #expect(
      fromDefault.units[0].source?.language?.value == "en-US",
      "*all*: the default source language when the tu has it")
    #expect(fromDefault.units[0].target?.language?.value == "ru-RU")
    #expect(
      fromDefault.units[2].source == nil
        && fromDefault.units[2].target?.string == "Только по-русски.")
    #expect(
      fromDefault.units[3].source?.string == "Once more."
        && fromDefault.units[3].target?.string == "Ещё раз.")
  }

  @Test(arguments: [true, false])
  func utf16WithBOMGivesExactPositions(littleEndian: Bool) throws {
    let text = Self.tmx.replacingOccurrences(of: "\n", with: "\r\n")
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in text.utf16 {
      bytes +=
        littleEndian
        ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    let doc = try DocumentReader.read(bytes: bytes, path: "u16.tmx", defaults: DocTest.ruEn)
    #expect(doc.file.encoding == (littleEndian ? .utf16LE : .utf16BE) && doc.file.hasBOM)
    let target = try #require(doc.units[0].target)
    let location = try DocTest.location(of: "security assurances", in: target)
    let expected = try #require(DocTest.expectedPosition(of: "security assurances", in: text))
    #expect((location.line, location.column) == (expected.line, expected.column))
    #expect(target.file.text(in: location.utf16Range) == "security assurances")
    let source = try #require(doc.units[0].source)
    let word = try DocTest.location(of: "безопасности", in: source)
    let expectedWord = try #require(DocTest.expectedPosition(of: "безопасности", in: text))
    #expect((word.line, word.column) == (expectedWord.line, expectedWord.column))
  }

  @Test func utf16WithoutBOMIsDetectedFromTheDeclaration() throws {
    let text =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"ru\"><seg>б</seg></tuv></tu></body></tmx>"
    let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let doc = try DocumentReader.read(bytes: bytes, path: "n.tmx", defaults: DocTest.ruEn)
    #expect(doc.units.first?.target?.string == "б" && !doc.file.hasBOM)
    // UTF-16 declared on bytes that are not UTF-16: a clear error.
    #expect {
      try DocumentReader.read(bytes: Array(text.utf8), path: "n.tmx", defaults: DocTest.ruEn)
    } throws: { ($0 as? TermlintError)?.reason.contains("byte-order mark") == true }
  }

  @Test func emptyBodyAndNonTMXRoots() throws {
    let empty = try DocTest.read(
      "<tmx version=\"1.4\"><header srclang=\"en\"/><body/></tmx>", path: "e.tmx")
    #expect(empty.units.isEmpty && empty.sourceLanguage?.value == "en")
    #expect(throws: TermlintError.self) { try DocTest.read("<xliff/>", path: "x.tmx") }
    #expect(throws: TermlintError.self) { try DocTest.read("", path: "x.tmx") }
  }
}
