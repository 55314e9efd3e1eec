import Foundation
import TermlintText

/// The administrative status of a term (TBX `administrativeStatus` / `normativeAuthorization`).
public enum TermStatus: String, Sendable, Codable, CaseIterable, Comparable {
  /// The term to use.
  case preferred
  /// Allowed, but not the first choice.
  case admitted
  /// Rejected by house style; linting flags it and suggests the preferred term.
  case deprecated
  /// Must never be used; flagged like a deprecated term.
  case forbidden
  /// Suggested by `glossary extract`, not yet reviewed; never used for linting.
  case proposed

  /// Whether text may use a term with this status.
  public var isAllowed: Bool { self == .preferred || self == .admitted }
  /// Whether a term with this status is flagged in text.
  public var isRejected: Bool { self == .deprecated || self == .forbidden }

  private var order: Int { TermStatus.allCases.firstIndex(of: self)! }
  public static func < (a: TermStatus, b: TermStatus) -> Bool { a.order < b.order }

  /// Maps TBX and spreadsheet spellings to a status; nil when unknown.
  ///
  /// Accepts `preferredTerm-admn-sts`, `preferredTerm`, `preferred`, `standardizedTerm`,
  /// `legalTerm`, `regulatedTerm` (preferred); `admittedTerm`, `admitted` (admitted);
  /// `deprecatedTerm`, `supersededTerm`, `deprecated`, `superseded`, `notRecommended`,
  /// `obsolete` (deprecated); `forbidden` (forbidden); `proposed`.
  public static func parse(_ raw: String) -> TermStatus? {
    // Fast path for the TBX spellings (one per term of a glossary).
    switch raw {
    case "preferredTerm-admn-sts", "preferredTerm": return .preferred
    case "admittedTerm-admn-sts", "admittedTerm": return .admitted
    case "deprecatedTerm-admn-sts", "deprecatedTerm", "supersededTerm-admn-sts", "supersededTerm":
      return .deprecated
    default: break
    }
    var s = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if s.hasSuffix("-admn-sts") { s.removeLast("-admn-sts".count) }
    if s.hasSuffix("term") && s != "term" { s.removeLast(4) }
    switch s {
    case "preferred", "standardized", "legal", "regulated": return .preferred
    case "admitted": return .admitted
    case "deprecated", "superseded", "notrecommended", "obsolete": return .deprecated
    case "forbidden": return .forbidden
    case "proposed": return .proposed
    default: return nil
    }
  }
}

/// How a term is matched in text.
public enum MatchMode: String, Sendable, Codable, CaseIterable {
  /// Word by word on stems (Snowball), so inflected forms match. The default.
  case stem
  /// Word by word on the normalized form only.
  case exact
}

/// One term of a concept in one language.
public struct Term: Sendable, Hashable, Codable {
  /// The term as written in the glossary.
  public var text: String
  /// Its language.
  public var language: LanguageTag
  /// Its status; nil when the glossary does not say (treated as admitted).
  public var status: TermStatus?
  /// TBX part of speech (`noun`, `verb`, `adjective`, `adverb`, `properNoun`, `other`).
  public var partOfSpeech: String?
  /// TBX term type (`fullForm`, `acronym`, `abbreviation`, `shortForm`, `variant`, `phrase`).
  public var termType: String?
  /// Explicit case sensitivity; nil means automatic (see `isCaseSensitive`).
  public var caseSensitive: Bool?
  /// Explicit match mode; nil means `stem`.
  public var matchMode: MatchMode?
  /// A usage note.
  public var note: String?
  /// 1-based line where the term is defined, for diagnostics.
  public var line: Int?
  /// 1-based column (Unicode code points) where the term's text starts on `line`, when the
  /// loader knows it; for diagnostics.
  public var column: Int?

  /// Creates a term.
  public init(
    _ text: String, language: LanguageTag, status: TermStatus? = nil, partOfSpeech: String? = nil,
    termType: String? = nil, caseSensitive: Bool? = nil, matchMode: MatchMode? = nil,
    note: String? = nil, line: Int? = nil, column: Int? = nil
  ) {
    self.text = text
    self.language = language
    self.status = status
    self.partOfSpeech = partOfSpeech
    self.termType = termType
    self.caseSensitive = caseSensitive
    self.matchMode = matchMode
    self.note = note
    self.line = line
    self.column = column
  }

  /// The status used for linting: unspecified counts as admitted.
  public var effectiveStatus: TermStatus { status ?? .admitted }

  /// Whether the term must match case exactly: explicitly, or because it is an acronym or an
  /// abbreviation, or is written in capitals (two or more letters, none lower-case).
  public var isCaseSensitive: Bool {
    if let caseSensitive { return caseSensitive }
    if termType == "acronym" || termType == "abbreviation" { return true }
    var letters = 0
    for scalar in text.unicodeScalars where UnicodeProperties.has(scalar, .alphabetic) {
      if UnicodeProperties.isLowercase(scalar) { return false }
      letters += 1
    }
    return letters >= 2
  }

  /// Whether the term is a proper noun (names of people, places, organisations).
  public var isProperNoun: Bool { partOfSpeech == "properNoun" }

  /// Whether the term is an abbreviated form (acronym, abbreviation, short form).
  public var isShortForm: Bool {
    ["acronym", "abbreviation", "shortForm"].contains(termType ?? "")
  }

  /// Equality ignores the diagnostic line and column.
  public static func == (a: Term, b: Term) -> Bool {
    a.text == b.text && a.language == b.language && a.status == b.status
      && a.partOfSpeech == b.partOfSpeech
      && a.termType == b.termType && a.caseSensitive == b.caseSensitive
      && a.matchMode == b.matchMode
      && a.note == b.note
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(language)
    hasher.combine(status)
  }
}

/// A concept: one meaning with its terms in every language (TBX `conceptEntry`/`termEntry`).
public struct Concept: Sendable, Hashable, Codable {
  /// The concept id (unique within a glossary).
  public var id: String
  /// The subject field, e.g. `arms control`.
  public var subjectField: String?
  /// A note or definition.
  public var note: String?
  /// Terms in every language, in glossary order.
  public var terms: [Term]
  /// 1-based line where the concept starts, for diagnostics.
  public var line: Int?

  /// Creates a concept.
  public init(
    id: String, subjectField: String? = nil, note: String? = nil, terms: [Term] = [],
    line: Int? = nil
  ) {
    self.id = id
    self.subjectField = subjectField
    self.note = note
    self.terms = terms
    self.line = line
  }

  /// The terms in one language.
  public func terms(in language: LanguageTag) -> [Term] {
    terms.filter { $0.language.matches(language) }
  }

  /// The term to suggest in a language: the first preferred term, else the first allowed one.
  public func preferredTerm(in language: LanguageTag) -> Term? {
    let candidates = terms(in: language)
    return candidates.first { $0.status == .preferred }
      ?? candidates.first { $0.effectiveStatus.isAllowed }
  }

  /// The languages this concept has terms in, in order of appearance.
  public var languages: [LanguageTag] {
    var seen: [LanguageTag] = []
    for t in terms where !seen.contains(where: { $0.matches(t.language) }) {
      seen.append(t.language)
    }
    return seen
  }

  /// Equality ignores the diagnostic line number.
  public static func == (a: Concept, b: Concept) -> Bool {
    a.id == b.id && a.subjectField == b.subjectField && a.note == b.note && a.terms == b.terms
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A concept-oriented glossary, as loaded from one file (or merged from several).
public struct Glossary: Sendable, Equatable, Codable {
  /// The concepts in file order.
  public var concepts: [Concept]
  /// The file it was loaded from, if any.
  public var path: String?
  /// The declared source language (TBX header, YAML `languages`), if any.
  public var sourceLanguage: LanguageTag?
  /// The declared target language, if any.
  public var targetLanguage: LanguageTag?
  /// What loading noticed but accepted (a spreadsheet's unknown columns, kept as notes), as
  /// `file:line: reason` lines, one per file and kind; the CLI prints them once.
  public var warnings: [String] = []

  private enum CodingKeys: String, CodingKey {
    case concepts, path, sourceLanguage, targetLanguage
  }

  /// Creates a glossary.
  public init(
    concepts: [Concept] = [], path: String? = nil, sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil
  ) {
    self.concepts = concepts
    self.path = path
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// Appends the concepts of another glossary.
  public mutating func merge(_ other: Glossary) {
    concepts.append(contentsOf: other.concepts)
    warnings.append(contentsOf: other.warnings)
    sourceLanguage = sourceLanguage ?? other.sourceLanguage
    targetLanguage = targetLanguage ?? other.targetLanguage
  }

  /// Every language that has at least one term.
  public var languages: [LanguageTag] {
    var seen: [LanguageTag] = []
    for c in concepts {
      for l in c.languages where !seen.contains(where: { $0.matches(l) }) { seen.append(l) }
    }
    return seen
  }

  /// Equality compares content only (not the path).
  public static func == (a: Glossary, b: Glossary) -> Bool { a.concepts == b.concepts }
}
