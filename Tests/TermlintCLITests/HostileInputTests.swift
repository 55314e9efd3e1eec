import Foundation
import Testing

/// Hostile and broken input through the built binary: every case ends with an exit status and a
/// message naming the file, never a crash or a hang, and never leaks what a document points at.
@Suite("Hostile input (end to end)")
struct HostileInputTests {
  /// A hang detector, not a speed target (speed is measured by Benchmarks/): the quadratic and
  /// exponential cases these inputs provoke would run for many minutes, while a debug build on
  /// a machine shared with several builds took up to 54 s for the longest legitimate case.
  static let timeLimit: TimeInterval = 120 * CLI.slowdown
  static let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx").path

  /// Runs termlint and checks that it ended by exiting (not by a signal) within the time limit.
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLI.Result {
    let start = Date()
    let result = try CLI.run(arguments, in: directory)
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < timeLimit, "termlint \(arguments.joined(separator: " ")) took \(elapsed) s")
    #expect([0, 1, 2].contains(result.status), "exit status \(result.status): \(result.stderr)")
    #expect(
      !result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"),
      "crash: \(result.stderr)")
    return result
  }

  static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    try write(Array(text.utf8), name, in: dir)
  }

  static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// Lints `file`, passing a TBX as the glossary of a one-line document and anything else as the
  /// document to lint.
  static func lint(_ file: String, in dir: URL) throws -> CLI.Result {
    if file.hasSuffix(".tbx") {
      let doc = try write(
        "Security assurances were discussed.\n", "doc-\(UUID().uuidString).md", in: dir)
      return try run(["lint", "--glossary", file, doc], in: dir)
    }
    return try run(["lint", "--glossary", glossary, file], in: dir)
  }

  // MARK: XML documents with a hostile DOCTYPE

  /// A minimal document of each XML format with `doctype` after the XML declaration and
  /// `reference` where a term or target text goes.
  static func xml(_ format: String, doctype: String, reference: String) -> String {
    switch format {
    case "tbx":
      return """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <text><body><conceptEntry id="c1">
        <langSec xml:lang="ru"><termSec><term>гарантии</term></termSec></langSec>
        <langSec xml:lang="en"><termSec><term>\(reference)</term></termSec></langSec>
        </conceptEntry></body></text></tbx>
        """
    case "xlf":
      return """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="a.md" source-language="ru" target-language="en" datatype="plaintext"><body>
        <trans-unit id="u1"><source>Гарантии.</source><target>Guarantees \(reference).</target></trans-unit>
        </body></file></xliff>
        """
    default:
      return """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
        <body><tu><tuv xml:lang="ru"><seg>Гарантии.</seg></tuv><tuv xml:lang="en"><seg>Guarantees \(reference).</seg></tuv></tu></body></tmx>
        """
    }
  }

  static let formats = ["tbx", "xlf", "tmx"]
  static let roots = ["tbx": "tbx", "xlf": "xliff", "tmx": "tmx"]

  @Test(arguments: formats)
  func externalEntitiesAreNeverRead(format: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let secret = "secret-\(UUID().uuidString)"
    let secretPath = try Self.write(secret + "\n", "secret.txt", in: dir)
    let hostname =
      (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? ""
    let root = Self.roots[format]!
    let targets = [
      ("file", "SYSTEM \"file://\(secretPath)\""),
      ("hostname", "SYSTEM \"/etc/hostname\""),
      // Port 9 (discard) on localhost: nothing is fetched even if something listened there.
      ("url", "SYSTEM \"http://127.0.0.1:9/entity.txt\""),
      ("public", "PUBLIC \"-//X//Y//EN\" \"http://127.0.0.1:9/entity.txt\""),
      ("parameter", "SYSTEM \"/etc/hostname\"> <!ENTITY % p SYSTEM \"file://\(secretPath)\""),
    ]
    for (label, system) in targets {
      let doctype = "<!DOCTYPE \(root) [ <!ENTITY xxe \(system)> ]>"
      let path = try Self.write(
        Self.xml(format, doctype: doctype, reference: "&xxe;"), "xxe-\(label).\(format)", in: dir)
      let result = try Self.lint(path, in: dir)
      #expect(result.status == 2, "\(format) \(label): \(result.stdout) \(result.stderr)")
      #expect(
        result.stderr.contains("xxe-\(label).\(format)"), "\(format) \(label): \(result.stderr)")
      #expect(result.stderr.lowercased().contains("entit"), "\(format) \(label): \(result.stderr)")
      let output = result.stdout + result.stderr
      #expect(!output.contains(secret), "\(format) \(label) leaked the file")
      if hostname.count >= 6 {
        #expect(!output.contains(hostname), "\(format) \(label) leaked /etc/hostname")
      }
    }
  }

  @Test(arguments: formats)
  func billionLaughsFailsFast(format: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var entities = "<!ENTITY lol0 \"lol\">"
    for k in 1...9 {
      let ten = String(repeating: "&lol\(k - 1);", count: 10)
      entities += "\n<!ENTITY lol\(k) \"\(ten)\">"
    }
    // The quadratic variant: one huge entity referenced many times, no nesting.
    let big = "<!ENTITY big \"\(String(repeating: "ha", count: 50_000))\">"
    let cases = [
      ("nested", "<!DOCTYPE \(Self.roots[format]!) [\n\(entities)\n]>", "&lol9;"),
      (
        "quadratic", "<!DOCTYPE \(Self.roots[format]!) [ \(big) ]>",
        String(repeating: "&big;", count: 20_000)
      ),
    ]
    for (label, doctype, reference) in cases {
      let path = try Self.write(
        Self.xml(format, doctype: doctype, reference: reference), "laughs-\(label).\(format)",
        in: dir)
      let result = try Self.lint(path, in: dir)
      #expect(result.status == 2, "\(format) \(label): \(result.stderr)")
      #expect(
        result.stderr.contains("laughs-\(label).\(format)"), "\(format) \(label): \(result.stderr)")
      #expect(
        result.stdout.count < 10_000, "\(format) \(label) printed \(result.stdout.count) bytes")
    }
  }

  @Test(arguments: formats)
  func notWellFormedXMLReportsLineAndColumn(format: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A mismatched end tag on line 3 of the body.
    let text = Self.xml(format, doctype: "", reference: "<b>bold</i>")
    let path = try Self.write(text, "broken.\(format)", in: dir)
    let result = try Self.lint(path, in: dir)
    #expect(result.status == 2, "\(format): \(result.stderr)")
    let line =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.contains("</i>")
      }! + 1
    // file:line:column: reason
    let pattern = "broken.\(format):\(line):"
    #expect(
      result.stderr.contains(pattern),
      "\(format): expected '\(pattern)<column>' in \(result.stderr)")
    if let range = result.stderr.range(of: pattern) {
      let after = result.stderr[range.upperBound...]
      #expect(after.first?.isNumber == true, "\(format): no column in \(result.stderr)")
    }
  }

  // MARK: Encodings and binary input

  @Test func nulBytesInTextGiveFindingsOrAClearError() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.write(
      Array("Security\u{0}assurances were\u{0} discussed.\n".utf8), "nul.md", in: dir)
    let result = try Self.run(["lint", "--glossary", Self.glossary, path], in: dir)
    if result.status == 2 {
      #expect(result.stderr.contains("nul.md"))
    } else {
      #expect(
        result.stdout.contains("nul.md:1:9"), "the NUL is reported where it is: \(result.stdout)")
    }
  }

  @Test func aBinaryFilePassedByMistakeIsAClearError() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var generator = SystemRandomNumberGenerator()
    // A PNG signature followed by noise with NULs all over.
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    for name in ["image.md", "image.xlf", "image.po", "image.tmx", "image.txt"] {
      let path = try Self.write(bytes, name, in: dir)
      let result = try Self.run(["lint", "--glossary", Self.glossary, path], in: dir)
      #expect(result.status == 2, "\(name): \(result.stderr)")
      #expect(result.stderr.contains(name), "\(name): \(result.stderr)")
    }
    let tbx = try Self.write(bytes, "image.tbx", in: dir)
    let result = try Self.lint(tbx, in: dir)
    #expect(result.status == 2 && result.stderr.contains("image.tbx"), "\(result.stderr)")
  }

  @Test(arguments: [true, false])
  func utf16WithoutBOMIsDecoded(littleEndian: Bool) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "Первая строка.\nThe talks covered security assurances today.\n"
    let bytes = text.utf16.flatMap { u -> [UInt8] in
      littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
    }
    let path = try Self.write(bytes, "utf16.md", in: dir)
    let result = try Self.run(
      ["lint", "--glossary", Self.glossary, "--rule", "term-forbidden", path], in: dir)
    // The deprecated term is found at its place on line 2: the text was decoded, not mangled.
    #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
    #expect(result.stdout.contains("utf16.md:2:19"), "\(result.stdout)")
    #expect(!result.stdout.contains("invisible-character"))
  }

  @Test func legacyCharsetDeclaredInAPOHeaderIsDecoded() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // windows-1251: а-я are 0xE0-0xFF, А-Я 0xC0-0xDF.
    func cp1251(_ s: String) -> [UInt8] {
      s.unicodeScalars.map { c in
        switch c.value {
        case 0x0410...0x044F: return UInt8(c.value - 0x0410 + 0xC0)
        case 0...0x7F: return UInt8(c.value)
        default: fatalError("not in the test's cp1251 table")
        }
      }
    }
    let header =
      "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"X-Source-Language: ru\\n\"\n\"Content-Type: text/plain; charset=windows-1251\\n\"\n\n"
    let entry = "msgid \"Гарантии безопасности.\"\nmsgstr \"The security assurances.\"\n"
    let path = try Self.write(cp1251(header + entry), "legacy.po", in: dir)
    let result = try Self.run(
      ["lint", "--glossary", Self.glossary, "--format", "json", path], in: dir)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("security assurances"))
    #expect(!result.stdout.contains("\u{FFFD}") && !result.stderr.contains("\u{FFFD}"))

    // The same bytes declared as UTF-8 are not valid UTF-8: a clear error, not a mis-decoding.
    let wrong = try Self.write(
      cp1251(header.replacingOccurrences(of: "windows-1251", with: "UTF-8") + entry), "wrong.po",
      in: dir)
    let bad = try Self.run(["lint", "--glossary", Self.glossary, wrong], in: dir)
    #expect(bad.status == 2 && bad.stderr.contains("wrong.po"), "\(bad.stderr)")
  }

  @Test func aFileOfOnlyCombiningMarks() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let marks = String(
      String.UnicodeScalarView((0..<50_000).map { Unicode.Scalar(0x0300 + UInt32($0 % 0x70))! }))
    let path = try Self.write(marks + "\n" + marks, "marks.md", in: dir)
    let result = try Self.run(["lint", "--glossary", Self.glossary, path], in: dir)
    #expect(result.status != 2, "\(result.stderr)")
  }

  @Test func aLongSingleLine() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 2 MB in one line keeps a debug build fast; Documentation/Security.md records larger runs.
    let sentence = "The ministry confirmed the talks and the security assurances again. "
    let count = 2_000_000 / sentence.utf8.count
    let path = try Self.write(String(repeating: sentence, count: count), "long.md", in: dir)
    let result = try Self.run(
      ["lint", "--glossary", Self.glossary, "--rule", "term-forbidden", "--format", "json", path],
      in: dir)
    #expect(result.status == 1, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let findings = json?["findings"] as? [[String: Any]] ?? []
    #expect(findings.count == count, "one finding per repetition")
  }

  // MARK: The shared corpus's edge cases

  @Test func everyCorpusEdgeCaseEndsWithAnExitStatus() throws {
    let corpus = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    guard FileManager.default.fileExists(atPath: corpus.path) else {
      print("skipped: ../shared/corpus is absent; the edge-case files cannot be checked")
      return
    }
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folders = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
    var seen = 0
    for folder in folders.sorted() {
      let edge = corpus.appendingPathComponent(folder).appendingPathComponent("edge-cases")
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: edge.path) else {
        continue
      }
      for file in files.sorted() {
        let path = edge.appendingPathComponent(file).path
        let result = try Self.lint(path, in: dir)
        if result.status == 2 { #expect(result.stderr.contains(file), "\(file): \(result.stderr)") }
        seen += 1
      }
    }
    #expect(seen > 0)
  }

  /// The entity refusals' exact answers, checked against whichever binary the tests run (also
  /// the release build in CI): Swift 6.3.1's optimizer once miscompiled the byte scanner of
  /// the entity guard that preceded `XMLScanner`'s entity policy, so a release build quoted the
  /// system id with a stray quote and let an internal entity reference through.
  @Test func entityRefusalsNameTheEntityExactly() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let external = try Self.write(
      Self.xml(
        "tbx", doctype: "<!DOCTYPE tbx [ <!ENTITY xxe SYSTEM \"/etc/hostname\"> ]>",
        reference: "&xxe;"), "external.tbx", in: dir)
    let r1 = try CLI.run(["glossary", "check", external], in: dir)
    #expect(r1.status == 2)
    #expect(
      r1.stderr.contains(
        "external.tbx:2:17: external entity 'xxe' (SYSTEM \"/etc/hostname\") is not allowed"),
      "\(r1.stderr)")
    let internalEntity =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n  <!ENTITY co \"Acme\">\n]>\n<martif type=\"TBX\" xml:lang=\"en\"><text><body>\n<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>&amp; &co;</term></tig></langSet></termEntry>\n</body></text></martif>\n"
    let path = try Self.write(internalEntity, "internal.tbx", in: dir)
    let r2 = try CLI.run(["glossary", "check", path], in: dir)
    #expect(r2.status == 2)
    #expect(
      r2.stderr.contains("internal.tbx:6:60: entity reference '&co;' is not supported"),
      "\(r2.stderr)")
  }
}
