import TermlintGlossary
import TermlintText

/// Helpers shared by the glossary rules.
enum TermSupport {
  /// Adapts a suggested term to the text it replaces: keeps the inflection of the last word
  /// (*attack weapons* → *strike weapons*) and sentence-initial or all-caps capitalisation.
  static func suggestion(
    _ replacement: String, replacing entry: CompiledGlossary.Entry, in span: AnnotatedSpan,
    hit: TermHit
  ) -> String {
    var result = replacement
    if let lastTermWord = entry.tokens.last, let lastToken = span.tokens[hit.tokenRange].last,
      lastToken.kind == .word
    {
      let observed = String(utf16Units: span.normalized.units[lastToken.range])
      let base = String(utf16Units: lastTermWord)
      if observed != base, let (head, word) = splitLastWord(result),
        var inflected = EnglishLemmas.transfer(base: base, observed: observed, to: word)
      {
        // The ending comes from the text; so does its apostrophe (Riabkov’s → Ryabkov’s). The
        // word itself is letters only, so any apostrophe in `inflected` is the ending's.
        let matched = span.file.text(in: hit.fileRange)
        if let typographic = matched.unicodeScalars.last(where: { apostrophes.contains($0) }),
          typographic != "'"
        {
          inflected = String(
            String.UnicodeScalarView(inflected.unicodeScalars.map { $0 == "'" ? typographic : $0 }))
        }
        result = head + inflected
      }
    }
    let matched = span.file.text(in: hit.fileRange)
    // A capital that the replaced term has anyway (a name: *Black Sea Grain Initiative*) says
    // nothing about the replacement: a term in lower case (*grain deal*) stays so, except at the
    // start of a sentence. Text in capitals (a headline) is still followed.
    if let termFirst = entry.term.text.unicodeScalars.first,
      UnicodeProperties.isUppercase(termFirst),
      let first = result.unicodeScalars.first, UnicodeProperties.isLowercase(first),
      matched.unicodeScalars.contains(where: UnicodeProperties.isLowercase),
      !NameIndex.isSentenceInitial(span, hit.tokenRange.lowerBound)
    {
      return result
    }
    return matchCapitalisation(result, to: matched)
  }

  /// Characters used as an apostrophe in English text.
  private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

  /// The allowed term to suggest in place of a rejected one: usually the concept's preferred
  /// term. A rejected term that is a shorter reference to a name — a misspelled surname on
  /// later references (*Riabkov* for *Sergey Ryabkov*) — is replaced by a reference of the
  /// same length, so the fix keeps the article's way of referring to the person: an allowed
  /// term of the same length that is the same kind of term or spelled almost alike, else the
  /// part of the preferred name spelled almost alike (*Ryabkov*).
  static func replacement(for rejected: Term, in concept: Concept) -> String? {
    let allowed = concept.terms(in: rejected.language).filter { $0.effectiveStatus.isAllowed }
    guard let preferred = concept.preferredTerm(in: rejected.language) else { return nil }
    let rejectedWords = NameIndex.words(rejected.text)
    let preferredWords = NameIndex.words(preferred.text)
    guard !rejectedWords.isEmpty, rejectedWords.count < preferredWords.count else {
      return preferred.text
    }
    func alike(_ a: [String], _ b: [String]) -> Bool {
      a.count == b.count
        && zip(a, b).allSatisfy { x, y in
          let x = Array(x.lowercased())
          let y = Array(y.lowercased())
          return NameMatching.nameDistance(x, y)
            <= max(1, NameMatching.allowedEdits(length: min(x.count, y.count)))
        }
    }
    if let sameLength = allowed.first(where: { term in
      let w = NameIndex.words(term.text)
      return w.count == rejectedWords.count
        && ((term.termType != nil && term.termType == rejected.termType) || alike(w, rejectedWords))
    }) {
      return sameLength.text
    }
    guard rejected.isProperNoun || preferred.isProperNoun else { return preferred.text }
    let n = rejectedWords.count
    for part in [Array(preferredWords.suffix(n)), Array(preferredWords.prefix(n))]
    where alike(part, rejectedWords) {
      return part.joined(separator: " ")
    }
    return preferred.text
  }

  /// Splits off the last run of letters of a phrase.
  static func splitLastWord(_ phrase: String) -> (String, String)? {
    let scalars = Array(phrase.unicodeScalars)
    var k = scalars.count
    while k > 0 && UnicodeProperties.has(scalars[k - 1], .alphabetic) { k -= 1 }
    if k == scalars.count { return nil }
    var head = String.UnicodeScalarView()
    var word = String.UnicodeScalarView()
    head.append(contentsOf: scalars[..<k])
    word.append(contentsOf: scalars[k...])
    return (String(head), String(word))
  }

  /// Upper-cases the first letter of `text` when `model` starts with a capital and `text` with a
  /// lower-case letter; upper-cases all of it when `model` is in capitals (a headline).
  static func matchCapitalisation(_ text: String, to model: String) -> String {
    let letters = model.unicodeScalars.filter { UnicodeProperties.has($0, .alphabetic) }
    guard let first = letters.first, let textFirst = text.unicodeScalars.first else { return text }
    if letters.count >= 2 && letters.allSatisfy({ !UnicodeProperties.isLowercase($0) }) {
      return UnicodeProperties.uppercase(text)
    }
    if UnicodeProperties.isUppercase(first) && UnicodeProperties.isLowercase(textFirst) {
      return UnicodeProperties.uppercase(String(textFirst))
        + String(text.unicodeScalars.dropFirst())
    }
    return text
  }

  /// Whether one token sequence occurs contiguously inside the other (a short form of a name).
  static func contains(_ a: [[UInt16]], _ b: [[UInt16]]) -> Bool {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    if short.isEmpty || short.count == long.count { return false }
    for start in 0...(long.count - short.count)
    where Array(long[start..<(start + short.count)]) == short {
      return true
    }
    return false
  }
}
