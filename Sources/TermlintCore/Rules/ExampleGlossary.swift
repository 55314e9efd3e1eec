import TermlintGlossary
import TermlintText

/// The small glossary every rule example is checked against (and that `rules explain` shows).
public enum ExampleGlossary {
  private static let en = LanguageTag("en")!
  private static let ru = LanguageTag("ru")!

  /// The glossary.
  public static let glossary = Glossary(
    concepts: [
      Concept(
        id: "security-guarantees", subjectField: "arms control",
        terms: [
          Term("гарантии безопасности", language: ru, status: .preferred),
          Term("security guarantees", language: en, status: .preferred),
          Term("security assurances", language: en, status: .deprecated),
        ]),
      Concept(
        id: "strike-weapons", subjectField: "military",
        terms: [
          Term("ударные вооружения", language: ru, status: .preferred),
          Term("strike weapon", language: en, status: .preferred),
          Term("attack weapon", language: en, status: .deprecated),
        ]),
      Concept(
        id: "open-door-policy", subjectField: "diplomacy",
        terms: [
          Term("политика открытых дверей", language: ru, status: .preferred),
          Term("open door policy", language: en, status: .preferred),
          Term("open-door policy", language: en, status: .deprecated),
        ]),
      Concept(
        id: "nato", subjectField: "organisations",
        terms: [
          Term("НАТО", language: ru, status: .preferred, termType: "acronym"),
          Term(
            "NATO", language: en, status: .preferred, partOfSpeech: "properNoun",
            termType: "acronym"),
          Term(
            "North Atlantic Treaty Organization", language: en, status: .admitted,
            partOfSpeech: "properNoun", termType: "fullForm"),
        ]),
      Concept(
        id: "de-escalate", subjectField: "diplomacy",
        terms: [
          Term("деэскалировать", language: ru, status: .preferred, partOfSpeech: "verb"),
          Term("de-escalate", language: en, status: .preferred, partOfSpeech: "verb"),
          Term("deescalate", language: en, status: .admitted, partOfSpeech: "verb"),
        ]),
      Concept(
        id: "sergey-ryabkov", subjectField: "names",
        terms: [
          Term("Сергей Рябков", language: ru, status: .preferred, partOfSpeech: "properNoun"),
          Term("Sergey Ryabkov", language: en, status: .preferred, partOfSpeech: "properNoun"),
          Term(
            "Ryabkov", language: en, status: .admitted, partOfSpeech: "properNoun",
            termType: "shortForm"),
          Term("Sergei Riabkov", language: en, status: .deprecated, partOfSpeech: "properNoun"),
        ]),
      Concept(
        id: "kyiv", subjectField: "places",
        terms: [
          Term("Киев", language: ru, status: .preferred, partOfSpeech: "properNoun"),
          Term("Kyiv", language: en, status: .preferred, partOfSpeech: "properNoun"),
          Term("Kiev", language: en, status: .deprecated, partOfSpeech: "properNoun"),
        ]),
    ], path: "<example glossary>", sourceLanguage: ru, targetLanguage: en)
}
