import TermlintGlossary
import TermlintText

/// Which built-in rules' suggestions `termlint fix` applies on its own: the one place to change.
///
/// A rule belongs here only when its measured precision on real translations is at least 95 %
/// (see the trust issue and `Evaluation/`) and its fix is mechanical and keeps the meaning.
/// Until the evaluation set has measured every rule, the set holds the rules whose fixes are
/// mechanically meaning-preserving and precise by construction:
/// - `mixed-script`: a look-alike letter becomes the same letter of the word's script, and only
///   when the result is a word wholly in the letters of the language;
/// - `term-case`: the glossary's own capitalisation of a term found in the text;
/// - `term-forbidden`: the glossary's preferred term for a deprecated one, inflected as found.
///
/// Left out, with the reason: `whitespace` (trailing spaces and column layouts of software
/// strings are meaningful), `invisible-char` (control characters of a source, a ZWJ in an
/// emoji or a ZWNJ carry meaning), `quotes` and `dashes` (the right character depends on the
/// language and the document's convention; judged precision was low), `term-inconsistent`
/// and `name-spelling` (an editor's choice). A rule's own condition (`Finding.fixIsSafe`) still
/// applies inside the set. Data and external rules are the user's: their own `fixIsSafe` stands.
public enum SafeFixes {
  /// The built-in rules whose suggestions may be marked safe.
  public static let builtInRules: Set<String> = ["mixed-script", "term-case", "term-forbidden"]

  /// Whether a finding of this rule may keep `fixIsSafe`.
  public static func allows(_ ruleID: String) -> Bool {
    guard let id = builtInIDs[ruleID] else { return true }
    return builtInRules.contains(id)
  }

  /// Every built-in rule id and deprecated alias, to the rule's id (read once).
  private static let builtInIDs: [String: String] = {
    var ids: [String: String] = [:]
    for descriptor in BuiltInRules.descriptors {
      ids[descriptor.id] = descriptor.id
      for alias in descriptor.deprecatedAliases { ids[alias] = descriptor.id }
    }
    return ids
  }()

  /// The findings with `fixIsSafe` cleared for built-in rules outside the set.
  static func applied(to findings: [Finding]) -> [Finding] {
    guard findings.contains(where: { $0.fixIsSafe && !allows($0.ruleID) }) else { return findings }
    return findings.map { finding in
      guard finding.fixIsSafe, !allows(finding.ruleID) else { return finding }
      var f = finding
      f.fixIsSafe = false
      return f
    }
  }

  /// File ranges (UTF-16) that a fix must neither overlap nor touch: the format directives,
  /// escapes, placeholders, URLs and e-mail addresses of every unit's text, read as code
  /// whatever the unit's flags say (`%s` glued to a word, `%0A`), and the file's own markup and
  /// escapes between and behind the characters of the text (a PO `\n` or `\\`, an XML entity,
  /// Markdown emphasis or an inline code), sorted by start.
  public static func protectedRanges(in document: Document) -> [Range<Int>] {
    var out: [Range<Int>] = []
    let file = document.file.utf16
    for unit in document.units {
      for span in [unit.source, unit.target].compactMap({ $0 })
      where span.file.path == document.file.path {
        let scanner = PlaceholderScanner(
          flags: UnitFacts.flags(unit), languageCodes: [], protecting: true)
        for code in scanner.codes(in: span) { out.append(span.map.sourceRange(code.textRange)) }
        let text = span.text
        guard !text.isEmpty else { continue }
        var previousEnd: Int?
        for i in text.indices {
          let r = span.map.sourceRange(i..<(i + 1))
          // markup between characters
          if let p = previousEnd, r.lowerBound > p { out.append(p..<r.lowerBound) }
          previousEnd = max(previousEnd ?? r.upperBound, r.upperBound)
          guard r.upperBound <= file.count else { continue }
          if r.count == 1 && file[r.lowerBound] == text[i] { continue }
          // White space written as other white space (a CRLF line end, a soft line break read
          // as a space) is a separator, not an escape.
          let space = TextScan.isSpace(text[i]) && file[r].allSatisfy(TextScan.isSpace)
          if !space && !r.isEmpty { out.append(r) }  // an escape or entity
        }
      }
    }
    return out.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// Whether an edit of `range` overlaps or touches one of the protected ranges.
  static func touches(_ range: Range<Int>, _ protected: [Range<Int>]) -> Bool {
    protected.contains { p in
      p.overlaps(range) || p.upperBound == range.lowerBound || p.lowerBound == range.upperBound
        || (range.isEmpty && p.contains(range.lowerBound))
    }
  }
}
