import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Atomic file writes")
struct AtomicFileTests {
  @Test func replacesContentKeepsPermissionsAndLeavesNoTemporaryFile() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let path = try t.write("report.sarif", "old")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    try AtomicFile.write(Array("new ✓ 😀".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new ✓ 😀")
    #expect(
      (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o640)
    #expect(try t.entries() == ["report.sarif"])
  }

  @Test func writesThroughASymbolicLink() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    let real = try t.write("real.md", "old")
    try FileManager.default.createSymbolicLink(atPath: t.path("link.md"), withDestinationPath: real)
    try AtomicFile.write(Array("new".utf8), to: t.path("link.md"))
    #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
    #expect(
      (try FileManager.default.attributesOfItem(atPath: t.path("link.md"))[.type]
        as? FileAttributeType) == .typeSymbolicLink)
  }

  @Test func failuresNameThePathAndLeaveNothingBehind() throws {
    let t = try TemporaryTree()
    defer { t.remove() }
    #expect(throws: TermlintError.self) {
      try AtomicFile.write([1], to: t.path("missing/out.json"))
    }
    try FileManager.default.createDirectory(
      atPath: t.path("folder"), withIntermediateDirectories: true)
    do {
      try AtomicFile.write([1], to: t.path("folder"))
      Issue.record("writing over a folder must fail")
    } catch let error as TermlintError {
      #expect(error.file == t.path("folder"))
    }
    try FileManager.default.createDirectory(
      atPath: t.path("locked"), withIntermediateDirectories: true)
    try t.write("locked/out.json", "kept")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o555], ofItemAtPath: t.path("locked"))
    defer {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: t.path("locked"))
    }
    // Root ignores folder permissions; the check only means something for other users.
    if getuid() != 0 {
      #expect(throws: TermlintError.self) {
        try AtomicFile.write([1], to: t.path("locked/out.json"))
      }
      #expect(try String(contentsOfFile: t.path("locked/out.json"), encoding: .utf8) == "kept")
    }
    #expect(try t.entries("locked") == ["out.json"])
    #expect(try t.entries() == ["folder", "locked"])
  }
}
