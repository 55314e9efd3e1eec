import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Glob")
struct GlobTests {
  private func matches(_ pattern: String, _ path: String) throws -> Bool {
    try Glob(pattern).matches(relativePath: path)
  }

  @Test func patternWithoutSlashMatchesTheNameInAnyFolder() throws {
    #expect(try matches("*.md", "a.md"))
    #expect(try matches("*.md", "news/2024/a.md"))
    #expect(try !matches("*.md", "a.md.bak"))
    #expect(try matches("drafts", "news/drafts"))
    #expect(try !matches("drafts", "news/drafts-old"))
  }

  @Test func patternWithSlashMatchesTheWholeRelativePath() throws {
    #expect(try matches("news/*.md", "news/a.md"))
    #expect(try !matches("news/*.md", "news/2024/a.md"), "* does not cross folders")
    #expect(try !matches("news/*.md", "old/news/a.md"))
    #expect(try matches("/a.md", "a.md"))
    #expect(try matches("./news/a.md", "news/a.md"))
  }

  @Test func globstarCrossesFoldersAndMatchesNone() throws {
    #expect(try matches("news/**", "news/2024/05/a.md"))
    #expect(try matches("news/**/a.md", "news/a.md"))
    #expect(try matches("news/**/a.md", "news/x/y/a.md"))
    #expect(try matches("**/a.md", "a.md"))
    #expect(try !matches("news/**/a.md", "newsroom/a.md"))
  }

  @Test func questionMarkClassesAndBraces() throws {
    #expect(try matches("?.txt", "a.txt"))
    #expect(try !matches("?.txt", "ab.txt"))
    #expect(try matches("[ab]*.po", "b-ru.po"))
    #expect(try !matches("[!ab]*.po", "b-ru.po"))
    #expect(try matches("[a-c].md", "c.md"))
    #expect(try matches("*.{md,txt}", "x.txt"))
    #expect(try matches("*.{md,txt}", "x.md"))
    #expect(try !matches("*.{md,txt}", "x.po"))
    #expect(try matches("{news,blog}/**/*.{md,xlf}", "blog/2024/post.xlf"))
    #expect(try matches("статьи/*.md", "статьи/новость.md"), "Unicode names")
    #expect(try matches(#"\*.md"#, "*.md"))
    #expect(try !matches(#"\*.md"#, "a.md"))
  }

  @Test func malformedPatternsAreUsageErrors() {
    for bad in ["", "[abc", "{md,txt", "a\\"] {
      #expect(throws: TermlintError.self, "\(bad)") { try Glob(bad) }
    }
  }
}
