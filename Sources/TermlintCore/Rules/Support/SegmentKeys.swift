import TermlintGlossary
import TermlintText

/// The comparison keys of `translation-inconsistent` and `target-inconsistent`: a segment's text
/// with what does not make two segments different folded away.
///
/// Starting from the matching form of the span (NFKC_Casefold, typographic quotes and
/// apostrophes folded, Unicode hyphens folded, default-ignorable characters dropped), the key
/// also folds dashes to `-`, `ё` to `е`, and drops all white space (so *a , b* and *a, b* are one
/// text, as are NBSP and a space); with `numbersAsClass`, every run of digits (with its inner
/// separators) becomes `#`.
enum SegmentKeys {
  /// The key of a span, and the numbers it had (in order), for telling numbers apart.
  static func key(_ span: AnnotatedSpan, numbersAsClass: Bool = true) -> (
    key: [UInt16], numbers: [[UInt16]]
  ) {
    let u = span.normalized.units
    var key: [UInt16] = []
    key.reserveCapacity(u.count)
    var numbers: [[UInt16]] = []
    var i = 0
    while i < u.count {
      let c = u[i]
      if c >= 0x30 && c <= 0x39 {
        var number: [UInt16] = []
        while i < u.count {
          let d = u[i]
          if d >= 0x30 && d <= 0x39 {
            number.append(d)
          } else if (d == 0x2E || d == 0x2C || d == 0xA0 || d == 0x202F) && i + 1 < u.count
            && u[i + 1] >= 0x30 && u[i + 1] <= 0x39
          {
            number.append(d)
          } else {
            break
          }
          i += 1
        }
        numbers.append(number)
        if numbersAsClass { key.append(0x23) } else { key += number }
        continue
      }
      i += 1
      if TextScan.isSpace(c) { continue }
      // A mnemonic marker of a menu label (_File, &Open) is not part of the text.
      if c == 0x5F || c == 0x26, i < u.count, let next = Unicode.Scalar(u[i]),
        Typography.isLetter(next)
      {
        continue
      }
      switch c {
      case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: key.append(0x2D)
      case 0x0451: key.append(0x0435)  // ё → е
      case 0x2026: key += [0x2E, 0x2E, 0x2E]
      default: key.append(c)
      }
    }
    return (key, numbers)
  }

  /// The words of a span as stems in `morphology`, digits inside a word as `#` (*3й* and *2й*
  /// are one word), with how often each occurs; punctuation and white space are left out, and
  /// so are mnemonic markers.
  static func stems(_ span: AnnotatedSpan, morphology: Morphology) -> [[UInt16]: Int] {
    var bag: [[UInt16]: Int] = [:]
    var word: [UInt16] = []
    func flush() {
      guard !word.isEmpty else { return }
      bag[morphology.stem(utf16: word), default: 0] += 1
      word.removeAll(keepingCapacity: true)
    }
    let u = span.normalized.units
    var i = 0
    while i < u.count {
      let c = u[i]
      let scalar = Unicode.Scalar(c)
      if c >= 0x30 && c <= 0x39 {
        word.append(0x23)
        while i + 1 < u.count && u[i + 1] >= 0x30 && u[i + 1] <= 0x39 { i += 1 }
      } else if (c == 0x5F || c == 0x26) && !word.isEmpty && i + 1 < u.count
        && (Unicode.Scalar(u[i + 1]).map(Typography.isLetter) ?? false)
      {
        // A mnemonic marker inside a word (Про&верить).
      } else if c >= 0xD800 && c <= 0xDFFF {
        word.append(c)
      } else if let scalar,
        Typography.isLetter(scalar) || UnicodeProperties.generalCategory(scalar) == 6 || c == 0x27
      {
        word.append(c == 0x0451 ? 0x0435 : c)
      } else {
        flush()
      }
      i += 1
    }
    flush()
    return bag
  }

  /// How many words two bags do not share (the larger of the two one-sided differences).
  static func difference(_ a: [[UInt16]: Int], _ b: [[UInt16]: Int]) -> Int {
    var onlyA = 0
    var onlyB = 0
    for (k, n) in a { onlyA += max(0, n - (b[k] ?? 0)) }
    for (k, n) in b { onlyB += max(0, n - (a[k] ?? 0)) }
    return max(onlyA, onlyB)
  }

  /// The number of words of a span.
  static func wordCount(_ span: AnnotatedSpan) -> Int {
    span.tokens.lazy.filter { $0.kind == .word }.count
  }

  /// Whether a span has at least two letters (a key worth comparing).
  static func hasWords(_ span: AnnotatedSpan) -> Bool {
    var letters = 0
    for u in span.text {
      if let s = Unicode.Scalar(u), Typography.isLetter(s) {
        letters += 1
        if letters >= 2 { return true }
      }
    }
    return false
  }

  /// What makes two units with the same source text different messages: the PO context
  /// (`msgctxt`) and the plural form.
  static func context(of unit: Unit) -> String {
    (unit.metadata["msgctxt"] ?? "") + "\u{1F}" + (unit.metadata["plural-index"] ?? "")
  }
}
