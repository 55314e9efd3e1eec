/// Reads plain text and Markdown articles into one unit per paragraph or heading.
///
/// Plain text: paragraphs are separated by blank lines. Markdown (CommonMark blocks, simply):
/// headings keep their text without the `#` marks; list markers and block quote marks are not
/// text; fenced and indented code blocks, HTML comments, inline code, link targets and image
/// targets are skipped (link *text* is kept). Front matter between `---` lines is skipped.
public enum PlainTextReader {
  /// Reads `file` as Markdown (`markdown: true`) or plain text.
  public static func read(_ file: SourceFile, markdown: Bool, language: LanguageTag?) -> Document {
    var units: [Unit] = []
    var builder = SpanBuilder(file: file)
    var blockKind = "paragraph"
    var inFence: [UInt16]? = nil
    var inComment = false
    let lines = file.lineStarts.count
    var lineNumber = 1
    var paragraph = 0

    func flush() {
      if let span = builder.finish(language: language) {
        paragraph += 1
        units.append(Unit(id: "p\(paragraph)", target: span, metadata: ["kind": blockKind, "line": String(file.position(utf16Offset: span.map.sourceOffset(startingAt: 0)).line)]))
      }
      blockKind = "paragraph"
    }

    let u = file.utf16
    // Front matter.
    if markdown, lines > 1, file.lineText(1) == "---" {
      var l = 2
      while l <= lines && file.lineText(l) != "---" && file.lineText(l) != "..." { l += 1 }
      if l <= lines { lineNumber = l + 1 }
    }
    while lineNumber <= lines {
      let range = file.lineRange(lineNumber)
      defer { lineNumber += 1 }
      var start = range.lowerBound
      let end = range.upperBound
      if markdown {
        // Fenced code blocks.
        var k = start
        while k < end && k - start < 4 && u[k] == 0x20 { k += 1 }
        let fenceChar = k < end ? u[k] : 0
        if fenceChar == 0x60 || fenceChar == 0x7E {
          var m = k
          while m < end && u[m] == fenceChar { m += 1 }
          if m - k >= 3 {
            let fence = Array(u[k..<m])
            if let open = inFence {
              if fence.count >= open.count && fence[0] == open[0] { inFence = nil }
            } else {
              flush()
              inFence = fence
            }
            continue
          }
        }
        if inFence != nil { continue }
      }
      // Blank line ends a block.
      if u[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !inComment {
        flush()
        continue
      }
      if markdown {
        // Indented code block (only when not continuing a paragraph).
        if builder.isEmpty && end - start >= 4 && (u[start] == 0x09 || u[start..<(start + 4)].allSatisfy { $0 == 0x20 }) {
          continue
        }
        // Block prefixes: quotes, lists, headings.
        var k = start
        while k < end && u[k] == 0x20 { k += 1 }
        while k < end && u[k] == 0x3E {  // >
          k += 1
          if k < end && u[k] == 0x20 { k += 1 }
        }
        var hashes = 0
        while k + hashes < end && u[k + hashes] == 0x23 { hashes += 1 }
        if hashes >= 1 && hashes <= 6 && (k + hashes == end || u[k + hashes] == 0x20) {
          flush()
          blockKind = "heading"
          k += hashes
          while k < end && u[k] == 0x20 { k += 1 }
          var e = end
          while e > k && (u[e - 1] == 0x23 || u[e - 1] == 0x20) { e -= 1 }
          builder.appendMarkdownInline(k..<e, inComment: &inComment)
          flush()
          continue
        }
        if k + 1 < end && (u[k] == 0x2D || u[k] == 0x2A || u[k] == 0x2B) && u[k + 1] == 0x20 {
          // A thematic break (--- or * * *) is not text.
          if u[k..<end].allSatisfy({ $0 == u[k] || $0 == 0x20 }) && u[k..<end].filter({ $0 == u[k] }).count >= 3 {
            flush()
            continue
          }
          flush()
          k += 2
        } else if k < end, u[k] >= 0x30, u[k] <= 0x39 {
          var d = k
          while d < end && u[d] >= 0x30 && u[d] <= 0x39 && d - k < 9 { d += 1 }
          if d + 1 < end && (u[d] == 0x2E || u[d] == 0x29) && u[d + 1] == 0x20 {
            flush()
            k = d + 2
          }
        } else if u[k..<end].allSatisfy({ $0 == 0x2D || $0 == 0x3D || $0 == 0x20 }) && end - k >= 3 && !u[k..<end].contains(0x20) {
          // Setext underline or thematic break.
          if !builder.isEmpty { blockKind = "heading" }
          flush()
          continue
        }
        start = k
        builder.appendMarkdownInline(start..<end, inComment: &inComment)
      } else {
        builder.append(start..<end)
      }
      builder.appendLineBreak(after: end)
    }
    flush()
    return Document(file: file, format: markdown ? "markdown" : "text", units: units, targetLanguage: language)
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
      last.sourceStart + last.sourceLength == range.lowerBound, last.normalizedStart + last.normalizedLength == text.count
    {
      last.normalizedLength += range.count
      last.sourceLength += range.count
      runs[runs.count - 1] = last
    } else {
      runs.append(OffsetMap.Run(normalizedStart: text.count, normalizedLength: range.count, sourceStart: range.lowerBound, sourceLength: range.count))
    }
    text.append(contentsOf: file.utf16[range])
  }

  /// Appends derived text that stands for a file range (an entity, a placeholder, a line break).
  mutating func append(_ units: [UInt16], standingFor range: Range<Int>) {
    if units.isEmpty { return }
    runs.append(OffsetMap.Run(normalizedStart: text.count, normalizedLength: units.count, sourceStart: range.lowerBound, sourceLength: range.count))
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

  /// Appends a line of Markdown inline content, skipping inline code, link targets and comments.
  mutating func appendMarkdownInline(_ range: Range<Int>, inComment: inout Bool) {
    let u = file.utf16
    var k = range.lowerBound
    var pieceStart = k
    let end = range.upperBound
    func matches(_ s: String, at i: Int) -> Bool {
      let p = Array(s.utf16)
      return i + p.count <= end && Array(u[i..<(i + p.count)]) == p
    }
    while k < end {
      if inComment {
        if matches("-->", at: k) {
          inComment = false
          k += 3
          pieceStart = k
        } else {
          k += 1
        }
        continue
      }
      let c = u[k]
      if c == 0x3C && matches("<!--", at: k) {
        append(pieceStart..<k)
        inComment = true
        k += 4
        continue
      }
      if c == 0x60 {  // `code`
        var ticks = 0
        while k + ticks < end && u[k + ticks] == 0x60 { ticks += 1 }
        var m = k + ticks
        var closed = -1
        while m < end {
          if u[m] == 0x60 {
            var t = 0
            while m + t < end && u[m + t] == 0x60 { t += 1 }
            if t == ticks { closed = m + t; break }
            m += t
          } else {
            m += 1
          }
        }
        if closed > 0 {
          append(pieceStart..<k)
          append([0xFFFC], standingFor: k..<closed)
          k = closed
          pieceStart = k
          continue
        }
      }
      if c == 0x5D && k + 1 < end && u[k + 1] == 0x28 {  // ](target)
        var depth = 0
        var m = k + 1
        var closed = -1
        while m < end {
          if u[m] == 0x28 { depth += 1 } else if u[m] == 0x29 {
            depth -= 1
            if depth == 0 { closed = m + 1; break }
          }
          m += 1
        }
        if closed > 0 {
          append(pieceStart..<k)
          k = closed
          pieceStart = k
          continue
        }
      }
      if c == 0x21 && k + 1 < end && u[k + 1] == 0x5B {  // image ![ : drop the "!"
        append(pieceStart..<k)
        k += 1
        pieceStart = k
        continue
      }
      k += 1
    }
    if !inComment { append(pieceStart..<end) }
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
    return TextSpan(file: file, text: text, map: OffsetMap(runs: runs, count: text.count, sourceBase: 0, sourceLength: file.utf16.count), language: language)
  }
}
