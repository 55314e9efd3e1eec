import TermlintText

/// Writes a glossary in the Termlint CSV/TSV layout read by `CSVGlossaryLoader`.
///
/// A short `#` comment header comes first, then the header row. Only the optional columns some
/// concept or term uses are written, in `CSVGlossaryLoader.knownColumns` order. Concept fields
/// (`subject`, `concept_note`) go on the first row of each concept. A cell is quoted only when
/// it must be: it holds the delimiter, a quote or a line break, or starts or ends with a space
/// or tab (unquoted cells are trimmed on reading), or starts with `#`. LF line ends, UTF-8, no BOM.
///
/// The glossary's source and target languages are not written (the layout has no place for
/// them). A CR LF inside a cell is read back as LF.
public enum CSVGlossaryWriter {
  /// The document as UTF-8 bytes.
  ///
  /// - Throws: never at present; `throws` leaves room for values the layout cannot hold.
  public static func write(_ g: Glossary, delimiter: Unicode.Scalar = ",") throws -> [UInt8] {
    Array(string(g, delimiter: delimiter).utf8)
  }

  /// The document as a string.
  ///
  /// - Parameters:
  ///   - comments: comment lines to write before the header row (each starting with `#`);
  ///     nil writes a short default comment.
  ///   - keepColumns: columns to write even when no row uses them (`glossary fmt` keeps the
  ///     columns a file has); the writer adds the ones it needs, in `knownColumns` order.
  public static func string(
    _ g: Glossary, delimiter: Unicode.Scalar = ",", comments: [String]? = nil,
    keepColumns: [String] = []
  ) -> String {
    let concepts = g.concepts
    let terms = concepts.flatMap(\.terms)
    var used: Set<String> = ["concept", "lang", "term"]
    if concepts.contains(where: { $0.subjectField != nil }) { used.insert("subject") }
    if concepts.contains(where: { $0.note != nil }) { used.insert("concept_note") }
    if terms.contains(where: { $0.status != nil }) { used.insert("status") }
    if terms.contains(where: { $0.partOfSpeech != nil }) { used.insert("pos") }
    if terms.contains(where: { $0.termType != nil }) { used.insert("type") }
    if terms.contains(where: { $0.caseSensitive != nil }) { used.insert("case") }
    if terms.contains(where: { $0.matchMode != nil }) { used.insert("match") }
    if terms.contains(where: { $0.note != nil }) { used.insert("note") }
    used.formUnion(keepColumns)
    let columns = CSVGlossaryLoader.knownColumns.filter { used.contains($0) }

    let separator = String(Character(delimiter))
    var out = ""
    if let comments {
      for line in comments { out += line + "\n" }
    } else {
      out +=
        "# Termlint glossary, one row per term (UTF-8, RFC 4180 quoting, \(delimiter == "\t" ? "tab" : "comma")-separated).\n"
      out +=
        "# Columns: concept, subject, concept_note, lang, term, status, pos, type, case, match, note;\n"
      out += "# concept fields are given on the first row of each concept.\n"
    }
    out += columns.joined(separator: separator) + "\n"
    for concept in concepts {
      for (index, term) in concept.terms.enumerated() {
        let cells = columns.map { column -> String in
          switch column {
          case "concept": return concept.id
          case "subject": return index == 0 ? concept.subjectField ?? "" : ""
          case "concept_note": return index == 0 ? concept.note ?? "" : ""
          case "lang": return term.language.value
          case "term": return term.text
          case "status": return term.status?.rawValue ?? ""
          case "pos": return term.partOfSpeech ?? ""
          case "type": return term.termType ?? ""
          case "case": return term.caseSensitive.map(GlossarySupport.caseName) ?? ""
          case "match": return term.matchMode?.rawValue ?? ""
          default: return term.note ?? ""
          }
        }
        out +=
          cells.map { quoteIfNeeded($0, delimiter: delimiter) }.joined(separator: separator) + "\n"
      }
    }
    return out
  }

  /// The cell as written: quoted (with `""` for quotes) only when reading it back needs it.
  static func quoteIfNeeded(_ value: String, delimiter: Unicode.Scalar) -> String {
    let scalars = value.unicodeScalars
    let needs =
      scalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || scalars.first.map { $0 == " " || $0 == "\t" || $0 == "#" } == true
      || scalars.last.map { $0 == " " || $0 == "\t" } == true
    guard needs else { return value }
    return "\"" + value.replacingQuotes() + "\""
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}
