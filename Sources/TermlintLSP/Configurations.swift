import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// The compiled configurations of the open documents, kept warm between edits.
///
/// A document is checked with the `.termlint.yml` nearest to it (its folder, then each parent),
/// or the server's explicit pipeline, or the built-in one. Each configuration is loaded and its
/// glossaries compiled once, then reused for every lint until one of its files (the pipeline,
/// a glossary) changes: every lookup compares their modification times and sizes, so an edit
/// of a glossary in another program is seen on the next lint even when the client sends no
/// `workspace/didChangeWatchedFiles`.
public final class Configurations: @unchecked Sendable {
  /// What a lookup gives: the setup, or the error that stopped it from loading.
  public typealias Outcome = Result<LintSetup, TermlintError>

  /// A file's identity for change detection.
  struct Stamp: Equatable {
    let modified: ModificationTime
    let size: Int64
  }

  struct ModificationTime: Equatable {
    let seconds: Int
    let nanoseconds: Int
  }

  private struct Entry {
    let outcome: Outcome
    /// Files the configuration was built from and their stamps when it was (nil: missing).
    let watched: [String: Stamp?]
  }

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  /// The pipeline every document uses, when set (`initializationOptions.pipeline`).
  public var explicitPipeline: String?
  /// Glossaries added to every configuration (`initializationOptions.glossaries`).
  public var extraGlossaries: [String] = []
  /// How many times a configuration was built (loads and compiles), for tests of the cache.
  public private(set) var builds = 0

  /// Where compiled glossaries are kept between runs of the server (nil: none; `termlint lsp`
  /// uses `GlossaryCache.standard()`).
  public let glossaryCache: GlossaryCache?

  public init(
    explicitPipeline: String? = nil, extraGlossaries: [String] = [],
    glossaryCache: GlossaryCache? = nil
  ) {
    self.explicitPipeline = explicitPipeline
    self.extraGlossaries = extraGlossaries
    self.glossaryCache = glossaryCache
  }

  /// The pipeline file a document at `path` uses (nil: the built-in pipeline).
  public func pipelinePath(forDocumentAt path: String) -> String? {
    if let explicitPipeline { return explicitPipeline }
    return PipelineLoader.discover(
      from: URL(fileURLWithPath: path).deletingLastPathComponent().path)
  }

  /// The setup for a document, built or reused.
  public func setup(forDocumentAt path: String) -> (outcome: Outcome, pipelinePath: String?) {
    let pipelinePath = pipelinePath(forDocumentAt: path)
    let key = pipelinePath ?? ""
    lock.lock()
    defer { lock.unlock() }
    if let entry = entries[key], entry.watched.allSatisfy({ Self.stamp($0.key) == $0.value }) {
      return (entry.outcome, pipelinePath)
    }
    builds += 1
    var watched: [String: Stamp?] = [:]
    if let pipelinePath { watched[pipelinePath] = Self.stamp(pipelinePath) }
    for g in extraGlossaries { watched[g] = Self.stamp(g) }
    let outcome: Outcome
    do {
      let pipeline = try LintSetup.pipeline(at: pipelinePath)
      for g in pipeline.glossaries { watched[g] = Self.stamp(g) }
      outcome = .success(
        try LintSetup.build(pipeline: pipeline, glossaries: extraGlossaries, cache: glossaryCache))
    } catch let error as TermlintError {
      outcome = .failure(error)
    } catch {
      outcome = .failure(.configuration(pipelinePath, "\(error)"))
    }
    entries[key] = Entry(outcome: outcome, watched: watched)
    return (outcome, pipelinePath)
  }

  /// Whether a file is one some configuration was built from.
  public func isWatched(_ path: String) -> Bool {
    lock.withLock { entries.values.contains { $0.watched.keys.contains(path) } }
  }

  /// Whether a watched file changed since its configuration was built (checked while idle, so
  /// that a glossary saved in another program re-lints the open documents).
  public func anyWatchedFileChanged() -> Bool {
    lock.withLock {
      entries.values.contains { $0.watched.contains { Self.stamp($0.key) != $0.value } }
    }
  }

  /// Forgets every configuration (the next lookups rebuild).
  public func invalidateAll() {
    lock.withLock { entries = [:] }
  }

  /// The paths of every file the configurations were built from.
  public var watchedPaths: Set<String> {
    lock.withLock { Set(entries.values.flatMap { $0.watched.keys }) }
  }

  static func stamp(_ path: String) -> Stamp? {
    var s = stat()
    guard stat(path, &s) == 0 else { return nil }
    return Stamp(
      modified: ModificationTime(seconds: s.st_mtim.tv_sec, nanoseconds: s.st_mtim.tv_nsec),
      size: Int64(s.st_size))
  }
}
