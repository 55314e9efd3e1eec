import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

/// An example glossary with its `↓` markers removed, and the 1-based (line, column) of each.
struct MarkedGlossary {
  let text: String
  let markers: [String]
  let format: GlossaryFormat

  init(_ marked: String) {
    var text = ""
    var markers: [String] = []
    var line = 1
    var column = 1
    for scalar in marked.unicodeScalars {
      if scalar == "↓" {
        markers.append("\(line):\(column)")
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    self.text = text
    self.markers = markers
    format = text.hasPrefix("<") ? .tbx : (text.hasPrefix("concept") ? .csv : .yaml)
  }

  func findings(checker: GlossaryChecker = GlossaryChecker()) throws -> [Finding] {
    let source = try GlossarySource(
      bytes: Array(text.utf8), path: "example.\(format.preferredExtension)", format: format)
    return try checker.check([source])
  }
}

/// Checks what the style guide asks of a finding message.
func expectTranslatorMessage(_ finding: Finding, sourceLocation: SourceLocation = #_sourceLocation)
{
  let message = finding.message
  #expect(!message.hasSuffix("."), "no trailing period: \(message)", sourceLocation: sourceLocation)
  if let first = message.unicodeScalars.first {
    #expect(
      first == "'" || UnicodeProperties.isUppercase(first), "sentence case: \(message)",
      sourceLocation: sourceLocation)
  }
  #expect(
    message.contains(";"), "says what to do after a semicolon: \(message)",
    sourceLocation: sourceLocation)
  #expect(!message.contains("\n"), "one line: \(message)", sourceLocation: sourceLocation)
}

@Suite("Glossary check examples")
struct GlossaryCheckExamplesTests {
  @Test func registryIsCompleteAndIdsAreStable() {
    let ids = GlossaryChecks.all.map(\.id)
    #expect(ids == ids.sorted())
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.hasPrefix("glossary-"))
      #expect(
        id.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)")
      #expect(BuiltInRules.type(for: id) == nil, "\(id) must not clash with a lint rule id")
    }
    #expect(ids.count == 19)
  }

  @Test(arguments: GlossaryChecks.all.map(\.id))
  func examples(id: String) throws {
    let check = try #require(GlossaryChecks.descriptor(id))
    #expect(!check.triggeringExamples.isEmpty, "\(id) needs a triggering example")
    #expect(!check.nonTriggeringExamples.isEmpty, "\(id) needs a non-triggering example")
    for example in check.triggeringExamples {
      let marked = MarkedGlossary(example.target)
      let findings = try marked.findings().filter { $0.ruleID == id }
      let got = findings.map { "\($0.location.line):\($0.location.column)" }
      #expect(
        got == marked.markers, "\(id): findings \(findings.map(\.message)) in\n\(marked.text)")
      for finding in findings {
        #expect(finding.severity == check.defaultSeverity)
        #expect(finding.category == check.category)
        #expect(finding.location.path == "example.\(marked.format.preferredExtension)")
        expectTranslatorMessage(finding)
      }
    }
    for example in check.nonTriggeringExamples {
      let marked = MarkedGlossary(example.target)
      let findings = try marked.findings().filter { $0.ruleID == id }
      #expect(
        findings.isEmpty, "\(id) flagged a non-triggering example: \(findings.map(\.message))")
    }
  }

  @Test func explainShowsExamplesAsBlocks() throws {
    let text = GlossaryDocumentation.explain(
      try #require(GlossaryChecks.descriptor("glossary-status-conflict")))
    #expect(text.hasPrefix("# glossary-status-conflict: Conflicting Status\n"))
    #expect(text.contains("\n    assurances,en,↓security assurances,preferred\n"))
    #expect(text.contains("## Not reported"))
  }
}

@Suite("glossary check")
struct GlossaryCheckTests {
  /// `line:column rule-id` lines of an `.expected` fixture.
  static func expected(_ name: String) throws -> [String] {
    try String(contentsOfFile: S.fixture(name), encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
  }

  @Test(arguments: ["planted-problems.csv", "planted-problems.tbx"])
  func plantedProblemsReportExactlyThose(name: String) throws {
    let source = try GlossarySource.load(path: S.fixture(name))
    let findings = try GlossaryChecker().check([source])
    let got = findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID)" }
    #expect(got == (try Self.expected(name + ".expected")))
    for finding in findings {
      expectTranslatorMessage(finding)
      #expect(finding.location.path == S.fixture(name))
      #expect(!finding.matchedText.isEmpty || finding.ruleID == "glossary-empty-term", "\(finding)")
    }
  }

  @Test func plantedGlossariesCoverEveryCheck() throws {
    let ids = try
      (Self.expected("planted-problems.csv.expected")
      + Self.expected("planted-problems.tbx.expected"))
      .map { String($0.split(separator: " ")[1]) }
    #expect(Set(ids) == Set(GlossaryChecks.all.map(\.id)))
    #expect(ids.count == GlossaryChecks.all.count, "one planted instance of each")
  }

  @Test func findingsPointAtTheOffendingText() throws {
    let source = try GlossarySource.load(path: S.fixture("planted-problems.csv"))
    let findings = try GlossaryChecker().check([source])
    func text(_ id: String) -> String? { findings.first { $0.ruleID == id }?.matchedText }
    #expect(text("glossary-unknown-status") == "depreciated")
    #expect(text("glossary-invalid-language-tag") == "English (US)")
    #expect(text("glossary-language-tag-style") == "RU")
    #expect(text("glossary-invalid-value") == "nominal")
    #expect(text("glossary-status-conflict") == "security assurances")
    let conflict = try #require(findings.first { $0.ruleID == "glossary-status-conflict" })
    #expect(conflict.related.map(\.line) == [6], "points back at the deprecated entry")
    #expect(conflict.unitID == "assurances")
    let whitespace = try #require(findings.first { $0.ruleID == "glossary-whitespace" })
    #expect(whitespace.suggestions == ["peace talks"])
  }

  @Test(arguments: ["Glossaries/security-ru-en.csv", "Glossaries/security-ru-en.tbx"])
  func shippedGlossariesReportNothing(path: String) throws {
    let source = try GlossarySource.load(path: S.repoRoot + "/" + path)
    #expect(source.issues.isEmpty)
    let findings = try GlossaryChecker().check([source])
    #expect(findings.isEmpty, "\(findings.map { "\($0.location.line): \($0.message)" })")
  }

  @Test func mergedChecksCompareAcrossFiles() throws {
    let a = try GlossarySource(
      bytes: Array(
        "concept,lang,term,status\nkyiv,en,Kyiv,preferred\nkyiv,en,Kiev,deprecated\n".utf8),
      path: "a.csv", format: .csv)
    let b = try GlossarySource(
      bytes: Array("concept,lang,term,status\nkiev-rus,en,Kiev,preferred\n".utf8), path: "b.csv",
      format: .csv)
    #expect(try GlossaryChecker().check([a, b]).isEmpty)
    let merged = try GlossaryChecker().check([a, b], merged: true)
    #expect(merged.map(\.ruleID) == ["glossary-status-conflict"])
    #expect(merged.first?.location.path == "b.csv")
    #expect(merged.first?.related.first?.path == "a.csv")
  }

  @Test func onlyAndDisableSelectChecks() throws {
    let source = try GlossarySource.load(path: S.fixture("planted-problems.csv"))
    let only = try GlossaryChecker(only: ["glossary-whitespace"]).check([source])
    #expect(only.map(\.ruleID) == ["glossary-whitespace"])
    let without = try GlossaryChecker(disabled: ["glossary-whitespace"]).check([source])
    #expect(without.count == 16 && !without.contains { $0.ruleID == "glossary-whitespace" })
    #expect(throws: TermlintError.self) {
      try GlossaryChecker(only: ["term-forbidden"]).check([source])
    }
  }

  @Test func sourceLanguageDecidesDuplicateConceptOrCollision() throws {
    let csv =
      "concept,lang,term,status\na,ru,переговоры,preferred\na,en,talks,preferred\nb,ru,обсуждения,preferred\nb,en,talks,preferred\n"
    let source = try GlossarySource(bytes: Array(csv.utf8), path: "t.csv", format: .csv)
    #expect(try GlossaryChecker().check([source]).map(\.ruleID) == ["glossary-target-collision"])
    let asSource = try GlossaryChecker(sourceLanguage: LanguageTag("en")).check([source])
    #expect(asSource.map(\.ruleID) == ["glossary-duplicate-concept"])
  }

  @Test func yamlProblemsAreFindingsWithPositions() throws {
    let yaml = """
      concepts:
        - id: kyiv
          terms:
            ru: [Киев]
            en:
              - {text: Kyiv, status: preferred}
              - {text: Kiev, status: deprecate}
              - {text: "", status: admitted}
              - {text: Kyyiv, match: exactly}
            "e n": [Kief]
        - id: kharkiv
          terms:
            RU: [Харьков]
            en: [Kharkiv]
      """
    let source = try GlossarySource(bytes: Array(yaml.utf8), path: "k.yaml", format: .yaml)
    let findings = try GlossaryChecker().check([source])
    let got = findings.map {
      "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.matchedText)"
    }
    #expect(
      got == [
        "7:32 glossary-unknown-status deprecate",
        "8:18 glossary-empty-term ",
        "9:32 glossary-invalid-value exactly",
        "10:7 glossary-invalid-language-tag \"e n\"",
        "13:7 glossary-language-tag-style RU",
      ])
  }

  @Test func strictLoadingStillRefusesWhatCheckReports() throws {
    let csv = "concept,lang,term,status\nkyiv,en,Kiev,depreciated\n"
    #expect(throws: TermlintError.self) { try S.load(csv, .csv) }
    let (g, issues) = try CSVGlossaryLoader.loadReportingIssues(
      bytes: Array(csv.utf8), path: "x.csv")
    #expect(g.concepts.first?.terms.first?.status == nil)
    #expect(issues.map(\.kind) == [.unknownStatus])
  }

  @Test func layoutErrorsStillStopTheCheck() throws {
    let csv = "concept,lang,term\na,en,x\nb,en,y\na,en,z\n"
    #expect(throws: TermlintError.self) {
      try GlossarySource(bytes: Array(csv.utf8), path: "x.csv", format: .csv)
    }
  }

  @Test func textInspection() {
    #expect(TextInspection.whitespaceProblem("a  b") == "has two spaces in a row")
    #expect(TextInspection.whitespaceProblem(" a") == "starts with a space")
    #expect(TextInspection.whitespaceProblem("a\tb") == "contains a tab or line break")
    #expect(
      TextInspection.whitespaceProblem("a\u{00A0}b") == nil, "a single no-break space is deliberate"
    )
    #expect(TextInspection.normalizedWhitespace("  a \t b\u{00A0}c  ") == "a b\u{00A0}c")
    #expect(
      TextInspection.invisibleCharacters("a\u{200B}b\u{FEFF}").map(\.value) == [0x200B, 0xFEFF])
    #expect(
      TextInspection.invisibleCharacters("🛰️ and 👩‍🚀").isEmpty,
      "emoji joiners and selectors are not stray characters")
    #expect(TextInspection.mixedScriptWord("Центры по контролю заболеваний (CDC)") == nil)
    #expect(TextInspection.mixedScriptWord("сhart")?.scripts == ["Cyrillic", "Latin"])
    #expect(TextInspection.mixedScriptWord("東京タワー") == nil)
    #expect(TextInspection.apostropheStyle("People’s") == .typographic)
    #expect(TextInspection.apostropheStyle("rock 'n’ roll") == .mixed)
  }
}

@Suite(
  "glossary check on the corpus",
  .enabled(
    if: S.corpusAvailable,
    "shared corpus not found at <repo root>/../shared/corpus; corpus tests skipped"))
struct GlossaryCheckCorpusTests {
  @Test(
    arguments: S.corpusTBXFiles
      + S.corpusEdgeCaseFiles.filter { !$0.hasSuffix("ltac_poorly_formed_xml.tbx") })
  func everyCorpusFileIsChecked(path: String) throws {
    let source = try GlossarySource.load(path: path)
    let findings = try GlossaryChecker().check([source])
    for finding in findings {
      expectTranslatorMessage(finding)
      #expect(finding.location.line >= 1)
    }
    // Every loader issue becomes a finding (nothing skipped silently); spellings are grouped.
    let issueLines = Set(
      source.issues.filter { $0.kind != .languageTagSpelling }.compactMap(\.line))
    #expect(issueLines.isSubset(of: Set(findings.map(\.location.line))))
  }

  @Test func realProblemsAreFound() throws {
    let weblate = try GlossarySource.load(path: S.corpusFile("tbx/weblate_glossary_ru.tbx"))
    let findings = try GlossaryChecker().check([weblate])
    let mixed = findings.filter { $0.ruleID == "glossary-mixed-script" }
    #expect(mixed.map(\.matchedText) == ["сhart"], "a Cyrillic 'с' typed in an English word")
    let bad = try GlossarySource.load(path: S.corpusFile("tbx/edge-cases/ltac_basic_bad.tbx"))
    #expect(
      try GlossaryChecker().check([bad]).contains {
        $0.ruleID == "glossary-invalid-value" && $0.matchedText == "nominal"
      })
  }
}

/// Keeps the check table in Documentation/Glossary.md in step with the registry.
@Suite("Glossary documentation")
struct GlossaryDocumentationTests {
  static let begin = "<!-- BEGIN glossary checks"
  static let end = "<!-- END glossary checks -->"

  @Test func checkTableIsCurrent() throws {
    let path = S.repoRoot + "/Documentation/Glossary.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let start = try #require(text.range(of: Self.begin))
    let headerEnd = try #require(text[start.upperBound...].range(of: "-->\n"))
    let stop = try #require(text.range(of: Self.end))
    let table = GlossaryDocumentation.markdownTable(GlossaryChecks.all)
    if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
      try (String(text[..<headerEnd.upperBound]) + table + String(text[stop.lowerBound...])).write(
        toFile: path, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      String(text[headerEnd.upperBound..<stop.lowerBound]) == table,
      "Documentation/Glossary.md is stale: run RECORD_DOCS=1 swift test --filter GlossaryDocumentationTests"
    )
  }
}
