import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Sentence aligner: Gale–Church dynamic programming with anchors")
struct SentenceAlignerTests {
  typealias Item = SentenceAligner.Item

  static func align(
    _ source: [Int], _ target: [Int], ratio: Double = 0.9, sourceAnchors: [[Int]]? = nil,
    targetAnchors: [[Int]]? = nil, weights: [Double] = []
  ) -> [SentenceAligner.Bead] {
    let s = source.enumerated().map { Item(length: $1, anchors: sourceAnchors?[$0] ?? []) }
    let t = target.enumerated().map { Item(length: $1, anchors: targetAnchors?[$0] ?? []) }
    return SentenceAligner(parameters: .sentences(ratio: ratio, anchorWeights: weights)).align(
      source: s, target: t)
  }

  static func shapes(_ beads: [SentenceAligner.Bead]) -> [String] {
    beads.map { $0.shape.description }
  }

  /// Beads cover both sides in order, without gaps or overlaps.
  static func checkCoverage(_ beads: [SentenceAligner.Bead], _ n: Int, _ m: Int) {
    var i = 0
    var j = 0
    for bead in beads {
      #expect(bead.source.lowerBound == i && bead.target.lowerBound == j)
      #expect(bead.confidence >= 0 && bead.confidence <= 1)
      i = bead.source.upperBound
      j = bead.target.upperBound
    }
    #expect(i == n && j == m)
  }

  @Test func parallelSentencesAlignOneToOne() {
    let beads = Self.align([100, 50, 80, 140], [92, 44, 70, 128])
    #expect(Self.shapes(beads) == ["1-1", "1-1", "1-1", "1-1"])
    #expect(beads.allSatisfy { $0.confidence > 0.9 })
    Self.checkCoverage(beads, 4, 4)
  }

  @Test func twoSourceSentencesMergedIntoOne() {
    // 60 + 70 source characters ≈ 117 target characters at a ratio of 0.9.
    let beads = Self.align([60, 70, 100, 80], [117, 90, 72])
    #expect(Self.shapes(beads) == ["2-1", "1-1", "1-1"])
    Self.checkCoverage(beads, 4, 3)
  }

  @Test func oneSourceSentenceSplitIntoTwo() {
    let beads = Self.align([90, 120, 80], [81, 50, 58, 72])
    #expect(Self.shapes(beads) == ["1-1", "1-2", "1-1"])
    Self.checkCoverage(beads, 3, 4)
  }

  @Test func anOmittedSentenceIsAOneToZeroBead() {
    // The third source sentence (200 characters) has no translation; gluing it to a neighbour
    // would make that bead twice as long as its translation.
    let beads = Self.align([100, 80, 200, 60], [90, 72, 54])
    #expect(Self.shapes(beads) == ["1-1", "1-1", "1-0", "1-1"])
    #expect(beads[2].lengthScore == 0)
    Self.checkCoverage(beads, 4, 3)
  }

  @Test func anAddedSentenceIsAZeroToOneBead() {
    let beads = Self.align([100, 80, 60], [90, 72, 180, 54])
    #expect(Self.shapes(beads) == ["1-1", "1-1", "0-1", "1-1"])
    Self.checkCoverage(beads, 3, 4)
  }

  @Test func anchorsDecideWhichOfEqualSentencesWasOmitted() {
    // Three sentences of equal length, two translations: by length alone any one could be
    // missing. Shared numbers (anchor ids 0, 1, 2) show it is the middle one.
    let source = [[0], [1], [2]]
    let target = [[0], [2]]
    let beads = Self.align(
      [60, 60, 60], [54, 54], sourceAnchors: source, targetAnchors: target, weights: [2, 2, 2])
    #expect(Self.shapes(beads) == ["1-1", "1-0", "1-1"])
    let shifted = Self.align(
      [60, 60, 60], [54, 54], sourceAnchors: source, targetAnchors: [[1], [2]], weights: [2, 2, 2])
    #expect(Self.shapes(shifted) == ["1-0", "1-1", "1-1"])
  }

  @Test func confidenceIsLowerWhenTheAlignmentIsAmbiguous() {
    let clear = Self.align([100, 80], [90, 72])
    let ambiguous = Self.align([60, 60, 60], [54, 54])
    #expect(clear.map(\.confidence).min()! > ambiguous.map(\.confidence).min()!)
    Self.checkCoverage(ambiguous, 3, 2)
  }

  @Test func lengthScoreIsNegativeWhenTheTargetIsShort() {
    let beads = Self.align([100, 100], [90, 40])
    #expect(Self.shapes(beads) == ["1-1", "1-1"])
    #expect(beads[1].lengthScore < -2)
    #expect(abs(beads[0].lengthScore) < 0.5)
  }

  @Test func emptySidesGiveOneSidedBeads() {
    #expect(Self.shapes(Self.align([], [])) == [])
    #expect(Self.shapes(Self.align([10, 20], [])) == ["1-0", "1-0"])
    #expect(Self.shapes(Self.align([], [30])) == ["0-1"])
  }

  @Test func longInputsUseABandAndStillAlign() {
    let source = (0..<700).map { 40 + ($0 * 37) % 90 }
    let target = source.map { Int(Double($0) * 0.9) }
    let beads = Self.align(source, target)
    #expect(beads.count == 700 && beads.allSatisfy { $0.shape == .init(1, 1) })
  }

  @Test func beadCostPrefersTheRightShape() {
    let aligner = SentenceAligner(parameters: .sentences(ratio: 1))
    let one = [Item(length: 100)]
    let two = [Item(length: 50), Item(length: 50)]
    #expect(
      aligner.beadCost(source: one, target: [Item(length: 100)])
        < aligner.beadCost(source: one, target: [Item(length: 40)]))
    #expect(
      aligner.beadCost(source: one, target: two) < aligner.beadCost(
        source: one, target: [Item(length: 50)]) + 3)
    #expect(
      aligner.beadCost(source: two + two, target: one) == .infinity, "4-1 is not a bead shape")
  }
}
