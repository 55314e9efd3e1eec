import Foundation
import Testing
@testable import TermlintCore

@Suite("Rule registry")
struct RegistryCompletenessTests {
  /// Every `struct XRule: BuiltInRule` (or `OptionlessRule`) under Rules/BuiltIn is registered, and nothing else is.
  @Test func everyRuleFileIsRegistered() throws {
    let folder = TestPaths.repoRoot.appendingPathComponent("Sources/TermlintCore/Rules/BuiltIn")
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    var declared: [String] = []
    for case let relative as String in enumerator where relative.hasSuffix("Rule.swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
      for match in text.matches(of: /struct (\w+Rule): (?:BuiltInRule|OptionlessRule)/) { declared.append(String(match.1)) }
    }
    let registered = BuiltInRules.all.map { String(describing: $0) }
    #expect(!declared.isEmpty)
    #expect(Set(declared) == Set(registered), "declared \(declared.sorted()) vs registered \(registered.sorted())")
  }

  /// A rule type is named after its id, word for word (`term-forbidden` is `TermForbiddenRule`,
  /// `char` is spelled out), so the type, its file and the id users write name one rule.
  @Test func typeNamesFollowIDs() {
    for type in BuiltInRules.all {
      let id = type.descriptor.id
      let words = id.split(separator: "-").map { $0 == "char" ? "Character" : $0.prefix(1).uppercased() + $0.dropFirst() }
      #expect(String(describing: type) == words.joined() + "Rule", "rule '\(id)'")
    }
  }
}
