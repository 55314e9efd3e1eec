import Testing

@testable import TermlintCore

@Suite("Reader choice")
struct DocumentReaderChoiceTests {
  @Test func readerIsChosenByExtension() throws {
    #expect(DocumentReader.Format(path: "a/B.XLF") == .xliff)
    #expect(
      DocumentReader.Format(path: "x.sdlxliff") == .xliff
        && DocumentReader.Format(path: "x.mqxliff") == .xliff)
    #expect(
      DocumentReader.Format(path: "ru.pot") == .po && DocumentReader.Format(path: "m.tmx") == .tmx)
    #expect(
      DocumentReader.Format(path: "a.md") == .markdown && DocumentReader.Format(path: "-") == .text)
    let markdown = try DocumentReader.read(
      bytes: Array("# Title\n\nText `code` here.\n".utf8), path: "a.md", defaults: DocTest.ruEn)
    #expect(
      markdown.format == "markdown" && markdown.units.count == 2
        && markdown.targetLanguage?.value == "en")
  }
}
