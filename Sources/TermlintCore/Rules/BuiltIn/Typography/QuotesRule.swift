/// Flags quotation marks in the minority style of a document (straight among typographic, or the
/// reverse) or against the house style, and quotes left unbalanced in a paragraph.
struct QuotesRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    id: "quotes",
    title: "Quotation Marks",
    category: .style,
    defaultSeverity: .warning,
    summary: "Straight and typographic quotes are mixed, or a quote is not closed in its paragraph",
    rationale: """
      ## Why is this bad?
      An article should use one style of quotation marks and apostrophes: typographic (“ ” ‘ ’)
      or straight (" '). Mixed styles come from pasting quotes out of e-mail or a content
      system, and look careless in print. An opening quote that is never closed makes the
      reader guess where a quotation ends, and often means part of it was lost in editing.

      - Style: every quotation mark and apostrophe counts. With the option `style: auto` (the
        default) the style most used in the document is the house style and the others are
        reported; `style: typographic` or `style: straight` fixes the house style. Straight
        marks after a digit are primes (*6'2"*), not quotes.
      - Balance: within a paragraph every “ needs its ” (and „ its “ or ”), an odd number of
        straight double quotes is unbalanced, and a ‘ needs a later ’. A quotation that runs on
        into the next paragraph is fine when that paragraph opens with a quote, as newspapers
        do.

      The suggestion for a straight quote is the typographic one that fits its position.

      ## Example
      “We are ready,” he said. Officials said "no".

      ## Use instead
      “We are ready,” he said. Officials said “no”.
      """,
    nonTriggeringExamples: [
      RuleExample("“We are ready,” he said. “Not yet,” they replied."),
      RuleExample("He is 6'2\" tall and wrote \"yes\" and 'no' in the 1990's."),
      RuleExample("TBX-Min (2013 \"v2\" flavour) and a 12\" record."),
      RuleExample("Rock ‘n’ roll and ‘quoted’ words, Lavrov’s aide said: “It’s ‘final’.”"),
      RuleExample("“We did not come to exchange pleasantries.\n\n“We came for answers,” he said."),
      RuleExample("He said \"no\" and left.", options: ["style": "straight"]),
    ],
    triggeringExamples: [
      RuleExample(
        "“We are ready,” he said. “Not yet,” they replied. Officials said ↓\"no↓\".",
        corrected: "“We are ready,” he said. “Not yet,” they replied. Officials said “no”."),
      RuleExample("Lavrov’s aide and Putin’s envoy met Shoigu↓'s deputy.", corrected: "Lavrov’s aide and Putin’s envoy met Shoigu’s deputy."),
      RuleExample("Lavrov’s aide recalled the ↓'90s.", corrected: "Lavrov’s aide recalled the ’90s."),
      RuleExample("He said ↓“no↓”.", corrected: "He said \"no\".", options: ["style": "straight"]),
      RuleExample("He said ↓\"no↓\".", corrected: "He said “no”.", options: ["style": "typographic"]),
      RuleExample("He said ↓“we will not sign.\n\nThey left."),
      RuleExample("They left.↓” Then nothing."),
      RuleExample("He said ↓\"no and left."),
      RuleExample("She called it ↓‘final and left."),
    ],
    scope: .document
  )

  /// The house style of quotation marks.
  enum Style: String, CaseIterable {
    case auto, typographic, straight
  }

  let style: Style

  init(options: RuleOptions) throws {
    try options.validate(known: ["style"], rule: Self.descriptor.id)
    let value = options.values["style"] ?? "auto"
    guard let style = Style(rawValue: value) else {
      throw TermlintError.configuration(
        options.file, line: options.line, "bad value '\(value)' for option 'style' of rule 'quotes' (use auto, typographic or straight)")
    }
    self.style = style
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let texts = document.units.map { $0.target.map(UnitText.init) }
    let marks: [[Mark]] = texts.map { $0.map(Self.marks(in:)) ?? [] }
    var findings: [Finding] = []
    // Style.
    let all = marks.joined()
    let straightCount = all.filter(\.isStraight).count
    let typographicCount = all.count - straightCount
    let houseIsStraight: Bool?
    switch style {
    case .straight: houseIsStraight = true
    case .typographic: houseIsStraight = false
    case .auto:
      if straightCount == 0 || typographicCount == 0 {
        houseIsStraight = nil
      } else if straightCount != typographicCount {
        houseIsStraight = straightCount > typographicCount
      } else {
        houseIsStraight = all.first?.isStraight
      }
    }
    for (k, unitMarks) in marks.enumerated() {
      guard let text = texts[k], let houseIsStraight else { continue }
      for mark in unitMarks where mark.isStraight != houseIsStraight {
        let (replacement, safe) = Self.replacement(for: mark, in: text, straight: houseIsStraight)
        findings.append(context.finding(
          Self.descriptor, in: text.span, fileRange: text.fileRange(mark.index..<(mark.index + 1)),
          message: .wrongStyle(mark.character, straight: houseIsStraight, fixedByOption: style != .auto, use: replacement),
          suggestions: [replacement], fixIsSafe: safe, unit: document.units[k].unit))
      }
    }
    // Balance, paragraph by paragraph.
    for k in marks.indices {
      guard let text = texts[k] else { continue }
      let continues = k + 1 < texts.count && (texts[k + 1].map(Self.opensWithQuote) ?? false)
      for (mark, problem) in Self.unbalanced(marks[k], continuesInNextParagraph: continues) {
        findings.append(context.finding(
          Self.descriptor, in: text.span, fileRange: text.fileRange(mark.index..<(mark.index + 1)),
          message: problem == .unclosed ? .unclosed(mark.character) : .unopened(mark.character), unit: document.units[k].unit))
      }
    }
    return findings
  }
}

extension QuotesRule {
  /// A quotation mark or apostrophe in a unit's text.
  struct Mark {
    let index: Int
    let unit: UInt16
    var isStraight: Bool { unit == 0x22 || unit == 0x27 }
    var isDouble: Bool { !(unit == 0x27 || unit == 0x2018 || unit == 0x2019 || unit == 0x201A || unit == 0x201B) }
    var character: String { String(decoding: [unit], as: UTF16.self) }
  }

  enum Problem { case unclosed, unopened }

  /// The quotation marks of the text. Left out: primes (*6'2"*: a mark after a digit, unless it
  /// closes an open straight quote or an apostrophe is followed by a letter, as in *1990's*),
  /// `="` in markup, and guillemets (the `brackets` rule checks those).
  fileprivate static func marks(in text: UnitText) -> [Mark] {
    var result: [Mark] = []
    var openDouble = false
    for (i, u) in text.units.enumerated() {
      switch u {
      case 0x22, 0x27:
        if let (before, _) = text.scalar(before: i) {
          if before == "=" { continue }
          if Typography.isDigit(before) {
            let letterAfter = i + 1 < text.count && Typography.isLetter(text.scalar(at: i + 1).0)
            if u == 0x22 ? !openDouble : !letterAfter { continue }
          }
        }
        if u == 0x22 { openDouble.toggle() }
        result.append(Mark(index: i, unit: u))
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x2018, 0x2019, 0x201A, 0x201B:
        result.append(Mark(index: i, unit: u))
      default: continue
      }
    }
    return result
  }

  /// Whether the text starts with an opening quotation mark.
  fileprivate static func opensWithQuote(_ text: UnitText) -> Bool {
    guard let first = text.units.first else { return false }
    return [0x22, 0x27, 0x201C, 0x201E, 0x2018, 0x201A, 0xAB].contains(first)
  }

  /// Whether a straight mark at this position opens a quotation (start, after space or opener).
  fileprivate static func isOpening(_ mark: Mark, in text: UnitText) -> Bool {
    guard let (before, start) = text.scalar(before: mark.index) else { return true }
    if text.isLineBreak(at: start) { return true }
    let v = before.value
    return v < 0x10000 && (Typography.isHorizontalSpace(UInt16(v)) || [0x28, 0x5B, 0x7B, 0x2014, 0x2013, 0x2D, 0x2F, 0x201C, 0x2018, 0xAB].contains(UInt16(v)))
  }

  /// The mark in the house style, and whether the replacement is certain.
  fileprivate static func replacement(for mark: Mark, in text: UnitText, straight: Bool) -> (String, Bool) {
    if straight { return (mark.isDouble ? "\"" : "'", true) }
    let opening = isOpening(mark, in: text)
    if mark.isDouble { return (opening ? "“" : "”", true) }
    // An apostrophe between letters is certain; a leading one (’90s) may be mistaken for ‘.
    let between = !opening && mark.index + 1 < text.count && Typography.isLetter(text.scalar(at: mark.index + 1).0)
    // Before a two-digit year ('90s, the '22 election) it is an apostrophe for the elided
    // century, not an opening quote (a common error of automatic curly quotes).
    if opening && isElidedYear(after: mark, in: text) { return ("’", false) }
    return (opening ? "‘" : "’", between)
  }

  /// Whether two digits follow the mark and then no further digit or letter other than a
  /// plural *s* ('90s, '22, '08's).
  fileprivate static func isElidedYear(after mark: Mark, in text: UnitText) -> Bool {
    var k = mark.index + 1
    var digits = 0
    while k < text.count, digits < 3 {
      let (scalar, length) = text.scalar(at: k)
      guard scalar.properties.numericType == .decimal, scalar.isASCII else { break }
      digits += 1
      k += length
    }
    guard digits == 2 else { return false }
    guard k < text.count else { return true }
    let (next, length) = text.scalar(at: k)
    if next == "s" {
      let after = k + length
      return after >= text.count || !Typography.isLetter(text.scalar(at: after).0)
    }
    return !Typography.isLetter(next) && next.properties.numericType == nil
  }

  /// Marks that do not balance within one paragraph.
  fileprivate static func unbalanced(_ marks: [Mark], continuesInNextParagraph: Bool) -> [(Mark, Problem)] {
    var problems: [(Mark, Problem)] = []
    var stack: [Mark] = []
    var straight: [Mark] = []
    var singles: [Mark] = []
    for mark in marks {
      switch mark.unit {
      case 0x22: straight.append(mark)
      case 0x201E, 0x201F: stack.append(mark)
      case 0x201C:
        if stack.last?.unit == 0x201E { stack.removeLast() } else { stack.append(mark) }
      case 0x201D:
        if stack.isEmpty { problems.append((mark, .unopened)) } else { stack.removeLast() }
      case 0x2018, 0x201A: singles.append(mark)
      case 0x2019: if !singles.isEmpty { singles.removeLast() }
      default: break
      }
    }
    if !continuesInNextParagraph {
      problems += stack.map { ($0, .unclosed) }
      problems += singles.map { ($0, .unclosed) }
      if straight.count % 2 == 1, let last = straight.last { problems.append((last, .unclosed)) }
    }
    return problems
  }
}

extension String {
  fileprivate static func wrongStyle(_ found: String, straight: Bool, fixedByOption: Bool, use: String) -> String {
    let kind = straight ? "Typographic" : "Straight"
    let house = straight ? "straight" : "typographic"
    let whereText = fixedByOption ? "the house style is \(house) quotes" : "the rest of the document uses \(house) quotes"
    return "\(kind) quote '\(found)' where \(whereText); use '\(use)'"
  }

  fileprivate static func unclosed(_ found: String) -> String {
    "Quote '\(found)' is not closed in this paragraph; add the closing quote or delete this one"
  }

  fileprivate static func unopened(_ found: String) -> String {
    "Closing quote '\(found)' has no opening quote in this paragraph; add one or delete this one"
  }
}
