import TermlintGlossary
import TermlintText

/// Flags a hyphen used as a dash (*word - word*, *word--word*) and dashes that differ from the
/// house style (spaced em dash, closed em dash or spaced en dash).
struct DashesRule: BuiltInRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "dashes",
    title: "Dashes",
    category: .style,
    defaultSeverity: .info,
    summary: "A hyphen is used as a dash, or a dash differs from the house style",
    rationale: """
      ## Why is this bad?
      A dash that sets off a phrase is not a hyphen: *talks resumed - and stalled* reads as a
      typing slip, and a double hyphen is a typewriter habit. Newsrooms also pick one dash
      style: a spaced em dash (AP: *talks resumed — and stalled*), a closed em dash (Chicago:
      *resumed—and*) or a spaced en dash (many British papers: *resumed – and*).

      Reported: a hyphen with a space on both sides, a double hyphen between words, a dash with
      a space on one side only, and a dash in another style than the house style. The option
      `style` fixes the house style (`em-spaced`, `em-closed`, `en-spaced`); with `auto` (the
      default) the style most used in the document is the house style, and a document with no
      dashes gets its language's (a spaced en dash in German, a spaced em dash otherwise). Not
      reported: dashes in ranges and links (*10–12*, *1941—1945*, *Russia–NATO*), a minus
      between numbers (*5 - 3*), suspended hyphens (*pro- and anti-war*), command-line options
      (*--help*) and a dash that opens a paragraph or touches a quotation mark.

      In a catalogue or a memory (PO, XLIFF, TMX) with `style: auto`, a dash style the target
      language uses is not reported (Russian and German: spaced em or en dashes; English: all
      three). In a unit with a source, a dash or hyphen the source writes the same way (a key
      legend *y - stage this hunk*) is not reported; one the translation adds is.

      ## Example
      Talks resumed - and stalled.

      ## Use instead
      Talks resumed — and stalled.
      """,
    nonTriggeringExamples: [
      RuleExample("GENEVA, March 6 — Negotiators met — again — on Friday."),
      RuleExample("Pages 10–12, the Russia–NATO council, 5 - 3 = 2 and the --help option."),
      RuleExample("A well-known pro- and anti-war group."),
      RuleExample("— Dialogue opens with a dash, as in Russian."),
      RuleExample("“We were—” he stopped."),
      RuleExample("Consistent—closed—dashes are fine."),
      RuleExample("British – spaced en – dashes too.", options: ["style": "en-spaced"]),
      // A key legend the source writes with a hyphen in the same way.
      RuleExample("y - stage this hunk", source: "y - индексировать этот блок"),
      RuleExample("The war of 1941—1945 ended."),
    ],
    triggeringExamples: [
      RuleExample("Talks resumed ↓- and stalled.", corrected: "Talks resumed — and stalled."),
      RuleExample(
        "Talks resumed ↓- and stalled.", source: "Переговоры возобновились и зашли в тупик.",
        corrected: "Talks resumed — and stalled."),
      RuleExample("Talks resumed↓--and stalled.", corrected: "Talks resumed — and stalled."),
      RuleExample(
        "GENEVA — Talks resumed — and stalled. Prices rose ↓– again.",
        corrected: "GENEVA — Talks resumed — and stalled. Prices rose — again."),
      RuleExample(
        "The talks↓— the second round — ended.", corrected: "The talks — the second round — ended."),
      RuleExample(
        "Talks resumed↓ — and stalled.", corrected: "Talks resumed—and stalled.",
        options: ["style": "em-closed"]),
      RuleExample(
        "Talks resumed ↓— and stalled.", corrected: "Talks resumed – and stalled.",
        options: ["style": "en-spaced"]),
    ]
  )

  /// A dash style.
  enum Style: String, CaseIterable {
    case emSpaced = "em-spaced"
    case emClosed = "em-closed"
    case enSpaced = "en-spaced"

    var dash: String { self == .enSpaced ? "–" : "—" }
    var spaced: Bool { self != .emClosed }
    var plural: String { name.replacingOccurrences(of: "dash", with: "dashes") }
    var name: String {
      switch self {
      case .emSpaced: return "spaced em dash"
      case .emClosed: return "closed em dash"
      case .enSpaced: return "spaced en dash"
      }
    }
  }

  /// The rule's options.
  struct Configuration: RuleConfiguration {
    /// The `style` option: a house style, or `auto`.
    enum StyleOption: String, CaseIterable {
      case auto
      case emSpaced = "em-spaced"
      case emClosed = "em-closed"
      case enSpaced = "en-spaced"
    }

    /// The house style.
    var style = StyleOption.auto

    static let documentation = [
      RuleOptionDocumentation(
        key: "style", defaultValue: "auto",
        summary:
          "the house style: em-spaced, em-closed, en-spaced, or auto (the style most used in the document)"
      )
    ]

    init() {}

    init(from decoder: any Decoder) throws {
      let options = try decoder.container(keyedBy: CodingKeys.self)
      style = try options.choice(StyleOption.self, forKey: .style) ?? style
    }

    private enum CodingKeys: String, CodingKey { case style }
  }

  /// The house style, nil for `auto`.
  let style: Style?

  init(configuration: Configuration, options: RuleOptions) {
    style = Style(rawValue: configuration.style.rawValue)
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let texts = document.units.map { $0.target.map(UnitText.init) }
    let dashes = texts.map { $0.map(Self.dashes(in:)) ?? [] }
    let all = dashes.joined()
    let styled = all.compactMap(\.style)
    let house = style ?? styled.majority ?? Self.defaultStyle(for: TypographyLanguage.of(document))
    // A catalogue or a memory gathers strings written at different times: there a dash style
    // the language uses is not an error, only a style it does not use (a closed em dash in
    // Russian). One text (an article) keeps one house style.
    let catalogue =
      style == nil && !["markdown", "text", "pair"].contains(document.document.format)
    let allowed = catalogue ? Self.allowedStyles(for: TypographyLanguage.of(document)) : []
    // NOTE: a spaced hyphen is reported even where most of a catalogue's "dashes" are hyphens:
    // on the evaluation set a Russian hyphen-as-dash the source does not have was judged a real
    // error every time; the source comparison below is what excuses key legends.
    var findings: [Finding] = []
    for (k, found) in dashes.enumerated() {
      guard let text = texts[k] else { continue }
      var unitDashes = found.filter { dash in
        if case .styled(let s) = dash.kind, s == house || allowed.contains(s) { return false }
        return true
      }
      // A dash the source writes the same way (a key legend "y - stage this hunk") is not the
      // translator's choice.
      if !unitDashes.isEmpty, let source = SourceComparison.source(of: document.units[k]) {
        let keep = SourceComparison.introduced(
          target: unitDashes.map { ($0.kind, $0.withSpaces) }, targetLength: text.count,
          source: Self.dashes(in: source).map { ($0.kind, $0.withSpaces) },
          sourceLength: source.count)
        unitDashes = zip(unitDashes, keep).filter(\.1).map(\.0)
      }
      for dash in unitDashes {
        let keepSpaces = dash.isSpaced && house.spaced
        let range = keepSpaces ? dash.core : dash.withSpaces
        let replacement = keepSpaces || !house.spaced ? house.dash : " \(house.dash) "
        let found = text.string(range)
        let message: String
        switch dash.kind {
        case .hyphen: message = .hyphen(found, house: house, use: replacement)
        case .uneven: message = .uneven(found, house: house, use: replacement)
        case .styled(let s):
          message = .otherStyle(
            found, style: s, house: house, fixedByOption: style != nil, use: replacement)
        }
        findings.append(
          context.finding(
            Self.descriptor, in: text.span, fileRange: text.fileRange(range), message: message,
            suggestions: [replacement],
            fixIsSafe: dash.kind != .hyphen, unit: document.units[k].unit))
      }
    }
    return findings
  }

  /// The dash style of a language's typography, for a document with no dashes of its own:
  /// German sets off phrases with a spaced en dash; English (AP) and Russian with a spaced em dash.
  static func defaultStyle(for language: LanguageTag?) -> Style {
    language?.language == "de" ? .enSpaced : .emSpaced
  }

  /// The dash styles a language's typography uses: English all three, Russian a spaced em or en
  /// dash (never a closed one between words), German and French a spaced en or em dash.
  static func allowedStyles(for language: LanguageTag?) -> Set<Style> {
    switch language?.language {
    case "ru"?, "uk"?, "be"?, "de"?, "fr"?: return [.emSpaced, .enSpaced]
    default: return Set(Style.allCases)
    }
  }
}

extension DashesRule {
  /// A dash (or a hyphen standing in for one) in a unit's text.
  struct Dash {
    enum Kind: Hashable {
      case hyphen, uneven
      case styled(Style)
    }

    let kind: Kind
    /// The dash characters.
    let core: Range<Int>
    /// The dash with the white space around it.
    let withSpaces: Range<Int>
    var isSpaced: Bool {
      withSpaces.lowerBound < core.lowerBound && withSpaces.upperBound > core.upperBound
    }
    var style: Style? {
      if case .styled(let s) = kind { return s }
      return nil
    }
  }

  fileprivate static func dashes(in text: UnitText) -> [Dash] {
    var result: [Dash] = []
    let u = text.units
    var i = 0
    while i < u.count {
      let c = u[i]
      var end = i + 1
      if c == 0x2D { while end < u.count && u[end] == 0x2D { end += 1 } }
      defer { i = end }
      guard c == 0x2D || c == 0x2014 || c == 0x2013, c != 0x2D || end - i <= 2 else { continue }
      let spaceBefore = i > 0 && text.isSpace(at: i - 1)
      let spaceAfter = end < u.count && text.isSpace(at: end)
      let leftEnd = spaceBefore ? i - 1 : i
      let rightStart = spaceAfter ? end + 1 : end
      guard let left = text.scalar(before: leftEnd)?.scalar, rightStart < u.count else { continue }
      let right = text.scalar(at: rightStart).0
      let words = Typography.isLetterOrDigit(left) && Typography.isLetterOrDigit(right)
      let content = isContent(left) && isContent(right)
      let kind: Dash.Kind
      switch (c, spaceBefore, spaceAfter) {
      case (0x2D, true, true):
        guard content, !(Typography.isDigit(left) && Typography.isDigit(right)) else { continue }
        kind = .hyphen
      case (0x2D, false, false):
        guard end - i == 2, Typography.isLetter(left) && Typography.isLetter(right) else {
          continue
        }
        kind = .hyphen
      case (0x2D, _, _):
        continue
      case (_, true, true):
        guard content else { continue }
        kind = .styled(c == 0x2013 ? .enSpaced : .emSpaced)
      case (0x2014, false, false):
        // Not between digits: a range (1941—1945 in Russian typography).
        guard words, !(Typography.isDigit(left) && Typography.isDigit(right)) else { continue }
        kind = .styled(.emClosed)
      case (0x2013, false, false):
        continue  // a range or a link: 10–12, Russia–NATO
      default:
        guard words, c == 0x2014 || (Typography.isLetter(left) && Typography.isLetter(right)) else {
          continue
        }
        kind = .uneven
      }
      result.append(Dash(kind: kind, core: i..<end, withSpaces: leftEnd..<rightStart))
    }
    return result
  }

  /// Letters, digits, quotes and brackets: what a dash can stand between.
  fileprivate static func isContent(_ s: Unicode.Scalar) -> Bool {
    if Typography.isLetterOrDigit(s) || s.value == UInt32(Typography.placeholder) { return true }
    guard s.value < 0x10000 else { return false }
    return Typography.closers.contains(UInt16(s.value))
      || Typography.openers.contains(UInt16(s.value))
  }
}

extension String {
  fileprivate static func hyphen(_ found: String, house: DashesRule.Style, use: String) -> String {
    "'\(found)' stands in for a dash; use a \(house.name) ('\(use)')"
  }

  fileprivate static func uneven(_ found: String, house: DashesRule.Style, use: String) -> String {
    "Dash '\(found)' has a space on one side only; use a \(house.name) ('\(use)')"
  }

  fileprivate static func otherStyle(
    _ found: String, style: DashesRule.Style, house: DashesRule.Style, fixedByOption: Bool,
    use: String
  ) -> String {
    let source =
      fixedByOption
      ? "the house style is a \(house.name)" : "the rest of the document uses \(house.plural)"
    return "Dash '\(found)' is a \(style.name) where \(source); use '\(use)'"
  }
}
