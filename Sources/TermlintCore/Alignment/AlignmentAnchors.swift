import TermlintGlossary
import TermlintText

/// Finds *anchors* in sentences: things a sentence and its translation share whatever the
/// languages, which the aligner rewards when they fall in one bead.
///
/// - **Numbers**, compared as values with each language's separators (`12 500` and `12,500`;
///   `3,5` and `3.5` when the languages use different decimal marks).
/// - **Names**: capitalised words of at least three letters, written in Latin letters (Cyrillic
///   through ICU's `Russian-Latin/BGN`, other scripts through `Any-Latin`), folded to ASCII; two
///   match when their first five letters agree, so inflected forms still meet (*Рябкова* →
///   *ryabkova* ↔ *Ryabkov*). Latin words kept in a Russian text (*COVID-19*, *IEDCR*) match
///   themselves.
/// - **Cognates**: other words of five letters or more, compared the same way (*консультаций* ↔
///   *consultations*, *эксперты* ↔ *experts*): international vocabulary that survives translation.
/// - **Glossary concepts** with a term in both languages: a source term and a target term of one
///   concept found by the term matcher (with morphology).
///
/// Not thread-safe (it owns a transliterator, a tokenizer and a term matcher); make one per task.
public final class AnchorExtractor: @unchecked Sendable {
  /// The kind of an anchor, which sets its weight.
  public enum Kind: Int, Sendable, CaseIterable {
    case number, name, cognate, concept
  }

  /// An anchor: a kind and a key that is equal on both sides when the anchor matches.
  public struct Anchor: Hashable, Sendable {
    /// The kind.
    public var kind: Kind
    /// The comparison key (a number's value, a name's first letters, a concept index).
    public var key: String
  }

  private let sourceLanguage: LanguageTag?
  private let targetLanguage: LanguageTag?
  private let glossary: CompiledGlossary?
  private let matcher: TermMatcher?
  private let transliterators: [Int32: Transliterator]
  private let tokenizer: Tokenizer
  private let bilingualConcepts: Set<Int>
  /// Name and cognate keys by word form, so each form is transliterated once.
  private var keys: [[UInt16]: [UInt16]] = [:]

  /// Creates an extractor for a language pair; `glossary` adds concept anchors.
  ///
  /// - Throws: `ICUError` when ICU cannot open a transliterator or a break iterator.
  public init(
    sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, glossary: CompiledGlossary? = nil
  ) throws {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.glossary = glossary
    self.matcher = try glossary.map(TermMatcher.init(glossary:))
    self.tokenizer = try Tokenizer()
    var transliterators: [Int32: Transliterator] = [:]
    transliterators[UnicodeProperties.Script.cyrillic] = try Transliterator(
      id: "Russian-Latin/BGN; Latin-ASCII")
    transliterators[-1] = try Transliterator(id: "Any-Latin; Latin-ASCII")
    self.transliterators = transliterators
    var concepts = Set<Int>()
    if let glossary, let source = sourceLanguage, let target = targetLanguage {
      for (index, concept) in glossary.glossary.concepts.enumerated() {
        let languages = Set(
          concept.terms.filter { $0.status != .proposed }.map { $0.language.language })
        if languages.contains(source.language) && languages.contains(target.language) {
          concepts.insert(index)
        }
      }
    }
    self.bilingualConcepts = concepts
  }

  /// The anchors of one sentence on one side (`isSource`), with repeats.
  public func anchors(in span: TextSpan, isSource: Bool) -> [Anchor] {
    let language = isSource ? sourceLanguage : targetLanguage
    let normalized = NormalizedText(span.text, options: .matchingPreservingCase)
    let units = normalized.units
    let tokens = tokenizer.tokens(in: units)
    var anchors: [Anchor] = []
    anchors += numbers(units, tokens: tokens, language: language).map {
      Anchor(kind: .number, key: $0)
    }
    anchors += lexical(units, tokens: tokens)
    if let matcher, !bilingualConcepts.isEmpty {
      let annotated = matcher.annotate(span, language: language)
      var seen = Set<Int>()
      for hit in annotated.hits {
        let concept = matcher.glossary.entries[hit.entryIndex].conceptIndex
        guard bilingualConcepts.contains(concept), hit.tokenRange.lowerBound >= 0 else { continue }
        // One anchor per concept occurrence (a span matched by several entries counts once).
        if seen.insert(hit.normalizedRange.lowerBound * 1_000_003 + concept).inserted {
          anchors.append(Anchor(kind: .concept, key: String(concept)))
        }
      }
    }
    return anchors
  }

  // MARK: - Numbers

  /// Number values in a text: a number token (ICU keeps `12,500` and `3.5` whole), joined with
  /// following three-digit groups after a space in languages that group digits with spaces.
  private func numbers(_ units: [UInt16], tokens: [Token], language: LanguageTag?) -> [String] {
    let decimalComma = AnchorExtractor.usesDecimalComma(language)
    var result: [String] = []
    var i = 0
    while i < tokens.count {
      // A token with letters (*B0AT1*, *слово582*) is a code, not a number.
      guard tokens[i].kind == .number, !units[tokens[i].range].contains(where: Chars.isLetterUnit)
      else {
        i += 1
        continue
      }
      var text = String(utf16Units: units[tokens[i].range])
      var j = i + 1
      if decimalComma {
        var lastGroup = text.reversed().prefix { $0.isNumber }.count
        while j < tokens.count, tokens[j].kind == .number, tokens[j].spaceBefore, lastGroup <= 3,
          tokens[j].range.lowerBound - tokens[j - 1].range.upperBound == 1,
          tokens[j].range.count == 3,
          units[tokens[j].range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
          text += String(utf16Units: units[tokens[j].range])
          lastGroup = 3
          j += 1
        }
      }
      if let value = AnchorExtractor.numberValue(text, decimalComma: decimalComma) {
        result.append(value)
      }
      i = j
    }
    return result
  }

  /// The canonical value of a number written with digits and marks (`12,500` → `12500`,
  /// `3,5` → `3.5` with a decimal comma), or nil when it has no digits.
  static func numberValue(_ text: String, decimalComma: Bool) -> String? {
    let marks = text.filter { !$0.isNumber }
    let digitsOnly = text.filter(\.isNumber)
    guard !digitsOnly.isEmpty else { return nil }
    var integer = digitsOnly
    var fraction = ""
    if let last = marks.last {
      let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { !$0.isNumber })
      let decimalMark: Character = decimalComma ? "," : "."
      let occurrences = marks.filter { $0 == last }.count
      let groupedByThree = groups.dropFirst().allSatisfy { $0.count == 3 }
      let isDecimal: Bool
      if Set(marks).count > 1 {
        isDecimal = occurrences == 1  // 12,500.75 or 12.500,75: the last mark is the decimal one
      } else if last == decimalMark {
        isDecimal = occurrences == 1
      } else {
        isDecimal = occurrences == 1 && !groupedByThree
      }
      if isDecimal, let lastGroup = groups.last {
        fraction = String(lastGroup)
        integer = String(digitsOnly.dropLast(fraction.count))
      }
    }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let trimmed = String(integer.drop { $0 == "0" })
    return (trimmed.isEmpty ? "0" : trimmed) + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// Whether a language writes decimals with a comma (Russian and most of continental Europe).
  static func usesDecimalComma(_ language: LanguageTag?) -> Bool {
    switch language?.language ?? "" {
    case "en", "ja", "zh", "ko", "he", "th", "hi", "ga", "mt", "": return false
    default: return true
    }
  }

  // MARK: - Names and cognates

  /// Name and cognate keys: words in Latin letters (transliterated when in another script),
  /// folded to lower-case ASCII with spelling differences levelled (`ph` → `f`, `x` → `cs`,
  /// `k` → `c`, `z` → `s`, `y` → `i`, `w` → `v`, `q` → `c`), cut to their first five letters.
  /// Capitalised words of three letters or more are names (*Вашингтон* and *Washington* both
  /// give `vashi`); all words of five letters or more are cognates (*консультаций* and
  /// *consultations* both give `consu`). Codes of Latin letters and digits are names kept whole
  /// (*B0AT1* → `b0at1`).
  private func lexical(_ units: [UInt16], tokens: [Token]) -> [Anchor] {
    var result: [Anchor] = []
    for token in tokens where token.kind != .punctuation {
      let word = Array(units[token.range])
      guard let first = Chars.scalar(word, at: 0), word.contains(where: Chars.isLetterUnit) else {
        continue
      }
      if UnicodeProperties.script(first) == UnicodeProperties.Script.latin,
        word.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
      {
        // A code in Latin letters and digits (*H1N1*, *B0AT1*) is kept whole, in lower case.
        let code = word.compactMap { u -> UInt16? in
          if (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) { return u }
          return u >= 0x41 && u <= 0x5A ? u + 0x20 : nil
        }
        result.append(Anchor(kind: .name, key: String(utf16Units: code)))
        continue
      }
      let capitalised = UnicodeProperties.isUppercase(first)
      let key: [UInt16]
      if let known = keys[word] {
        key = known
      } else {
        key = latinKey(word, script: UnicodeProperties.script(first))
        keys[word] = key
      }
      if capitalised && key.count >= 3 {
        result.append(Anchor(kind: .name, key: String(utf16Units: key.prefix(5))))
      }
      // A capitalised word is also a cognate, so *Позиции* at the start of a sentence meets
      // *positions* in the middle of one.
      if key.count >= 5 {
        result.append(Anchor(kind: .cognate, key: String(utf16Units: key.prefix(5))))
      }
    }
    return result
  }

  private func latinKey(_ word: [UInt16], script: Int32) -> [UInt16] {
    var latin: [UInt16]
    if script == UnicodeProperties.Script.latin {
      latin = word
    } else if let t = transliterators[script] ?? transliterators[-1] {
      latin = t.transliterate(word)
    } else {
      return []
    }
    var ascii: [UInt16] = []
    for u in latin {
      if u >= 0x61 && u <= 0x7A {
        ascii.append(u)
      } else if u >= 0x41 && u <= 0x5A {
        ascii.append(u + 0x20)
      }
    }
    var folded: [UInt16] = []
    var k = 0
    while k < ascii.count {
      let u = ascii[k]
      if u == 0x70, k + 1 < ascii.count, ascii[k + 1] == 0x68 {  // ph → f
        folded.append(0x66)
        k += 2
        continue
      }
      switch u {
      case 0x78: folded += [0x63, 0x73]  // x → cs
      case 0x6B, 0x71: folded.append(0x63)  // k, q → c
      case 0x7A: folded.append(0x73)  // z → s
      case 0x79: folded.append(0x69)  // y → i
      case 0x77: folded.append(0x76)  // w → v
      default: folded.append(u)
      }
      k += 1
    }
    return folded
  }
}
