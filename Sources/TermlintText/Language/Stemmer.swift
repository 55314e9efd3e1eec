// Stemmer protocol and the small Snowball runtime shared by the stemmers in this folder.
//
// The runtime is a faithful port of the Snowball 3.x `BaseStemmer` (cursor, limit, bra/ket
// slice, groupings, `among` binary search) working on UTF-16 code units, so the generated
// algorithm control flow of english.sbl / russian.sbl can be followed step by step.

/// A stemmer reduces an inflected word form to a stem. Input is expected already case-folded (lower case).
public protocol Stemmer: Sendable {
  /// BCP 47 primary language subtag, e.g. "en".
  var language: String { get }
  /// Returns the stem of one lower-cased word. Words it cannot handle are returned unchanged.
  func stem(_ word: String) -> String
  /// Same, working on UTF-16 code units (for the tokenizer's hot path; avoids String churn). Returns UTF-16 code units of the stem.
  func stem(utf16 word: [UInt16]) -> [UInt16]
}

extension Stemmer {
  /// Returns the stem of one lower-cased word by way of the UTF-16 entry point.
  public func stem(_ word: String) -> String {
    let units = Array(word.utf16)
    let stemmed = stem(utf16: units)
    if stemmed.count <= units.count && stemmed.elementsEqual(units.prefix(stemmed.count)) {
      // Only a suffix was removed: slice the original (cheaper than transcoding back).
      if stemmed.count == units.count { return word }
      let end = String.Index(utf16Offset: stemmed.count, in: word)
      return String(Substring(word.unicodeScalars[..<end]))
    }
    return String(utf16Units: stemmed)
  }
}

// MARK: - Snowball runtime (internal)

/// A set of code units given as a 64-bit mask starting at `base` (a Snowball `grouping`).
struct SnowballGrouping: Sendable {
  /// The smallest code unit the mask can hold.
  let base: UInt16
  /// Bit `i` set means `base + i` is in the grouping.
  let bits: UInt64

  /// Builds the grouping from the UTF-16 code units of `members` (all within 64 of the smallest).
  package init(_ members: String) {
    let units = Array(members.utf16)
    let low = units.min() ?? 0
    var mask: UInt64 = 0
    for u in units {
      precondition(u - low < 64, "grouping span too wide")
      mask |= 1 << UInt64(u - low)
    }
    base = low
    bits = mask
  }

  /// Whether `unit` belongs to the grouping.
  @inline(__always)
  func contains(_ unit: UInt16) -> Bool {
    let d = unit &- base
    return d < 64 && (bits >> UInt64(d)) & 1 == 1
  }
}

/// A Snowball `among` table: its entries in the order the Snowball compiler emits them, stored flat.
struct SnowballAmongTable: Sendable {
  /// The code units of all entries, one after the other.
  let chars: [UInt16]
  /// `offsets[k]..<offsets[k + 1]` are the code units of entry `k` (count + 1 elements).
  let offsets: [Int]
  /// For each entry, the index of the longest entry that is a proper prefix (forward) or suffix
  /// (backward) of it, or -1.
  let substringI: [Int]
  /// For each entry, the value `find_among` returns when it matches.
  let results: [Int]
  /// The code units that start some entry (quick rejection going forward; `.all` if an entry is empty).
  let firstUnits: SnowballUnitSet
  /// The code units that end some entry (quick rejection going backward; `.all` if an entry is empty).
  let lastUnits: SnowballUnitSet

  /// Builds the table from `(string, substring_i, result)` triples as emitted by Snowball.
  package init(_ entries: [(String, Int, Int)]) {
    var chars: [UInt16] = []
    var offsets: [Int] = [0]
    for (s, _, _) in entries {
      chars.append(contentsOf: s.utf16)
      offsets.append(chars.count)
    }
    self.chars = chars
    self.offsets = offsets
    substringI = entries.map { $0.1 }
    results = entries.map { $0.2 }
    let strings = entries.map { Array($0.0.utf16) }
    if strings.contains(where: \.isEmpty) {
      firstUnits = .all
      lastUnits = .all
    } else {
      firstUnits = SnowballUnitSet(strings.map { $0[0] })
      lastUnits = SnowballUnitSet(strings.map { $0[$0.count - 1] })
    }
  }
}

/// A set of code units used to reject an `among` lookup early; falls back to "anything" when the
/// units span more than 128 values.
struct SnowballUnitSet: Sendable {
  /// Smallest unit covered by the masks.
  let base: UInt16
  /// Units `base ..< base + 64`.
  let low: UInt64
  /// Units `base + 64 ..< base + 128`.
  let high: UInt64
  /// Whether every unit is accepted.
  let acceptsAll: Bool

  /// The set that accepts every unit.
  static let all = SnowballUnitSet(base: 0, low: 0, high: 0, acceptsAll: true)

  /// Memberwise initializer.
  private init(base: UInt16, low: UInt64, high: UInt64, acceptsAll: Bool) {
    self.base = base
    self.low = low
    self.high = high
    self.acceptsAll = acceptsAll
  }

  /// The set of `units` (or `.all` if they span 128 values or more).
  package init(_ units: [UInt16]) {
    let lowest = units.min() ?? 0
    var low: UInt64 = 0
    var high: UInt64 = 0
    var all = false
    for u in units {
      let d = u - lowest
      if d < 64 {
        low |= 1 << UInt64(d)
      } else if d < 128 {
        high |= 1 << UInt64(d - 64)
      } else {
        all = true
      }
    }
    self.init(base: lowest, low: all ? 0 : low, high: all ? 0 : high, acceptsAll: all)
  }

  /// Whether `unit` may start (or end) an entry.
  @inline(__always)
  package func mayContain(_ unit: UInt16) -> Bool {
    if acceptsAll { return true }
    let d = unit &- base
    if d < 64 { return (low >> UInt64(d)) & 1 == 1 }
    if d < 128 { return (high >> UInt64(d - 64)) & 1 == 1 }
    return false
  }
}

/// The mutable state of one Snowball run: the word, the cursor and the slice (bra...ket).
struct SnowballBuffer {
  /// The word being stemmed.
  var current: [UInt16]
  /// Current position.
  var cursor = 0
  /// Forward limit (end of the word while scanning).
  package var limit: Int
  /// Backward limit.
  var limitBackward = 0
  /// Start of the slice.
  var bra = 0
  /// End of the slice.
  var ket: Int

  /// Starts a run on `word`.
  package init(_ word: [UInt16]) {
    current = word
    limit = word.count
    ket = word.count
  }

  /// Moves forward over one code unit of `g`.
  @inline(__always)
  mutating func inGrouping(_ g: SnowballGrouping) -> Bool {
    if cursor >= limit || !g.contains(current[cursor]) { return false }
    cursor += 1
    return true
  }

  /// Moves backward over one code unit of `g`.
  @inline(__always)
  mutating func inGroupingB(_ g: SnowballGrouping) -> Bool {
    if cursor <= limitBackward || !g.contains(current[cursor - 1]) { return false }
    cursor -= 1
    return true
  }

  /// Moves forward over one code unit not in `g`.
  @inline(__always)
  mutating func outGrouping(_ g: SnowballGrouping) -> Bool {
    if cursor >= limit || g.contains(current[cursor]) { return false }
    cursor += 1
    return true
  }

  /// Moves backward over one code unit not in `g`.
  @inline(__always)
  mutating func outGroupingB(_ g: SnowballGrouping) -> Bool {
    if cursor <= limitBackward || g.contains(current[cursor - 1]) { return false }
    cursor -= 1
    return true
  }

  /// Skips forward while in `g`; true if it stopped before the limit (on a unit not in `g`).
  @inline(__always)
  mutating func goInGrouping(_ g: SnowballGrouping) -> Bool {
    while cursor < limit {
      if !g.contains(current[cursor]) { return true }
      cursor += 1
    }
    return false
  }

  /// Skips forward while not in `g`; true if it stopped before the limit (on a unit in `g`).
  @inline(__always)
  mutating func goOutGrouping(_ g: SnowballGrouping) -> Bool {
    while cursor < limit {
      if g.contains(current[cursor]) { return true }
      cursor += 1
    }
    return false
  }

  /// Skips backward while not in `g`; true if it stopped after the backward limit (on a unit in `g`).
  @inline(__always)
  mutating func goOutGroupingB(_ g: SnowballGrouping) -> Bool {
    while cursor > limitBackward {
      if g.contains(current[cursor - 1]) { return true }
      cursor -= 1
    }
    return false
  }

  /// Tests for (and moves forward over) the literal code unit `c`.
  @inline(__always)
  mutating func eqC(_ c: UInt16) -> Bool {
    if cursor >= limit || current[cursor] != c { return false }
    cursor += 1
    return true
  }

  /// Tests for (and moves backward over) the literal code unit `c`.
  @inline(__always)
  mutating func eqCB(_ c: UInt16) -> Bool {
    if cursor <= limitBackward || current[cursor - 1] != c { return false }
    cursor -= 1
    return true
  }

  /// Tests for (and moves backward over) the literal `s` ending at the cursor.
  mutating func eqSB(_ s: [UInt16]) -> Bool {
    if cursor - limitBackward < s.count { return false }
    let start = cursor - s.count
    for i in 0..<s.count where current[start + i] != s[i] { return false }
    cursor = start
    return true
  }

  /// Snowball `among` going forward: the longest entry starting at the cursor; 0 if none.
  mutating func findAmong(_ v: SnowballAmongTable) -> Int {
    let c = cursor
    let l = limit
    if !v.firstUnits.acceptsAll && (c >= l || !v.firstUnits.mayContain(current[c])) { return 0 }
    let (found, length) = current.withUnsafeBufferPointer { cur in
      v.chars.withUnsafeBufferPointer { chars in
        v.offsets.withUnsafeBufferPointer { offsets in
          Self.searchAmong(v, offsets) { k, common in
            // Compares entry k with the text after the cursor, from its `common`th unit on.
            let ws = offsets[k]
            let wl = offsets[k + 1] - ws
            var i2 = common
            while i2 < wl {
              if c + common == l { return -1 }
              let diff = Int(cur[c + common]) - Int(chars[ws + i2])
              if diff != 0 { return diff }
              common += 1
              i2 += 1
            }
            return 0
          }
        }
      }
    }
    if found < 0 { return 0 }
    cursor = c + length
    return v.results[found]
  }

  /// Snowball `among` going backward: the longest entry ending at the cursor; 0 if none.
  mutating func findAmongB(_ v: SnowballAmongTable) -> Int {
    let c = cursor
    let lb = limitBackward
    if !v.lastUnits.acceptsAll && (c <= lb || !v.lastUnits.mayContain(current[c - 1])) { return 0 }
    let (found, length) = current.withUnsafeBufferPointer { cur in
      v.chars.withUnsafeBufferPointer { chars in
        v.offsets.withUnsafeBufferPointer { offsets in
          Self.searchAmong(v, offsets) { k, common in
            // Compares entry k with the text before the cursor, from its `common`th-last unit on.
            let ws = offsets[k]
            var i2 = offsets[k + 1] - ws - 1 - common
            while i2 >= 0 {
              if c - common == lb { return -1 }
              let diff = Int(cur[c - 1 - common]) - Int(chars[ws + i2])
              if diff != 0 { return diff }
              common += 1
              i2 -= 1
            }
            return 0
          }
        }
      }
    }
    if found < 0 { return 0 }
    cursor = c - length
    return v.results[found]
  }

  /// Snowball's `repeat (goto (test) <- s)`: from the cursor on, finds each next place where
  /// `test` succeeds (it marks the slice) and replaces the slice by `s`; the cursor is left
  /// where the last, failed search started. Returns whether anything was replaced.
  @discardableResult
  mutating func replaceEach(with s: [UInt16], where test: (inout SnowballBuffer) -> Bool)
    -> Bool
  {
    var replaced = false
    while true {
      let start = cursor
      var found = false
      while true {
        let here = cursor
        found = test(&self)
        cursor = here
        if found || cursor >= limit { break }
        cursor += 1
      }
      if !found {
        cursor = start
        return replaced
      }
      sliceFrom(s)
      replaced = true
    }
  }

  /// Snowball's `do C` going backward: runs `step`, then puts the cursor back at the same
  /// distance from the end, whatever `step` did.
  @inline(__always)
  mutating func doBackward(_ step: (inout SnowballBuffer) -> Void) {
    let v = limit - cursor
    step(&self)
    cursor = limit - v
  }

  /// Snowball's `[substring]` going backward: marks the longest entry of `table` ending at the
  /// cursor as the slice (`ket` at the cursor, `bra` where the entry starts) and returns its
  /// value; 0, with the slice unchanged but `ket`, if none.
  mutating func sliceAmongB(_ table: SnowballAmongTable) -> Int {
    ket = cursor
    let amongVar = findAmongB(table)
    if amongVar != 0 { bra = cursor }
    return amongVar
  }

  /// The binary search of Snowball's `find_among` and `find_among_b`, shared by both
  /// directions: `compare(k, &common)` compares entry `k` with the text at the cursor, starting
  /// after the `common` units already known to match, advances `common` over the units that do
  /// match and returns their difference at the first mismatch (negative when the text runs
  /// out), or 0 when the whole entry matched. Returns the index and length of the longest entry
  /// that matches, following the table's substring links, or (-1, 0).
  @inline(__always)
  private static func searchAmong(
    _ v: SnowballAmongTable, _ offsets: UnsafeBufferPointer<Int>,
    compare: (_ k: Int, _ common: inout Int) -> Int
  ) -> (Int, Int) {
    var i = 0
    var j = offsets.count - 1
    var commonI = 0
    var commonJ = 0
    var firstKeyInspected = false
    while true {
      let k = i + ((j - i) >> 1)
      var common = min(commonI, commonJ)
      let diff = compare(k, &common)
      if diff < 0 {
        j = k
        commonJ = common
      } else {
        i = k
        commonI = common
      }
      if j - i <= 1 {
        if i > 0 { break }
        if j == i { break }
        if firstKeyInspected { break }
        firstKeyInspected = true
      }
    }
    while true {
      let wl = offsets[i + 1] - offsets[i]
      if commonI >= wl { return (i, wl) }
      i = v.substringI[i]
      if i < 0 { return (-1, 0) }
    }
  }

  /// Replaces `current[cBra..<cKet]` by `s`, adjusting limit and cursor; returns the length change.
  @discardableResult
  mutating func replace(_ cBra: Int, _ cKet: Int, _ s: [UInt16]) -> Int {
    let adjustment = s.count - (cKet - cBra)
    current.replaceSubrange(cBra..<cKet, with: s)
    limit += adjustment
    if cursor >= cKet {
      cursor += adjustment
    } else if cursor > cBra {
      cursor = cBra
    }
    return adjustment
  }

  /// Replaces the slice (bra...ket) by `s`.
  mutating func sliceFrom(_ s: [UInt16]) {
    replace(bra, ket, s)
    ket = bra + s.count
  }

  /// Deletes the slice (bra...ket).
  mutating func sliceDel() {
    sliceFrom([])
  }
}

/// Runs a Snowball algorithm over `word`, one code unit standing for one Unicode scalar.
///
/// Snowball counts Unicode scalars; the algorithms only match, insert and delete BMP letters, so a
/// word with surrogate pairs is run with each pair replaced by one placeholder unit (U+FFFF) and the
/// pairs are put back afterwards. A literal U+FFFF in the input is carried through the same way.
@inline(__always)
func snowballRun(_ word: [UInt16], _ body: (inout SnowballBuffer) -> Void) -> [UInt16] {
  var needsMapping = false
  for u in word where u >= 0xD800 && (u < 0xE000 || u == 0xFFFF) {
    needsMapping = true
    break
  }
  if !needsMapping {
    var z = SnowballBuffer(word)
    body(&z)
    return z.current
  }
  let placeholder: UInt16 = 0xFFFF
  var mapped: [UInt16] = []
  mapped.reserveCapacity(word.count)
  var saved: [[UInt16]] = []
  var i = 0
  while i < word.count {
    let u = word[i]
    if u >= 0xD800 && u < 0xDC00 && i + 1 < word.count && word[i + 1] >= 0xDC00
      && word[i + 1] < 0xE000
    {
      saved.append([u, word[i + 1]])
      mapped.append(placeholder)
      i += 2
    } else if u == placeholder {
      saved.append([u])
      mapped.append(placeholder)
      i += 1
    } else {
      mapped.append(u)
      i += 1
    }
  }
  var z = SnowballBuffer(mapped)
  body(&z)
  var out: [UInt16] = []
  out.reserveCapacity(z.current.count + saved.count)
  var next = 0
  for u in z.current {
    if u == placeholder && next < saved.count {
      out.append(contentsOf: saved[next])
      next += 1
    } else {
      out.append(u)
    }
  }
  return out
}
