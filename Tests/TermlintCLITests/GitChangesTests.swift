import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintText
@testable import termlint

@Suite("Git changed files")
struct GitChangesTests {
  @Test(.enabled(if: TestGit.isInstalled, "git is not installed"))
  func reportsCommittedUncommittedAndNewFilesSinceTheMergeBase() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    try t.write("old.md", "one\n")
    try t.write("same.md", "same\n")
    try t.write("gone.md", "gone\n")
    try t.write("news/статья.md", "один\n")
    try TestGit.run(["init", "-q"], in: t.root)
    try TestGit.run(["add", "."], in: t.root)
    try TestGit.run(["commit", "-q", "-m", "base"], in: t.root)
    try TestGit.run(["checkout", "-q", "-b", "topic"], in: t.root)
    try t.write("old.md", "two\n")
    try t.write("news/статья.md", "два\n")
    try TestGit.run(["rm", "-q", "gone.md"], in: t.root)
    try TestGit.run(["commit", "-q", "-am", "topic"], in: t.root)
    try t.write("same.md", "edited, not committed\n")
    try t.write("new.md", "untracked\n")
    try t.write(".gitignore", "ignored.md\n")
    try t.write("ignored.md", "ignored\n")
    let changed = try GitChanges.changedFiles(since: "main", in: t.root.path)
    #expect(changed == [".gitignore", "new.md", "news/статья.md", "old.md", "same.md"])
    #expect(
      try GitChanges.changedFiles(since: "main", in: t.path("news")) == ["статья.md"],
      "paths are relative to the folder")
  }

  @Test(.enabled(if: TestGit.isInstalled, "git is not installed"))
  func unknownRevisionAndMissingRepositoryAreClearUsageErrors() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    do {
      _ = try GitChanges.changedFiles(since: "main", in: t.root.path)
      Issue.record("a folder outside git must fail")
    } catch let error as TermlintError {
      #expect(error.kind == .usage && error.reason.contains("not inside"), "\(error)")
    }
    try t.write("a.md", "a\n")
    try TestGit.run(["init", "-q"], in: t.root)
    try TestGit.run(["add", "."], in: t.root)
    try TestGit.run(["commit", "-q", "-m", "base"], in: t.root)
    do {
      _ = try GitChanges.changedFiles(since: "no-such-branch", in: t.root.path)
      Issue.record("an unknown revision must fail")
    } catch let error as TermlintError {
      #expect(error.reason.contains("unknown git revision 'no-such-branch'"), "\(error)")
    }
    #expect(throws: TermlintError.self) {
      try GitChanges.changedFiles(since: "--output=/tmp/x", in: t.root.path)
    }
  }
}
