import Foundation
import Testing

/// `termlint lint` on XLIFF, PO and TMX files: findings at their exact place in the original file.
@Suite("termlint lint on bilingual files (end to end)")
struct BilingualInputTests {
  static let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx").path

  static let xliff = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="lead.md" source-language="ru" target-language="en" datatype="plaintext">
        <body>
          <trans-unit id="lead-1">
            <source>Москва потребовала от НАТО юридических «гарантий безопасности».</source>
            <target state="translated">Moscow demanded <g id="1">legally binding</g> &#8220;security
              pledges&#8221; &amp; <x id="2"/>security assurances from NATO.</target>
          </trans-unit>
          <trans-unit id="lead-2" translate="no">
            <source>Цитата</source>
            <target>Quote: security assurances</target>
          </trans-unit>
        </body>
      </file>
    </xliff>
    """

  static let po = """
    msgid ""
    msgstr ""
    "Language: en\\n"
    "X-Source-Language: ru\\n"
    "Content-Type: text/plain; charset=UTF-8\\n"

    #, fuzzy
    msgid "Москва потребовала «гарантий безопасности»."
    msgstr ""
    "Moscow demanded \\"legally binding\\"\\t"
    "security assurances from NATO."

    #~ msgid "Старое"
    #~ msgstr "Old security assurances"
    """

  static let tmx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
    <body>
    <tu tuid="1"><tuv xml:lang="ru"><seg>Москва потребовала «гарантий безопасности».</seg></tuv>
    <tuv xml:lang="en"><seg>Moscow &amp; <ph x="1">&lt;br/&gt;</ph>security assurances.</seg></tuv></tu>
    </body></tmx>
    """

  /// The 1-based line and code-point column of the first `needle` in `text`.
  static func position(of needle: String, in text: String) -> (line: Int, column: Int) {
    let before = text[..<text.range(of: needle)!.lowerBound]
    let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.count, lines.last!.unicodeScalars.count + 1)
  }

  static func findings(_ stdout: String) throws -> [[String: Any]] {
    let json = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as! [String: Any]
    return json["findings"] as! [[String: Any]]
  }

  @Test(arguments: [("lead.xlf", xliff), ("lead.po", po), ("lead.tmx", tmx)])
  func deprecatedTermInATargetIsReportedAtItsExactPlace(name: String, content: String) throws {
    let dir = try CLI.temporaryDirectory()
    try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    // Positions are the point here; the placeholder rule rightly notes the codes the source lacks.
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--rule", "term-forbidden", "--format", "json", name],
      in: dir)
    #expect(r.status == 1, "\(r.stderr)")
    let findings = try Self.findings(r.stdout)
    try #require(findings.count == 1, "\(r.stdout)")
    let f = findings[0]
    let expected = Self.position(of: "security assurances", in: content)
    #expect(f["ruleId"] as? String == "term-forbidden")
    #expect(f["line"] as? Int == expected.line && f["column"] as? Int == expected.column, "\(f)")
    #expect(f["endLine"] as? Int == expected.line && f["endColumn"] as? Int == expected.column + 19)
    #expect(f["text"] as? String == "security assurances")
    #expect(f["side"] as? String == "target")
  }

  @Test func textOutputQuotesTheOriginalLine() throws {
    let dir = try CLI.temporaryDirectory()
    try Self.xliff.write(
      to: dir.appendingPathComponent("lead.xlf"), atomically: true, encoding: .utf8)
    let r = try CLI.run(
      ["lint", "--glossary", Self.glossary, "--rule", "term-forbidden", "lead.xlf"], in: dir)
    let expected = Self.position(of: "security assurances", in: Self.xliff)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.count > 2 && lines[1].hasPrefix("lead.xlf:\(expected.line):\(expected.column): error:"),
      "\(r.stdout)")
    #expect(
      lines.count > 2
        && lines[2].contains(
          "pledges&#8221; &amp; <x id=\"2\"/>security assurances from NATO.</target>")
    )
  }

  @Test func malformedBilingualFilesAreExitTwoWithFileLineAndColumn() throws {
    let dir = try CLI.temporaryDirectory()
    try
      "<xliff version=\"1.2\">\n<file><body><trans-unit id=\"1\">\n<source>a &nbsp; b</source>\n</trans-unit></body></file></xliff>\n"
      .write(to: dir.appendingPathComponent("bad.xlf"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["lint", "--glossary", Self.glossary, "bad.xlf"], in: dir)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains("bad.xlf:3:11:") && r.stderr.contains("undefined entity '&nbsp;'"),
      "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)

    try "msgid \"a\"\nmsgstr \"b\n".write(
      to: dir.appendingPathComponent("bad.po"), atomically: true, encoding: .utf8)
    let po = try CLI.run(["lint", "bad.po"], in: dir)
    #expect(po.status == 2 && po.stderr.contains("bad.po:2:8:"), "\(po.stderr)")
  }
}
