import TermlintTestSupport
import Testing

@testable import TermlintText

@Suite("Sentence segmentation: ICU boundaries, abbreviations and initials")
struct SentenceSegmenterTests {
  static let en = LanguageTag("en")!
  static let ru = LanguageTag("ru")!

  static func split(_ text: String, _ language: LanguageTag) throws -> [String] {
    let units = Array(text.utf16)
    return try SentenceSegmenter(language: language).sentences(in: units).map {
      String(decoding: units[$0], as: UTF16.self)
    }
  }

  /// Text variants that must not change where sentences break.
  enum Variant: String, CaseIterable {
    case plain, nbsp, nfd

    func apply(_ text: String) -> String {
      switch self {
      case .plain: return text
      case .nbsp: return text.replacingOccurrences(of: " ", with: "\u{00A0}")
      case .nfd: return Normalizer.nfd.normalize(text)
      }
    }
  }

  /// Each case is a paragraph written as its expected sentences.
  static let english: [[String]] = [
    ["Mr. Smith met Gen. Lee in the U.S. Senate on Jan. 5.", "They talked for an hour."],
    ["The sanctions took effect in the U.S.", "The European Union followed a week later."],
    [
      "The delegations met in Geneva, i.e. on neutral ground.",
      "No. 10 Downing Street said nothing.",
    ],
    ["The talks ended at 5 p.m.", "Russia left first."],
    ["J. K. Rowling spoke at the forum.", "Then she left."],
    ["Tanks, trucks, etc. were moved to the border.", "Officials confirmed the move."],
    ["Troops moved in 2014.", "2015 was quieter."],
    ["Did he agree?", "He did not say."],
  ]

  static let russian: [[String]] = [
    ["Об этом сообщил замминистра иностранных дел С. А. Рябков.", "Переговоры пройдут в Женеве."],
    ["В. Путин прибыл в г. Сочи.", "Встреча началась в 10 часов."],
    [
      "Встреча прошла в МГУ им. Ломоносова, т. е. на нейтральной площадке.",
      "Делегации обсудили меры доверия.",
    ],
    ["США вышли из договора в 2019 г.", "Он утратил силу."],
    ["В 2019 г. США вышли из договора.", "Москва это осудила."],
    ["Стороны обсудили ракеты, танки и т. д.", "В Москве итоги не комментировали."],
    ["Речь шла о мерах доверия.", "12 марта стороны встретятся снова."],
    ["Рост составил 5%.", "20 марта данные уточнили."],
    ["«Когда?» — спросил он.", "«Скоро», — ответил министр."],
    ["Он спросил: «Когда?» и вышел из зала."],
    ["Пациенты получали витамины C и D.", "Состояние улучшилось."],
    [
      "Речь идет о ст. 5 договора, в т. ч. о ее толковании.",
      "Министр выступит 3 янв. 2024 г. в Москве.",
    ],
    ["Вирус кодирует иРНК.", "иРНК переносит информацию."],
  ]

  static let cases: [(String, [String], Variant)] =
    english.flatMap { s in Variant.allCases.map { ("en", s, $0) } }
    + russian.flatMap { s in Variant.allCases.map { ("ru", s, $0) } }

  @Test(arguments: cases)
  func splitsWhereExpected(language: String, expected: [String], variant: Variant) throws {
    let text = variant.apply(expected.joined(separator: " "))
    let found = try Self.split(text, LanguageTag(language)!)
    let wanted = expected.map(variant.apply)
    #expect(found == wanted, "\(language) \(variant): \(found)")
  }

  @Test func gluedSentencesAreSeparatedAtTheMissingSpace() throws {
    #expect(
      try Self.split("Talks resumed on Monday.Negotiators met for three hours.", Self.en) == [
        "Talks resumed on Monday.", "Negotiators met for three hours.",
      ])
    #expect(
      try Self.split("Договор обсуждали в Женеве.Переговоры шли три часа.", Self.ru) == [
        "Договор обсуждали в Женеве.", "Переговоры шли три часа.",
      ])
    // Not a sentence end: a domain name, an abbreviation in capitals, a decimal.
    #expect(
      try Self.split("The site example.com and the ASP.Net page show 3.5 percent.", Self.en).count
        == 1)
  }

  @Test func aPronounThatLooksLikeAnAbbreviationEndsASentenceBeforeAnotherScript() throws {
    #expect(try Self.split("Центр им. Е. М. Примакова провел опрос.", Self.ru).count == 1)
    #expect(
      try Self.split("Белок связывается с ним и помогает им. B0AT1 стал мишенью.", Self.ru).count
        == 2)
  }

  @Test func weakBreaksAreReportedOnlyForAmbiguousAbbreviations() throws {
    let segmenter = try SentenceSegmenter(language: Self.en)
    let text = Array(
      "In the U.S. Senate, Mr. Smith and J. K. Rowling took vitamin D. Large crowds came.".utf16)
    let sentences = segmenter.segment(text)
    try #require(sentences.count == 1)
    let weak = sentences[0].weakBreaks.map { String(decoding: text[$0..<($0 + 5)], as: UTF16.self) }
    #expect(
      weak == ["Senat", "Large"],
      "titles and several initials are certain; U.S. and a single initial are not")
  }

  @Test func sentencesExcludeSurroundingSpaceAndCoverTheText() throws {
    let text = "  Первое предложение.   Второе предложение!  "
    let units = Array(text.utf16)
    let ranges = try SentenceSegmenter(language: Self.ru).sentences(in: units)
    #expect(
      ranges.map { String(decoding: units[$0], as: UTF16.self) } == [
        "Первое предложение.", "Второе предложение!",
      ])
    #expect(try SentenceSegmenter(language: Self.ru).sentences(in: []).isEmpty)
    #expect(try Self.split("Заголовок без точки", Self.ru) == ["Заголовок без точки"])
  }

  @Test func otherLanguagesKeepInitialsTogether() throws {
    let de = LanguageTag("de")!
    #expect(
      try Self.split("Das sagte A. Merkel am Montag. Danach ging sie.", de) == [
        "Das sagte A. Merkel am Montag.", "Danach ging sie.",
      ])
  }
}
