import Foundation
import TermlintTestSupport
import TermlintText
import Testing

/// One reference row: a lower-cased word and the stem the Snowball reference produced for it.
private struct StemmerFixtureRow: Sendable {
  let word: String
  let stem: String
}

/// Loads `Fixtures/stemmer/<name>` (UTF-8, `word<TAB>stem` per line; the stem may be empty).
private func loadStemmerFixture(_ name: String) throws -> [StemmerFixtureRow] {
  let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/stemmer/\(name)")
    .standardizedFileURL
  let text = try String(contentsOf: url, encoding: .utf8)
  var rows: [StemmerFixtureRow] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    try #require(fields.count == 2, "malformed fixture line in \(name): \(line)")
    rows.append(StemmerFixtureRow(word: String(fields[0]), stem: String(fields[1])))
  }
  return rows
}

/// Checks every fixture row against `stemmer`, through both entry points.
private func checkAgainstReference(_ stemmer: some Stemmer, fixture name: String) throws {
  let rows = try loadStemmerFixture(name)
  #expect(rows.count >= 10_000, "\(name) has only \(rows.count) rows")
  #expect(Set(rows.map(\.word)).count == rows.count, "\(name) has duplicate words")

  var mismatches: [String] = []
  var mismatchCount = 0
  var utf16Disagreements: [String] = []
  for row in rows {
    // Compare code units, not `String ==` (which treats canonically equivalent strings as equal).
    let got = stemmer.stem(row.word)
    if !got.utf16.elementsEqual(row.stem.utf16) {
      mismatchCount += 1
      if mismatches.count < 20 { mismatches.append("\(row.word) -> \(got) (expected \(row.stem))") }
    }
    let viaUTF16 = stemmer.stem(utf16: Array(row.word.utf16))
    if !viaUTF16.elementsEqual(got.utf16), utf16Disagreements.count < 20 {
      let shown = String(decoding: viaUTF16, as: UTF16.self)
      utf16Disagreements.append("\(row.word): String -> \(got), UTF-16 -> \(shown)")
    }
  }
  #expect(
    mismatchCount == 0,
    "\(mismatchCount) of \(rows.count) words differ from the Snowball reference; first 20:\n\(mismatches.joined(separator: "\n"))"
  )
  #expect(
    utf16Disagreements.isEmpty,
    "UTF-16 entry point disagrees with the String one:\n\(utf16Disagreements.joined(separator: "\n"))"
  )
}

@Suite("Snowball stemmers")
struct StemmerTests {
  @Test("English agrees with the Snowball reference on every fixture word")
  func englishMatchesReference() throws {
    try checkAgainstReference(EnglishStemmer(), fixture: "english.tsv")
  }

  @Test("Russian agrees with the Snowball reference on every fixture word")
  func russianMatchesReference() throws {
    try checkAgainstReference(RussianStemmer(), fixture: "russian.tsv")
  }

  @Test(
    "English spot checks",
    arguments: [
      ("guarantees", "guarante"), ("assurances", "assur"), ("weapons", "weapon"),
      ("escalated", "escal"),
      ("generously", "generous"), ("skies", "sky"), ("dying", "die"), ("news", "news"),
      ("succeeding", "succeed"), ("sky's", "ski"), ("''s", ""), ("a", "a"), ("", ""),
    ])
  func englishSpotChecks(word: String, expected: String) {
    #expect(EnglishStemmer().stem(word) == expected)
  }

  @Test(
    "Russian spot checks",
    arguments: [
      ("гарантиях", "гарант"), ("безопасности", "безопасн"), ("вооружений", "вооружен"),
      ("вооружённых", "вооружен"), ("учёт", "учет"), ("ёж", "еж"), ("бывшими", "бывш"), ("", ""),
    ])
  func russianSpotChecks(word: String, expected: String) {
    #expect(RussianStemmer().stem(word) == expected)
  }

  @Test("Characters outside the BMP count as one letter, as in the reference")
  func nonBMPCharacters() {
    let english = EnglishStemmer()
    #expect(english.stem("😀ies") == "😀ie")
    #expect(english.stem("x😀cats") == "x😀cat")
    #expect(english.stem("😀😀y") == "😀😀i")
    #expect(english.stem("ye😀ing") == "ye😀e")
    #expect(english.stem("ab😀") == "ab😀")
    let russian = RussianStemmer()
    #expect(russian.stem("😀ёлками") == "😀елк")
    #expect(russian.stem("безопасно😀стями") == "безопасно😀ст")
    #expect(String(decoding: russian.stem(utf16: Array("😀ёлками".utf16)), as: UTF16.self) == "😀елк")
  }

  @Test("Language subtags")
  func languageSubtags() {
    #expect(EnglishStemmer().language == "en")
    #expect(RussianStemmer().language == "ru")
    let all: [any Stemmer] = [EnglishStemmer(), RussianStemmer()]
    #expect(all.map(\.language) == ["en", "ru"])
  }
}
