import TermlintText

/// Finds the concepts of a glossary that match a word or phrase in any of its languages, through
/// morphology (`termlint glossary lookup`): *гарантиями* finds *гарантии безопасности*, *missiles*
/// finds *cruise missile*.
///
/// Text and terms are normalized and tokenized as `lint` does; two words match when their forms
/// are equal, or their Snowball stems are equal and (for English) they are inflections of one
/// word. A concept matches when one of its terms equals the query, contains it as a run of whole
/// words, or is contained in it.
public final class GlossaryLookup: @unchecked Sendable {
  /// How a term matched the query.
  public enum Kind: String, Sendable, Codable, Comparable {
    /// The term is the query (up to inflection).
    case exact
    /// The term contains the query's words.
    case termContainsQuery = "term-contains-query"
    /// The query contains the term's words.
    case queryContainsTerm = "query-contains-term"

    private var rank: Int { self == .exact ? 0 : (self == .termContainsQuery ? 1 : 2) }
    /// Exact matches sort first, then terms containing the query, then terms inside it.
    public static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
  }

  /// A concept found, with the term that matched best.
  public struct Match: Sendable {
    /// The concept.
    public let concept: Concept
    /// Its term that matched.
    public let term: Term
    /// How it matched.
    public let kind: Kind
  }

  private struct Word {
    var form: [UInt16]
    var stem: [UInt16]
    var isWord: Bool
  }

  private struct Entry {
    var concept: Int
    var term: Int
    var words: [Word]
  }

  /// The glossary searched.
  public let glossary: Glossary
  private let tokenizer: Tokenizer
  private var entries: [String: [Entry]] = [:]  // by primary language
  private var morphologies: [String: Morphology] = [:]

  /// Prepares a glossary for lookups (every term normalized, tokenized and stemmed once).
  ///
  /// - Throws: `ICUError` when ICU cannot open a word break iterator.
  public init(_ glossary: Glossary) throws {
    self.glossary = glossary
    tokenizer = try Tokenizer()
    for (ci, concept) in glossary.concepts.enumerated() {
      for (ti, term) in concept.terms.enumerated() {
        let language = term.language.language
        let morphology = morphologies[language] ?? Morphology(language: term.language)
        morphologies[language] = morphology
        let words = self.words(term.text, morphology: morphology)
        if !words.isEmpty {
          entries[language, default: []].append(Entry(concept: ci, term: ti, words: words))
        }
      }
    }
  }

  /// The concepts matching a word or phrase, best first: exact matches, then terms containing
  /// the query (shorter terms first), then terms the query contains (longer terms first).
  ///
  /// - Parameter language: search only this language's terms; nil searches every language.
  public func lookup(_ query: String, language: LanguageTag? = nil) -> [Match] {
    var best: [Int: (match: Match, length: Int, order: Int)] = [:]
    var order = 0
    for (code, list) in entries.sorted(by: { $0.key < $1.key }) {
      if let language, language.language != code { continue }
      guard let morphology = morphologies[code] else { continue }
      let q = words(query, morphology: morphology)
      guard q.contains(where: \.isWord) else { continue }
      for entry in list {
        guard let kind = relation(query: q, term: entry.words, morphology: morphology) else {
          continue
        }
        let concept = glossary.concepts[entry.concept]
        let match = Match(concept: concept, term: concept.terms[entry.term], kind: kind)
        order += 1
        if let current = best[entry.concept],
          !Self.better(match, entry.words.count, than: current.match, current.length)
        {
          continue
        }
        best[entry.concept] = (match, entry.words.count, order)
      }
    }
    return best.values.sorted { a, b in
      if a.match.kind != b.match.kind { return a.match.kind < b.match.kind }
      if a.length != b.length {
        return a.match.kind == .queryContainsTerm ? a.length > b.length : a.length < b.length
      }
      return a.match.concept.id < b.match.concept.id
    }.map(\.match)
  }

  private static func better(_ a: Match, _ la: Int, than b: Match, _ lb: Int) -> Bool {
    if a.kind != b.kind { return a.kind < b.kind }
    return a.kind == .queryContainsTerm ? la > lb : la < lb
  }

  private func words(_ text: String, morphology: Morphology) -> [Word] {
    let normalized = NormalizedText(text, options: .matching)
    return tokenizer.tokens(in: normalized.units).map { token in
      let form = Array(normalized.units[token.range])
      return Word(
        form: form, stem: token.kind == .word ? morphology.stem(utf16: form) : form,
        isWord: token.kind != .punctuation)
    }
  }

  private func relation(query: [Word], term: [Word], morphology: Morphology) -> Kind? {
    func same(_ a: Word, _ b: Word) -> Bool {
      a.form == b.form || (a.stem == b.stem && morphology.areInflections(a.form, b.form))
    }
    func contains(_ long: [Word], _ short: [Word]) -> Bool {
      guard short.count <= long.count else { return false }
      for start in 0...(long.count - short.count) where zip(long[start...], short).allSatisfy(same)
      { return true }
      return false
    }
    if query.count == term.count && zip(query, term).allSatisfy(same) { return .exact }
    if contains(term, query) { return .termContainsQuery }
    if contains(query, term) { return .queryContainsTerm }
    return nil
  }
}
