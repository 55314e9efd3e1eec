import Foundation
import TermlintText

/// A glossary file format Termlint reads and writes.
public enum GlossaryFormat: String, CaseIterable, Sendable {
  /// TBX (TermBase eXchange): v2 `martif`, v3 DCA and DCT, TBX-Min 2013. Written as TBX v3 TBX-Basic DCA.
  case tbx
  /// Comma-separated values, one row per term (see `CSVGlossaryLoader`).
  case csv
  /// Tab-separated values, same columns as CSV.
  case tsv
  /// Termlint's YAML layout (see `YAMLGlossaryLoader`).
  case yaml
  /// An Excel workbook (`.xlsx`), one sheet read in any shape `SheetGlossaryLoader` knows; read only.
  case xlsx

  /// The format for a file name extension (`tbx`, `xml`, `csv`, `tsv`, `tab`, `yml`, `yaml`, `xlsx`;
  /// case-insensitive, with or without the dot); nil when unknown.
  public init?(pathExtension: String) {
    var ext = pathExtension.lowercased()
    if ext.hasPrefix(".") { ext.removeFirst() }
    switch ext {
    case "tbx", "xml": self = .tbx
    case "csv": self = .csv
    case "tsv", "tab": self = .tsv
    case "yml", "yaml": self = .yaml
    case "xlsx": self = .xlsx
    default: return nil
    }
  }

  /// The format for a path, from its extension; nil when unknown.
  public init?(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    self.init(pathExtension: String(name[name.index(after: dot)...]))
  }

  /// The extension written for this format.
  public var preferredExtension: String {
    switch self {
    case .tbx: return "tbx"
    case .csv: return "csv"
    case .tsv: return "tsv"
    case .yaml: return "yaml"
    case .xlsx: return "xlsx"
    }
  }

  /// Every accepted extension, for messages.
  public static let acceptedExtensions = [
    ".tbx", ".xml", ".csv", ".tsv", ".tab", ".yml", ".yaml", ".xlsx",
  ]
}

/// Reads and writes glossaries in every `GlossaryFormat`.
public enum GlossaryIO {
  /// Loads a glossary file; the format comes from the extension unless given (pass it for `-`,
  /// standard input, which has no extension).
  ///
  /// - Throws: `TermlintError.input` when the file cannot be read or decoded,
  ///   `TermlintError.configuration` for an unknown extension or invalid content.
  public static func load(
    path: String, format: GlossaryFormat? = nil, options: SheetOptions = .none
  ) throws -> Glossary {
    let resolved = try format ?? self.format(for: path)
    return try load(bytes: readBytes(path: path), path: path, format: resolved, options: options)
  }

  /// Loads a glossary from bytes already in memory; `path` is used in messages only.
  /// `options` (sheet, column mapping, languages) apply to spreadsheets: CSV, TSV and `.xlsx`.
  ///
  /// - Throws: `TermlintError.input` or `TermlintError.configuration`.
  public static func load(
    bytes: [UInt8], path: String, format: GlossaryFormat, options: SheetOptions = .none
  ) throws -> Glossary {
    try load(bytes: bytes, path: path, format: format, options: options, lenient: false).glossary
  }

  /// Loads a glossary for checking: value problems (unknown statuses, invalid language tags,
  /// empty terms …) come back as issues instead of stopping the load; see each loader's
  /// `loadReportingIssues`.
  ///
  /// - Throws: `TermlintError.input` or `TermlintError.configuration` for what cannot be read.
  public static func loadReportingIssues(
    bytes: [UInt8], path: String, format: GlossaryFormat, options: SheetOptions = .none
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    try load(bytes: bytes, path: path, format: format, options: options, lenient: true)
  }

  /// Loads with the format's loader: `lenient` returns value problems as issues, otherwise they
  /// throw. (The TBX loader reports its issues either way: nothing in it is fatal to a load.)
  private static func load(
    bytes: [UInt8], path: String, format: GlossaryFormat, options: SheetOptions, lenient: Bool
  ) throws -> (glossary: Glossary, issues: [GlossaryLoadIssue]) {
    switch format {
    case .tbx: return try TBXLoader.loadReportingIssues(bytes: bytes, path: path)
    case .csv, .tsv:
      return try SheetGlossaryLoader.load(
        bytes: bytes, path: path, delimiter: format == .csv ? "," : "\t", options: options,
        lenient: lenient)
    case .yaml:
      return try YAMLGlossaryLoader.load(
        text: GlossarySupport.decodeText(bytes, path: path), path: path, lenient: lenient)
    case .xlsx:
      return try SheetGlossaryLoader.loadWorkbook(
        bytes: bytes, path: path, options: options, lenient: lenient)
    }
  }

  /// Serialises a glossary as UTF-8 bytes in a format.
  ///
  /// - Throws: `TermlintError.configuration` when the glossary holds something the format
  ///   cannot represent (e.g. a control character in TBX).
  public static func write(_ g: Glossary, format: GlossaryFormat) throws -> [UInt8] {
    switch format {
    case .xlsx:
      throw TermlintError.configuration(
        g.path,
        "Termlint reads .xlsx workbooks but does not write them; write .tbx, .csv, .tsv or .yaml")
    case .tbx: return try TBXWriter.write(g)
    case .csv: return try CSVGlossaryWriter.write(g, delimiter: ",")
    case .tsv: return try CSVGlossaryWriter.write(g, delimiter: "\t")
    case .yaml: return try YAMLGlossaryWriter.write(g)
    }
  }

  /// Loads several glossary files and merges them in order (concepts appended; the first
  /// declared source and target languages win).
  ///
  /// - Throws: the first error of any file.
  ///
  /// This is how `lint` loads: a TBX problem that would silently change what the glossary says
  /// (`GlossaryLoadIssue.changesMeaning`: an unknown status, a misspelt element or data
  /// category) is an error, as a bad CSV or YAML row is.
  public static func loadAll(paths: [String], options: (String) -> SheetOptions = { _ in .none })
    throws -> Glossary
  {
    if paths.count == 1 { return try loadForLinting(path: paths[0], options: options(paths[0])) }
    var merged = Glossary()
    for path in paths { merged.merge(try loadForLinting(path: path, options: options(path))) }
    return merged
  }

  /// Loads a glossary file for linting: like `load(path:)`, but a TBX issue that changes the
  /// glossary's meaning is thrown as `TermlintError.configuration` at its line and column.
  public static func loadForLinting(path: String, options: SheetOptions = .none) throws -> Glossary
  {
    let format = try self.format(for: path)
    guard format == .tbx else { return try load(path: path, format: format, options: options) }
    let bytes = try readBytes(path: path)
    let (glossary, issues) = try TBXLoader.loadReportingIssues(bytes: bytes, path: path)
    if let issue = issues.first(where: \.changesMeaning) {
      throw TermlintError.configuration(
        path, line: issue.line, column: issue.column,
        issue.message + " (run 'termlint glossary check \(path)' to list every problem)")
    }
    return glossary
  }

  /// The format of a path from its extension.
  ///
  /// - Throws: `TermlintError.configuration` naming the file and the accepted extensions.
  public static func format(for path: String) throws -> GlossaryFormat {
    guard let format = GlossaryFormat(path: path) else {
      throw TermlintError.configuration(
        path,
        "unknown glossary format; accepted extensions: \(GlossaryFormat.acceptedExtensions.joined(separator: ", "))"
      )
    }
    return format
  }

  /// Reads a file's bytes (`-` reads standard input); the same reader `lint` uses.
  public static func readBytes(path: String) throws -> [UInt8] {
    try SourceFile.readBytes(path: path)
  }
}
