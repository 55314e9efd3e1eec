import TermlintGlossary
import TermlintText

/// Function words and very common words that cannot start or end a candidate term in
/// `glossary extract` (they may sit inside one: *weapons of mass destruction*).
///
/// Written for Termlint: English and Russian pronouns, articles, prepositions, conjunctions,
/// particles, auxiliary and modal verbs, and the commonest adverbs, numerals and reporting
/// verbs. Forms are lower case, as produced by NFKC_Casefold (`ё` kept as is).
enum Stopwords {
  /// The list for a primary language subtag; empty for languages without one.
  static func list(for language: String) -> Set<String> {
    switch language {
    case "en": return english
    case "ru": return russian
    default: return []
    }
  }

  static let english: Set<String> = Set(
    """
    a an the this that these those there here it its it's itself they them their theirs themselves he him his himself
    she her hers herself we us our ours ourselves you your yours yourself yourselves i me my mine myself one ones
    who whom whose which what whatever whoever when where why how whether
    and or but nor so yet if then than because as while although though unless until since whereas
    of to in on at by for with from into onto upon about above below over under between among through during before
    after against without within along across around behind beyond near off out up down via per like unlike
    be is am are was were been being have has had having do does did doing done
    will would shall should can could may might must ought need
    not no yes also only just even still already again ever never always often sometimes usually very too quite
    rather more most less least much many few several some any all both each every either neither other another
    such same own so too enough almost nearly perhaps maybe however therefore thus hence moreover furthermore
    now then today yesterday tomorrow soon later once twice well back away far
    said says say saying told tell tells according get gets got make makes made take takes took go goes went
    come comes came see seen know known think thought want wanted use used using
    many much mr mrs ms dr etc e.g i.e
    two three four five six seven eight nine ten hundred thousand million billion
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  static let russian: Set<String> = Set(
    """
    и а но или да нет не ни же ли бы вот ведь уже ещё еще лишь только даже тоже также либо если то чтобы что как
    когда где куда откуда почему зачем потому поэтому так такой такая такое такие там тут здесь тогда теперь сейчас
    в во на с со к ко по о об обо от до из изо у за над под подо при про для без между через перед после около
    вокруг вместо кроме среди ради сквозь вдоль возле мимо против благодаря согласно
    я ты он она оно мы вы они меня тебя его её ее нас вас их мне тебе ему ей нам вам им мной тобой ею нами вами ими
    себя себе собой свой своя своё свое свои своего своей своих своим своими
    мой моя моё мое мои твой твоя наш наша наше наши ваш ваша ваше ваши
    этот эта это эти этого этой этих этому этим этими том той тем те тех теми тот та
    который которая которое которые которого которой которых которому которым которыми
    кто чем чём кого кому каком какой какая какое какие каких весь вся всё все всех всем всеми всего всей
    быть был была было были будет будут будем есть является являются являлся являлась стал стала стали
    может могут можно нужно надо должен должна должно должны мог могла могли
    очень более менее самый самая самое самые много мало несколько один одна одно одни два две три
    сказал сказала сказали заявил заявила заявили говорит говорят отметил отметила сообщил сообщила сообщили
    год года году лет время раз
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// General-language words that are not terms on their own (dates, people, places in general,
  /// quantities, the commonest nouns, adjectives and verbs of news prose). They may be part of a
  /// longer candidate (*public health*, *school closures*) but are never proposed alone.
  static func commonWords(for language: String) -> [String] {
    switch language {
    case "en": return commonEnglish
    case "ru": return commonRussian
    default: return []
    }
  }

  static let commonEnglish: [String] =
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    day week month year time hour minute morning evening night week weekend period date moment
    people person man men woman women child children family families group member friend home house
    country countries nation state city town region area place world government minister president official
    university school schools work job company business market money price number part level way point
    thing fact example result reason end side case question problem issue idea information report news
    water food hand hands head body life lives death risk change help need use
    national international public local general main major important large small high low big long short
    good bad great different possible available current recent early late full free real certain
    recommended said told asked called found shown added reported announced according
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

  static let commonRussian: [String] =
    """
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    понедельник вторник среда четверг пятница суббота воскресенье
    день неделя месяц год время час минута утро вечер ночь период дата момент
    человек люди ребенок ребёнок дети семья группа член друг дом
    страна государство город регион область место мир правительство министр президент
    университет школа работа компания бизнес рынок деньги цена число часть уровень путь
    вещь факт пример результат причина конец сторона случай вопрос проблема идея информация сообщение
    вода еда рука руки голова тело жизнь смерть риск изменение помощь
    национальный международный общественный местный общий главный важный большой малый высокий низкий
    хороший плохой разный возможный доступный текущий последний новый
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
