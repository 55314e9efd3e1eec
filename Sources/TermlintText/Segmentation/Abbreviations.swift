/// Per-language abbreviations that end with a full stop, and the words that typically start a
/// sentence, used by `SentenceSegmenter` to overrule ICU's sentence boundaries.
///
/// ICU breaks after a full stop followed by a space and a capital letter, so *Mr. Smith*,
/// *U.S. Senate*, *им. Ленина* and *В. Путин* would each be two sentences. Every abbreviation has
/// a kind that says when the break after it is kept:
///
/// - `title` (*Mr.*, *Gen.*, *i.e.*, *им.*, *ул.*, *проф.*, *т. е.*): it never ends a sentence; the
///   break is dropped unless the next word is a capitalised sentence starter (*The*, *He*, *Он*,
///   *В* …, see `sentenceStarters`).
/// - `prenominal` (*U.S.*, *Jan.*, *St.*, *г.*, *в.*): it usually stands before a name, a noun or a
///   number but may end a sentence (*… left the U.S. Russia …*); the break is dropped unless a
///   sentence starter follows, and recorded as a *weak break* that the aligner restores when the
///   translation has a sentence break there.
/// - `numeric` (*No.*, *p.*, *Fig.*, *ст.*, *ч.*, *рис.*): it stands before a number; the break is
///   dropped before a digit and kept otherwise.
/// - `terminal` (*etc.*, *Inc.*, *и т. д.*, *и др.*, *млн.*): it often ends a sentence; the break
///   is dropped only before a lower-case letter or a digit.
///
/// An entry may take another kind after a number: *р.* is a `title` before a river (*р. Волга*)
/// but `terminal` after an amount (*5 р.*). Single capital letters with a full stop are
/// initials: two or more in a row (*В. В. Путин*, *J. K. Rowling*) behave as a `title`, a single
/// one (*В. Путин*, but also *vitamin D. Large …*) as `prenominal`, and only before a word in its
/// own script. An abbreviation that is also a word (*им.*, the pronoun *им*) keeps a sentence
/// together before a capitalised word only when that word is in its own script
/// (*им. Ломоносова*, not *им. B0AT1 …*).
public struct AbbreviationList: Sendable {
  /// When the break after an abbreviation is kept.
  public enum Kind: String, Sendable {
    /// Never ends a sentence: kept only before a capitalised sentence starter.
    case title
    /// Kept only before a capitalised sentence starter; otherwise a weak break.
    case prenominal
    /// Kept unless a digit follows.
    case numeric
    /// Kept unless a lower-case letter or a digit follows.
    case terminal
  }

  /// One abbreviation.
  public struct Entry: Sendable {
    /// The kind.
    public var kind: Kind
    /// The kind after a number (a year, a Roman numeral), when it differs.
    public var afterNumber: Kind?
    /// Whether the abbreviation is also an ordinary word (*им.* is also the pronoun *им*): then a
    /// capitalised word after it must be in the same script to continue the sentence.
    public var isAlsoAWord: Bool

    /// Creates an entry.
    public init(kind: Kind, afterNumber: Kind? = nil, isAlsoAWord: Bool = false) {
      self.kind = kind
      self.afterNumber = afterNumber
      self.isAlsoAWord = isAlsoAWord
    }
  }

  /// Entries by key: the abbreviation lower-cased with its spaces removed (`т.е.`, `u.s.`).
  public let entries: [String: Entry]
  /// Lower-cased words that start a sentence when capitalised (pronouns, articles, conjunctions,
  /// prepositions, sentence adverbs).
  public let sentenceStarters: Set<String>

  /// Creates a list.
  public init(entries: [String: Entry], sentenceStarters: Set<String>) {
    self.entries = entries
    self.sentenceStarters = sentenceStarters
  }

  /// The list for a language: English and Russian have lists; other languages only the rule for
  /// initials (with no sentence starters, a capitalised word after an initial never starts a
  /// sentence).
  public static func forLanguage(_ language: LanguageTag?) -> AbbreviationList {
    switch language?.language {
    case "en": return english
    case "ru": return russian
    default: return AbbreviationList(entries: [:], sentenceStarters: [])
    }
  }

  /// The entry for a key (lower-cased, spaces removed, with its full stops).
  public func entry(_ key: String) -> Entry? { entries[key] }

  // MARK: - Lists

  private static func table(_ groups: [(Kind, Kind?, String)], words: String = "") -> [String:
    Entry]
  {
    var result: [String: Entry] = [:]
    for (kind, afterNumber, list) in groups {
      for key in list.split(separator: " ") {
        result[String(key)] = Entry(kind: kind, afterNumber: afterNumber)
      }
    }
    for key in words.split(separator: " ") {
      result[String(key)]?.isAlsoAWord = true
    }
    return result
  }

  /// English abbreviations and sentence starters.
  public static let english = AbbreviationList(
    entries: table([
      (
        .title, nil,
        "mr. mrs. ms. messrs. dr. prof. gen. lt. col. maj. capt. cmdr. adm. sgt. cpl. pvt. brig. "
          + "sen. rep. gov. pres. amb. supt. insp. rev. fr. hon. mt. ft. e.g. i.e. cf. vs. viz. approx. ca."
      ),
      (
        .prenominal, nil,
        "st. u.s. u.k. u.n. u.s.a. e.u. u.s.s.r. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. "
          + "dec. est. dept. univ. assn. sec."
      ),
      (.numeric, nil, "no. nos. p. pp. fig. figs. vol. vols. art. ch. para. ed. tel."),
      (.terminal, nil, "etc. inc. ltd. corp. co. jr. sr. bros. plc. a.m. p.m. d.c. al. esp."),
    ]),
    sentenceStarters: Set(
      ("a an the this that these those it its he she they we i you his her their our my your there "
        + "here and but or so yet nor for if when while as after before since because although though "
        + "however meanwhile moreover also then thus still in on at by from with without to of under "
        + "over during according despite instead what who whom whose why how where which no not some "
        + "many most all both each every such last earlier later now today yesterday tomorrow once")
        .split(separator: " ").map(String.init)))

  /// Russian abbreviations and sentence starters.
  public static let russian = AbbreviationList(
    entries: table(
      [
        (
          .title, nil,
          "им. ул. просп. пер. пл. наб. пос. дер. с. о. оз. св. проф. акад. доц. ген. полк. ст. тов. гр. "
            + "см. ср. напр. т.е. т.к. т.н. т.о. т.ч. и.о. англ. рус. лат. нем. франц. фр. гос. зам. "
            + "зав. ок. респ."
        ),
        (
          .terminal, nil,
          "т.д. т.п. др. пр. н.э. млн. млрд. трлн. тыс. руб. коп. долл. обл. ред. прим. мин."
        ),
        // Years, centuries and months: *в 2019 г. США вышли …* continues, *в 2019 г. Он …* does not.
        (.prenominal, nil, "г. гг. в. вв. янв. февр. апр. авг. сент. окт. нояб. дек."),
        (.title, .terminal, "р."),
        (.numeric, nil, "т. п. ч. гл. рис. табл. д. кв. стр. корп. изд."),
      ], words: "им."),
    sentenceStarters: Set(
      ("а и но однако в во на по с со к ко о об обо у из за для до после при без через между это "
        + "этот эта эти то тот та те он она оно они мы я вы ты его её ее их там тогда также тем так "
        + "как когда если хотя что чтобы где кто почему все всё уже еще ещё затем потом кроме "
        + "несмотря ранее позже сейчас сегодня вчера завтра впрочем поэтому причем причём помимо "
        + "вместе сам сама сами ни не нет да такие такой такая такое многие некоторые один одна")
        .split(
          separator: " "
        ).map(String.init)))
}
