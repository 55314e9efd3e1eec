import Foundation
import Testing

/// Where gettext's `msgfmt` is, if installed.
enum Gettext {
  static let msgfmt: String? = [
    "/usr/bin/msgfmt", "/usr/local/bin/msgfmt", "/opt/homebrew/bin/msgfmt",
  ].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

/// `termlint fix` on real gettext catalogues: every catalogue that `msgfmt -c` accepts before
/// the fix still passes after it, and the fix changes nothing but the spans of the safe
/// findings a lint of the original reported.
///
/// Catalogues: every `.po` file in the folders of `TERMLINT_REAL_PO_DIRS` (colon-separated),
/// in `Evaluation/corpus/po/` of this repository, in `../shared/corpus/po/` beside it, and the
/// fixture `Fixtures/format-strings/` (written for this test, modelled on real patterns). A
/// folder that is absent is named on standard error and skipped.
@Suite(
  "termlint fix on real PO catalogues",
  .enabled(if: Gettext.msgfmt != nil, "msgfmt (gettext) is not installed"))
struct RealCatalogueFixTests {
  static var msgfmt: String? { Gettext.msgfmt }

  static var folders: [URL] {
    var paths = (ProcessInfo.processInfo.environment["TERMLINT_REAL_PO_DIRS"] ?? "").split(
      separator: ":"
    ).map(String.init)
    paths += [
      CLI.repoRoot.appendingPathComponent("Evaluation/corpus/po").path,
      CLI.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/po").path,
      CLI.repoRoot.appendingPathComponent("Tests/TermlintCLITests/Fixtures/format-strings").path,
    ]
    return paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
  }

  static func catalogues() -> [URL] {
    var files: [URL] = []
    var seen = Set<String>()
    for folder in folders {
      guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
      else {
        FileHandle.standardError.write(
          Data("RealCatalogueFixTests: \(folder.path) is absent; skipped\n".utf8))
        continue
      }
      for case let url as URL in walker
      where url.pathExtension == "po" && seen.insert(url.resolvingSymlinksInPath().path).inserted {
        files.append(url)
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Runs `msgfmt -c` on a file; nil when it passes, else its complaint.
  static func msgfmtCheck(_ file: URL) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(msgfmt))
    process.arguments = ["-c", "-o", "/dev/null", file.path]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
  }

  /// A safe finding's span on each line it covers: 0-based code-point columns, end exclusive.
  struct Span { let line: Int, start: Int, end: Int? }

  static func safeSpans(_ json: String) throws -> [Span] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON")
    let list = try #require(object["findings"] as? [[String: Any]])
    var spans: [Span] = []
    for f in list where (f["fixable"] as? Bool) == true {
      guard let line = f["line"] as? Int, let column = f["column"] as? Int,
        let endLine = f["endLine"] as? Int,
        let endColumn = f["endColumn"] as? Int
      else { continue }
      for l in line...endLine {
        spans.append(
          Span(line: l, start: l == line ? column - 1 : 0, end: l == endLine ? endColumn - 1 : nil))
      }
    }
    return spans
  }

  /// Whether `fixed` is `original` with some of `spans` replaced and nothing else changed.
  static func changesOnlySpans(
    _ original: [Unicode.Scalar], _ fixed: [Unicode.Scalar], _ spans: [Span]
  ) -> Bool {
    let ranges = spans.map {
      $0.start..<min(original.count, max($0.start, $0.end ?? original.count))
    }.sorted { $0.lowerBound < $1.lowerBound }
    guard !ranges.isEmpty else { return false }
    // The text outside the spans, in order.
    var frames: [[Unicode.Scalar]] = []
    var cursor = 0
    for r in ranges {
      frames.append(Array(original[min(cursor, r.lowerBound)..<r.lowerBound]))
      cursor = max(cursor, r.upperBound)
    }
    frames.append(Array(original[min(cursor, original.count)...]))
    guard fixed.starts(with: frames[0]),
      fixed.reversed().starts(with: frames[frames.count - 1].reversed())
    else { return false }
    var position = frames[0].count
    for frame in frames.dropFirst().dropLast() where !frame.isEmpty {
      var found: Int?
      var k = position
      while k + frame.count <= fixed.count {
        if Array(fixed[k..<(k + frame.count)]) == frame {
          found = k
          break
        }
        k += 1
      }
      guard let at = found else { return false }
      position = at + frame.count
    }
    return position <= fixed.count - frames[frames.count - 1].count
  }

  @Test func fixedCataloguesStillPassMsgfmtAndChangeOnlyTheFindings() throws {
    let pipeline = CLI.repoRoot.appendingPathComponent("Pipelines/default.yml").path
    let files = Self.catalogues()
    #expect(!files.isEmpty)
    var checked = 0
    var changed = 0
    for original in files {
      if let complaint = try Self.msgfmtCheck(original) {
        FileHandle.standardError.write(
          Data(
            "RealCatalogueFixTests: \(original.lastPathComponent) fails msgfmt -c before any fix; skipped (\(complaint.prefix(120)))\n"
              .utf8))
        continue
      }
      let dir = try CLI.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let copy = dir.appendingPathComponent(original.lastPathComponent)
      try FileManager.default.copyItem(at: original, to: copy)
      let lint = try CLI.run(
        [
          "lint", "--pipeline", pipeline, "--format", "json", "--fail-on", "never",
          copy.lastPathComponent,
        ], in: dir)
      guard lint.status == 0 else {
        // An input termlint cannot read (a broken charset declaration) is not fixed either.
        FileHandle.standardError.write(
          Data(
            "RealCatalogueFixTests: \(original.lastPathComponent) cannot be read; skipped (\(lint.stderr.prefix(120)))\n"
              .utf8))
        let fix = try CLI.run(["fix", "--pipeline", pipeline, copy.lastPathComponent], in: dir)
        let untouched = try Data(contentsOf: copy) == Data(contentsOf: original)
        #expect(fix.status == 2 && untouched)
        continue
      }
      let spans = try Self.safeSpans(lint.stdout)
      let fix = try CLI.run(["fix", "--pipeline", pipeline, copy.lastPathComponent], in: dir)
      // a legacy charset: fix refuses it whole
      if fix.status == 2 && fix.stderr.contains("cannot be rewritten") { continue }
      #expect(fix.status == 0, "\(original.path): \(fix.stderr)")
      checked += 1
      if let complaint = try Self.msgfmtCheck(copy) {
        Issue.record("\(original.path): msgfmt -c rejects the fixed file: \(complaint)")
      }
      let before = String(decoding: try Data(contentsOf: original), as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let after = String(decoding: try Data(contentsOf: copy), as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(before.count == after.count, "\(original.path): the fix changed the number of lines")
      guard before.count == after.count else { continue }
      for (k, (old, new)) in zip(before, after).enumerated() where old != new {
        changed += 1
        let onLine = spans.filter { $0.line == k + 1 }
        #expect(
          Self.changesOnlySpans(Array(old.unicodeScalars), Array(new.unicodeScalars), onLine),
          "\(original.path):\(k + 1): changed outside the safe findings: \(old) → \(new)")
      }
    }
    #expect(checked > 0)
    FileHandle.standardError.write(
      Data("RealCatalogueFixTests: \(checked) catalogues fixed, \(changed) lines changed\n".utf8))
  }

  @Test func fixLeavesDirectivesAndEscapesAlone() throws {
    let fixture = CLI.repoRoot.appendingPathComponent(
      "Tests/TermlintCLITests/Fixtures/format-strings/ru.po")
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("ru.po")
    try FileManager.default.copyItem(at: fixture, to: copy)
    let r = try CLI.run(
      [
        "fix", "--pipeline", CLI.repoRoot.appendingPathComponent("Pipelines/default.yml").path,
        "ru.po",
      ], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let text = String(decoding: try Data(contentsOf: copy), as: UTF8.self)
    // The look-alike typos are fixed …
    for word in ["к серверу %s", "готов к работе", "%s: хост", "для продолжения"] {
      #expect(text.contains(word), "\(word)")
    }
    // … directives, escapes, metavariables and suffixes are not touched …
    for kept in [
      "%sподсказка", "%cбудут", "%0AВведите", "ПРЕФИКСaa, ПРЕФИКСab", "RФАЙЛ", "IИспользовано",
      "%%(then)", "%6$s %5$s",
    ] {
      #expect(text.contains(kept), "\(kept)")
    }
    // … and a typo glued to a directive is left for a person, with the reason.
    #expect(text.contains("%sCервер"))
    #expect(
      r.stdout.contains("next to a format directive, escape, placeholder, markup or URL"),
      "\(r.stdout)")
    #expect(try Self.msgfmtCheck(copy) == nil)
  }
}
