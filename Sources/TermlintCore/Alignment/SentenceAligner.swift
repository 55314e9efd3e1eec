import Foundation
import TermlintGlossary
import TermlintText

/// Aligns two sequences of text items (sentences or paragraphs) by length and shared anchors:
/// Gale–Church dynamic programming with beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 (and, rarely,
/// 3-1 and 1-3: a dateline and two sentences that a translation turns into one).
///
/// The cost of a bead is `-ln P(shape) - ln P(length difference) - anchor bonus`:
///
/// - the length model is Gale and Church's (1993): with `c` the expected target characters per
///   source character and `s²` the variance per character, `δ = (t − c·s) / √(s² · (c·s + t)/2)`
///   and the cost is `−ln(2·(1 − Φ(|δ|)))`. Beads with an empty side have no length cost, so a
///   sentence that was left out becomes a 1-0 bead rather than being glued to a neighbour;
/// - every anchor (number, name, glossary concept) found on both sides of a bead lowers its
///   cost by the anchor's weight, each occurrence counted once; an anchor with a miss weight
///   (a number) found on one side only raises it.
///
/// The best path is found by Viterbi; each bead's confidence is its posterior probability
/// (forward–backward over the same lattice): how much of the probability of all alignments
/// goes through that bead.
public struct SentenceAligner: Sendable {
  /// A bead shape: how many items it takes from each side.
  public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// Items from the source.
    public var source: Int
    /// Items from the target.
    public var target: Int

    /// Creates a shape.
    public init(_ source: Int, _ target: Int) {
      self.source = source
      self.target = target
    }

    /// `"2-1"` and so on.
    public var description: String { "\(source)-\(target)" }
  }

  /// One item to align.
  public struct Item: Sendable {
    /// Length in characters (code points other than white space and combining marks).
    public var length: Int
    /// Anchor ids with repeats, sorted (ids index `Parameters.anchorWeights`).
    public var anchors: [Int]
    /// A kind that should match across sides (0 = paragraph, 1 = heading).
    public var kind: Int

    /// Creates an item.
    public init(length: Int, anchors: [Int] = [], kind: Int = 0) {
      self.length = length
      self.anchors = anchors.sorted()
      self.kind = kind
    }
  }

  /// One bead of the result.
  public struct Bead: Sendable, Equatable {
    /// Source item indices.
    public var source: Range<Int>
    /// Target item indices.
    public var target: Range<Int>
    /// Posterior probability of this bead, 0…1.
    public var confidence: Double
    /// The length score δ (0 for a bead with an empty side): negative when the target is
    /// shorter than the length model expects, in standard deviations.
    public var lengthScore: Double

    /// The bead's shape.
    public var shape: Shape { Shape(source.count, target.count) }
  }

  /// Model parameters.
  public struct Parameters: Sendable {
    /// Expected target characters per source character.
    public var ratio: Double
    /// Variance of the target length per source character (Gale–Church: 6.8).
    public var variance: Double
    /// Prior probability of each allowed shape.
    public var priors: [Shape: Double]
    /// Bonus (in nats) per anchor id shared by both sides of a bead.
    public var anchorWeights: [Double]
    /// Cost (in nats) per anchor id found on only one side of a bead that has two sides.
    public var anchorMissWeights: [Double] = []
    /// Cost added to a bead that pairs items of different kinds (a heading with a paragraph).
    public var kindMismatchCost: Double

    /// Parameters for sentences (Gale and Church's priors, with a little room for 3-1 and 1-3).
    public static func sentences(ratio: Double, anchorWeights: [Double] = []) -> Parameters {
      Parameters(
        ratio: ratio, variance: 6.8,
        priors: [
          Shape(1, 1): 0.89, Shape(1, 0): 0.0099 / 2, Shape(0, 1): 0.0099 / 2,
          Shape(2, 1): 0.089 / 2,
          Shape(1, 2): 0.089 / 2, Shape(2, 2): 0.002, Shape(3, 1): 0.002, Shape(1, 3): 0.002,
        ], anchorWeights: anchorWeights, kindMismatchCost: 3)
    }

    /// Parameters for paragraphs: merges and splits are rarer than for sentences, a dropped
    /// paragraph (a trimmed article) more common; 2-2 is not allowed.
    public static func paragraphs(ratio: Double, anchorWeights: [Double] = []) -> Parameters {
      Parameters(
        ratio: ratio, variance: 6.8,
        priors: [
          Shape(1, 1): 0.9, Shape(1, 0): 0.01, Shape(0, 1): 0.01, Shape(2, 1): 0.035,
          Shape(1, 2): 0.035,
          Shape(3, 1): 0.002, Shape(1, 3): 0.002,
        ], anchorWeights: anchorWeights, kindMismatchCost: 3)
    }
  }

  /// The parameters.
  public let parameters: Parameters
  private let shapes: [(shape: Shape, cost: Double)]

  /// Creates an aligner.
  public init(parameters: Parameters) {
    self.parameters = parameters
    self.shapes = parameters.priors.sorted {
      ($0.key.source, $0.key.target) < ($1.key.source, $1.key.target)
    }
    .map { ($0.key, -log($0.value)) }
  }

  /// Aligns `source` with `target`; the beads cover both sequences in order.
  public func align(source: [Item], target: [Item]) -> [Bead] {
    let n = source.count
    let m = target.count
    if n == 0 && m == 0 { return [] }
    if n == 0 || m == 0 {
      // Nothing to choose: every item is its own 1-0 or 0-1 bead.
      return n == 0
        ? (0..<m).map { Bead(source: 0..<0, target: $0..<($0 + 1), confidence: 1, lengthScore: 0) }
        : (0..<n).map { Bead(source: $0..<($0 + 1), target: 0..<0, confidence: 1, lengthScore: 0) }
    }
    let band = Band(n: n, m: m)
    let lattice = Lattice(aligner: self, source: source, target: target, band: band)

    // Viterbi (minimum cost) and forward (log-sum) in one pass, backward in a second. The cost
    // of the bead of shape k that starts at cell c is kept at costs[c * shapeCount + k].
    let shapeCount = shapes.count
    var costs = [Double](repeating: .infinity, count: band.size * shapeCount)
    var best = [Double](repeating: .infinity, count: band.size)
    var back = [Int8](repeating: -1, count: band.size)
    var forward = [Double](repeating: -.infinity, count: band.size)
    best[0] = 0
    forward[0] = 0
    for i in 0...n {
      for j in band.range(i) where i + j > 0 {
        let cell = band.index(i, j)
        var sum = LogSum()
        for k in 0..<shapeCount {
          let shape = shapes[k].shape
          let i0 = i - shape.source
          let j0 = j - shape.target
          guard i0 >= 0, j0 >= 0, band.contains(i0, j0) else { continue }
          let start = band.index(i0, j0)
          guard best[start].isFinite else { continue }
          let cost = lattice.cost(k, i0, j0)
          costs[start * shapeCount + k] = cost
          let total = best[start] + cost
          if total < best[cell] {
            best[cell] = total
            back[cell] = Int8(k)
          }
          sum.add(forward[start] - cost)
        }
        forward[cell] = sum.value
      }
    }
    var backward = [Double](repeating: -.infinity, count: band.size)
    backward[band.index(n, m)] = 0
    for i in stride(from: n, through: 0, by: -1) {
      for j in band.range(i).reversed() where i + j < n + m {
        let cell = band.index(i, j)
        var sum = LogSum()
        for k in 0..<shapeCount {
          let shape = shapes[k].shape
          let i1 = i + shape.source
          let j1 = j + shape.target
          guard i1 <= n, j1 <= m, band.contains(i1, j1) else { continue }
          let end = backward[band.index(i1, j1)]
          guard end > -.infinity, costs[cell * shapeCount + k].isFinite else { continue }
          sum.add(end - costs[cell * shapeCount + k])
        }
        backward[cell] = sum.value
      }
    }
    let total = forward[band.index(n, m)]
    var beads: [Bead] = []
    var i = n
    var j = m
    while i > 0 || j > 0 {
      let k = Int(back[band.index(i, j)])
      guard k >= 0 else { break }
      let shape = shapes[k].shape
      let i0 = i - shape.source
      let j0 = j - shape.target
      let cost = costs[band.index(i0, j0) * shapeCount + k]
      let posterior = exp(forward[band.index(i0, j0)] - cost + backward[band.index(i, j)] - total)
      let score =
        shape.source > 0 && shape.target > 0
        ? lattice.delta(source: i0..<i, target: j0..<j) : 0
      beads.append(
        Bead(
          source: i0..<i, target: j0..<j, confidence: min(1, max(0, posterior)), lengthScore: score)
      )
      i = i0
      j = j0
    }
    return beads.reversed()
  }

  /// The cost of one bead made of all of `source` and all of `target` (infinite when the shape
  /// is not allowed).
  public func beadCost(source: [Item], target: [Item]) -> Double {
    guard let k = shapes.firstIndex(where: { $0.shape == Shape(source.count, target.count) }) else {
      return .infinity
    }
    let lattice = Lattice(
      aligner: self, source: source, target: target, band: Band(n: source.count, m: target.count))
    return lattice.cost(k, 0, 0)
  }

  /// The Gale–Church length score of `source` characters against `target` characters.
  public func delta(source: Int, target: Int) -> Double {
    let c = parameters.ratio
    let s = Double(source)
    let t = Double(target)
    return (t - c * s) / (parameters.variance * max(1, (c * s + t) / 2)).squareRoot()
  }

  /// `−ln P(|δ| or more)` under a mixture: most translations follow the Gale–Church normal
  /// model, a few (free translations, an acronym spelled out) deviate three times as much.
  /// The heavier tail keeps one very uneven pair from pulling its neighbours into a 2-2 bead.
  static func lengthCost(_ delta: Double) -> Double {
    let x = abs(delta) / 2.0.squareRoot()
    let p = (1 - looseShare) * erfc(x) + looseShare * erfc(x / looseSpread)
    if p > 1e-300 { return -log(p) }
    let y = x / looseSpread
    return y * y + log(y * Double.pi.squareRoot()) - log(looseShare)
  }

  /// The share of loosely translated pairs in the length model.
  static let looseShare = 0.1
  /// How many times wider their length deviation is.
  static let looseSpread = 3.0

  /// The sorted anchors of up to three items, merged in order without copying.
  private struct MergedAnchors {
    private var lists: (ArraySlice<Int>, ArraySlice<Int>, ArraySlice<Int>) = ([], [], [])

    init(_ items: ArraySlice<Item>) {
      var k = 0
      for item in items {
        switch k {
        case 0: lists.0 = item.anchors[...]
        case 1: lists.1 = item.anchors[...]
        default: lists.2 = item.anchors[...]
        }
        k += 1
      }
    }

    mutating func next() -> Int? {
      var which = -1
      var smallest = Int.max
      if let a = lists.0.first, a < smallest {
        smallest = a
        which = 0
      }
      if let b = lists.1.first, b < smallest {
        smallest = b
        which = 1
      }
      if let c = lists.2.first, c < smallest {
        smallest = c
        which = 2
      }
      switch which {
      case 0: lists.0 = lists.0.dropFirst()
      case 1: lists.1 = lists.1.dropFirst()
      case 2: lists.2 = lists.2.dropFirst()
      default: return nil
      }
      return smallest
    }
  }

  /// A running `ln Σ exp(xᵢ)`.
  private struct LogSum {
    var top = -Double.infinity
    var scaled = 0.0

    mutating func add(_ x: Double) {
      if x == -.infinity { return }
      if x <= top {
        scaled += exp(x - top)
      } else {
        scaled = scaled * exp(top - x) + 1
        top = x
      }
    }

    var value: Double { top == -.infinity ? -.infinity : top + log(scaled) }
  }

  /// The cells of the lattice that are searched: all of them for small inputs, a band around
  /// the diagonal for long ones.
  private struct Band {
    let n: Int, m: Int, halfWidth: Int
    /// Where each row's cells start in the flat storage.
    let rowOffsets: [Int]
    let lowers: [Int]
    /// The number of cells stored.
    let size: Int

    init(n: Int, m: Int) {
      self.n = n
      self.m = m
      halfWidth = n * m <= 250_000 ? max(n, m) + 1 : max(40, abs(n - m) + 40)
      var offsets: [Int] = []
      var lowers: [Int] = []
      var total = 0
      for i in 0...n {
        let center = n == 0 ? 0 : i * m / n
        let lower = max(0, center - halfWidth)
        let upper = min(m, center + halfWidth)
        offsets.append(total)
        lowers.append(lower)
        total += upper - lower + 1
      }
      rowOffsets = offsets
      self.lowers = lowers
      size = total
    }

    func range(_ i: Int) -> ClosedRange<Int> {
      let lower = lowers[i]
      let next = i < n ? rowOffsets[i + 1] : size
      return lower...(lower + next - rowOffsets[i] - 1)
    }

    func contains(_ i: Int, _ j: Int) -> Bool { range(i).contains(j) }

    /// The storage index of a cell inside the band.
    @inline(__always)
    func index(_ i: Int, _ j: Int) -> Int { rowOffsets[i] + j - lowers[i] }
  }

  /// Bead costs over one pair of sequences.
  private struct Lattice {
    let aligner: SentenceAligner
    let source: [Item], target: [Item]
    /// `sourcePrefix[i]` is the summed length of `source[..<i]`; likewise `targetPrefix`.
    let sourcePrefix: [Int], targetPrefix: [Int]
    let band: Band

    init(aligner: SentenceAligner, source: [Item], target: [Item], band: Band) {
      self.aligner = aligner
      self.source = source
      self.target = target
      self.band = band
      sourcePrefix = Self.prefixSums(source)
      targetPrefix = Self.prefixSums(target)
    }

    private static func prefixSums(_ items: [Item]) -> [Int] {
      var sums = [0]
      sums.reserveCapacity(items.count + 1)
      for item in items { sums.append(sums[sums.count - 1] + item.length) }
      return sums
    }

    /// The length score of the items `source` against the items `target`.
    func delta(source s: Range<Int>, target t: Range<Int>) -> Double {
      aligner.delta(
        source: sourcePrefix[s.upperBound] - sourcePrefix[s.lowerBound],
        target: targetPrefix[t.upperBound] - targetPrefix[t.lowerBound])
    }

    func cost(_ k: Int, _ i0: Int, _ j0: Int) -> Double {
      let (shape, prior) = aligner.shapes[k]
      if shape.source == 0 || shape.target == 0 { return prior }
      let i1 = i0 + shape.source
      let j1 = j0 + shape.target
      var cost =
        prior
        + SentenceAligner.lengthCost(delta(source: i0..<i1, target: j0..<j1))
      cost -= anchorBonus(source[i0..<i1], target[j0..<j1])
      if source[i0].kind != target[j0].kind { cost += aligner.parameters.kindMismatchCost }
      return cost
    }

    /// The summed weight of anchors found on both sides (multiset intersection), less the miss
    /// weight of anchors found on one side only.
    private func anchorBonus(_ s: ArraySlice<Item>, _ t: ArraySlice<Item>) -> Double {
      let weights = aligner.parameters.anchorWeights
      if weights.isEmpty { return 0 }
      let misses = aligner.parameters.anchorMissWeights
      var a = MergedAnchors(s)
      var b = MergedAnchors(t)
      var x = a.next()
      var y = b.next()
      var bonus = 0.0
      func miss(_ id: Int) -> Double { id < misses.count ? misses[id] : 0 }
      while x != nil || y != nil {
        if let u = x, let v = y, u == v {
          bonus += u < weights.count ? weights[u] : 0
          x = a.next()
          y = b.next()
        } else if let u = x, y == nil || u < y! {
          bonus -= miss(u)
          x = a.next()
        } else if let v = y {
          bonus -= miss(v)
          y = b.next()
        }
      }
      return bonus
    }
  }
}
