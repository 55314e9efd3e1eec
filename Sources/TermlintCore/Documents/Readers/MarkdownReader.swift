import Algorithms
import CCmarkShim
import TermlintGlossary
import TermlintText

/// Reads a Markdown article into one unit per paragraph or heading, with GitHub's cmark-gfm
/// (CommonMark and the autolink extension) deciding what is prose.
///
/// cmark-gfm finds the blocks: paragraphs (in list items and block quotes too) and headings are
/// prose; fenced and indented code, HTML blocks, link reference definitions and thematic breaks
/// are not. Front matter between `---` lines is skipped before parsing. Inside a block, code
/// spans, raw HTML tags (with their attributes) and autolinks (`<https://…>` and the bare URLs
/// and e-mail addresses of the autolink extension) are not prose: each becomes one U+FFFC, like
/// an inline code of a bilingual format; an HTML comment is dropped. The rest is the source text
/// as it is, as the plain reader gives it: list markers, block quote marks, a line's indentation
/// and a heading's `#` marks are not text, a line break is one space, link and image targets
/// `](…)` and an image's `!` are dropped (link *text* is kept), emphasis marks stay.
///
/// cmark gives lines and columns in bytes of UTF-8. The reader encodes the file itself, so each
/// byte maps back to a UTF-16 offset of `SourceFile`. cmark-gfm's inline columns count from the
/// block's first column on every line of a block (they ignore a later line's own prefix and
/// indentation), so they are shifted by that line's content start; the autolink extension's
/// links have no position, so they are found by their text after the previous located node; and
/// each located node is checked against the text before it is masked (one that does not match
/// stays prose rather than masking the wrong text).
enum MarkdownReader {
  static func read(_ file: SourceFile, language: LanguageTag?) -> Document {
    let u = file.utf16
    let lineCount = file.lineStarts.count

    // Front matter: the lines between a first line `---` and the next `---` or `...` line.
    var frontMatterLines = 0
    if lineCount > 1, file.lineText(1) == "---" {
      var l = 2
      while l <= lineCount && file.lineText(l) != "---" && file.lineText(l) != "..." { l += 1 }
      if l <= lineCount { frontMatterLines = l }
    }

    // UTF-8 for cmark, and the byte offset of every UTF-16 offset (NUL becomes U+FFFD as cmark
    // would make it, a lone surrogate U+FFFD too, each 3 bytes).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(u.count + u.count / 4)
    var byteOffset = [Int](repeating: 0, count: u.count + 1)
    var lineByteStart = [Int](repeating: 0, count: lineCount)
    var line = 0
    var i = 0
    while i < u.count {
      while line + 1 < lineCount && file.lineStarts[line + 1] <= i {
        line += 1
        lineByteStart[line] = bytes.count
      }
      byteOffset[i] = bytes.count
      let c = u[i]
      let blank = line < frontMatterLines && c != 0x0A && c != 0x0D
      if blank {
        i += 1
        continue
      }
      if c == 0 {
        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
      } else if c < 0x80 {
        bytes.append(UInt8(c))
      } else if c < 0x800 {
        bytes.append(UInt8(0xC0 | (c >> 6)))
        bytes.append(UInt8(0x80 | (c & 0x3F)))
      } else if c >= 0xD800 && c <= 0xDBFF && i + 1 < u.count && u[i + 1] >= 0xDC00
        && u[i + 1] <= 0xDFFF
      {
        let scalar = 0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
        bytes.append(UInt8(0xF0 | (scalar >> 18)))
        bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        byteOffset[i + 1] = bytes.count - 2  // inside the pair: not a place cmark can point at
        i += 2
        continue
      } else if c >= 0xD800 && c <= 0xDFFF {
        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
      } else {
        bytes.append(UInt8(0xE0 | (c >> 12)))
        bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (c & 0x3F)))
      }
      i += 1
    }
    while line + 1 < lineCount {
      line += 1
      lineByteStart[line] = bytes.count
    }
    byteOffset[u.count] = bytes.count

    var result = tl_markdown_result()
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
        tl_markdown_parse($0, Int64(buffer.count), &result)
      }
    }
    defer { tl_markdown_free(&result) }
    var items: [tl_markdown_item] = []
    var strings: [UInt8] = []
    if status == 0, result.count > 0 {
      items = Array(UnsafeBufferPointer(start: result.items, count: Int(result.count)))
      if result.stringsLength > 0 {
        strings = result.strings.withMemoryRebound(
          to: UInt8.self, capacity: Int(result.stringsLength)
        ) {
          Array(UnsafeBufferPointer(start: $0, count: Int(result.stringsLength)))
        }
      }
    }
    func string(_ offset: Int32, _ length: Int32) -> [UInt16] {
      guard length > 0 else { return [] }
      return Array(
        String(decoding: strings[Int(offset)..<Int(offset + length)], as: UTF8.self).utf16)
    }

    /// The UTF-16 offset of a 1-based line and 1-based byte column (nil when out of the line).
    func unit(line: Int, byteColumn: Int) -> Int? {
      guard line >= 1, line <= lineCount, byteColumn >= 1 else { return nil }
      let range = file.lineRange(line)
      let target = lineByteStart[line - 1] + byteColumn - 1
      let low = byteOffset[range].partitioningIndex { $0 >= target }
      return byteOffset[low] == target ? low : nil
    }
    func byteColumn(of offset: Int, line: Int) -> Int {
      byteOffset[offset] - lineByteStart[line - 1] + 1
    }
    func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 }

    var units: [Unit] = []
    var builder = SpanBuilder(file: file)
    var index = 0
    while index < items.count {
      let block = items[index]
      index += 1
      var inlines: [tl_markdown_item] = []
      while index < items.count && Int(items[index].kind) >= TL_MD_CODE {
        inlines.append(items[index])
        index += 1
      }
      let first = Int(block.startLine)
      guard first > frontMatterLines,
        let blockStart = unit(line: first, byteColumn: Int(block.startColumn))
      else { continue }

      // The lines of the block and where each one's content starts and ends.
      var lines: [(line: Int, start: Int, end: Int)] = []
      let quotes = Int(block.quotes)
      func continuationStart(_ l: Int) -> Int {
        let range = file.lineRange(l)
        var k = range.lowerBound
        while k < range.upperBound && isSpace(u[k]) { k += 1 }
        var q = 0
        while q < quotes && k < range.upperBound && u[k] == 0x3E {
          k += 1
          q += 1
          while k < range.upperBound && isSpace(u[k]) { k += 1 }
        }
        return k
      }
      var isHeading = Int(block.kind) == TL_MD_HEADING
      var atx = false
      if isHeading {
        var k = blockStart
        let end = file.lineRange(first).upperBound
        var hashes = 0
        while k + hashes < end && u[k + hashes] == 0x23 { hashes += 1 }
        atx = hashes >= 1 && hashes <= 6 && (k + hashes == end || isSpace(u[k + hashes]))
        if atx {
          k += hashes
          while k < end && isSpace(u[k]) { k += 1 }
          var e = end
          while e > k && isSpace(u[e - 1]) { e -= 1 }
          var h = e
          while h > k && u[h - 1] == 0x23 { h -= 1 }
          if h == k || (h < e && isSpace(u[h - 1])) {
            e = h
            while e > k && isSpace(u[e - 1]) { e -= 1 }
          }
          lines.append((first, k, e))
        }
      }
      if !atx {
        var last = max(first, Int(block.endLine))
        if block.endColumn == 0 && last > first { last -= 1 }
        last = min(last, lineCount)
        lines.append((first, blockStart, file.lineRange(first).upperBound))
        if first < last {
          for l in (first + 1)...last {
            let start = continuationStart(l)
            let end = file.lineRange(l).upperBound
            if isHeading {
              // A setext heading ends before its underline.
              var e = end
              while e > start && isSpace(u[e - 1]) { e -= 1 }
              if e > start
                && (u[start..<e].allSatisfy { $0 == 0x3D }
                  || u[start..<e].allSatisfy { $0 == 0x2D })
              {
                break
              }
            }
            lines.append((l, start, end))
          }
        }
      }
      if isHeading && lines.isEmpty { isHeading = false }

      // Inline positions: cmark's column on a later line counts from the block's first column.
      func located(_ l: Int32, _ c: Int32) -> Int? {
        let l = Int(l)
        let c = Int(c)
        if l == first { return unit(line: l, byteColumn: c) }
        guard let entry = lines.first(where: { $0.line == l }) else { return nil }
        return unit(
          line: l, byteColumn: byteColumn(of: entry.start, line: l) + c - Int(block.startColumn))
      }
      let blockEnd = lines.last!.end
      /// Whether `pattern` is in the text at `offset`, within the block.
      func matches(_ pattern: [UInt16], at offset: Int) -> Bool {
        offset >= 0 && offset + pattern.count <= blockEnd
          && u[offset..<(offset + pattern.count)].elementsEqual(pattern)
      }
      /// The content offset after `offset` on the block's lines, or nil at the block's end.
      func lineIndex(of offset: Int) -> Int? {
        lines.firstIndex { $0.start <= offset && offset <= $0.end }
      }

      var masks: [Mask] = []
      var cursor = lines[0].start
      for item in inlines {
        switch Int(item.kind) {
        case TL_MD_CODE:
          guard let p = located(item.startLine, item.startColumn), p > 0, u[p - 1] == 0x60 else {
            continue
          }
          var open = p
          while open > 0 && u[open - 1] == 0x60 { open -= 1 }
          let ticks = p - open
          // The closing run of as many backticks, on this line or a later one of the block.
          var closed: Int? = nil
          guard var li = lineIndex(of: p) else { continue }
          var k = p
          search: while li < lines.count {
            let end = lines[li].end
            while k < end {
              if u[k] == 0x60 {
                var t = 0
                while k + t < end && u[k + t] == 0x60 { t += 1 }
                if t == ticks {
                  closed = k + t
                  break search
                }
                k += t
              } else {
                k += 1
              }
            }
            li += 1
            if li < lines.count { k = lines[li].start }
          }
          if let closed, open >= cursor {
            masks.append(Mask(range: open..<closed, placeholder: true))
            cursor = closed
          }
        case TL_MD_HTML:
          guard let p = located(item.startLine, item.startColumn), p >= cursor, p < u.count,
            u[p] == 0x3C
          else { continue }
          let literal = string(item.textOffset, item.textLength)
          guard var li = lineIndex(of: p) else { continue }
          var k = p
          var ok = true
          for c in literal {
            if c == 0x0A {
              li += 1
              guard li < lines.count else {
                ok = false
                break
              }
              k = lines[li].start
            } else if k < lines[li].end && u[k] == c {
              k += 1
            } else {
              ok = false
              break
            }
          }
          if ok {
            let comment = literal.starts(with: Array("<!--".utf16))
            masks.append(Mask(range: p..<k, placeholder: !comment))
            cursor = k
          }
        case TL_MD_LINK, TL_MD_IMAGE:
          let text = string(item.textOffset, item.textLength)
          let url = string(item.urlOffset, item.urlLength)
          let autolink =
            Int(item.kind) == TL_MD_LINK && !text.isEmpty
            && (url == text || url == Array("mailto:".utf16) + text
              || url == Array("http://".utf16) + text)
          if autolink, item.childLine > 0, let p = located(item.childLine, item.childColumn),
            p >= cursor, matches(text, at: p),
            p > 0, u[p - 1] == 0x3C, p + text.count < u.count, u[p + text.count] == 0x3E
          {
            // <https://…>
            masks.append(Mask(range: (p - 1)..<(p + text.count + 1), placeholder: true))
            cursor = p + text.count + 1
          } else if autolink, item.childLine > 0, let p = located(item.childLine, item.childColumn),
            p >= cursor, matches(text, at: p),
            p > 0, u[p - 1] == 0x5B
          {
            // [https://…](…): a link whose text is its target stays prose, as any link text.
            cursor = p + text.count
          } else if autolink {
            // The autolink extension's bare URL or e-mail address: the next occurrence of its text.
            var k = cursor
            var found: Int? = nil
            while k + text.count <= blockEnd {
              if u[k] == text[0] && matches(text, at: k) {
                found = k
                break
              }
              k += 1
            }
            if let found {
              masks.append(Mask(range: found..<(found + text.count), placeholder: true))
              cursor = found + text.count
            }
          } else if let s = located(item.startLine, item.startColumn), s >= cursor, s < u.count,
            u[s] == 0x5B || u[s] == 0x21
          {
            // A link or image: what follows is past its target.
            if let e = located(item.endLine, item.endColumn), e >= s, e < u.count,
              u[e] == 0x29 || u[e] == 0x5D
            {
              cursor = e + 1
            } else {
              cursor = s + 1
            }
          }
        default:
          continue
        }
      }

      // The unit: each line's content, masks replaced, line breaks as one space.
      var resume: Int? = nil
      var m = 0
      for entry in lines {
        var start = entry.start
        if let r = resume {
          if r > entry.end { continue }
          start = max(start, r)
          resume = nil
        }
        while m < masks.count && masks[m].range.upperBound <= start { m += 1 }
        if let r = builder.appendMarkdownLine(start..<entry.end, masks: masks, next: &m) {
          resume = r
          continue
        }
        builder.appendLineBreak(after: entry.end)
      }
      if let span = builder.finish(language: language) {
        units.append(
          Unit(
            id: "p\(units.count + 1)", target: span,
            metadata: [
              "kind": isHeading ? "heading" : "paragraph",
              "line": String(file.position(utf16Offset: span.map.sourceOffset(startingAt: 0)).line),
            ]))
      }
    }
    return Document(file: file, format: "markdown", units: units, targetLanguage: language)
  }

  /// A range of a block that is not prose: one U+FFFC (`placeholder`) or nothing.
  struct Mask {
    var range: Range<Int>
    var placeholder: Bool
  }
}

extension SpanBuilder {
  /// Appends a line of Markdown inline content with `masks` (sorted, from index `next`)
  /// replaced, dropping link and image targets `](…)` and an image's `!`. Returns where to go on
  /// when a mask runs past the line's end.
  mutating func appendMarkdownLine(
    _ range: Range<Int>, masks: [MarkdownReader.Mask], next m: inout Int
  ) -> Int? {
    let u = file.utf16
    var k = range.lowerBound
    var pieceStart = k
    let end = range.upperBound
    while k < end {
      if m < masks.count && masks[m].range.lowerBound <= k {
        let mask = masks[m]
        m += 1
        if mask.range.upperBound <= k { continue }
        append(pieceStart..<k)
        if mask.placeholder { append([0xFFFC], standingFor: mask.range) }
        k = mask.range.upperBound
        pieceStart = k
        if k > end { return k }
        continue
      }
      let c = u[k]
      let nextMask = m < masks.count ? masks[m].range.lowerBound : Int.max
      if c == 0x5D && k + 1 < end && u[k + 1] == 0x28 {  // ](target)
        var depth = 0
        var j = k + 1
        var closed = -1
        while j < end && j < nextMask {
          if u[j] == 0x28 {
            depth += 1
          } else if u[j] == 0x29 {
            depth -= 1
            if depth == 0 {
              closed = j + 1
              break
            }
          }
          j += 1
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
    append(pieceStart..<end)
    return nil
  }
}
