/// Helpers shared by the glossary rules.
enum TermSupport {
  /// Adapts a suggested term to the text it replaces: keeps the inflection of the last word
  /// (*attack weapons* → *strike weapons*) and sentence-initial or all-caps capitalisation.
  static func suggestion(_ replacement: String, replacing entry: CompiledGlossary.Entry, in span: AnnotatedSpan, hit: TermHit) -> String {
    var result = replacement
    if let lastTermWord = entry.tokens.last, let lastToken = span.tokens[hit.tokenRange].last, lastToken.kind == .word {
      let observed = String(decoding: span.normalized.units[lastToken.range], as: UTF16.self)
      let base = String(decoding: lastTermWord, as: UTF16.self)
      if observed != base, let (head, word) = splitLastWord(result),
        let inflected = EnglishLemmas.transfer(base: base, observed: observed, to: word)
      {
        result = head + inflected
      }
    }
    let matched = span.span.file.text(in: hit.fileRange)
    return matchCapitalisation(result, to: matched)
  }

  /// Splits off the last run of letters of a phrase.
  static func splitLastWord(_ phrase: String) -> (String, String)? {
    let scalars = Array(phrase.unicodeScalars)
    var k = scalars.count
    while k > 0 && UnicodeProperties.has(scalars[k - 1], .alphabetic) { k -= 1 }
    if k == scalars.count { return nil }
    var head = String.UnicodeScalarView(), word = String.UnicodeScalarView()
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
      return UnicodeProperties.uppercase(String(textFirst)) + String(text.unicodeScalars.dropFirst())
    }
    return text
  }

  /// Whether one token sequence occurs contiguously inside the other (a short form of a name).
  static func contains(_ a: [[UInt16]], _ b: [[UInt16]]) -> Bool {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    if short.isEmpty || short.count == long.count { return false }
    for start in 0...(long.count - short.count) where Array(long[start..<(start + short.count)]) == short {
      return true
    }
    return false
  }
}
