// Snowball English ("Porter2") stemmer, ported from english.sbl as compiled by Snowball 3.1.1.
//
// The control flow mirrors the code the Snowball compiler generates (labels become labelled `do`
// blocks), so the behaviour matches the reference implementation exactly, including the
// exceptional forms, the special R1 prefixes, apostrophe handling and y/Y marking.

/// The Snowball English stemmer (Porter2), as in the current Snowball release.
///
/// Input is one lower-cased word; ASCII apostrophes (`'`) are handled as Snowball does (a leading
/// one is dropped, `'s`, `'s'` and a trailing `'` are removed). Words of fewer than three characters
/// and the invariant forms (`news`, `atlas`, `sky`, ...) are returned unchanged.
public struct EnglishStemmer: Stemmer {
  /// BCP 47 primary language subtag: "en".
  public var language: String { "en" }

  /// Creates the stemmer (it has no state).
  public init() {}

  /// Returns the UTF-16 code units of the stem of `word` (lower-cased UTF-16 code units).
  public func stem(utf16 word: [UInt16]) -> [UInt16] {
    if word.count < 3 { return word }
    return snowballRun(word) { z in English.stem(&z) }
  }
}

/// The English algorithm on a `SnowballBuffer`.
private enum English {
  static let apostrophe: UInt16 = 0x27  // '
  static let lowerY: UInt16 = 0x79  // y
  static let upperY: UInt16 = 0x59  // Y
  static let lowerL: UInt16 = 0x6C  // l
  static let lowerS: UInt16 = 0x73  // s
  static let lowerT: UInt16 = 0x74  // t

  static let gAEO = SnowballGrouping("aeo")
  static let gV = SnowballGrouping("aeiouy")
  static let gVWXY = SnowballGrouping("Yaeiouwxy")
  static let gValidLI = SnowballGrouping("cdeghkmnrt")

  static let sY = Array("Y".utf16)
  static let sy = Array("y".utf16)
  static let sE = Array("e".utf16)
  static let sEE = Array("ee".utf16)
  static let sI = Array("i".utf16)
  static let sIE = Array("ie".utf16)
  static let sSS = Array("ss".utf16)
  static let sPast = Array("past".utf16)
  static let step2Replacements: [[UInt16]] = [
    "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og",
    "og", "less",
  ].map { Array($0.utf16) }
  static let step3Replacements: [[UInt16]] = ["tion", "ate", "al", "ic"].map { Array($0.utf16) }
  static let exceptionReplacements: [[UInt16]] = [
    "ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl",
  ].map { Array($0.utf16) }

  static let a0 = SnowballAmongTable([
    ("arsen", -1, -1), ("commun", -1, -1), ("emerg", -1, -1), ("gener", -1, -1),
    ("inter", -1, -1), ("later", -1, -1), ("organ", -1, -1), ("past", -1, -1),
    ("univers", -1, -1),
  ])
  static let a1 = SnowballAmongTable([("'", -1, 1), ("'s'", 0, 1), ("'s", -1, 1)])
  static let a2 = SnowballAmongTable([
    ("ied", -1, 2), ("s", -1, 3), ("ies", 1, 2), ("sses", 1, 1), ("ss", 1, -1),
    ("us", 1, -1),
  ])
  static let a3 = SnowballAmongTable([("succ", -1, 1), ("proc", -1, 1), ("exc", -1, 1)])
  static let a4 = SnowballAmongTable([
    ("even", -1, 2), ("cann", -1, 2), ("inn", -1, 2), ("earr", -1, 2),
    ("herr", -1, 2), ("out", -1, 2), ("y", -1, 1),
  ])
  static let a5 = SnowballAmongTable([
    ("", -1, -1), ("ed", 0, 2), ("eed", 1, 1), ("ing", 0, 3), ("edly", 0, 2),
    ("eedly", 4, 1), ("ingly", 0, 2),
  ])
  static let a6 = SnowballAmongTable([
    ("", -1, 3), ("bb", 0, 2), ("dd", 0, 2), ("ff", 0, 2), ("gg", 0, 2),
    ("bl", 0, 1), ("mm", 0, 2), ("nn", 0, 2), ("pp", 0, 2), ("rr", 0, 2),
    ("at", 0, 1), ("tt", 0, 2), ("iz", 0, 1),
  ])
  static let a7 = SnowballAmongTable([
    ("anci", -1, 3), ("enci", -1, 2), ("ogi", -1, 14), ("li", -1, 16),
    ("bli", 3, 12), ("abli", 4, 4), ("alli", 3, 8), ("fulli", 3, 9),
    ("lessli", 3, 15), ("ousli", 3, 10), ("entli", 3, 5), ("aliti", -1, 8),
    ("biliti", -1, 12), ("iviti", -1, 11), ("tional", -1, 1), ("ational", 14, 7),
    ("alism", -1, 8), ("ation", -1, 7), ("ization", 17, 6), ("izer", -1, 6),
    ("ator", -1, 7), ("iveness", -1, 11), ("fulness", -1, 9), ("ousness", -1, 10),
    ("ogist", -1, 13),
  ])
  static let a8 = SnowballAmongTable([
    ("icate", -1, 4), ("ative", -1, 6), ("alize", -1, 3), ("iciti", -1, 4),
    ("ical", -1, 4), ("tional", -1, 1), ("ational", 5, 2), ("ful", -1, 5),
    ("ness", -1, 5),
  ])
  static let a9 = SnowballAmongTable([
    ("ic", -1, 1), ("ance", -1, 1), ("ence", -1, 1), ("able", -1, 1),
    ("ible", -1, 1), ("ate", -1, 1), ("ive", -1, 1), ("ize", -1, 1),
    ("iti", -1, 1), ("al", -1, 1), ("ism", -1, 1), ("ion", -1, 2),
    ("er", -1, 1), ("ous", -1, 1), ("ant", -1, 1), ("ent", -1, 1),
    ("ment", 15, 1), ("ement", 16, 1),
  ])
  static let a10 = SnowballAmongTable([("e", -1, 1), ("l", -1, 2)])
  static let a11 = SnowballAmongTable([
    ("andes", -1, -1), ("atlas", -1, -1), ("bias", -1, -1), ("cosmos", -1, -1),
    ("early", -1, 6), ("gently", -1, 4), ("howe", -1, -1), ("idly", -1, 3),
    ("news", -1, -1), ("only", -1, 7), ("singly", -1, 8), ("skies", -1, 2),
    ("skis", -1, 1), ("sky", -1, -1), ("ugly", -1, 5),
  ])

  /// Region starts (R1, R2) and whether a `Y` marker was set.
  struct State {
    var p1 = 0
    var p2 = 0
    var yFound = false
  }

  static func prelude(_ z: inout SnowballBuffer, _ st: inout State) {
    st.yFound = false
    let v1 = z.cursor
    z.bra = z.cursor
    if z.eqC(apostrophe) {
      z.ket = z.cursor
      z.sliceDel()
    }
    z.cursor = v1
    let v2 = z.cursor
    z.bra = z.cursor
    if z.eqC(lowerY) {
      z.ket = z.cursor
      z.sliceFrom(sY)
      st.yFound = true
    }
    z.cursor = v2
    let v3 = z.cursor
    // repeat goto (v [ 'y' ]) <- 'Y'
    let replaced = z.replaceEach(with: sY) { z in
      guard z.inGrouping(gV) else { return false }
      z.bra = z.cursor
      guard z.eqC(lowerY) else { return false }
      z.ket = z.cursor
      return true
    }
    if replaced { st.yFound = true }
    z.cursor = v3
  }

  static func markRegions(_ z: inout SnowballBuffer, _ st: inout State) {
    st.p1 = z.limit
    st.p2 = z.limit
    let v1 = z.cursor
    lab0: do {
      let v2 = z.cursor
      if z.findAmong(a0) == 0 {
        z.cursor = v2
        if !z.goOutGrouping(gV) { break lab0 }
        z.cursor += 1
        if !z.goInGrouping(gV) { break lab0 }
        z.cursor += 1
      }
      st.p1 = z.cursor
      if !z.goOutGrouping(gV) { break lab0 }
      z.cursor += 1
      if !z.goInGrouping(gV) { break lab0 }
      z.cursor += 1
      st.p2 = z.cursor
    }
    z.cursor = v1
  }

  static func shortV(_ z: inout SnowballBuffer) -> Bool {
    let v1 = z.limit - z.cursor
    if z.outGroupingB(gVWXY) && z.inGroupingB(gV) && z.outGroupingB(gV) { return true }
    z.cursor = z.limit - v1
    if z.outGroupingB(gV) && z.inGroupingB(gV) && z.cursor <= z.limitBackward { return true }
    z.cursor = z.limit - v1
    return z.eqSB(sPast)
  }

  static func step1a(_ z: inout SnowballBuffer) {
    let v1 = z.limit - z.cursor
    z.ket = z.cursor
    if z.findAmongB(a1) == 0 {
      z.cursor = z.limit - v1
    } else {
      z.bra = z.cursor
      z.sliceDel()
    }
    let amongVar = z.sliceAmongB(a2)
    if amongVar == 0 { return }
    switch amongVar {
    case 1:
      z.sliceFrom(sSS)
    case 2:
      let v2 = z.limit - z.cursor
      if z.cursor - 2 >= z.limitBackward {
        z.cursor -= 2
        z.sliceFrom(sI)
      } else {
        z.cursor = z.limit - v2
        z.sliceFrom(sIE)
      }
    case 3:
      if z.cursor <= z.limitBackward { return }
      z.cursor -= 1
      if !z.goOutGroupingB(gV) { return }
      z.cursor -= 1
      z.sliceDel()
    default:
      break
    }
  }

  static func step1b(_ z: inout SnowballBuffer, _ st: State) {
    z.ket = z.cursor
    var amongVar = z.findAmongB(a5)
    z.bra = z.cursor
    let v1 = z.limit - z.cursor
    lab0: do {
      switch amongVar {
      case 1:
        let v2 = z.limit - z.cursor
        if st.p1 <= z.cursor {
          let v3 = z.limit - z.cursor
          if z.findAmongB(a3) != 0 && z.cursor <= z.limitBackward {
            // proc/exc/succ + eed: leave alone
          } else {
            z.cursor = z.limit - v3
            z.sliceFrom(sEE)
          }
        }
        z.cursor = z.limit - v2
      case 2:
        break lab0
      case 3:
        amongVar = z.findAmongB(a4)
        if amongVar == 0 { break lab0 }
        if amongVar == 1 {
          let v4 = z.limit - z.cursor
          if !z.outGroupingB(gV) { break lab0 }
          if z.cursor > z.limitBackward { break lab0 }
          z.cursor = z.limit - v4
          z.bra = z.cursor
          z.sliceFrom(sIE)
        } else {
          if z.cursor > z.limitBackward { break lab0 }
        }
      default:
        break
      }
      return
    }
    z.cursor = z.limit - v1
    let v5 = z.limit - z.cursor
    if !z.goOutGroupingB(gV) { return }
    z.cursor -= 1
    z.cursor = z.limit - v5
    z.sliceDel()
    z.ket = z.cursor
    z.bra = z.cursor
    let v6 = z.limit - z.cursor
    amongVar = z.findAmongB(a6)
    switch amongVar {
    case 1:
      z.sliceFrom(sE)
      return
    case 2:
      let v7 = z.limit - z.cursor
      if z.inGroupingB(gAEO) && z.cursor <= z.limitBackward { return }
      z.cursor = z.limit - v7
    default:
      if z.cursor != st.p1 { return }
      let v8 = z.limit - z.cursor
      if !shortV(&z) { return }
      z.cursor = z.limit - v8
      z.sliceFrom(sE)
      return
    }
    z.cursor = z.limit - v6
    z.ket = z.cursor
    if z.cursor <= z.limitBackward { return }
    z.cursor -= 1
    z.bra = z.cursor
    z.sliceDel()
  }

  static func step1c(_ z: inout SnowballBuffer) {
    z.ket = z.cursor
    if !z.eqCB(lowerY) && !z.eqCB(upperY) { return }
    z.bra = z.cursor
    if !z.outGroupingB(gV) { return }
    if z.cursor <= z.limitBackward { return }
    z.sliceFrom(sI)
  }

  static func step2(_ z: inout SnowballBuffer, _ st: State) {
    let amongVar = z.sliceAmongB(a7)
    if amongVar == 0 { return }
    if st.p1 > z.cursor { return }
    switch amongVar {
    case 14:
      if !z.eqCB(lowerL) { return }
      z.sliceFrom(step2Replacements[13])
    case 16:
      if !z.inGroupingB(gValidLI) { return }
      z.sliceDel()
    default:
      z.sliceFrom(step2Replacements[amongVar - 1])
    }
  }

  static func step3(_ z: inout SnowballBuffer, _ st: State) {
    let amongVar = z.sliceAmongB(a8)
    if amongVar == 0 { return }
    if st.p1 > z.cursor { return }
    switch amongVar {
    case 1, 2, 3, 4:
      z.sliceFrom(step3Replacements[amongVar - 1])
    case 5:
      z.sliceDel()
    default:
      if st.p2 > z.cursor { return }
      z.sliceDel()
    }
  }

  static func step4(_ z: inout SnowballBuffer, _ st: State) {
    let amongVar = z.sliceAmongB(a9)
    if amongVar == 0 { return }
    if st.p2 > z.cursor { return }
    if amongVar == 1 {
      z.sliceDel()
    } else {
      if !z.eqCB(lowerS) && !z.eqCB(lowerT) { return }
      z.sliceDel()
    }
  }

  static func step5(_ z: inout SnowballBuffer, _ st: State) {
    let amongVar = z.sliceAmongB(a10)
    if amongVar == 0 { return }
    if amongVar == 1 {
      if st.p2 > z.cursor {
        if st.p1 > z.cursor { return }
        let v1 = z.limit - z.cursor
        if shortV(&z) { return }
        z.cursor = z.limit - v1
      }
      z.sliceDel()
    } else {
      if st.p2 > z.cursor { return }
      if !z.eqCB(lowerL) { return }
      z.sliceDel()
    }
  }

  static func exception1(_ z: inout SnowballBuffer) -> Bool {
    z.bra = z.cursor
    let amongVar = z.findAmong(a11)
    if amongVar == 0 { return false }
    z.ket = z.cursor
    if z.cursor < z.limit { return false }
    if amongVar > 0 { z.sliceFrom(exceptionReplacements[amongVar - 1]) }
    return true
  }

  static func postlude(_ z: inout SnowballBuffer, _ st: State) {
    if !st.yFound { return }
    // repeat goto ([ 'Y' ]) <- 'y'
    z.replaceEach(with: sy) { z in
      z.bra = z.cursor
      guard z.eqC(upperY) else { return false }
      z.ket = z.cursor
      return true
    }
  }

  static func stem(_ z: inout SnowballBuffer) {
    let v1 = z.cursor
    if exception1(&z) { return }
    z.cursor = v1
    if z.cursor + 3 > z.limit { return }
    var st = State()
    prelude(&z, &st)
    markRegions(&z, &st)
    z.limitBackward = z.cursor
    z.cursor = z.limit
    z.doBackward(step1a)
    z.doBackward { step1b(&$0, st) }
    z.doBackward(step1c)
    z.doBackward { step2(&$0, st) }
    z.doBackward { step3(&$0, st) }
    z.doBackward { step4(&$0, st) }
    z.doBackward { step5(&$0, st) }
    z.cursor = z.limitBackward
    let v9 = z.cursor
    postlude(&z, st)
    z.cursor = v9
  }
}
