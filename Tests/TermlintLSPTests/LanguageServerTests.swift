import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText
import Testing

@testable import TermlintLSP

@Suite("Language server framing and text")
struct FramingTests {
  @Test func framerReassemblesMessagesFromAnyChunking() throws {
    let a = MessageFramer.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize"])
    let b = MessageFramer.frame([
      "jsonrpc": "2.0", "method": "initialized", "params": ["text": "Москва 😀"],
    ])
    var framer = MessageFramer()
    var bodies: [JSON] = []
    for byte in a + b {  // one byte at a time
      framer.append([byte])
      while let frame = framer.next() {
        guard case .body(let body) = frame else {
          Issue.record("unexpected \(frame)")
          continue
        }
        bodies.append(try JSON.parse(body))
      }
    }
    #expect(bodies.count == 2)
    #expect(bodies[1]["params"]["text"].string == "Москва 😀")
    // Both at once.
    var whole = MessageFramer()
    whole.append(a + b)
    #expect(whole.next() != nil && whole.next() != nil && whole.next() == nil)
  }

  @Test func framerSkipsABadHeaderAndKeepsReading() throws {
    var framer = MessageFramer()
    framer.append(Array("Content-Type: text/plain\r\n\r\n".utf8) + MessageFramer.frame(["id": 7]))
    guard case .malformedHeader = framer.next() else {
      Issue.record("no error for a header without Content-Length")
      return
    }
    guard case .body(let body) = framer.next() else {
      Issue.record("the next message was lost")
      return
    }
    #expect(try JSON.parse(body)["id"].int == 7)
  }

  @Test func incrementalEditsCountUTF16() {
    var doc = TextDocument(
      uri: "file:///a.md", languageID: "markdown", version: 1, text: "😀 Москва\r\nsecond line\n")
    #expect(doc.position(of: 9) == LSPPosition(line: 0, character: 9))  // 😀 is two units
    #expect(doc.offset(of: LSPPosition(line: 1, character: 0)) == 11)  // after CR LF
    doc.replace(
      LSPRange(start: .init(line: 0, character: 3), end: .init(line: 0, character: 9)), with: "Kyiv"
    )
    #expect(doc.text == "😀 Kyiv\r\nsecond line\n")
    doc.replace(
      LSPRange(start: .init(line: 1, character: 0), end: .init(line: 1, character: 6)), with: "2nd")
    #expect(doc.lineText(1) == "2nd line")
    // A character past the end of a line means the line's end.
    #expect(doc.offset(of: LSPPosition(line: 0, character: 99)) == 7)
  }
}

@Suite("Language server sessions")
struct LanguageServerSessionTests {
  @Test func diagnosticsAtUTF16PositionsWithRuleLinkAndVersion() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    let initialized = client.initialize()
    #expect(initialized?["result"]["capabilities"]["textDocumentSync"]["change"].int == 2)
    let uri = ws.uri("a.md")
    let prefix = "😀 В Москве «требуют» 🇷🇺: "
    client.open(uri, text: "# Talks\n\n\(prefix)legally binding security assurances.\n", version: 3)
    let diagnostics = try #require(client.diagnostics(uri, version: 3))
    let forbidden = try #require(diagnostics.first { $0["code"].string == "term-forbidden" })
    let start = prefix.utf16.count + "legally binding ".utf16.count
    #expect(
      forbidden["range"]
        == LSPRange(
          start: .init(line: 2, character: start), end: .init(line: 2, character: start + 19)
        ).json)
    #expect(
      forbidden["codeDescription"]["href"].string?.hasSuffix(
        "Documentation/Rules.md#term-forbidden") == true)
    #expect(forbidden["source"].string == "termlint")
    #expect([1, 2].contains(forbidden["severity"].int))
  }

  @Test func quickFixReplacesTheDeprecatedTermAndTheCorrectionClearsIt() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    let text = "Moscow wants security assurances now.\n"
    client.open(uri, text: text)
    let first = try #require(client.diagnostics(uri, version: 1))
    let diagnostic = try #require(first.first { $0["code"].string == "term-forbidden" })
    let actions = try #require(client.codeActions(uri, for: diagnostic))
    let fix = try #require(
      actions.first { $0["title"].string?.contains("'security guarantees'") == true })
    #expect(fix["kind"].string == "quickfix")
    let fixed = applied(fix, uri: uri, to: text)
    #expect(fixed == "Moscow wants security guarantees now.\n")
    // The client applies the edit and sends it as an incremental change.
    let edit = try #require(fix["edit"]["changes"][uri][0].object)
    client.change(uri, version: 2, [["range": edit["range"]!, "text": edit["newText"]!]])
    let after = try #require(client.diagnostics(uri, version: 2))
    #expect(!after.contains { $0["code"].string == "term-forbidden" })
    // Typing the deprecated term again brings the diagnostic back.
    client.change(uri, version: 3, [["text": .string(text)]])
    #expect(
      client.diagnostics(uri, version: 3)?.contains { $0["code"].string == "term-forbidden" }
        == true)
  }

  @Test func suppressOnThisLineSilencesTheFindingInMarkdownAndPO() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let po = """
      msgid ""
      msgstr ""
      "Language: en\\n"
      "Content-Type: text/plain; charset=UTF-8\\n"

      msgid "гарантии безопасности"
      msgstr "security assurances"

      msgid "Москва"
      msgstr "Moscow"

      """
    for (name, language, text) in [
      ("a.md", "markdown", "Moscow wants security assurances now.  \nNext line.\n"),
      ("b.po", "po", po),
    ] {
      let uri = ws.uri(name)
      client.open(uri, language: language, text: text)
      let diagnostic = try #require(
        client.diagnostics(uri, version: 1)?.first { $0["code"].string == "term-forbidden" },
        "\(name)")
      let actions = try #require(
        client.codeActions(uri, for: diagnostic))
      let suppress = try #require(
        actions.first { $0["title"].string?.hasPrefix("Suppress term-forbidden") == true },
        "\(name)")
      let suppressed = applied(suppress, uri: uri, to: text)
      client.change(uri, version: 2, [["text": .string(suppressed)]])
      let after = try #require(client.diagnostics(uri, version: 2))
      #expect(after.isEmpty, "\(name): \(after)\n\(suppressed)")
      if name == "a.md" {
        // The hard line break (two trailing spaces) survives the comment.
        #expect(
          suppressed.hasPrefix(
            "Moscow wants security assurances now. <!-- termlint-disable-line term-forbidden -->  \n"
          ))
      } else {
        #expect(suppressed.contains("# termlint-disable term-forbidden\nmsgid \"гарантии"))
        #expect(suppressed.contains("# termlint-enable term-forbidden\nmsgid \"Москва\""))
      }
    }
  }

  @Test func hoverExplainsTheRule() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    client.open(uri, text: "They want security assurances.\n")
    _ = client.diagnostics(uri, version: 1)
    let hover = try #require(
      client.request(
        "textDocument/hover",
        ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 14]]))
    let value = try #require(hover["result"]["contents"]["value"].string)
    let descriptor = try #require(BuiltInRules.descriptors.first { $0.id == "term-forbidden" })
    #expect(value.contains("term-forbidden"))
    #expect(value.contains(descriptor.title))
    let nothing = client.request(
      "textDocument/hover",
      ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 1]])
    #expect(nothing?["result"] == .null)
  }

  @Test func anEditedGlossaryIsReloadedWithoutAnEdit() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient(pollInterval: 0.2)
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    client.open(uri, text: "The attack weapons were discussed.\n")
    #expect(client.diagnostics(uri, version: 1)?.isEmpty == true)
    try ws.write(
      "glossary.csv",
      Workspace.glossary + """
        strike-weapons,,,en,strike weapons,preferred,noun,,,,
        strike-weapons,,,en,attack weapons,deprecated,noun,,,,

        """)
    let reloaded = try #require(client.diagnostics(uri, version: 1, timeout: 10))
    #expect(reloaded.contains { $0["code"].string == "term-forbidden" })
  }

  @Test func malformedAndUnknownMessagesGetErrorsAndTheServerGoesOn() throws {
    let client = ScriptedClient()
    defer { client.close() }
    let early = client.request("textDocument/hover", [:])
    #expect(early?["error"]["code"].int == -32002)
    _ = client.initialize()
    client.sendRaw(Array("Content-Length: 9\r\n\r\n{not json".utf8))
    #expect(client.waitFor { $0["error"]["code"].int == -32700 }?["id"] == .null)
    client.sendRaw(Array("X-Nothing: 1\r\n\r\n".utf8))
    #expect(client.waitFor { $0["error"]["code"].int == -32700 } != nil)
    #expect(client.request("workspace/noSuchThing")?["error"]["code"].int == -32601)
    #expect(
      client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///not/open.md"]])?[
        "error"]["code"].int == -32602)
    // A request and its cancellation arriving together: the request is answered as cancelled.
    let id = 900
    client.sendRaw(
      MessageFramer.frame([
        "jsonrpc": "2.0", "id": .int(id), "method": "textDocument/hover", "params": [:],
      ])
        + MessageFramer.frame([
          "jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": .int(id)],
        ]))
    #expect(client.waitFor { $0["id"].int == id }?["error"]["code"].int == -32800)
    // Still serving.
    #expect(client.request("shutdown")?["result"] == .null)
    #expect(client.request("textDocument/hover", [:])?["error"]["code"].int == -32600)
    client.notify("exit")
    #expect(client.waitForExit() == 0)
  }

  @Test func exitWithoutShutdownIsStatusOne() {
    let client = ScriptedClient()
    _ = client.initialize()
    client.notify("exit")
    #expect(client.waitForExit() == 1)
  }

  @Test func aBrokenDocumentOrConfigurationIsADiagnosticNotACrash() throws {
    let ws = try Workspace(pipeline: "glossaries:\n  - missing.csv\n")
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    client.open(uri, text: "Text.\n")
    let configuration = try #require(client.diagnostics(uri, version: 1))
    #expect(configuration.first?["code"].string == "configuration-error")
    // Fixing the configuration is picked up on the next lint.
    try ws.write(".termlint.yml", "glossaries:\n  - glossary.csv\n")
    let xliff = ws.uri("b.xlf")
    client.open(
      xliff, language: "xml",
      text:
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <file source-language=\"ru\" target-language=\"en\"\n"
    )
    let broken = try #require(client.diagnostics(xliff, version: 1))
    #expect(broken.count == 1 && broken[0]["code"].string == "input-error")
    client.change(uri, version: 2, [["text": "Text again.\n"]])
    #expect(client.diagnostics(uri, version: 2)?.isEmpty == true)
  }
}

@Suite("Language server configurations")
struct ConfigurationCacheTests {
  @Test func aConfigurationIsBuiltOnceAndRebuiltWhenItsGlossaryChanges() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let configurations = Configurations()
    let document = ws.root.appendingPathComponent("sub/a.md").path
    for _ in 0..<3 { _ = try configurations.setup(forDocumentAt: document).outcome.get() }
    #expect(configurations.builds == 1)
    #expect(
      configurations.pipelinePath(forDocumentAt: document)
        == ws.root.appendingPathComponent(".termlint.yml").path)
    #expect(!configurations.anyWatchedFileChanged())
    try ws.write("glossary.csv", Workspace.glossary + "extra,,,en,extra term,preferred,noun,,,,\n")
    #expect(configurations.anyWatchedFileChanged())
    let setup = try configurations.setup(forDocumentAt: document).outcome.get()
    #expect(configurations.builds == 2)
    #expect(setup.linter.glossary.glossary.concepts.count == 2)
  }

  @Test func didChangeWatchedFilesRelintsOpenDocuments() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    client.open(uri, text: "Security assurances.\n")
    #expect(client.diagnostics(uri, version: 1)?.count == 1)
    // A .termlint.yml that turns the rule off, announced by the editor's file watcher.
    try ws.write(".termlint.yml", "glossaries:\n  - glossary.csv\nrules:\n  term-forbidden: off\n")
    client.notify(
      "workspace/didChangeWatchedFiles",
      ["changes": [["uri": .string(ws.uri(".termlint.yml")), "type": 2]]])
    #expect(client.diagnostics(uri, version: 1)?.isEmpty == true)
  }
}

@Suite("Language server robustness")
struct RobustnessTests {
  @Test func oddParamsAndGarbageNeverStopTheServer() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let client = ScriptedClient()
    defer { client.close() }
    _ = client.initialize()
    let uri = ws.uri("a.md")
    client.open(uri, text: "😀 security assurances\r\nline two\r")
    _ = client.diagnostics(uri, version: 1)
    let far: JSON = [
      "start": ["line": 99, "character": -5], "end": ["line": -1, "character": 1_000_000],
    ]
    client.change(
      uri, version: 2,
      [
        ["range": far, "text": "x"],
        ["range": ["start": ["line": 0, "character": 1]], "text": "y"], "not a change",
      ])
    client.notify("textDocument/didChange", ["textDocument": "wrong", "contentChanges": "wrong"])
    client.notify("textDocument/didOpen", ["textDocument": ["uri": 5]])
    client.send([
      "jsonrpc": "2.0", "id": ["an": "object id"], "method": "textDocument/hover",
      "params": ["textDocument": ["uri": .string(uri)], "position": far["start"]],
    ])
    client.send(.array([1, 2, 3]))
    client.send("just a string")
    // Cut a character's UTF-8 in half and send bytes that are not UTF-8 at all.
    client.sendRaw(Array("Content-Length: 3\r\n\r\n".utf8) + [0xFF, 0xD0, 0x7B])
    client.sendRaw(Array("Content-Length: abc\r\n\r\n".utf8))
    for _ in 0..<4 {
      _ = client.request(
        "textDocument/codeAction",
        ["textDocument": ["uri": .string(uri)], "range": far, "context": [:]])
    }
    // Split a surrogate pair with an edit: the text keeps one unit per half.
    client.change(
      uri, version: 3,
      [
        [
          "range": ["start": ["line": 0, "character": 1], "end": ["line": 0, "character": 1]],
          "text": "z",
        ]
      ])
    #expect(client.diagnostics(uri, version: 3) != nil)
    #expect(
      client.request(
        "textDocument/hover",
        ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 0]])?["error"]
        .isNull == true)
  }
}
