import Algorithms

/// Maps UTF-16 offsets of a derived text (normalized text, a unit's text with markup removed)
/// back to offsets of the text it was derived from.
///
/// The map is a sorted list of runs. A run whose two lengths are equal is aligned unit by unit;
/// any other run is one chunk: every derived unit in it maps to the whole source chunk.
public struct OffsetMap: Sendable {
  /// A stretch of the map.
  public struct Run: Sendable, Equatable {
    /// Start in the derived text.
    public var normalizedStart: Int
    /// Length in the derived text.
    public var normalizedLength: Int
    /// Start in the source (relative to `sourceBase`).
    public var sourceStart: Int
    /// Length in the source.
    public var sourceLength: Int

    /// Creates a run.
    public init(normalizedStart: Int, normalizedLength: Int, sourceStart: Int, sourceLength: Int) {
      self.normalizedStart = normalizedStart
      self.normalizedLength = normalizedLength
      self.sourceStart = sourceStart
      self.sourceLength = sourceLength
    }
  }

  package let runs: [Run]
  /// Length of the derived text.
  public let count: Int
  /// Added to every source offset.
  public let sourceBase: Int
  /// Length of the source slice.
  public let sourceLength: Int

  /// Creates a map from runs sorted by `normalizedStart`.
  public init(runs: [Run], count: Int, sourceBase: Int, sourceLength: Int) {
    self.runs =
      runs.isEmpty
      ? [Run(normalizedStart: 0, normalizedLength: 0, sourceStart: 0, sourceLength: sourceLength)]
      : runs
    self.count = count
    self.sourceBase = sourceBase
    self.sourceLength = sourceLength
  }

  /// The identity map of `length` units starting at `sourceBase`.
  public static func identity(length: Int, sourceBase: Int) -> OffsetMap {
    OffsetMap(
      runs: [
        Run(normalizedStart: 0, normalizedLength: length, sourceStart: 0, sourceLength: length)
      ], count: length, sourceBase: sourceBase, sourceLength: length)
  }

  /// Maps a derived range back to the source.
  public func sourceRange(_ range: Range<Int>) -> Range<Int> {
    if count == 0 { return sourceBase..<sourceBase }
    let lower = sourceOffset(startingAt: range.lowerBound)
    if range.isEmpty { return lower..<lower }
    let upper = sourceOffset(endingAfter: range.upperBound - 1)
    return lower..<max(lower, upper)
  }

  /// The source offset where the derived unit at `index` starts.
  public func sourceOffset(startingAt index: Int) -> Int {
    if index >= count { return sourceOffset(endingAfter: count - 1) }
    let run = runs[runIndex(max(0, index))]
    if run.normalizedLength == run.sourceLength {
      return sourceBase + run.sourceStart + (index - run.normalizedStart)
    }
    return sourceBase + run.sourceStart
  }

  /// The source offset just after the chunk that produced the derived unit at `index`.
  public func sourceOffset(endingAfter index: Int) -> Int {
    let index = min(max(0, index), count - 1)
    let run = runs[runIndex(index)]
    if run.normalizedLength == run.sourceLength {
      return sourceBase + run.sourceStart + (index - run.normalizedStart) + 1
    }
    return sourceBase + run.sourceStart + run.sourceLength
  }

  /// Composes two maps: `self` maps C→B, `outer` maps B→A; the result maps a C range to A.
  public func sourceRange(_ range: Range<Int>, through outer: OffsetMap) -> Range<Int> {
    let inner = sourceRange(range)
    return outer.sourceRange(inner)
  }

  private func runIndex(_ index: Int) -> Int {
    max(0, runs.partitioningIndex { $0.normalizedStart > index } - 1)
  }
}
