import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Helpers for reader tests.
enum DocTest {
  static let ru = LanguageTag("ru")!
  static let en = LanguageTag("en")!
  static let ruEn = LanguageDefaults(source: ru, target: en)

  /// Reads UTF-8 text as the format its path names.
  static func read(_ text: String, path: String, defaults: LanguageDefaults = ruEn) throws
    -> Document
  {
    try DocumentReader.read(bytes: Array(text.utf8), path: path, defaults: defaults)
  }

  /// The UTF-16 range of the `occurrence`-th (1-based) `needle` in a span's text.
  static func range(of needle: String, in span: TextSpan, occurrence: Int = 1) -> Range<Int>? {
    let n = Array(needle.utf16)
    var seen = 0
    var i = 0
    while i + n.count <= span.text.count {
      if Array(span.text[i..<(i + n.count)]) == n {
        seen += 1
        if seen == occurrence { return i..<(i + n.count) }
      }
      i += 1
    }
    return nil
  }

  /// The location in the original file of `needle` found in a span's text.
  static func location(of needle: String, in span: TextSpan, occurrence: Int = 1) throws -> Location
  {
    let r = try #require(
      range(of: needle, in: span, occurrence: occurrence), "'\(needle)' not in '\(span.string)'")
    return Location(file: span.file, utf16Range: span.map.sourceRange(r))
  }

  /// The 1-based line and code-point column where `needle` first occurs in `text` (after
  /// `after`, when given), computed independently of SourceFile.
  static func expectedPosition(of needle: String, in text: String, after: String? = nil) -> (
    line: Int, column: Int
  )? {
    var searchStart = text.startIndex
    if let after, let r = text.range(of: after) { searchStart = r.upperBound }
    guard let r = text.range(of: needle, range: searchStart..<text.endIndex) else { return nil }
    let before = text[..<r.lowerBound]
    // Lines end at LF, CRLF or CR (as SourceFile counts them).
    var line = 1
    var column = 1
    var previousCR = false
    for scalar in before.unicodeScalars {
      if scalar == "\n" {
        if !previousCR { line += 1 }
        column = 1
        previousCR = false
      } else if scalar == "\r" {
        line += 1
        column = 1
        previousCR = true
      } else {
        column += 1
        previousCR = false
      }
    }
    return (line, column)
  }

  /// Expects that every character of a span's text maps back to itself in the file, or, when it
  /// was derived, to a reference, escape or code that stands for it.
  static func expectFaithfulMap(_ span: TextSpan, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let file = span.file
    for i in span.text.indices {
      let r = span.map.sourceRange(i..<(i + 1))
      guard r.lowerBound >= 0, r.upperBound <= file.utf16.count, !r.isEmpty else {
        Issue.record(
          "unit text index \(i) maps outside the file: \(r)", sourceLocation: sourceLocation)
        return
      }
      let original = file.utf16[r]
      if original.count == 1 {
        if original.first != span.text[i] {
          Issue.record(
            "'\(span.string)' index \(i) maps to '\(file.text(in: r))'",
            sourceLocation: sourceLocation)
          return
        }
      } else if span.text[i] == 0xFFFC {
        if original.first != 0x3C {  // an inline code maps to its markup
          Issue.record("placeholder maps to '\(file.text(in: r))'", sourceLocation: sourceLocation)
          return
        }
      } else if !(original.first == 0x26 || original.first == 0x5C || original.first == 0x3C
        || (original.first == 0x0D && span.text[i] == 0x0A)
        || (span.text[i] >= 0xD800 && span.text[i] <= 0xDFFF))
      {
        Issue.record(
          "'\(span.string)' index \(i) maps to '\(file.text(in: r))'",
          sourceLocation: sourceLocation)
        return
      }
    }
  }
}
