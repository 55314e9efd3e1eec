import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Number scanner")
struct NumberScannerTests {
  /// The numbers of a text: primary value, every reading, whether hard, and the text they cover.
  static func scan(_ text: String, _ language: String) throws -> [(
    value: Double, values: [Double], hard: Bool, text: String
  )] {
    let matcher = try TermMatcher(glossary: TestLint.exampleGlossary)
    let file = SourceFile(path: "t", text: text)
    let tag = LanguageTag(language)
    let span = matcher.annotate(
      TextSpan(file: file, range: 0..<file.utf16.count, language: tag), language: tag)
    return NumberScanner(language: tag).mentions(in: span).map {
      (
        $0.values[0], $0.values, $0.isHard,
        String(decoding: Array(text.utf16)[$0.textRange], as: UTF16.self)
      )
    }
  }

  static func hard(_ text: String, _ language: String) throws -> [Double] {
    try scan(text, language).filter(\.hard).map(\.value)
  }

  static func soft(_ text: String, _ language: String) throws -> [Double] {
    try scan(text, language).filter { !$0.hard }.map(\.value)
  }

  @Test func russianDigitGroupsAndDecimals() throws {
    #expect(try Self.hard("12 500 военных", "ru") == [12500])
    #expect(try Self.hard("12\u{00A0}500 военных", "ru") == [12500])
    #expect(try Self.hard("12\u{202F}500 военных", "ru") == [12500])
    #expect(try Self.hard("1 000 000 рублей", "ru") == [1_000_000])
    #expect(try Self.hard("рост на 3,5%", "ru") == [3.5])
    #expect(try Self.hard("в 2014 году 300 человек", "ru") == [2014, 300])
    #expect(try Self.scan("текст 1.1", "ru").map(\.value) == [1.1])
  }

  @Test func englishDigitGroupsAndDecimals() throws {
    #expect(try Self.hard("12,500 troops", "en") == [12500])
    #expect(try Self.hard("12\u{00A0}500 troops", "en") == [12500])
    #expect(try Self.hard("in 2014 300 people", "en") == [2014, 300])
    #expect(try Self.hard("growth of 3.5%", "en") == [3.5])
    #expect(try Self.hard("from 13.04% to .08%", "en") == [13.04, 0.08])
    #expect(try Self.hard("1,234,567.5 units", "en") == [1_234_567.5])
  }

  @Test func multipliersOrdinalsDecadesAndTimes() throws {
    #expect(try Self.scan("5 млн долларов", "ru").first?.values.first == 5e6)
    #expect(try Self.scan("2,5 тыс. человек", "ru").first?.values.first == 2500)
    #expect(try Self.scan("$5 million", "en").first?.values.first == 5e6)
    #expect(try Self.scan("a $12bn deal", "en").first?.values.first == 12e9)
    #expect(try Self.hard("for the 21st time", "en") == [21])
    #expect(try Self.hard("в 21-й раз", "ru") == [21])
    #expect(try Self.hard("13-го числа", "ru") == [13])
    #expect(try Self.scan("в 1990-х", "ru").map(\.values) == [[1990]])
    #expect(try Self.scan("в 90-х", "ru").map(\.values) == [[90, 1990, 2090]])
    #expect(try Self.scan("in the 1990s", "en").map(\.values) == [[1990]])
    #expect(try Self.scan("at 3 p.m.", "en").first?.values.contains(15) == true)
    #expect(try Self.scan("в 15:30", "ru").first?.values.contains(15.5) == true)
    #expect(try Self.scan("in 2010–11", "en").last?.values.contains(2011) == true)
  }

  @Test func spelledOutNumbersAreSoft() throws {
    #expect(try Self.soft("two delegations", "en") == [2])
    #expect(try Self.soft("twenty-five drones", "en") == [25])
    #expect(try Self.soft("one hundred and five", "en") == [105])
    #expect(try Self.soft("two million people", "en") == [2e6])
    #expect(try Self.soft("двух делегаций", "ru") == [2])
    #expect(try Self.soft("двадцать пять тысяч", "ru") == [25000])
    #expect(try Self.soft("сто двадцать пять", "ru") == [125])
    #expect(try Self.soft("второй раунд", "ru") == [2])
    #expect(try Self.soft("третьего дня", "ru") == [3])
    #expect(try Self.soft("полтора часа", "ru") == [1.5])
    #expect(try Self.soft("двухнедельная пауза", "ru") == [2])
    #expect(try Self.soft("thousands of people", "en").isEmpty)
    #expect(try Self.soft("тысячи людей", "ru").isEmpty)
    #expect(try Self.hard("two delegations", "en").isEmpty)
  }

  @Test func romanNumeralsCodesAndDatesAreSoftExceptYears() throws {
    #expect(try Self.soft("World War II", "en") == [2])
    #expect(try Self.soft("в ХХI веке", "ru") == [21])  // Cyrillic Х
    #expect(try Self.scan("I think so", "en").isEmpty)
    #expect(try Self.soft("S-400 systems and COVID-19", "en") == [400, 19])
    #expect(try Self.soft("комплексы С-400", "ru") == [400])
    #expect(try Self.soft("the G20 summit", "en") == [20])
    #expect(try Self.hard("on 13.01.2022", "ru") == [2022])
    #expect(try Self.soft("on 13.01.2022", "ru") == [13, 1])
    #expect(try Self.hard("on 1/13/2022", "en") == [2022])
    #expect(try Self.hard("on 2022-01-13", "en") == [2022])
    #expect(try Self.hard("working 24/7", "en").isEmpty)
  }

  @Test func rangesAreNumberByNumber() throws {
    #expect(try Self.hard("10–15 drones", "en") == [10, 15])
    #expect(try Self.hard("от 10 до 15 беспилотников", "ru") == [10, 15])
  }
}

@Suite("Number literals")
struct NumberLiteralTests {
  /// The hand-written matchers of `NumberScanner.parse` against the patterns they replace, on
  /// every string of up to six characters over digits, comma, point and one letter, and on
  /// longer samples.
  @Test func groupingMatchersAgreeWithThePatterns() {
    let alphabet: [Character] = ["1", "2", "0", ",", ".", "a"]
    var strings: [String] = [""]
    var frontier: [String] = [""]
    for _ in 0..<6 {
      frontier = frontier.flatMap { s in alphabet.map { s + String($0) } }
      strings += frontier
    }
    strings += [
      "1,234,567.5", "12,500", "1.000.000,25", "12.500", "1,0000", "123,456,", ",123", "1234,567",
      "3.14159", "1,5",
    ]
    let thousandsComma = /\d{1,3}(,\d{3})+(\.\d+)?/
    let thousandsPoint = /\d{1,3}(\.\d{3})+(,\d+)?/
    let simpleComma = /\d+,\d+/
    let simplePoint = /\d+\.\d+/
    for s in strings {
      let bytes = Array(s.utf8)
      #expect(
        NumberScanner.isGrouped(bytes, group: 0x2C, decimal: 0x2E)
          == (s.wholeMatch(of: thousandsComma) != nil), "\(s)")
      #expect(
        NumberScanner.isGrouped(bytes, group: 0x2E, decimal: 0x2C)
          == (s.wholeMatch(of: thousandsPoint) != nil), "\(s)")
      #expect(
        NumberScanner.isSimpleDecimal(bytes, mark: 0x2C) == (s.wholeMatch(of: simpleComma) != nil),
        "\(s)")
      #expect(
        NumberScanner.isSimpleDecimal(bytes, mark: 0x2E) == (s.wholeMatch(of: simplePoint) != nil),
        "\(s)")
    }
  }

  @Test func characterReferencesTimesWithSecondsAndCompounds() throws {
    #expect(
      try NumberScannerTests.scan("a person&#8217;s name, &#169; 2020", "en").map(\.value) == [2020]
    )
    #expect(try NumberScannerTests.scan("в 20:00:00", "ru").map(\.text) == ["20:00:00"])
    #expect(
      try NumberScannerTests.scan("at 20:00:30", "en").first?.values.first == 20 + 30.0 / 3600)
    #expect(try NumberScannerTests.soft("полным 16-ричным", "ru") == [16])
    #expect(try NumberScannerTests.hard("в 21-й раз", "ru") == [21])
    #expect(try NumberScannerTests.soft("fortyfive minutes", "en") == [45])
    #expect(try NumberScannerTests.soft("twenty-one days", "en") == [21])
    #expect(try NumberScannerTests.soft("двусторонняя карта", "ru") == [2])
    #expect(try NumberScannerTests.soft("see hgrc(5) and printf(3)", "en") == [5, 3])
    #expect(try NumberScannerTests.hard("in (5) steps, the 1990s", "en") == [5, 1990])
    #expect(try NumberScannerTests.soft("0s and 1s", "en") == [0, 1])
  }
}
