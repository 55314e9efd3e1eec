/// The morphology Termlint uses for one language: a stemmer and, for English, a check that two
/// words with the same stem really are inflections of one word.
public struct Morphology: Sendable {
  /// The primary language subtag ("en", "ru"), or "" when unknown.
  public let language: String
  private let stemmer: (any Stemmer)?

  /// Returns the morphology for a language; languages without a stemmer match exactly.
  public init(language: LanguageTag?) {
    let code = language?.language ?? ""
    self.language = code
    switch code {
    case "en": stemmer = EnglishStemmer()
    case "ru": stemmer = RussianStemmer()
    default: stemmer = nil
    }
  }

  /// Whether this language has a stemmer.
  public var hasStemmer: Bool { stemmer != nil }

  /// The stem of a case-folded word (the word itself when there is no stemmer).
  @inline(__always)
  public func stem(utf16 word: [UInt16]) -> [UInt16] {
    guard let stemmer else { return word }
    return stemmer.stem(utf16: word)
  }

  /// The stem of a case-folded word.
  public func stem(_ word: String) -> String {
    String(decoding: stem(utf16: Array(word.utf16)), as: UTF16.self)
  }

  /// Russian nominal endings tried when a capitalised word may be an inflected name.
  private static let russianNameEndings: [[UInt16]] = [
    "а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ой", "ей", "ым", "им", "ых", "их", "ами", "ями",
    "ах", "ях", "ам", "ям",
  ].map { Array($0.utf16) }

  /// Stems of a word with one inflectional ending removed, for matching inflected names whose
  /// Snowball stem differs from the stem of the dictionary form (*Лаврова* → *лавров* → *лавр*,
  /// like *Лавров*). Empty for languages that do not need it.
  public func nameStemCandidates(utf16 word: [UInt16]) -> [[UInt16]] {
    guard language == "ru" else { return [] }
    var result: [[UInt16]] = []
    for ending in Morphology.russianNameEndings
    where word.count - ending.count >= 3 && word.suffix(ending.count).elementsEqual(ending) {
      result.append(stem(utf16: Array(word.dropLast(ending.count))))
    }
    return result
  }

  /// Whether two case-folded words that share a stem are inflections of one word.
  ///
  /// Porter2 also conflates derivations (*universe*/*university*, *assurance*/*assured*), which
  /// would make a glossary term flag a different word. For English the two forms must share a
  /// lemma after removing inflectional endings (plural, possessive, -ed, -ing). Other languages
  /// rely on their stemmer, which removes inflectional endings only.
  public func areInflections(_ a: [UInt16], _ b: [UInt16]) -> Bool {
    if a == b { return true }
    guard language == "en" else { return true }
    let la = EnglishLemmas.candidates(a)
    return EnglishLemmas.candidates(b).contains { la.contains($0) }
  }
}

/// Candidate lemmas of an English word form, by removing inflectional endings.
package enum EnglishLemmas {
  private static let apostrophe: UInt16 = 0x27
  private static let vowels: Set<UInt16> = Set("aeiou".utf16)

  static func candidates(_ word: [UInt16]) -> Set<[UInt16]> {
    var bases: [[UInt16]] = [word]
    // Possessives: X's, Xs', X'
    if word.count > 2 && word[word.count - 2] == apostrophe && word.last == 0x73 {
      bases.append(Array(word.dropLast(2)))
    } else if word.last == apostrophe && word.count > 1 {
      bases.append(Array(word.dropLast()))
    }
    var result = Set<[UInt16]>()
    for w in bases {
      result.insert(w)
      let s = String(utf16Units: w)
      func add(_ t: Substring) { result.insert(Array(t.utf16)) }
      func doubled(_ stem: Substring) -> Bool {
        let u = Array(stem.utf16)
        return u.count >= 2 && u[u.count - 1] == u[u.count - 2] && !vowels.contains(u[u.count - 1])
      }
      if s.hasSuffix("ies") && s.count > 4 { add(s.dropLast(3) + "y") }
      if s.hasSuffix("ied") && s.count > 4 { add(s.dropLast(3) + "y") }
      if s.hasSuffix("es") && s.count > 3 { add(s.dropLast(2)) }
      if s.hasSuffix("s") && !s.hasSuffix("ss") && s.count > 2 { add(s.dropLast(1)) }
      if s.hasSuffix("ed") && s.count > 3 {
        let stem = s.dropLast(2)
        add(stem)
        add(stem + "e")
        if doubled(stem) { add(stem.dropLast()) }
      }
      if s.hasSuffix("ing") && s.count > 4 {
        let stem = s.dropLast(3)
        add(stem)
        add(stem + "e")
        if doubled(stem) { add(stem.dropLast()) }
      }
    }
    return result
  }

  /// Puts `target` (a base form) into the inflection that `observed` has relative to `base`.
  ///
  /// Used for suggestions: the glossary says *attack weapon* → *strike weapon*, the text has
  /// *attack weapons*, so the suggestion is *strike weapons*. Returns nil when unsure.
  package static func transfer(base: String, observed: String, to target: String) -> String? {
    if base == observed { return target }
    let b = base.lowercased()
    let o = observed.lowercased()
    func ending() -> String? {
      for suffix in ["'s", "s'", "ies", "ied", "es", "s", "ed", "d", "ing"] {
        if o.hasSuffix(suffix) {
          let stem = String(o.dropLast(suffix.count))
          if stem == b || stem + "e" == b || stem + "y" == b && (suffix == "ies" || suffix == "ied")
          {
            return suffix
          }
          if suffix == "ed" || suffix == "ing", stem.count >= 2, stem.last == stem.dropLast().last,
            String(stem.dropLast()) == b
          {
            return suffix
          }
        }
      }
      return nil
    }
    guard let suffix = ending() else {
      // The text is less inflected than the glossary entry (entry "weapons", text "weapon").
      if ["s", "es"].contains(where: { b == o + $0 }) && target.hasSuffix("s")
        && !target.hasSuffix("ss")
      {
        return b == o + "es" && target.hasSuffix("es")
          ? String(target.dropLast(2)) : String(target.dropLast())
      }
      return nil
    }
    let t = target
    // A target already in the plural stays as it is (entry "attack weapon" → "strike weapons").
    if (suffix == "s" || suffix == "es" || suffix == "ies") && t.hasSuffix("s")
      && !t.hasSuffix("ss")
    {
      return t
    }
    switch suffix {
    case "'s": return t + "'s"
    case "s'": return t.hasSuffix("s") ? t + "'" : t + "s'"
    case "s", "es":
      if t.hasSuffix("s") || t.hasSuffix("x") || t.hasSuffix("ch") || t.hasSuffix("sh") {
        return t + "es"
      }
      if t.hasSuffix("y"), let prev = t.dropLast().last, !"aeiou".contains(prev) {
        return t.dropLast() + "ies"
      }
      return t + "s"
    case "ies": return t.hasSuffix("y") ? t.dropLast() + "ies" : t + "s"
    case "ed", "d", "ied":
      if t.hasSuffix("e") { return t + "d" }
      if t.hasSuffix("y"), let prev = t.dropLast().last, !"aeiou".contains(prev) {
        return t.dropLast() + "ied"
      }
      return t + "ed"
    case "ing":
      if t.hasSuffix("e") && !t.hasSuffix("ee") { return t.dropLast() + "ing" }
      return t + "ing"
    default: return nil
    }
  }
}
