import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// False positives and misses found by a precision audit on newly written news articles,
/// translations (article pairs, XLIFF, PO) and the real files in ../shared/corpus, reduced to
/// small cases. Each case keeps the real error next to it caught.
@Suite("Precision audit: names, derived forms, multi-word names")
struct PrecisionAuditTests {
  static let ru = LanguageTag("ru")!
  static let en = LanguageTag("en")!

  static func name(_ id: String, ru: String, en: String) -> Concept {
    Concept(
      id: id,
      terms: [
        Term(ru, language: Self.ru, status: .preferred, partOfSpeech: "properNoun"),
        Term(en, language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
      ])
  }

  static let places = try! CompiledGlossary(
    Glossary(concepts: [
      name("belarus", ru: "Белоруссия", en: "Belarus"),
      name("crimea", ru: "Крым", en: "Crimea"),
      name("washington", ru: "Вашингтон", en: "Washington"),
      name("state-department", ru: "Госдепартамент", en: "State Department"),
      name("white-house", ru: "Белый дом", en: "White House"),
      Concept(
        id: "svo",
        terms: [
          Term(
            "СВО", language: Self.ru, status: .preferred, termType: "acronym", matchMode: .exact),
          Term("special military operation", language: Self.en, status: .preferred),
        ]),
    ]))

  static func lint(
    source: String, target: String, rules: [String], glossary: CompiledGlossary = places
  ) throws -> [Finding] {
    let built = try BilingualExample.build(source: source, target: target)
    return try TestLint.findings(document: built.document, rules: rules, glossary: glossary)
  }

  // MARK: term-missing: a name rendered by its adjective or demonym

  @Test func anEnglishDemonymRendersTheName() throws {
    for (source, target) in [
      (
        "Президент Белоруссии Александр Лукашенко выступил.",
        "Belarusian President Alexander Lukashenko spoke."
      ),
      ("Войска вошли в Белоруссию.", "The troops entered Belarusian territory."),
      ("Татары Крыма протестовали.", "Crimean Tatars protested."),
    ] {
      #expect(
        try Self.lint(source: source, target: target, rules: ["term-missing"]).isEmpty, "\(target)")
    }
    // Without the name or a word made from it, the term is still missing.
    let missing = try Self.lint(
      source: "Президент Белоруссии Александр Лукашенко выступил.",
      target: "President Alexander Lukashenko spoke.", rules: ["term-missing"])
    #expect(missing.map(\.ruleID) == ["term-missing"])
    // A longer word that only starts like the name is not a derived form.
    let other = try Self.lint(
      source: "Татары Крыма протестовали.", target: "Crimeanist Tatars protested.",
      rules: ["term-missing"])
    #expect(other.map(\.ruleID) == ["term-missing"])
  }

  @Test func aRussianAdjectiveRendersTheName() throws {
    let text = """
      <xliff version="1.2"><file source-language="en" target-language="ru"><body>
      <trans-unit id="1"><source>Washington University announced a trial.</source><target>Вашингтонский университет объявил об испытании.</target></trans-unit>
      <trans-unit id="2"><source>The talks took place in Washington.</source><target>Переговоры прошли в столице США.</target></trans-unit>
      </body></file></xliff>
      """
    let document = try DocumentReader.read(
      bytes: Array(text.utf8), path: "a.xlf", defaults: LanguageDefaults(source: nil, target: nil))
    let findings = try TestLint.findings(
      document: document, rules: ["term-missing"], glossary: Self.places)
    #expect(findings.map(\.unitID) == ["2"], "\(findings.map(\.message))")
  }

  @Test func russianAdjectivesOfNames() {
    func adjective(_ word: String, _ name: String) -> Bool {
      NameMatching.isRussianAdjective(
        Array(UnicodeProperties.lowercase(word)), of: Array(UnicodeProperties.lowercase(name)))
    }
    #expect(adjective("Вашингтонского", "Вашингтон"))
    #expect(adjective("крымский", "Крым"))
    #expect(adjective("белорусской", "Белоруссия"))
    #expect(adjective("брюссельские", "Брюссель"))
    #expect(adjective("донецкий", "Донецк"))
    #expect(adjective("кремлевских", "Кремль"))
    #expect(!adjective("Крымчанка", "Крым"))
    #expect(!adjective("критский", "Крым"))
    #expect(!adjective("Вашингтонец", "Вашингтон"))
    #expect(!adjective("крымскотатарского", "Крым"))
  }

  // MARK: matching: an English name of several words inflects only at its end

  func hits(_ text: String, language: LanguageTag = Self.en) throws -> [String] {
    let file = SourceFile(path: "t", text: text)
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: language)
    let annotated = try TermMatcher(glossary: Self.places).annotate(span, language: language)
    return annotated.hits.map { file.text(in: $0.fileRange) }
  }

  @Test func englishNamesInflectOnlyAtTheEnd() throws {
    #expect(try hits("The United States Department of Health and Human Services said so.").isEmpty)
    #expect(try hits("The State Department's spokesman spoke.") == ["State Department's"])
    #expect(try hits("Both White Houses were lit.") == ["White Houses"])
    // An accelerator mark does not split a word; an ampersand between words does.
    #expect(try hits("&Show free space, White&House, Washington & Moscow.") == ["Washington"])
    #expect(try hits("Сво&бодное место; Сво и СВО.", language: Self.ru) == ["Сво", "СВО"])
    // Russian names decline in every word.
    #expect(try hits("Пресс-секретарь Белого дома заявила.", language: Self.ru) == ["Белого дома"])
  }

  // MARK: name-spelling: names in another language's Latin orthography

  @Test func foreignOrthographiesAreNotMisspelledRomanizations() throws {
    let glossary = try CompiledGlossary(Glossary(concepts: []))
    for (source, target) in [
      ("Об этом заявил премьер Матеуш Моравецкий.", "Prime Minister Mateusz Morawiecki said so."),
      (
        "С ним встретился лидер оппозиции Ярослав Качиньский.",
        "Opposition leader Jaroslaw Kaczynski met him."
      ),
      ("Против выступил мэр Рафал Тшасковский.", "Mayor Rafal Trzaskowski opposed it."),
      ("В Брюсселе выступила Светлана Тихановская.", "Sviatlana Tsikhanouskaya spoke in Brussels."),
      (
        "Украину поддержал футболист Роберт Левандовский.",
        "The footballer Robert Lewandowski backed Ukraine."
      ),
      ("В Варшаве выступил Лех Валенса.", "Lech Wałęsa spoke in Warsaw."),
    ] {
      let findings = try Self.lint(
        source: source, target: target, rules: ["name-spelling"], glossary: glossary)
      #expect(findings.isEmpty, "\(target): \(findings.map(\.message))")
    }
  }

  @Test func aGermanStyleWIsAMisspellingOfARussianSurname() throws {
    let glossary = try CompiledGlossary(Glossary(concepts: []))
    let findings = try Self.lint(
      source:
        "Об этом сообщил помощник президента Юрий Ушаков.\nС ним согласилась Татьяна Москалькова.",
      target: "Presidential aide Yuri Ushakow said so.\nTatyana Moskalkowa agreed.",
      rules: ["name-spelling"], glossary: glossary)
    #expect(findings.map(\.matchedText) == ["Ushakow", "Moskalkowa"])
    #expect(findings.map(\.suggestions) == [["Ushakov"], ["Moskalkova"]])
    // The romanization variants stay variants.
    let variants = try Self.lint(
      source:
        "Об этом сообщил помощник президента Юрий Ушаков.\nС ним согласилась Татьяна Москалькова.",
      target: "Presidential aide Yuri Ushakov said so.\nTatiana Moskalkova agreed.",
      rules: ["name-spelling"], glossary: glossary)
    #expect(variants.isEmpty)
  }

  @Test func aSurnameStartingASentenceCountsOnceTheDocumentNamesIt() throws {
    let glossary = try CompiledGlossary(Glossary(concepts: []))
    let findings = try Self.lint(
      source:
        "Об этом сообщила Татьяна Москалькова.\n\nМоскалькова добавила, что переговоры начались.",
      target: "Tatyana Moskalkova said so.\n\nMoskolkova added that talks had begun.",
      rules: ["name-spelling"], glossary: glossary)
    #expect(findings.map(\.matchedText) == ["Moskolkova"])
    #expect(findings.first?.suggestions == ["Moskalkova"])
    // A capitalised first word with a surname's ending that the document never uses as a name
    // is not compared (it may be an adjective).
    let alone = try Self.lint(
      source: "Москалькова добавила, что переговоры начались.",
      target: "Moskolkova added that talks had begun.", rules: ["name-spelling"], glossary: glossary
    )
    #expect(alone.isEmpty)
  }

  @Test func surnameBases() {
    #expect(SourceNames.surnameBase("Москальковой") == "москальков")
    #expect(SourceNames.surnameBase("Москалькова") == "москальков")
    #expect(SourceNames.surnameBase("Зеленского") == "зеленск")
    #expect(SourceNames.surnameBase("Зеленский") == "зеленск")
  }

  @Test func aTitleIsNotAMisspelledInstitution() throws {
    // A glossary with "Finance Ministry" but not "finance minister" (the shipped glossary has
    // both, which hid this): the title before a name is another name, not a misspelling.
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Self.name("finance-ministry", ru: "Минфин", en: "Finance Ministry"),
        Self.name("siluanov", ru: "Антон Силуанов", en: "Anton Siluanov"),
      ]))
    let clean = try TestLint.findings(
      "Finance Minister Anton Siluanov said the Finance Ministry agreed.", rules: ["name-spelling"],
      glossary: glossary)
    #expect(clean.isEmpty, "\(clean.map(\.message))")
    // A misspelled romanized name is still found, alone and in a longer name.
    let misspelled = try TestLint.findings(
      "Finance Minister Anton Siluanow spoke. Later, Siluanow left.", rules: ["name-spelling"],
      glossary: glossary)
    #expect(misspelled.map(\.matchedText) == ["Siluanow", "Siluanow"])
  }

  // MARK: suggestions keep the replacement's own case

  @Test func aNameReplacedByALowerCaseTermIsNotCapitalised() throws {
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "grain-deal",
          terms: [
            Term("grain deal", language: Self.en, status: .preferred, partOfSpeech: "noun"),
            Term(
              "Black Sea Grain Initiative", language: Self.en, status: .admitted,
              partOfSpeech: "properNoun", termType: "fullForm"),
          ])
      ]))
    let findings = try TestLint.findings(
      "# The Grain Deal Holds\n\nThe Black Sea Grain Initiative was renewed. Black Sea Grain Initiative talks resumed. THE BLACK SEA GRAIN INITIATIVE ENDS",
      rules: ["term-inconsistent"], glossary: glossary)
    #expect(findings.map(\.suggestions) == [["grain deal"], ["Grain deal"], ["GRAIN DEAL"]])
  }

  // MARK: length model: an acronym rendered by its full form is not an addition

  @Test func glossaryTermsOnBothSidesDoNotCountTowardsLength() throws {
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "un",
          terms: [
            Term(
              "ООН", language: Self.ru, status: .preferred, termType: "acronym", matchMode: .exact),
            Term(
              "United Nations", language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
          ]),
        Concept(
          id: "permrep",
          terms: [
            Term("постпред", language: Self.ru, status: .preferred),
            Term("permanent representative", language: Self.en, status: .preferred),
          ]),
      ]))
    let source = "Постпред РФ при ООН В. Небензя выступил в Совбезе."
    let faithful =
      "Vasily Nebenzya, Russia's permanent representative to the United Nations, spoke at the Security Council."
    #expect(
      try Self.lint(source: source, target: faithful, rules: ["addition"], glossary: glossary)
        .isEmpty)
    let added =
      faithful
      + " He also said that the talks had failed and that Moscow would respond with force if the West kept arming Kyiv."
    #expect(
      try Self.lint(source: source, target: added, rules: ["addition"], glossary: glossary).map(
        \.ruleID) == ["addition"])
  }

  // MARK: term-missing: the head of an institution rendered by the title

  @Test func theHeadOfAMinistryIsItsMinister() throws {
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "foreign-ministry",
          terms: [
            Term(
              "МИД", language: Self.ru, status: .preferred, partOfSpeech: "properNoun",
              termType: "acronym"),
            Term(
              "Foreign Ministry", language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
            Term(
              "Ministry of Foreign Affairs", language: Self.en, status: .admitted,
              partOfSpeech: "properNoun", termType: "fullForm"),
          ]),
        Concept(
          id: "defense-ministry",
          terms: [
            Term(
              "Минобороны", language: Self.ru, status: .preferred, partOfSpeech: "properNoun",
              termType: "shortForm"),
            Term(
              "Defense Ministry", language: Self.en, status: .preferred, partOfSpeech: "properNoun"),
          ]),
      ]))
    for (source, target) in [
      (
        "Глава МИД РФ Сергей Лавров провел переговоры.",
        "Russian Foreign Minister Sergey Lavrov held talks."
      ),
      ("Об этом сообщил замглавы Минобороны.", "The deputy defense minister said so."),
      ("Он встретился с главой МИД Китая.", "He met China's Minister of Foreign Affairs."),
    ] {
      let findings = try Self.lint(
        source: source, target: target, rules: ["term-missing"], glossary: glossary)
      #expect(findings.isEmpty, "\(target): \(findings.map(\.message))")
    }
    // The ministry itself is not its minister, and a head without the title is still reported.
    for (source, target) in [
      ("МИД России выступил с заявлением.", "The Russian Foreign Minister made a statement."),
      (
        "Глава МИД РФ Сергей Лавров провел переговоры.",
        "The Russian minister Sergey Lavrov held talks."
      ),
    ] {
      let findings = try Self.lint(
        source: source, target: target, rules: ["term-missing"], glossary: glossary)
      #expect(findings.map(\.ruleID) == ["term-missing"], "\(target)")
    }
  }
}
