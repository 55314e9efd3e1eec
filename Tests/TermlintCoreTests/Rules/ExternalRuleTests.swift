import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("External rules (JSON lines over stdin/stdout)")
struct ExternalRuleTests {
  static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first
  {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  // NOTE: a generous timeout: a loaded CI machine can take seconds to start python3.
  static func rule(
    id: String = "house.ext", script: String, timeout: Double = 60, options: [String: String] = [:]
  ) -> ExternalRule {
    let descriptor = RuleDescriptor(
      id: id, title: "Ext", category: .style, defaultSeverity: .warning, summary: "s",
      rationale: "r",
      nonTriggeringExamples: [], triggeringExamples: [])
    return ExternalRule(
      descriptor: descriptor, command: ["python3", "-c", script], directory: nil, timeout: timeout,
      options: options)
  }

  @Test func inputCarriesDocumentUnitsLanguagesAndTermsInCodePoints() throws {
    let file = SourceFile(
      path: "a.md", text: "😀 NATO demanded security assurances.\n\nSecond paragraph.\n")
    let linter = Linter(
      glossary: TestLint.exampleGlossary, rules: [], sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
    let document = try linter.annotate(
      PlainTextReader.read(file, markdown: true, language: LanguageTag("en")))
    let data = ExternalRuleProtocol.input(
      for: document, rule: "house.ext", options: ["k": "v"], glossary: TestLint.exampleGlossary)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    #expect(lines.count == 3)
    #expect(
      lines[0]["type"] as? String == "document" && lines[0]["protocol"] as? Int == 1
        && lines[0]["rule"] as? String == "house.ext")
    #expect(
      lines[0]["targetLanguage"] as? String == "en"
        && (lines[0]["options"] as? [String: String]) == ["k": "v"])
    #expect(lines[1]["type"] as? String == "unit" && lines[1]["id"] as? String == "p1")
    let target = try #require(lines[1]["target"] as? [String: Any])
    let text = try #require(target["text"] as? String)
    let terms = try #require(target["terms"] as? [[String: Any]])
    let assurances = try #require(terms.first { $0["concept"] as? String == "security-guarantees" })
    let scalars = Array(text.unicodeScalars)
    let start = assurances["start"] as! Int
    let end = assurances["end"] as! Int
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "security assurances")
    #expect(assurances["status"] as? String == "deprecated")
  }

  @Test func findingsArePlacedByCodePointOffsets() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    let script = """
      import sys, json
      for line in sys.stdin:
          m = json.loads(line)
          if m["type"] == "unit":
              t = m["target"]["text"]
              i = t.find("Geneva")
              if i >= 0:
                  print(json.dumps({"unit": m["id"], "start": i, "end": i + 6, "message": "City '" + t[i:i+6] + "' found", "suggestions": ["Genève"], "severity": "info"}))
      """
    let text = "𝐀😀 Talks in Geneva.\n\nAnd again in\nGeneva.\n"
    let findings = try TestLint.findings(text, instances: [Self.rule(script: script)])
    #expect(findings.map { "\($0.location.line):\($0.location.column)" } == ["1:13", "4:1"])
    #expect(
      findings.allSatisfy {
        $0.matchedText == "Geneva" && $0.severity == .info && $0.suggestions == ["Genève"]
          && $0.ruleID == "house.ext"
      })
  }

  @Test func aCrashIsOneErrorFindingAndOtherRulesKeepTheirs() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    let crash = Self.rule(
      id: "house.crash",
      script: "import sys; sys.stdin.read(); print('{}'); raise ValueError('state is bad')")
    let builtIn = try RepeatedWordRule(options: RuleOptions())
    let findings = try TestLint.findings("The the talks.\n", instances: [crash, builtIn])
    #expect(findings.map(\.ruleID).sorted() == ["house.crash", "repeated-word"])
    let error = try #require(findings.first { $0.ruleID == "house.crash" })
    #expect(error.severity == .error)
    #expect(
      error.message.contains("exited with status 1")
        && error.message.contains("ValueError: state is bad"))
  }

  @Test func aTimeoutStopsTheCommand() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    let start = Date()
    let findings = try TestLint.findings(
      "Text.\n", instances: [Self.rule(script: "import time; time.sleep(30)", timeout: 0.5)])
    #expect(Date().timeIntervalSince(start) < TestTiming.bound(10))
    #expect(
      findings.count == 1 && findings.first?.message.contains("did not finish within 0.5 s") == true
    )
  }

  /// A command that exits without reading its input: writing a megabyte to it breaks the pipe.
  /// The library must survive that without touching the process's SIGPIPE handling (which
  /// belongs to the program embedding it): the disposition is the same after the run, and this
  /// test process, where nothing catches SIGPIPE, is still alive to check it.
  @Test func aCommandThatDoesNotReadItsInputLeavesSIGPIPEAlone() throws {
    var before = sigaction()
    sigaction(SIGPIPE, nil, &before)
    for _ in 0..<3 {
      let outcome = try ProcessRunner.run(
        ["sh", "-c", "exit 3"], directory: nil, input: Data(repeating: 0x61, count: 1 << 20),
        timeout: 60)
      #expect(outcome.exitStatus == 3 && !outcome.timedOut)
    }
    var after = sigaction()
    sigaction(SIGPIPE, nil, &after)
    #expect(
      after.__sigaction_handler.sa_handler == nil
        ? before.__sigaction_handler.sa_handler == nil
        : before.__sigaction_handler.sa_handler != nil,
      "the run changed the process's SIGPIPE disposition")
    var pending = sigset_t()
    sigpending(&pending)
    #expect(sigismember(&pending, SIGPIPE) == 0, "a SIGPIPE was left pending")
  }

  @Test func outputOverTheCapKillsTheCommandWithOneError() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    // Writes forever: only the cap can stop it before the (long) time limit.
    let script = "import sys\nsys.stdin.read()\nwhile True: sys.stdout.write('x' * 65536)"
    let start = Date()
    let findings = try TestLint.findings(
      "Text.\n", instances: [Self.rule(script: script, timeout: 60)])
    #expect(Date().timeIntervalSince(start) < TestTiming.bound(20))
    #expect(findings.count == 1)
    let error = try #require(findings.first)
    #expect(error.severity == .error && error.ruleID == "house.ext")
    #expect(error.message.contains("more than \(ExternalRule.maxOutputBytes >> 20) MiB of output"))
  }

  @Test func stderrOverTheCapIsCaughtToo() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    let script = "import sys\nsys.stdin.read()\nwhile True: sys.stderr.write('e' * 65536)"
    let findings = try TestLint.findings(
      "Text.\n", instances: [Self.rule(script: script, timeout: 60)])
    #expect(findings.count == 1 && findings.first?.message.contains("MiB of output") == true)
  }

  @Test func outputUnderTheCapIsRead() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    // 1 MiB of blank lines (ignored by the protocol) is well under the cap.
    let script = "import sys\nsys.stdin.read()\nsys.stdout.write('\\n' * (1 << 20))"
    let findings = try TestLint.findings("Text.\n", instances: [Self.rule(script: script)])
    #expect(findings.isEmpty)
  }

  @Test func invalidOutputIsReportedWithItsLine() throws {
    try #require(Self.python != nil, "python3 is needed for external-rule tests")
    let cases: [(String, String)] = [
      ("print(''); print('oops')", "output line 2: not a JSON object"),
      (
        "print('{\"unit\": \"p9\", \"start\": 0, \"end\": 1, \"message\": \"m\"}')",
        "unknown unit 'p9'"
      ),
      (
        "print('{\"unit\": \"p1\", \"start\": 0, \"end\": 99, \"message\": \"m\"}')",
        "outside unit 'p1'"
      ),
      (
        "print('{\"unit\": \"p1\", \"start\": 0, \"end\": 1, \"mesage\": \"m\"}')",
        "unknown key 'mesage'"
      ),
      (
        "print('{\"unit\": \"p1\", \"start\": true, \"end\": 1, \"message\": \"m\"}')",
        "must be integers"
      ),
    ]
    for (script, expected) in cases {
      let findings = try TestLint.findings(
        "Text.\n", instances: [Self.rule(script: "import sys; sys.stdin.read(); " + script)])
      #expect(findings.count == 1)
      #expect(
        findings.first?.message.contains(expected) == true,
        "\(findings.first?.message ?? "none") should contain \(expected)")
    }
  }

  @Test func aMissingCommandIsReported() throws {
    let descriptor = RuleDescriptor(
      id: "house.missing", title: "M", category: .style, defaultSeverity: .warning, summary: "s",
      rationale: "r",
      nonTriggeringExamples: [], triggeringExamples: [])
    let rule = ExternalRule(
      descriptor: descriptor, command: ["termlint-no-such-command-xyz"], directory: nil)
    let findings = try TestLint.findings("Text.\n", instances: [rule])
    #expect(findings.count == 1 && findings.first?.severity == .error)
    #expect(findings.first?.message.contains("127") == true)
  }
}
