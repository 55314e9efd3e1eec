import Foundation
import TermlintGlossary
import TermlintText

/// Flags the same word twice in a row (*be be*), ignoring case, except grammatical repeats.
struct RepeatedWordRule: BuiltInRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "repeated-word",
    title: "Repeated Word",
    category: .linguisticConventions,
    defaultSeverity: .warning,
    summary: "The same word twice in a row, such as 'the the'; delete one",
    rationale: """
      ## Why is this bad?
      A doubled word is one of the commonest slips in edited copy, especially across a line
      break, and readers notice it at once. Words are compared ignoring case, with only white
      space (including a line break) between them; punctuation between them (*no, no*) is fine.

      Repeats that are grammatical are not reported: *had had*, *that that*, *do do*, *her her*,
      *very very*, *many many*, *bye bye*, *ha ha*. Add others with the `allow` option (a list of
      words). A repeat of two capitalised words is taken to be a name (*Duran Duran*) and left
      alone; numbers are not words; so is a capitalised word that starts a new line after its
      lower-case twin, and a word that goes on after an accelerator mark (*в в&ыделенном*).

      In a unit with a source, a repeat the source has too (an emphatic *very very*, a doubled
      name or code) is not reported.

      ## Example
      The delegation will be be in Geneva.

      ## Use instead
      The delegation will be in Geneva.
      """,
    nonTriggeringExamples: [
      RuleExample("The delegation will be in Geneva."),
      RuleExample("He had had enough, and he said that that was final."),
      RuleExample("“No, no,” she said. Boutros Boutros-Ghali agreed."),
      RuleExample("The vote was 20 20 on paper."),
      RuleExample("It is is what they said.", options: ["allow": "is"]),
      // A repeat the source has too; an accelerator mark inside the next word.
      RuleExample("They shouted: go go!", source: "Они кричали: давай давай!"),
      RuleExample("In in&side the text"),
      RuleExample("Catalogue, working\nWorking copy of the files."),
    ],
    triggeringExamples: [
      RuleExample(
        "The delegation will ↓be be in Geneva.", corrected: "The delegation will be in Geneva."),
      RuleExample("↓The the talks resumed.", corrected: "The talks resumed."),
      RuleExample("They met in ↓the\nthe capital.", corrected: "They met in the capital."),
      RuleExample("It ↓is is what they said."),
      RuleExample(
        "They met in ↓the the capital.", source: "Они встретились в столице.",
        corrected: "They met in the capital."),
    ]
  )

  /// Repeats that are grammatical in English.
  static let defaultAllowed: Set<String> = [
    "had", "that", "do", "does", "her", "very", "many", "bye", "ha",
  ]

  /// Words that may be repeated, case-folded.
  let allowed: Set<String>

  /// The rule's options.
  struct Configuration: RuleConfiguration {
    /// Words that may be repeated besides `defaultAllowed`.
    var allow: [String] = []

    static let documentation = [
      RuleOptionDocumentation(
        key: "allow", defaultValue: "[]", summary: "more words that may be repeated (a list)")
    ]

    init() {}

    init(from decoder: any Decoder) throws {
      let options = try decoder.container(keyedBy: CodingKeys.self)
      allow = try options.list(forKey: .allow) ?? allow
    }

    private enum CodingKeys: String, CodingKey { case allow }
  }

  init(configuration: Configuration, options: RuleOptions) {
    allowed = Self.defaultAllowed.union(
      configuration.allow.map(UnicodeProperties.foldCase).filter { !$0.isEmpty })
  }

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    guard let target = unit.target, target.tokens.count >= 2 else { return [] }
    var repeats = Self.repeats(in: target, allowed: allowed)
    // A doubled word the source has too (an emphatic "very very", a repeated name or code) is
    // the translation of a repeat, not a slip.
    if !repeats.isEmpty, let source = unit.source, source.tokens.count >= 2 {
      let keep = SourceComparison.introduced(
        target: repeats.map { (0, $0.text) }, targetLength: target.span.text.count,
        source: Self.repeats(in: source, allowed: []).map { (0, $0.text) },
        sourceLength: source.span.text.count)
      repeats = zip(repeats, keep).filter(\.1).map(\.0)
    }
    let file = target.span.file
    return repeats.map { r in
      context.finding(
        Self.descriptor, in: target, fileRange: r.file,
        message: .repeated(file.text(in: r.file), word: r.first),
        suggestions: [r.first], unit: unit.unit)
    }
  }

  /// The doubled words of a span: file range, text range and the first word as written.
  static func repeats(in span: AnnotatedSpan, allowed: Set<String>) -> [(
    file: Range<Int>, text: Range<Int>, first: String
  )] {
    let tokens = span.tokens
    let units = span.normalized.units
    var result: [(file: Range<Int>, text: Range<Int>, first: String)] = []
    var k = 1
    while k < tokens.count {
      defer { k += 1 }
      let a = tokens[k - 1]
      let b = tokens[k]
      guard a.kind == .word, b.kind == .word, b.spaceBefore, units[a.range] == units[b.range] else {
        continue
      }
      let word = String(utf16Units: units[a.range])
      if allowed.contains(word) { continue }
      let first = span.fileRange(normalized: a.range)
      let second = span.fileRange(normalized: b.range)
      let file = span.file
      let firstText = file.text(in: first)
      let secondText = file.text(in: second)
      if Self.isCapitalised(firstText) && Self.isCapitalised(secondText) { continue }
      let text = span.normalized.map.sourceRange(a.range.lowerBound..<b.range.upperBound)
      let raw = span.text
      // A capitalised word on a new line starts a new item ("Catalogue, working\n Working …").
      if !Self.isCapitalised(firstText) && Self.isCapitalised(secondText),
        raw[text].contains(where: { $0 == 0x0A || $0 == 0x0D })
          || Self.startsLine(second.lowerBound, in: file)
      {
        continue
      }
      // A word that goes on after an accelerator mark is another word ("В в&ыделенном").
      if text.upperBound + 1 < raw.count, [0x26, 0x5F, 0x7E].contains(raw[text.upperBound]),
        let next = Unicode.Scalar(raw[text.upperBound + 1]), Typography.isLetter(next)
      {
        continue
      }
      result.append((first.lowerBound..<second.upperBound, text, firstText))
      k += 1  // "the the the" is one finding plus one more, not two overlapping ones
    }
    return result
  }
}

extension RepeatedWordRule {
  /// Whether only white space stands between the start of a file line and `offset` (a word on a
  /// new line of a wrapped catalogue string: the line break itself is in the file's escapes).
  fileprivate static func startsLine(_ offset: Int, in file: SourceFile) -> Bool {
    let u = file.utf16
    var k = offset
    while k > 0 && (u[k - 1] == 0x20 || u[k - 1] == 0x09) { k -= 1 }
    if k == 0 || u[k - 1] == 0x0A || u[k - 1] == 0x0D { return true }
    // `\n"` + newline + `"` + indent in a PO file.
    return k >= 4 && u[k - 1] == 0x22 && (u[k - 2] == 0x0A || u[k - 2] == 0x0D) && u[k - 3] == 0x22
      && u[k - 4] == 0x6E && k >= 5 && u[k - 5] == 0x5C
  }

  fileprivate static func isCapitalised(_ word: String) -> Bool {
    word.unicodeScalars.first.map(UnicodeProperties.isUppercase) ?? false
  }
}

extension String {
  fileprivate static func repeated(_ found: String, word: String) -> String {
    "'\(found.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))' repeats a word; delete one '\(word)'"
  }
}
