import Foundation
import Testing

/// Runs git for tests that build a repository: a fixed identity, `main` as the first branch,
/// no signing, output discarded; a failing command fails the test.
enum TestGit {
  static var isInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
      || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git")
  }

  static func run(_ arguments: [String], in directory: URL) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments =
      [
        "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c",
        "init.defaultBranch=main", "-c", "commit.gpgsign=false",
      ] + arguments
    p.currentDirectoryURL = directory
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try #require(p.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
  }
}
