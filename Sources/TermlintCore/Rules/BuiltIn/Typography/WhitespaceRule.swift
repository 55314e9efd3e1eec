import TermlintGlossary
import TermlintText

/// Flags two or more spaces inside a line, trailing white space, a space before `, . ; : ! ?`
/// and a missing space after sentence punctuation.
struct WhitespaceRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "whitespace",
    title: "White Space",
    category: .linguisticConventions,
    defaultSeverity: .info,
    summary:
      "Two or more spaces in a line, white space at a line end, a space before punctuation, or no space after a sentence",
    rationale: """
      ## Why is this bad?
      Stray spaces survive copy-editing because they are hard to see, then show up as gaps in
      print and on the web, or as a comma stranded at the start of a line. Four things are
      reported:

      - two or more spaces (or tabs, or no-break spaces) in a row inside a line;
      - white space at the end of a line (in Markdown, two or more spaces before a line break
        inside a paragraph are a hard line break and are left alone);
      - a space before `,` `.` `;` `:` `!` `?` (not before an ellipsis, spaced `. . .` included,
        `.NET`, `:)` or a number;
        not in French text, where a space before `; : ! ?` is the rule);
      - no space after `.` `!` `?` that ends a sentence before a capitalised word (`talks.The`);
        abbreviations such as *U.S.* and *e.g.*, numbers, web addresses and names such as
        *ASP.NET* are left alone.

      Inline code, link targets and Markdown table rows are not checked for double spaces.

      In a unit with a source (PO, XLIFF, TMX, an aligned article pair) the same checks run on
      both sides and only what the translation adds is reported: column-aligned help text, the
      trailing space of a prompt such as `(y/N) ` or a space before punctuation that the source
      has in the same way are properties of the file, not translation errors. When the target
      has more of a kind than the source, the ones farthest from the source's are reported.

      Column layout of the file is left alone too, source or not: white space that pads a short
      one-line translation to a width that at least two other padded units of the file share (a
      column of labels padded to one width), a run of spaces after a line-initial label such as
      `parent:   ` that ends at the value column of at least two other units' labels, and the runs
      and trailing white space of a PO entry whose comment says it is positioned in columns
      (`i18n: column positioning`).

      ## Example
      Talks resumed on Monday , officials said.The next round is in May.

      ## Use instead
      Talks resumed on Monday, officials said. The next round is in May.
      """,
    nonTriggeringExamples: [
      RuleExample("Talks resumed on Monday, officials said. The next round is in May."),
      RuleExample("The U.S. delegation arrived at 10:30 a.m. and left at 5 p.m."),
      RuleExample(
        "He waited… and then … nothing. Shares rose 2.5 percent. It went on . . . and on."),
      RuleExample("Microsoft’s .NET team and ASP.NET developers were not there (really)."),
      RuleExample("A first line ending in a hard break  \nand its continuation."),
      RuleExample("First line\nsecond line of the same paragraph."),
      RuleExample("See www.example.com/News.Today for more, e.g. Tuesday’s note."),
      RuleExample("| Name | Votes |\n| ---- | ----- |\n| Yes  | 12    |"),
      RuleExample("“Is it over?” she asked. “No!” he said."),
      // Column layout the source has too is not the translator's.
      RuleExample(
        "  -B, --before-context=NUM  print NUM lines",
        source: "  -B, --before-context=NUM  печатать NUM строк"),
    ],
    triggeringExamples: [
      RuleExample("Talks resumed on↓  Monday.", corrected: "Talks resumed on Monday."),
      RuleExample(
        "Talks resumed on Monday↓ , officials said.",
        corrected: "Talks resumed on Monday, officials said."),
      RuleExample("Is that all↓ ?", corrected: "Is that all?"),
      RuleExample(
        "The round ended↓.The next one is in May.",
        corrected: "The round ended. The next one is in May."),
      RuleExample(
        "He said it was over↓.”Then he left.", corrected: "He said it was over.” Then he left."),
      RuleExample("First line↓ \nsecond line.", corrected: "First line\nsecond line."),
      RuleExample(
        "The last line ends with spaces.↓  ", corrected: "The last line ends with spaces."),
      RuleExample("Two gaps:↓  one↓   two.", corrected: "Two gaps: one two."),
      RuleExample(
        "Talks resumed↓  on Monday.", source: "Переговоры возобновились в понедельник.",
        corrected: "Talks resumed on Monday."),
    ]
  )

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let layout = Layout(document)
    return document.units.flatMap { check($0, in: document, layout: layout, context: context) }
  }

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    check(unit, in: document, layout: Layout(document), context: context)
  }

  func check(
    _ unit: AnnotatedUnit, in document: AnnotatedDocument, layout: Layout, context: RuleContext
  ) -> [Finding] {
    guard let target = unit.target else { return [] }
    let text = UnitText(target)
    var problems = detect(
      text, language: target.span.language ?? document.targetLanguage,
      format: document.document.format)
    // A property the source has in the same way (column layout, the trailing space of a
    // prompt) is not the translator's.
    if !problems.isEmpty, let source = SourceComparison.source(of: unit) {
      let sourceProblems = detect(
        source, language: source.span.language ?? document.sourceLanguage,
        format: document.document.format)
      let keep = SourceComparison.introduced(
        target: problems.map { ($0.kind, $0.range) }, targetLength: text.count,
        source: sourceProblems.map { ($0.kind, $0.range) }, sourceLength: source.count)
      problems = zip(problems, keep).filter(\.1).map(\.0)
    }
    // Column layout of the file: padding to a shared width, a label's value column, or an entry
    // whose comment says it is positioned in columns.
    if !problems.isEmpty {
      problems.removeAll { layout.isLayout($0, in: text, unit: unit.unit) }
    }
    return problems.map { p in
      context.finding(
        Self.descriptor, in: target, fileRange: p.fileRange ?? text.fileRange(p.range),
        message: p.message, suggestions: [p.suggestion],
        fixIsSafe: p.safe, unit: unit.unit)
    }
  }

  /// A white-space problem of one text.
  struct Problem {
    enum Kind: Hashable {
      case double, trailing, missingSpace
      case spaceBefore(UInt16)
    }

    let kind: Kind
    /// Where in the text (for trailing white space after the span: the span's last character).
    let range: Range<Int>
    /// The file range, when it is not the text range's (white space after the span).
    var fileRange: Range<Int>? = nil
    let message: String
    let suggestion: String
    let safe: Bool
  }

  /// The white-space problems of a text written in `language`.
  func detect(_ text: UnitText, language: LanguageTag?, format: String) -> [Problem] {
    let checkSpaceBefore = language?.language != "fr"
    var problems: [Problem] = []
    func report(
      _ kind: Problem.Kind, _ range: Range<Int>, _ message: String, _ suggestion: String, safe: Bool
    ) {
      problems.append(
        Problem(kind: kind, range: range, message: message, suggestion: suggestion, safe: safe))
    }
    var i = 0
    while i < text.count {
      guard Typography.isHorizontalSpace(text.units[i]) || text.isLineBreak(at: i) else {
        if let missing = missingSpace(after: i, in: text) {
          report(
            .missingSpace, missing, .missingSpace(text.string(missing)), text.string(missing) + " ",
            safe: false)
          i = missing.upperBound
        } else {
          i += 1
        }
        continue
      }
      var j = i
      while j < text.count
        && (Typography.isHorizontalSpace(text.units[j]) || text.isLineBreak(at: j))
      { j += 1 }
      if let lineBreak = (i..<j).first(where: text.isLineBreak(at:)) {
        let hardBreak = format == "markdown" && lineBreak - i >= 2
        if i > 0 && lineBreak > i && !hardBreak {
          report(.trailing, i..<lineBreak, .trailing, "", safe: true)
        }
      } else if i > 0 {
        if checkSpaceBefore, let punctuation = spaceIsBeforePunctuation(i..<j, in: text) {
          report(
            .spaceBefore(punctuation.utf16.first ?? 0), i..<j, .spaceBefore(punctuation), "",
            safe: true)
        } else if j == text.count {
          report(.trailing, i..<j, .trailing, "", safe: true)
        } else if j - i >= 2 && !isTableRow(text, at: i) {
          report(.double, i..<j, .doubleSpace, " ", safe: true)
        }
      }
      i = j
    }
    // Trailing white space after the span's last character (readers trim it from the text).
    if let trailing = trailingAfterSpan(text) {
      problems.append(
        Problem(
          kind: .trailing, range: (text.count - 1)..<text.count, fileRange: trailing,
          message: .trailing, suggestion: "", safe: true))
    }
    return problems
  }
}

extension WhitespaceRule {
  /// The column layout of a document's targets, learnt from all its units: runs of spaces that
  /// line text up in columns are the file's layout, not a translator's slip.
  ///
  /// - Padding: a one-line target that ends in white space padding it to a width that at least
  ///   two other padded one-line targets of the file share, with padding of different lengths
  ///   (a column of labels padded to one width).
  /// - A label's value column: a run of two or more spaces after a line-initial label ending in
  ///   `:` (`parent:   value`) that ends at a column at which at least two other units' label
  ///   runs end too, with runs of different lengths.
  /// - An entry whose translator or extracted comment says it is positioned in columns
  ///   (`i18n: column positioning for "hg summary"`): its runs and trailing white space.
  struct Layout {
    /// Widths (UTF-16) that padded one-line targets share.
    var paddedWidths: Set<Int> = []
    /// Columns (UTF-16 offset in the line) at which label runs of several units end.
    var labelColumns: Set<Int> = []

    init(_ document: AnnotatedDocument) {
      var padded: [Int: (units: Int, paddings: Set<Int>)] = [:]
      var labels: [Int: (units: Int, runs: Set<Int>)] = [:]
      for unit in document.units {
        guard let target = unit.target else { continue }
        let text = UnitText(target)
        if let (width, padding) = Self.padding(text) {
          padded[width, default: (0, [])].units += 1
          padded[width, default: (0, [])].paddings.insert(padding)
        }
        var seen: Set<Int> = []
        for label in Self.labelRuns(text) where seen.insert(label.column).inserted {
          labels[label.column, default: (0, [])].units += 1
          labels[label.column, default: (0, [])].runs.insert(label.run.count)
        }
      }
      paddedWidths = Set(padded.filter { $0.value.units >= 3 && $0.value.paddings.count >= 2 }.keys)
      labelColumns = Set(labels.filter { $0.value.units >= 3 && $0.value.runs.count >= 2 }.keys)
    }

    /// Whether a problem of `text` is column layout.
    func isLayout(_ problem: Problem, in text: UnitText, unit: Unit) -> Bool {
      switch problem.kind {
      case .trailing, .double: break
      default: return false
      }
      if Self.commentSaysColumns(unit) { return true }
      if problem.kind == .trailing, problem.fileRange == nil,
        problem.range.upperBound == text.count,
        let (width, _) = Self.padding(text), paddedWidths.contains(width)
      {
        return true
      }
      if problem.kind == .double {
        return Self.labelRuns(text).contains {
          $0.run == problem.range && labelColumns.contains($0.column)
        }
      }
      return false
    }

    /// The width and padding length of a one-line target that ends in spaces after some text.
    static func padding(_ text: UnitText) -> (width: Int, padding: Int)? {
      guard text.count > 1, text.count <= 80,
        !(0..<text.count).contains(where: text.isLineBreak(at:))
      else { return nil }
      var k = text.count
      while k > 0 && Typography.isHorizontalSpace(text.units[k - 1]) { k -= 1 }
      guard k > 0, k < text.count else { return nil }
      return (text.count, text.count - k)
    }

    /// Runs of two or more spaces after a line-initial label ending in `:` (at most three words
    /// of letters, digits, `-` `_` `.`), with the column at which each run ends.
    static func labelRuns(_ text: UnitText) -> [(run: Range<Int>, column: Int)] {
      var result: [(run: Range<Int>, column: Int)] = []
      var lineStart = 0
      var i = 0
      while i <= text.count {
        if i < text.count && !text.isLineBreak(at: i) {
          i += 1
          continue
        }
        // The line lineStart..<i.
        var k = lineStart
        while k < i && Typography.isHorizontalSpace(text.units[k]) { k += 1 }
        let labelStart = k
        var words = 1
        var ok = false
        while k < i && k - labelStart <= 32 {
          let u = text.units[k]
          if u == 0x3A {
            ok = k > labelStart
            break
          }
          if u == 0x20 {
            if k == labelStart || text.units[k - 1] == 0x20 { break }
            words += 1
          } else if let s = Unicode.Scalar(u),
            Typography.isLetterOrDigit(s) || u == 0x2D || u == 0x5F || u == 0x2E
          {
          } else {
            break
          }
          k += 1
        }
        if ok && words <= 3 {
          let runStart = k + 1
          var j = runStart
          while j < i && text.units[j] == 0x20 { j += 1 }
          if j - runStart >= 2 && j < i { result.append((runStart..<j, j - lineStart)) }
        }
        i += 1
        lineStart = i
      }
      return result
    }

    /// Whether the unit's translator (`# `) or extracted (`#. `) comment says it is laid out in
    /// columns (column positioning, alignment or width).
    static func commentSaysColumns(_ unit: Unit) -> Bool {
      for key in ["comment", "extracted-comment"] {
        guard let comment = unit.metadata[key]?.lowercased(), comment.contains("column") else {
          continue
        }
        if comment.contains("position") || comment.contains("align") || comment.contains("width") {
          return true
        }
      }
      return false
    }
  }

  fileprivate static let sentencePunctuation: Set<UInt16> = [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F]

  /// The punctuation mark a run of spaces wrongly precedes, if any.
  fileprivate func spaceIsBeforePunctuation(_ run: Range<Int>, in text: UnitText) -> String? {
    let j = run.upperBound
    guard j < text.count, Self.sentencePunctuation.contains(text.units[j]) else { return nil }
    guard let (before, _) = text.scalar(before: run.lowerBound) else { return nil }
    let b = before.value
    let content =
      Typography.isLetterOrDigit(before) || b == UInt32(Typography.placeholder)
      || (b < 0x10000 && Typography.closers.contains(UInt16(b)))
    guard content else { return nil }
    let p = text.units[j]
    let next: UInt16? = j + 1 < text.count ? text.units[j + 1] : nil
    let nextIsBoundary =
      next.map {
        Typography.isHorizontalSpace($0) || text.isLineBreak(at: j + 1)
          || Typography.closers.contains($0)
      } ?? true
    switch p {
    case 0x2E:  // . — not an ellipsis (. . . spaced as well), .NET or .5
      guard nextIsBoundary else { return nil }
      if j + 2 < text.count && Typography.isHorizontalSpace(text.units[j + 1])
        && text.units[j + 2] == 0x2E
      {
        return nil
      }
    case 0x3A, 0x3B, 0x21, 0x3F:  // : ; ! ? — not :) ;-) :30 or !important
      guard nextIsBoundary || next == 0x21 || next == 0x3F else { return nil }
    default:  // , — not ,000
      if let next, let s = Unicode.Scalar(next), Typography.isDigit(s) { return nil }
    }
    return String(utf16Units: [p])
  }

  /// The range of `. ! ?` (with closing quotes or brackets) at `index` that ends a sentence with
  /// no space before the next one, if any.
  fileprivate func missingSpace(after index: Int, in text: UnitText) -> Range<Int>? {
    let p = text.units[index]
    guard p == 0x2E || p == 0x21 || p == 0x3F else { return nil }
    // The word before: at least two letters, the last one lower case.
    var start = index
    var letters = 0
    var lastIsLower = false
    while let (s, k) = text.scalar(before: start), Typography.isLetterOrDigit(s) {
      if letters == 0 { lastIsLower = UnicodeProperties.isLowercase(s) }
      if Typography.isDigit(s) { return nil }
      letters += 1
      start = k
    }
    guard letters >= 2, lastIsLower else { return nil }
    var end = index + 1
    while end < text.count && Typography.closers.contains(text.units[end]) { end += 1 }
    guard end + 1 < text.count else { return nil }
    let (first, w) = text.scalar(at: end)
    let (second, _) = text.scalar(at: end + w)
    guard UnicodeProperties.isUppercase(first) && UnicodeProperties.isLowercase(second) else {
      return nil
    }
    // Not inside a web address, an e-mail address or a dotted name (www.Example.com).
    var chunkStart = start
    while let (s, k) = text.scalar(before: chunkStart),
      !Typography.isHorizontalSpace(UInt16(truncatingIfNeeded: s.value)), !text.isLineBreak(at: k)
    { chunkStart = k }
    var chunkEnd = end
    while chunkEnd < text.count && !Typography.isHorizontalSpace(text.units[chunkEnd])
      && !text.isLineBreak(at: chunkEnd)
    { chunkEnd += 1 }
    let chunk = text.units[chunkStart..<chunkEnd]
    if chunk.contains(0x2F) || chunk.contains(0x40) || chunk.contains(0x3A)
      || chunk.filter({ $0 == 0x2E }).count > 1
    {
      return nil
    }
    return index..<end
  }

  /// Whether the file line holding the character at `index` is a Markdown table row.
  fileprivate func isTableRow(_ text: UnitText, at index: Int) -> Bool {
    let range = text.file.lineRange(text.fileLine(at: index))
    let line = text.file.utf16[range].drop { $0 == 0x20 || $0 == 0x09 }
    return line.first == 0x7C
  }

  /// White space between the span's last character and the end of its file line.
  fileprivate func trailingAfterSpan(_ text: UnitText) -> Range<Int>? {
    guard text.count > 0, !Typography.isHorizontalSpace(text.units[text.count - 1]) else {
      return nil
    }
    let end = text.fileRange((text.count - 1)..<text.count).upperBound
    let u = text.file.utf16
    var k = end
    while k < u.count && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
    guard k > end, k == u.count || u[k] == 0x0A || u[k] == 0x0D else { return nil }
    return end..<k
  }
}

extension String {
  fileprivate static let doubleSpace = "Two or more spaces in a row; use one space"
  fileprivate static let trailing = "White space at the end of the line; delete it"

  fileprivate static func spaceBefore(_ punctuation: String) -> String {
    "Space before '\(punctuation)'; delete it"
  }

  fileprivate static func missingSpace(_ found: String) -> String {
    "No space after '\(found)' before the next sentence; add one"
  }
}
