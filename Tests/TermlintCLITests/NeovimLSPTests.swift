import Foundation
import Testing

/// `termlint lsp` driven by a real editor's client: Neovim's built-in LSP client, headless
/// (Debian's `neovim`). Skipped when `nvim` is not installed.
@Suite("Neovim drives termlint lsp")
struct NeovimLSPTests {
  static let nvim: String? = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: nvim != nil, "nvim is not installed (Debian package neovim)"))
  func neovimGetsDiagnosticsAQuickFixAndFreshDiagnosticsAfterEdits() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-nvim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // The shipped example article and glossary; an emoji and Cyrillic are put before the
    // deprecated term, so UTF-16 units, code points and bytes all differ on its line.
    var lines = try String(
      contentsOf: CLI.repoRoot.appendingPathComponent("Examples/article.en.md"), encoding: .utf8
    )
    .components(separatedBy: "\n")
    let lineIndex = try #require(lines.firstIndex { $0.contains("security assurances") })
    lines[lineIndex] = "🇨🇭 Женева. " + lines[lineIndex]
    let article = folder.appendingPathComponent("article.en.md")
    try lines.joined(separator: "\n").write(to: article, atomically: true, encoding: .utf8)
    let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.csv").path
    try "languages:\n  source: ru\n  target: en\nglossaries:\n  - \(glossary)\n"
      .write(to: folder.appendingPathComponent(".termlint.yml"), atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("result.json")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.nvim!)
    let script = CLI.repoRoot.appendingPathComponent(
      "Tests/TermlintCLITests/Fixtures/lsp/neovim-e2e.lua"
    ).path
    process.arguments = ["--headless", "--clean", "-u", "NONE", "-c", "luafile \(script)"]
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["TERMLINT_BIN"] = CLI.binary.path
    env["TERMLINT_DOC"] = article.path
    env["TERMLINT_OUT"] = output.path
    env["TERMLINT_LINE"] = String(lineIndex)
    env["TERMLINT_TERM"] = "security assurances"
    env["TERMLINT_PREFERRED"] = "security guarantees"
    env["HOME"] = folder.path  // no user configuration, no shada
    env["TERMLINT_CACHE_DIR"] = CLI.cacheDirectory.path
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date(timeIntervalSinceNow: 120 * CLI.slowdown)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()

    let data = try Data(contentsOf: output)
    let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(result["ok"] as? Bool == true, "\(result["error"] ?? "")")
    #expect(result["got_diagnostics"] as? Bool == true)
    // Neovim turns the UTF-16 range into byte columns: they land on the term exactly.
    let line = lines[lineIndex]
    let start = try #require(line.range(of: "security assurances"))
    #expect(result["col"] as? Int == line[..<start.lowerBound].utf8.count)
    #expect(result["end_col"] as? Int == line[..<start.upperBound].utf8.count)
    #expect(
      (result["titles"] as? [String])?.contains(
        "Replace 'security assurances' with 'security guarantees'") == true)
    #expect(
      result["line_after_fix"] as? String
        == line.replacingOccurrences(of: "security assurances", with: "security guarantees"))
    #expect(result["cleared"] as? Bool == true)
    #expect(result["edits"] as? [Bool] == Array(repeating: true, count: 6))
  }
}
