import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Where a document's languages come from (issue 12, item 10): chosen languages pick a TMX's
/// direction; command-line languages that contradict an XLIFF or PO file are a usage error.
@Suite("Language choice and direction")
struct LanguageChoiceTests {
  static let ru = LanguageTag("ru")!
  static let en = LanguageTag("en")!

  static let tmx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
    <tu><tuv xml:lang="en-US"><seg>Talks opened on 10 January.</seg></tuv><tuv xml:lang="ru-RU"><seg>Переговоры открылись 11 января.</seg></tuv></tu>
    <tu srclang="ru-RU"><tuv xml:lang="ru-RU"><seg>Второе.</seg></tuv><tuv xml:lang="en-US"><seg>Second.</seg></tuv></tu>
    </body></tmx>
    """

  static func sides(_ document: Document) -> [String] {
    document.units.map { "\($0.source?.string ?? "-") => \($0.target?.string ?? "-")" }
  }

  @Test func aTMXIsReadAsItsHeaderSaysWhenNothingIsChosen() throws {
    // The built-in target `en` is assumed, not chosen.
    // (Without the second unit: one written from English's other side makes English the target.)
    let firstOnly = Self.tmx.components(separatedBy: "\n").filter { !$0.contains("Второе") }.joined(
      separator: "\n")
    let d = try DocTest.read(firstOnly, path: "m.tmx", defaults: LanguageDefaults(target: Self.en))
    #expect(d.sourceLanguage?.value == "en" && d.targetLanguage?.value == "ru-RU")
    #expect(Self.sides(d).first == "Talks opened on 10 January. => Переговоры открылись 11 января.")
  }

  @Test(arguments: [
    LanguageDefaults(
      source: ru, target: en, sourceOrigin: .commandLine, targetOrigin: .commandLine),
    LanguageDefaults(source: ru, target: en, sourceOrigin: .pipeline, targetOrigin: .pipeline),
    LanguageDefaults(source: ru, target: en, sourceOrigin: .commandLine, targetOrigin: .assumed),
    LanguageDefaults(source: nil, target: en, sourceOrigin: .assumed, targetOrigin: .commandLine),
  ])
  func chosenLanguagesPickTheSidesOfATMX(defaults: LanguageDefaults) throws {
    let d = try DocTest.read(Self.tmx, path: "m.tmx", defaults: defaults)
    #expect(d.sourceLanguage?.value == "ru-RU" && d.targetLanguage?.value == "en-US")
    #expect(
      Self.sides(d) == [
        "Переговоры открылись 11 января. => Talks opened on 10 January.", "Второе. => Second.",
      ])
  }

  static let xliff = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" target-language="ru-RU" datatype="plaintext"><body>
    <trans-unit id="1"><source>Hello.</source><target>Привет.</target></trans-unit>
    </body></file></xliff>
    """
  static let po =
    "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\nmsgid \"Hello.\"\nmsgstr \"Привет.\"\n"

  @Test(arguments: [("a.xlf", xliff), ("a.po", po)])
  func commandLineLanguagesMustAgreeWithTheFile(path: String, text: String) throws {
    let wrong = LanguageDefaults(
      source: Self.ru, target: Self.en, sourceOrigin: .commandLine, targetOrigin: .commandLine)
    let error = try #require(throws: TermlintError.self) {
      try DocTest.read(text, path: path, defaults: wrong)
    }
    #expect(error.kind == .usage && error.file == path)
    #expect(
      error.reason.contains("→ ru") && error.reason.contains("--target-lang en"), "\(error.reason)")
    // The same languages from a pipeline are defaults, not a contradiction.
    let piped = LanguageDefaults(
      source: Self.ru, target: Self.en, sourceOrigin: .pipeline, targetOrigin: .pipeline)
    #expect(
      try DocTest.read(text, path: path, defaults: piped).targetLanguage?.value.hasPrefix("ru")
        == true)
    // Agreeing by primary subtag is fine.
    let agreeing = LanguageDefaults(source: nil, target: Self.ru, targetOrigin: .commandLine)
    #expect(try DocTest.read(text, path: path, defaults: agreeing).targetLanguage?.language == "ru")
  }

  @Test func directionsDescribeThemselves() {
    #expect(LanguageDirection(source: Self.ru, target: Self.en).description == "ru → en")
    #expect(LanguageDirection(source: nil, target: Self.en).description == "en (monolingual)")
    #expect(
      LanguageDirection(source: nil, target: Self.en, isBilingual: true).description == "? → en")
  }

  @Test func inputsAreGroupedByTheirNearestConfiguration() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-groups-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fm = FileManager.default
    for folder in ["a/deep", "b", "c"] {
      try fm.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try "".write(
      to: root.appendingPathComponent("a/.termlint.yml"), atomically: true, encoding: .utf8)
    try "".write(
      to: root.appendingPathComponent("b/.termlint.yml"), atomically: true, encoding: .utf8)
    let groups = InputGroup.discovered(
      ["a/deep/x.md", "b/y.md", "a/z.md", "c/w.md", "-"], directory: root.path)
    #expect(groups.map(\.pipelinePath) == ["a/.termlint.yml", "b/.termlint.yml", nil])
    #expect(groups.map(\.inputs) == [["a/deep/x.md", "a/z.md"], ["b/y.md"], ["c/w.md", "-"]])
    // From inside a folder, an absolute path outside it keeps its absolute configuration path.
    let inside = InputGroup.discovered(
      [root.appendingPathComponent("b/y.md").path], directory: root.appendingPathComponent("c").path
    )
    #expect(
      inside.first?.pipelinePath
        == root.appendingPathComponent("b/.termlint.yml").standardizedFileURL.path)
  }

  @Test func nearMissesOfTBXNames() {
    #expect(TBXNames.nearMiss("termSek", of: TBXNames.structural) == "termSec")
    #expect(TBXNames.nearMiss("TermEntry", of: TBXNames.structural) == "termEntry")
    #expect(
      TBXNames.nearMiss("administrativStatus", of: TBXNames.interpretedCategories)
        == "administrativeStatus")
    #expect(
      TBXNames.nearMiss("termSec", of: TBXNames.structural) == nil, "a known name is not a miss")
    for legitimate in [
      "transacGrp", "context", "source", "geographicalUsage", "refObjectSec", "productSubset",
      "responsibility",
    ] {
      #expect(TBXNames.nearMiss(legitimate, of: TBXNames.structural) == nil, "\(legitimate)")
      #expect(
        TBXNames.nearMiss(legitimate, of: TBXNames.interpretedCategories) == nil, "\(legitimate)")
    }
  }
}
