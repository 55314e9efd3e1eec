import Foundation
import TermlintGlossary
import TermlintText

extension Scripts {
  /// Whether a target span is mostly written in the source's script (a copied source sentence),
  /// when the two languages are written in different scripts.
  ///
  /// Only words in lower case throughout count: names, acronyms and codes (*SARS-CoV-2*,
  /// *Orthocoronavirinae*, *Katherine*) are often kept in their original script on purpose.
  static func isMostlySourceScript(
    _ target: AnnotatedSpan, source: LanguageTag?, target language: LanguageTag?
  ) -> Bool {
    guard let s = expected(for: source), let t = expected(for: language), s != t,
      mayContain(s, in: target.span.text)
    else { return false }
    // Placeholders (`{{ compared_value }}`, `%(name)s`) are code, not language.
    let codes = PlaceholderScanner(
      flags: [], languageCodes: Set([source?.language, language?.language].compactMap { $0 })
    )
    .codes(in: target.span).map(\.textRange)
    var inSource = 0
    var total = 0
    let text = target.span.text
    for token in target.tokens where token.kind == .word {
      let range = target.normalized.map.sourceRange(token.range)
      if codes.contains(where: { $0.overlaps(range) }) { continue }
      if let (sourceLetters, letters) = Self.countsInFastRange(text[range], script: s) {
        inSource += sourceLetters
        total += letters
        continue
      }
      let word = target.surface(of: token)
      guard word.allSatisfy({ !$0.isUppercase && !$0.isNumber }) else { continue }
      let counts = letterCounts(Array(word.utf16))
      inSource += counts[s] ?? 0
      total += counts.values.reduce(0, +)
    }
    return total > 0 && inSource * 2 >= total && inSource >= 8
  }
}
