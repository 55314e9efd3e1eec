import TermlintText

/// A hand-written RFC 4180 reader that keeps the line and column of every cell.
///
/// - Cells are separated by the delimiter; rows end at LF, CRLF or CR.
/// - A cell that starts with `"` (after optional spaces) is quoted: it may hold delimiters and
///   line breaks, `""` is one quote, and only spaces/tabs may follow the closing quote. A CRLF
///   inside quotes is read as LF.
/// - Unquoted cells are trimmed of spaces and tabs; a `"` inside them is kept as text.
/// - Before the first row is returned, lines starting with `#` and blank lines are skipped
///   (comments before the header); after it, blank lines are skipped and `#` is ordinary text.
struct DelimitedTextReader {
  /// One cell with its position (1-based line, 1-based column in Unicode scalars).
  struct Cell {
    package var value: String
    var quoted: Bool
    var line: Int
    var column: Int
  }

  /// One row with the line it starts on.
  struct Row {
    var cells: [Cell]
    var line: Int
  }

  private let scalars: [Unicode.Scalar]
  private let delimiter: Unicode.Scalar
  private let path: String
  private var i = 0
  private var line = 1
  private var column = 1
  private var sawRow = false

  package init(text: String, delimiter: Unicode.Scalar, path: String) {
    scalars = Array(text.unicodeScalars)
    self.delimiter = delimiter
    self.path = path
  }

  private var atEnd: Bool { i >= scalars.count }

  /// The string of some scalars, encoded to UTF-8 in one pass (appending to a
  /// `String.UnicodeScalarView` one scalar at a time was a quarter of loading a large TSV).
  static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
    var count = 0
    for scalar in slice { count += UTF8Encoding.length(scalar.value) }
    if count == 0 { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
      var k = 0
      for scalar in slice { k += UTF8Encoding.write(scalar.value, to: buffer, at: k) }
      return k
    }
  }

  private mutating func advance() {
    if scalars[i] == "\n"
      || (scalars[i] == "\r" && (i + 1 >= scalars.count || scalars[i + 1] != "\n"))
    {
      line += 1
      column = 1
    } else {
      column += 1
    }
    i += 1
  }

  private func isLineEnd(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\r" }

  private func isBlank(_ s: Unicode.Scalar) -> Bool { (s == " " || s == "\t") && s != delimiter }

  private mutating func skipLineEnd() {
    if !atEnd && scalars[i] == "\r" { advance() }
    if !atEnd && scalars[i] == "\n" { advance() }
  }

  /// The next non-blank row, or nil at the end of the text.
  ///
  /// - Throws: `TermlintError.configuration` for an unterminated quote or text after a closing quote.
  mutating func nextRow() throws -> Row? {
    while !atEnd {
      if !sawRow {
        var k = i
        while k < scalars.count && isBlank(scalars[k]) { k += 1 }
        if k >= scalars.count { return nil }
        if scalars[k] == "#" || isLineEnd(scalars[k]) {
          while !atEnd && !isLineEnd(scalars[i]) { advance() }
          skipLineEnd()
          continue
        }
      }
      let row = try readRow()
      if row.cells.count == 1 && !row.cells[0].quoted && row.cells[0].value.isEmpty { continue }
      sawRow = true
      return row
    }
    return nil
  }

  private mutating func readRow() throws -> Row {
    let rowLine = line
    var cells: [Cell] = []
    while true {
      cells.append(try readCell())
      if !atEnd && scalars[i] == delimiter {
        advance()
        continue
      }
      skipLineEnd()
      return Row(cells: cells, line: rowLine)
    }
  }

  private mutating func readCell() throws -> Cell {
    var k = i
    while k < scalars.count && isBlank(scalars[k]) { k += 1 }
    if k < scalars.count && scalars[k] == "\"" {
      while i < k { advance() }
      let cellLine = line
      let cellColumn = column
      advance()
      var value = String.UnicodeScalarView()
      while true {
        guard !atEnd else {
          throw TermlintError.configuration(
            path, line: cellLine, column: cellColumn,
            "unterminated quoted cell: the quote opened here is never closed")
        }
        let s = scalars[i]
        if s == "\"" {
          if i + 1 < scalars.count && scalars[i + 1] == "\"" {
            value.append("\"")
            advance()
            advance()
            continue
          }
          advance()
          break
        }
        if s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
          advance()
          continue
        }
        value.append(s)
        advance()
      }
      while !atEnd && isBlank(scalars[i]) { advance() }
      if !atEnd && scalars[i] != delimiter && !isLineEnd(scalars[i]) {
        throw TermlintError.configuration(
          path, line: line, column: column,
          "unexpected '\(scalars[i])' after the closing quote of a cell (write a quote inside a quoted cell as \"\")"
        )
      }
      return Cell(value: String(value), quoted: true, line: cellLine, column: cellColumn)
    }
    let cellLine = line
    let cellColumn = column
    // An unquoted cell never spans lines: find its end, trim blanks by index and build the
    // string once (appending scalar by scalar dominated loading a large TSV).
    let start = i
    while i < scalars.count && scalars[i] != delimiter && !isLineEnd(scalars[i]) { i += 1 }
    column += i - start
    var end = i
    while end > start && isBlank(scalars[end - 1]) { end -= 1 }
    var first = start
    while first < end && isBlank(scalars[first]) { first += 1 }
    let leading = first - start
    let text = DelimitedTextReader.string(scalars[first..<end])
    return Cell(value: text, quoted: false, line: cellLine, column: cellColumn + leading)
  }
}
