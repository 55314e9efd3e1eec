import TermlintGlossary
import TermlintText

/// Reads plain text into one unit per paragraph, and Markdown through `MarkdownReader`.
///
/// Plain text: paragraphs are separated by blank lines; a line break inside one is one space.
public enum PlainTextReader {
  /// Reads `file` as Markdown (`markdown: true`, with cmark-gfm: see `MarkdownReader`) or plain
  /// text.
  public static func read(_ file: SourceFile, markdown: Bool, language: LanguageTag?) -> Document {
    if markdown { return MarkdownReader.read(file, language: language) }
    var units: [Unit] = []
    var builder = SpanBuilder(file: file)
    let lines = file.lineStarts.count
    var lineNumber = 1
    var paragraph = 0

    func flush() {
      if let span = builder.finish(language: language) {
        paragraph += 1
        units.append(
          Unit(
            id: "p\(paragraph)", target: span,
            metadata: [
              "kind": "paragraph",
              "line": String(file.position(utf16Offset: span.map.sourceOffset(startingAt: 0)).line),
            ]))
      }
    }

    let u = file.utf16
    while lineNumber <= lines {
      let range = file.lineRange(lineNumber)
      defer { lineNumber += 1 }
      let start = range.lowerBound
      let end = range.upperBound
      // Blank line ends a block.
      if u[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        flush()
        continue
      }
      builder.append(start..<end)
      builder.appendLineBreak(after: end)
    }
    flush()
    return Document(file: file, format: "text", units: units, targetLanguage: language)
  }
}

/// Accumulates pieces of a file into one `TextSpan` with an offset map.
struct SpanBuilder {
  let file: SourceFile
  var text: [UInt16] = []
  var runs: [OffsetMap.Run] = []

  init(file: SourceFile) { self.file = file }

  var isEmpty: Bool { text.isEmpty }

  /// Appends a verbatim slice of the file.
  mutating func append(_ range: Range<Int>) {
    if range.isEmpty { return }
    if var last = runs.last, last.normalizedLength == last.sourceLength,
      last.sourceStart + last.sourceLength == range.lowerBound,
      last.normalizedStart + last.normalizedLength == text.count
    {
      last.normalizedLength += range.count
      last.sourceLength += range.count
      runs[runs.count - 1] = last
    } else {
      runs.append(
        OffsetMap.Run(
          normalizedStart: text.count, normalizedLength: range.count, sourceStart: range.lowerBound,
          sourceLength: range.count))
    }
    text.append(contentsOf: file.utf16[range])
  }

  /// Appends derived text that stands for a file range (an entity, a placeholder, a line break).
  mutating func append(_ units: [UInt16], standingFor range: Range<Int>) {
    if units.isEmpty { return }
    runs.append(
      OffsetMap.Run(
        normalizedStart: text.count, normalizedLength: units.count, sourceStart: range.lowerBound,
        sourceLength: range.count))
    text.append(contentsOf: units)
  }

  /// Appends the line break between two lines of one paragraph as one space.
  mutating func appendLineBreak(after end: Int) {
    guard !text.isEmpty else { return }
    var e = end
    if e < file.utf16.count && file.utf16[e] == 0x0D { e += 1 }
    if e < file.utf16.count && file.utf16[e] == 0x0A { e += 1 }
    if e == end { return }
    append([0x20], standingFor: end..<e)
  }

  /// Returns the finished span (nil when it holds only white space) and resets the builder.
  mutating func finish(language: LanguageTag?) -> TextSpan? {
    defer {
      text = []
      runs = []
    }
    // Trim trailing spaces (the last line break, trailing blanks).
    while let last = text.last, last == 0x20 || last == 0x09 {
      text.removeLast()
      var r = runs.removeLast()
      if r.normalizedLength > 1 {
        if r.normalizedLength == r.sourceLength { r.sourceLength -= 1 }
        r.normalizedLength -= 1
        runs.append(r)
      }
    }
    guard text.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
    return TextSpan(
      file: file, text: text,
      map: OffsetMap(runs: runs, count: text.count, sourceBase: 0, sourceLength: file.utf16.count),
      language: language)
  }
}
