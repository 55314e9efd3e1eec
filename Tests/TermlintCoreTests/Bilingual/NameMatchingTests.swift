import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

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
      ("Zelensky", "Zelenskiy"), ("Dmitri", "Dmitry"), ("Alexei", "Aleksey"), ("Yevgeny", "Evgeny"),
      ("Vassily", "Vasily"),
      ("Riabkov", "Ryabkov"), ("Shoigu", "Shoygu"), ("Maria", "Mariya"), ("Fyodor", "Fedor"),
      ("Alexander", "Aleksandr"),
      ("Matvienko", "Matviyenko"), ("Tchaikovsky", "Chaykovskiy"),
    ]
    for (a, b) in same {
      #expect(NameMatching.skeleton(a) == NameMatching.skeleton(b), "\(a) ~ \(b)")
    }
    for (a, b) in [
      ("Ryabkov", "Rybakov"), ("Peskov", "Peksov"), ("Lavrov", "Lavorv"), ("Grushko", "Gruschko"),
    ] {
      #expect(NameMatching.skeleton(a) != NameMatching.skeleton(b), "\(a) ≠ \(b)")
    }
  }

  @Test func distanceCountsTranspositionsOnce() {
    #expect(NameMatching.distance(Array("peskov"), Array("peksov")) == 1)
    #expect(NameMatching.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(NameMatching.distance([], Array("abc")) == 3)
  }

  @Test func derivedFormsAreNotMisspellings() {
    func derived(_ a: String, _ b: String) -> Bool {
      NameMatching.isDerived(NameMatching.fold(a), from: NameMatching.fold(b))
    }
    #expect(derived("Russian", "Russia"))
    #expect(derived("Crimean", "Crimea"))
    #expect(derived("Ryabkova", "Ryabkov"))
    #expect(derived("Zelenska", "Zelensky"))
    #expect(derived("Kremlins", "Kremlin"))
    #expect(!derived("Riabkow", "Ryabkov"))
  }

  /// Near misses of the shipped glossary's names in English text.
  static func misses(_ text: String) throws -> [String] {
    let glossary = try CompiledGlossary(
      GlossaryIO.load(path: TestPaths.repo("Glossaries/security-ru-en.csv")))
    let index = NameIndex(
      glossary: glossary, language: LanguageTag("en"), source: LanguageTag("ru"))
    let file = SourceFile(path: "t", text: text)
    let span = try TermMatcher(glossary: glossary).annotate(
      TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag("en")),
      language: LanguageTag("en"))
    return index.nearMisses(in: span).map {
      "\(span.file.text(in: span.fileRange(text: span.textRange(tokens: $0.tokens))))→\($0.suggestion)"
    }
  }

  @Test func nearMissesOfGlossaryNames() throws {
    #expect(try Self.misses("Deputy Foreign Minister Sergey Riabkow spoke.") == ["Riabkow→Ryabkov"])
    #expect(try Self.misses("Kremlin spokesman Dmitry Peksov declined.") == ["Peksov→Peskov"])
    #expect(
      try Self.misses("The talks in Kyiv, said Volodymyr Zelenskiy.") == ["Zelenskiy→Zelensky"])
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

/// The name index (names looked up by first letter, distance before the other tests) against
/// the exhaustive comparison of every name with every capitalised sequence.
@Suite("Name index")
struct NameIndexTests {
  /// A deterministic generator (xorshift), so failures reproduce.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
  }

  static let stems = [
    "Ryabk", "Pesk", "Lavr", "Zelensk", "Grushk", "Petr", "Sidor", "Navaln", "Shoig", "Matvienk",
    "Kozak", "Medvedev",
  ]
  static let endings = ["ov", "ova", "y", "iy", "aya", "in", "o", "enko", "ev", "ski"]
  static let firstNames = [
    "Sergey", "Dmitry", "Anna", "Alexei", "Maria", "Yevgeny", "Valentina", "Ivan", "Fyodor", "Oleg",
  ]

  /// A random spelling change: a letter changed, dropped, doubled or two swapped.
  static func mangle(_ word: String, _ g: inout Generator) -> String {
    var c = Array(word)
    guard c.count > 2 else { return word }
    let k = 1 + g.next(c.count - 1)
    switch g.next(4) {
    case 0: c[k] = g.pick(Array("aeiouykvsw"))
    case 1: c.remove(at: k)
    case 2: c.insert(c[k], at: k)
    default: if k + 1 < c.count { c.swapAt(k, k + 1) }
    }
    return String(c)
  }

  @Test func indexFindsExactlyWhatTheExhaustiveSearchFinds() throws {
    var g = Generator(state: 0x9E37_79B9_7F4A_7C15)
    let en = try #require(LanguageTag("en"))
    let ru = try #require(LanguageTag("ru"))
    var concepts: [Concept] = []
    var surnames: [String] = []
    for n in 0..<300 {
      let surname = g.pick(Self.stems) + g.pick(Self.endings)
      surnames.append(surname)
      let text =
        n % 3 == 0
        ? surname
        : (n % 3 == 1
          ? "\(g.pick(Self.firstNames)) \(surname)"
          : "\(g.pick(Self.firstNames)) \(g.pick(Self.firstNames)) \(surname)")
      concepts.append(
        Concept(
          id: "c\(n)",
          terms: [
            Term(text, language: en, status: .preferred, partOfSpeech: "properNoun"),
            Term("Имя\(n)", language: ru, status: .preferred, partOfSpeech: "properNoun"),
          ]))
    }
    concepts.append(
      Concept(id: "plain", terms: [Term("security guarantee", language: en, status: .preferred)]))
    let glossary = try CompiledGlossary(Glossary(concepts: concepts))
    let index = NameIndex(glossary: glossary, language: en, source: ru)
    let matcher = try TermMatcher(glossary: glossary)
    var compared = 0
    var found = 0
    for _ in 0..<400 {
      var sentence: [String] = ["Officials", "said"]
      for _ in 0..<(1 + g.next(3)) {
        let surname = g.pick(surnames)
        let words = (0..<g.next(3)).map { _ in g.pick(Self.firstNames) } + [surname]
        sentence +=
          words.map { g.next(2) == 0 ? Self.mangle($0, &g) : $0 } + [
            g.pick(["met", "and", "told", "with"])
          ]
      }
      let text = sentence.joined(separator: " ") + "."
      let file = SourceFile(path: "t", text: text)
      let span = matcher.annotate(
        TextSpan(file: file, range: 0..<file.utf16.count, language: en), language: en)
      func key(_ misses: [NameIndex.NearMiss]) -> [String] {
        misses.map { "\($0.tokens) \($0.name.entryIndex) \($0.suggestion)" }
      }
      let indexed = key(index.nearMisses(in: span))
      let exhaustive = key(index.nearMisses(in: span, exhaustive: true))
      #expect(indexed == exhaustive, "\(text)")
      let concepts = Set((0..<40).map { _ in g.next(300) })
      #expect(
        key(index.nearMisses(in: span, concepts: concepts))
          == key(index.nearMisses(in: span, concepts: concepts, exhaustive: true)), "\(text)")
      compared += 1
      found += indexed.count
    }
    #expect(compared == 400)
    #expect(found > 50, "the generated text should have near misses to compare (found \(found))")
  }
}
