import Foundation
import TermlintText
import ZIPFoundation

/// One worksheet of an `.xlsx` workbook as rows of text cells.
///
/// A cell's `line` is its row number and its `column` its column number (A = 1), as the sheet
/// shows them; rows keep gaps (`r="7"` after `r="3"`) and cells keep theirs (`r="D2"` after
/// `r="A2"`), empty rows are left out.
struct SheetTable {
  /// The sheet's name.
  var sheet: String
  /// The non-empty rows, in order, each padded with empty cells to its last non-empty cell.
  var rows: [DelimitedTextReader.Row]
}

/// Reads `.xlsx` workbooks (Office Open XML spreadsheets): a zip (read with ZIPFoundation) of XML
/// parts (read with the strict `XMLScanner`).
///
/// - The sheet is the named one, else the first in `xl/workbook.xml`; its part is found through
///   `xl/_rels/workbook.xml.rels`.
/// - Cell values: shared strings (`t="s"`, rich text runs concatenated, phonetic runs left out),
///   inline strings (`t="inlineStr"`), formula results (`t="str"`), numbers, booleans (`TRUE`,
///   `FALSE`) and error values as written.
/// - Every part is limited to 256 MiB uncompressed, so a zip bomb stops with an error.
///
/// Errors are `TermlintError.input` naming the file, the part and the reason (a corrupt zip, a
/// missing part or sheet, XML that is not well-formed, a bad cell reference).
enum XLSXReader {
  static let maxPartSize: UInt64 = 256 << 20

  /// The sheets of a workbook, in order.
  static func sheetNames(bytes: [UInt8], path: String) throws -> [String] {
    try withArchive(bytes, path: path) { archive in try sheets(in: archive, path: path).map(\.name)
    }
  }

  /// Reads one sheet (nil: the first).
  static func read(bytes: [UInt8], path: String, sheet wanted: String? = nil) throws -> SheetTable {
    try withArchive(bytes, path: path) { archive in try read(archive, path: path, sheet: wanted) }
  }

  private static func read(_ archive: Archive, path: String, sheet wanted: String?) throws
    -> SheetTable
  {
    let sheets = try sheets(in: archive, path: path)
    guard !sheets.isEmpty else { throw TermlintError.input(path, "the workbook has no sheets") }
    let chosen: (name: String, part: String)
    if let wanted {
      guard
        let found = sheets.first(where: { $0.name == wanted })
          ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
      else {
        throw TermlintError.input(
          path,
          "the workbook has no sheet '\(wanted)' (sheets: \(sheets.map { "'\($0.name)'" }.joined(separator: ", ")))"
        )
      }
      chosen = found
    } else {
      chosen = sheets[0]
    }
    let shared = try sharedStrings(in: archive, path: path)
    let rows = try worksheet(
      try part(chosen.part, in: archive, path: path), part: chosen.part, path: path,
      sheet: chosen.name, shared: shared)
    return SheetTable(sheet: chosen.name, rows: rows)
  }

  // MARK: - Parts

  /// Opens the bytes as a zip archive for `body`.
  ///
  /// The bytes go through a private temporary file: ZIPFoundation's in-memory archive traps
  /// (a negative range in `MemoryFile.readData`) when a corrupt entry points past the end of the
  /// data, which a mutated workbook reached in fuzzing; its file-backed archive reads such an
  /// entry as short and reports an error instead.
  private static func withArchive<T>(_ bytes: [UInt8], path: String, _ body: (Archive) throws -> T)
    throws -> T
  {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "termlint-xlsx-\(UUID().uuidString).zip")
    do {
      try Data(bytes).write(to: url, options: [.withoutOverwriting])
    } catch {
      throw TermlintError.input(
        path,
        "cannot read the workbook: writing a temporary copy failed (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: url) }
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw TermlintError.input(
        path, "not a valid .xlsx workbook: the file is not a readable zip archive")
    }
    return try body(archive)
  }

  /// A part's bytes; nil when the archive has no such part.
  private static func optionalPart(_ name: String, in archive: Archive, path: String) throws
    -> [UInt8]?
  {
    guard let entry = archive[name] else { return nil }
    guard entry.type == .file else {
      throw TermlintError.input(path, "not a valid .xlsx workbook: '\(name)' is not a file")
    }
    guard entry.uncompressedSize <= maxPartSize else {
      throw TermlintError.input(
        path, "'\(name)' is larger than \(maxPartSize >> 20) MiB uncompressed; not read")
    }
    var data = [UInt8]()
    data.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry) { chunk in
        guard UInt64(data.count + chunk.count) <= maxPartSize else { throw ArchiveLimit() }
        data.append(contentsOf: chunk)
      }
    } catch is ArchiveLimit {
      throw TermlintError.input(
        path, "'\(name)' is larger than \(maxPartSize >> 20) MiB uncompressed; not read")
    } catch {
      throw TermlintError.input(
        path, "not a valid .xlsx workbook: '\(name)' cannot be decompressed (\(error))")
    }
    return data
  }

  private struct ArchiveLimit: Error {}

  private static func part(_ name: String, in archive: Archive, path: String) throws -> [UInt8] {
    guard let bytes = try optionalPart(name, in: archive, path: path) else {
      throw TermlintError.input(path, "not a valid .xlsx workbook: the part '\(name)' is missing")
    }
    return bytes
  }

  /// Scans a part's elements; `visit` gets each element read as a tree when `wanted` says so.
  private static func scan(
    _ bytes: [UInt8], part: String, path: String, wanted: (String) -> Bool,
    visit: (XMLElement, SourceFile) throws -> Void
  ) throws {
    let file: SourceFile
    do { file = try SourceFile(path: "\(path)/\(part)", bytes: bytes) } catch let error
      as TermlintError
    {
      throw TermlintError.input(path, "not a valid .xlsx workbook: '\(part)': \(error.reason)")
    }
    var scanner = XMLScanner(file: file)
    while let event = try scanner.next() {
      if case .start(let tag) = event, wanted(tag.localName) {
        try visit(try scanner.readElement(tag), file)
      }
    }
  }

  /// The sheets listed in `xl/workbook.xml` with their parts.
  private static func sheets(in archive: Archive, path: String) throws -> [(
    name: String, part: String
  )] {
    var listed: [(name: String, id: String)] = []
    try scan(
      try part("xl/workbook.xml", in: archive, path: path), part: "xl/workbook.xml", path: path,
      wanted: { $0 == "sheet" }
    ) {
      element, _ in
      // The relationship id is in the officeDocument relationships namespace (prefix `r`).
      guard let name = element.attribute("name"),
        let id = element.tag.attributes.first(where: { $0.localName == "id" && $0.prefix != nil })?
          .value
      else {
        throw TermlintError.input(
          path, "not a valid .xlsx workbook: a <sheet> in 'xl/workbook.xml' has no name or r:id")
      }
      listed.append((name, id))
    }
    var targets: [String: String] = [:]
    let relsName = "xl/_rels/workbook.xml.rels"
    try scan(
      try part(relsName, in: archive, path: path), part: relsName, path: path,
      wanted: { $0 == "Relationship" }
    ) { element, _ in
      if let id = element.attribute("Id"), let target = element.attribute("Target") {
        targets[id] = target
      }
    }
    return try listed.map { sheet in
      guard let target = targets[sheet.id] else {
        throw TermlintError.input(
          path, "not a valid .xlsx workbook: sheet '\(sheet.name)' has no part in '\(relsName)'")
      }
      return (sheet.name, resolve(target))
    }
  }

  /// A relationship target relative to `xl/` (or absolute from the package root).
  private static func resolve(_ target: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var parts = ["xl"]
    for piece in target.split(separator: "/") {
      if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
    }
    return parts.joined(separator: "/")
  }

  /// The shared string table (`xl/sharedStrings.xml`; absent when no cell uses it).
  private static func sharedStrings(in archive: Archive, path: String) throws -> [String] {
    let name = "xl/sharedStrings.xml"
    guard let bytes = try optionalPart(name, in: archive, path: path) else { return [] }
    var strings: [String] = []
    try scan(bytes, part: name, path: path, wanted: { $0 == "si" }) { element, file in
      strings.append(richText(element, file: file))
    }
    return strings
  }

  /// The text of a string item (`<si>`, `<is>`): its `<t>`, or its runs' `<t>`s; phonetic
  /// guides (`<rPh>`) are left out.
  private static func richText(_ element: XMLElement, file: SourceFile) -> String {
    var out = ""
    for child in element.elements {
      switch child.name {
      case "t": out += child.text(in: file)
      case "r": out += child.children("t").map { $0.text(in: file) }.joined()
      default: break
      }
    }
    return out
  }

  /// A worksheet's rows.
  private static func worksheet(
    _ bytes: [UInt8], part: String, path: String, sheet: String, shared: [String]
  ) throws -> [DelimitedTextReader.Row] {
    var rows: [DelimitedTextReader.Row] = []
    var rowNumber = 0
    try scan(bytes, part: part, path: path, wanted: { $0 == "row" }) { element, file in
      if let r = element.attribute("r") {
        guard let n = Int(r), n > rowNumber else {
          throw TermlintError.input(
            path, "sheet '\(sheet)': bad row number r=\"\(r)\" after row \(rowNumber)")
        }
        rowNumber = n
      } else {
        rowNumber += 1
      }
      var cells: [DelimitedTextReader.Cell] = []
      var columnNumber = 0
      for c in element.children("c") {
        if let reference = c.attribute("r") {
          guard let (column, row) = cellReference(reference), row == rowNumber,
            column > columnNumber
          else {
            throw TermlintError.input(
              path, line: rowNumber,
              "sheet '\(sheet)': bad or out-of-order cell reference r=\"\(reference)\" in row \(rowNumber)"
            )
          }
          columnNumber = column
        } else {
          columnNumber += 1
        }
        let value = try cellValue(c, file: file, shared: shared) {
          TermlintError.input(
            path, line: rowNumber, column: columnNumber,
            "sheet '\(sheet)', cell \(columnName(columnNumber))\(rowNumber): \($0)")
        }
        guard !value.isEmpty else { continue }
        while cells.count < columnNumber - 1 {
          cells.append(.init(value: "", quoted: false, line: rowNumber, column: cells.count + 1))
        }
        cells.append(.init(value: value, quoted: false, line: rowNumber, column: columnNumber))
      }
      if !cells.isEmpty { rows.append(.init(cells: cells, line: rowNumber)) }
    }
    return rows
  }

  private static func cellValue(
    _ c: XMLElement, file: SourceFile, shared: [String], error: (String) -> TermlintError
  ) throws -> String {
    switch c.attribute("t") ?? "n" {
    case "s":
      guard let v = c.child("v") else { return "" }
      let raw = v.text(in: file).trimmingCharacters(in: .whitespaces)
      guard let index = Int(raw), shared.indices.contains(index) else {
        throw error(
          "shared string index '\(raw)' is not in the workbook's \(shared.count) shared strings")
      }
      return shared[index]
    case "inlineStr":
      return c.child("is").map { richText($0, file: file) } ?? ""
    case "b":
      let raw = c.child("v")?.text(in: file) ?? ""
      return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
    default:
      // Numbers, formula strings (`str`), errors (`e`), dates stored as numbers: as written.
      return c.child("v")?.text(in: file) ?? ""
    }
  }

  /// `B12` → (2, 12).
  static func cellReference(_ reference: String) -> (column: Int, row: Int)? {
    var column = 0
    var digits = Substring("")
    for (offset, scalar) in reference.unicodeScalars.enumerated() {
      if scalar.value >= 65 && scalar.value <= 90 {
        guard digits.isEmpty else { return nil }
        column = column * 26 + Int(scalar.value - 64)
        guard column <= 16_384 else { return nil }
      } else {
        digits = Substring(reference.unicodeScalars.dropFirst(offset))
        break
      }
    }
    guard column > 0, let row = Int(digits), row > 0 else { return nil }
    return (column, row)
  }

  /// 1 → `A`, 27 → `AA`.
  static func columnName(_ number: Int) -> String {
    var n = number
    var name = ""
    while n > 0 {
      let r = (n - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + r))) + name
      n = (n - 1) / 26
    }
    return name
  }
}
