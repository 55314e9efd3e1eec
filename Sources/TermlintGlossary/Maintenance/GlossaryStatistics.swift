import TermlintText

/// Counts that describe a glossary (`termlint glossary stats`): concepts, terms per language and
/// status, and concepts per subject field.
public struct GlossaryStatistics: Sendable, Codable, Equatable {
  /// Counts for one language tag.
  public struct LanguageCounts: Sendable, Codable, Equatable {
    /// The language tag.
    public var language: String
    /// Terms in the language.
    public var terms: Int
    /// Concepts with at least one term in the language.
    public var concepts: Int
    /// Terms by status: `preferred`, `admitted`, `deprecated`, `forbidden`, `proposed`, and
    /// `none` for terms without a status (counted as admitted when linting).
    public var statuses: [String: Int]

    /// Counts one term in the language.
    mutating func count(_ term: Term, firstInConcept: Bool) {
      terms += 1
      statuses[term.status?.rawValue ?? "none", default: 0] += 1
      if firstInConcept { concepts += 1 }
    }
  }

  /// The file the glossary was read from, if any.
  public var path: String?
  /// Number of concepts.
  public var concepts: Int
  /// Number of terms.
  public var terms: Int
  /// Per language tag, most terms first.
  public var languages: [LanguageCounts]
  /// Concepts per subject field (`(none)` for concepts without one), most first.
  public var subjects: [String: Int]
  /// Concepts that have terms in only one language.
  public var monolingualConcepts: Int

  /// The status keys in display order.
  public static let statusKeys = [
    "preferred", "admitted", "none", "deprecated", "forbidden", "proposed",
  ]

  /// Counts a glossary.
  public init(_ g: Glossary) {
    path = g.path
    concepts = g.concepts.count
    terms = g.concepts.reduce(0) { $0 + $1.terms.count }
    var byLanguage: [String: LanguageCounts] = [:]
    var subjects: [String: Int] = [:]
    var monolingual = 0
    for concept in g.concepts {
      subjects[concept.subjectField ?? "(none)", default: 0] += 1
      // A concept's tags, first appearance first (a handful: a list beats a set).
      var seen: [String] = []
      for term in concept.terms {
        let tag = term.language.value
        let first = !seen.contains(tag)
        if first { seen.append(tag) }
        // Counted in place: a copy of the counts taken out and stored back copied their
        // dictionary of statuses at every term.
        byLanguage[
          tag, default: LanguageCounts(language: tag, terms: 0, concepts: 0, statuses: [:])
        ]
        .count(term, firstInConcept: first)
      }
      let primary = concept.terms.first?.language.language
      if primary != nil && concept.terms.allSatisfy({ $0.language.language == primary }) {
        monolingual += 1
      }
    }
    languages = byLanguage.values.sorted { ($0.terms, $1.language) > ($1.terms, $0.language) }
    self.subjects = subjects
    monolingualConcepts = monolingual
  }

  /// A readable table.
  public var text: String {
    var out = path.map { "\($0)\n" } ?? ""
    out += "concepts: \(concepts)\nterms: \(terms)\n"
    if monolingualConcepts > 0 {
      out += "concepts with terms in one language only: \(monolingualConcepts)\n"
    }
    let header =
      ["language", "terms", "concepts"] + Self.statusKeys.map { $0 == "none" ? "no status" : $0 }
    var rows = [header]
    for l in languages {
      rows.append(
        [l.language, "\(l.terms)", "\(l.concepts)"]
          + Self.statusKeys.map { "\(l.statuses[$0] ?? 0)" })
    }
    out += "\n" + table(rows, rightAligned: 1)
    out += "\nsubject fields (concepts):\n"
    let sortedSubjects = subjects.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    out += table(sortedSubjects.map { ["  " + $0.key, "\($0.value)"] }, rightAligned: 1)
    return out
  }

  private func table(_ rows: [[String]], rightAligned from: Int) -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
    return rows.map { row in
      row.enumerated().map { k, cell in
        let pad = String(repeating: " ", count: widths[k] - cell.count)
        return k >= from ? pad + cell : cell + pad
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
