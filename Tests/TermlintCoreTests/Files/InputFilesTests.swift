import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Input files")
struct InputFilesTests {
  /// A tree with checkable files, other files, hidden folders and a nested folder.
  private func tree() throws -> TemporaryTree {
    let t = try TemporaryTree()
    for name in [
      "b.md", "a.txt", "c.xlf", "d.XLIFF", "e.po", "f.tmx", "g.markdown", "notes.json", "image.png",
      "README",
      "sub/z.md", "sub/deeper/y.txt", "drafts/x.md", ".hidden/h.md", ".dot.md",
      "sub/.git/config.md",
    ] {
      try t.write(name, "text\n")
    }
    return t
  }

  @Test func folderWalkUsesDefaultExtensionsSkipsHiddenAndSortsByPath() throws {
    let t = try tree()
    defer { t.remove() }
    let files = try InputFiles.expand([t.root.path])
    let relative = files.map { String($0.dropFirst(t.root.path.count + 1)) }
    #expect(
      relative == [
        "a.txt", "b.md", "c.xlf", "d.XLIFF", "drafts/x.md", "e.po", "f.tmx", "g.markdown",
        "sub/deeper/y.txt", "sub/z.md",
      ])
    #expect(files == files.sorted())
  }

  @Test func pathsKeepTheSpellingGiven() throws {
    let t = try tree()
    defer { t.remove() }
    let r = t.root.path
    #expect(try InputFiles.expand([r + "/sub/"]) == [r + "/sub/deeper/y.txt", r + "/sub/z.md"])
    #expect(try InputFiles.expand([r + "/sub"]) == [r + "/sub/deeper/y.txt", r + "/sub/z.md"])
    #expect(
      try InputFiles.expand([r + "/./sub//"]) == [r + "/./sub/deeper/y.txt", r + "/./sub/z.md"])
    // Named files are checked whatever their extension, and each file once.
    #expect(
      try InputFiles.expand([r + "/notes.json", r + "/sub", r + "/sub/z.md", r + "/./sub/z.md"])
        == [r + "/notes.json", r + "/sub/deeper/y.txt", r + "/sub/z.md"])
    #expect(try InputFiles.expand(["-", r + "/b.md", "-"]) == ["-", r + "/b.md"])
  }

  @Test func includeReplacesExtensionsAndExcludePrunes() throws {
    let t = try tree()
    defer { t.remove() }
    let include = InputSelection(include: [try Glob("*.json"), try Glob("sub/**/*.txt")])
    #expect(
      try InputFiles.expand([t.root.path], selection: include).map {
        String($0.dropFirst(t.root.path.count + 1))
      } == ["notes.json", "sub/deeper/y.txt"])
    let exclude = InputSelection(exclude: [
      try Glob("drafts"), try Glob("*.po"), try Glob("sub/deeper/**"),
    ])
    let kept = try InputFiles.expand([t.root.path], selection: exclude).map {
      String($0.dropFirst(t.root.path.count + 1))
    }
    #expect(kept == ["a.txt", "b.md", "c.xlf", "d.XLIFF", "f.tmx", "g.markdown", "sub/z.md"])
  }

  @Test func symbolicLinksToFilesAreFollowedButNotToFolders() throws {
    let t = try tree()
    defer { t.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: t.path("link.md"), withDestinationPath: t.path("b.md"))
    try FileManager.default.createSymbolicLink(
      atPath: t.path("sub/loop"), withDestinationPath: t.root.path)
    try FileManager.default.createSymbolicLink(
      atPath: t.path("dangling.md"), withDestinationPath: t.path("missing.md"))
    let relative = try InputFiles.expand([t.root.path]).map {
      String($0.dropFirst(t.root.path.count + 1))
    }
    #expect(relative.contains("link.md"))
    #expect(!relative.contains { $0.hasPrefix("sub/loop") })
    #expect(!relative.contains("dangling.md"))
  }

  @Test func missingPathIsAnInputErrorNamingIt() throws {
    #expect(throws: TermlintError.input("no/such/folder", "no such file or folder")) {
      try InputFiles.expand(["no/such/folder"])
    }
  }

  @Test func changedFilesAreFilteredLikeAWalk() {
    let changed = [
      "a.md", "src/main.swift", "news/b.txt", ".github/x.md", "news/drafts/c.md", "other/d.md",
    ]
    let selection = InputSelection(exclude: [try! Glob("drafts")])
    #expect(
      InputFiles.filter(changed, under: [], selection: selection) == [
        "a.md", "news/b.txt", "other/d.md",
      ])
    #expect(InputFiles.filter(changed, under: ["news/"], selection: selection) == ["news/b.txt"])
    #expect(
      InputFiles.filter(changed, under: ["a.md", "other"], selection: selection) == [
        "a.md", "other/d.md",
      ])
  }
}
