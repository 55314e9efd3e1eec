import TermlintGlossary
import TermlintText
import Testing

@testable import TermlintCore

@Suite("Rule options")
struct RuleConfigurationTests {
  /// Options decode into the rule's typed configuration; options not given keep their defaults.
  @Test func optionsDecodeWithDefaults() throws {
    #expect(try RuleOptions().decode(QuotesRule.Configuration.self, rule: "quotes").style == .auto)
    #expect(
      try RuleOptions(["style": "straight"]).decode(QuotesRule.Configuration.self, rule: "quotes")
        .style == .straight)
    let missing = try RuleOptions(["untranslated": "report"]).decode(
      TargetMissingRule.Configuration.self, rule: "target-missing")
    #expect(missing.fuzzy == .ignore && missing.untranslated == .report)
    let repeated = try RuleOptions(["allow": "no | so|"]).decode(
      RepeatedWordRule.Configuration.self, rule: "repeated-word")
    #expect(repeated.allow == ["no", "so"])
    // A YAML list is a list as it is: an item may hold the '|' that splits a single value.
    let listed = try RuleOptions(["allow": .list(["no", " so ", "", "a|b"])]).decode(
      RepeatedWordRule.Configuration.self, rule: "repeated-word")
    #expect(listed.allow == ["no", "so", "a|b"])
    #expect(
      try RuleOptions().decode(SpellingRule.Configuration.self, rule: "spelling").words.isEmpty)
  }

  /// An unknown key or a value the option cannot take names the file and the option's own line.
  @Test func badOptionsNameFileAndLine() {
    let options = RuleOptions(
      ["style": "curly", "size": "2"], file: "p.yml", line: 3, lines: ["style": 5, "size": 6])
    let unknown = #expect(throws: TermlintError.self) {
      try options.decode(QuotesRule.Configuration.self, rule: "quotes")
    }
    #expect(
      unknown?.description
        == "p.yml:6: unknown option 'size' for rule 'quotes' (known options: style)")
    let bad = RuleOptions(["style": "curly"], file: "p.yml", line: 3, lines: ["style": 5])
    let value = #expect(throws: TermlintError.self) {
      try bad.decode(QuotesRule.Configuration.self, rule: "quotes")
    }
    #expect(
      value?.description
        == "p.yml:5: bad value 'curly' for option 'style' of rule 'quotes' (use auto, typographic or straight)"
    )
    let none = #expect(throws: TermlintError.self) {
      try BracketsRule(options: RuleOptions(["x": "1"], file: "p.yml", line: 3))
    }
    #expect(
      none?.description == "p.yml:3: unknown option 'x' for rule 'brackets' (it takes no options)")
  }

  /// Each descriptor lists its rule's options, every documented default is a value the rule
  /// accepts, and the documentation shows them.
  @Test func documentedOptionsAndDefaultsAreAccepted() throws {
    let withOptions = BuiltInRules.all.filter { !$0.descriptor.options.isEmpty }.map {
      $0.descriptor.id
    }
    #expect(
      Set(withOptions) == ["dashes", "quotes", "repeated-word", "spelling", "target-missing"])
    for type in BuiltInRules.all {
      for option in type.descriptor.options {
        let value = option.defaultValue == "[]" ? "" : option.defaultValue
        #expect(throws: Never.self, "\(type.descriptor.id).\(option.key)") {
          _ = try type.init(options: RuleOptions([option.key: value]))
        }
      }
    }
    let explained = RuleDocumentation.explain(QuotesRule.descriptor)
    #expect(explained.contains("## Options") && explained.contains("style (default: auto): "))
    #expect(RuleDocumentation.markdown([DashesRule.descriptor]).contains("| `style` | `auto` |"))
  }
}
