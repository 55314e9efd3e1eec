import Foundation

/// Spelling comparisons for proper names: edit distance scaled by length, folding of
/// romanization conventions.
package enum NameMatching {
  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  package static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          v = min(v, previous2[j - 2] + 1)
        }
        current[j] = v
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// How many edits a word of `length` letters may differ by and still be a near miss: none up
  /// to 4 letters, one up to 8, two from 9.
  package static func allowedEdits(length: Int) -> Int {
    length < 5 ? 0 : (length < 9 ? 1 : 2)
  }

  /// A word folded for comparison: case-folded, accents and apostrophes (also the BGN primes
  /// ʹ ʺ) removed.
  package static func fold(_ word: String) -> [Character] {
    // Fast path: ASCII letters only need lower-casing.
    if word.utf8.allSatisfy({ $0 < 0x80 }) {
      return word.unicodeScalars.compactMap { u in
        if "'`-".unicodeScalars.contains(u) { return nil }
        return Character(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u)
      }
    }
    let decomposed = Normalizer.nfd.normalize(UnicodeProperties.foldCase(word))
    var out: [Character] = []
    for scalar in decomposed.unicodeScalars {
      if UnicodeProperties.generalCategory(scalar) == 6 { continue }  // Mn: combining accents
      if "'’ʹʺ·`´-".unicodeScalars.contains(scalar) { continue }
      out.append(Character(scalar))
    }
    return out
  }

  /// A romanized word reduced to a skeleton in which the usual variants of English
  /// romanization of Russian coincide: *Zelensky*/*Zelenskiy*, *Dmitri*/*Dmitry*,
  /// *Alexei*/*Aleksey*, *Yevgeny*/*Evgeny*, *Vassily*/*Vasily*, *Riabkov*/*Ryabkov*,
  /// *Shoigu*/*Shoygu*, *Maria*/*Mariya*, *Fyodor*/*Fedor*, *Alexander*/*Aleksandr*,
  /// *Darwin*/*Darvin*.
  ///
  /// The letters *i*, *y* and *j* are dropped altogether: they carry most of the variation
  /// (й, я, е, ё, ю and the endings -ий, -ый), so names that differ only there are the same name.
  package static func skeleton(_ word: String) -> [Character] {
    let s = fold(word)
    var t: [Character] = []
    t.reserveCapacity(s.count + 2)
    var k = 0
    func at(_ offset: Int) -> Character? { k + offset < s.count ? s[k + offset] : nil }
    while k < s.count {
      let c = s[k]
      switch c {
      case "x": t += ["k", "s"]
      case "s" where at(1) == "h" && at(2) == "c" && at(3) == "h":
        t += ["s", "h", "h"]
        k += 3
      case "t" where at(1) == "c" && at(2) == "h":
        t += ["c", "h"]
        k += 2
      case "k" where at(1) == "h":
        t.append("h")
        k += 1
      case "t" where at(1) == "z":
        t += ["t", "s"]
        k += 1
      case "w": t.append("v")
      case "y" where at(1) == "o", "i" where at(1) == "o", "j" where at(1) == "o":
        t.append("e")
        k += 1
      default: t.append(c)
      }
      k += 1
    }
    if t.count >= 5 && Array(t.suffix(5)) == ["a", "n", "d", "e", "r"] {
      t.removeLast(2)
      t.append("r")
    }
    var out: [Character] = []
    for c in t where c != "i" && c != "y" && c != "j" && out.last != c { out.append(c) }
    return out
  }

  /// The number of edits between two romanized words, ignoring romanization variants; at
  /// least 1 when the words are spelled differently.
  package static func nameDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a == b { return 0 }
    return max(1, distance(skeleton(String(a)), skeleton(String(b))))
  }

  /// `nameDistance` with the skeletons already computed.
  package static func nameDistance(
    _ a: [Character], _ sa: [Character], _ b: [Character], _ sb: [Character]
  ) -> Int {
    if a == b { return 0 }
    return max(1, distance(sa, sb))
  }

  /// Whether `candidate` is an inflection or derivation of `name` rather than a misspelling:
  /// plural, possessive, demonym (*Russia* → *Russian*, *Crimea* → *Crimean*) or the feminine
  /// form of a surname (*Ryabkov* → *Ryabkova*, *Zelensky* → *Zelenska*).
  package static func isDerived(_ candidate: [Character], from name: [Character]) -> Bool {
    let c = String(candidate)
    let n = String(name)
    for suffix in [
      "s", "es", "n", "an", "ian", "ians", "ns", "ans", "ese", "i", "a", "aya", "ite", "ites",
      "ism",
    ] where c == n + suffix {
      return true
    }
    if let last = n.last, "aeiouy".contains(last) {
      let stem = String(n.dropLast())
      for suffix in ["an", "ian", "ans", "ians", "n", "ns", "a", "aya", "ese"]
      where c == stem + suffix { return true }
    }
    for (masculine, feminine) in [
      ("sky", "ska"), ("skiy", "skaya"), ("sky", "skaya"), ("skyi", "ska"), ("tsky", "tska"),
      ("y", "aya"),
    ]
    where n.hasSuffix(masculine) && c == n.dropLast(masculine.count) + feminine {
      return true
    }
    return false
  }

  /// Whether the lower-cased Russian word `candidate` is an adjective made from the
  /// lower-cased name `name` with *-ский* or *-цкий* in any form: *вашингтонский* from *вашингтон*,
  /// *крымского* from *крым*, *белорусской* from *белоруссия*, *брюссельские* from
  /// *брюссель*, *донецкий* from *донецк*. The name loses a final vowel, *ь* or *й* before the
  /// suffix, and at most two letters may come between it and the suffix.
  package static func isRussianAdjective(_ candidate: [Character], of name: [Character]) -> Bool {
    var base = name
    while let last = base.last, "аяоеиыуюьй".contains(last), base.count > 3 { base.removeLast() }
    guard candidate.count > base.count, candidate.starts(with: base) else { return false }
    let rest = String(candidate.dropFirst(base.count))
    guard rest.count <= 8 else { return false }
    let word = String(candidate)
    for ending in [
      "ий", "ый", "ая", "ое", "ие", "ые", "ого", "ой", "ому", "ую", "им", "ими", "их", "ом", "ым",
      "ыми", "ых",
    ] {
      guard word.hasSuffix(ending) else { continue }
      let stem = word.dropLast(ending.count)
      guard stem.hasSuffix("ск") || stem.hasSuffix("цк") else { continue }
      // The suffix itself starts no more than two letters after the name's base.
      let suffixStart = stem.count - 2
      if suffixStart - base.count <= 2 && suffixStart >= base.count - 2 { return true }
    }
    return false
  }
}
