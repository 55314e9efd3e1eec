import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Text reporter")
struct TextReporterTests {
  /// A report with one finding on the first occurrence of `span` in a one-file text.
  static func report(
    _ text: String, span: String, severity: Severity = .warning, message: String = "Check 'this'"
  ) -> RunReport {
    let file = SourceFile(path: "t.md", text: text)
    let location = ReportFixture.location(file, span)
    let finding = Finding(
      ruleID: "term-case", severity: severity, category: .terminology, message: message,
      location: location,
      matchedText: file.text(in: location.utf16Range), suggestions: ["NATO"])
    return RunReport(findings: [finding], files: [file], rules: [])
  }

  static func lines(_ report: RunReport, color: Bool = false) -> [String] {
    TextReporter.render(report, options: ReportOptions(color: color)).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
  }

  @Test func groupsByFileWithPositionSeverityMessageAndRule() {
    let out = TextReporter.render(ReportFixture.report, options: ReportOptions())
    let headers = out.split(separator: "\n").filter {
      $0.hasPrefix("articles/") && $0.hasSuffix(")")
    }
    #expect(headers.count == 2, "one header per file with findings; the clean file has none")
    #expect(headers[0].hasPrefix("articles/briefing.en.md (6 problems · 47 words · quality score "))
    #expect(
      out.contains(
        "\narticles/briefing.en.md:4:48: warning: 'Nato' is written 'NATO' in the glossary; keep its capitalisation [term-case]\n"
      ))
    // The message's line break does not break the line format.
    #expect(
      out.contains("used first on line 4; use one \"variant\" throughout [term-inconsistent]\n"))
  }

  @Test func colourOnlyWhenAsked() {
    let plain = TextReporter.render(ReportFixture.report, options: ReportOptions(color: false))
    let colored = TextReporter.render(ReportFixture.report, options: ReportOptions(color: true))
    #expect(!plain.contains("\u{1B}"))
    #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    #expect(
      colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        == plain)
  }

  @Test func caretSitsUnderTheSpanAfterWideCombiningAndEmojiCharacters() {
    // 日本 = 4 columns, 👍🏽 = 2, e + U+0301 = 1, so "Nato" starts at display column 13.
    let lines = Self.lines(Self.report("日本 👍🏽 cafe\u{301} Nato talks\n", span: "Nato"))
    #expect(lines[1].hasPrefix("t.md:1:13: warning"), "column 13 in code points")
    #expect(lines[2] == "    日本 👍🏽 cafe\u{301} Nato talks")
    #expect(lines[3] == "    " + String(repeating: " ", count: 13) + "^~~~")
  }

  @Test func tabsAndInvisibleCharactersAreShownAndKeepTheCaretAligned() {
    let lines = Self.lines(Self.report("\tFee:\u{200F} Nato\n", span: "Nato"))
    #expect(lines[2] == "        Fee:<U+200F> Nato")
    #expect(lines[3] == "    " + String(repeating: " ", count: 4 + 4 + 8 + 1) + "^~~~")
    let rlm = Self.lines(Self.report("Fee:\u{200F} 100\n", span: "\u{200F}"))
    #expect(rlm[3] == "        ^~~~~~~~", "the whole <U+200F> badge is underlined")
    #expect(
      !Self.lines(Self.report("a\u{202E}b Nato\n", span: "Nato")).joined().unicodeScalars.contains {
        $0.properties.isBidiControl
      })
  }

  @Test func longLinesAreCutAroundTheSpan() throws {
    let before = (1...60).map { "w\($0)" }.joined(separator: " ")
    let after = (61...120).map { "w\($0)" }.joined(separator: " ")
    let lines = Self.lines(Self.report("\(before) Nato \(after)\n", span: "Nato"))
    let snippet = lines[2].dropFirst(4)
    let marker = lines[3].dropFirst(4)
    #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
    #expect(snippet.count <= TextReporter.maximumWidth + 2)
    let caret = try #require(marker.firstIndex(of: "^"))
    let offset = marker.distance(from: marker.startIndex, to: caret)
    #expect(
      String(snippet.dropFirst(offset).prefix(4)) == "Nato",
      "the caret points at the span in the cut line")
  }

  /// The snippet and marker lines for a span that starts `prefix` into a one-line file.
  static func snippet(prefix: String, span: String, suffix: String) -> (
    line: String, marker: String
  ) {
    let file = SourceFile(path: "t.md", text: prefix + span + suffix + "\n")
    let start = prefix.utf16.count
    return TextReporter.snippet(
      file: file, location: Location(file: file, utf16Range: start..<(start + span.utf16.count)))
  }

  @Test func veryLongLinesShowTheSameSnippetAsShortOnes() {
    // Over `longLine` units only a window of the line is laid out; what is shown must not
    // change: the same context, the same cut marks, the caret under the span.
    let filler = "word "
    let short = Self.snippet(
      prefix: String(repeating: filler, count: 100), span: "Nato",
      suffix: String(repeating: filler, count: 100))
    let long = Self.snippet(
      prefix: String(repeating: filler, count: 40_000), span: "Nato",
      suffix: String(repeating: filler, count: 40_000))
    #expect(long.line == short.line)
    #expect(long.marker == short.marker)
    #expect(long.line.hasPrefix("…") && long.line.hasSuffix("…"))
    #expect(long.line.count <= TextReporter.maximumWidth + 2)
    let caret = long.marker.distance(
      from: long.marker.startIndex, to: long.marker.firstIndex(of: "^")!)
    #expect(String(long.line.dropFirst(caret).prefix(4)) == "Nato")
    #expect(long.marker.hasSuffix("^~~~"))
  }

  @Test func veryLongLinesAreNotCutAtTheirOwnEnds() {
    // A span at the start of a 200,000-unit line has nothing cut before it, one at the end
    // nothing after it.
    let rest = String(repeating: "word ", count: 40_000)
    let first = Self.snippet(prefix: "", span: "Nato", suffix: " " + rest)
    #expect(first.line.hasPrefix("Nato word") && first.line.hasSuffix("…"))
    #expect(first.marker == "^~~~")
    let last = Self.snippet(prefix: rest, span: "Nato", suffix: "")
    #expect(last.line.hasPrefix("…") && last.line.hasSuffix("word Nato"))
    #expect(last.marker.hasSuffix("^~~~") && last.marker.count == last.line.count)
  }

  @Test func aWindowEdgeInsideASurrogatePairIsMovedOffIt() {
    // Emoji are two UTF-16 units each; with the span at an odd offset both window edges fall
    // between the halves of a pair. No half may reach the output.
    let emoji = String(repeating: "😀", count: 3_000)
    let cut = Self.snippet(prefix: emoji + " ", span: "Nato", suffix: " " + emoji)
    #expect(!cut.line.unicodeScalars.contains("\u{FFFD}"))
    #expect(cut.line.hasPrefix("…😀") && cut.line.hasSuffix("😀…"))
    #expect(cut.line.contains(" Nato "))
    let caret = cut.marker.distance(
      from: cut.marker.startIndex, to: cut.marker.firstIndex(of: "^")!)
    // Display columns: the caret's indent counts each emoji as two columns.
    let before = cut.line[..<cut.line.range(of: "Nato")!.lowerBound]
    #expect(caret == before.reduce(0) { $0 + ($1 == "😀" ? 2 : 1) })
  }

  @Test func spansOverSeveralLinesAndEmptySpans() {
    let out = TextReporter.render(ReportFixture.report, options: ReportOptions())
    #expect(out.contains("                                      ^~~~~~~~ (continues to line 7)\n"))
    #expect(out.contains("    suggestion: insert ' '\n"), "an empty span with a space to insert")
    #expect(out.contains("    suggestion: delete '<U+200F>'\n"))
  }

  @Test func summaryLine() {
    let lines = Self.lines(ReportFixture.report)
    #expect(
      lines[lines.count - 2]
        == "8 problems (3 errors, 3 warnings, 2 info) in 3 files · 61 words · MQM-style quality score 70.5 (18 penalty points, 295.1 per 1,000 words)"
    )
    let clean = RunReport(findings: [], files: [ReportFixture.clean], rules: [])
    #expect(
      TextReporter.render(clean, options: ReportOptions())
        == "No problems found in 1 file · 4 words · MQM-style quality score 100.0\n")
    let empty = RunReport(findings: [], files: [SourceFile(path: "e.md", text: "")], rules: [])
    #expect(
      TextReporter.render(empty, options: ReportOptions()).hasSuffix(
        "0 words · no quality score (no words checked)\n"))
  }
}
