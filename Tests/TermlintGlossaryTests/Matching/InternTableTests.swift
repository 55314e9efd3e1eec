import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

@Suite("UTF16Table and EdgeTable: the matcher's hash tables agree with Dictionary")
struct InternTableTests {
  /// Random short UTF-16 keys: ASCII, Cyrillic, a combining mark and lone or paired surrogates.
  func keys(_ count: Int, seed: UInt64) -> [[UInt16]] {
    var rng = SeededGenerator(seed: seed)
    let alphabet: [UInt16] = [
      0x61, 0x62, 0x7A, 0x27, 0x2D, 0x0434, 0x0416, 0x0301, 0xD83D, 0xDE00, 0x20,
    ]
    return (0..<count).map { _ in
      (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
    }
  }

  @Test func internGivesDenseIdsAndLookupAgreesWithADictionary() {
    var table = UTF16Table(capacity: 4)
    var reference: [[UInt16]: Int32] = [:]
    for key in keys(20_000, seed: 7) {
      let id = table.intern(key)
      if let known = reference[key] {
        #expect(id == known)
      } else {
        #expect(id == Int32(reference.count))
        reference[key] = id
      }
    }
    #expect(table.count == reference.count)
    for (key, id) in reference {
      #expect(table.id(of: key) == id)
      #expect(Array(table.key(id)) == key)
    }
    for key in keys(2_000, seed: 8) {
      #expect(table.id(of: key) == reference[key])
    }
  }

  @Test func lookupBySliceOfALargerBufferFindsTheKey() {
    var table = UTF16Table()
    let word = Array("guarantee".utf16)
    let id = table.intern(word)
    let text = Array("security guarantees".utf16)
    text.withUnsafeBufferPointer { buffer in
      #expect(table.id(of: UnsafeBufferPointer(rebasing: buffer[9..<18])) == id)
      #expect(table.id(of: UnsafeBufferPointer(rebasing: buffer[9..<19])) == nil)
      #expect(table.id(of: UnsafeBufferPointer(rebasing: buffer[0..<0])) == nil)
    }
    #expect(table.intern([]) == 1)
    #expect(table.id(of: []) == 1)
  }

  @Test func edgeTableAgreesWithADictionary() {
    var rng = SeededGenerator(seed: 11)
    var table = EdgeTable()
    var reference: [UInt64: Int32] = [:]
    for n in 0..<50_000 {
      // Clustered keys (node << 34 | small edge labels), as the trie makes them.
      let key =
        UInt64.random(in: 0..<5_000, using: &rng) << 34 | UInt64.random(in: 0..<64, using: &rng)
      if reference[key] == nil {
        reference[key] = Int32(n)
        table.insert(key, Int32(n))
      }
    }
    #expect(table.count == reference.count)
    for (key, value) in reference { #expect(table[key] == value) }
    for _ in 0..<5_000 {
      let key = UInt64.random(in: 5_000..<6_000, using: &rng) << 34
      #expect(table[key] == nil)
    }
  }

  @Test func aMatcherReusedAcrossSpansFindsWhatAFreshOneFinds() throws {
    let en = LanguageTag("en")!
    let ru = LanguageTag("ru")!
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "a",
          terms: [
            Term("security guarantee", language: en), Term("гарантия безопасности", language: ru),
          ]),
        Concept(
          id: "b", terms: [Term("NATO", language: en), Term("open-door policy", language: en)]),
        Concept(id: "c", terms: [Term("Сергей Лавров", language: ru, partOfSpeech: "properNoun")]),
      ]))
    let texts: [(String, LanguageTag)] = [
      ("Security guarantees and a security guarantee; Nato's open-door policy.", en),
      (
        "Гарантии безопасности обсуждал Сергей Лавров, потом гарантию безопасности — Сергея Лаврова.",
        ru
      ),
      ("NATO, nato and the open door policy; security-guarantees.", en),
      ("Лавров и лавров лист.", ru),
    ]
    let shared = try TermMatcher(glossary: glossary)
    for _ in 0..<2 {
      for (text, language) in texts {
        let file = SourceFile(path: "t", text: text)
        let span = TextSpan(file: file, range: 0..<file.utf16.count, language: language)
        let fresh = try TermMatcher(glossary: glossary).annotate(span, language: language)
        let reused = shared.annotate(span, language: language)
        #expect(reused.hits == fresh.hits)
        #expect(reused.tokens == fresh.tokens)
      }
    }
  }
}
