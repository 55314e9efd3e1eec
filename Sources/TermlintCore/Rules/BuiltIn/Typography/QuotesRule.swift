import TermlintGlossary
import TermlintText

/// Flags quotation marks in the minority style of a document (straight among typographic, or the
/// reverse) or against the house style, and quotes left unbalanced in a paragraph.
struct QuotesRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "quotes",
    title: "Quotation Marks",
    category: .style,
    defaultSeverity: .warning,
    summary:
      "A quotation mark or apostrophe in neither the target language's nor the document's style, or a quote not closed in its paragraph",
    rationale: """
      ## Why is this bad?
      Each language has its quotation marks: English “ ” and ‘ ’, Russian « » with „ “ inside,
      German „ “ (or » «), French « »; the apostrophe is ’ (straight marks are acceptable where
      a document uses them throughout). Quotes left in another language's style (English “ ”
      or " " in a Russian text set in « ») come from pasting and look careless; an opening
      quote that is never closed makes the reader guess where a quotation ends.

      - Style: quotation marks and apostrophes each have a house style, the one the document
        uses most (with `style: auto`, the default). A mark in another style is reported when
        the target language does not use it (a straight or “ ” quote in a « » Russian
        catalogue, a straight apostrophe among ’); in one text (a Markdown or plain article,
        an article pair) also a correct form the article otherwise writes differently (a lone ’
        among straight apostrophes). In a catalogue or a memory, whose strings come from many
        hands, a form the language uses is never an error; a document whose majority is a style
        the language does not use (English “ ” in Russian) has no house style to hold marks to. `style: typographic` or
        `style: straight` fixes the house style. The target language is the input's (or the
        pipeline's); text plainly written in another script than that language's is judged by
        its own majority only. Straight marks after a digit are primes (*6'2"*), not quotes;
        marks inside HTML tags and after `=` (`path='x'`) are syntax.
      - Balance: within a paragraph every “ needs its ” (and „ its “ or ”), an odd number of
        straight double quotes is unbalanced, and a ‘ needs a later ’. A quotation that runs on
        into the next paragraph is fine when that paragraph opens with a quote, as newspapers
        do. In a unit with a source, a quote the source leaves open as well is not reported.

      A suggestion is offered only when the replacement is certain: the house mark, on the side
      (opening or closing) that its position shows, in a style the language uses (« » for a
      straight pair in a « » Russian text, „ “ inside « »); an apostrophe is always ’, never ‘.

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
      // The source leaves its quotation open as well (it goes on in the next unit).
      RuleExample("He said: \"we will not sign.", source: "Он сказал: «мы не подпишем."),
    ],
    triggeringExamples: [
      RuleExample(
        "“We are ready,” he said. “Not yet,” they replied. Officials said ↓\"no↓\".",
        corrected: "“We are ready,” he said. “Not yet,” they replied. Officials said “no”."),
      RuleExample(
        "Lavrov’s aide and Putin’s envoy met Shoigu↓'s deputy.",
        corrected: "Lavrov’s aide and Putin’s envoy met Shoigu’s deputy."),
      RuleExample(
        "Lavrov’s aide recalled the ↓'90s.", corrected: "Lavrov’s aide recalled the ’90s."),
      RuleExample("He said ↓“no↓”.", corrected: "He said \"no\".", options: ["style": "straight"]),
      RuleExample(
        "He said ↓\"no↓\".", corrected: "He said “no”.", options: ["style": "typographic"]),
      RuleExample("He said ↓“we will not sign.\n\nThey left."),
      RuleExample("They left.↓” Then nothing."),
      RuleExample("He said ↓\"no and left."),
      RuleExample("She called it ↓‘final and left."),
      RuleExample("He said ↓\"no and left.", source: "Он сказал «нет» и ушёл."),
    ]
  )

  /// The house style of quotation marks.
  enum Style: String, CaseIterable {
    case auto, typographic, straight
  }

  /// The rule's options.
  struct Configuration: RuleConfiguration {
    /// The house style.
    var style = Style.auto

    static let documentation = [
      RuleOptionDocumentation(
        key: "style", defaultValue: "auto",
        summary:
          "the house style: typographic, straight, or auto (the style most used in the document)")
    ]

    init() {}

    init(from decoder: any Decoder) throws {
      let options = try decoder.container(keyedBy: CodingKeys.self)
      style = try options.choice(Style.self, forKey: .style) ?? style
    }

    private enum CodingKeys: String, CodingKey { case style }
  }

  let style: Style

  init(configuration: Configuration, options: RuleOptions) {
    style = configuration.style
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let conventions = QuoteConventions(TypographyLanguage.of(document))
    let texts = document.units.map { $0.target.map(UnitText.init) }
    let marks: [[Mark]] = texts.map { $0.map(Self.marks(in:)) ?? [] }
    // A document of one text (an article) has one house style; a catalogue or a memory gathers
    // strings written at different times, where a form the language uses is never an error.
    let oneText = ["markdown", "text", "pair"].contains(document.document.format)
    var findings: [Finding] = []
    // Style: quotation marks and apostrophes each have their own majority.
    let all = Array(marks.joined())
    let quoteMajority = all.filter { !$0.isApostrophe }.map(\.family).majority
    let apostropheMajority = all.filter(\.isApostrophe).map(\.family).majority
    for (k, unitMarks) in marks.enumerated() {
      guard let text = texts[k] else { continue }
      for mark in unitMarks {
        guard
          let house = houseFamily(
            for: mark, quoteMajority: quoteMajority, apostropheMajority: apostropheMajority,
            conventions: conventions, oneText: oneText)
        else { continue }
        let replacement = Self.replacement(
          for: mark, in: text, house: house, conventions: conventions)
        findings.append(
          context.finding(
            Self.descriptor, in: text.span,
            fileRange: text.fileRange(mark.index..<(mark.index + 1)),
            message: .wrongStyle(
              mark, house: house, fixedByOption: style != .auto, use: replacement?.text),
            suggestions: replacement.map { [$0.text] } ?? [], fixIsSafe: replacement?.safe ?? false,
            unit: document.units[k].unit))
      }
    }
    // Balance, paragraph by paragraph; in a unit with a source, only what the source does not
    // leave unbalanced too.
    for k in marks.indices {
      guard let text = texts[k] else { continue }
      let continues = k + 1 < texts.count && (texts[k + 1].map(Self.opensWithQuote) ?? false)
      var problems = Self.unbalanced(marks[k], continuesInNextParagraph: continues)
      if !problems.isEmpty, let source = SourceComparison.source(of: document.units[k]) {
        let keep = SourceComparison.introduced(
          target: problems.map { (0, $0.0.index..<($0.0.index + 1)) }, targetLength: text.count,
          source: Self.unbalancedQuotes(in: source).map { (0, $0..<($0 + 1)) },
          sourceLength: source.count)
        problems = zip(problems, keep).filter(\.1).map(\.0)
      }
      for (mark, problem) in problems {
        findings.append(
          context.finding(
            Self.descriptor, in: text.span,
            fileRange: text.fileRange(mark.index..<(mark.index + 1)),
            message: problem == .unclosed ? .unclosed(mark.character) : .unopened(mark.character),
            unit: document.units[k].unit))
      }
    }
    return findings
  }

  /// The style a mark should have been written in, nil when it is fine.
  private func houseFamily(
    for mark: Mark, quoteMajority: Family?, apostropheMajority: Family?,
    conventions: QuoteConventions, oneText: Bool
  ) -> Family? {
    switch style {
    case .typographic:
      guard mark.family == .straight else { return nil }
      return mark.isApostrophe ? .english : conventions.primary
    case .straight:
      guard mark.family == .english || mark.family == .lowHigh else { return nil }
      return .straight
    case .auto:
      guard let majority = mark.isApostrophe ? apostropheMajority : quoteMajority,
        mark.family != majority
      else { return nil }
      // A majority the language does not use (English “ ” in a Russian catalogue) is no house
      // style: such a document mixes styles, and no mark in it is certainly the wrong one.
      if !mark.isApostrophe && majority != .straight && !conventions.allows(majority, nested: false)
      {
        return nil
      }
      let correct =
        mark.isApostrophe
        ? mark.family == .english : conventions.allows(mark.family, nested: mark.nested)
      if correct && !oneText { return nil }
      return majority
    }
  }
}

/// Which quotation marks a language uses (for `quotes`): Russian « » with „ “ inside, English
/// “ ” ‘ ’, German „ “ (and » «), French « » (and “ ”); the apostrophe is ’ everywhere.
struct QuoteConventions {
  /// The families the language uses at the outer level.
  let outer: Set<QuotesRule.Family>
  /// The families it uses inside another quotation.
  let inner: Set<QuotesRule.Family>
  /// The family a straight quote becomes (`style: typographic`).
  let primary: QuotesRule.Family
  /// Whether the language is known (else every typographic family is taken as possible).
  let known: Bool

  init(_ language: LanguageTag?) {
    switch language?.language {
    case "en"?:
      (outer, inner, primary, known) = ([.english], [.english], .english, true)
    case "ru"?, "uk"?, "be"?:
      (outer, inner, primary, known) = (
        [.guillemet, .lowHigh], [.lowHigh, .english, .guillemet], .guillemet, true
      )
    case "de"?, "cs"?, "sk"?, "sl"?, "hr"?, "bg"?, "lt"?, "pl"?, "ro"?, "hu"?, "et"?, "lv"?:
      (outer, inner, primary, known) = (
        [.lowHigh, .guillemet], [.lowHigh, .guillemet], .lowHigh, true
      )
    case "fr"?, "es"?, "it"?, "pt"?, "ca"?, "el"?, "no"?, "nb"?, "nn"?:
      (outer, inner, primary, known) = (
        [.guillemet, .english], [.guillemet, .english], .guillemet, true
      )
    default:
      (outer, inner, primary, known) = (
        [.english, .lowHigh, .guillemet], [.english, .lowHigh, .guillemet], .english, false
      )
    }
  }

  /// Whether the language writes quotations in this family.
  func allows(_ family: QuotesRule.Family, nested: Bool) -> Bool {
    (nested ? inner : outer).contains(family)
  }
}

extension QuotesRule {
  /// A style of quotation marks.
  enum Family: Hashable {
    case straight, english, lowHigh, guillemet

    var name: String {
      switch self {
      case .straight: return "straight quotes"
      case .english: return "typographic quotes (“ ”)"
      case .lowHigh: return "low-high quotes („ “)"
      case .guillemet: return "guillemets (« »)"
      }
    }
  }

  /// What a mark does where it stands.
  enum Role { case opening, closing, apostrophe }

  /// A quotation mark or apostrophe in a unit's text.
  struct Mark {
    let index: Int
    let unit: UInt16
    let family: Family
    let role: Role
    /// Whether it opens or closes a quotation inside another one.
    let nested: Bool
    var isStraight: Bool { unit == 0x22 || unit == 0x27 }
    var isApostrophe: Bool { role == .apostrophe }
    var isDouble: Bool {
      !(unit == 0x27 || unit == 0x2018 || unit == 0x2019 || unit == 0x201A || unit == 0x201B
        || unit == 0x2039 || unit == 0x203A)
    }
    var character: String { String(utf16Units: [unit]) }
  }

  enum Problem { case unclosed, unopened }

  /// The quotation marks and apostrophes of the text, guillemets included (their balance is the
  /// `brackets` rule's). Left out: primes (*6'2"*: a mark after a digit, unless it closes an
  /// open straight quote or an apostrophe is followed by a letter, as in *1990's*), `="` and
  /// everything inside HTML tags.
  static func marks(in text: UnitText) -> [Mark] {
    var result: [Mark] = []
    var openDouble = false
    var skipAfterEquals: UInt16? = nil
    var open: [(family: Family, double: Bool)] = []
    let tags = ProseMask.tags(in: text)
    func isWordChar(_ s: Unicode.Scalar?) -> Bool { s.map(Typography.isLetterOrDigit) ?? false }
    func add(_ i: Int, _ u: UInt16, _ family: Family, _ role: Role) {
      let double =
        !(u == 0x27 || u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x201B || u == 0x2039
        || u == 0x203A)
      var nested = false
      switch role {
      case .opening:
        nested = !open.isEmpty
        open.append((family, double))
      case .closing:
        if let k = open.lastIndex(where: { $0.double == double }) {
          open.remove(at: k)
        }
        nested = !open.isEmpty
      case .apostrophe: break
      }
      result.append(Mark(index: i, unit: u, family: family, role: role, nested: nested))
    }
    for (i, u) in text.units.enumerated() {
      switch u {
      case 0x22, 0x27, 0x2019, 0x201C, 0x201D, 0x201E, 0x201F, 0x2018, 0x201A, 0x201B, 0xAB, 0xBB,
        0x2039, 0x203A:
        break
      default: continue
      }
      if !tags.isEmpty && ProseMask.contains(tags, i) { continue }
      let before = text.scalar(before: i)?.scalar
      let after: Unicode.Scalar? = i + 1 < text.count ? text.scalar(at: i + 1).0 : nil
      switch u {
      case 0x22:
        if skipAfterEquals == u {
          skipAfterEquals = nil
          continue
        }
        if let before {
          if before == "=" {
            skipAfterEquals = u
            continue
          }
          if Typography.isDigit(before) && !openDouble { continue }
        }
        add(i, u, .straight, openDouble ? .closing : .opening)
        openDouble.toggle()
      case 0x27, 0x2019:
        let family: Family = u == 0x27 ? .straight : .english
        // A value after `=` (`path='x'`, `class="y"`) is syntax, with its closing mark.
        if u == 0x27 && skipAfterEquals == u {
          skipAfterEquals = nil
          continue
        }
        if u == 0x27 && before == "=" {
          skipAfterEquals = u
          continue
        }
        if u == 0x27, let before, Typography.isDigit(before),
          !(after.map(Typography.isLetter) ?? false)
        {
          continue
        }  // a prime
        let wordBefore = isWordChar(before)
        let wordAfter = isWordChar(after)
        let openSingle = open.contains { !$0.double }
        if wordBefore && wordAfter {
          add(i, u, family, .apostrophe)
        } else if !wordBefore && isElidedYear(after: i, in: text) {
          add(i, u, family, .apostrophe)
        } else if wordBefore || !wordAfter {
          // After a word: a closing quote when one is open, else an apostrophe (students').
          if openSingle {
            add(i, u, family, .closing)
          } else if wordBefore {
            add(i, u, family, .apostrophe)
          }
        } else {
          // Before a word: an opening straight quote; a ’ there is an elision (’em).
          add(i, u, family, u == 0x27 ? .opening : .apostrophe)
        }
      case 0x201E, 0x201A: add(i, u, .lowHigh, .opening)
      case 0x201C, 0x2018:
        let double = u == 0x201C
        if let last = open.last(where: { $0.double == double }), last.family == .lowHigh {
          add(i, u, .lowHigh, .closing)
        } else {
          add(i, u, .english, .opening)
        }
      case 0x201D:
        let lowHigh = open.last(where: { $0.double })?.family == .lowHigh
        add(i, u, lowHigh ? .lowHigh : .english, .closing)
      case 0x201F, 0x201B: add(i, u, .english, .opening)
      case 0xAB, 0x2039: add(i, u, .guillemet, .opening)
      default: add(i, u, .guillemet, .closing)  // » ›
      }
    }
    return result
  }

  /// The positions of the quotation marks of a text that do not balance in it, of any style:
  /// what a source leaves unbalanced (a lone "`" or "'" in a catalogue string).
  static func unbalancedQuotes(in text: UnitText) -> [Int] {
    let marks = Self.marks(in: text)
    var result = unbalanced(marks.filter { !$0.isApostrophe }, continuesInNextParagraph: false).map(
      \.0.index)
    var guillemets: [Int] = []
    for mark in marks where mark.family == .guillemet {
      if mark.role == .opening {
        guillemets.append(mark.index)
      } else if guillemets.isEmpty {
        result.append(mark.index)
      } else {
        guillemets.removeLast()
      }
    }
    result += guillemets
    let backticks = text.units.indices.filter { text.units[$0] == 0x60 }
    if backticks.count % 2 == 1, let last = backticks.last { result.append(last) }
    let loneStraight = marks.filter { $0.unit == 0x27 && $0.role != .apostrophe }
    if loneStraight.count % 2 == 1, let last = loneStraight.last { result.append(last.index) }
    return result.sorted()
  }

  /// Whether the text starts with an opening quotation mark.
  fileprivate static func opensWithQuote(_ text: UnitText) -> Bool {
    guard let first = text.units.first else { return false }
    return [0x22, 0x27, 0x201C, 0x201E, 0x2018, 0x201A, 0xAB].contains(first)
  }

  /// Whether the mark stands where a quotation opens: at the start, after white space, an
  /// opening bracket or quote, a dash or a slash, with a non-space after it.
  fileprivate static func standsOpening(_ mark: Mark, in text: UnitText) -> Bool {
    guard mark.index + 1 < text.count, !Typography.isHorizontalSpace(text.units[mark.index + 1]),
      !text.isLineBreak(at: mark.index + 1)
    else { return false }
    guard let (before, start) = text.scalar(before: mark.index) else { return true }
    if text.isLineBreak(at: start) { return true }
    let v = before.value
    return v < 0x10000
      && (Typography.isHorizontalSpace(UInt16(v))
        || [0x28, 0x5B, 0x7B, 0x2014, 0x2013, 0x2D, 0x2F, 0x201C, 0x201E, 0x2018, 0xAB].contains(
          UInt16(v)))
  }

  /// Whether the mark stands where a quotation closes: after a non-space, before the end, white
  /// space, punctuation or a closing bracket or quote.
  fileprivate static func standsClosing(_ mark: Mark, in text: UnitText) -> Bool {
    guard let (before, start) = text.scalar(before: mark.index), !text.isLineBreak(at: start) else {
      return false
    }
    if before.value < 0x10000 && Typography.isHorizontalSpace(UInt16(before.value)) { return false }
    guard mark.index + 1 < text.count else { return true }
    let next = text.units[mark.index + 1]
    return Typography.isHorizontalSpace(next) || text.isLineBreak(at: mark.index + 1)
      || Typography.closers.contains(next)
      || [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x2026, 0x2014, 0x2013, 0x2D].contains(next)
  }

  /// The mark written in the house style, when that replacement is certain (and whether it is
  /// safe to apply without review); nil when it is not.
  fileprivate static func replacement(
    for mark: Mark, in text: UnitText, house: Family, conventions: QuoteConventions
  ) -> (text: String, safe: Bool)? {
    if mark.isApostrophe {
      switch house {
      case .straight: return ("'", true)
      case .english: return ("’", true)
      default: return nil
      }
    }
    if house == .straight { return (mark.isDouble ? "\"" : "'", true) }
    // The house style must be one the language uses, and the position must say which side.
    guard conventions.allows(house, nested: false) || !conventions.known else { return nil }
    let opening: Bool
    switch mark.role {
    case .opening where standsOpening(mark, in: text): opening = true
    case .closing where standsClosing(mark, in: text): opening = false
    default: return nil
    }
    var family = house
    if mark.nested && !conventions.allows(house, nested: true) {
      guard
        let inner = [Family.lowHigh, .english].first(where: { conventions.allows($0, nested: true) }
        )
      else { return nil }
      family = inner
    }
    switch (family, mark.isDouble) {
    case (.english, true): return (opening ? "“" : "”", true)
    case (.english, false): return (opening ? "‘" : "’", false)
    case (.lowHigh, true): return (opening ? "„" : "“", true)
    case (.lowHigh, false): return (opening ? "‚" : "‘", false)
    case (.guillemet, true): return (opening ? "«" : "»", true)
    default: return nil
    }
  }

  /// Whether two digits follow the mark at `index` and then no further digit or letter other
  /// than a plural *s* ('90s, '22, '08's).
  fileprivate static func isElidedYear(after index: Int, in text: UnitText) -> Bool {
    var k = index + 1
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

  /// Marks that do not balance within one paragraph (guillemets and apostrophes are not looked at).
  fileprivate static func unbalanced(_ marks: [Mark], continuesInNextParagraph: Bool) -> [(
    Mark, Problem
  )] {
    var problems: [(Mark, Problem)] = []
    var stack: [Mark] = []
    var straight: [Mark] = []
    var singles: [Mark] = []
    for mark in marks where !mark.isApostrophe {
      switch mark.unit {
      case 0x22: straight.append(mark)
      case 0x201E, 0x201F: stack.append(mark)
      case 0x201C:
        if stack.last?.unit == 0x201E { stack.removeLast() } else { stack.append(mark) }
      case 0x201D:
        if stack.isEmpty { problems.append((mark, .unopened)) } else { stack.removeLast() }
      case 0x2018 where mark.role == .opening, 0x201A: singles.append(mark)
      case 0x2018, 0x2019: if !singles.isEmpty { singles.removeLast() }
      default: break
      }
    }
    if !continuesInNextParagraph {
      problems += stack.map { ($0, .unclosed) }
      problems += singles.map { ($0, .unclosed) }
      if straight.count % 2 == 1, let last = straight.last { problems.append((last, .unclosed)) }
    }
    return problems.sorted { $0.0.index < $1.0.index }
  }
}

extension String {
  fileprivate static func wrongStyle(
    _ mark: QuotesRule.Mark, house: QuotesRule.Family, fixedByOption: Bool, use: String?
  ) -> String {
    let what = mark.isApostrophe ? "apostrophe" : "quote"
    let kind = mark.family == .straight ? "Straight" : "Typographic"
    let houseName =
      mark.isApostrophe
      ? (house == .straight ? "straight apostrophes" : "typographic apostrophes (’)") : house.name
    let whereText =
      fixedByOption
      ? "the house style is \(houseName)" : "the rest of the document uses \(houseName)"
    return "\(kind) \(what) '\(mark.character)' where \(whereText)"
      + (use.map { "; use '\($0)'" } ?? "")
  }

  fileprivate static func unclosed(_ found: String) -> String {
    "Quote '\(found)' is not closed in this paragraph; add the closing quote or delete this one"
  }

  fileprivate static func unopened(_ found: String) -> String {
    "Closing quote '\(found)' has no opening quote in this paragraph; add one or delete this one"
  }
}
