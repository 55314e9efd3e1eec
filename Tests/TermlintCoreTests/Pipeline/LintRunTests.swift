import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Lint runs")
struct LintRunTests {
  static func linter() throws -> Linter {
    Linter(
      glossary: TestLint.exampleGlossary, rules: try Pipeline.builtIn.configuredRules(),
      sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
  }

  /// Files with and without findings, in several line-end styles and scripts.
  static func writeCorpus(_ t: TemporaryTree, count: Int) throws -> [String] {
    let bodies = [
      "Moscow demanded security assurances.\n\nNato members met in Kiev.\n",
      "Nothing to see here.\n",
      "The talks may de-escalate tensions.\r\n\r\nThey deescalated nothing.\r\n",
      "😀 Deployment of attack weapons near the border, Nato said.\n",
      "Москва требует гарантий безопасности.\n",
      "# Heading with security assurances\n\n`security assurances` in code is skipped.\n",
    ]
    var paths: [String] = []
    for i in 0..<count {
      let ext = ["md", "txt"][i % 2]
      paths.append(try t.write("f\(String(format: "%02d", i)).\(ext)", bodies[i % bodies.count]))
    }
    return paths.sorted()
  }

  @Test func reportIsTheSameOnAnyNumberOfJobsAndEqualsLintingEachFileAlone() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let paths = try Self.writeCorpus(t, count: 17)
    let linter = try Self.linter()
    var alone: [Finding] = []
    let read = LintRun.defaultRead(for: linter)
    for path in paths {
      alone += try linter.lint(read(try SourceFile.readBytes(path: path), path))
    }
    #expect(alone.count > 10, "the corpus must produce findings")
    for jobs in [1, 2, 3, 8, 64] {
      let report = try await LintRun(linter: linter, inputs: paths, jobs: jobs).run()
      #expect(report.findings == alone, "jobs \(jobs)")
      #expect(report.files.map(\.path) == paths, "jobs \(jobs)")
      #expect(report.findings == report.findings.sorted(by: Finding.reportOrder))
    }
  }

  @Test func droppingDocumentsChangesNoReportButHTML() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let paths = (try Self.writeCorpus(t, count: 7) + Self.writeBilingualCorpus(t, count: 4))
      .sorted()
    let linter = try Self.linter()
    let kept = try await LintRun(linter: linter, inputs: paths, jobs: 2).run()
    var run = LintRun(linter: linter, inputs: paths, jobs: 2)
    run.keepsDocuments = false
    run.keepsBaselineEntries = false
    let (dropped, entries) = try await run.runCollectingBaseline()
    #expect(dropped.documents.isEmpty && kept.documents.count == paths.count)
    #expect(entries.isEmpty)
    #expect(dropped.wordCounts == kept.wordCounts && dropped.totalWords > 0)
    #expect(
      dropped.translationProgress == kept.translationProgress && !kept.translationProgress.isEmpty)
    #expect(dropped.findings == kept.findings)
    for reporter in ReporterRegistry.all where reporter.identifier != HTMLReporter.identifier {
      #expect(
        reporter.render(dropped, options: ReportOptions())
          == reporter.render(kept, options: ReportOptions()), "\(reporter.identifier)")
    }
  }

  /// Bilingual files whose Russian sources name people: the name-spelling rule builds the
  /// glossary's name index and transliterates the names (`Transliterator.russianLatinBGN`).
  static func writeBilingualCorpus(_ t: TemporaryTree, count: Int) throws -> [String] {
    let units = [
      (
        "Сергей Рябков и Мария Захарова обсудили гарантии безопасности.",
        "Sergey Ryabkow and Maria Zakharova discussed security assurances."
      ),
      (
        "Сергей Рябков встретился с Дмитрием Песковым в Киеве.",
        "Sergei Riabkov met Dmitry Peskov in Kiev."
      ),
      ("Шойгу заявил, что НАТО расширяется.", "Shoigu said that Nato is expanding."),
    ]
    var paths: [String] = []
    for i in 0..<count {
      let (source, target) = units[i % units.count]
      if i % 2 == 0 {
        paths.append(
          try t.write(
            "b\(String(format: "%02d", i)).xlf",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="a.md" source-language="ru" target-language="en" datatype="plaintext"><body>
            <trans-unit id="u1"><source>\(source)</source><target>\(target)</target></trans-unit>
            </body></file></xliff>
            """))
      } else {
        paths.append(
          try t.write(
            "b\(String(format: "%02d", i)).po",
            """
            msgid ""
            msgstr ""
            "Language: en\\n"
            "X-Source-Language: ru\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"

            msgid "\(source)"
            msgstr "\(target)"

            """))
      }
    }
    return paths
  }

  /// The parallel paths under ThreadSanitizer (`.ci/sanitizers` runs the `LintRun` tests): a
  /// fresh compiled glossary, so that concurrent tasks race to build its derived indexes, and
  /// bilingual files, so that they share the transliterator. Whatever the interleaving, the
  /// report equals a one-job run's.
  @Test func coldSharedCachesGiveTheSameReportAsOneJob() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let paths = (try Self.writeCorpus(t, count: 12) + Self.writeBilingualCorpus(t, count: 12))
      .sorted()
    func freshLinter() throws -> Linter {
      Linter(
        glossary: try CompiledGlossary(ExampleGlossary.glossary),
        rules: try Pipeline.builtIn.configuredRules(),
        sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    }
    let parallel = try await LintRun(linter: try freshLinter(), inputs: paths, jobs: 8).run()
    // Two runs at once on one cold linter, as a library user might.
    let shared = try freshLinter()
    async let first = LintRun(linter: shared, inputs: paths, jobs: 4).run()
    async let second = LintRun(linter: shared, inputs: paths.reversed(), jobs: 4).run()
    let (a, b) = try await (first, second)
    let serial = try await LintRun(linter: try freshLinter(), inputs: paths, jobs: 1).run()
    #expect(
      serial.findings.contains { $0.ruleID == "name-spelling" },
      "the corpus must exercise the name rules")
    #expect(parallel.findings == serial.findings)
    #expect(a.findings == serial.findings)
    #expect(b.findings.sorted(by: Finding.reportOrder) == serial.findings)
  }

  @Test func theFirstFailingFileInPathOrderIsReportedWhateverTheTiming() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    var paths = try Self.writeCorpus(t, count: 12)
    paths.append(try t.write("f03-bad.md", bytes: [0x61, 0xC3, 0x28]))
    paths.append(try t.write("f09-bad.md", bytes: [0xFF]))
    paths.sort()
    let linter = try Self.linter()
    for jobs in [1, 2, 5, 16] {
      for _ in 0..<3 {
        do {
          _ = try await LintRun(linter: linter, inputs: paths, jobs: jobs).run()
          Issue.record("invalid UTF-8 must fail the run")
        } catch let error as TermlintError {
          #expect(error.file?.hasSuffix("f03-bad.md") == true, "jobs \(jobs): \(error)")
        }
      }
    }
  }

  @Test func inputsReadAheadGiveTheSameReportAndTheSameFirstError() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    var paths = try Self.writeCorpus(t, count: 12)
    let linter = try Self.linter()
    var pipeline = Pipeline.builtIn
    pipeline.sourceLanguage = LanguageTag("ru")
    let defaults = LintSetup.languageDefaults(for: pipeline)
    #expect(defaults.source == linter.sourceLanguage && defaults.target == linter.targetLanguage)
    let expected = try await LintRun(linter: linter, inputs: paths, jobs: 2).run()
    // Read everything ahead, a part, or nothing (stopped before the first read).
    for (limit, stopFirst) in [(Int.max, false), (200, false), (Int.max, true)] {
      let stop = PrefetchStop()
      if stopFirst { stop.stop() }
      let prefetched = await LintRun.prefetch(
        paths, defaults: defaults, jobs: 2, byteLimit: limit, until: stop)
      if stopFirst { #expect(prefetched.count == 0) } else { #expect(prefetched.count > 0) }
      let report = try await LintRun(linter: linter, inputs: paths, jobs: 2, prefetched: prefetched)
        .run()
      #expect(report.findings == expected.findings, "limit \(limit)")
      #expect(report.files.map(\.path) == paths)
    }
    // A file that fails to read or parse fails the run at its place in path order.
    paths.append(try t.write("f03-bad.md", bytes: [0x61, 0xC3, 0x28]))
    paths.append(t.path("f05-missing.md"))
    paths.sort()
    let prefetched = await LintRun.prefetch(
      paths, defaults: defaults, jobs: 3, until: PrefetchStop())
    #expect(prefetched.count == paths.count)
    do {
      _ = try await LintRun(linter: linter, inputs: paths, jobs: 2, prefetched: prefetched).run()
      Issue.record("invalid UTF-8 must fail the run")
    } catch let error as TermlintError {
      #expect(error.file?.hasSuffix("f03-bad.md") == true, "\(error)")
    }
  }

  /// A session reads inputs while its setup is built and reports what `LintRun` reports with
  /// the finished linter; a build that fails fails the run with the build's error first.
  @Test func aSessionReportsWhatARunReportsAndABuildErrorComesFirst() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    var paths = try Self.writeCorpus(t, count: 8)
    let glossary = try t.write(
      "house.csv",
      """
      concept,lang,term,status
      sg,ru,гарантии безопасности,preferred
      sg,en,security guarantees,preferred
      sg,en,security assurances,deprecated

      """)
    var pipeline = Pipeline.builtIn
    pipeline.sourceLanguage = LanguageTag("ru")
    let setup = try LintSetup.build(pipeline: pipeline, glossaries: [glossary])
    let expected = try await LintRun(linter: setup.linter, inputs: paths, jobs: 1).run()
    #expect(expected.findings.contains { $0.ruleID == "term-forbidden" })
    for jobs in [1, 3] {
      let session = LintSession(pipeline: pipeline, glossaries: [glossary])
      let result = try await session.run(paths, jobs: jobs) { $0.keepsBaselineEntries = true }
      #expect(result.report.findings == expected.findings, "jobs \(jobs)")
      #expect(result.baselineEntries.count == expected.findings.count)
      #expect(result.setup.linter.rules.count == setup.linter.rules.count)
    }
    // A missing glossary is reported before the unreadable input.
    paths.append(try t.write("f99-bad.md", bytes: [0x61, 0xC3, 0x28]))
    do {
      _ = try await LintSession(pipeline: pipeline, glossaries: [t.path("missing.csv")]).run(
        paths, jobs: 2)
      Issue.record("a missing glossary must fail the run")
    } catch let error as TermlintError {
      #expect(error.file?.hasSuffix("missing.csv") == true, "\(error)")
    }
  }

  @Test func progressCountsEveryFileOnce() async throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let paths = try Self.writeCorpus(t, count: 9)
    var seen: [Int] = []
    _ = try await LintRun(linter: try Self.linter(), inputs: paths, jobs: 3).run { done, total in
      #expect(total == 9)
      seen.append(done)
    }
    #expect(seen == Array(1...9))
  }

  @Test func boundedTasksNeverRunMoreThanJobsAtOnce() async throws {
    let counter = Counter()
    let results = try await BoundedTasks.map(Array(0..<40), jobs: 3) { i -> Int in
      let now = counter.enter()
      defer { counter.leave() }
      #expect(now <= 3)
      usleep(2000)
      return i * i
    }
    #expect(results == (0..<40).map { $0 * $0 })
    #expect(counter.maximum <= 3)
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0

    func enter() -> Int {
      lock.withLock {
        current += 1
        maximum = max(maximum, current)
        return current
      }
    }

    func leave() { lock.withLock { current -= 1 } }
  }
}
