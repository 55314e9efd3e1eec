import Dispatch
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// The Termlint language server's protocol logic, without a process around it: it takes
/// decoded messages (`handle(body:)`, `handle(batch:)`) and sends messages through `send`.
/// `ServerLoop` gives it a stream; tests can drive either.
///
/// Documents are linted with the library's own reader and linter (the same as `termlint lint`
/// on the saved file). A `didOpen` or `didSave` lints at once; a `didChange` lints once no
/// further change has arrived for `debounce` seconds, so a burst of keystrokes costs one lint.
/// A request that needs findings (`codeAction`, `hover`) lints a changed document first, so its
/// answer never refers to stale positions.
public final class LanguageServer: @unchecked Sendable {
  /// Sends one message to the client.
  public typealias Send = @Sendable (JSON) -> Void

  /// JSON-RPC and LSP error codes.
  public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestCancelled = -32800
  }

  /// One published finding with its range in the document as last linted.
  struct Published {
    let finding: Finding
    let range: LSPRange
    let diagnostic: JSON
  }

  struct OpenDocument {
    var text: TextDocument
    /// When the pending lint is due (monotonic seconds), nil when none is pending.
    var due: Double?
    var published: [Published] = []
    /// The descriptors of the configuration it was linted with, by rule id.
    var descriptors: [String: RuleDescriptor] = [:]
  }

  private let send: Send
  private var documents: [String: OpenDocument] = [:]
  public let configurations: Configurations
  /// How long after the last change a document is linted, in seconds.
  public var debounce: Double
  private var initialized = false
  private var shutdownRequested = false
  /// Set by `exit`: the process's exit status (0 after `shutdown`, 1 without).
  public private(set) var exitStatus: Int32?
  private var nextRequestID = 1

  /// Creates a server.
  ///
  /// - Parameters:
  ///   - debounce: seconds of quiet after a change before the document is linted.
  ///   - configurations: the configuration cache (default: discovery per document).
  ///   - send: where messages to the client go.
  public init(
    debounce: Double = 0.03, configurations: Configurations = Configurations(), send: @escaping Send
  ) {
    self.debounce = debounce
    self.configurations = configurations
    self.send = send
  }

  /// Monotonic seconds.
  public static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  // MARK: - Messages

  /// Handles one message body as read from the stream: JSON that cannot be parsed gets a parse
  /// error response (with a null id, as JSON-RPC asks), never a crash.
  public func handle(body: [UInt8]) {
    handle(batch: [body])
  }

  /// Handles message bodies that arrived together. A `$/cancelRequest` cancels a request of
  /// the same batch that it follows or precedes: that request is answered with
  /// `RequestCancelled` instead of being run. (Requests already answered are not affected.)
  public func handle(batch bodies: [[UInt8]]) {
    var messages: [JSON] = []
    for body in bodies {
      do {
        messages.append(try JSON.parse(body))
      } catch {
        respondError(id: .null, .parseError, "the message is not valid JSON")
      }
    }
    let cancelled = Set(
      messages.compactMap { $0["method"].string == "$/cancelRequest" ? $0["params"]["id"] : nil })
    for message in messages {
      if message["method"].string != nil, !message["id"].isNull, cancelled.contains(message["id"]) {
        respondError(id: message["id"], .requestCancelled, "the request was cancelled")
        continue
      }
      handle(message)
    }
  }

  /// Handles one decoded message.
  public func handle(_ message: JSON) {
    guard case .object = message else {
      respondError(id: .null, .invalidRequest, "a message must be a JSON object")
      return
    }
    let id = message["id"]
    guard let method = message["method"].string else {
      // A response to one of our requests (client/registerCapability): nothing to do.
      if !id.isNull && (message.object?["result"] != nil || message.object?["error"] != nil) {
        return
      }
      respondError(id: id, .invalidRequest, "a message needs a 'method'")
      return
    }
    let params = message["params"]
    let isRequest = message.object?["id"] != nil
    if method == "exit" {
      exitStatus = shutdownRequested ? 0 : 1
      return
    }
    if isRequest {
      guard initialized || method == "initialize" else {
        respondError(id: id, .serverNotInitialized, "the server has not been initialized")
        return
      }
      guard !shutdownRequested else {
        respondError(id: id, .invalidRequest, "the server is shutting down")
        return
      }
      do {
        respond(id: id, result: try request(method, params: params))
      } catch let error as RequestError {
        respondError(id: id, error.code, error.message)
      } catch {
        respondError(id: id, .internalError, "\(error)")
      }
    } else {
      guard initialized, !shutdownRequested else { return }
      notification(method, params: params)
    }
  }

  struct RequestError: Error {
    let code: ErrorCode
    let message: String
  }

  private func request(_ method: String, params: JSON) throws -> JSON {
    switch method {
    case "initialize":
      guard !initialized else {
        throw RequestError(code: .invalidRequest, message: "the server is already initialized")
      }
      initialized = true
      return initialize(params)
    case "shutdown":
      shutdownRequested = true
      return .null
    case "textDocument/codeAction":
      return try codeActions(params)
    case "textDocument/hover":
      return try hover(params)
    default:
      throw RequestError(code: .methodNotFound, message: "unknown method '\(method)'")
    }
  }

  private func notification(_ method: String, params: JSON) {
    let uri = params["textDocument"]["uri"].string
    switch method {
    case "initialized":
      registerFileWatchers()
    case "textDocument/didOpen":
      guard let uri, let text = params["textDocument"]["text"].string else { return }
      documents[uri] = OpenDocument(
        text: TextDocument(
          uri: uri, languageID: params["textDocument"]["languageId"].string ?? "",
          version: params["textDocument"]["version"].int ?? 0,
          text: text),
        due: LanguageServer.now())
    case "textDocument/didChange":
      guard let uri, var document = documents[uri] else { return }
      for change in params["contentChanges"].array ?? [] {
        guard let text = change["text"].string else { continue }
        if let range = LSPRange(change["range"]) {
          document.text.replace(range, with: text)
        } else {
          document.text.replaceAll(with: text)
        }
      }
      if let version = params["textDocument"]["version"].int { document.text.version = version }
      document.due = LanguageServer.now() + debounce
      documents[uri] = document
    case "textDocument/didSave":
      guard let uri, documents[uri] != nil else { return }
      if let text = params["text"].string { documents[uri]?.text.replaceAll(with: text) }
      documents[uri]?.due = LanguageServer.now()
    case "textDocument/didClose":
      guard let uri else { return }
      documents[uri] = nil
      publish(uri: uri, version: nil, diagnostics: [])
    case "workspace/didChangeWatchedFiles":
      // A pipeline or glossary changed, or a .termlint.yml appeared or went: rebuild and re-lint.
      configurations.invalidateAll()
      lintAllSoon()
    default:
      break  // Other notifications ($/setTrace, didChangeConfiguration …) need nothing.
    }
  }

  private func initialize(_ params: JSON) -> JSON {
    let options = params["initializationOptions"]
    if let pipeline = options["pipeline"].string { configurations.explicitPipeline = pipeline }
    if let glossaries = options["glossaries"].array {
      configurations.extraGlossaries = glossaries.compactMap(\.string)
    }
    if let ms = options["debounceMilliseconds"].double, ms >= 0 { debounce = ms / 1000 }
    clientWatchesFiles =
      params["capabilities"]["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"].bool
      ?? false
    return [
      "capabilities": [
        "positionEncoding": "utf-16",
        "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "hoverProvider": true,
      ],
      "serverInfo": ["name": "termlint", "version": .string(Termlint.version)],
    ]
  }

  private var clientWatchesFiles = false

  /// Asks a client that can watch files to report changes of configurations and glossaries.
  private func registerFileWatchers() {
    guard clientWatchesFiles else { return }
    let globs = ["**/.termlint.yml", "**/*.{yml,yaml,csv,tsv,tbx,xlsx}"]
    let id = nextRequestID
    nextRequestID += 1
    send([
      "jsonrpc": "2.0", "id": .int(id), "method": "client/registerCapability",
      "params": [
        "registrations": [
          [
            "id": "termlint-watch", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": .array(globs.map { ["globPattern": .string($0)] })],
          ]
        ]
      ],
    ])
  }

  // MARK: - Linting

  /// When the next pending lint is due (monotonic seconds), nil when none is.
  public var nextDue: Double? { documents.values.compactMap(\.due).min() }

  /// Whether a document's lint is pending.
  public func isDirty(_ uri: String) -> Bool { documents[uri]?.due != nil }

  /// Lints every document whose lint is due at `now` and publishes its diagnostics.
  public func lintDue(now: Double = LanguageServer.now()) {
    for (uri, document) in documents where (document.due ?? .infinity) <= now {
      lint(uri)
    }
  }

  /// Re-lints every open document when a file a configuration was built from changed on disk.
  public func pollWatchedFiles() {
    if configurations.anyWatchedFileChanged() { lintAllSoon() }
  }

  private func lintAllSoon() {
    let now = LanguageServer.now()
    for uri in documents.keys { documents[uri]?.due = now }
  }

  /// Lints a document now and publishes its diagnostics.
  func lint(_ uri: String) {
    guard var document = documents[uri] else { return }
    document.due = nil
    let path = Self.readPath(uri: uri, languageID: document.text.languageID)
    let (outcome, pipelinePath) = configurations.setup(forDocumentAt: path)
    var published: [Published] = []
    switch outcome {
    case .failure(let error):
      published = [
        errorDiagnostic(
          error, in: document.text, path: path, configuration: pipelinePath, fromConfiguration: true
        )
      ]
      document.descriptors = [:]
    case .success(let setup):
      document.descriptors = Dictionary(
        setup.pipeline.descriptors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      do {
        let read = try DocumentReader.read(
          bytes: Array(document.text.text.utf8), path: path, defaults: setup.linter.languageDefaults
        )
        let findings = try setup.linter.lint(read)
        // A byte order mark is not part of the decoded file the offsets count in.
        let shift = document.text.utf16.first == 0xFEFF ? 1 : 0
        published = findings.filter { $0.location.path == path }.map { finding in
          diagnostic(finding, in: document.text, path: path, shift: shift)
        }
      } catch let error as TermlintError {
        published = [errorDiagnostic(error, in: document.text, path: path, configuration: nil)]
      } catch {
        published = [
          errorDiagnostic(
            .input(path, "\(error)"), in: document.text, path: path, configuration: nil)
        ]
      }
    }
    document.published = published
    documents[uri] = document
    publish(uri: uri, version: document.text.version, diagnostics: published.map(\.diagnostic))
  }

  /// Lints a document now if a change is pending (before answering about its findings).
  private func ensureLinted(_ uri: String) {
    if documents[uri]?.due != nil { lint(uri) }
  }

  private func publish(uri: String, version: Int?, diagnostics: [JSON]) {
    var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .int(version) }
    send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
  }

  private func diagnostic(_ f: Finding, in text: TextDocument, path: String, shift: Int)
    -> Published
  {
    let range = LSPRange(
      start: text.position(of: f.location.utf16Offset + shift),
      end: text.position(of: f.location.utf16Offset + f.location.utf16Length + shift))
    var d: [String: JSON] = [
      "range": range.json,
      "severity": .int(f.severity == .error ? 1 : f.severity == .warning ? 2 : 3),
      "code": .string(f.ruleID),
      "source": "termlint",
      "message": .string(f.message),
      "data": [
        "suggestions": .array(f.suggestions.map { .string($0) }), "fixIsSafe": .bool(f.fixIsSafe),
      ],
    ]
    if let href = Self.documentationURL(ruleID: f.ruleID) {
      d["codeDescription"] = ["href": .string(href)]
    }
    let related: [JSON] = f.related.compactMap { l in
      if l.path == path {
        let r = LSPRange(
          start: text.position(of: l.utf16Offset + shift),
          end: text.position(of: l.utf16Offset + l.utf16Length + shift))
        let quoted = String(
          decoding: text.utf16[text.offset(of: r.start)..<text.offset(of: r.end)], as: UTF16.self)
        return [
          "location": ["uri": .string(text.uri), "range": r.json],
          "message": .string("'\(quoted)' here"),
        ]
      }
      // Another file (the other half of a pair): its own text gives the UTF-16 positions.
      guard let file = try? SourceFile.read(path: l.path) else { return nil }
      func position(_ offset: Int) -> JSON {
        let line = file.lineIndex(utf16Offset: offset)
        return LSPPosition(line: line, character: offset - file.lineStarts[line]).json
      }
      return [
        "location": [
          "uri": .string(URL(fileURLWithPath: l.path).absoluteString),
          "range": [
            "start": position(l.utf16Offset), "end": position(l.utf16Offset + l.utf16Length),
          ],
        ],
        "message": .string("'\(file.text(in: l.utf16Range))' here"),
      ]
    }
    if !related.isEmpty { d["relatedInformation"] = .array(related) }
    return Published(finding: f, range: range, diagnostic: .object(d))
  }

  /// A diagnostic for an error that stopped the lint: a bad configuration (shown on the first
  /// line, pointing at the configuration file) or malformed input (at its line and column).
  private func errorDiagnostic(
    _ error: TermlintError, in text: TextDocument, path: String, configuration: String?,
    fromConfiguration: Bool = false
  ) -> Published {
    var range = LSPRange(
      start: LSPPosition(line: 0, character: 0),
      end: LSPPosition(line: 0, character: text.lineEnd(0)))
    var d: [String: JSON] = ["severity": 1, "source": "termlint"]
    if !fromConfiguration, error.kind == .input, error.file == path || error.file == nil,
      let line = error.line, line >= 1, line <= text.lineStarts.count
    {
      let lineText = text.lineText(line - 1)
      let startCharacter = Self.utf16Column(codePointColumn: error.column ?? 1, in: lineText)
      range = LSPRange(
        start: LSPPosition(line: line - 1, character: startCharacter),
        end: LSPPosition(line: line - 1, character: max(startCharacter, lineText.utf16.count)))
      d["code"] = "input-error"
      d["message"] = .string(error.reason)
    } else {
      d["code"] = .string(fromConfiguration ? "configuration-error" : "input-error")
      d["message"] = .string("termlint could not check this document: \(error.description)")
      if let file = error.file ?? configuration, file != path {
        let line = max(0, (error.line ?? 1) - 1)
        d["relatedInformation"] = [
          [
            "location": [
              "uri": .string(URL(fileURLWithPath: file).absoluteString),
              "range": LSPRange(
                start: LSPPosition(line: line, character: 0),
                end: LSPPosition(line: line, character: 0)
              ).json,
            ],
            "message": .string(error.reason),
          ]
        ]
      }
    }
    d["range"] = range.json
    let finding = Finding(
      ruleID: d["code"]?.string ?? "", severity: .error, category: .designAndMarkup,
      message: d["message"]?.string ?? "",
      location: Location(file: SourceFile(path: path, text: ""), utf16Range: 0..<0), matchedText: ""
    )
    return Published(finding: finding, range: range, diagnostic: .object(d))
  }

  /// The UTF-16 offset in a line of a 1-based column counted in code points.
  static func utf16Column(codePointColumn column: Int, in line: String) -> Int {
    var units = 0
    for (i, scalar) in line.unicodeScalars.enumerated() {
      if i >= column - 1 { break }
      units += scalar.utf16.count
    }
    return units
  }

  /// Where a built-in rule is documented (Documentation/Rules.md, by GitHub's heading anchor).
  static func documentationURL(ruleID: String) -> String? {
    guard BuiltInRules.descriptors.contains(where: { $0.id == ruleID }) else { return nil }
    let anchor = String(
      ruleID.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    return "\(Termlint.informationURI)/blob/main/Documentation/Rules.md#\(anchor)"
  }

  /// The file path a document is read as: its `file:` URI's path, with an extension added from
  /// its language id when the path's own does not select a reader (an untitled buffer, a file
  /// named without an extension).
  static func readPath(uri: String, languageID: String) -> String {
    var path: String
    if let url = URL(string: uri), url.isFileURL {
      path = url.path
    } else {
      path = FileManager.default.currentDirectoryPath + "/untitled"
    }
    let byLanguage: [String: String] = [
      "markdown": ".md", "po": ".po", "gettext": ".po", "xliff": ".xlf", "tmx": ".tmx",
    ]
    if DocumentReader.Format(path: path) == .text, let ext = byLanguage[languageID.lowercased()] {
      path += ext
    }
    return path
  }

  // MARK: - Requests about findings

  private func document(_ params: JSON) throws -> (String, OpenDocument) {
    guard let uri = params["textDocument"]["uri"].string else {
      throw RequestError(code: .invalidParams, message: "'textDocument.uri' is missing")
    }
    ensureLinted(uri)
    guard let document = documents[uri] else {
      throw RequestError(code: .invalidParams, message: "the document '\(uri)' is not open")
    }
    return (uri, document)
  }

  private func codeActions(_ params: JSON) throws -> JSON {
    let (uri, document) = try document(params)
    guard let range = LSPRange(params["range"]) else {
      throw RequestError(code: .invalidParams, message: "'range' is missing")
    }
    if let only = params["context"]["only"].array?.compactMap(\.string),
      !only.contains(where: { "quickfix".hasPrefix($0) })
    {
      return []
    }
    let format = DocumentReader.Format(
      path: Self.readPath(uri: uri, languageID: document.text.languageID))
    var actions: [JSON] = []
    var suppressed: Set<String> = []
    for p in document.published
    where p.range.touches(range) && !p.finding.ruleID.hasSuffix("-error") {
      for (i, suggestion) in p.finding.suggestions.prefix(5).enumerated() {
        actions.append([
          "title": .string("Replace '\(p.finding.matchedText)' with '\(suggestion)'"),
          "kind": "quickfix",
          "diagnostics": [p.diagnostic],
          "isPreferred": .bool(i == 0 && p.finding.fixIsSafe),
          "edit": ["changes": [uri: [["range": p.range.json, "newText": .string(suggestion)]]]],
        ])
      }
      let key = "\(p.finding.ruleID)@\(p.range.start.line)"
      guard !suppressed.contains(key),
        let suppression = SuppressionEdit.make(
          rule: p.finding.ruleID, line: p.range.start.line, in: document.text, format: format)
      else { continue }
      suppressed.insert(key)
      actions.append([
        "title": .string(suppression.title),
        "kind": "quickfix",
        "diagnostics": [p.diagnostic],
        "edit": [
          "changes": [
            uri: .array(
              suppression.edits.map { ["range": $0.range.json, "newText": .string($0.newText)] })
          ]
        ],
      ])
    }
    return .array(actions)
  }

  private func hover(_ params: JSON) throws -> JSON {
    let (_, document) = try document(params)
    guard let position = LSPPosition(params["position"]) else {
      throw RequestError(code: .invalidParams, message: "'position' is missing")
    }
    let hits = document.published.filter { $0.range.start <= position && position <= $0.range.end }
    guard !hits.isEmpty else { return .null }
    let parts = hits.map { p -> String in
      let f = p.finding
      var text = "**\(f.ruleID)** (\(f.severity.rawValue)): \(f.message)"
      if let d = document.descriptors[f.ruleID] {
        text +=
          "\n\n*\(d.title).* \(d.summary)\n\n\(d.rationale.trimmingCharacters(in: .whitespacesAndNewlines))"
      }
      if !f.suggestions.isEmpty {
        text += "\n\nSuggested: " + f.suggestions.map { "'\($0)'" }.joined(separator: ", ")
      }
      if let href = Self.documentationURL(ruleID: f.ruleID) {
        text += "\n\n[Documentation of \(f.ruleID)](\(href))"
      }
      return text
    }
    return [
      "contents": ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n---\n\n"))],
      "range": hits[0].range.json,
    ]
  }

  // MARK: - Responses

  private func respond(id: JSON, result: JSON) {
    send(["jsonrpc": "2.0", "id": id, "result": result])
  }

  private func respondError(id: JSON, _ code: ErrorCode, _ message: String) {
    send([
      "jsonrpc": "2.0", "id": id,
      "error": ["code": .int(code.rawValue), "message": .string(message)],
    ])
  }

  /// Reports a frame the transport could not use (a bad header) as a parse error.
  public func reportMalformedFrame(_ reason: String) {
    respondError(id: .null, .parseError, reason)
  }
}
