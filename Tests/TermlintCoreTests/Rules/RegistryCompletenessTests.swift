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
}
