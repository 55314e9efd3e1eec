// Snowball Russian stemmer, ported from russian.sbl as compiled by Snowball 3.1.1.
//
// The control flow mirrors the code the Snowball compiler generates, so the behaviour matches the
// reference implementation exactly: `ё` is first rewritten to `е` everywhere, then RV and R2 are
// marked and the perfective-gerund / reflexive / adjectival / verb / noun endings, the final `и`,
// the derivational `ость`, and the superlative / `нн` / soft-sign tidy-up are removed in turn.

/// The Snowball Russian stemmer, as in the current Snowball release.
///
/// Input is one lower-cased word in Cyrillic. Like the reference implementation, every `ё` is
/// replaced by `е` (so `учёт` stems to `учет`); words without a vowel keep their letters.
public struct RussianStemmer: Stemmer {
  /// BCP 47 primary language subtag: "ru".
  public var language: String { "ru" }

  /// Creates the stemmer (it has no state).
  public init() {}

  /// Returns the UTF-16 code units of the stem of `word` (lower-cased UTF-16 code units).
  public func stem(utf16 word: [UInt16]) -> [UInt16] {
    if word.isEmpty { return word }
    return snowballRun(word) { z in Russian.stem(&z) }
  }
}

/// The Russian algorithm on a `SnowballBuffer`.
private enum Russian {
  static let a: UInt16 = 0x0430  // а
  static let ya: UInt16 = 0x044F  // я
  static let i: UInt16 = 0x0438  // и
  static let n: UInt16 = 0x043D  // н
  static let ie: UInt16 = 0x0435  // е
  static let yo: UInt16 = 0x0451  // ё

  static let gV = SnowballGrouping("аеиоуыэюя")

  static let a0 = SnowballAmongTable([
    ("в", -1, 1), ("ив", 0, 2), ("ыв", 0, 2), ("вши", -1, 1), ("ивши", 3, 2),
    ("ывши", 3, 2), ("вшись", -1, 1), ("ившись", 6, 2), ("ывшись", 6, 2),
  ])
  static let a1 = SnowballAmongTable([
    ("ее", -1, 1), ("ие", -1, 1), ("ое", -1, 1), ("ые", -1, 1), ("ими", -1, 1),
    ("ыми", -1, 1), ("ей", -1, 1), ("ий", -1, 1), ("ой", -1, 1), ("ый", -1, 1),
    ("ем", -1, 1), ("им", -1, 1), ("ом", -1, 1), ("ым", -1, 1), ("его", -1, 1),
    ("ого", -1, 1), ("ему", -1, 1), ("ому", -1, 1), ("их", -1, 1), ("ых", -1, 1),
    ("ею", -1, 1), ("ою", -1, 1), ("ую", -1, 1), ("юю", -1, 1), ("ая", -1, 1),
    ("яя", -1, 1),
  ])
  static let a2 = SnowballAmongTable([
    ("ем", -1, 1), ("нн", -1, 1), ("вш", -1, 1), ("ивш", 2, 2), ("ывш", 2, 2),
    ("щ", -1, 1), ("ющ", 5, 1), ("ующ", 6, 2),
  ])
  static let a3 = SnowballAmongTable([("сь", -1, 1), ("ся", -1, 1)])
  static let a4 = SnowballAmongTable([
    ("ла", -1, 1), ("ила", 0, 2), ("ыла", 0, 2), ("на", -1, 1), ("ена", 3, 2),
    ("ете", -1, 1), ("ите", -1, 2), ("йте", -1, 1), ("ейте", 7, 2), ("уйте", 7, 2),
    ("ли", -1, 1), ("или", 10, 2), ("ыли", 10, 2), ("й", -1, 1), ("ей", 13, 2),
    ("уй", 13, 2), ("л", -1, 1), ("ил", 16, 2), ("ыл", 16, 2), ("ем", -1, 1),
    ("им", -1, 2), ("ым", -1, 2), ("н", -1, 1), ("ен", 22, 2), ("ло", -1, 1),
    ("ило", 24, 2), ("ыло", 24, 2), ("но", -1, 1), ("ено", 27, 2), ("нно", 27, 1),
    ("ет", -1, 1), ("ует", 30, 2), ("ит", -1, 2), ("ыт", -1, 2), ("ют", -1, 1),
    ("уют", 34, 2), ("ят", -1, 2), ("ны", -1, 1), ("ены", 37, 2), ("ть", -1, 1),
    ("ить", 39, 2), ("ыть", 39, 2), ("ешь", -1, 1), ("ишь", -1, 2), ("ю", -1, 2),
    ("ую", 44, 2),
  ])
  static let a5 = SnowballAmongTable([
    ("а", -1, 1), ("ев", -1, 1), ("ов", -1, 1), ("е", -1, 1), ("ие", 3, 1),
    ("ье", 3, 1), ("и", -1, 1), ("еи", 6, 1), ("ии", 6, 1), ("ами", 6, 1),
    ("ями", 6, 1), ("иями", 10, 1), ("й", -1, 1), ("ей", 12, 1), ("ией", 13, 1),
    ("ий", 12, 1), ("ой", 12, 1), ("ам", -1, 1), ("ем", -1, 1), ("ием", 18, 1),
    ("ом", -1, 1), ("ям", -1, 1), ("иям", 21, 1), ("о", -1, 1), ("у", -1, 1),
    ("ах", -1, 1), ("ях", -1, 1), ("иях", 26, 1), ("ы", -1, 1), ("ь", -1, 1),
    ("ю", -1, 1), ("ию", 30, 1), ("ью", 30, 1), ("я", -1, 1), ("ия", 33, 1),
    ("ья", 33, 1),
  ])
  static let a6 = SnowballAmongTable([("ост", -1, 1), ("ость", -1, 1)])
  static let a7 = SnowballAmongTable([("ейше", -1, 1), ("н", -1, 2), ("ейш", -1, 1), ("ь", -1, 3)])

  static let sIe: [UInt16] = [ie]

  /// Deletes the slice if the code unit before it is `а` or `я` (the "group 1" endings).
  static func deleteAfterAOrYa(_ z: inout SnowballBuffer) -> Bool {
    if !z.eqCB(a) && !z.eqCB(ya) { return false }
    z.sliceDel()
    return true
  }

  /// Deletes the longest ending of `table` at the cursor; a "group 1" ending (among value 1)
  /// only after `а` or `я`. Used by the perfective gerund and verb steps.
  static func deleteGroupedEnding(_ z: inout SnowballBuffer, _ table: SnowballAmongTable) -> Bool {
    let amongVar = z.sliceAmongB(table)
    if amongVar == 0 { return false }
    if amongVar == 1 { return deleteAfterAOrYa(&z) }
    z.sliceDel()
    return true
  }

  /// Deletes the longest ending of `table` at the cursor, whatever precedes it.
  static func deleteEnding(_ z: inout SnowballBuffer, _ table: SnowballAmongTable) -> Bool {
    if z.sliceAmongB(table) == 0 { return false }
    z.sliceDel()
    return true
  }

  static func perfectiveGerund(_ z: inout SnowballBuffer) -> Bool { deleteGroupedEnding(&z, a0) }

  static func adjectival(_ z: inout SnowballBuffer) -> Bool {
    // adjective
    if !deleteEnding(&z, a1) { return false }
    // try participle
    let v1 = z.limit - z.cursor
    z.ket = z.cursor
    let amongVar = z.findAmongB(a2)
    if amongVar == 0 {
      z.cursor = z.limit - v1
      return true
    }
    z.bra = z.cursor
    if amongVar == 1 {
      if !deleteAfterAOrYa(&z) { z.cursor = z.limit - v1 }
    } else {
      z.sliceDel()
    }
    return true
  }

  static func reflexive(_ z: inout SnowballBuffer) -> Bool { deleteEnding(&z, a3) }

  static func verb(_ z: inout SnowballBuffer) -> Bool { deleteGroupedEnding(&z, a4) }

  static func noun(_ z: inout SnowballBuffer) -> Bool { deleteEnding(&z, a5) }

  static func derivational(_ z: inout SnowballBuffer, p2: Int) {
    if z.sliceAmongB(a6) == 0 { return }
    if p2 > z.cursor { return }
    z.sliceDel()
  }

  static func tidyUp(_ z: inout SnowballBuffer) {
    let amongVar = z.sliceAmongB(a7)
    if amongVar == 0 { return }
    switch amongVar {
    case 1:
      z.sliceDel()
      z.ket = z.cursor
      if !z.eqCB(n) { return }
      z.bra = z.cursor
      if !z.eqCB(n) { return }
      z.sliceDel()
    case 2:
      if !z.eqCB(n) { return }
      z.sliceDel()
    default:
      z.sliceDel()
    }
  }

  static func stem(_ z: inout SnowballBuffer) {
    // ё -> е everywhere (in place: same length).
    for k in 0..<z.limit where z.current[k] == yo { z.current[k] = ie }

    // mark_regions
    var pV = z.limit
    var p2 = z.limit
    regions: do {
      if !z.goOutGrouping(gV) { break regions }
      z.cursor += 1
      pV = z.cursor
      if !z.goInGrouping(gV) { break regions }
      z.cursor += 1
      if !z.goOutGrouping(gV) { break regions }
      z.cursor += 1
      if !z.goInGrouping(gV) { break regions }
      z.cursor += 1
      p2 = z.cursor
    }
    z.cursor = 0

    z.limitBackward = z.cursor
    z.cursor = z.limit
    if z.cursor < pV { return }
    let savedLimitBackward = z.limitBackward
    z.limitBackward = pV

    let v6 = z.limit - z.cursor
    main: do {
      let v7 = z.limit - z.cursor
      if perfectiveGerund(&z) { break main }
      z.cursor = z.limit - v7
      let v8 = z.limit - z.cursor
      if !reflexive(&z) { z.cursor = z.limit - v8 }
      let v9 = z.limit - z.cursor
      if adjectival(&z) { break main }
      z.cursor = z.limit - v9
      if verb(&z) { break main }
      z.cursor = z.limit - v9
      _ = noun(&z)
    }
    z.cursor = z.limit - v6

    let v10 = z.limit - z.cursor
    z.ket = z.cursor
    if z.eqCB(i) {
      z.bra = z.cursor
      z.sliceDel()
    } else {
      z.cursor = z.limit - v10
    }

    let v11 = z.limit - z.cursor
    derivational(&z, p2: p2)
    z.cursor = z.limit - v11
    let v12 = z.limit - z.cursor
    tidyUp(&z)
    z.cursor = z.limit - v12
    z.limitBackward = savedLimitBackward
    z.cursor = z.limitBackward
  }
}
