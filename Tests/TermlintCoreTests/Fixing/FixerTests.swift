import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// A rule for fixer tests: every occurrence of a literal in the file is a safe finding.
struct LiteralReplacementRule: Rule {
  let id: String
  let find: String
  let replace: String
  /// Text to report as matched instead of the file's (to make a stale finding).
  var reportedText: String?

  var descriptor: RuleDescriptor {
    RuleDescriptor(
      id: id, title: "Test", category: .style, defaultSeverity: .warning, summary: "test",
      rationale: "test",
      nonTriggeringExamples: [], triggeringExamples: [])
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let file = document.document.file
    let needle = Array(find.utf16)
    var findings: [Finding] = []
    var i = 0
    while i + needle.count <= file.utf16.count {
      if Array(file.utf16[i..<(i + needle.count)]) == needle {
        findings.append(
          Finding(
            ruleID: id, severity: context.severity, category: .style, message: "use '\(replace)'",
            location: Location(file: file, utf16Range: i..<(i + needle.count)),
            matchedText: reportedText ?? find,
            suggestions: [replace], fixIsSafe: true))
      }
      i += 1
    }
    return findings
  }
}

@Suite("Fixer")
struct FixerTests {
  static func fixer(_ rules: [any Rule]? = nil, format: String? = nil) throws -> Fixer {
    let linter =
      try rules.map {
        Linter(
          glossary: TestLint.exampleGlossary,
          rules: $0.map { ConfiguredRule($0, severity: .warning) })
      } ?? LintRunTests.linter()
    guard let format else { return Fixer(linter: linter) }
    return Fixer(linter: linter) { bytes, path in
      let file = try SourceFile(path: path, bytes: bytes)
      return Document(
        file: file, format: format,
        units: [
          Unit(
            id: "u1",
            target: TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag("en")))
        ])
    }
  }

  static func fix(_ text: String, path: String = "a.md", with fixer: Fixer? = nil) throws -> FixPlan
  {
    try (fixer ?? Self.fixer()).plan(path: path, bytes: Array(text.utf8))
  }

  static func text(_ plan: FixPlan) -> String { plan.fixed.text }

  @Test func appliesSafeSuggestionsAndLeavesTheRest() throws {
    let plan = try Self.fix(
      "Moscow demanded security assurances.\n\nNato members met in Kiev. They deescalated after they said de-escalate.\n"
    )
    #expect(
      Self.text(plan)
        == "Moscow demanded security guarantees.\n\nNATO members met in Kyiv. They deescalated after they said de-escalate.\n"
    )
    #expect(
      plan.applied.map(\.finding.ruleID).sorted() == [
        "term-case", "term-forbidden", "term-forbidden",
      ])
    #expect(
      plan.remaining.map(\.ruleID) == ["term-inconsistent"], "not marked safe, so left for a person"
    )
    #expect(!plan.stoppedEarly)
  }

  @Test func separatorsInsideTheSpanAreKept() throws {
    #expect(
      Self.text(try Self.fix("Talks on security\r\nassurances went on.\r\n"))
        == "Talks on security\r\nguarantees went on.\r\n")
    #expect(
      Self.text(try Self.fix("Talks on security\u{00A0}assurances."))
        == "Talks on security\u{00A0}guarantees.")
    #expect(
      Self.text(try Self.fix("Its open-door\npolicy stays.\n")) == "Its open door\npolicy stays.\n")
    #expect(Fixer.keepingSeparators(of: "a\u{2003}b\nc", in: "x y z w") == "x y\u{2003}z\nw")
  }

  @Test func overlappingFixesAreResolvedByPositionWhateverTheRuleOrder() throws {
    let rules: [any Rule] = [
      LiteralReplacementRule(id: "b-rule", find: "bcd", replace: "Y"),
      LiteralReplacementRule(id: "a-rule", find: "abc", replace: "X"),
      LiteralReplacementRule(id: "c-rule", find: "ab", replace: "Z"),
    ]
    for order in [rules, rules.reversed(), [rules[2], rules[0], rules[1]]] {
      let plan = try Self.fix("abcd abcd\n", path: "a.txt", with: Self.fixer(order))
      // "ab" and "abc" start together: the shorter wins; "bcd" overlaps and is skipped; the
      // next pass no longer finds either.
      #expect(Self.text(plan) == "Zcd Zcd\n")
      #expect(plan.applied.allSatisfy { $0.finding.ruleID == "c-rule" && $0.pass == 1 })
      let again = try Self.fixer(order).plan(path: "a.txt", bytes: plan.fixedBytes)
      #expect(!again.changesFile)
    }
  }

  @Test func laterPassesApplyWhatAnOverlapHeldBack() throws {
    let rules: [any Rule] = [
      LiteralReplacementRule(id: "one", find: "abc", replace: "abX"),
      LiteralReplacementRule(id: "two", find: "bcq", replace: "BCQ"),
      LiteralReplacementRule(id: "three", find: "Xq", replace: "Xr"),
    ]
    let plan = try Self.fix("abcq\n", path: "a.txt", with: Self.fixer(rules))
    #expect(Self.text(plan) == "abXr\n")
    #expect(plan.applied.map(\.pass) == [1, 2])
    #expect(!(try Self.fixer(rules).plan(path: "a.txt", bytes: plan.fixedBytes).changesFile))
  }

  @Test func fixesThatUndoEachOtherStop() throws {
    let rules: [any Rule] = [
      LiteralReplacementRule(id: "ab", find: "a", replace: "b"),
      LiteralReplacementRule(id: "ba", find: "b", replace: "a"),
    ]
    let plan = try Self.fix("a\n", path: "a.txt", with: Self.fixer(rules))
    #expect(plan.stoppedEarly)
    #expect(plan.applied.count == 2)
  }

  @Test func markupEscapesAndCutsAreRespected() throws {
    let amp: [any Rule] = [
      LiteralReplacementRule(id: "rd", find: "research", replace: "R&D <dept>")
    ]
    #expect(
      Self.text(try Self.fix("research\n", path: "a.xlf", with: Self.fixer(amp, format: "xliff")))
        == "R&amp;D &lt;dept&gt;\n")
    #expect(
      Self.text(try Self.fix("research\n", path: "a.txt", with: Self.fixer(amp, format: "text")))
        == "R&D <dept>\n")
    let md = try Self.fix("research\n", path: "a.md", with: Self.fixer(amp, format: "markdown"))
    #expect(!md.changesFile && md.skipped.map(\.reason) == [.markup])

    let quote: [any Rule] = [
      LiteralReplacementRule(id: "q", find: "says", replace: "tells \"no\" \\ yes")
    ]
    #expect(
      Self.text(
        try Self.fix("msgstr \"he says\"\n", path: "a.po", with: Self.fixer(quote, format: "po")))
        == "msgstr \"he tells \\\"no\\\" \\\\ yes\"\n")

    let spanWithMarkup: [any Rule] = [
      LiteralReplacementRule(id: "m", find: "a &amp; b", replace: "c")
    ]
    let xml = try Self.fix(
      "<t>a &amp; b</t>\n", path: "a.xlf", with: Self.fixer(spanWithMarkup, format: "xliff"))
    #expect(!xml.changesFile && xml.skipped.map(\.reason) == [.markup])
    let emphasis: [any Rule] = [
      LiteralReplacementRule(id: "m", find: "*security* assurances", replace: "security guarantees")
    ]
    #expect(
      !(try Self.fix(
        "*security* assurances\n", path: "a.md", with: Self.fixer(emphasis, format: "markdown")))
        .changesFile)

    let accent: [any Rule] = [LiteralReplacementRule(id: "cafe", find: "cafe", replace: "bar")]
    let cut = try Self.fix(
      "cafe\u{301} au lait\n", path: "a.txt", with: Self.fixer(accent, format: "text"))
    #expect(
      !cut.changesFile && cut.skipped.map(\.reason) == [.boundary], "the accent belongs to the e")

    let lineBreak: [any Rule] = [LiteralReplacementRule(id: "nl", find: "x", replace: "y\nz")]
    #expect(
      try Self.fix("x\n", path: "a.txt", with: Self.fixer(lineBreak, format: "text")).skipped.map(
        \.reason) == [.lineBreak])

    var stale = LiteralReplacementRule(id: "stale", find: "x", replace: "y")
    stale.reportedText = "not x"
    #expect(
      try Self.fix("x\n", path: "a.txt", with: Self.fixer([stale], format: "text")).skipped.map(
        \.reason) == [.stale])
  }

  @Test func keepsEncodingByteOrderMarkAndLineEnds() throws {
    let text = "\u{1F600} Nato\r\nsecurity assurances \u{1D400}\r\n"
    let expected = "\u{1F600} NATO\r\nsecurity guarantees \u{1D400}\r\n"
    let cases: [(String, [UInt8], [UInt8])] = [
      ("UTF-8", Array(text.utf8), Array(expected.utf8)),
      (
        "UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8),
        [0xEF, 0xBB, 0xBF] + Array(expected.utf8)
      ),
      (
        "UTF-16LE", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        [0xFF, 0xFE] + expected.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      ),
      (
        "UTF-16BE", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
        [0xFE, 0xFF] + expected.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
      ),
    ]
    for (name, bytes, want) in cases {
      let plan = try Self.fixer().plan(path: "a.txt", bytes: bytes)
      #expect(plan.fixedBytes == want, "\(name)")
    }
  }

  @Test func writeRefusesAFileThatChangedSinceItWasRead() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let path = try t.write("a.md", "Nato said so.\n")
    let fixer = try Self.fixer()
    let plan = try fixer.plan(path: path)
    try t.write("a.md", "Nato said so, and more.\n")
    do {
      try Fixer.write([plan])
      Issue.record("a changed file must not be written")
    } catch let error as TermlintError {
      #expect(error.file == path && error.reason.contains("changed since"))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "Nato said so, and more.\n")
    let fresh = try fixer.plan(path: path)
    try Fixer.write([fresh])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "NATO said so, and more.\n")
    #expect(try t.entries() == ["a.md"], "no temporary file is left")
  }

  // MARK: - Properties over random documents

  static let pieces = [
    "Moscow", "said", "that", "security assurances", "Security assurances",
    "security\u{00A0}assurances", "security\nassurances",
    "Nato", "NATO", "Nato's", "Kiev", "Kyiv", "attack weapons", "open-door policy",
    "open-door\npolicy", "Sergei Riabkov",
    "de-escalate", "deescalated", "гарантии безопасности", "НАТО", "\u{1F600}",
    "\u{1D400}\u{1D401}", "e\u{301}", "“quoted”",
    ",", ".", "\n\n", "\n", "*emphasis*", "`Nato`",
  ]

  static func document(_ random: inout SeededGenerator) -> String {
    var words: [String] = []
    for _ in 0..<Int.random(in: 3...40, using: &random) {
      words.append(pieces.randomElement(using: &random)!)
    }
    return words.joined(separator: Bool.random(using: &random) ? " " : "  ")
  }

  static func encode(_ text: String, _ encoding: Int) -> [UInt8] {
    switch encoding {
    case 0: return Array(text.utf8)
    case 1: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case 2: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    default: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
  }

  /// Byte offset of a UTF-16 offset in the encoded file.
  static func byteOffset(_ file: SourceFile, utf16Offset: Int) -> Int {
    let bom = file.hasBOM ? (file.encoding == .utf8 ? 3 : 2) : 0
    if file.encoding != .utf8 { return bom + 2 * utf16Offset }
    return bom + String(decoding: file.utf16[..<utf16Offset], as: UTF16.self).utf8.count
  }

  @Test func propertiesHoldOnRandomDocuments() throws {
    var random = SeededGenerator(seed: 20_240_529)
    let fixer = try Self.fixer()
    let linter = try LintRunTests.linter()
    var checkedSplices = 0
    var changed = 0
    for round in 0..<40 {
      let base = Self.document(&random)
      for crlf in [false, true] {
        let text = crlf ? base.replacingOccurrences(of: "\n", with: "\r\n") : base
        for encoding in 0..<4 {
          let path = round % 2 == 0 ? "doc.md" : "doc.txt"
          let bytes = Self.encode(text, encoding)
          let plan = try fixer.plan(path: path, bytes: bytes)
          let label = "round \(round) crlf \(crlf) encoding \(encoding): \(text.debugDescription)"
          if plan.changesFile { changed += 1 }
          let original = try SourceFile(path: path, bytes: bytes)
          let fixed = try SourceFile(path: path, bytes: plan.fixedBytes)
          // Encoding, byte-order mark, line ends and line count are kept.
          #expect(
            fixed.encoding == original.encoding && fixed.hasBOM == original.hasBOM, "\(label)")
          #expect(fixed.lineEnding == original.lineEnding, "\(label)")
          #expect(fixed.lineStarts.count == original.lineStarts.count, "\(label)")
          // Idempotent: a second run changes nothing.
          let again = try fixer.plan(path: path, bytes: plan.fixedBytes)
          #expect(!again.changesFile && again.applied.isEmpty, "\(label)")
          // Nothing safe is left unless it was skipped for a stated reason.
          let skipped = Set(plan.skipped.map(\.finding))
          for f in plan.remaining where f.fixIsSafe && f.suggestions.first != f.matchedText {
            #expect(skipped.contains(f), "\(label): left \(f.message)")
          }
          // Single-pass fixes: every byte outside the fixed spans is unchanged, and every span
          // is one an independent lint of the original reported as safe.
          guard !plan.applied.isEmpty, plan.applied.allSatisfy({ $0.pass == 1 }) else { continue }
          let reported = Set(
            try linter.lint(LintRun.defaultRead(for: linter)(bytes, path)).filter(\.fixIsSafe).map(
              \.location))
          var expected: [UInt8] = []
          var cursor = 0
          for fix in plan.applied.sorted(by: {
            $0.finding.location.utf16Offset < $1.finding.location.utf16Offset
          }) {
            #expect(reported.contains(fix.finding.location), "\(label)")
            let start = Self.byteOffset(
              original, utf16Offset: fix.finding.location.utf16Range.lowerBound)
            let end = Self.byteOffset(
              original, utf16Offset: fix.finding.location.utf16Range.upperBound)
            expected += bytes[cursor..<start]
            expected += Self.encode(fix.replacement, encoding).dropFirst(
              encoding == 0 ? 0 : (encoding == 1 ? 3 : 2))
            cursor = end
          }
          expected += bytes[cursor...]
          #expect(expected == plan.fixedBytes, "\(label)")
          checkedSplices += 1
        }
      }
    }
    #expect(changed > 100, "the generator must produce fixable documents")
    #expect(checkedSplices > 100)
  }
}
