import Foundation
import Testing

@testable import TermlintLSP

/// The acceptance session: an editor (this scripted client) on a real article with
/// the shipped glossary.
@Suite("Language server on a real article")
struct RealArticleSessionTests {
  @Test func theShippedArticleGetsItsExpectedFindingsAFixAndFreshDiagnosticsAfterEachEdit() throws {
    let root = ScriptedClient.repoRoot
    let glossary = root.appendingPathComponent("Glossaries/security-ru-en.csv").path
    let ws = try Workspace(
      pipeline: "languages:\n  source: ru\n  target: en\nglossaries:\n  - \(glossary)\n")
    defer { ws.remove() }
    let text = try String(
      contentsOf: root.appendingPathComponent("Examples/article.en.md"), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("article.en.md")
    client.open(uri, text: text)
    let diagnostics = try #require(client.diagnostics(uri, version: 1))

    // Examples/article.en.expected: line:column (code points) rule text, one per finding.
    let expected = try String(
      contentsOf: root.appendingPathComponent("Examples/article.en.expected"), encoding: .utf8
    )
    .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    #expect(diagnostics.count == expected.count)
    for row in expected {
      let position = row[0].split(separator: ":").compactMap { Int($0) }
      let line = position[0] - 1
      let character = LanguageServer.utf16Column(codePointColumn: position[1], in: lines[line])
      let want = LSPRange(
        start: .init(line: line, character: character),
        end: .init(line: line, character: character + row[2].utf16.count))
      #expect(
        diagnostics.contains { $0["code"].string == row[1] && $0["range"] == want.json }, "\(row)")
    }
    // The second spelling of a term points at the first.
    let inconsistent = try #require(diagnostics.first { $0["code"].string == "term-inconsistent" })
    let related = try #require(inconsistent["relatedInformation"][0].object)
    #expect(related["location"]?["uri"].string == uri)
    let first = try #require(LSPRange(related["location"]!["range"]))
    #expect(first.start < LSPRange(inconsistent["range"])!.start)
    #expect(related["message"]?.string?.contains("de-escalat") == true)

    // The quick fix for the deprecated term, applied as the editor would.
    let forbidden = try #require(diagnostics.first { $0["code"].string == "term-forbidden" })
    let actions = try #require(
      client.codeActions(uri, for: forbidden))
    let fix = try #require(
      actions.first { $0["title"].string?.hasPrefix("Replace 'security assurances'") == true })
    let fixed = applied(fix, uri: uri, to: text)
    client.change(uri, version: 2, [["text": .string(fixed)]])
    let afterFix = try #require(client.diagnostics(uri, version: 2))
    #expect(afterFix.count == expected.count - 1)
    #expect(!afterFix.contains { $0["range"] == forbidden["range"] })

    // Fresh diagnostics for every edit, each for its own version.
    let range = try #require(LSPRange(forbidden["range"]))
    for version in 3...8 {
      let bringBack = version % 2 == 1
      let edit: JSON = [
        "range": LSPRange(
          start: range.start,
          end: .init(line: range.start.line, character: range.start.character + 19)
        ).json,
        "text": bringBack ? "security assurances" : "security guarantees",
      ]
      client.change(uri, version: version, [edit])
      let fresh = try #require(client.diagnostics(uri, version: version))
      #expect(
        fresh.count == (bringBack ? expected.count : expected.count - 1), "version \(version)")
    }
  }

  @Test func xliffTargetsGetUTF16RangesAndALineSuppression() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let xliff = """
      <?xml version="1.0" encoding="UTF-8"?>
      <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file source-language="ru" target-language="en" datatype="plaintext" original="a">
          <body>
            <trans-unit id="1">
              <source>😀 Москва требует гарантий безопасности.</source>
              <target>😀 Moscow wants &quot;security assurances&quot;.</target>
            </trans-unit>
          </body>
        </file>
      </xliff>

      """
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.xlf")
    client.open(uri, language: "xml", text: xliff)
    let diagnostics = try #require(client.diagnostics(uri, version: 1))
    let forbidden = try #require(diagnostics.first { $0["code"].string == "term-forbidden" })
    let line = xliff.components(separatedBy: "\n")[6]
    let start = try #require(line.range(of: "security assurances"))
    let character = line[..<start.lowerBound].utf16.count
    #expect(
      forbidden["range"]
        == LSPRange(
          start: .init(line: 6, character: character),
          end: .init(line: 6, character: character + 19)
        ).json)
    let actions = try #require(
      client.codeActions(uri, for: forbidden))
    let suppress = try #require(
      actions.first { $0["title"].string == "Suppress term-forbidden on this line" })
    let suppressed = applied(suppress, uri: uri, to: xliff)
    #expect(
      suppressed.contains(
        "        <!-- termlint-disable-next-line term-forbidden -->\n        <target>"))
    client.change(uri, version: 2, [["text": .string(suppressed)]])
    #expect(
      client.diagnostics(uri, version: 2)?.contains { $0["code"].string == "term-forbidden" }
        == false)
  }
}
