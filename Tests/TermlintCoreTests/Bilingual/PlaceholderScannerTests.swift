import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Placeholder scanner")
struct PlaceholderScannerTests {
  static func keys(_ text: String, flags: Set<String> = [], placeholders: [Placeholder] = [])
    -> [String]
  {
    let file = SourceFile(path: "t", text: text)
    var span = TextSpan(file: file, range: 0..<file.utf16.count, language: nil)
    span.placeholders = placeholders
    return PlaceholderScanner(flags: flags, languageCodes: ["ru", "en"]).codes(in: span).map(\.key)
  }

  @Test func printfOnlyWhereItCannotBeAPercentSign() {
    #expect(Self.keys("Delete %d files from %s?") == ["%d", "%s"])
    #expect(Self.keys("Moved %2$s to %1$s.") == ["%2$s", "%1$s"])
    #expect(Self.keys("Growth of 5% of GDP, 100%done, 50%d") == [])
    // with the flag, "% d" is a conversion
    #expect(Self.keys("5% done", flags: ["c-format"]) == ["%d"])
    #expect(Self.keys("Delete %d files", flags: ["no-c-format"]) == [])
    #expect(Self.keys("100%% sure") == [])
  }

  @Test func pythonBracesAndICU() {
    #expect(Self.keys("Hello, %(name)s!") == ["%(name)s"])
    #expect(Self.keys("From {0} to {name}") == ["{0}", "{name}"])
    #expect(Self.keys("Hi {{ user.name }} and {{x}}") == ["{{user.name}}", "{{x}}"])
    #expect(
      Self.keys("{count, plural, one {# file in {folder}} other {# files}}") == [
        "{count, plural}", "{folder}",
      ])
  }

  @Test func urlsAndEmailsIgnoreLanguageCodesAndTrailingPunctuation() {
    #expect(
      Self.keys("See https://example.org/ru/news.")
        == Self.keys("See http://www.example.org/en/news/"))
    #expect(
      Self.keys("See https://ru.example.org/a?lang=ru")
        == Self.keys("See https://en.example.org/a?lang=en"))
    #expect(Self.keys("Write to Press@Example.org.") == ["email:press@example.org"])
    #expect(Self.keys("(see https://example.org/a_(b))") == ["url:example.org/a_(b)"])
  }

  @Test func inlineCodesByKindAndID() {
    let codes = [
      Placeholder(id: "1", kind: "x"), Placeholder(id: "2", kind: "ph", content: "<br/>"),
    ]
    #expect(Self.keys("Click \u{FFFC} then \u{FFFC}", placeholders: codes) == ["x:1", "ph:2"])
  }
}
