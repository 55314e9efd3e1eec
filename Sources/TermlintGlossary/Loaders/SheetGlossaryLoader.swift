import Foundation
import TermlintText

/// How to read one spreadsheet glossary: which sheet, what its columns hold when the header does
/// not say, and the run's languages (for `source`/`target` columns and headerless sheets).
public struct SheetOptions: Sendable, Equatable {
  /// One entry of a `columns:` mapping: a header and the role of its column.
  public struct Mapping: Sendable, Equatable {
    /// The header as the sheet writes it (compared trimmed and case-insensitively).
    public var header: String
    /// What the column holds.
    public var role: SheetColumnRole

    public init(header: String, role: SheetColumnRole) {
      self.header = header
      self.role = role
    }
  }

  /// The worksheet of an `.xlsx` workbook (nil: the first).
  public var sheet: String?
  /// Roles given by the pipeline; they win over what the header names.
  public var columns: [Mapping]
  /// The run's source language.
  public var sourceLanguage: LanguageTag?
  /// The run's target language.
  public var targetLanguage: LanguageTag?
  /// Where the options come from (`pipeline.yml:12`), for messages.
  public var origin: String?

  public init(
    sheet: String? = nil, columns: [Mapping] = [], sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil,
    origin: String? = nil
  ) {
    self.sheet = sheet
    self.columns = columns
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.origin = origin
  }

  /// No sheet, no mapping, no languages.
  public static let none = SheetOptions()
}

/// Loads glossaries from spreadsheets (CSV, TSV, `.xlsx`) in any of the shapes teams keep them:
///
/// - **Termlint's layout** (`concept`, `lang`, `term` … one row per term; see
///   `CSVGlossaryLoader`); columns it does not know are kept as term notes, with one warning.
/// - **One concept per row, a column per language**: headers that are language codes or English
///   names (`ru`, `en`, `Russian`, `source_ru`, `ru_RU`), or `source`/`target` (the run's
///   languages); optional `id`, `subject`, notes (`note`, `comment`, `description` …), part of
///   speech (`pos`), and variants with a status (`forbidden`, `deprecated`, `do not use`,
///   `synonyms`, optionally with a language: `forbidden_en`). A cell may hold several terms
///   separated by `|` or `;`: in a language column the first is preferred and the others
///   admitted.
/// - **Per-row languages** (the TICO-19 sheets): `sourceLang`, `targetLang`, `sourceString`,
///   `targetString`, with tags such as `ru_RU`.
/// - **Two columns without a header** (TSV, as Xbench exports): source TAB target, in the run's
///   languages.
/// - Anything else, through a pipeline's `columns:` mapping (`SheetOptions.columns`).
///
/// Columns that name nothing known are kept in the concept's note as `header: value` lines, and
/// the glossary carries one warning per file naming them. Bad input (a row with the wrong number
/// of fields, a mapping naming a column the sheet lacks, a row without any term, a bad language
/// tag) is an error naming the file, the sheet, the row and the reason.
public enum SheetGlossaryLoader {
  /// Loads CSV/TSV bytes in any of the shapes above.
  ///
  /// - Throws: `TermlintError`.
  public static func load(
    bytes: [UInt8], path: String, delimiter: Unicode.Scalar, options: SheetOptions = .none
  ) throws -> Glossary {
    try load(bytes: bytes, path: path, delimiter: delimiter, options: options, lenient: false)
      .glossary
  }

  /// Loads CSV/TSV bytes for `glossary check` (Termlint's layout reads leniently; see
  /// `CSVGlossaryLoader.loadReportingIssues`).
  ///
  /// - Throws: `TermlintError`.
  public static func loadReportingIssues(
    bytes: [UInt8], path: String, delimiter: Unicode.Scalar, options: SheetOptions = .none
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    try load(bytes: bytes, path: path, delimiter: delimiter, options: options, lenient: true)
  }

  /// Loads one sheet of an `.xlsx` workbook (`options.sheet`, else the first).
  ///
  /// - Throws: `TermlintError`.
  public static func loadWorkbook(bytes: [UInt8], path: String, options: SheetOptions = .none)
    throws -> Glossary
  {
    try loadWorkbook(bytes: bytes, path: path, options: options, lenient: false).glossary
  }

  static func loadWorkbook(
    bytes: [UInt8], path: String, options: SheetOptions, lenient: Bool
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    let table = try XLSXReader.read(bytes: bytes, path: path, sheet: options.sheet)
    return try inSheet(table.sheet, path: path) {
      guard let header = table.rows.first else {
        throw TermlintError.configuration(
          path, "sheet '\(table.sheet)' is empty: it has no header row")
      }
      if options.columns.isEmpty && CSVGlossaryLoader.isOwnLayout(header) {
        var rest = table.rows.dropFirst().makeIterator()
        return try CSVGlossaryLoader.load(
          header: header, next: { rest.next() }, path: path, lenient: lenient, padRows: true)
      }
      return (
        try build(rows: table.rows, path: path, headerless: false, padRows: true, options: options),
        []
      )
    }
  }

  static func load(
    bytes: [UInt8], path: String, delimiter: Unicode.Scalar, options: SheetOptions, lenient: Bool
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    let text = try GlossarySupport.decodeText(bytes, path: path)
    var reader = DelimitedTextReader(text: text, delimiter: delimiter, path: path)
    guard let header = try reader.nextRow() else {
      throw TermlintError.configuration(
        path,
        "no header row; the first line that is not a # comment must name the columns (see Documentation/Glossary.md)"
      )
    }
    if options.columns.isEmpty && CSVGlossaryLoader.isOwnLayout(header) {
      return try CSVGlossaryLoader.load(
        header: header, next: { try reader.nextRow() }, path: path, lenient: lenient, padRows: false
      )
    }
    var rows = [header]
    while let row = try reader.nextRow() { rows.append(row) }
    return (
      try build(
        rows: rows, path: path, headerless: delimiter == "\t", padRows: false, options: options), []
    )
  }

  /// Runs `body`, adding `sheet 'NAME', row N: ` to the reason of the errors it throws.
  static func inSheet<T>(_ sheet: String, path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch var error as TermlintError
      where error.file == path && !error.reason.hasPrefix("sheet '")
    {
      var place = "sheet '\(sheet)'"
      if let line = error.line {
        place += ", row \(line)"
        if let column = error.column { place += ", column \(XLSXReader.columnName(column))" }
      }
      error.reason = place + ": " + error.reason
      throw error
    }
  }

  // MARK: - Layouts other than Termlint's

  private struct Column {
    var header: String
    var index: Int
    var role: SheetColumnRole?
  }

  /// Builds a glossary from rows: a header row and data rows (or data rows only, for a
  /// headerless two-column TSV).
  private static func build(
    rows: [DelimitedTextReader.Row], path: String, headerless allowHeaderless: Bool, padRows: Bool,
    options: SheetOptions
  ) throws -> Glossary {
    let header = rows[0]
    var columns = header.cells.enumerated().map { index, cell in
      Column(
        header: cell.value.trimmedForGlossary, index: index, role: SheetHeader.role(of: cell.value))
    }
    // The pipeline's mapping wins over the header.
    let origin = options.origin.map { " (\($0))" } ?? ""
    for mapping in options.columns {
      let wanted = mapping.header.trimmedForGlossary.lowercased()
      guard let index = columns.firstIndex(where: { $0.header.lowercased() == wanted }) else {
        throw TermlintError.configuration(
          path, line: header.line,
          "the 'columns' mapping\(origin) names column '\(mapping.header)', which the header does not have (columns: \(columns.map { "'\($0.header)'" }.joined(separator: ", ")))"
        )
      }
      columns[index].role = mapping.role
    }
    var dataRows = rows.dropFirst()
    let namesLanguages = columns.contains {
      switch $0.role {
      case .terms, .rowSourceTerm, .rowTargetTerm, .rowSourceLanguage, .rowTargetLanguage:
        return true
      default: return false
      }
    }
    if !namesLanguages {
      // Xbench's export: source TAB target, no header.
      if allowHeaderless && options.columns.isEmpty && rows.allSatisfy({ $0.cells.count == 2 }) {
        columns = [
          Column(header: "source", index: 0, role: .terms(.source)),
          Column(header: "target", index: 1, role: .terms(.target)),
        ]
        dataRows = rows[...]
      } else if options.columns.isEmpty,
        header.cells.contains(where: {
          CSVGlossaryLoader.requiredColumns.contains($0.value.trimmedForGlossary.lowercased())
        })
      {
        // Meant as Termlint's layout: its loader names the missing column.
        var none = [DelimitedTextReader.Row]().makeIterator()
        _ = try CSVGlossaryLoader.load(
          header: header, next: { none.next() }, path: path, lenient: false, padRows: padRows)
        throw TermlintError.configuration(
          path, line: header.line, "the header is not one Termlint can read")
      } else {
        throw TermlintError.configuration(
          path, line: header.line,
          "the header names no language column and Termlint's layout needs 'concept', 'lang' and 'term'; name the columns by language "
            + "(ru, en, Russian, source_ru …), or describe them with a 'columns' mapping in the pipeline (see Documentation/Glossary.md)"
        )
      }
    }
    let perRow =
      columns.contains { $0.role == .rowSourceLanguage }
      || columns.contains { $0.role == .rowTargetLanguage }
    if !perRow {
      // `Source term`, `Target string` without per-row languages: the run's languages.
      for i in columns.indices {
        if columns[i].role == .rowSourceTerm { columns[i].role = .terms(.source) }
        if columns[i].role == .rowTargetTerm { columns[i].role = .terms(.target) }
      }
    } else {
      for i in columns.indices {
        if columns[i].role == .terms(.source) { columns[i].role = .rowSourceTerm }
        if columns[i].role == .terms(.target) { columns[i].role = .rowTargetTerm }
      }
      for (role, name) in [
        (SheetColumnRole.rowSourceLanguage, "sourceLang"), (.rowTargetLanguage, "targetLang"),
        (.rowSourceTerm, "sourceString"),
        (.rowTargetTerm, "targetString"),
      ] where !columns.contains(where: { $0.role == role }) {
        throw TermlintError.configuration(
          path, line: header.line,
          "a sheet with the languages in its rows (sourceLang, targetLang) needs a '\(name)' column too"
        )
      }
    }
    for role in [
      SheetColumnRole.id, .subject, .partOfSpeech, .rowSourceLanguage, .rowTargetLanguage,
      .rowSourceTerm, .rowTargetTerm,
    ] {
      let same = columns.filter { $0.role == role }
      if same.count > 1 {
        throw TermlintError.configuration(
          path, line: header.line, column: header.cells[same[1].index].column,
          "columns '\(same[0].header)' and '\(same[1].header)' both hold the \(describe(role)); keep one, or map one to 'ignore' or 'note'"
        )
      }
    }
    // Languages of the language columns.
    func resolve(_ language: SheetLanguage, column: Column) throws -> LanguageTag? {
      switch language {
      case .tag(let tag): return tag
      case .source, .target:
        let side = language == .source ? "source" : "target"
        guard let tag = language == .source ? options.sourceLanguage : options.targetLanguage
        else {
          throw TermlintError.configuration(
            path, line: header.line,
            "column '\(column.header)' holds the \(side) language, but no \(side) language is set (the pipeline's languages.\(side), or --\(side)-lang)"
          )
        }
        return tag
      case .unspecified: return nil
      }
    }
    var termColumns: [(index: Int, language: LanguageTag)] = []
    for column in columns {
      if case .terms(let language) = column.role, let tag = try resolve(language, column: column) {
        termColumns.append((column.index, tag))
      }
    }
    // Variants without a language belong to the target language: the run's, when the sheet has
    // it; else the second language column (the first is the source by convention); else the only one.
    let defaultVariantLanguage =
      termColumns.first(where: { options.targetLanguage.map($0.language.matches) ?? false })?
      .language
      ?? (termColumns.count >= 2 ? termColumns[1].language : termColumns.first?.language)
    var variantColumns: [(index: Int, language: LanguageTag?, status: TermStatus)] = []
    for column in columns {
      if case .variants(let language, let status) = column.role {
        let tag = try resolve(language, column: column)
        if tag == nil && !perRow && defaultVariantLanguage == nil {
          throw TermlintError.configuration(
            path, line: header.line, "column '\(column.header)' has no language column to belong to"
          )
        }
        variantColumns.append(
          (column.index, tag ?? (perRow ? nil : defaultVariantLanguage), status))
      }
    }
    let index = { (role: SheetColumnRole) in columns.first { $0.role == role }?.index }
    let idColumn = index(.id)
    let subjectColumn = index(.subject)
    let posColumn = index(.partOfSpeech)
    let noteColumns = columns.filter { $0.role == .note }
    let extraColumns = columns.filter { $0.role == nil && !$0.header.isEmpty }
    let labelledNotes = noteColumns.count + extraColumns.count > 1 || !extraColumns.isEmpty
    let noteSources = columns.filter { $0.role == .note || ($0.role == nil && !$0.header.isEmpty) }
    var glossary = Glossary(path: path)
    var memo = LoaderMemo()
    for row in dataRows {
      var cells = row.cells
      if padRows {
        if cells.count > columns.count,
          let extra = cells[columns.count...].first(where: { !$0.value.isEmpty })
        {
          throw TermlintError.configuration(
            path, line: row.line, column: extra.column,
            "a value in a column that has no header ('\(extra.value)')")
        }
        cells = Array(cells.prefix(columns.count))
        while cells.count < columns.count {
          cells.append(
            .init(value: "", quoted: false, line: row.line, column: (cells.last?.column ?? 0) + 1))
        }
      } else if cells.count != columns.count {
        throw TermlintError.configuration(
          path, line: row.line,
          "row has \(cells.count) fields but the header has \(columns.count) (\(columns.map(\.header).joined(separator: ", ")))"
        )
      }
      func value(_ index: Int?) -> String? {
        guard let index else { return nil }
        let v = cells[index].value.trimmedForGlossary
        return v.isEmpty ? nil : v
      }
      if let blank = columns.first(where: {
        $0.role == nil && $0.header.isEmpty && value($0.index) != nil
      }) {
        throw TermlintError.configuration(
          path, line: row.line, column: cells[blank.index].column,
          "a value ('\(value(blank.index) ?? "")') in a column that has no header; name the column")
      }
      var concept = Concept(id: value(idColumn) ?? "row-\(row.line)", line: row.line)
      concept.subjectField = value(subjectColumn)
      var notes: [String] = []
      for column in noteSources {
        guard let text = value(column.index) else { continue }
        notes.append(labelledNotes ? "\(column.header): \(text)" : text)
      }
      concept.note = notes.isEmpty ? nil : notes.joined(separator: "\n")
      let pos = value(posColumn).map(partOfSpeech)
      func add(
        _ cell: DelimitedTextReader.Cell, language: LanguageTag, first: TermStatus?,
        rest: TermStatus?
      ) {
        for (n, piece) in variants(cell).enumerated() {
          var term = Term(piece.text, language: language, line: cell.line, column: piece.column)
          term.status = n == 0 ? first : rest
          term.partOfSpeech = pos
          concept.terms.append(term)
        }
      }
      var rowTarget: LanguageTag?
      if perRow {
        func language(_ role: SheetColumnRole, _ what: String) throws -> LanguageTag {
          let i = index(role)!
          guard let raw = value(i) else {
            throw TermlintError.configuration(
              path, line: row.line, column: cells[i].column, "the \(what) is empty")
          }
          guard let tag = memo.languageTag(raw) else {
            throw TermlintError.configuration(
              path, line: row.line, column: cells[i].column,
              "'\(raw)' is not a valid language tag (e.g. en, ru, ru_RU)")
          }
          return tag
        }
        let source = try language(.rowSourceLanguage, "source language")
        let target = try language(.rowTargetLanguage, "target language")
        rowTarget = target
        add(cells[index(.rowSourceTerm)!], language: source, first: .preferred, rest: .admitted)
        add(cells[index(.rowTargetTerm)!], language: target, first: .preferred, rest: .admitted)
      }
      for column in termColumns {
        add(cells[column.index], language: column.language, first: .preferred, rest: .admitted)
      }
      for column in variantColumns {
        guard let language = column.language ?? rowTarget else { continue }
        add(cells[column.index], language: language, first: column.status, rest: column.status)
      }
      guard !concept.terms.isEmpty else {
        if cells.allSatisfy({ $0.value.trimmedForGlossary.isEmpty }) { continue }
        throw TermlintError.configuration(
          path, line: row.line,
          "the row has no term in any language column, so its content would be lost; fill in a term or delete the row"
        )
      }
      concept.terms = GlossarySupport.groupedByLanguage(concept.terms)
      glossary.concepts.append(concept)
    }
    if !extraColumns.isEmpty {
      let names = extraColumns.map { "'\($0.header)'" }.joined(separator: ", ")
      glossary.warnings.append(
        "\(path):\(header.line): \(extraColumns.count == 1 ? "column" : "columns") \(names) \(extraColumns.count == 1 ? "is" : "are") not one Termlint knows; "
          + "\(extraColumns.count == 1 ? "its" : "their") values are kept in each concept's note")
    }
    if perRow, let first = glossary.concepts.first {
      glossary.sourceLanguage = first.terms.first?.language
      glossary.targetLanguage = first.terms.last?.language
    } else if termColumns.count >= 2 {
      glossary.sourceLanguage =
        termColumns.first { options.sourceLanguage.map($0.language.matches) ?? false }?.language
        ?? termColumns[0].language
      glossary.targetLanguage = defaultVariantLanguage
    }
    return glossary
  }

  /// The variants in a cell, split at `|` and `;`, trimmed, with their columns.
  static func variants(_ cell: DelimitedTextReader.Cell) -> [(text: String, column: Int)] {
    var out: [(String, Int)] = []
    var current = ""
    var start = 0
    var offset = 0
    func flush() {
      let trimmed = current.trimmedForGlossary
      if !trimmed.isEmpty {
        let leading = current.unicodeScalars.prefix { $0.properties.isWhitespace }.count
        out.append((trimmed, cell.column + (cell.quoted ? 1 : 0) + start + leading))
      }
      current = ""
    }
    for scalar in cell.value.unicodeScalars {
      if scalar == "|" || scalar == ";" {
        flush()
        start = offset + 1
      } else {
        current.unicodeScalars.append(scalar)
      }
      offset += 1
    }
    flush()
    return out
  }

  /// A part of speech in TBX's spelling when it is a usual one (`proper noun` → `properNoun`,
  /// `adj` → `adjective`); anything else as written.
  static func partOfSpeech(_ raw: String) -> String {
    switch SheetHeader.words(raw).joined() {
    case "noun", "n", "nn", "substantive": return "noun"
    case "propernoun", "propername", "pn", "nnp", "name": return "properNoun"
    case "verb", "v", "vb": return "verb"
    case "adjective", "adj", "a", "jj": return "adjective"
    case "adverb", "adv", "rb": return "adverb"
    case "other": return "other"
    default: return raw
    }
  }

  private static func describe(_ role: SheetColumnRole) -> String {
    switch role {
    case .id: return "concept id"
    case .subject: return "subject field"
    case .partOfSpeech: return "part of speech"
    case .rowSourceLanguage: return "source language"
    case .rowTargetLanguage: return "target language"
    case .rowSourceTerm: return "source string"
    case .rowTargetTerm: return "target string"
    default: return "same thing"
    }
  }
}
