import TermlintGlossary
import TermlintText

/// Flags escape sequences (`\n`, `\r`, `\t`, `\\` written out in the text) and carriage returns
/// whose number differs between a source and its translation.
struct EscapeMismatchRule: OptionlessRule, UnitRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "escape-mismatch",
    title: "Escape Mismatch",
    category: .designAndMarkup,
    defaultSeverity: .warning,
    summary:
      "A literal escape sequence (\\n, \\r, \\t, \\\\) or a carriage return is added to the translation or lost from it",
    rationale: """
      ## Why is this bad?
      A message that a program passes on to another layer (a JavaScript string, a template, a
      shell command, a format that unescapes later) carries its escapes as text: `\\n` is a
      line break only when that layer reads it, `\\\\` is one backslash. A translation that drops
      one joins lines or breaks the string; one that adds a `\\r` (a Windows line end copied
      from an editor) prints a stray `\\r` or garbles the line. This is pofilter's `escapes`
      check and the *escape* part of Xbench's and Verifika's tag checks.

      Counted per unit, in the text as the reader decoded it (a PO `msgstr "a\\\\nb"` holds the
      four characters `a\\nb`): the escape sequences `\\n`, `\\r`, `\\t` and `\\\\`, and the
      carriage-return character (a PO `\\r`), which appears in a source only on purpose. Where
      the translation has more of a kind than the source, the ones without a counterpart are
      reported; where it has fewer, the translation is reported once per missing escape, with
      the source's escape as the related location. A Windows path or a regular expression
      shared by both sides is not reported. Fuzzy and untranslatable units and empty
      translations are skipped.

      ## Example
      Строка 1\\nСтрока 2 → Line 1 Line 2

      ## Use instead
      Line 1\\nLine 2
      """,
    nonTriggeringExamples: [
      RuleExample("Line 1\\nLine 2", source: "Строка 1\\nСтрока 2"),
      RuleExample("Saved to C:\\temp\\new", source: "Сохранено в C:\\temp\\new"),
      RuleExample(
        "Use \\\\ for a backslash.", source: "Используйте \\\\ для обратной косой черты."),
    ],
    triggeringExamples: [
      RuleExample("↓Line 1 Line 2", source: "Строка 1\\nСтрока 2"),
      RuleExample("Done↓\\r", source: "Готово"),
    ]
  )

  /// The escapes of a text: kind (as written in a message) and text range.
  static func escapes(in units: [UInt16]) -> [(kind: String, range: Range<Int>)] {
    var result: [(kind: String, range: Range<Int>)] = []
    var i = 0
    while i < units.count {
      let u = units[i]
      if u == 0x0D {
        // A CR LF pair is a line end of the file (XLIFF, TMX), not an escape of the message.
        if !(i + 1 < units.count && units[i + 1] == 0x0A) {
          result.append(("carriage return", i..<(i + 1)))
        }
      } else if u == 0x5C, i + 1 < units.count {
        switch units[i + 1] {
        case 0x6E: result.append(("\\n", i..<(i + 2)))
        case 0x72: result.append(("\\r", i..<(i + 2)))
        case 0x74: result.append(("\\t", i..<(i + 2)))
        case 0x5C: result.append(("\\\\", i..<(i + 2)))
        default: break
        }
        i += 2
        continue
      }
      i += 1
    }
    return result
  }

  func check(_ unit: AnnotatedUnit, in document: AnnotatedDocument, context: RuleContext)
    -> [Finding]
  {
    var findings: [Finding] = []
    guard let source = unit.source, let target = unit.target, !target.isBlank, !unit.isNotComparable
    else { return [] }
    let s = source.span.text
    let t = target.span.text
    guard s.contains(0x5C) || t.contains(0x5C) || s.contains(0x0D) || t.contains(0x0D) else {
      return []
    }
    let sourceEscapes = Self.escapes(in: s)
    let targetEscapes = Self.escapes(in: t)
    let introduced = SourceComparison.introduced(
      target: targetEscapes, targetLength: t.count, source: sourceEscapes, sourceLength: s.count)
    for (k, escape) in targetEscapes.enumerated() where introduced[k] {
      let range = target.fileRange(text: escape.range)
      findings.append(
        context.finding(
          Self.descriptor, in: target, fileRange: range, message: .extra(escape.kind),
          unit: unit.unit,
          related: [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]))
    }
    // The source's escapes the translation has fewer of.
    let lost = SourceComparison.introduced(
      target: sourceEscapes, targetLength: s.count, source: targetEscapes, sourceLength: t.count)
    for (k, escape) in sourceEscapes.enumerated() where lost[k] {
      findings.append(
        context.finding(
          Self.descriptor, in: target, fileRange: target.trimmedFileRange,
          message: .missing(escape.kind), unit: unit.unit,
          related: [
            Location(file: source.span.file, utf16Range: source.fileRange(text: escape.range))
          ]))
    }
    return findings
  }
}

extension String {
  fileprivate static func extra(_ kind: String) -> String {
    kind == "carriage return"
      ? "A carriage return the source does not have; remove it"
      : "'\(kind)' is not in the source (or not as often); remove it or write the escape as the source does"
  }

  fileprivate static func missing(_ kind: String) -> String {
    kind == "carriage return"
      ? "The source has a carriage return the translation lacks; check the line ends"
      : "The source's '\(kind)' is missing from the translation; copy the escape unchanged"
  }
}
