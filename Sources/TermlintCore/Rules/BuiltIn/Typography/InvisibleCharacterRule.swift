import TermlintGlossary
import TermlintText

/// Flags invisible characters: zero-width characters, bidi controls, control characters other
/// than tab and line ends, a byte-order mark inside the text and soft hyphens.
struct InvisibleCharacterRule: OptionlessRule, UnitRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "invisible-char",
    title: "Invisible Character",
    category: .designAndMarkup,
    defaultSeverity: .warning,
    summary:
      "An invisible character (zero-width, bidi control, control character, stray BOM, soft hyphen); delete it",
    rationale: """
      ## Why is this bad?
      Invisible characters come in with text pasted from web pages, PDFs, messengers and
      content systems. They break search (*security* with a soft hyphen inside is another word),
      glossary checks, spell checkers and line breaking, and bidi controls can reorder what a
      reader sees. Reported:

      - zero-width space, word joiner, zero-width no-break space (a byte-order mark inside the
        text) and the other invisible format characters;
      - zero-width joiner and non-joiner, except inside emoji sequences and in scripts that
        need them (Arabic, Indic);
      - bidi controls (LRM, RLM, embeddings, overrides, isolates);
      - C0 and C1 control characters other than tab and line ends;
      - soft hyphens.

      A run of them is one finding. The fix is to delete them.

      In a unit with a source, characters the source has too (a U+001F field separator, a BEL,
      a zero-width space in both sides of a memory) belong to the file, not the translation: a
      run is reported only when it holds a character the source does not account for.

      ## Example
      Moscow demanded secu⟨U+00AD⟩rity guarantees. (⟨U+00AD⟩ stands for a soft hyphen)

      ## Use instead
      Moscow demanded security guarantees.
      """,
    nonTriggeringExamples: [
      RuleExample("Moscow demanded security guarantees."),
      RuleExample("Family emoji 👨\u{200D}👩\u{200D}👧 and ❤\u{FE0F} are fine."),
      RuleExample("Columns\tseparated by a tab."),
      // Control characters the source has too (a field separator) are the file's.
      RuleExample("Name\u{1F}value and\u{200B}more", source: "Имя\u{1F}значение и\u{200B}ещё"),
    ],
    triggeringExamples: [
      RuleExample(
        "Moscow demanded secu↓\u{AD}rity guarantees.",
        corrected: "Moscow demanded security guarantees."),
      RuleExample("Zero width↓\u{200B} space.", corrected: "Zero width space."),
      RuleExample("Bidi ↓\u{202E}override↓\u{202C} here.", corrected: "Bidi override here."),
      RuleExample("A stray BOM↓\u{FEFF} inside.", corrected: "A stray BOM inside."),
      RuleExample("A bell↓\u{07} and↓\u{200B}\u{200C} a run.", corrected: "A bell and a run."),
      RuleExample(
        "Zero width↓\u{200B} space.", source: "Пробел нулевой ширины.",
        corrected: "Zero width space."),
    ]
  )

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    guard let target = unit.target else { return [] }
    let text = UnitText(target)
    var runs = Self.runs(in: text)
    // Characters the source has too (a U+001F field separator, a BEL, a zero-width space in
    // both sides of a memory) are the file's, not the translator's: a run is reported when it
    // holds a character the source does not account for.
    if !runs.isEmpty, let source = SourceComparison.source(of: unit) {
      let targetChars = runs.indices.flatMap { r in
        runs[r].scalars.map { (kind: $0.value, range: $1, run: r) }
      }
      let sourceChars = Self.runs(in: source).flatMap { run in
        run.scalars.map { (kind: $0.value, range: $1) }
      }
      let keep = SourceComparison.introduced(
        target: targetChars.map { ($0.kind, $0.range) }, targetLength: text.count,
        source: sourceChars.map { ($0.kind, $0.range) }, sourceLength: source.count)
      let reported = Set(zip(targetChars, keep).filter(\.1).map(\.0.run))
      runs = runs.indices.filter(reported.contains).map { runs[$0] }
    }
    return runs.map { run in
      var names: [String] = []
      for (s, _) in run.scalars {
        let name = Self.describe(s)
        if !names.contains(name) { names.append(name) }
      }
      let word = text.word(around: run.range.lowerBound) { Self.isInvisible($0) }
      return context.finding(
        Self.descriptor, in: target, fileRange: text.fileRange(run.range),
        message: .invisible(names, word: word),
        suggestions: [""], fixIsSafe: true, unit: unit.unit)
    }
  }

  /// The runs of invisible characters of a text, each with its characters and where they are.
  static func runs(in text: UnitText) -> [(
    range: Range<Int>, scalars: [(Unicode.Scalar, Range<Int>)]
  )] {
    var result: [(range: Range<Int>, scalars: [(Unicode.Scalar, Range<Int>)])] = []
    var i = 0
    while i < text.count {
      let (s, w) = text.scalar(at: i)
      guard Self.isInvisible(s, at: i, width: w, in: text) else {
        i += w
        continue
      }
      var j = i + w
      var scalars = [(s, i..<j)]
      while j < text.count {
        let (next, nw) = text.scalar(at: j)
        guard Self.isInvisible(next, at: j, width: nw, in: text) else { break }
        scalars.append((next, j..<(j + nw)))
        j += nw
      }
      result.append((i..<j, scalars))
      i = j
    }
    return result
  }
}

extension InvisibleCharacterRule {
  /// Whether a scalar is one of the reported invisible characters, regardless of context.
  fileprivate static func isInvisible(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    switch v {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85: return false  // tab and line ends
    case 0x00...0x1F, 0x7F...0x9F: return true  // other C0 and C1 controls
    case 0x20..<0x7F: return false
    case 0xAD: return true  // soft hyphen
    default: break
    }
    // Bidi controls and the invisible format characters (ZWSP, joiners, word joiner, BOM,
    // invisible operators, tags) are all Cf.
    guard UnicodeProperties.generalCategory(s) == 16 else { return false }
    return UnicodeProperties.has(s, .bidiControl) || UnicodeProperties.has(s, .defaultIgnorable)
  }

  /// Whether the scalar at `index` is reported: joiners and tag characters are fine next to
  /// emoji and in scripts that use them.
  fileprivate static func isInvisible(
    _ s: Unicode.Scalar, at index: Int, width: Int, in text: UnitText
  ) -> Bool {
    guard isInvisible(s) else { return false }
    let joiner = s.value == 0x200C || s.value == 0x200D
    let tag = s.value >= 0xE0020 && s.value <= 0xE007F
    guard joiner || tag else { return true }
    let before = text.scalar(before: index)?.scalar
    let after = index + width < text.count ? text.scalar(at: index + width).0 : nil
    for neighbour in [before, after].compactMap({ $0 }) {
      if UnicodeProperties.has(neighbour, .extendedPictographic)
        || UnicodeProperties.has(neighbour, .variationSelector)
      {
        return false
      }
      // inside a tag sequence
      if neighbour.value >= 0xE0020 && neighbour.value <= 0xE007F { return false }
      if joiner && UnicodeProperties.has(neighbour, .alphabetic) {
        let script = UnicodeProperties.script(neighbour)
        let simple = [
          UnicodeProperties.Script.latin, UnicodeProperties.Script.cyrillic,
          UnicodeProperties.Script.greek,
        ]
        if !simple.contains(script) { return false }
      }
    }
    return true
  }

  /// "U+200B (zero width space)".
  fileprivate static func describe(_ s: Unicode.Scalar) -> String {
    let code = Typography.label(s)
    let name = s.value == 0xFEFF ? "byte-order mark" : UnicodeProperties.name(s)?.lowercased()
    return name.map { "\(code) (\($0))" } ?? "\(code) (control character)"
  }
}

extension String {
  fileprivate static func invisible(_ names: [String], word: String) -> String {
    let what =
      names.count == 1
      ? "Invisible character \(names[0])" : "Invisible characters \(names.joined(separator: ", "))"
    let place = word.isEmpty ? "" : " in '\(word)'"
    return "\(what)\(place); delete \(names.count == 1 ? "it" : "them")"
  }
}
