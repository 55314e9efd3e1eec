import TermlintGlossary
import TermlintText

/// What the bilingual rules read from a unit's metadata, in one place.
///
/// Readers and the aligner write these keys (see `Documentation/BilingualRules.md`):
/// - `paragraph`: paragraph index shared by the sentence beads of one paragraph (aligned prose);
/// - `bead`: the alignment bead, `1-1`, `2-1`, `1-0`, `0-1` …;
/// - `confidence`: the aligner's confidence in the bead, 0…1;
/// - `translate`: `no` (also `false`, `0`) for units that must not be translated (XLIFF);
/// - `obsolete`: `yes` (also `true`, `1`) for obsolete PO entries, when a reader keeps them;
/// - `fuzzy`: `yes` for PO entries marked fuzzy; a `fuzzy` or `obsolete` word in `flags` counts too;
/// - `flags`: PO flags, comma- or space-separated (`c-format, fuzzy`).
public enum UnitFacts {
  /// The bead counts `(source sentences, target sentences)`, when the unit comes from an aligner.
  public static func bead(_ unit: Unit) -> (source: Int, target: Int)? {
    guard let raw = unit.metadata["bead"] else { return nil }
    let parts = raw.split(separator: "-")
    guard parts.count == 2, let s = Int(parts[0]), let t = Int(parts[1]) else { return nil }
    return (s, t)
  }

  /// The aligner's confidence in a bead (0…1), when it gives one.
  public static func confidence(_ unit: Unit) -> Double? {
    unit.metadata["confidence"].flatMap(Double.init)
  }

  /// Whether the aligner is unsure of a bead (confidence below 0.5): lengths compared across a
  /// doubtful bead say more about the alignment than about the translation.
  public static func isDoubtfulBead(_ unit: Unit) -> Bool { (confidence(unit) ?? 1) < 0.5 }

  /// The paragraph a sentence bead belongs to, when the unit comes from an aligner.
  public static func paragraph(_ unit: Unit) -> String? { unit.metadata["paragraph"] }

  /// The unit's flags (PO `#,` flags), lower-cased.
  public static func flags(_ unit: Unit) -> Set<String> {
    guard let raw = unit.metadata["flags"] else { return [] }
    return Set(
      raw.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map { $0.lowercased() })
  }

  /// Whether the unit is marked as not to be translated (XLIFF `translate="no"`) or obsolete,
  /// or its source is a message key rather than text (`translator-credits`, `app.title`): the
  /// target of a key is free text (names, e-mail addresses, years) that cannot be compared.
  public static func isExcluded(_ unit: Unit) -> Bool { isExcluded(unit, flags: flags(unit)) }

  /// `isExcluded(_:)` with the unit's flags already parsed.
  static func isExcluded(_ unit: Unit, flags: Set<String>) -> Bool {
    if let t = unit.metadata["translate"]?.lowercased(), ["no", "false", "0"].contains(t) {
      return true
    }
    if isTrue(unit.metadata["obsolete"]) || flags.contains("obsolete") { return true }
    if let source = unit.source, isMessageKey(source.text) { return true }
    return false
  }

  /// Whether text is an identifier-like message key: ASCII lower-case letters and digits in
  /// two or more parts joined by `-`, `_` or `.`, with no spaces.
  static func isMessageKey(_ text: [UInt16]) -> Bool {
    var parts = 1
    var previousWasSeparator = true
    for u in text {
      switch u {
      case 0x61...0x7A, 0x30...0x39: previousWasSeparator = false
      case 0x2D, 0x5F, 0x2E:
        if previousWasSeparator { return false }
        previousWasSeparator = true
        parts += 1
      default: return false
      }
    }
    return parts >= 2 && !previousWasSeparator
  }

  /// Whether a rule that compares the translation with its source should skip the unit: it is
  /// excluded, or a fuzzy PO entry — msgmerge's guess, often the translation of a similar but
  /// different message, which gettext does not use until a translator confirms it. Comparing it
  /// with its msgid reports what the fuzzy flag already says.
  public static func isNotComparable(_ unit: Unit) -> Bool { isExcluded(unit) || isFuzzy(unit) }

  /// Whether the unit is a fuzzy PO entry.
  public static func isFuzzy(_ unit: Unit) -> Bool { isFuzzy(unit, flags: flags(unit)) }

  /// `isFuzzy(_:)` with the unit's flags already parsed.
  static func isFuzzy(_ unit: Unit, flags: Set<String>) -> Bool {
    isTrue(unit.metadata["fuzzy"]) || flags.contains("fuzzy")
  }

  private static func isTrue(_ value: String?) -> Bool {
    guard let value = value?.lowercased() else { return false }
    return ["yes", "true", "1"].contains(value)
  }
}

/// Groups of units a bilingual check compares as a whole.
///
/// Sentence beads that share a `paragraph` value (aligned prose) form one group, because a
/// translator may move a term or a number to a neighbouring sentence of the same paragraph;
/// every other unit is a group of its own.
public enum UnitScopes {
  /// The unit indices of each group, in document order.
  public static func groups(_ document: AnnotatedDocument) -> [[Int]] {
    var groups: [[Int]] = []
    var current: [Int] = []
    var currentParagraph: String?
    for (i, unit) in document.units.enumerated() {
      let paragraph = unit.paragraph
      if let paragraph, paragraph == currentParagraph {
        current.append(i)
        continue
      }
      if !current.isEmpty { groups.append(current) }
      current = [i]
      currentParagraph = paragraph
    }
    if !current.isEmpty { groups.append(current) }
    return groups
  }
}

extension AnnotatedSpan {
  /// Whether the span has no letters or digits (empty, white space, inline codes only).
  var isBlank: Bool {
    !span.text.contains { u in
      // a surrogate: some astral character
      guard let scalar = Unicode.Scalar(u) else { return true }
      return UnicodeProperties.has(scalar, .alphabetic) || (u >= 0x30 && u <= 0x39)
    }
  }

  /// The span's file range without leading and trailing white space.
  var trimmedFileRange: Range<Int> {
    let text = span.text
    var start = 0
    var end = text.count
    while start < end && TextScan.isSpace(text[start]) { start += 1 }
    while end > start && TextScan.isSpace(text[end - 1]) { end -= 1 }
    if start == end {
      return span.map.sourceOffset(startingAt: 0)..<span.map.sourceOffset(startingAt: 0)
    }
    return span.map.sourceRange(start..<end)
  }

  /// The original text of a token (case preserved), from the span's text.
  func surface(of token: Token) -> String {
    let range = normalized.map.sourceRange(token.range)
    return String(utf16Units: span.text[range])
  }

  /// The span's text range of a run of tokens.
  func textRange(tokens range: Range<Int>) -> Range<Int> {
    normalized.map.sourceRange(
      tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
  }
}

/// Small character tests shared by the bilingual rules.
enum TextScan {
  /// Whether a UTF-16 unit is white space (ASCII, NBSP and the Unicode spaces).
  @inline(__always)
  static func isSpace(_ u: UInt16) -> Bool {
    u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || u == 0x0B || u == 0x0C
      || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x205F || u == 0x3000 || u == 0x2028
      || u == 0x2029
  }

  /// The first words of a text, for quoting a long sentence in a message.
  static func excerpt(_ text: String, words: Int = 8) -> String {
    // Reads only as far as the word after the last one kept: units can be long paragraphs.
    var parts: [Substring] = []
    var start: String.Index? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let next = text.index(after: i)
      if text[i].isWhitespace {
        if let s = start {
          parts.append(text[s..<i])
          start = nil
          if parts.count > words { break }
        }
      } else if start == nil {
        start = i
      }
      i = next
    }
    if let s = start, parts.count <= words { parts.append(text[s...]) }
    if parts.count <= words { return parts.joined(separator: " ") }
    return parts.prefix(words).joined(separator: " ") + "…"
  }

  /// The parts where two texts differ, for quoting both in a message: each text from the
  /// first word where they part (with `…` before it when words were left out), as an excerpt.
  static func divergence(_ a: String, _ b: String, words: Int = 8) -> (String, String) {
    let x = a.split(whereSeparator: \.isWhitespace)
    let y = b.split(whereSeparator: \.isWhitespace)
    var common = 0
    while common < x.count && common < y.count && x[common] == y[common] { common += 1 }
    // Keep two words of context before the difference.
    let start = max(0, min(common, min(x.count, y.count) - 1) - 2)
    func part(_ w: [Substring]) -> String {
      let text = excerpt(w[start...].joined(separator: " "), words: words)
      return start > 0 ? "…" + text : text
    }
    return (part(x), part(y))
  }
}
