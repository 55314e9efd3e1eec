import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// Options that choose the files to check (`lint` and `fix`).
struct InputOptions: ParsableArguments {
  @Option(
    name: .customLong("include"),
    help: ArgumentHelp(
      "In folders, check only files matching this glob (e.g. '*.{md,txt}'); repeatable.",
      discussion:
        "Without --include, folders contribute \(InputSelection.defaultExtensions.joined(separator: " ")) files.",
      valueName: "glob"))
  var include: [String] = []

  @Option(
    name: .customLong("exclude"),
    help: ArgumentHelp(
      "In folders, skip files and folders matching this glob (e.g. 'drafts/**'); repeatable.",
      valueName: "glob"))
  var exclude: [String] = []

  @Option(
    name: .customLong("changed-since"),
    help: ArgumentHelp(
      "Check only files changed since this git revision (e.g. origin/main), under the given paths if any.",
      valueName: "ref"))
  var changedSince: String?

  @Option(
    help: ArgumentHelp(
      "Check only shard K of N (1-based) of the files, e.g. 2/4, for a CI matrix; join the JSON reports with 'termlint report merge'.",
      valueName: "K/N"))
  var shard: Shard?

  @Flag(
    help:
      "With --changed-since: report only findings on lines changed since that revision (new files: every line)."
  )
  var changedLines = false

  @Option(
    help: ArgumentHelp(
      "How many files to process at once (default: the number of cores).", valueName: "n"))
  var jobs: Int?

  @Option(
    help: ArgumentHelp(
      "Read standard input ('-') as this file: its extension picks the reader, the report names it.",
      valueName: "path"))
  var stdinFilename: String?

  @Flag(help: "In folders, also check files that .gitignore files ignore.")
  var noGitignore = false

  @Argument(help: "Files and folders to check ('-' reads standard input).")
  var files: [String] = []

  /// The number of parallel tasks.
  var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    if changedLines && changedSince == nil {
      throw ValidationError(
        "--changed-lines needs --changed-since REF (the revision the lines changed since)")
    }
    if stdinFilename != nil && !files.contains("-") {
      throw ValidationError(
        "--stdin-filename names standard input; give '-' among the files to read it")
    }
  }

  /// The files named on the command line (not folders), which are checked whatever the
  /// pipeline's `exclude:`, `.gitignore` and pairing say.
  var namedFiles: Set<String> {
    Set(
      files.filter { path in
        var isDirectory: ObjCBool = false
        return path == "-"
          || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue)
      })
  }

  /// `paths` without the files found in folders that the pipeline's `exclude:` globs (relative
  /// to the pipeline's folder) or git's ignore rules (`.gitignore`) leave out.
  func excluding(_ paths: [String], pipeline: Pipeline) -> [String] {
    let named = namedFiles
    var kept = paths
    if !pipeline.exclude.isEmpty {
      let base =
        pipeline.path.map {
          URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path
        }
        ?? FileManager.default.currentDirectoryPath
      let prefix = base.hasSuffix("/") ? base : base + "/"
      kept = kept.filter { path in
        guard !named.contains(path) else { return true }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard absolute.hasPrefix(prefix) else { return true }
        let components = absolute.dropFirst(prefix.count).split(separator: "/")
        return !components.indices.contains { depth in
          let relative = components[...depth].joined(separator: "/")
          return pipeline.exclude.contains { $0.matches(relativePath: relative) }
        }
      }
    }
    if !noGitignore {
      let walked = kept.filter { !named.contains($0) }
      if !walked.isEmpty {
        let ignored = GitChanges.ignored(walked)
        if !ignored.isEmpty { kept.removeAll { ignored.contains($0) } }
      }
    }
    return kept
  }

  /// The files to check, expanded and sorted.
  func resolve() throws -> [String] {
    let selection = InputSelection(
      include: try include.map(Glob.init), exclude: try exclude.map(Glob.init))
    if let changedSince {
      guard !files.contains("-") else {
        throw TermlintError.usage("'-' (standard input) cannot be combined with --changed-since")
      }
      return InputFiles.filter(
        try GitChanges.changedFiles(since: changedSince), under: files, selection: selection)
    }
    guard !files.isEmpty else {
      throw TermlintError.usage(
        "no input files (give files or folders, '-' for standard input, or --changed-since REF)")
    }
    let expanded = try InputFiles.expand(files, selection: selection)
    guard !expanded.isEmpty else {
      let what =
        include.isEmpty
        ? InputSelection.defaultExtensions.joined(separator: " ") + " files"
        : "files matching --include"
      let excluded = exclude.isEmpty ? "" : " that --exclude keeps"
      throw TermlintError.usage(
        "no input files: \(files.map { "'\($0)'" }.joined(separator: ", ")) holds no \(what)\(excluded) (name files explicitly, or use --include)"
      )
    }
    return expanded
  }
}

/// `--shard K/N`: one of N disjoint parts of the files to check.
///
/// After folder walks, excludes and pairing, the files of each configuration are sorted by path
/// and file number `i` (0-based) goes to shard `i mod N + 1`: every checkout of the same commit
/// splits the same way, the shards together check every file exactly once, and their sizes
/// differ by at most one file per configuration.
struct Shard: ExpressibleByArgument, Sendable, Equatable {
  let index: Int
  let count: Int

  init?(argument: String) {
    let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n
    else { return nil }
    (index, count) = (k, n)
  }

  /// The files of this shard, in order.
  func select(_ files: [String]) -> [String] {
    files.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
  }
}
