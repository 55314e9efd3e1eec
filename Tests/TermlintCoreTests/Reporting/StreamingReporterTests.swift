import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Reporters write finding by finding into a `ReportWriter`; `render` is that writer in memory.
/// The text must not depend on where it goes or in what blocks, and the JSON formats must be
/// byte for byte what `JSONEncoder` wrote before they were streamed.
@Suite("Streaming reporters")
struct StreamingReporterTests {
  /// Text that breaks naive escapers: quotes, backslashes, every kind of control character,
  /// U+2028/U+2029, DEL, a BOM, emoji (with a skin tone and a flag), Cyrillic, slashes, and
  /// the sequences that end an HTML script (`</script>`) or an XML CDATA section (`]]>`).
  static let tricky =
    "say \"no\" \\ back\\slash\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1B}\u{1F}\u{7F} \u{2028}\u{2029}\u{FEFF} 👍🏽🇨🇭 Сергей </script> ]]> a/b & <c> 'q' %0A ,:"

  static var trickyReport: RunReport {
    let file = SourceFile(
      path: "dir/при мер, \"x\"/</script>]]>.md",
      text: "Intro line.\n" + tricky + "\nlast security assurances\n")
    let other = SourceFile(path: "./other\\file.md", text: "x\n")
    let start = Array(file.text.utf16).count - "security assurances\n".utf16.count
    let trickyStart = "Intro line.\n".utf16.count
    let trickyRange = trickyStart..<(trickyStart + tricky.utf16.count)
    let rules =
      ReportFixture.rules + [
        ReportFixture.descriptor(
          "quotes", "Quotes \"and\" </script>", .info, "Tricky \\ summary \u{2028} ]]>")
      ]
    let findings = [
      Finding(
        ruleID: "term-forbidden", severity: .error, category: .terminology, message: tricky,
        location: Location(file: file, utf16Range: start..<(start + 19)),
        matchedText: "security assurances",
        suggestions: [tricky, "b"], fixIsSafe: true, unitID: tricky, side: "target",
        related: [
          Location(file: file, utf16Range: trickyRange), Location(file: other, utf16Range: 0..<1),
        ]),
      Finding(
        ruleID: "quotes", severity: .info, category: .linguisticConventions, message: "m\n2",
        location: Location(file: file, utf16Range: trickyRange), matchedText: tricky),
      Finding(
        ruleID: "term-case", severity: .warning, category: .terminology, message: "empty span",
        location: Location(file: file, utf16Range: 3..<3), matchedText: "", suggestions: [""],
        fixIsSafe: false),
      Finding(
        ruleID: "unknown-rule", severity: .warning, category: .style,
        message: "a rule that did not run",
        location: Location(file: other, utf16Range: 0..<1), matchedText: "x", unitID: "p1",
        side: "source"),
    ]
    var report = RunReport(
      findings: findings, files: [file, other], rules: rules, documents: [],
      wordCounts: [file.path: 12, other.path: 1])
    report.directions = [
      file.path: LanguageDirection(source: LanguageTag("ru"), target: LanguageTag("en"))
    ]
    report.translationProgress = [file.path: TranslationProgress(untranslated: 1, units: 3)]
    return report
  }

  static var reports: [(String, RunReport)] {
    [
      ("fixture", ReportFixture.report), ("tricky", trickyReport),
      (
        "no findings",
        RunReport(
          findings: [], files: [SourceFile(path: "a.md", text: "A.\n")], rules: [], documents: [],
          wordCounts: [:])
      ),
      ("nothing", RunReport(findings: [], files: [], rules: [], documents: [], wordCounts: [:])),
    ]
  }

  /// What a reporter writes to a file descriptor through a writer with a tiny buffer (so
  /// every piece crosses block boundaries), read back.
  static func streamed(_ reporter: any Reporter.Type, _ report: RunReport, capacity: Int) throws
    -> [UInt8]
  {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-stream-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    var out = ReportWriter(fileDescriptor: fd, capacity: capacity)
    try reporter.write(report, options: ReportOptions(color: false), to: &out)
    try out.flush()
    close(fd)
    return Array(try Data(contentsOf: url))
  }

  @Test(arguments: ReporterRegistry.all.map { $0.identifier })
  func streamingWritesWhatRenderReturns(identifier: String) throws {
    let reporter = try #require(ReporterRegistry.reporter(identifier))
    for (name, report) in Self.reports {
      let rendered = Array(reporter.render(report, options: ReportOptions(color: false)).utf8)
      for capacity in [1, 7, 4096] {
        #expect(
          try Self.streamed(reporter, report, capacity: capacity) == rendered,
          "\(identifier), \(name), blocks of \(capacity)")
      }
    }
  }

  @Test func jsonIsByteForByteWhatTheEncoderWrote() throws {
    for (name, report) in Self.reports {
      let a = JSONReporter.render(report, options: ReportOptions())
      let b = JSONReporter.encoderRender(report)
      #expect(a == b, "\(name)")
    }
  }

  @Test func sarifIsByteForByteWhatTheEncoderWrote() throws {
    for (name, report) in Self.reports {
      let a = SARIFReporter.render(report, options: ReportOptions())
      let b = SARIFReporter.encoderRender(report)
      #expect(a == b, "\(name)")
    }
  }

  @Test func jsonLinesAreByteForByteWhatTheEncoderWrote() throws {
    for (_, report) in Self.reports {
      for finding in report.findings {
        #expect(JSONLinesReporter.line(finding) == JSONLinesReporter.encoderLine(finding))
      }
    }
  }

  @Test func jsonStringsAreEscapedAsTheEncoderEscapesThem() throws {
    var scalars = (0..<0x300).compactMap(Unicode.Scalar.init).map(String.init)
    scalars += [
      "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "👍🏽", "🇨🇭", "é", "e\u{301}",
      Self.tricky, "",
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for s in scalars {
      var out = ReportWriter()
      out.writeJSONString(s)
      let expected = String(decoding: try encoder.encode([s]), as: UTF8.self).dropFirst().dropLast()
      #expect(
        out.string == String(expected), "U+\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func integersAreWrittenAsStringDescribesThem() {
    for n in [0, 7, 10, 99, 1_000_000, -1, -42, Int.max, Int.min] {
      var out = ReportWriter()
      out.write(n)
      #expect(out.string == String(n))
    }
  }

  @Test func xmlEscapingKeepsItsFastPathEquivalent() {
    for s in [
      Self.tricky, "plain", "ß ж 👍🏽", "a\"b", "tab\there", "\u{FFFE}", "\u{FFFD}", "\u{EFFF}",
      "line\nbreak",
    ] {
      var a = ReportWriter()
      var b = ReportWriter()
      a.writeXMLEscaped(s)
      b.writeXMLText(s)
      #expect(a.string == s.xmlEscaped)
      #expect(b.string == s.xmlText)
    }
  }

  @Test func aFailingSinkIsReportedAtFlushAndLaterBytesAreDropped() throws {
    struct Full: Error {}
    var calls = 0
    var out = ReportWriter(capacity: 4) { _ in
      calls += 1
      throw Full()
    }
    out.write("0123456789")
    out.write("more")
    #expect(calls == 1)
    #expect(throws: Full.self) { try out.flush() }
  }

  @Test func fileSlicesAreFileReportsWithoutCopies() {
    for (_, report) in Self.reports {
      let slices = report.fileSlices
      let reports = report.fileReports
      #expect(slices.map(\.path) == reports.map(\.path))
      #expect(slices.map { Array($0.findings) } == reports.map(\.findings))
      #expect(slices.map(\.quality) == reports.map(\.quality))
    }
    // Findings a caller put out of order are still grouped by path.
    var shuffled = Self.trickyReport
    shuffled.findings.reverse()
    #expect(
      shuffled.fileSlices.map { Set($0.findings) } == shuffled.fileReports.map { Set($0.findings) })
  }

  @Test func baselineWhiteSpaceCollapsesAsCharactersSplit() {
    let samples = [
      "", " ", "a", " a ", "a  b", "\ta\r\nb\u{B}\u{C}c\u{1C}d\u{1F} ", "x\n\n\ny",
      "security assurances, ", "Сергей  Рябков", "a\u{A0}b\u{2028}c", Self.tricky,
    ]
    for s in samples {
      #expect(
        Baseline.collapse(s) == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
        "\(Array(s.unicodeScalars))")
    }
  }

  @Test func sharedStringsLeaveFindingsEqual() {
    let findings = ReportFixture.report.findings + Self.trickyReport.findings
    var shared = findings
    FindingStorage.shareStrings(&shared)
    #expect(shared == findings)
  }
}
