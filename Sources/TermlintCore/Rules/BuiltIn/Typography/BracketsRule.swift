import TermlintGlossary
import TermlintText

/// Flags brackets and guillemets left unbalanced within a paragraph.
struct BracketsRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "brackets",
    title: "Unbalanced Brackets",
    category: .linguisticConventions,
    defaultSeverity: .warning,
    summary:
      "A bracket ( ) [ ] { } or guillemet « » is not closed, or not opened, in its paragraph",
    rationale: """
      ## Why is this bad?
      A parenthesis that is never closed leaves the reader unsure where an aside ends, and
      usually means that words were lost when the sentence was edited. Within each paragraph,
      every `(`, `[`, `{` and `«` needs its partner, in the right order.

      Not reported: list labels such as *a)* and *2)*, smileys such as `:)`, and brackets that
      balance in the file but not in the text checked (a Markdown link `[text](target)`, whose
      target is not checked), and brackets inside HTML tags of a catalogue string.

      In a unit with a source, a bracket the source leaves unbalanced in the same way
      (*Unmatched ) or \\)*) is not reported, and a guillemet may render an unbalanced
      quotation mark or backtick of the source (`` ` `` → `«`): only what the translation
      unbalances is reported.

      ## Example
      The talks (the first since January ended without a deal.

      ## Use instead
      The talks (the first since January) ended without a deal.
      """,
    nonTriggeringExamples: [
      RuleExample("The talks (the first since January) ended without a deal."),
      RuleExample("Options a) and b) were discussed, and 2) was dropped; *c)* too."),
      RuleExample("Nice :) and sad :( faces [sic], {braces} and «Правда»."),
      RuleExample("See [the report](https://example.com/a_(b)) for details."),
      // Unbalanced in the source too, or a quote of the source rendered as a guillemet.
      RuleExample("Unmatched ) or \\)", source: "Непарная ) или \\)"),
      RuleExample("Press «", source: "Нажмите `"),
    ],
    triggeringExamples: [
      RuleExample("The talks ↓(the first since January ended without a deal."),
      RuleExample("The talks in Geneva↓) ended."),
      RuleExample("Mixed ↓(up↓] here."),
      RuleExample("The newspaper ↓«Izvestia reported it."),
      RuleExample(
        "The talks ↓(the first since January ended.",
        source: "Переговоры (первые с января) закончились."),
    ]
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    guard let target = unit.target else { return [] }
    let text = UnitText(target)
    var problems = Self.unbalanced(in: text)
    // A bracket the source leaves unbalanced in the same way ("Unmatched ) or \\)"), or a
    // guillemet that renders an unbalanced quotation mark of the source ("`" → "«"), is not the
    // translator's.
    if !problems.isEmpty, let source = SourceComparison.source(of: unit) {
      let sourceProblems =
        Self.unbalanced(in: source).map {
          (Self.kind(of: source.units[$0.index], opening: $0.opening), $0.index..<($0.index + 1))
        }
        + QuotesRule.unbalancedQuotes(in: source).map { (Kind.quote, $0..<($0 + 1)) }
      let keep = SourceComparison.introduced(
        target: problems.map {
          (Self.kind(of: text.units[$0.index], opening: $0.opening), $0.index..<($0.index + 1))
        },
        targetLength: text.count, source: sourceProblems, sourceLength: source.count)
      problems = zip(problems, keep).filter(\.1).map(\.0)
    }
    return problems.map { problem in
      let range = text.fileRange(problem.index..<(problem.index + 1))
      let bracket = text.units[problem.index]
      let found = text.string(problem.index..<(problem.index + 1))
      let partner = String(utf16Units: [Self.closing[bracket] ?? Self.opening[bracket] ?? bracket])
      return context.finding(
        Self.descriptor, in: target, fileRange: range,
        message: problem.opening ? .unclosed(found, partner) : .unopened(found, partner),
        unit: unit.unit)
    }
  }

  /// What the source comparison matches: a bracket by kind and direction; a guillemet as a
  /// quotation mark of either direction (sources write quotes in other marks).
  enum Kind: Hashable {
    case bracket(UInt16, opening: Bool)
    case quote
  }

  static func kind(of bracket: UInt16, opening: Bool) -> Kind {
    bracket == 0xAB || bracket == 0xBB ? .quote : .bracket(bracket, opening: opening)
  }

  /// The brackets and guillemets of a text that do not balance in it (nor in the file text of
  /// the unit), in text order.
  static func unbalanced(in text: UnitText) -> [(index: Int, opening: Bool)] {
    var stack: [Int] = []
    var problems: [(index: Int, opening: Bool)] = []
    let tags = ProseMask.tags(in: text)
    for (i, u) in text.units.enumerated() {
      // NOTE: most characters are no bracket; test that before the dictionaries.
      guard
        u == 0x28 || u == 0x29 || u == 0x5B || u == 0x5D || u == 0x7B || u == 0x7D || u == 0xAB
          || u == 0xBB
      else { continue }
      if !tags.isEmpty && ProseMask.contains(tags, i) { continue }
      if Self.closing[u] != nil {
        if u == 0x28, let before = text.scalar(before: i)?.scalar, before == ":" || before == ";" {
          continue
        }
        stack.append(i)
      } else if let opener = Self.opening[u] {
        if u == 0x29
          && (Self.isSmiley(before: i, in: text) || Self.isListLabel(before: i, in: text))
        {
          continue
        }
        if let k = stack.lastIndex(where: { text.units[$0] == opener }) {
          problems += stack[(k + 1)...].map { ($0, true) }
          stack.removeSubrange(k...)
        } else {
          problems.append((i, false))
        }
      }
    }
    problems += stack.map { ($0, true) }
    let unitRange = text.fileRange(0..<text.count)
    return problems.sorted { $0.index < $1.index }.filter { problem in
      let range = text.fileRange(problem.index..<(problem.index + 1))
      return !Self.balancesInFile(
        text.file, at: range.lowerBound, within: unitRange, opening: problem.opening)
    }
  }
}

extension BracketsRule {
  /// Closing partner of each opening bracket.
  fileprivate static let closing: [UInt16: UInt16] = [
    0x28: 0x29, 0x5B: 0x5D, 0x7B: 0x7D, 0xAB: 0xBB,
  ]
  /// Opening partner of each closing bracket.
  fileprivate static let opening: [UInt16: UInt16] = [
    0x29: 0x28, 0x5D: 0x5B, 0x7D: 0x7B, 0xBB: 0xAB,
  ]

  /// `:)`, `;)`, `:-)`.
  fileprivate static func isSmiley(before index: Int, in text: UnitText) -> Bool {
    var k = index
    if k > 0 && text.units[k - 1] == 0x2D { k -= 1 }
    return k > 0 && (text.units[k - 1] == 0x3A || text.units[k - 1] == 0x3B)
  }

  /// A list label: one to three letters or digits at the start or after white space (`a)`, `iv)`, `12)`).
  fileprivate static func isListLabel(before index: Int, in text: UnitText) -> Bool {
    var k = index
    var n = 0
    while let (s, p) = text.scalar(before: k), Typography.isLetterOrDigit(s) {
      k = p
      n += 1
      if n > 3 { return false }
    }
    guard n >= 1 else { return false }
    if k == 0 || text.isSpace(at: k - 1) || text.isLineBreak(at: k - 1) { return true }
    // Emphasis or a quote around the label: *a)*, "b)".
    return [0x2A, 0x5F, 0x22, 0x27, 0x201C, 0x2018].contains(text.units[k - 1])
  }

  /// Whether the bracket at a file offset balances in the file text of its unit (readers leave
  /// out link targets and other markup that can hold the partner).
  fileprivate static func balancesInFile(
    _ file: SourceFile, at offset: Int, within range: Range<Int>, opening: Bool
  ) -> Bool {
    let u = file.utf16
    let me = u[offset]
    guard let partner = opening ? closing[me] : self.opening[me] else { return false }
    var depth = 0
    if opening {
      var k = offset
      while k < min(range.upperBound, u.count) {
        if u[k] == me {
          depth += 1
        } else if u[k] == partner {
          depth -= 1
          if depth == 0 { return true }
        }
        k += 1
      }
    } else {
      var k = offset
      while k >= range.lowerBound {
        if u[k] == me {
          depth += 1
        } else if u[k] == partner {
          depth -= 1
          if depth == 0 { return true }
        }
        k -= 1
      }
    }
    return false
  }
}

extension String {
  fileprivate static func unclosed(_ found: String, _ partner: String) -> String {
    "Opening '\(found)' is not closed in this paragraph; add '\(partner)' or delete it"
  }

  fileprivate static func unopened(_ found: String, _ partner: String) -> String {
    "Closing '\(found)' has no opening '\(partner)' in this paragraph; add one or delete it"
  }
}
