import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Data rules (YAML)")
struct DataRuleTests {
  /// Parses a rule file written to `folder/name` so that the default id can be checked.
  static func rule(_ yaml: String, path: String = "house/test-rule.yml") throws -> any Rule {
    try DataRuleLoader.parse(yaml, path: path)
  }

  static func configurationError(_ yaml: String, path: String = "house/test-rule.yml")
    -> TermlintError?
  {
    do {
      _ = try rule(yaml, path: path)
      return nil
    } catch let error as TermlintError {
      return error
    } catch {
      return TermlintError.usage("unexpected \(error)")
    }
  }

  @Test func badRegexIsAConfigurationErrorWithFileAndLine() throws {
    let yaml =
      "extends: existence\nmessage: \"'{match}' found\"\nregex: true\ntokens:\n  - fine\n  - 'broken(paren'\n"
    let error = try #require(Self.configurationError(yaml))
    #expect(error.kind == .configuration)
    #expect(error.file == "house/test-rule.yml")
    #expect(error.line == 6)
    #expect(error.reason.contains("broken(paren") && error.reason.contains("regular expression"))

    let pattern = "extends: pattern\nmessage: x {match}\npattern: '[a-'\n"
    let patternError = try #require(Self.configurationError(pattern))
    #expect(patternError.line == 3)
  }

  @Test func unknownKeysTypesAndPlaceholdersAreErrors() throws {
    let unknownKey = try #require(
      Self.configurationError("extends: existence\nmessage: m\ntokens: [a]\nignorecase: true\n"))
    #expect(
      unknownKey.line == 4 && unknownKey.reason.contains("'ignorecase'")
        && unknownKey.reason.contains("ignore-case"))
    let unknownType = try #require(Self.configurationError("extends: spelling\n"))
    #expect(unknownType.line == 1 && unknownType.reason.contains("'spelling'"))
    let placeholder = try #require(
      Self.configurationError("extends: substitution\nmessage: \"Use {sugestion}\"\nswap: {a: b}\n")
    )
    #expect(placeholder.line == 2 && placeholder.reason.contains("{sugestion}"))
    let missing = try #require(Self.configurationError("extends: substitution\nmessage: m\n"))
    #expect(missing.reason.contains("'swap'"))
    let badID = try #require(
      Self.configurationError("extends: existence\nid: Bad_ID\nmessage: m\ntokens: [a]\n"))
    #expect(badID.line == 2)
    let severity = try #require(
      Self.configurationError("extends: existence\nmessage: m\nseverity: fatal\ntokens: [a]\n"))
    #expect(severity.line == 3)
  }

  @Test func idComesFromFolderAndFileUnlessGiven() throws {
    #expect(
      try Self.rule(
        "extends: existence\nmessage: m\ntokens: [a]\n",
        path: "Styles/House_Style/No Placeholders.yml"
      ).descriptor.id
        == "house-style.no-placeholders")
    #expect(
      try Self.rule("extends: existence\nid: desk.tk\nmessage: m\ntokens: [a]\n").descriptor.id
        == "desk.tk")
  }

  @Test func substitutionKeepsCapitalsAndMatchesTypographicApostrophes() throws {
    let rule = try Self.rule(
      """
      extends: substitution
      ignore-case: true
      swap:
        Kiev's: Kyiv's
        per cent: percent
      """)
    let findings = try TestLint.findings(
      "Kiev’s mayor said 5 per\ncent. PER CENT is loud.\n", instances: [rule])
    #expect(findings.map(\.matchedText) == ["Kiev’s", "per\ncent", "PER CENT"])
    #expect(findings.map { $0.suggestions.first ?? "" } == ["Kyiv's", "percent", "PERCENT"])
    #expect(findings[0].message == "Use 'Kyiv's' instead of 'Kiev’s'")
    #expect(
      findings.allSatisfy {
        $0.ruleID == "house.test-rule" && $0.severity == .warning && $0.category == .style
      })
  }

  @Test func tokensNeverMatchInsideWords() throws {
    let rule = try Self.rule(
      "extends: existence\nmessage: \"'{match}' found\"\ntokens: [TK, U.S.]\n")
    let findings = try TestLint.findings(
      "TKO and ATK, then TK. The U.S. and U.S.A. and TK\n", instances: [rule])
    #expect(findings.map(\.location.column) == [19, 27, 47])
  }

  @Test func consistencyKeepsTheFirstSpellingAcrossParagraphsAndPointsAtIt() throws {
    let rule = try Self.rule(
      """
      extends: consistency
      either:
        - [[judgment, judgments], [judgement, judgements]]
      """)
    let findings = try TestLint.findings(
      "Two judgements were read.\n\nThe judgment came later, then more judgements.\n",
      instances: [rule])
    #expect(findings.map(\.matchedText) == ["judgment"])
    #expect(findings.first?.suggestions == ["judgement"])
    #expect(findings.first?.related.first?.line == 1)
    #expect(
      findings.first?.message
        == "'judgment' is another spelling of 'judgements', used first on line 1; use one spelling throughout"
    )
  }

  @Test func aRunawayPatternIsStoppedAndReportedOnce() throws {
    let rule = try Self.rule("extends: pattern\nmessage: m {match}\npattern: '(a+)+$'\n")
    let text =
      String(repeating: "a", count: 40) + "b\n\n" + String(repeating: "a", count: 40)
      + "c\n\nshort aaab\n"
    let start = Date()
    let findings = try TestLint.findings(text, instances: [rule])
    #expect(Date().timeIntervalSince(start) < TestTiming.bound(30))
    #expect(findings.count == 1)
    #expect(
      findings.first?.severity == .error
        && findings.first?.message.contains("took too long") == true)
  }

  @Test func everyShippedRuleFileDocumentsItself() throws {
    let folder = TestPaths.repo("Pipelines/rules/news")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder)
    where name.hasSuffix(".yml") {
      let text = try String(
        contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
      #expect(text.hasPrefix("# Termlint data rule:"), "\(name) starts with a comment header")
      #expect(text.contains("examples:"), "\(name) has examples")
    }
  }
}
