import TermlintText

/// Loads the Termlint CSV (and TSV) glossary layout: one row per term.
///
/// Layout (see the header of `Glossaries/security-ru-en.csv`):
/// - UTF-8 (a BOM is allowed), LF or CRLF, RFC 4180 quoting (`""` is a quote; quoted cells may
///   hold delimiters and line breaks). TSV uses tabs and allows the same quoting.
/// - Lines starting with `#` before the header row are comments; blank lines are ignored.
/// - A header row is required. Columns are found by name (case-insensitive), in any order:
///   `concept` (required), `subject`, `concept_note`, `lang` (required), `term` (required),
///   `status`, `pos`, `type`, `case` (`sensitive`/`insensitive`/empty), `match`
///   (`stem`/`exact`/empty), `note`. Other columns are kept in each term's note as
///   `column: value` lines, and the glossary carries one warning naming them.
/// - Other spreadsheet shapes (a column per language, per-row languages) are read by
///   `SheetGlossaryLoader`, which hands sheets in this layout to this loader.
/// - Concept fields (`subject`, `concept_note`) may be given on any row of the concept; two
///   different non-empty values are an error. A concept's rows must be contiguous.
/// - Unquoted cells are trimmed of spaces and tabs; quote a cell to keep them.
///
/// Unlike TBX loading this is strict: every bad row throws `TermlintError.configuration` with
/// the line, the column (Unicode scalars) and the column name. Terms are grouped by language
/// within a concept (order kept within each language).
public enum CSVGlossaryLoader {
  /// The columns the layout knows, in the order the writer uses.
  public static let knownColumns = [
    "concept", "subject", "concept_note", "lang", "term", "status", "pos", "type", "case", "match",
    "note",
  ]

  /// The columns that must be present.
  public static let requiredColumns = ["concept", "lang", "term"]

  /// Loads CSV (`delimiter: ","`) or TSV (`delimiter: "\t"`) bytes in Termlint's layout.
  ///
  /// - Throws: `TermlintError.input` for text that is not UTF-8, `TermlintError.configuration`
  ///   for layout or content errors.
  public static func load(bytes: [UInt8], path: String, delimiter: Unicode.Scalar = ",") throws
    -> Glossary
  {
    try load(text: GlossarySupport.decodeText(bytes, path: path), path: path, delimiter: delimiter)
  }

  /// Loads CSV or TSV text already decoded.
  ///
  /// - Throws: `TermlintError.configuration` for layout or content errors.
  public static func load(text: String, path: String, delimiter: Unicode.Scalar = ",") throws
    -> Glossary
  {
    try load(text: text, path: path, delimiter: delimiter, lenient: false).glossary
  }

  /// Loads CSV or TSV bytes for `glossary check`: an unknown status, case or match value, an
  /// invalid language tag and an empty term are returned as issues (the term is kept without
  /// the bad value, or skipped) instead of stopping the load. Layout errors still throw.
  ///
  /// - Throws: `TermlintError.input` for text that is not UTF-8, `TermlintError.configuration`
  ///   for layout errors (header, quoting, cell counts, split concepts, conflicting concept fields).
  public static func loadReportingIssues(
    bytes: [UInt8], path: String, delimiter: Unicode.Scalar = ","
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    try load(
      text: GlossarySupport.decodeText(bytes, path: path), path: path, delimiter: delimiter,
      lenient: true)
  }

  private static func load(
    text: String, path: String, delimiter: Unicode.Scalar, lenient: Bool
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    var reader = DelimitedTextReader(text: text, delimiter: delimiter, path: path)
    guard let header = try reader.nextRow() else {
      throw TermlintError.configuration(
        path,
        "no header row; the first line that is not a # comment must name the columns (\(requiredColumns.joined(separator: ", ")) are required)"
      )
    }
    return try load(
      header: header, next: { try reader.nextRow() }, path: path, lenient: lenient, padRows: false)
  }

  /// Whether a header row is Termlint's layout: it names the required columns.
  static func isOwnLayout(_ header: DelimitedTextReader.Row) -> Bool {
    let names = Set(header.cells.map { $0.value.trimmedForGlossary.lowercased() })
    return requiredColumns.allSatisfy(names.contains)
  }

  /// Loads rows in Termlint's layout after their header. Columns the layout does not know are
  /// kept in each term's note as `column: value` lines, with one warning for the file.
  ///
  /// - Parameter padRows: rows may be shorter than the header (a workbook leaves trailing empty
  ///   cells out); a delimited file's rows must have exactly the header's cells.
  static func load(
    header: DelimitedTextReader.Row, next: () throws -> DelimitedTextReader.Row?, path: String,
    lenient: Bool, padRows: Bool
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    let columns = try parseHeader(header, path: path)
    var builder = Builder(path: path, lenient: lenient)
    builder.extra = columns.enumerated().compactMap { index, name in
      knownColumns.contains(name) ? nil : (index, header.cells[index].value.trimmedForGlossary)
    }
    while var row = try next() {
      if padRows && row.cells.count < columns.count {
        while row.cells.count < columns.count {
          row.cells.append(
            .init(
              value: "", quoted: false, line: row.line, column: (row.cells.last?.column ?? 0) + 1))
        }
      }
      if padRows && row.cells.count > columns.count,
        let extra = row.cells[columns.count...].first(where: { !$0.value.isEmpty })
      {
        throw TermlintError.configuration(
          path, line: row.line, column: extra.column,
          "a value in a column that has no header ('\(extra.value)')")
      }
      if padRows { row.cells = Array(row.cells.prefix(columns.count)) }
      guard row.cells.count == columns.count else {
        throw TermlintError.configuration(
          path, line: row.line,
          "row has \(row.cells.count) cells but the header has \(columns.count) (\(columns.joined(separator: ", ")))"
        )
      }
      try builder.add(row: row, columns: columns)
    }
    var glossary = Glossary(concepts: builder.finish(), path: path)
    if !builder.extra.isEmpty {
      let names = builder.extra.map { "'\($0.header)'" }.joined(separator: ", ")
      let one = builder.extra.count == 1
      glossary.warnings.append(
        "\(path):\(header.line): \(one ? "column" : "columns") \(names) \(one ? "is" : "are") not one of Termlint's (\(knownColumns.joined(separator: ", "))); "
          + "\(one ? "its" : "their") values are kept in each term's note")
    }
    return (glossary, builder.issues)
  }

  private static func parseHeader(_ header: DelimitedTextReader.Row, path: String) throws
    -> [String]
  {
    var names: [String] = []
    for cell in header.cells {
      let name = cell.value.trimmedForGlossary.lowercased()
      guard !name.isEmpty else {
        throw TermlintError.configuration(
          path, line: cell.line, column: cell.column,
          "an empty column name in the header; known columns: \(knownColumns.joined(separator: ", "))"
        )
      }
      guard !names.contains(name) else {
        throw TermlintError.configuration(
          path, line: cell.line, column: cell.column, "column '\(name)' appears twice in the header"
        )
      }
      names.append(name)
    }
    for required in requiredColumns where !names.contains(required) {
      throw TermlintError.configuration(
        path, line: header.line,
        "the header has no '\(required)' column (required: \(requiredColumns.joined(separator: ", ")))"
      )
    }
    return names
  }
}

// MARK: - Private

/// A row's cells by column name (a linear search over at most 11 names: cheaper than building a
/// dictionary per row).
private struct RowCells {
  let names: [String]
  let cells: [DelimitedTextReader.Cell]

  subscript(name: String) -> DelimitedTextReader.Cell? {
    names.firstIndex(of: name).map { cells[$0] }
  }
}

/// Accumulates rows into concepts, enforcing the layout rules.
private struct Builder {
  let path: String
  var concepts: [Concept] = []
  var memo = LoaderMemo()
  var firstLine: [String: Int] = [:]
  var subjectLine: Int?
  var noteLine: Int?
  /// Whether value errors become issues instead of errors.
  let lenient: Bool
  /// Columns the layout does not know (index, header as written): kept in the term's note.
  var extra: [(index: Int, header: String)] = []
  var issues: [GlossaryLoadIssue] = []

  init(path: String, lenient: Bool) {
    self.path = path
    self.lenient = lenient
  }

  mutating func add(row: DelimitedTextReader.Row, columns: [String]) throws {
    let cells = RowCells(names: columns, cells: row.cells)
    func value(_ name: String) -> String? {
      guard let v = cells[name]?.value, !v.isEmpty else { return nil }
      return v
    }
    func fail(_ name: String, _ reason: String) -> TermlintError {
      let cell = cells[name]
      return TermlintError.configuration(
        path, line: cell?.line ?? row.line, column: cell?.column, "column '\(name)': \(reason)")
    }
    /// In lenient mode records an issue and returns; otherwise throws.
    func problem(
      _ name: String, _ kind: GlossaryLoadIssue.Kind, _ reason: String, value: String? = nil
    ) throws {
      guard lenient else { throw fail(name, reason) }
      issues.append(
        GlossaryLoadIssue(
          file: path, line: cells[name]?.line ?? row.line, column: cells[name]?.column, reason,
          kind: kind, value: value))
    }

    guard let id = value("concept")?.trimmedForGlossary, !id.isEmpty else {
      throw fail("concept", "the concept id is empty")
    }
    if concepts.last?.id != id {
      if let first = firstLine[id] {
        throw TermlintError.configuration(
          path, line: cells["concept"]?.line ?? row.line, column: cells["concept"]?.column,
          "concept '\(id)' reappears after other concepts (its rows start at line \(first)); keep a concept's rows together"
        )
      }
      if var last = concepts.popLast() {
        last.terms = GlossarySupport.groupedByLanguage(last.terms)
        concepts.append(last)
      }
      firstLine[id] = row.line
      concepts.append(Concept(id: id, line: row.line))
      subjectLine = nil
      noteLine = nil
    }
    var concept = concepts.removeLast()
    defer { concepts.append(concept) }

    if let subject = value("subject") {
      if let existing = concept.subjectField, existing != subject {
        throw fail(
          "subject",
          "concept '\(id)' has two subjects: '\(existing)' (line \(subjectLine ?? 0)) and '\(subject)' (line \(cells["subject"]?.line ?? row.line))"
        )
      }
      if concept.subjectField == nil { subjectLine = cells["subject"]?.line }
      concept.subjectField = subject
    }
    if let note = value("concept_note") {
      if let existing = concept.note, existing != note {
        throw fail(
          "concept_note",
          "concept '\(id)' has two concept notes: '\(existing)' (line \(noteLine ?? 0)) and '\(note)' (line \(cells["concept_note"]?.line ?? row.line))"
        )
      }
      if concept.note == nil { noteLine = cells["concept_note"]?.line }
      concept.note = note
    }

    guard let rawLang = value("lang") else {
      try problem("lang", .invalidLanguageTag, "the language is empty")
      return
    }
    guard let language = memo.languageTag(rawLang) else {
      try problem(
        "lang", .invalidLanguageTag,
        "'\(rawLang)' is not a valid BCP 47 language tag (e.g. en, ru, en-GB)", value: rawLang)
      return
    }
    if lenient && language.value != rawLang {
      try problem(
        "lang", .languageTagSpelling,
        "language tag '\(rawLang)' is not in canonical BCP 47 form; write '\(language.value)'",
        value: rawLang)
    }
    guard let text = value("term"), !text.trimmedForGlossary.isEmpty else {
      try problem("term", .emptyTerm, "the term is empty")
      return
    }
    var term = Term(
      text, language: language, line: cells["term"]?.line ?? row.line, column: cells["term"]?.column
    )
    if let raw = value("status") {
      if let status = memo.status(raw) {
        term.status = status
      } else {
        try problem(
          "status", .unknownStatus,
          "unknown status '\(raw)' (expected \(GlossarySupport.statusList), or empty)", value: raw)
      }
    }
    term.partOfSpeech = value("pos")
    term.termType = value("type")
    if let raw = value("case") {
      if let sensitive = GlossarySupport.parseCase(raw) {
        term.caseSensitive = sensitive
      } else {
        try problem(
          "case", .invalidValue,
          "unknown value '\(raw)' (expected sensitive, insensitive, or empty)", value: raw)
      }
    }
    if let raw = value("match") {
      if let mode = GlossarySupport.parseMatch(raw) {
        term.matchMode = mode
      } else {
        try problem(
          "match", .invalidValue, "unknown value '\(raw)' (expected stem, exact, or empty)",
          value: raw)
      }
    }
    term.note = value("note")
    let kept = extra.compactMap { column -> String? in
      let text = row.cells[column.index].value
      return text.isEmpty ? nil : "\(column.header): \(text)"
    }
    if !kept.isEmpty { term.note = ([term.note].compactMap { $0 } + kept).joined(separator: "\n") }
    concept.terms.append(term)
  }

  mutating func finish() -> [Concept] {
    if var last = concepts.popLast() {
      last.terms = GlossarySupport.groupedByLanguage(last.terms)
      concepts.append(last)
    }
    // NOTE: only lenient loading can leave a concept without terms; its rows were reported.
    return concepts.filter { !$0.terms.isEmpty }
  }
}
