import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Rules documentation")
struct RulesDocumentationTests {
  /// `Documentation/Rules.md` is generated from the registry and the news pipeline's data rules;
  /// run with RECORD_RULES_DOC=1 to rewrite it.
  @Test func rulesMarkdownIsUpToDate() throws {
    let path = TestPaths.repo("Documentation/Rules.md")
    let pipeline = try PipelineLoader.load(path: TestPaths.repo("Pipelines/news-ru-en.yml"))
    let generated = RuleDocumentation.markdown(pipeline.descriptors)
    if ProcessInfo.processInfo.environment["RECORD_RULES_DOC"] != nil {
      // Keep the measured-precision table that Evaluation/precision.py wrote.
      let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      var recorded = generated
      if let b = old.range(of: RuleDocumentation.measuredPrecisionBegin),
        let e = old.range(
          of: RuleDocumentation.measuredPrecisionEnd, range: b.upperBound..<old.endIndex),
        let gb = generated.range(of: RuleDocumentation.measuredPrecisionBegin),
        let ge = generated.range(
          of: RuleDocumentation.measuredPrecisionEnd, range: gb.upperBound..<generated.endIndex)
      {
        recorded.replaceSubrange(
          gb.lowerBound..<ge.upperBound, with: old[b.lowerBound..<e.upperBound])
      }
      try recorded.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let stored = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      RuleDocumentation.withoutMeasuredPrecision(stored) == generated,
      """
      Documentation/Rules.md is stale: run 'swift run termlint rules --markdown --pipeline Pipelines/news-ru-en.yml \
      > Documentation/Rules.md' or 'RECORD_RULES_DOC=1 swift test --filter RulesDocumentation'
      """)
    for d in BuiltInRules.descriptors {
      #expect(stored.contains("\n## \(d.id)\n"), "\(d.id) is documented")
    }
  }

  @Test func explainShowsRationaleAndExamplesWithInvisibleCharactersVisible() throws {
    let text = RuleDocumentation.explain(InvisibleCharacterRule.descriptor)
    #expect(text.hasPrefix("# invisible-char: Invisible Character"))
    #expect(text.contains("## Why is this bad?") && text.contains("## Flagged"))
    #expect(text.contains("⟨U+200B⟩") && !text.contains("\u{200B}"))
  }
}
