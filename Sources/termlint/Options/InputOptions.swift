import ArgumentParser
import Foundation
import TermlintCore

/// Options that choose the files to check (`lint` and `fix`).
struct InputOptions: ParsableArguments {
  @Option(
    name: .customLong("include"),
    help: ArgumentHelp(
      "In folders, check only files matching this glob (e.g. '*.{md,txt}'); repeatable.",
      discussion: "Without --include, folders contribute \(InputSelection.defaultExtensions.joined(separator: " ")) files.",
      valueName: "glob"))
  var include: [String] = []

  @Option(
    name: .customLong("exclude"),
    help: ArgumentHelp("In folders, skip files and folders matching this glob (e.g. 'drafts/**'); repeatable.", valueName: "glob"))
  var exclude: [String] = []

  @Option(
    name: .customLong("changed-since"),
    help: ArgumentHelp(
      "Check only files changed since this git revision (e.g. origin/main), under the given paths if any.",
      valueName: "ref"))
  var changedSince: String?

  @Option(help: ArgumentHelp("How many files to process at once (default: the number of cores).", valueName: "n"))
  var jobs: Int?

  @Argument(help: "Files and folders to check ('-' reads standard input).")
  var files: [String] = []

  /// The number of parallel tasks.
  var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
  }

  /// The files to check, expanded and sorted.
  func resolve() throws -> [String] {
    let selection = InputSelection(include: try include.map(Glob.init), exclude: try exclude.map(Glob.init))
    if let changedSince {
      guard !files.contains("-") else { throw TermlintError.usage("'-' (standard input) cannot be combined with --changed-since") }
      return InputFiles.filter(try GitChanges.changedFiles(since: changedSince), under: files, selection: selection)
    }
    guard !files.isEmpty else {
      throw TermlintError.usage("no input files (give files or folders, '-' for standard input, or --changed-since REF)")
    }
    let expanded = try InputFiles.expand(files, selection: selection)
    guard !expanded.isEmpty else {
      let what = include.isEmpty
        ? InputSelection.defaultExtensions.joined(separator: " ") + " files" : "files matching --include"
      let excluded = exclude.isEmpty ? "" : " that --exclude keeps"
      throw TermlintError.usage(
        "no input files: \(files.map { "'\($0)'" }.joined(separator: ", ")) holds no \(what)\(excluded) (name files explicitly, or use --include)")
    }
    return expanded
  }
}
