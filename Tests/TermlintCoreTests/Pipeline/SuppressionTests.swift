import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Suppression comments")
struct SuppressionTests {
  static let rules = ["repeated-word", "whitespace"]

  static func lines(_ text: String, path: String = "a.md", markdown: Bool = true) throws -> [String]
  {
    try TestLint.findings(text, path: path, rules: rules, markdown: markdown).map {
      "\($0.location.line) \($0.ruleID)"
    }
  }

  @Test func regionsForSomeOrAllRules() throws {
    let text = """
      One the the.

      <!-- termlint-disable repeated-word -->
      Two the the  x.
      <!-- termlint-enable repeated-word -->

      Three the the.

      <!-- termlint-disable -->
      Four the the  x.
      <!-- termlint-enable whitespace -->
      Five the the  x.
      <!-- termlint-enable -->
      Six the the.

      """
    #expect(
      try Self.lines(text) == [
        "1 repeated-word", "4 whitespace", "7 repeated-word", "12 whitespace", "14 repeated-word",
      ])
  }

  @Test func nextLineAndSameLine() throws {
    let text = """
      <!-- termlint-disable-next-line repeated-word, whitespace -->
      One the the  x.
      Two the the  x. <!-- termlint-disable-line whitespace -->
      Three the the.

      """
    #expect(try Self.lines(text) == ["3 repeated-word", "4 repeated-word"])
  }

  @Test func hashAndSlashCommentsInPlainTextOnly() throws {
    let plain =
      "# termlint-disable-next-line repeated-word\nOne the the.\n\n// termlint-disable whitespace\nTwo  x the the.\n"
    #expect(try Self.lines(plain, path: "a.txt", markdown: false) == ["5 repeated-word"])
    let markdown = "# termlint-disable-next-line repeated-word\nOne the the.\n"
    #expect(try Self.lines(markdown) == ["2 repeated-word"])
  }

  @Test func commentsShownAsCodeInMarkdownAreNotDirectives() throws {
    let text =
      "Write `<!-- termlint-disable RULE -->` to turn rules off.\n\n```\n<!-- termlint-disable -->\n```\n\nThe the end.\n"
    #expect(try Self.lines(text) == ["7 repeated-word"])
  }

  @Test func anUnknownRuleIsAnInputErrorWithItsLine() throws {
    #expect {
      _ = try Self.lines("Fine.\n\n<!-- termlint-disable repeated-words -->\n")
    } throws: { error in
      guard let e = error as? TermlintError else { return false }
      return e.kind == .input && e.file == "a.md" && e.line == 3
        && e.reason.contains("'repeated-words'")
    }
  }

  @Test func deprecatedAliasesName() throws {
    let descriptor = RuleDescriptor(
      id: "new-id", title: "T", category: .style, defaultSeverity: .info, summary: "s",
      rationale: "r",
      nonTriggeringExamples: [], triggeringExamples: [], deprecatedAliases: ["old-id"])
    let filter = FindingFilter(descriptors: [descriptor])
    #expect(filter.ruleIDs["old-id"] == "new-id")
  }
}
