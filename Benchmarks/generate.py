#!/usr/bin/env python3
"""Generate Termlint benchmark inputs: a news-style English corpus, Russian-English TBX v3
glossaries, a grep term list, XLIFF 1.2 and PO files, an article pair and a folder of articles.

Python 3 standard library only. The output depends only on the arguments and the seed: the
same command writes the same bytes on every machine.

    python3 Benchmarks/generate.py --out Benchmarks/out --mb 10 --concepts 1000,10000,100000

Everything here is synthetic and written for this project: word lists, templates and names are
made up, so the files can be shared and regenerated freely.
"""

import argparse
import os
import random
import sys
from xml.sax.saxutils import escape

# ---------------------------------------------------------------------------------------------
# Vocabulary. Each English word at index i translates to the Russian word at index i, so a term
# built from indices has a consistent translation. Russian nouns carry a gender (m, f, n) so
# that adjectives agree with them.

ADJECTIVES = [
    ("strategic", "стратегический"), ("nuclear", "ядерный"), ("military", "военный"),
    ("diplomatic", "дипломатический"), ("economic", "экономический"),
    ("humanitarian", "гуманитарный"), ("regional", "региональный"),
    ("international", "международный"), ("bilateral", "двусторонний"),
    ("multilateral", "многосторонний"), ("federal", "федеральный"), ("naval", "военно-морской"),
    ("border", "пограничный"), ("financial", "финансовый"), ("legal", "правовой"),
    ("parliamentary", "парламентский"), ("presidential", "президентский"),
    ("electoral", "избирательный"), ("judicial", "судебный"), ("budgetary", "бюджетный"),
    ("territorial", "территориальный"), ("defensive", "оборонительный"),
    ("offensive", "наступательный"), ("conventional", "обычный"), ("ballistic", "баллистический"),
    ("hypersonic", "гиперзвуковой"), ("tactical", "тактический"), ("operational", "оперативный"),
    ("technical", "технический"), ("industrial", "промышленный"), ("agricultural", "аграрный"),
    ("maritime", "морской"), ("aerial", "воздушный"), ("coastal", "прибрежный"),
    ("northern", "северный"), ("southern", "южный"), ("eastern", "восточный"),
    ("western", "западный"), ("central", "центральный"), ("national", "национальный"),
    ("municipal", "муниципальный"), ("constitutional", "конституционный"),
    ("criminal", "уголовный"), ("civil", "гражданский"), ("administrative", "административный"),
    ("customs", "таможенный"), ("fiscal", "налоговый"), ("monetary", "денежно-кредитный"),
    ("energy", "энергетический"), ("gas", "газовый"), ("oil", "нефтяной"),
    ("transport", "транспортный"), ("railway", "железнодорожный"), ("grain", "зерновой"),
    ("sanctions", "санкционный"), ("intelligence", "разведывательный"),
    ("counterterrorism", "контртеррористический"), ("peacekeeping", "миротворческий"),
    ("arms", "оружейный"), ("missile", "ракетный"), ("space", "космический"),
    ("cyber", "кибернетический"), ("information", "информационный"), ("media", "медийный"),
    ("investigative", "следственный"), ("prosecutorial", "прокурорский"),
    ("security", "охранный"), ("emergency", "чрезвычайный"), ("interim", "временный"),
    ("permanent", "постоянный"), ("joint", "совместный"), ("separate", "отдельный"),
    ("preliminary", "предварительный"), ("final", "окончательный"), ("formal", "официальный"),
    ("informal", "неофициальный"), ("public", "публичный"), ("closed", "закрытый"),
    ("annual", "ежегодный"), ("quarterly", "квартальный"), ("extraordinary", "внеочередной"),
    ("provisional", "условный"), ("ministerial", "министерский"),
    ("governmental", "правительственный"), ("oppositional", "оппозиционный"),
    ("independent", "независимый"), ("state", "государственный"), ("private", "частный"),
    ("foreign", "иностранный"), ("domestic", "внутренний"), ("global", "глобальный"),
    ("European", "европейский"), ("Asian", "азиатский"), ("Arctic", "арктический"),
    ("Baltic", "балтийский"), ("Caspian", "каспийский"), ("Pacific", "тихоокеанский"),
    ("Atlantic", "атлантический"), ("Eurasian", "евразийский"), ("Siberian", "сибирский"),
]

# (English singular, Russian nominative, gender, deprecated English synonym or None)
NOUNS = [
    ("agreement", "соглашение", "n", "accord"), ("treaty", "договор", "m", "pact"),
    ("guarantee", "гарантия", "f", "assurance"), ("doctrine", "доктрина", "f", None),
    ("strategy", "стратегия", "f", None), ("initiative", "инициатива", "f", None),
    ("commission", "комиссия", "f", "commitee"), ("committee", "комитет", "m", None),
    ("council", "совет", "m", "counsel"), ("ministry", "министерство", "n", "department"),
    ("agency", "агентство", "n", None), ("service", "служба", "f", None),
    ("court", "суд", "m", "law court"), ("tribunal", "трибунал", "m", None),
    ("prosecutor", "прокурор", "m", "procurator"), ("investigation", "расследование", "n", "probe"),
    ("inquiry", "проверка", "f", None), ("sanction", "санкция", "f", "restrictive measure"),
    ("embargo", "эмбарго", "n", None), ("tariff", "пошлина", "f", "levy"),
    ("budget", "бюджет", "m", None), ("fund", "фонд", "m", None),
    ("reserve", "резерв", "m", "stockpile"), ("corridor", "коридор", "m", "passageway"),
    ("zone", "зона", "f", "area"), ("district", "округ", "m", "okrug"),
    ("region", "регион", "m", None), ("border", "граница", "f", "frontier"),
    ("checkpoint", "пункт пропуска", "m", "crossing point"), ("exercise", "учения", "n", "drills"),
    ("deployment", "развертывание", "n", "stationing"), ("withdrawal", "вывод", "m", "pullout"),
    ("ceasefire", "прекращение огня", "n", "cease-fire"), ("truce", "перемирие", "n", None),
    ("offensive", "наступление", "n", None), ("counteroffensive", "контрнаступление", "n", "counter-offensive"),
    ("missile", "ракета", "f", "rocket"), ("launcher", "пусковая установка", "f", None),
    ("warhead", "боеголовка", "f", "war-head"), ("submarine", "подводная лодка", "f", "sub"),
    ("destroyer", "эсминец", "m", None), ("frigate", "фрегат", "m", None),
    ("aircraft", "самолет", "m", "airplane"), ("drone", "беспилотник", "m", "UAV"),
    ("battalion", "батальон", "m", None), ("brigade", "бригада", "f", None),
    ("division", "дивизия", "f", None), ("garrison", "гарнизон", "m", None),
    ("base", "база", "f", None), ("facility", "объект", "m", "installation"),
    ("reactor", "реактор", "m", None), ("pipeline", "трубопровод", "m", "pipe-line"),
    ("terminal", "терминал", "m", None), ("port", "порт", "m", "harbour"),
    ("election", "выборы", "n", "poll"), ("referendum", "референдум", "m", "plebiscite"),
    ("amendment", "поправка", "f", None), ("bill", "законопроект", "m", "draft law"),
    ("decree", "указ", "m", "ukase"), ("resolution", "резолюция", "f", None),
    ("statement", "заявление", "n", None), ("memorandum", "меморандум", "m", None),
    ("delegation", "делегация", "f", None), ("envoy", "посланник", "m", "emissary"),
    ("summit", "саммит", "m", "top-level meeting"), ("negotiation", "переговоры", "n", "parley"),
    ("consultation", "консультация", "f", None), ("dialogue", "диалог", "m", "dialog"),
    ("mission", "миссия", "f", None), ("operation", "операция", "f", None),
    ("architecture", "архитектура", "f", None), ("framework", "механизм", "m", None),
    ("regime", "режим", "m", None), ("mechanism", "инструмент", "m", None),
    ("export", "экспорт", "m", None), ("import", "импорт", "m", None),
    ("supply", "поставка", "f", None), ("shipment", "партия", "f", "consignment"),
    ("default", "дефолт", "m", None), ("bond", "облигация", "f", None),
    ("outlet", "издание", "n", None), ("broadcaster", "телеканал", "m", None),
    ("detention", "задержание", "n", None), ("verdict", "приговор", "m", None),
    ("sentence", "срок", "m", None), ("appeal", "апелляция", "f", None),
]

# Extra modifiers for three-word terms: (English, Russian masculine adjective).
MODIFIERS = [
    ("new", "новый"), ("joint", "объединенный"), ("temporary", "временный"),
    ("long-range", "дальнобойный"), ("short-range", "ближнего радиуса"),
    ("medium-range", "средней дальности"), ("high-level", "высокоуровневый"),
    ("cross-border", "трансграничный"), ("so-called", "так называемый"),
    ("self-proclaimed", "самопровозглашенный"), ("state-run", "государственный управляемый"),
    ("pro-government", "проправительственный"), ("anti-government", "антиправительственный"),
    ("Moscow-backed", "поддерживаемый Москвой"), ("Western-backed", "поддерживаемый Западом"),
]

FIRST_NAMES = [
    ("Alexander", "Александр", "Aleksandr"), ("Sergei", "Сергей", "Sergey"),
    ("Dmitry", "Дмитрий", "Dmitriy"), ("Yuri", "Юрий", "Yuriy"), ("Andrei", "Андрей", "Andrey"),
    ("Nikolai", "Николай", "Nikolay"), ("Alexei", "Алексей", "Aleksey"),
    ("Maria", "Мария", "Mariya"), ("Yevgeny", "Евгений", "Evgeny"), ("Tatyana", "Татьяна", "Tatiana"),
    ("Natalya", "Наталья", "Natalia"), ("Vasily", "Василий", "Vasiliy"), ("Olga", "Ольга", None),
    ("Mikhail", "Михаил", "Michael"), ("Pyotr", "Петр", "Peter"), ("Elena", "Елена", "Yelena"),
    ("Grigory", "Григорий", "Grigoriy"), ("Anatoly", "Анатолий", "Anatoliy"),
    ("Valentina", "Валентина", None), ("Ilya", "Илья", "Ilia"),
]

# Surname syllables: (Cyrillic, house romanization, other romanization).
SYLLABLES = [
    ("ко", "ko", "ko"), ("ва", "va", "wa"), ("ле", "le", "lie"), ("ми", "mi", "mi"),
    ("ро", "ro", "ro"), ("са", "sa", "sa"), ("ту", "tu", "tou"), ("бе", "be", "bie"),
    ("жу", "zhu", "ju"), ("хо", "kho", "ho"), ("щу", "shchu", "schu"), ("ря", "rya", "ria"),
    ("ни", "ni", "ni"), ("го", "go", "go"), ("да", "da", "da"), ("че", "che", "tche"),
    ("лю", "lyu", "liu"), ("ше", "she", "sche"), ("зо", "zo", "so"), ("фе", "fe", "phe"),
    ("ки", "ki", "ki"), ("по", "po", "po"), ("ца", "tsa", "za"), ("гу", "gu", "gou"),
]
SURNAME_ENDINGS = [
    ("в", "v", "ff"), ("ев", "yev", "ev"), ("ин", "in", "ine"), ("ский", "sky", "skiy"),
    ("енко", "enko", "enko"), ("ич", "ich", "itch"), ("ов", "ov", "off"), ("ук", "uk", "ouk"),
]

PLACES = [
    "Moscow", "Kyiv", "Minsk", "Brussels", "Geneva", "Vienna", "Warsaw", "Helsinki", "Tallinn",
    "Riga", "Vilnius", "Ankara", "Beijing", "Tbilisi", "Yerevan", "Baku", "Astana", "Washington",
    "Berlin", "Paris", "London", "Kaliningrad", "Crimea", "Donetsk", "Kharkiv", "Odesa",
    "St. Petersburg", "Novosibirsk", "Vladivostok", "Murmansk",
]
# Russian prepositional forms of PLACES ("в Москве"), index for index.
PLACES_RU = [
    "Москве", "Киеве", "Минске", "Брюсселе", "Женеве", "Вене", "Варшаве", "Хельсинки", "Таллине",
    "Риге", "Вильнюсе", "Анкаре", "Пекине", "Тбилиси", "Ереване", "Баку", "Астане", "Вашингтоне",
    "Берлине", "Париже", "Лондоне", "Калининграде", "Крыму", "Донецке", "Харькове", "Одессе",
    "Санкт-Петербурге", "Новосибирске", "Владивостоке", "Мурманске",
]
ORGS = ["NATO", "the EU", "the UN Security Council", "the OSCE", "the Kremlin", "the State Duma",
        "the Federation Council", "the IAEA", "the G7", "the Pentagon", "the White House",
        "the Foreign Ministry", "the Defense Ministry", "Gazprom", "Rosatom", "the Central Bank"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TITLES = ["Foreign Minister", "Defense Minister", "Deputy Prime Minister", "presidential aide",
          "Kremlin spokesman", "State Duma deputy", "senior diplomat", "regional governor",
          "opposition politician", "central bank governor", "chief of the general staff"]
SAYS = ["said", "told reporters", "wrote on Telegram", "told a news conference",
        "said in a statement", "told the state news agency", "insisted", "warned", "argued",
        "acknowledged", "claimed"]
VERBS = ["discussed", "criticized", "rejected", "welcomed", "postponed", "approved", "expanded",
         "suspended", "extended", "questioned", "announced", "proposed", "blocked", "reviewed",
         "endorsed", "condemned", "delayed", "defended", "revised", "challenged"]
FILLERS = [
    "according to officials familiar with the talks",
    "despite objections from several member states",
    "amid growing tension along the front line",
    "after weeks of closed-door negotiations",
    "in a move analysts described as largely symbolic",
    "as prices for energy continued to climb",
    "although no date has been set",
    "while details remained unclear",
    "in what observers called a significant shift",
    "without providing evidence for the claim",
    "a week before the vote",
    "for the first time since the war began",
]
CONNECT = ["However,", "Meanwhile,", "Earlier,", "At the same time,", "In addition,",
           "Separately,", "Later,", "On Tuesday,", "Still,", "By contrast,"]

# Parallel sentence templates for bilingual units: (English, Russian). Slots: {N} name,
# {T} term, {T2} second term, {P} place, {X} number, {D} day of month.
PARALLEL = [
    ("{N} said the {T} would be discussed in {P} next week.",
     "{N} заявил, что {T} будет обсуждаться в {P} на следующей неделе."),
    ("The {T} was signed on {D} May after {X} hours of talks.",
     "{T} подписан {D} мая после {X} часов переговоров."),
    ("According to {N}, the {T} covers {X} regions.",
     "По словам {N}, {T} охватывает {X} регионов."),
    ("Officials in {P} said the {T} and the {T2} remained in force.",
     "Чиновники в {P} заявили, что {T} и {T2} остаются в силе."),
    ("More than {X} people were affected by the {T}, {N} said.",
     "Более {X} человек пострадали от {T}, сообщил {N}."),
    ("The {T} is expected to cost {X} million rubles.",
     "Ожидается, что {T} обойдется в {X} млн рублей."),
    ("{N} did not comment on the {T}.",
     "{N} не стал комментировать {T}."),
    ("The ministry in {P} confirmed that the {T} had been extended until {D} June.",
     "Министерство в {P} подтвердило, что {T} продлен до {D} июня."),
    ("In {P}, the {T} was met with criticism from {X} deputies.",
     "В {P} {T} встретил критику со стороны {X} депутатов."),
    ("The {T} will replace the {T2} from next year.",
     "Со следующего года {T} заменит {T2}."),
]

# ---------------------------------------------------------------------------------------------
# Russian adjective agreement (nominative): enough for plausible terms, not a grammar.

HARD_STEMS = "кгхжшчщ"


def agree(adjective, gender):
    """Return a masculine Russian adjective (or phrase) in the gender of its noun."""
    words = adjective.split(" ")
    out = []
    for word in words:
        if gender == "m" or len(word) < 3 or word[-2:] not in ("ый", "ий", "ой"):
            out.append(word)
            continue
        stem, ending = word[:-2], word[-2:]
        soft = ending == "ий" and stem[-1] not in HARD_STEMS
        if gender == "f":
            out.append(stem + ("яя" if soft else "ая"))
        else:
            out.append(stem + ("ее" if soft else "ое"))
    return " ".join(out)


def plural(noun):
    """English plural of the last word of a noun phrase (news terms only)."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last in ("aircraft", "embargo"):
        last = last + ("es" if last == "embargo" else "")
    else:
        last += "s"
    return (head + " " + last) if head else last


# ---------------------------------------------------------------------------------------------
# Glossary model.

class Concept:
    __slots__ = ("cid", "subject", "ru", "en", "deprecated", "acronym", "proper")

    def __init__(self, cid, subject, ru, en, deprecated, acronym=None, proper=False):
        self.cid = cid
        self.subject = subject
        self.ru = ru
        self.en = en
        self.deprecated = deprecated  # list of deprecated English variants
        self.acronym = acronym        # admitted case-sensitive English acronym, or None
        self.proper = proper


def make_surnames(rng, count):
    """Unique made-up surnames as (Cyrillic, house romanization, other romanization)."""
    seen = set()
    result = []
    while len(result) < count:
        n = rng.choice((2, 2, 3))
        parts = [rng.choice(SYLLABLES) for _ in range(n)]
        end = rng.choice(SURNAME_ENDINGS)
        cyr = "".join(p[0] for p in parts) + end[0]
        if cyr in seen:
            continue
        seen.add(cyr)
        house = "".join(p[1] for p in parts) + end[1]
        other = "".join(p[2] for p in parts) + end[2]
        result.append((cyr.capitalize(), house.capitalize(),
                       other.capitalize() if other != house else None))
    return result


def build_concepts(seed, count):
    """The first `count` concepts of one seeded sequence (so smaller glossaries are prefixes)."""
    rng = random.Random(seed)
    combos = []
    for a in range(len(ADJECTIVES)):
        for n in range(len(NOUNS)):
            combos.append((None, a, n))
            for m in range(len(MODIFIERS)):
                combos.append((m, a, n))
    rng.shuffle(combos)
    # Two-word terms are the common case in real glossaries: draw 60 % of concepts from them
    # while they last, the rest from the three-word terms.
    two = [c for c in combos if c[0] is None]
    three = [c for c in combos if c[0] is not None]
    combos = []
    while two or three:
        source = two if (two and (not three or rng.random() < 0.6)) else three
        combos.append(source.pop())
    names_needed = count // 20 + 1
    surnames = make_surnames(rng, names_needed)
    concepts = []
    acronyms = set()
    combo_iter = iter(combos)
    name_index = 0
    subjects = ["diplomacy", "military", "economy", "law", "politics", "energy", "media"]
    for index in range(count):
        if index % 20 == 7 and name_index < len(surnames):
            first = FIRST_NAMES[name_index % len(FIRST_NAMES)]
            sur = surnames[name_index]
            name_index += 1
            en = f"{first[0]} {sur[1]}"
            ru = f"{first[1]} {sur[0]}"
            dep = []
            if rng.random() < 0.5:
                variant_first = first[2] or first[0]
                variant_sur = sur[2] if (sur[2] and rng.random() < 0.6) else sur[1]
                variant = f"{variant_first} {variant_sur}"
                if variant != en:
                    dep.append(variant)
            concepts.append(Concept(f"name-{index:06d}", "names", ru, en, dep, proper=True))
            continue
        m, a, n = next(combo_iter)
        adj_en, adj_ru = ADJECTIVES[a]
        noun_en, noun_ru, gender, dep_noun = NOUNS[n]
        words_en = [adj_en, noun_en]
        words_ru = [agree(adj_ru, gender), noun_ru]
        if m is not None:
            words_en.insert(0, MODIFIERS[m][0])
            words_ru.insert(0, agree(MODIFIERS[m][1], gender))
        en = " ".join(words_en)
        ru = " ".join(words_ru)
        dep = []
        if dep_noun and rng.random() < 0.45:
            dep.append(" ".join(words_en[:-1] + [dep_noun]))
        if m is None and rng.random() < 0.04 and "-" not in en:
            dep.append(en.replace(" ", "-", 1))  # a hyphenated spelling the house rejects
        acronym = None
        if rng.random() < 0.02:
            letters = "".join(w[0] for w in en.replace("-", " ").split()).upper()
            if len(letters) >= 2 and letters not in acronyms:
                acronyms.add(letters)
                acronym = letters
        concepts.append(Concept(f"c-{index:06d}", rng.choice(subjects), ru, en, dep, acronym))
    return concepts


def term_sec(text, status, pos="noun", term_type=None, extra=""):
    lines = ["          <termSec>", f"            <term>{escape(text)}</term>",
             f'            <termNote type="partOfSpeech">{pos}</termNote>']
    if term_type:
        lines.append(f'            <termNote type="termType">{term_type}</termNote>')
    lines.append(f'            <termNote type="administrativeStatus">{status}-admn-sts</termNote>')
    if extra:
        lines.append(extra)
    lines.append("          </termSec>")
    return "\n".join(lines)


def write_tbx(path, concepts):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
                  'xmlns="urn:iso:std:iso:30042:ed-2">\n'
                  "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
                  f"        <p>Synthetic Russian-English glossary of {len(concepts)} concepts "
                  "generated by Benchmarks/generate.py for Termlint benchmarks.</p>\n"
                  "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n"
                  "  <text>\n    <body>\n")
        for c in concepts:
            pos = "properNoun" if c.proper else "noun"
            parts = [f'      <conceptEntry id="{c.cid}">',
                     f'        <descrip type="subjectField">{c.subject}</descrip>',
                     '        <langSec xml:lang="ru">',
                     term_sec(c.ru, "preferredTerm", pos),
                     "        </langSec>",
                     '        <langSec xml:lang="en">',
                     term_sec(c.en, "preferredTerm", pos, "fullForm" if c.acronym else None)]
            if c.acronym:
                parts.append(term_sec(c.acronym, "admittedTerm", pos, "acronym"))
            for d in c.deprecated:
                parts.append(term_sec(d, "deprecatedTerm", pos, None,
                                      f'            <note>house style: use "{escape(c.en)}"</note>'))
            parts.append("        </langSec>")
            parts.append("      </conceptEntry>")
            out.write("\n".join(parts) + "\n")
        out.write("    </body>\n  </text>\n</tbx>\n")


def write_tsv(path, concepts):
    """The same glossary as Termlint's TSV layout (one row per term)."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("concept\tsubject\tlang\tterm\tstatus\tpos\ttype\n")
        for c in concepts:
            pos = "properNoun" if c.proper else "noun"
            rows = [("ru", c.ru, "preferred", ""),
                    ("en", c.en, "preferred", "fullForm" if c.acronym else "")]
            if c.acronym:
                rows.append(("en", c.acronym, "admitted", "acronym"))
            rows += [("en", d, "deprecated", "") for d in c.deprecated]
            for i, (lang, text, status, kind) in enumerate(rows):
                subject = c.subject if i == 0 else ""
                out.write(f"{c.cid}\t{subject}\t{lang}\t{text}\t{status}\t{pos}\t{kind}\n")


# ---------------------------------------------------------------------------------------------
# Text generation.

class Writer:
    """Seeded sentence source drawing terms from the concepts with a Zipf-like rank law."""

    def __init__(self, seed, concepts, deprecated_rate=0.04):
        self.rng = random.Random(seed)
        self.concepts = concepts
        self.terms = [c for c in concepts if not c.proper]
        self.names = [c for c in concepts if c.proper]
        self.deprecated_rate = deprecated_rate
        # Cumulative Zipf weights (s = 1) over term ranks, sampled by bisection.
        self.term_weights = self._cumulative(len(self.terms))
        self.name_weights = self._cumulative(len(self.names))

    @staticmethod
    def _cumulative(n):
        total = 0.0
        out = []
        for rank in range(1, n + 1):
            total += 1.0 / rank
            out.append(total)
        return out

    def _pick(self, items, weights):
        import bisect
        x = self.rng.random() * weights[-1]
        return items[min(bisect.bisect_left(weights, x), len(items) - 1)]

    def term(self):
        """(English text, Russian text) of a glossary term as it appears in running text."""
        c = self._pick(self.terms, self.term_weights)
        en = c.en
        r = self.rng.random()
        if c.deprecated and r < self.deprecated_rate:
            en = self.rng.choice(c.deprecated)
        elif c.acronym and r < 0.3:
            en = c.acronym
        if self.rng.random() < 0.25 and en != c.acronym:
            en = plural(en)
        return en, c.ru

    def name(self):
        c = self._pick(self.names, self.name_weights)
        en = c.en
        if c.deprecated and self.rng.random() < self.deprecated_rate:
            en = c.deprecated[0]
        return en, c.ru

    def number(self):
        r = self.rng.random()
        if r < 0.5:
            return str(self.rng.randint(2, 99))
        if r < 0.8:
            return f"{self.rng.randint(100, 999)}"
        return f"{self.rng.randint(1, 99)},{self.rng.randint(0, 999):03d}"

    def english_sentence(self):
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            en, _ = self.name()
            s = (f"{en}, the {rng.choice(TITLES)}, {rng.choice(SAYS)} that the "
                 f"{self.term()[0]} {rng.choice(('would', 'could', 'should', 'might'))} be "
                 f"{rng.choice(VERBS)} {rng.choice(FILLERS)}.")
        elif kind < 0.55:
            s = (f"{rng.choice(CONNECT)} {rng.choice(ORGS)} {rng.choice(VERBS)} the "
                 f"{self.term()[0]} in {rng.choice(PLACES)} on {rng.choice(DAYS)}, "
                 f"{rng.choice(FILLERS)}.")
        elif kind < 0.75:
            s = (f"The {self.term()[0]} and the {self.term()[0]} were {rng.choice(VERBS)} by "
                 f"{self.number()} officials, {rng.choice(FILLERS)}.")
        elif kind < 0.9:
            en, _ = self.name()
            s = (f"\u201cWe will not accept the {self.term()[0]},\u201d {en} "
                 f"{rng.choice(SAYS)} in {rng.choice(PLACES)} on {rng.choice(MONTHS)} "
                 f"{rng.randint(1, 28)}.")
        else:
            s = (f"About {self.number()} people attended the meeting in {rng.choice(PLACES)}, "
                 f"where the {self.term()[0]} was the main topic.")
        return s[0].upper() + s[1:]

    def parallel(self):
        """One (English, Russian) sentence pair from the parallel templates."""
        rng = self.rng
        en_t, ru_t = rng.choice(PARALLEL)
        t1, t2, nm = self.term(), self.term(), self.name()
        x, d, p = self.number(), str(rng.randint(1, 28)), rng.randrange(len(PLACES))
        en = en_t.format(N=nm[0], T=t1[0], T2=t2[0], P=PLACES[p], X=x, D=d)
        ru = ru_t.format(N=nm[1], T=t1[1], T2=t2[1], P=PLACES_RU[p], X=x.replace(",", "\u00a0"),
                         D=d)
        return en[0].upper() + en[1:], ru[0].upper() + ru[1:]

    def paragraph(self):
        return " ".join(self.english_sentence() for _ in range(self.rng.randint(2, 5)))

    def article(self, words):
        rng = self.rng
        title = f"# {self.term()[0].capitalize()} {rng.choice(VERBS)} in {rng.choice(PLACES)}"
        parts = [title]
        count = 0
        while count < words:
            p = self.paragraph()
            count += p.count(" ") + 1
            parts.append(p)
        return "\n\n".join(parts) + "\n"


def write_corpus(path, writer, megabytes):
    target = int(megabytes * 1024 * 1024)
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            text = writer.article(writer.rng.randint(500, 1200)) + "\n"
            out.write(text)
            written += len(text.encode("utf-8"))
    return written


def write_terms(path, concepts):
    seen = set()
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for c in concepts:
            for d in c.deprecated:
                if d.lower() not in seen:
                    seen.add(d.lower())
                    out.write(d + "\n")


def xml_text(s):
    return escape(s, {'"': "&quot;"})


def write_xliff(path, pairs):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                  '  <file original="news.txt" source-language="ru" target-language="en" '
                  'datatype="plaintext">\n    <body>\n')
        for i, (en, ru) in enumerate(pairs, 1):
            state = "translated" if i % 7 else "needs-review-translation"
            out.write(f'      <trans-unit id="u{i}">\n'
                      f"        <source>{xml_text(ru)}</source>\n"
                      f'        <target state="{state}">{xml_text(en)}</target>\n'
                      "      </trans-unit>\n")
        out.write("    </body>\n  </file>\n</xliff>\n")


def po_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(path, pairs):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write('msgid ""\nmsgstr ""\n"Project-Id-Version: termlint-bench\\n"\n'
                  '"Language: en\\n"\n"X-Source-Language: ru\\n"\n"MIME-Version: 1.0\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Content-Transfer-Encoding: 8bit\\n"\n'
                  '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
        for i, (en, ru) in enumerate(pairs, 1):
            out.write(f"#: news.txt:{i}\n")
            if i % 11 == 0:
                out.write("#, fuzzy\n")
            out.write(f"msgid {po_quote(ru)}\nmsgstr {po_quote(en)}\n\n")


def write_pair(dir_path, writer, paragraphs):
    """An article and its translation as two files, with a dropped and a merged sentence."""
    rng = writer.rng
    ru_pars, en_pars = [], []
    for p in range(paragraphs):
        pairs = [writer.parallel() for _ in range(rng.randint(2, 5))]
        ru = [r for _, r in pairs]
        en = [e for e, _ in pairs]
        if p % 4 == 1 and len(en) > 2:
            del en[1]  # the translator left a sentence out
        if p % 5 == 2 and len(en) > 2:
            en[0:2] = [en[0][:-1] + ", and " + en[1][0].lower() + en[1][1:]]  # two into one
        ru_pars.append(" ".join(ru))
        en_pars.append(" ".join(en))
    with open(os.path.join(dir_path, "pair.ru.md"), "w", encoding="utf-8", newline="\n") as out:
        out.write("\n\n".join(ru_pars) + "\n")
    with open(os.path.join(dir_path, "pair.en.md"), "w", encoding="utf-8", newline="\n") as out:
        out.write("\n\n".join(en_pars) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="Benchmarks/out", help="output folder")
    ap.add_argument("--seed", type=int, default=20240607)
    ap.add_argument("--mb", default="10", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--concepts", default="1000,10000,100000",
                    help="glossary sizes, comma-separated")
    ap.add_argument("--units", type=int, default=5000, help="units in the XLIFF and PO files")
    ap.add_argument("--articles", type=int, default=500, help="files in the article folder")
    ap.add_argument("--pair-paragraphs", type=int, default=40)
    args = ap.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    sizes = sorted(int(k) for k in args.concepts.split(","))
    concepts = build_concepts(args.seed, sizes[-1])
    for k in sizes:
        subset = concepts[:k]
        write_tbx(os.path.join(args.out, f"glossary-{k}.tbx"), subset)
        write_tsv(os.path.join(args.out, f"glossary-{k}.tsv"), subset)
        write_terms(os.path.join(args.out, f"terms-{k}.txt"), subset)
    # Text draws on the largest glossary's first 10,000 concepts: frequent terms sit at the
    # low ranks every glossary holds, rarer ones only in the bigger glossaries.
    pool = concepts[:10000]
    for mb in args.mb.split(","):
        w = Writer(args.seed + int(float(mb) * 10), pool)
        write_corpus(os.path.join(args.out, f"corpus-{mb}mb.md"), w, float(mb))
    w = Writer(args.seed + 1, pool)
    pairs, seen = [], set()
    while len(pairs) < args.units:  # PO forbids two entries with one msgid
        pair = w.parallel()
        if pair[1] not in seen:
            seen.add(pair[1])
            pairs.append(pair)
    write_xliff(os.path.join(args.out, "units.xlf"), pairs)
    write_po(os.path.join(args.out, "units.po"), pairs)
    write_pair(args.out, Writer(args.seed + 2, pool), args.pair_paragraphs)
    articles = os.path.join(args.out, "articles")
    os.makedirs(articles, exist_ok=True)
    w = Writer(args.seed + 3, pool)
    for i in range(args.articles):
        with open(os.path.join(articles, f"article-{i:03d}.md"), "w", encoding="utf-8",
                  newline="\n") as out:
            out.write(w.article(w.rng.randint(400, 1200)))
    sentence = Writer(args.seed + 4, pool).english_sentence()
    with open(os.path.join(args.out, "one-sentence.md"), "w", encoding="utf-8",
              newline="\n") as out:
        out.write(sentence + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
