import Foundation
import TermlintGlossary
import TermlintTestSupport
import TermlintText
import Testing

/// What the README shows a library user: a TBX loaded and its terms matched in text with
/// TermlintGlossary and TermlintText alone, through their public API (no `@testable`).
@Suite("Library use without TermlintCore")
struct LibraryUseTests {
  @Test func aShippedTBXFindsItsTermsInText() throws {
    let glossary = try CompiledGlossary(
      GlossaryIO.load(path: TestPaths.repo("Glossaries/security-ru-en.tbx")))
    let matcher = try TermMatcher(glossary: glossary)
    let english = LanguageTag("en")
    let file = SourceFile(
      path: "note.md", text: "Kyiv wants security assurances, not security guarantees.\n")
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: english)
    let found = matcher.annotate(span, language: english).hits.map { hit in
      let term = glossary.entries[hit.entryIndex].term
      return
        "\(String(utf16Units: Array(file.utf16[hit.fileRange]))) \(term.status?.rawValue ?? "-")"
    }
    #expect(
      found == [
        "Kyiv preferred", "security assurances deprecated", "security guarantees preferred",
      ])
  }
}
