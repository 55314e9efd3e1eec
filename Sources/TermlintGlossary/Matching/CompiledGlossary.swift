import TermlintText

/// A glossary compiled for matching: every term tokenized, normalized and stemmed once, and
/// arranged in one token trie per language over interned ids.
///
/// Immutable after construction and shared read-only by every file of a run.
public final class CompiledGlossary: Sendable {
  /// One matchable term.
  public struct Entry: Sendable {
    /// Index of the concept in `glossary.concepts`.
    public let conceptIndex: Int
    /// Index of the term in the concept's `terms`.
    public let termIndex: Int
    /// The term.
    public let term: Term
    /// The term's tokens in matching form (case-folded, normalized).
    package let tokens: [[UInt16]]
    /// Whether the term is case-sensitive (`Term.isCaseSensitive`, computed once).
    let isCaseSensitive: Bool
    /// The term in case-preserving matching form, for case comparisons (empty when the term is
    /// not case-sensitive: it is never compared).
    let casePreserved: [UInt16]
  }

  /// One language's trie.
  package struct Trie: Sendable {
    /// Children by node and edge key (see `edgeKey`), in one table (see `edge`).
    var edges = EdgeTable()
    /// Entries ending at each node (node 0 is the root).
    var terminals: [[Int32]] = [[]]

    /// The child of `node` along the edge `key`, if any.
    @inline(__always)
    package func child(_ node: Int32, _ key: Int64) -> Int32? { edges[Trie.edge(node, key)] }

    /// One table key for a node and an edge key (ids below 2^31, nodes below 2^30).
    @inline(__always)
    static func edge(_ node: Int32, _ key: Int64) -> UInt64 {
      UInt64(UInt32(bitPattern: node)) << 34 | UInt64(bitPattern: key)
    }
  }

  /// The glossary this was compiled from.
  public let glossary: Glossary
  /// Every term of every language that is matched (proposed terms are left out).
  public let entries: [Entry]
  /// Interned exact forms of term words (ids are edge labels).
  let forms: UTF16Table
  /// Interned stems of term words (ids are edge labels).
  let stems: UTF16Table
  let tries: [String: Trie]
  /// Stem ids of the words of proper-noun terms (for inflected names, see `TermMatcher`).
  let properNounStems: Set<Int32>
  let morphologies: [String: Morphology]
  /// Indexes derived from the glossary by rules, built once per run (see `NameIndex.shared`).
  package let derived = DerivedCache()

  /// Compiles a glossary.
  ///
  /// - Throws: `TermlintError.configuration` when a term has no matchable text.
  public init(_ glossary: Glossary) throws {
    self.glossary = glossary
    let tokenizer = try Tokenizer()
    var forms = UTF16Table()
    var stems = UTF16Table()
    // Per language, found by a linear search (a glossary has a handful): a few String-keyed
    // dictionary operations per term were a tenth of compiling 250,000 terms.
    var languages: [String] = []
    var trieList: [Trie] = []
    var morphologyList: [Morphology] = []
    var entries: [Entry] = []
    entries.reserveCapacity(glossary.concepts.count * 2)
    var properNounStems: Set<Int32> = []

    for (ci, concept) in glossary.concepts.enumerated() {
      for (ti, term) in concept.terms.enumerated() where term.status != .proposed {
        let lang = term.language.language
        let li: Int
        if let known = languages.firstIndex(of: lang) {
          li = known
        } else {
          li = languages.count
          languages.append(lang)
          trieList.append(Trie())
          morphologyList.append(Morphology(language: term.language))
        }
        let morphology = morphologyList[li]
        let normalized = NormalizedText(term.text, options: .matching)
        let tokens = tokenizer.tokens(in: normalized.units)
        if tokens.isEmpty {
          throw TermlintError.configuration(
            glossary.path, line: term.line ?? concept.line,
            "term '\(term.text)' of concept '\(concept.id)' has no letters or digits to match")
        }
        let entryIndex = Int32(entries.count)
        var node: Int32 = 0
        var tokenForms: [[UInt16]] = []
        tokenForms.reserveCapacity(tokens.count)
        for (k, token) in tokens.enumerated() {
          let form = Array(normalized.units[token.range])
          tokenForms.append(form)
          let glued = CompiledGlossary.isGlued(token, previous: k > 0 ? tokens[k - 1] : nil)
          let useStem =
            token.kind == .word && (term.matchMode ?? .stem) == .stem && morphology.hasStemmer
          let key: Int64
          if useStem {
            let id = stems.intern(morphology.stem(utf16: form))
            if term.isProperNoun { properNounStems.insert(id) }
            key = CompiledGlossary.edgeKey(id: id, stem: true, glued: glued)
          } else {
            key = CompiledGlossary.edgeKey(id: forms.intern(form), stem: false, glued: glued)
          }
          if let next = trieList[li].child(node, key) {
            node = next
          } else {
            let next = Int32(trieList[li].terminals.count)
            trieList[li].terminals.append([])
            trieList[li].edges.insert(Trie.edge(node, key), next)
            node = next
          }
        }
        trieList[li].terminals[Int(node)].append(entryIndex)
        let caseSensitive = term.isCaseSensitive
        let preserved =
          caseSensitive ? NormalizedText(term.text, options: .matchingPreservingCase).units : []
        entries.append(
          Entry(
            conceptIndex: ci, termIndex: ti, term: term, tokens: tokenForms,
            isCaseSensitive: caseSensitive, casePreserved: preserved))
      }
    }
    self.entries = entries
    self.forms = forms
    self.stems = stems
    self.tries = Dictionary(uniqueKeysWithValues: zip(languages, trieList))
    self.morphologies = Dictionary(uniqueKeysWithValues: zip(languages, morphologyList))
    self.properNounStems = properNounStems
  }

  /// Assembles a compiled glossary from parts the glossary cache restored (already validated:
  /// entry indexes within the glossary, trie terminals within the entries).
  package init(
    glossary: Glossary, entries: [Entry], forms: UTF16Table, stems: UTF16Table,
    tries: [String: Trie], properNounStems: Set<Int32>
  ) {
    self.glossary = glossary
    self.entries = entries
    self.forms = forms
    self.stems = stems
    self.tries = tries
    self.properNounStems = properNounStems
    self.morphologies = Dictionary(
      uniqueKeysWithValues: tries.keys.map { ($0, Morphology(language: LanguageTag($0))) })
  }

  /// The concept an entry belongs to.
  public func concept(of entry: Entry) -> Concept { glossary.concepts[entry.conceptIndex] }

  /// Whether the glossary has terms in a language.
  public func hasTerms(in language: LanguageTag) -> Bool { tries[language.language] != nil }

  /// A token is *glued* to the previous one when no space separates them and either is
  /// punctuation: hyphens and slashes are significant (`open-door` ≠ `open door`).
  @inline(__always)
  static func isGlued(_ token: Token, previous: Token?) -> Bool {
    guard let previous else { return false }
    return !token.spaceBefore && (token.kind == .punctuation || previous.kind == .punctuation)
  }

  @inline(__always)
  static func edgeKey(id: Int32, stem: Bool, glued: Bool) -> Int64 {
    Int64(id) << 2 | (stem ? 2 : 0) | (glued ? 1 : 0)
  }
}
