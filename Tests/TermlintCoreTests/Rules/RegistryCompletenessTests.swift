import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Rule registry")
struct RegistryCompletenessTests {
  /// Every `struct XRule: BuiltInRule` (or `OptionlessRule`) under Rules/BuiltIn is registered, and nothing else is.
  @Test func everyRuleFileIsRegistered() throws {
    let folder = TestPaths.repoRoot.appendingPathComponent("Sources/TermlintCore/Rules/BuiltIn")
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    var declared: [String] = []
    for case let relative as String in enumerator where relative.hasSuffix("Rule.swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
      for match in text.matches(of: /struct (\w+Rule): (?:BuiltInRule|OptionlessRule)/) {
        declared.append(String(match.1))
      }
    }
    let registered = BuiltInRules.all.map { String(describing: $0) }
    #expect(!declared.isEmpty)
    #expect(
      Set(declared) == Set(registered),
      "declared \(declared.sorted()) vs registered \(registered.sorted())")
  }

  /// A rule type is named after its id, word for word (`term-forbidden` is `TermForbiddenRule`,
  /// `char` is spelled out), so the type, its file and the id users write name one rule.
  @Test func typeNamesFollowIDs() {
    for type in BuiltInRules.all {
      let id = type.descriptor.id
      let words = id.split(separator: "-").map {
        $0 == "char" ? "Character" : $0.prefix(1).uppercased() + $0.dropFirst()
      }
      #expect(String(describing: type) == words.joined() + "Rule", "rule '\(id)'")
    }
  }

  /// A descriptor's `requiresSource` and `scope` follow from the rule's type (`BilingualRule`,
  /// `UnitRule`), so the documentation and `Linter.rulesNotRun` say what the code does.
  @Test func sourceAndScopeFollowConformances() {
    for type in BuiltInRules.all {
      let d = type.descriptor
      #expect(d.requiresSource == (type is any BilingualRule.Type), "rule '\(d.id)'")
      #expect(d.scope == (type is any UnitRule.Type ? .unit : .document), "rule '\(d.id)'")
    }
    #expect(BuiltInRules.type(for: "omission")?.descriptor.requiresSource == true)
    #expect(BuiltInRules.type(for: "term-forbidden")?.descriptor.requiresSource == false)
    #expect(BuiltInRules.type(for: "whitespace")?.descriptor.scope == .unit)
    #expect(BuiltInRules.type(for: "quotes")?.descriptor.scope == .document)
  }

  /// A rule that says it needs the source finds nothing without one: the translation of each of
  /// its flagged examples, linted alone as an article, gives no finding.
  @Test func bilingualRulesFindNothingWithoutASource() throws {
    let bilingual = BuiltInRules.all.filter { $0 is any BilingualRule.Type }
    #expect(bilingual.count >= 10)
    for type in bilingual {
      let rule = try type.init(options: RuleOptions())
      for example in type.descriptor.triggeringExamples {
        let text = example.target.filter { !"↓⇣∅".contains($0) }
        let findings = try TestLint.findings(text, instances: [rule])
        #expect(findings.isEmpty, "\(type.descriptor.id) on '\(text)': \(findings.map(\.message))")
      }
    }
  }

  /// On an article (no unit has a source) the linter names the bilingual rules it was given as not run.
  @Test func rulesNotRunOnAnArticleAreTheBilingualOnes() throws {
    let rules = try Pipeline.builtIn.configuredRules(only: [
      "omission", "term-missing", "term-forbidden", "whitespace",
    ])
    let linter = Linter(
      glossary: TestLint.exampleGlossary, rules: rules, sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
    let article = PlainTextReader.read(
      SourceFile(path: "a.md", text: "Moscow agreed.\n"), markdown: true,
      language: LanguageTag("en"))
    #expect(Set(linter.rulesNotRun(on: article)) == ["omission", "term-missing"])
  }
}
