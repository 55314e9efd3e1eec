import Foundation
import TermlintGlossary
import TermlintText

/// Lints many inputs in parallel and collects one `RunReport`.
///
/// Files are read, parsed and linted by a bounded task group (at most `jobs` at a time); the
/// `Linter` and its compiled glossary are shared read-only. The report is the same on any
/// number of cores: inputs are taken in path order and findings are sorted by path, line,
/// column and rule id. When inputs fail, the error of the first failing input in path order is
/// thrown, whatever the timing.
public struct LintRun: Sendable {
  /// Reads the bytes of the file at a path into a document, with the reader for its format.
  public typealias Read = @Sendable (_ bytes: [UInt8], _ path: String) throws -> Document

  /// The linter shared by all tasks.
  public let linter: Linter
  /// Paths to check, in report order (`-` is standard input); see `InputFiles.expand`.
  public let inputs: [String]
  /// How many inputs are processed at once (at least 1).
  public let jobs: Int
  /// How bytes become a document (default: `defaultRead(for:)`).
  public let read: Read
  /// Inputs already read and parsed (`prefetch`), used instead of reading them again.
  public let prefetched: PrefetchedDocuments?
  /// Article pairs found in folders (`FolderPairs`): the source article of each target path
  /// that has one. Such a target is aligned with its source and checked as one bilingual pair.
  public var pairs: [String: String] = [:]
  /// Whether an input that cannot be read or parsed becomes an `input-error` finding (and the
  /// other inputs are still checked) instead of stopping the run (see `InputErrors`).
  public var reportsInputErrors = false
  /// The name standard input (`-`) is read and reported as (`--stdin-filename`): its
  /// extension picks the reader.
  public var standardInputName: String?
  /// Whether each file's `Document` is kept for the report (`RunReport.documents`), which only
  /// reporters that show the text need (`html`). Without it a document is dropped as soon as
  /// its file is checked and its words and translation progress counted, so a run holds its
  /// findings and files, not every document's units and tokens.
  public var keepsDocuments = true
  /// Whether the baseline entries of the findings are kept (`--write-baseline` needs them).
  public var keepsBaselineEntries = true

  /// Creates a run.
  ///
  /// - Parameters:
  ///   - linter: the configured linter.
  ///   - inputs: paths to check, already expanded and sorted (`InputFiles.expand`).
  ///   - jobs: how many inputs to process at once; values below 1 count as 1.
  ///   - read: the reader; the default is `defaultRead(for: linter)`.
  ///   - prefetched: inputs read ahead with `prefetch` (with the same reader's defaults).
  public init(
    linter: Linter, inputs: [String], jobs: Int, read: Read? = nil,
    prefetched: PrefetchedDocuments? = nil
  ) {
    self.linter = linter
    self.inputs = inputs
    self.jobs = max(1, jobs)
    self.read = read ?? LintRun.defaultRead(for: linter)
    self.prefetched = prefetched
  }

  /// `DocumentReader`, which picks a reader by file extension, with the linter's languages as
  /// the defaults for files that do not name theirs.
  public static func defaultRead(for linter: Linter) -> Read {
    let defaults = linter.languageDefaults
    return { bytes, path in try DocumentReader.read(bytes: bytes, path: path, defaults: defaults) }
  }

  /// The outcome for one input.
  struct FileResult: Sendable {
    /// The decoded file (the one positions refer to).
    let file: SourceFile
    /// Its findings in report order.
    let findings: [Finding]
    /// Baseline entries for its findings (for `--write-baseline`).
    let baselineEntries: [Baseline.Entry]
    /// The languages it was checked in.
    var direction: LanguageDirection? = nil
    /// Rules that could not run on it (`Linter.rulesNotRun(on:)`).
    var rulesNotRun: [String] = []
    /// For a bilingual file, its units not translated yet (see `TranslationProgress`).
    var translationProgress: TranslationProgress? = nil
    /// The document the linter checked (units with their source and target texts), so that
    /// reporters show what was checked (`html`: source beside target) and count its words
    /// without reading the file again as plain text.
    var document: Document? = nil
    /// Words of checked text (`WordCount`), counted from the document; nil for an input that
    /// could not be read.
    var wordCount: Int? = nil
    /// Other files its findings refer to: the source article of a pair.
    var otherFiles: [SourceFile] = []
  }

  /// Runs every input and returns the report.
  ///
  /// - Parameter progress: called after each input with the number done and the total, from
  ///   the calling task (never concurrently).
  /// - Throws: the `TermlintError` of the first failing input in path order.
  public func run(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws
    -> RunReport
  {
    try await runCollectingBaseline(progress: progress).report
  }

  /// Runs every input and returns the report with the baseline entries of its findings.
  public func runCollectingBaseline(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
    async throws
    -> (report: RunReport, baselineEntries: [Baseline.Entry])
  {
    let results = try await results(progress: progress)
    var rules = linter.rules.map { $0.rule.descriptor }
    if results.contains(where: { $0.findings.contains { $0.ruleID == InputErrors.ruleID } }) {
      rules.append(InputErrors.descriptor)
    }
    var words: [String: Int] = [:]
    for result in results {
      if let n = result.wordCount { words[result.file.path, default: 0] += n }
    }
    // Word counts come from the tasks, so the report never reads a file again.
    var report = RunReport(
      findings: results.flatMap(\.findings), files: results.flatMap { $0.otherFiles + [$0.file] },
      rules: rules,
      documents: results.compactMap(\.document), wordCounts: words, translationProgress: [:])
    for result in results where result.findings.contains(where: { $0.ruleID == InputErrors.ruleID })
    {
      // Nothing of a file that could not be read was checked.
      report.wordCounts[result.file.path] = 0
    }
    for result in results {
      if let direction = result.direction { report.directions[result.file.path] = direction }
      for id in result.rulesNotRun { report.rulesNotRun[id, default: []].append(result.file.path) }
    }
    // Translation progress comes from the documents the linter read, as the documents do.
    for r in results { report.translationProgress[r.file.path] = r.translationProgress }
    return (report, results.flatMap(\.baselineEntries))
  }

  /// Reads an article pair into the document of its aligned beads, and the source file.
  static func pairDocument(linter: Linter, source: String, target: String) throws -> (
    Document, SourceFile
  ) {
    let sourceFile = try SourceFile.read(path: source)
    let targetFile = try SourceFile.read(path: target)
    let document = try PairReader.read(
      source: sourceFile, target: targetFile,
      sourceLanguage: linter.sourceLanguage ?? Pipeline.defaultSourceLanguage,
      targetLanguage: linter.targetLanguage, glossary: linter.glossary)
    return (document, sourceFile)
  }

  /// Runs every input and returns its result, in input order.
  func results(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws
    -> [FileResult]
  {
    let linter = self.linter
    let read = self.read
    let prefetched = self.prefetched
    let pairs = self.pairs
    let reportsInputErrors = self.reportsInputErrors
    let standardInputName = self.standardInputName
    let keepsDocuments = self.keepsDocuments
    let keepsBaselineEntries = self.keepsBaselineEntries
    return try await BoundedTasks.map(inputs, jobs: jobs, progress: progress) { path in
      var bytes: [UInt8]?
      do {
        let document: Document
        var otherFiles: [SourceFile] = []
        if let source = pairs[path] {
          let (pair, sourceFile) = try LintRun.pairDocument(
            linter: linter, source: source, target: path)
          (document, otherFiles) = (pair, [sourceFile])
        } else if let known = try prefetched?.document(for: path) {
          document = known
        } else {
          bytes = try SourceFile.readBytes(path: path)
          document = try read(bytes!, path == "-" ? standardInputName ?? path : path)
        }
        let outcome = try linter.outcome(
          of: document, baselineEntries: keepsBaselineEntries, countingProgress: true)
        var checked = outcome.filtered
        FindingStorage.shareStrings(&checked.findings)
        return FileResult(
          file: document.file, findings: checked.findings,
          baselineEntries: checked.baselineEntries,
          direction: LanguageDirection(document, linter: linter),
          rulesNotRun: linter.rulesNotRun(on: document),
          translationProgress: outcome.progress, document: keepsDocuments ? document : nil,
          wordCount: WordCount.perFile([document])[document.file.path] ?? 0, otherFiles: otherFiles)
      } catch  where reportsInputErrors && InputErrors.isInputError(error) {
        if bytes == nil && path != "-" { bytes = try? SourceFile.readBytes(path: path) }
        let (finding, file) = InputErrors.finding(
          for: error, path: path == "-" ? standardInputName ?? path : path, bytes: bytes)
        return FileResult(file: file, findings: [finding], baselineEntries: [])
      }
    }
  }
}

/// Inputs read and parsed ahead of a run, by path: what `LintRun.prefetch` read before it was
/// told to stop. A failed read is kept and thrown when the run reaches that input, so errors are
/// reported in path order as without prefetching.
public struct PrefetchedDocuments: Sendable {
  let results: [String: Result<Document, any Error>]

  /// How many inputs were read ahead.
  public var count: Int { results.count }

  /// The document of `path`, nil when it was not read ahead.
  func document(for path: String) throws -> Document? { try results[path]?.get() }
}

/// Tells `LintRun.prefetch` to stop starting reads (set when the linter is ready).
public final class PrefetchStop: @unchecked Sendable {
  private let lock = NSLock()
  private var stopped = false

  /// Creates a flag that is not set.
  public init() {}

  /// Sets the flag.
  public func stop() { lock.withLock { stopped = true } }

  /// Whether the flag is set.
  public var isStopped: Bool { lock.withLock { stopped } }
}

extension LintRun {
  /// Reads and parses inputs in path order on `jobs` tasks until `stop` is set or `byteLimit`
  /// bytes have been read, so that reading overlaps with loading and compiling the glossary
  /// (which the caller does at the same time). Standard input (`-`) is never read ahead.
  ///
  /// - Parameters:
  ///   - inputs: paths in report order.
  ///   - defaults: the languages of files that do not name theirs (`LintSetup.languageDefaults`).
  ///   - jobs: how many reads run at once (at least 1).
  ///   - byteLimit: stop starting reads past this many bytes read (bounds the memory held).
  ///   - stop: set by the caller when the linter is built.
  public static func prefetch(
    _ inputs: [String], defaults: LanguageDefaults, jobs: Int, byteLimit: Int = 16 << 20,
    until stop: PrefetchStop
  ) async -> PrefetchedDocuments {
    var results: [String: Result<Document, any Error>] = [:]
    var bytes = 0
    await withTaskGroup(of: (String, Result<Document, any Error>, Int).self) { group in
      var next = 0
      func startNext() {
        while next < inputs.count {
          let path = inputs[next]
          next += 1
          if path == "-" { continue }
          group.addTask {
            do {
              let data = try SourceFile.readBytes(path: path)
              return (
                path,
                Result { try DocumentReader.read(bytes: data, path: path, defaults: defaults) },
                data.count
              )
            } catch {
              return (path, .failure(error), 0)
            }
          }
          return
        }
      }
      for _ in 0..<max(1, jobs) where !stop.isStopped { startNext() }
      while let (path, result, size) = await group.next() {
        results[path] = result
        bytes += size
        if !stop.isStopped && bytes < byteLimit { startNext() }
      }
    }
    return PrefetchedDocuments(results: results)
  }
}

/// A parallel map over a bounded task group with deterministic results and errors.
enum BoundedTasks {
  /// Applies `body` to every element, at most `jobs` at a time, and returns the results in
  /// element order.
  ///
  /// Elements are started in order; once an element fails no later element is started, and
  /// the error of the first failing element (by position) is thrown after the elements before
  /// it have finished, so the error does not depend on timing.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], jobs: Int, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
    _ body: @escaping @Sendable (Element) throws -> Result
  ) async throws -> [Result] {
    let total = elements.count
    var results = [Result?](repeating: nil, count: total)
    var firstFailure: (index: Int, error: any Error)?
    try await withThrowingTaskGroup(of: (Int, Swift.Result<Result, any Error>).self) { group in
      var next = 0
      func canStart() -> Bool { next < total && next < (firstFailure?.index ?? Int.max) }
      while next < min(max(1, jobs), total) {
        let index = next
        let element = elements[index]
        group.addTask { (index, Swift.Result { try body(element) }) }
        next += 1
      }
      var done = 0
      while let (index, outcome) = try await group.next() {
        switch outcome {
        case .success(let value):
          results[index] = value
        case .failure(let error):
          if index < (firstFailure?.index ?? Int.max) { firstFailure = (index, error) }
        }
        done += 1
        progress(done, total)
        if canStart() {
          let index = next
          let element = elements[index]
          group.addTask { (index, Swift.Result { try body(element) }) }
          next += 1
        }
      }
    }
    if let firstFailure { throw firstFailure.error }
    let values = results.compactMap { $0 }
    // NOTE: without a failure every element has finished, so nothing is dropped here.
    precondition(values.count == total, "a task finished without a result")
    return values
  }
}
