import TermlintGlossary
import TermlintText

extension OffsetMap {
  /// The map of a slice of the derived text: offset 0 of the result is `range.lowerBound` here.
  ///
  /// A run that changed length (a chunk) and is cut by the slice keeps its whole source chunk.
  public func slice(_ range: Range<Int>) -> OffsetMap {
    var result: [Run] = []
    for run in runs {
      let lower = max(run.normalizedStart, range.lowerBound)
      let upper = min(run.normalizedStart + run.normalizedLength, range.upperBound)
      guard lower < upper else { continue }
      if run.normalizedLength == run.sourceLength {
        let shift = lower - run.normalizedStart
        result.append(
          Run(
            normalizedStart: lower - range.lowerBound, normalizedLength: upper - lower,
            sourceStart: run.sourceStart + shift, sourceLength: upper - lower))
      } else {
        result.append(
          Run(
            normalizedStart: lower - range.lowerBound, normalizedLength: upper - lower,
            sourceStart: run.sourceStart, sourceLength: run.sourceLength))
      }
    }
    return OffsetMap(
      runs: result, count: range.count, sourceBase: sourceBase, sourceLength: sourceLength)
  }
}

extension TextSpan {
  /// A part of the span (a sentence of a paragraph), still mapped to the same file.
  ///
  /// - Parameter range: UTF-16 offsets into `text`.
  public func slice(_ range: Range<Int>) -> TextSpan {
    let count = placeholders.isEmpty ? 0 : text[..<range.lowerBound].filter { $0 == 0xFFFC }.count
    let inside = placeholders.isEmpty ? 0 : text[range].filter { $0 == 0xFFFC }.count
    let kept = Array(placeholders.dropFirst(count).prefix(inside))
    return TextSpan(
      file: file, text: Array(text[range]), map: map.slice(range), language: language,
      placeholders: kept)
  }

  /// Joins spans of one file in order; the text between two of them becomes one space that maps
  /// to the file text between them (a paragraph break).
  ///
  /// - Precondition: `spans` is not empty and every span comes from the same file.
  public static func joined(_ spans: [TextSpan]) -> TextSpan {
    guard var result = spans.first else { preconditionFailure("joined() needs at least one span") }
    if spans.count == 1 { return result }
    var runs = result.map.absoluteRuns
    for span in spans.dropFirst() {
      let gapStart = result.map.sourceOffset(endingAfter: result.text.count - 1)
      let gapEnd = span.map.sourceOffset(startingAt: 0)
      runs.append(
        OffsetMap.Run(
          normalizedStart: result.text.count, normalizedLength: 1, sourceStart: gapStart,
          sourceLength: max(0, gapEnd - gapStart)))
      let base = result.text.count + 1
      runs += span.map.absoluteRuns.map {
        OffsetMap.Run(
          normalizedStart: $0.normalizedStart + base, normalizedLength: $0.normalizedLength,
          sourceStart: $0.sourceStart, sourceLength: $0.sourceLength)
      }
      result.text += [0x20] + span.text
      result.placeholders += span.placeholders
      result.map = OffsetMap(
        runs: runs, count: result.text.count, sourceBase: 0, sourceLength: span.file.utf16.count)
    }
    return result
  }
}

extension OffsetMap {
  /// The runs with `sourceBase` folded into their source starts.
  fileprivate var absoluteRuns: [Run] {
    runs.map {
      Run(
        normalizedStart: $0.normalizedStart, normalizedLength: $0.normalizedLength,
        sourceStart: $0.sourceStart + sourceBase, sourceLength: $0.sourceLength)
    }
  }
}
