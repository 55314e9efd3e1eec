import Foundation
import TermlintGlossary
import TermlintText

/// A check of many files that starts before its linter is ready.
///
/// Loading and compiling large glossaries takes longer than reading most inputs, so a session
/// builds the `LintSetup` on its own task as soon as it is created, and `run` reads and parses
/// inputs on the other jobs meanwhile (up to a byte limit), then checks them all with the
/// finished linter. The report is the same as `LintRun` gives with the same linter, inputs and
/// jobs; only the start-up is shorter.
///
/// ```swift
/// let session = LintSession(pipeline: pipeline, glossaries: ["house.tbx"])
/// let paths = try findInputs()  // runs while the glossary loads
/// let result = try await session.run(paths, jobs: 4)
/// ```
public struct LintSession: Sendable {
  private let building: Task<LintSetup, any Error>
  private let ready: PrefetchStop
  /// The languages of inputs that do not name theirs, known before the setup is built.
  public let defaults: LanguageDefaults

  /// Starts building the setup with `build` on its own task; `pipeline` is the one `build`
  /// uses, for the languages of inputs read ahead.
  public init(pipeline: Pipeline, build: @escaping @Sendable () throws -> LintSetup) {
    let ready = PrefetchStop()
    self.ready = ready
    defaults = LintSetup.languageDefaults(for: pipeline)
    building = Task.detached {
      defer { ready.stop() }
      return try build()
    }
  }

  /// Starts loading the pipeline's glossaries and `glossaries`, and configuring its rules
  /// (see `LintSetup.build`), on its own task.
  public init(
    pipeline: Pipeline, glossaries: [String] = [], onlyRules: [String] = [],
    disabledRules: [String] = [],
    baseline: Baseline? = nil, cache: GlossaryCache? = nil
  ) {
    self.init(pipeline: pipeline) {
      try LintSetup.build(
        pipeline: pipeline, glossaries: glossaries, onlyRules: onlyRules,
        disabledRules: disabledRules, baseline: baseline,
        cache: cache)
    }
  }

  /// The setup, once built; throws the build's error.
  public var setup: LintSetup {
    get async throws { try await building.value }
  }

  /// What a run gives: the setup it used, the report, and the baseline entries when asked for.
  public struct Result: Sendable {
    /// The setup the inputs were checked with.
    public var setup: LintSetup
    /// The findings and file results, in input order.
    public var report: RunReport
    /// One entry per finding, for `--write-baseline` (empty unless asked for).
    public var baselineEntries: [Baseline.Entry]
  }

  /// Checks `inputs` in order on `jobs` tasks. While the setup is still being built, `jobs - 1`
  /// tasks read and parse inputs ahead (the sources of `pairs` are read with their targets, and
  /// standard input is never read ahead).
  ///
  /// - Parameters:
  ///   - pairs: target path → source article path, for article pairs.
  ///   - configure: sets the run's other options (documents kept, baseline entries, names).
  /// - Throws: a configuration error from the build first, then the first input error in path
  ///   order.
  public func run(
    _ inputs: [String], jobs: Int, pairs: [String: String] = [:],
    configure: (inout LintRun) -> Void = { _ in },
    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) async throws -> Result {
    var prefetched: PrefetchedDocuments?
    if jobs > 1 {
      prefetched = await LintRun.prefetch(
        inputs.filter { pairs[$0] == nil }, defaults: defaults, jobs: jobs - 1, until: ready)
    }
    let setup = try await building.value
    var run = LintRun(linter: setup.linter, inputs: inputs, jobs: jobs, prefetched: prefetched)
    run.pairs = pairs
    configure(&run)
    let (report, entries) = try await run.runCollectingBaseline(progress: progress)
    return Result(setup: setup, report: report, baselineEntries: entries)
  }
}
