import Foundation
import TermlintGlossary
import TermlintText

/// Asks git which files changed since a revision (`--changed-since`).
enum GitChanges {
  /// The files added, copied, modified, renamed or retyped since the point where `revision`
  /// and `HEAD` diverged, including uncommitted changes and new files git does not ignore.
  ///
  /// This is what a pull request changes: `git diff $(git merge-base REF HEAD)` plus untracked
  /// files. Deleted files are left out. Paths are relative to `directory` and limited to files
  /// under it, with `/` separators.
  ///
  /// - Parameters:
  ///   - revision: any revision git understands (`origin/main`, a commit hash, `HEAD~3`).
  ///   - directory: where to run git (default: the current folder).
  /// - Throws: `TermlintError.usage` when git is missing, `directory` is not inside a git
  ///   work tree, the revision is unknown, or it has no common history with `HEAD` (a shallow
  ///   clone).
  static func changedFiles(
    since revision: String, in directory: String = FileManager.default.currentDirectoryPath
  ) throws -> [String] {
    let baseCommit = try mergeBase(revision, in: directory)
    let diff = try git(
      [
        "diff", "--name-only", "-z", "--relative", "--no-renames", "--diff-filter=ACMRT",
        baseCommit,
      ], in: directory)
    guard diff.status == 0 else {
      throw TermlintError.usage("--changed-since: git diff failed: \(diff.errorLine)")
    }
    let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: directory)
    guard untracked.status == 0 else {
      throw TermlintError.usage("--changed-since: git ls-files failed: \(untracked.errorLine)")
    }
    let names = (diff.output + untracked.output).split(separator: "\0").map(String.init)
    return Array(Set(names)).sorted()
  }

  /// The commit where `revision` and `HEAD` diverged, after checking that git can answer.
  private static func mergeBase(_ revision: String, in directory: String) throws -> String {
    let inside = try git(["rev-parse", "--is-inside-work-tree"], in: directory)
    guard inside.status == 0, inside.output.hasPrefix("true") else {
      throw TermlintError.usage(
        "--changed-since needs a git repository, and '\(directory)' is not inside one (\(inside.errorLine))"
      )
    }
    guard !revision.hasPrefix("-") else {
      throw TermlintError.usage("--changed-since: '\(revision)' is not a git revision")
    }
    let verified = try git(
      ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"],
      in: directory)
    guard verified.status == 0 else {
      throw TermlintError.usage(
        "--changed-since: unknown git revision '\(revision)' (fetch it first, e.g. git fetch origin main)"
      )
    }
    let base = try git(["merge-base", revision, "HEAD"], in: directory)
    guard base.status == 0,
      let baseCommit = base.output.split(separator: "\n").first.map(String.init)
    else {
      throw TermlintError.usage(
        "--changed-since: '\(revision)' and HEAD have no common history here; in a shallow clone, fetch the full history (actions/checkout with fetch-depth: 0)"
      )
    }
    return baseCommit
  }

  /// The lines of each file changed since the point where `revision` and `HEAD` diverged
  /// (`--changed-lines`): the lines added or modified by `git diff -U0`, uncommitted edits
  /// included; every line of a new untracked file. Paths as in `changedFiles`.
  static func changedLines(
    since revision: String, in directory: String = FileManager.default.currentDirectoryPath
  ) throws
    -> [String: [ClosedRange<Int>]]
  {
    let baseCommit = try mergeBase(revision, in: directory)
    let diff = try git(
      [
        "diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/",
        "--relative", "--no-renames", "--diff-filter=ACMRT", baseCommit,
      ], in: directory)
    guard diff.status == 0 else {
      throw TermlintError.usage("--changed-lines: git diff failed: \(diff.errorLine)")
    }
    var lines = parseUnifiedDiff(diff.output)
    let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: directory)
    guard untracked.status == 0 else {
      throw TermlintError.usage("--changed-lines: git ls-files failed: \(untracked.errorLine)")
    }
    for name in untracked.output.split(separator: "\0") { lines[String(name)] = [1...Int.max] }
    return lines
  }

  /// The added lines of each file of a `git diff -U0` (hunk headers `@@ -a,b +c,d @@`).
  static func parseUnifiedDiff(_ text: String) -> [String: [ClosedRange<Int>]] {
    var lines: [String: [ClosedRange<Int>]] = [:]
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("+++ ") {
        let name = line.dropFirst(4)
        current =
          name == "/dev/null" ? nil : String(name.hasPrefix("b/") ? name.dropFirst(2) : name)
        if let current, lines[current] == nil { lines[current] = [] }
      } else if line.hasPrefix("@@ "), let current {
        // "+c,d": d lines from c; "+c": one line; d = 0: only deletions.
        guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else {
          continue
        }
        let parts = plus.dropFirst().split(separator: ",")
        guard let start = Int(parts.first ?? "") else { continue }
        let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        if count > 0 { lines[current, default: []].append(start...(start + count - 1)) }
      }
    }
    return lines
  }

  /// The paths among `paths` that git ignores (`.gitignore` files, `.git/info/exclude`, the
  /// global excludes file), as `git check-ignore` decides; a file git tracks is never ignored.
  /// Outside a git work tree, or without git, nothing is ignored.
  ///
  /// - Parameters:
  ///   - paths: files relative to `directory` (or absolute).
  ///   - directory: where to run git (default: the current folder).
  static func ignored(
    _ paths: [String], in directory: String = FileManager.default.currentDirectoryPath
  ) -> Set<String> {
    var ignored = Set<String>()
    var start = 0
    while start < paths.count {
      let chunk = Array(paths[start..<min(paths.count, start + 2000)])
      start += chunk.count
      // Status 0: some are ignored; 1: none; 128: not a repository, or a path outside it.
      let input = Data(chunk.map { $0 + "\0" }.joined().utf8)
      guard let result = try? git(["check-ignore", "--stdin", "-z"], in: directory, input: input),
        result.status == 0
      else { continue }
      ignored.formUnion(result.output.split(separator: "\0").map(String.init))
    }
    return ignored
  }

  // MARK: - Private

  private struct Output {
    let status: Int32
    let output: String
    let error: String
    var errorLine: String {
      error.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        ?? "exit status \(status)"
    }
  }

  private static func git(_ arguments: [String], in directory: String, input: Data? = nil) throws
    -> Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "core.quotePath=false"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inputPipe = input.map { _ in Pipe() }
    process.standardInput = inputPipe ?? FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw TermlintError.usage(
        "--changed-since needs git, which could not be started: \(error.localizedDescription)")
    }
    if let input, let inputPipe {
      // Written on another thread: git answers while it reads, and a full output pipe would
      // otherwise stall both.
      DispatchQueue.global().async {
        try? inputPipe.fileHandleForWriting.write(contentsOf: input)
        try? inputPipe.fileHandleForWriting.close()
      }
    }
    // Read standard error concurrently so neither pipe can fill up and stall git.
    let errorData = ErrorCollector()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    if process.terminationStatus == 127 {
      throw TermlintError.usage("--changed-since needs git, which is not installed or not on PATH")
    }
    return Output(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.data ?? Data(), as: UTF8.self))
  }

  /// Standard error of a git run, filled in by a reader on another thread.
  private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Data?

    var data: Data? {
      get { lock.withLock { value } }
      set { lock.withLock { value = newValue } }
    }
  }
}
