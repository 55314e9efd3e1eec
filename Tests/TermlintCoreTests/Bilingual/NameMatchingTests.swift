import Testing
@testable import TermlintCore

@Suite("Name matching")
struct NameMatchingTests {
  @Test func russianLatinBGNRomanizesNames() throws {
    let bgn = try #require(Transliterator.russianLatinBGN)
    #expect(bgn.transliterate("Сергей Рябков") == "Sergey Ryabkov")
    #expect(bgn.transliterate("Зеленский") == "Zelenskiy")
    #expect(bgn.transliterate("") == "")
    #expect(throws: ICUError.self) { try Transliterator(id: "No-Such/Transliterator") }
  }

  @Test func skeletonsEquateRomanizationVariants() {
    let same = [
      ("Zelensky", "Zelenskiy"), ("Dmitri", "Dmitry"), ("Alexei", "Aleksey"), ("Yevgeny", "Evgeny"), ("Vassily", "Vasily"),
      ("Riabkov", "Ryabkov"), ("Shoigu", "Shoygu"), ("Maria", "Mariya"), ("Fyodor", "Fedor"), ("Alexander", "Aleksandr"),
      ("Matvienko", "Matviyenko"), ("Tchaikovsky", "Chaykovskiy"),
    ]
    for (a, b) in same { #expect(NameMatching.skeleton(a) == NameMatching.skeleton(b), "\(a) ~ \(b)") }
    for (a, b) in [("Ryabkov", "Rybakov"), ("Peskov", "Peksov"), ("Lavrov", "Lavorv"), ("Grushko", "Gruschko")] {
      #expect(NameMatching.skeleton(a) != NameMatching.skeleton(b), "\(a) ≠ \(b)")
    }
  }

  @Test func distanceCountsTranspositionsOnce() {
    #expect(NameMatching.distance(Array("peskov"), Array("peksov")) == 1)
    #expect(NameMatching.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(NameMatching.distance([], Array("abc")) == 3)
  }

  @Test func derivedFormsAreNotMisspellings() {
    func derived(_ a: String, _ b: String) -> Bool { NameMatching.isDerived(NameMatching.fold(a), from: NameMatching.fold(b)) }
    #expect(derived("Russian", "Russia"))
    #expect(derived("Crimean", "Crimea"))
    #expect(derived("Ryabkova", "Ryabkov"))
    #expect(derived("Zelenska", "Zelensky"))
    #expect(derived("Kremlins", "Kremlin"))
    #expect(!derived("Riabkow", "Ryabkov"))
  }

  /// Near misses of the shipped glossary's names in English text.
  static func misses(_ text: String) throws -> [String] {
    let glossary = try CompiledGlossary(GlossaryIO.load(path: TestPaths.repo("Glossaries/security-ru-en.csv")))
    let index = NameIndex(glossary: glossary, language: LanguageTag("en"), source: LanguageTag("ru"))
    let file = SourceFile(path: "t", text: text)
    let span = try TermMatcher(glossary: glossary).annotate(TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag("en")), language: LanguageTag("en"))
    return index.nearMisses(in: span).map { "\(span.span.file.text(in: span.fileRange(text: span.textRange(tokens: $0.tokens))))→\($0.suggestion)" }
  }

  @Test func nearMissesOfGlossaryNames() throws {
    #expect(try Self.misses("Deputy Foreign Minister Sergey Riabkow spoke.") == ["Riabkow→Ryabkov"])
    #expect(try Self.misses("Kremlin spokesman Dmitry Peksov declined.") == ["Peksov→Peskov"])
    #expect(try Self.misses("The talks in Kyiv, said Volodymyr Zelenskiy.") == ["Zelenskiy→Zelensky"])
    #expect(try Self.misses("He met Alexander Gruschko in Brussels.") == ["Gruschko→Grushko"])
    #expect(try Self.misses("He said Lavrow had left.") == ["Lavrow→Lavrov"])
  }

  @Test func noNearMissesInOrdinaryText() throws {
    let text = """
      Foreign Minister Sergey Lavrov met Deputy Foreign Minister Sergey Ryabkov. Lavrov's aide said the Russian side \
      and Crimean officials agreed. Put simply, the Kremlin disagreed. War Crimes in Ukraine were discussed. \
      Anna Ryabkova and Olena Zelenska attended. Sergei Shoigu arrived. The Organisation for Economic Co-operation \
      and Development met in Serie A stadiums. Moscow's view prevailed in Kyiv's absence.
      """
    let found = try Self.misses(text)
    #expect(found.isEmpty, "\(found)")
  }
}
