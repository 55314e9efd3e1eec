import Foundation
import TermlintLSP

/// A scripted LSP client: runs a `ServerLoop` on pipes in this process and talks to it in
/// framed JSON-RPC, as an editor would.
final class ScriptedClient: @unchecked Sendable {
  let toServer = Pipe()
  let fromServer = Pipe()
  private let condition = NSCondition()
  private var inbox: [JSON] = []
  private var exitStatus: Int32?
  private var nextID = 1

  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  init(debounce: Double = 0, pollInterval: Double = 30) {
    let loop = ServerLoop(
      input: toServer.fileHandleForReading, output: fromServer.fileHandleForWriting)
    loop.pollInterval = pollInterval
    Thread { [self] in
      let status = loop.run(debounce: debounce)
      condition.lock()
      exitStatus = status
      condition.broadcast()
      condition.unlock()
    }.start()
    let reading = fromServer.fileHandleForReading
    Thread { [self] in
      var framer = MessageFramer()
      while true {
        let data = reading.availableData
        if data.isEmpty { return }
        framer.append(data)
        while let frame = framer.next() {
          guard case .body(let body) = frame, let message = try? JSON.parse(body) else { continue }
          condition.lock()
          inbox.append(message)
          condition.broadcast()
          condition.unlock()
        }
      }
    }.start()
  }

  func sendRaw(_ bytes: [UInt8]) { toServer.fileHandleForWriting.write(Data(bytes)) }

  func send(_ message: JSON) { sendRaw(MessageFramer.frame(message)) }

  func notify(_ method: String, _ params: JSON = [:]) {
    send(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }

  /// Sends a request without waiting; returns its id.
  func sendRequest(_ method: String, _ params: JSON = [:]) -> Int {
    let id = nextID
    nextID += 1
    send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
    return id
  }

  /// Sends a request and returns its whole response message.
  func request(_ method: String, _ params: JSON = [:], timeout: Double = 30) -> JSON? {
    let id = sendRequest(method, params)
    return waitFor(timeout: timeout) { $0["id"].int == id && $0["method"].isNull }
  }

  /// The first message (taken from the inbox) that satisfies `predicate`.
  /// The code actions the server offers for one diagnostic of an open document (nil when the
  /// request gets no array back).
  func codeActions(_ uri: String, for diagnostic: JSON) -> [JSON]? {
    request(
      "textDocument/codeAction",
      [
        "textDocument": ["uri": .string(uri)], "range": diagnostic["range"],
        "context": ["diagnostics": [diagnostic]],
      ])?["result"].array
  }

  func waitFor(timeout: Double = 30, _ predicate: (JSON) -> Bool) -> JSON? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let i = inbox.firstIndex(where: predicate) { return inbox.remove(at: i) }
      if !condition.wait(until: deadline) { return nil }
    }
  }

  /// The next diagnostics published for `uri` (with `version` when given).
  func diagnostics(_ uri: String, version: Int? = nil, timeout: Double = 30) -> [JSON]? {
    waitFor(timeout: timeout) {
      $0["method"].string == "textDocument/publishDiagnostics" && $0["params"]["uri"].string == uri
        && (version == nil || $0["params"]["version"].int == version)
    }?["params"]["diagnostics"].array
  }

  /// Messages received and not yet taken.
  var pending: [JSON] { condition.withLock { inbox } }

  func initialize(options: JSON = [:]) -> JSON? {
    let response = request(
      "initialize",
      ["processId": nil, "rootUri": nil, "capabilities": [:], "initializationOptions": options])
    notify("initialized")
    return response
  }

  func open(_ uri: String, language: String = "markdown", text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": .string(language), "version": .int(version),
          "text": .string(text),
        ]
      ])
  }

  func change(_ uri: String, version: Int, _ changes: [JSON]) {
    notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": .int(version)],
        "contentChanges": .array(changes),
      ])
  }

  /// The exit status of the loop once it has returned.
  func waitForExit(timeout: Double = 10) -> Int32? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while exitStatus == nil { if !condition.wait(until: deadline) { break } }
    return exitStatus
  }

  /// Ends the session (shutdown, exit) and closes the pipes.
  func close() {
    if exitStatus == nil {
      _ = request("shutdown", timeout: 5)
      notify("exit")
      _ = waitForExit()
    }
    try? toServer.fileHandleForWriting.close()
  }
}

/// A temporary folder with a `.termlint.yml` and a small glossary.
struct Workspace {
  let root: URL

  static let glossary = """
    concept,subject,concept_note,lang,term,status,pos,type,case,match,note
    security-guarantees,,,ru,гарантии безопасности,preferred,noun,,,,
    security-guarantees,,,en,security guarantees,preferred,noun,,,,
    security-guarantees,,,en,security assurances,deprecated,noun,,,,

    """

  init(glossary: String = Workspace.glossary, pipeline: String? = nil) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-lsp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try write("glossary.csv", glossary)
    try write(
      ".termlint.yml",
      pipeline ?? "languages:\n  source: ru\n  target: en\nglossaries:\n  - glossary.csv\n")
  }

  func write(_ name: String, _ text: String) throws {
    try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  func uri(_ name: String) -> String { root.appendingPathComponent(name).absoluteString }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A text with a code action's edits for `uri` applied (from the last to the first).
func applied(_ action: JSON, uri: String, to text: String) -> String {
  var document = TextDocument(uri: uri, languageID: "", version: 0, text: text)
  let edits = (action["edit"]["changes"][uri].array ?? []).compactMap {
    edit -> (LSPRange, String)? in
    guard let range = LSPRange(edit["range"]), let newText = edit["newText"].string else {
      return nil
    }
    return (range, newText)
  }
  for (range, newText) in edits.sorted(by: { $0.0.start > $1.0.start }) {
    document.replace(range, with: newText)
  }
  return document.text
}
