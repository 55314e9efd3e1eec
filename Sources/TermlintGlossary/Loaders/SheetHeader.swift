import Foundation
import TermlintText

/// Which language a column of a spreadsheet glossary holds.
public enum SheetLanguage: Sendable, Equatable, CustomStringConvertible {
  /// A language the header names (`ru`, `English`, `source_ru`, `ru_RU`).
  case tag(LanguageTag)
  /// The pipeline's source language (a header `source`, `src`, a mapping to `source`).
  case source
  /// The pipeline's target language (`target`, `translation`).
  case target
  /// Not said: a `forbidden` column without a language; it belongs to the target language.
  case unspecified

  public var description: String {
    switch self {
    case .tag(let tag): return tag.value
    case .source: return "source"
    case .target: return "target"
    case .unspecified: return "target"
    }
  }
}

/// What one column of a spreadsheet glossary holds, recognised from its header or given by a
/// pipeline's `columns:` mapping.
public enum SheetColumnRole: Sendable, Equatable {
  /// The concept id.
  case id
  /// The subject field.
  case subject
  /// A note, comment, description or definition (kept in the concept's note).
  case note
  /// The part of speech of the row's terms.
  case partOfSpeech
  /// The terms of one language (several separated by `|` or `;`: the first is preferred, the
  /// others admitted).
  case terms(SheetLanguage)
  /// Variants of one language with a status: forbidden, deprecated or admitted.
  case variants(SheetLanguage, TermStatus)
  /// Per-row form: the language of the row's source string (`sourceLang`).
  case rowSourceLanguage
  /// Per-row form: the language of the row's target string (`targetLang`).
  case rowTargetLanguage
  /// Per-row form: the source string (`sourceString`).
  case rowSourceTerm
  /// Per-row form: the target string (`targetString`).
  case rowTargetTerm
  /// Read and dropped on purpose (a `columns:` mapping to `ignore`).
  case ignore

  /// Parses a role as a `columns:` mapping writes it: `id`, `subject`, `note`, `pos`, `ignore`,
  /// `source`, `target`, a language tag (`ru`), `forbidden`, `deprecated`, `admitted`, a status
  /// with a language (`forbidden en`, `forbidden target`), `source-lang`, `target-lang`,
  /// `source-string`, `target-string`; nil when it is none of these.
  public init?(mapping raw: String) {
    let words = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "/" }).map(
      String.init)
    func language(_ word: String) -> SheetLanguage? {
      switch word {
      case "source": return .source
      case "target": return .target
      default:
        // A known language code (`ru`, `pt-BR`), not merely a well-formed tag: `verboten` is one.
        guard let tag = LanguageTag(word), LanguageNames.shared.codes[tag.language] != nil else {
          return nil
        }
        return .tag(tag)
      }
    }
    switch words.count {
    case 1:
      switch words[0] {
      case "id": self = .id
      case "subject": self = .subject
      case "note": self = .note
      case "pos": self = .partOfSpeech
      case "ignore": self = .ignore
      case "source-lang": self = .rowSourceLanguage
      case "target-lang": self = .rowTargetLanguage
      case "source-string": self = .rowSourceTerm
      case "target-string": self = .rowTargetTerm
      case "forbidden": self = .variants(.unspecified, .forbidden)
      case "deprecated": self = .variants(.unspecified, .deprecated)
      case "admitted": self = .variants(.unspecified, .admitted)
      default:
        guard let language = language(words[0]) else { return nil }
        self = .terms(language)
      }
    case 2:
      let statuses: [String: TermStatus] = [
        "forbidden": .forbidden, "deprecated": .deprecated, "admitted": .admitted,
      ]
      guard let status = statuses[words[0]], let language = language(words[1]) else { return nil }
      self = .variants(language, status)
    default:
      return nil
    }
  }

  /// The roles a `columns:` mapping accepts, for messages.
  public static let mappingRoles =
    "id, subject, note, pos, ignore, source, target, a language tag (ru), forbidden, deprecated, admitted, "
    + "'forbidden en' (a status with a language), source-lang, target-lang, source-string, target-string"
}

/// Recognises spreadsheet headers: role names (`id`, `comment`, `do not use`, `part of speech`),
/// language codes and English language names with decorations (`ru`, `Russian`, `source_ru`,
/// `ru_RU`, `ru-RU`, `English (US)`, `forbidden_en`) and the per-row columns of the TICO-19
/// sheets (`sourceLang`, `targetString`).
enum SheetHeader {
  /// The role a header names; nil when it names nothing Termlint knows (the column is kept as
  /// notes).
  static func role(of header: String) -> SheetColumnRole? {
    let words = self.words(header)
    guard !words.isEmpty else { return nil }
    let compact = words.joined()
    if let role = roleNames[compact] { return role }
    // Language columns, possibly with a side (`source_ru`) or a status (`forbidden_en`).
    var status: TermStatus?
    var side: SheetLanguage?
    var rest: [String] = []
    var index = 0
    while index < words.count {
      // Two-word status phrases (`do not use`, `not recommended`).
      if let (found, length) = statusPhrase(words, at: index) {
        guard status == nil else { return nil }
        status = found
        index += length
        continue
      }
      let word = words[index]
      if sideWords[word] != nil {
        guard side == nil else { return nil }
        side = sideWords[word]
      } else if !decorations.contains(word) {
        rest.append(word)
      }
      index += 1
    }
    var language: SheetLanguage?
    if rest.isEmpty {
      language = side
    } else if let tag = self.language(rest) {
      language = .tag(tag)
    } else {
      return nil
    }
    if let status { return .variants(language ?? .unspecified, status) }
    guard let language else { return nil }
    return .terms(language)
  }

  /// The header split into lower-case words: at anything but letters and digits, and between a
  /// lower-case letter and an upper-case one (`sourceLang` → `source`, `lang`).
  static func words(_ header: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousLower = false
    for character in header {
      if character.isLetter || character.isNumber {
        if character.isUppercase && previousLower && !current.isEmpty {
          words.append(current.lowercased())
          current = ""
        }
        current.append(character)
        previousLower = character.isLowercase
      } else {
        if !current.isEmpty { words.append(current.lowercased()) }
        current = ""
        previousLower = false
      }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }

  /// A language from the words left after decorations: a code or an English name, optionally
  /// followed by a region (`ru RU`, `english us`) or a script subtag.
  static func language(_ words: [String]) -> LanguageTag? {
    if let code = languageCode(words.joined(separator: " ")) { return LanguageTag(code) }
    guard words.count >= 2, let code = languageCode(words.dropLast().joined(separator: " ")) else {
      return nil
    }
    let last = words[words.count - 1]
    guard
      (last.count == 2 && last.allSatisfy(\.isLetter))
        || (last.count == 4 && last.allSatisfy(\.isLetter))
        || (last.count == 3 && last.allSatisfy(\.isNumber))
    else { return nil }
    return LanguageTag("\(code)-\(last)")
  }

  /// The ISO 639-1 code for a code (two letters, or three with a two-letter equivalent: `rus`)
  /// or an English language name (`russian`), lower-case; nil when it is neither.
  static func languageCode(_ word: String) -> String? { LanguageNames.shared.codes[word] }

  // MARK: - Vocabulary

  /// Header names (words joined) of the roles that are not languages.
  static let roleNames: [String: SheetColumnRole] = {
    var names: [String: SheetColumnRole] = [:]
    for name in [
      "id", "conceptid", "concept", "entry", "entryid", "termid", "stringid", "key", "identifier",
      "uid", "guid",
    ] {
      names[name] = .id
    }
    for name in ["subject", "subjectfield", "domain", "field", "category", "topic"] {
      names[name] = .subject
    }
    for name in [
      "note", "notes", "comment", "comments", "remark", "remarks", "description", "definition",
      "explanation",
      "context", "usage", "usagenote", "conceptnote", "termnote",
    ] {
      names[name] = .note
    }
    for name in ["pos", "partofspeech", "wordclass", "wordtype"] { names[name] = .partOfSpeech }
    for name in ["sourcelang", "sourcelanguage", "srclang", "sourcelocale", "fromlang"] {
      names[name] = .rowSourceLanguage
    }
    for name in ["targetlang", "targetlanguage", "tgtlang", "trglang", "targetlocale", "tolang"] {
      names[name] = .rowTargetLanguage
    }
    for name in ["sourcestring", "sourceterm", "sourcetext", "srcstring", "srcterm"] {
      names[name] = .rowSourceTerm
    }
    for name in [
      "targetstring", "targetterm", "targettext", "tgtstring", "tgtterm", "trgstring", "trgterm",
    ] {
      names[name] = .rowTargetTerm
    }
    return names
  }()

  /// Words that say which side a language column is on.
  static let sideWords: [String: SheetLanguage] = [
    "source": .source, "src": .source, "target": .target, "tgt": .target, "trg": .target,
    "translation": .target,
  ]

  /// Words around a language name that say nothing more (`Russian term`, `lang_en`).
  static let decorations: Set<String> = [
    "term", "terms", "lang", "language", "string", "text", "word", "words", "phrase", "variant",
    "variants",
  ]

  /// Words and phrases that give variants a status.
  static let statusPhrases: [([String], TermStatus)] = [
    (["do", "not", "use"], .forbidden), (["dont", "use"], .forbidden),
    (["don", "t", "use"], .forbidden),
    (["forbidden"], .forbidden), (["prohibited"], .forbidden), (["banned"], .forbidden),
    (["avoid"], .forbidden),
    (["not", "allowed"], .forbidden), (["incorrect"], .forbidden), (["wrong"], .forbidden),
    (["deprecated"], .deprecated), (["not", "recommended"], .deprecated),
    (["obsolete"], .deprecated),
    (["superseded"], .deprecated), (["discouraged"], .deprecated),
    (["admitted"], .admitted), (["synonyms"], .admitted), (["synonym"], .admitted),
    (["alternatives"], .admitted),
    (["alternative"], .admitted), (["also", "allowed"], .admitted),
  ]

  private static func statusPhrase(_ words: [String], at index: Int) -> (TermStatus, Int)? {
    for (phrase, status) in statusPhrases where index + phrase.count <= words.count {
      if Array(words[index..<(index + phrase.count)]) == phrase { return (status, phrase.count) }
    }
    return nil
  }
}

/// ISO 639 language codes and their English names, from the ICU data Foundation carries (so
/// every language ICU knows is recognised, not a hand-picked list).
final class LanguageNames: Sendable {
  package static let shared = LanguageNames()

  /// Lower-case code or English name → two-letter code (or the code itself when a language has
  /// no two-letter code).
  let codes: [String: String]

  private init() {
    var codes: [String: String] = [:]
    let english = Locale(identifier: "en")
    var names: [String: String] = [:]
    for language in Locale.LanguageCode.isoLanguageCodes {
      let code = language.identifier.lowercased()
      guard code.count == 2 || code.count == 3 else { continue }
      // Three-letter codes are accepted when they have a two-letter equivalent (`rus`, `eng`);
      // the others (`new`, `men`) are too easily ordinary English words in a header.
      if code.count == 2 {
        codes[code] = code
        if let alpha3 = language.identifier(.alpha3)?.lowercased(), alpha3 != code {
          codes[alpha3] = code
        }
      }
      if let name = english.localizedString(forLanguageCode: code)?.lowercased(), name != code,
        names[name] == nil
      {
        names[name] = code
      }
    }
    // A name never shadows a code.
    for (name, code) in names where codes[name] == nil {
      let words = SheetHeader.words(name).joined(separator: " ")
      codes[words] = code
    }
    self.codes = codes
  }
}
