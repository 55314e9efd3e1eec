import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The generic rule test: the examples of every built-in rule and of every data rule shipped in
/// `Pipelines/rules/`, in the plain form and in variants that shift offsets (a multi-byte
/// prefix, NFD, CRLF line ends, NBSP for spaces).
@Suite("Rule examples")
struct RuleExamplesTests {
  enum Variant: String, CaseIterable {
    case plain, multibytePrefix, nfd, crlf, nbsp

    func apply(_ text: String) -> String {
      switch self {
      case .plain: return text
      case .multibytePrefix: return "😀e\u{301}𝐀 " + text
      case .nfd: return Normalizer.nfd.normalize(text)
      case .crlf: return text.replacingOccurrences(of: "\n", with: "\r\n")
      case .nbsp: return text.replacingOccurrences(of: " ", with: "\u{00A0}")
      }
    }
  }

  /// Strips markers and returns the text with the 1-based (line, column) of each marker.
  static func markers(_ text: String) -> (String, [Pair]) {
    var out = String.UnicodeScalarView()
    var positions: [Pair] = []
    var line = 1
    var column = 1
    var previousCR = false
    for scalar in text.unicodeScalars {
      if Character(scalar) == RuleExample.marker {
        positions.append(Pair(line: line, column: column))
        continue
      }
      out.append(scalar)
      if scalar == "\n" {
        if !previousCR { line += 1 }
        column = 1
      } else if scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      previousCR = scalar == "\r"
    }
    return (String(out), positions)
  }

  struct Pair: Equatable, CustomStringConvertible {
    let line: Int, column: Int
    var description: String { "\(line):\(column)" }
  }

  /// Every data rule in `Pipelines/rules/*/` (loading errors surface in `shippedDataRulesLoad`).
  static let dataRules: [any Rule] = (try? shippedDataRules()) ?? []

  static func shippedDataRules() throws -> [any Rule] {
    let folder = TestPaths.repo("Pipelines/rules")
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().flatMap { name in
      try DataRuleLoader.load(path: (folder as NSString).appendingPathComponent(name))
    }
  }

  static let ruleIDs: [String] =
    BuiltInRules.all.map { $0.descriptor.id } + dataRules.map(\.descriptor.id)
  static let cases: [(String, Variant)] = ruleIDs.flatMap { id in Variant.allCases.map { (id, $0) }
  }

  /// The rule an example runs: a built-in rule made with the example's options, or a data rule.
  static func rule(_ id: String, for example: RuleExample) throws -> any Rule {
    if let type = BuiltInRules.type(for: id) {
      return try type.init(options: RuleOptions(example.options))
    }
    return try #require(dataRules.first { $0.descriptor.id == id })
  }

  @Test func shippedDataRulesLoad() throws {
    let rules = try Self.shippedDataRules()
    #expect(rules.count >= 4)
    for rule in rules { #expect(DataRuleLoader.isValidID(rule.descriptor.id)) }
  }

  @Test(arguments: cases)
  func examples(ruleID: String, variant: Variant) throws {
    let descriptor = try #require(
      BuiltInRules.type(for: ruleID)?.descriptor
        ?? Self.dataRules.first { $0.descriptor.id == ruleID }?.descriptor)
    #expect(
      !descriptor.triggeringExamples.isEmpty && !descriptor.nonTriggeringExamples.isEmpty,
      "\(ruleID) needs examples")
    for example in descriptor.nonTriggeringExamples {
      if example.source != nil {
        let built = try Self.bilingual(example, variant: variant)
        let findings = try Self.bilingualFindings(built, ruleID: ruleID, example: example)
        #expect(
          findings.isEmpty,
          "\(example.file):\(example.line) [\(variant)] unexpected: \(findings.map(\.message))")
        continue
      }
      let text = variant.apply(example.target)
      let findings = try TestLint.findings(text, instances: [Self.rule(ruleID, for: example)])
      #expect(
        findings.isEmpty,
        "\(example.file):\(example.line) [\(variant)] unexpected: \(findings.map(\.message))")
    }
    for example in descriptor.triggeringExamples {
      if example.source != nil {
        try Self.checkBilingual(example, ruleID: ruleID, variant: variant)
        continue
      }
      let (text, expected) = Self.markers(variant.apply(example.target))
      let findings = try TestLint.findings(text, instances: [Self.rule(ruleID, for: example)])
      let found = findings.map { Pair(line: $0.location.line, column: $0.location.column) }
      #expect(
        found == expected, "\(example.file):\(example.line) [\(variant)] \(findings.map(\.message))"
      )
      #expect(findings.allSatisfy { $0.ruleID == ruleID })
      // The reported text is exactly the original text at the location.
      let file = SourceFile(path: "test.md", text: text)
      for f in findings {
        #expect(file.text(in: f.location.utf16Range) == f.matchedText)
        #expect(!f.message.hasSuffix("."), "messages have no trailing period")
      }
      if variant == .plain, let corrected = example.corrected {
        #expect(
          Self.apply(findings, to: text) == corrected, "\(example.file):\(example.line) correction")
      }
    }
  }

  /// Builds a bilingual example (see `BilingualExample`) in a variant.
  static func bilingual(_ example: RuleExample, variant: Variant) throws -> BilingualExample.Built {
    let transform: (String) -> String =
      variant == .multibytePrefix || variant == .crlf ? { $0 } : { variant.apply($0) }
    return try BilingualExample.build(
      source: example.source ?? "", target: example.target, transform: transform,
      prefix: variant == .multibytePrefix ? "😀e\u{301}𝐀 " : "",
      newline: variant == .crlf ? "\r\n" : "\n")
  }

  /// The findings of one rule on a built bilingual example, made with the example's options.
  static func bilingualFindings(
    _ built: BilingualExample.Built, ruleID: String, example: RuleExample
  ) throws -> [Finding] {
    guard !example.options.isEmpty else {
      return try TestLint.findings(document: built.document, rules: [ruleID])
    }
    let rule = try Self.rule(ruleID, for: example)
    let linter = Linter(
      glossary: TestLint.exampleGlossary,
      rules: [ConfiguredRule(rule, severity: rule.descriptor.defaultSeverity)],
      sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    return try linter.lint(built.document)
  }

  /// Checks a bilingual triggering example: findings exactly at the markers of both sides.
  static func checkBilingual(_ example: RuleExample, ruleID: String, variant: Variant) throws {
    let built = try bilingual(example, variant: variant)
    let findings = try bilingualFindings(built, ruleID: ruleID, example: example)
    let found = findings.map {
      BilingualExample.Marker(
        path: $0.location.path, line: $0.location.line, column: $0.location.column)
    }
    #expect(
      found.sorted() == built.markers.sorted(),
      "\(example.file):\(example.line) [\(variant)] \(findings.map(\.message))")
    #expect(findings.allSatisfy { $0.ruleID == ruleID })
    for f in findings {
      let file = f.location.path == built.source.path ? built.source : built.target
      #expect(file.text(in: f.location.utf16Range) == f.matchedText)
      #expect(!f.message.hasSuffix("."), "messages have no trailing period")
      #expect(f.side == (f.location.path == built.source.path ? "source" : "target"))
    }
    if variant == .plain, let corrected = example.corrected {
      let targetFindings = findings.filter { $0.location.path == built.target.path }
      let expected = BilingualExample.cells(corrected).map {
        $0.map { $0 == "∅" ? "" : $0 }.joined(separator: "\n")
      }.joined(separator: "\n\n")
      #expect(
        Self.apply(targetFindings, to: built.target.text) == expected,
        "\(example.file):\(example.line) correction")
    }
  }

  /// Applies each finding's first suggestion, last first.
  static func apply(_ findings: [Finding], to text: String) -> String {
    var units = Array(text.utf16)
    for f in findings.sorted(by: { $0.location.utf16Offset > $1.location.utf16Offset }) {
      guard let s = f.suggestions.first else { continue }
      units.replaceSubrange(f.location.utf16Range, with: Array(s.utf16))
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// The registry is written in the order of the ids (it is not sorted at run time, so this
  /// fails when a rule is added out of order).
  @Test func idsAreKebabCaseUniqueAndSorted() {
    let ids = BuiltInRules.all.map { $0.descriptor.id }
    #expect(Set(ids).count == ids.count)
    #expect(ids == ids.sorted())
    for id in ids {
      #expect(
        id.range(of: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(id)"
      )
      #expect(!id.hasSuffix("-rule"))
    }
  }
}
