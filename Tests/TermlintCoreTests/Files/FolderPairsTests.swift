import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Article pairs in folders")
struct FolderPairsTests {
  let ru = LanguageTag("ru")!
  let en = LanguageTag("en")!

  @Test func theStandardPatternPairsSourceAndTargetSideBySide() {
    let inputs = ["a/talks.en.md", "a/talks.ru.md", "a/notes.txt"]
    let result = FolderPairs.pair(
      inputs, pattern: .standard, source: ru, target: en, exists: { inputs.contains($0) })
    #expect(result.inputs == ["a/notes.txt", "a/talks.en.md"])
    #expect(result.sources == ["a/talks.en.md": "a/talks.ru.md"])
    #expect(result.unpaired.isEmpty)
  }

  @Test func aSourceWithoutItsTranslationIsUnpairedAndNotChecked() {
    let inputs = ["brief.ru.md", "other.en.md"]
    let result = FolderPairs.pair(
      inputs, pattern: .standard, source: ru, target: en, exists: { inputs.contains($0) })
    #expect(result.inputs == ["other.en.md"])
    #expect(result.sources.isEmpty)
    #expect(result.unpaired == ["brief.ru.md"])
  }

  @Test func dotsInTheNameAndRegionSubtagsAndCaseAreUnderstood() {
    let inputs = ["v1.2.notes.RU.md", "v1.2.notes.en-GB.md"]
    let result = FolderPairs.pair(
      inputs, pattern: .standard, source: ru, target: LanguageTag("en-GB")!,
      exists: { inputs.contains($0) })
    #expect(result.sources == ["v1.2.notes.en-GB.md": "v1.2.notes.RU.md"])
  }

  @Test func aFolderPatternPairsAcrossLanguageFolders() throws {
    let pattern = try PairPattern("{lang}/{name}.{ext}")
    let inputs = ["site/ru/talks.md", "site/en/talks.md", "site/en/only.md"]
    let result = FolderPairs.pair(
      inputs, pattern: pattern, source: ru, target: en, exists: { inputs.contains($0) })
    #expect(result.inputs == ["site/en/only.md", "site/en/talks.md"])
    #expect(result.sources == ["site/en/talks.md": "site/ru/talks.md"])
  }

  @Test func aChangedSourceBringsItsTranslationAlong() {
    // --changed-since gave only the source: the pair is checked under the target's path.
    let result = FolderPairs.pair(
      ["talks.ru.md"], pattern: .standard, source: ru, target: en, exists: { $0 == "talks.en.md" })
    #expect(result.inputs == ["talks.en.md"])
    #expect(result.sources == ["talks.en.md": "talks.ru.md"])
  }

  @Test func namedFilesNoSourceLanguageOrNoPatternLeaveInputsAlone() {
    let inputs = ["talks.en.md", "talks.ru.md"]
    let exists: (String) -> Bool = { inputs.contains($0) }
    #expect(
      FolderPairs.pair(inputs, pattern: .standard, source: nil, target: en, exists: exists).inputs
        == inputs)
    #expect(
      FolderPairs.pair(inputs, pattern: nil, source: ru, target: en, exists: exists).inputs
        == inputs)
    let named = FolderPairs.pair(
      inputs, pattern: .standard, source: ru, target: en, explicit: Set(inputs), exists: exists)
    #expect(named.inputs == inputs && named.sources.isEmpty)
  }

  @Test func aPatternNeedsExactlyOneLanguagePlaceholder() {
    #expect(throws: TermlintError.self) { try PairPattern("{name}.{ext}") }
    #expect(throws: TermlintError.self) { try PairPattern("{lang}/{name}.{lang}.{ext}") }
    #expect(throws: TermlintError.self) { try PairPattern("{name}.{language}.{ext}") }
  }

  @Test func nearestNameFindsTheSubcommandMeant() {
    #expect(NearestName.closest(to: "glosary", among: ["lint", "fix", "glossary"]) == "glossary")
    #expect(NearestName.closest(to: "lnt", among: ["lint", "fix", "glossary"]) == "lint")
    #expect(NearestName.closest(to: "article", among: ["lint", "fix", "glossary"]) == nil)
  }
}
