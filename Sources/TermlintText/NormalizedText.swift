/// Options for `NormalizedText`: the ICU form plus the folds Termlint applies for matching.
public struct NormalizationOptions: Sendable, Hashable {
  /// The ICU normalization form.
  public var form: Normalizer.Form
  /// Fold typographic apostrophes and quotes (’ ‘ ‛ ʼ ′ → ', “ ” „ ‟ ″ « » → ").
  public var foldQuotes: Bool
  /// Fold Unicode hyphens (U+2010, U+2011) to the ASCII hyphen-minus.
  public var foldHyphens: Bool
  /// Fold figure, en and em dashes and the horizontal bar to the ASCII hyphen-minus.
  public var foldDashes: Bool
  /// Drop default-ignorable code points (soft hyphen, zero-width characters, bidi controls).
  public var removeIgnorables: Bool
  /// Turn every run of white space (including NBSP and line breaks) into one space.
  public var collapseWhitespace: Bool

  /// Creates options.
  public init(
    form: Normalizer.Form = .nfkcCasefold, foldQuotes: Bool = true, foldHyphens: Bool = true,
    foldDashes: Bool = false, removeIgnorables: Bool = true, collapseWhitespace: Bool = true
  ) {
    self.form = form
    self.foldQuotes = foldQuotes
    self.foldHyphens = foldHyphens
    self.foldDashes = foldDashes
    self.removeIgnorables = removeIgnorables
    self.collapseWhitespace = collapseWhitespace
  }

  /// The form used to match glossary terms: NFKC_Casefold with every fold on except dashes.
  public static let matching = NormalizationOptions()
  /// Case-preserving matching form: NFKC with the same folds (used to compare case).
  public static let matchingPreservingCase = NormalizationOptions(form: .nfkc)
  /// The display form: NFC only.
  public static let display = NormalizationOptions(
    form: .nfc, foldQuotes: false, foldHyphens: false, removeIgnorables: false,
    collapseWhitespace: false)
}

/// ICU-normalized UTF-16 text with a map back to the offsets of the text it came from.
///
/// Every unit of `units` comes from a *chunk* of the source: either a 1:1 run (the common case:
/// ASCII, case folding of most letters) or a chunk that normalization changed in length (a
/// decomposed letter, a ligature, a dropped soft hyphen, a collapsed run of spaces). A range in
/// normalized text maps back to the smallest source range covering the chunks it touches.
public struct NormalizedText: Sendable {
  /// The normalized UTF-16 code units.
  public let units: [UInt16]
  /// The map from normalized offsets to source offsets (including the source base).
  public let map: OffsetMap

  /// The normalized text as a string.
  public var string: String { String(utf16Units: units) }

  /// Normalizes `source` (e.g. one unit's text); offsets map back to `sourceBase + index`.
  public init(_ source: [UInt16], sourceBase: Int = 0, options: NormalizationOptions = .matching) {
    let built = source.withUnsafeBufferPointer {
      NormalizedText.build($0, options: options)
    }
    self.units = built.units
    self.map = OffsetMap(
      runs: built.runs, count: built.units.count, sourceBase: sourceBase, sourceLength: source.count
    )
  }

  /// Normalizes a string (offsets are UTF-16 offsets into it).
  public init(_ string: String, options: NormalizationOptions = .matching) {
    self.init(Array(string.utf16), options: options)
  }

  /// Maps a normalized UTF-16 range back to the source, including the source base.
  public func sourceRange(_ range: Range<Int>) -> Range<Int> { map.sourceRange(range) }
  // MARK: - Building

  private struct Builder {
    var units: [UInt16] = []
    var runs: [OffsetMap.Run] = []
    // The aligned run being extended (not yet in `runs`): length 0 when there is none.
    var alignedStart = 0
    var alignedSource = 0
    var alignedLength = 0

    @inline(__always)
    mutating func appendAligned(_ unit: UInt16, source: Int) {
      if alignedLength > 0 && alignedSource + alignedLength == source {
        alignedLength += 1
      } else {
        flush()
        alignedStart = units.count
        alignedSource = source
        alignedLength = 1
      }
      units.append(unit)
    }

    /// Closes the aligned run being extended.
    mutating func flush() {
      if alignedLength > 0 {
        runs.append(
          OffsetMap.Run(
            normalizedStart: alignedStart, normalizedLength: alignedLength,
            sourceStart: alignedSource, sourceLength: alignedLength))
        alignedLength = 0
      }
    }

    /// Appends one space for the white space at `source` (one unit of it stays aligned).
    @inline(__always)
    mutating func appendSpace(replacing source: Range<Int>) {
      if source.count == 1 {
        appendAligned(0x20, source: source.lowerBound)
      } else {
        appendChunk([0x20], sourceStart: source.lowerBound, sourceLength: source.count)
      }
    }

    mutating func appendChunk(_ output: ArraySlice<UInt16>, sourceStart: Int, sourceLength: Int) {
      if output.isEmpty { return }
      if output.count == sourceLength {
        for (k, u) in output.enumerated() { appendAligned(u, source: sourceStart + k) }
        return
      }
      flush()
      runs.append(
        OffsetMap.Run(
          normalizedStart: units.count, normalizedLength: output.count, sourceStart: sourceStart,
          sourceLength: sourceLength))
      units.append(contentsOf: output)
    }
  }

  @inline(__always)
  private static func codePoint(_ s: UnsafeBufferPointer<UInt16>, _ i: Int) -> (UInt32, Int) {
    let c = s[i]
    if c >= 0xD800 && c <= 0xDBFF && i + 1 < s.count && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF {
      return (0x10000 + (UInt32(c - 0xD800) << 10) + UInt32(s[i + 1] - 0xDC00), 2)
    }
    return (UInt32(c), 1)
  }

  @inline(__always)
  package static func isWhitespace(_ cp: UInt32) -> Bool {
    switch cp {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
    case 0..<0x80: return false
    default: return UnicodeProperties.has(codePoint: cp, .whiteSpace)
    }
  }

  @inline(__always)
  package static func fold(_ u: UInt16, _ options: NormalizationOptions) -> UInt16 {
    if u < 0x80 { return u }
    if options.foldQuotes {
      switch u {
      case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return 0x27
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return 0x22
      default: break
      }
    }
    if options.foldHyphens && (u == 0x2010 || u == 0x2011) { return 0x2D }
    if options.foldDashes {
      switch u {
      case 0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
      default: break
      }
    }
    return u
  }

  /// `build` for ASCII text, which every normalization form leaves as it is (NFKC_Casefold
  /// lower-cases A–Z), has no default-ignorable characters and nothing to fold: only white
  /// space is collapsed. Same units and runs as the general loop.
  private static func buildASCII(
    _ s: UnsafeBufferPointer<UInt16>, caseFold: Bool, collapseWhitespace: Bool
  )
    -> (units: [UInt16], runs: [OffsetMap.Run])
  {
    var b = Builder()
    b.units.reserveCapacity(s.count)
    let n = s.count
    var i = 0
    while i < n {
      var u = s[i]
      if collapseWhitespace && (u == 0x20 || (u >= 0x09 && u <= 0x0D)) {
        var j = i + 1
        while j < n && (s[j] == 0x20 || (s[j] >= 0x09 && s[j] <= 0x0D)) { j += 1 }
        b.appendSpace(replacing: i..<j)
        i = j
        continue
      }
      if caseFold && u >= 0x41 && u <= 0x5A { u += 0x20 }
      b.appendAligned(u, source: i)
      i += 1
    }
    b.flush()
    if b.runs.isEmpty {
      b.runs.append(
        OffsetMap.Run(normalizedStart: 0, normalizedLength: 0, sourceStart: 0, sourceLength: n))
    }
    return (b.units, b.runs)
  }

  private static func build(_ s: UnsafeBufferPointer<UInt16>, options: NormalizationOptions)
    -> (units: [UInt16], runs: [OffsetMap.Run])
  {
    let caseFold = options.form == .nfkcCasefold
    if Tokenizer.isASCII(s) {
      return buildASCII(s, caseFold: caseFold, collapseWhitespace: options.collapseWhitespace)
    }
    let normalizer = Normalizer.shared(options.form)
    let table = SmallCodePointTable.table(for: options.form)
    var b = Builder()
    b.units.reserveCapacity(s.count)
    var scratch: [UInt16] = []
    var chunk: [UInt16] = []
    let n = s.count
    var i = 0
    while i < n {
      let (cp, width) = codePoint(s, i)
      let small = table != nil && SmallCodePointTable.covers(cp)
      if options.collapseWhitespace && (small ? table!.isWhitespace(cp) : isWhitespace(cp)) {
        var j = i + width
        while j < n {
          let (next, w) = codePoint(s, j)
          if !isWhitespace(next) { break }
          j += w
        }
        b.appendSpace(replacing: i..<j)
        i = j
        continue
      }
      // Find the end of the normalization chunk that starts here.
      var j = i + width
      while j < n {
        let u = s[j]
        if u < 0x80 { break }
        if let table, SmallCodePointTable.covers(UInt32(u)) {
          if table.hasBoundaryBefore(UInt32(u)) { break }
          j += 1
          continue
        }
        let (next, w) = codePoint(s, j)
        if normalizer.hasBoundaryBefore(next) { break }
        j += w
      }
      if j - i == 1 && cp < 0x80 {
        var u = UInt16(cp)
        if caseFold && u >= 0x41 && u <= 0x5A { u += 0x20 }
        b.appendAligned(u, source: i)
        i = j
        continue
      }
      if small && j - i == 1, let table {
        // One code point alone in its chunk: ICU's answers are in the table.
        if options.removeIgnorables && table.isDefaultIgnorable(cp) {
          i = j
          continue
        }
        let single = table.normalizedSingle(cp)
        if single != 0 {
          b.appendAligned(fold(single, options), source: i)
          i = j
          continue
        }
      }
      if options.removeIgnorables && j - i == width
        && UnicodeProperties.has(codePoint: cp, .defaultIgnorable)
      {
        i = j
        continue
      }
      chunk.removeAll(keepingCapacity: true)
      normalizer.normalize(
        UnsafeBufferPointer(rebasing: s[i..<j]), appendingTo: &chunk, scratch: &scratch)
      for k in chunk.indices { chunk[k] = fold(chunk[k], options) }
      b.appendChunk(chunk[...], sourceStart: i, sourceLength: j - i)
      i = j
    }
    b.flush()
    if b.runs.isEmpty {
      b.runs.append(
        OffsetMap.Run(normalizedStart: 0, normalizedLength: 0, sourceStart: 0, sourceLength: n))
    }
    return (b.units, b.runs)
  }
}

/// ICU's answers for the code points U+0080–U+07FF (Latin-1 and Latin Extended, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic …) under one normalization form, computed once per
/// process: whether a normalization chunk starts there, White_Space, Default_Ignorable, and the
/// normalized form of the code point alone when that is one code unit. `NormalizedText` reads
/// them instead of calling ICU for every letter of a Russian text; the results are the same
/// ICU calls, made once.
final class SmallCodePointTable: Sendable {
  private static let lower: UInt32 = 0x80, upper: UInt32 = 0x800
  private let boundaryBefore: [Bool]
  private let whitespace: [Bool]
  private let ignorable: [Bool]
  private let single: [UInt16]

  private static let nfkcCasefold = SmallCodePointTable(.nfkcCasefold)
  private static let nfkc = SmallCodePointTable(.nfkc)

  /// The table for a form (the two matching forms have one), or nil.
  static func table(for form: Normalizer.Form) -> SmallCodePointTable? {
    switch form {
    case .nfkcCasefold: return nfkcCasefold
    case .nfkc: return nfkc
    default: return nil
    }
  }

  @inline(__always)
  static func covers(_ cp: UInt32) -> Bool { cp >= lower && cp < upper }

  private init(_ form: Normalizer.Form) {
    let normalizer = Normalizer.shared(form)
    let points = Array(SmallCodePointTable.lower..<SmallCodePointTable.upper)
    boundaryBefore = points.map { normalizer.hasBoundaryBefore($0) }
    whitespace = points.map { UnicodeProperties.has(codePoint: $0, .whiteSpace) }
    ignorable = points.map { UnicodeProperties.has(codePoint: $0, .defaultIgnorable) }
    single = points.map { cp in
      let out = normalizer.normalize([UInt16(cp)])
      return out.count == 1 ? out[0] : 0
    }
  }

  @inline(__always)
  func hasBoundaryBefore(_ cp: UInt32) -> Bool {
    boundaryBefore[Int(cp - SmallCodePointTable.lower)]
  }
  @inline(__always)
  package func isWhitespace(_ cp: UInt32) -> Bool {
    whitespace[Int(cp - SmallCodePointTable.lower)]
  }
  @inline(__always)
  func isDefaultIgnorable(_ cp: UInt32) -> Bool { ignorable[Int(cp - SmallCodePointTable.lower)] }
  /// The code point's normalized form when it is one code unit, else 0.
  @inline(__always)
  func normalizedSingle(_ cp: UInt32) -> UInt16 { single[Int(cp - SmallCodePointTable.lower)] }
}
