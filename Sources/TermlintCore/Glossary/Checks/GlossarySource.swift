import Foundation
import TermlintGlossary
import TermlintText

/// One glossary file loaded for `glossary check`: the glossary, what the loader skipped or did
/// not understand, and the decoded text, so findings point at the exact place in the file.
public struct GlossarySource: Sendable {
  /// The path as given.
  public let path: String
  /// The file's format.
  public let format: GlossaryFormat
  /// The decoded file, for locations and quoted lines; nil when its encoding is one Termlint
  /// does not decode itself (a TBX declaring windows-1254): findings then carry lines only.
  public let file: SourceFile?
  /// The glossary as loaded leniently (see `GlossaryIO.loadReportingIssues`).
  public let glossary: Glossary
  /// What the loader skipped or did not understand.
  public let issues: [GlossaryLoadIssue]

  /// Reads and loads a glossary file; the format comes from the extension unless given.
  ///
  /// - Throws: `TermlintError` when the file cannot be read or its layout is broken.
  public static func load(
    path: String, format: GlossaryFormat? = nil, options: SheetOptions = .none
  ) throws -> GlossarySource {
    let resolved = try format ?? GlossaryIO.format(for: path)
    return try GlossarySource(
      bytes: GlossaryIO.readBytes(path: path), path: path, format: resolved, options: options)
  }

  /// Loads a glossary from bytes in memory; `path` names it in findings.
  ///
  /// - Throws: `TermlintError` when its layout is broken.
  public init(bytes: [UInt8], path: String, format: GlossaryFormat, options: SheetOptions = .none)
    throws
  {
    let (glossary, issues) = try GlossaryIO.loadReportingIssues(
      bytes: bytes, path: path, format: format, options: options)
    self.path = path
    self.format = format
    self.glossary = glossary
    self.issues = issues
    // A workbook is a zip: its findings carry the row (as the line) and the column only.
    self.file = format == .xlsx ? nil : try? SourceFile(path: path, bytes: bytes)
  }

  // MARK: - Locations

  /// The location of a term's text in the file.
  func location(of term: Term, concept: Concept) -> Location {
    location(line: term.line ?? concept.line, column: term.column, text: term.text)
  }

  /// The location of a concept: its id on its first line, else that whole line.
  func location(of concept: Concept) -> Location {
    location(line: concept.line, column: nil, text: concept.id)
  }

  /// The location of `text` on a line: at `column` when the file has the text (or its quoted or
  /// escaped form) there, else at the text's first occurrence on the line (after `>` preferred,
  /// for XML), else the line's content.
  func location(line: Int?, column: Int?, text: String?) -> Location {
    guard let file, let line, line >= 1, line <= file.lineStarts.count else {
      return Self.lineOnlyLocation(path: path, line: line ?? 1, column: column ?? 1)
    }
    return Location(file: file, utf16Range: range(in: file, line: line, column: column, text: text))
  }

  private func range(in file: SourceFile, line: Int, column: Int?, text: String?) -> Range<Int> {
    let lineRange = file.lineRange(line)
    let units = file.utf16
    let firstLine = text.map { String($0.prefix { $0 != "\n" && $0 != "\r" }) } ?? ""
    let forms = firstLine.isEmpty ? [] : spellings(of: firstLine).map { Array($0.utf16) }
    func matches(_ form: [UInt16], at offset: Int) -> Bool {
      offset + form.count <= lineRange.upperBound
        && Array(units[offset..<(offset + form.count)]) == form
    }
    if let column, let start = offset(ofColumn: column, in: file, lineRange: lineRange) {
      for form in forms where matches(form, at: start) { return start..<(start + form.count) }
      if forms.isEmpty { return start..<start }
    }
    var fallback: Range<Int>?
    for form in forms where !form.isEmpty && form.count <= lineRange.count {
      for start in lineRange.lowerBound...(lineRange.upperBound - form.count)
      where matches(form, at: start) {
        if start > lineRange.lowerBound && units[start - 1] == 0x3E {
          return start..<(start + form.count)
        }  // after '>'
        if fallback == nil { fallback = start..<(start + form.count) }
      }
    }
    if let fallback { return fallback }
    var start = lineRange.lowerBound
    while start < lineRange.upperBound && (units[start] == 0x20 || units[start] == 0x09) {
      start += 1
    }
    return start..<lineRange.upperBound
  }

  /// How a text may be written in this file's format: as is, XML-escaped, quoted.
  private func spellings(of text: String) -> [String] {
    switch format {
    case .tbx:
      let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
        of: "<", with: "&lt;"
      )
      .replacingOccurrences(of: ">", with: "&gt;")
      return escaped == text ? [text] : [escaped, text]
    case .csv, .tsv:
      return ["\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"", text]
    case .xlsx:
      return [text]
    case .yaml:
      return [
        text, YAMLGlossaryWriter.doubleQuoted(text),
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'",
      ]
    }
  }

  /// The UTF-16 offset of a 1-based code-point column on a line, nil when past its end.
  private func offset(ofColumn column: Int, in file: SourceFile, lineRange: Range<Int>) -> Int? {
    var offset = lineRange.lowerBound
    var current = 1
    while current < column {
      guard offset < lineRange.upperBound else { return nil }
      let unit = file.utf16[offset]
      offset += unit >= 0xD800 && unit <= 0xDBFF && offset + 1 < lineRange.upperBound ? 2 : 1
      current += 1
    }
    return offset
  }

  /// A location with a line and column but no text (the file could not be decoded).
  static func lineOnlyLocation(path: String, line: Int, column: Int) -> Location {
    var location = Location(file: SourceFile(path: path, text: ""), utf16Range: 0..<0)
    location.line = max(1, line)
    location.column = max(1, column)
    location.endLine = location.line
    location.endColumn = location.column
    return location
  }
}
