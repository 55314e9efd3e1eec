import Foundation
import Testing

@Suite(
  "The glossary cache from the command line (--no-cache, TERMLINT_NO_CACHE, TERMLINT_CACHE_DIR)")
struct GlossaryCacheCommandTests {
  static let article = ["lint", "--pipeline", "Pipelines/default.yml", "Examples/article.en.md"]

  func cacheFiles(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      $0.hasSuffix(".tlgc")
    }
  }

  @Test func findingsAreByteIdenticalWithAColdAndAWarmCache() throws {
    let cache = try CLI.temporaryDirectory().appendingPathComponent("cache")
    let env = ["TERMLINT_CACHE_DIR": cache.path]
    for format in ["text", "json", "sarif"] {
      let uncached = try CLI.run(
        Self.article + ["--format", format, "--no-cache"], environment: env)
      let cold = try CLI.run(Self.article + ["--format", format], environment: env)
      #expect(cacheFiles(cache).count == 1, "the first run wrote the cache")
      let warm = try CLI.run(Self.article + ["--format", format], environment: env)
      #expect(uncached.status == 1 && cold.status == 1 && warm.status == 1)
      #expect(cold.stdout == uncached.stdout && warm.stdout == cold.stdout, "\(format)")
      #expect(cold.stderr == uncached.stderr && warm.stderr == cold.stderr, "\(format)")
    }
  }

  @Test func noCacheReadsAndWritesNothing() throws {
    let cache = try CLI.temporaryDirectory().appendingPathComponent("cache")
    let env = ["TERMLINT_CACHE_DIR": cache.path]
    let flag = try CLI.run(Self.article + ["--no-cache"], environment: env)
    #expect(flag.status == 1)
    #expect(!FileManager.default.fileExists(atPath: cache.path), "--no-cache writes nothing")
    let variable = try CLI.run(
      Self.article, environment: env.merging(["TERMLINT_NO_CACHE": "1"]) { $1 })
    #expect(variable.status == 1 && variable.stdout == flag.stdout)
    #expect(
      !FileManager.default.fileExists(atPath: cache.path), "TERMLINT_NO_CACHE=1 writes nothing")
    let fix = try CLI.run(
      [
        "fix", "--glossary", "Glossaries/security-ru-en.csv", "--dry-run", "--no-cache",
        "Examples/article.en.md",
      ], environment: env)
    #expect(!fix.stderr.contains("Unknown option"), "\(fix.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cache.path), "fix --no-cache writes nothing")
  }

  @Test func anUnwritableCacheFolderIsSilent() throws {
    let folder = try CLI.temporaryDirectory()
    let blocker = folder.appendingPathComponent("not-a-folder")
    try "x".write(to: blocker, atomically: true, encoding: .utf8)
    let blocked = try CLI.run(
      Self.article,
      environment: ["TERMLINT_CACHE_DIR": blocker.appendingPathComponent("cache").path])
    let uncached = try CLI.run(Self.article + ["--no-cache"])
    #expect(
      blocked.status == 1 && blocked.stdout == uncached.stdout && blocked.stderr == uncached.stderr,
      "no warning")
  }

  @Test func aCorruptCacheFileIsReplaced() throws {
    let cache = try CLI.temporaryDirectory().appendingPathComponent("cache")
    let env = ["TERMLINT_CACHE_DIR": cache.path]
    let first = try CLI.run(Self.article, environment: env)
    let name = try #require(cacheFiles(cache).first)
    let file = cache.appendingPathComponent(name)
    let good = try Data(contentsOf: file)
    try good.prefix(good.count / 2).write(to: file)
    let second = try CLI.run(Self.article, environment: env)
    #expect(second.stdout == first.stdout && second.stderr == first.stderr)
    #expect(try Data(contentsOf: file) == good, "rewritten")
  }
}
