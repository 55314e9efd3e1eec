import TermlintGlossary
import TermlintText

/// An item found on one side of a group of units (a number, a placeholder) that can be paired
/// with one item of the other side.
protocol PairableItem {
  /// The index of the unit the item is in.
  var unit: Int { get }
  /// Whether the item has been paired.
  var matched: Bool { get set }
}

/// Pairs the items of the target with those of the source, one to one.
enum SidePairing {
  /// Marks as matched each unmatched target item and the first unmatched source item that
  /// `matches` it, preferring a source item of the same unit, then one of any unit of the group.
  ///
  /// - Parameters:
  ///   - targets: the target's items, in order; each is paired at most once.
  ///   - sources: the source's items, in order; each is paired at most once.
  ///   - matches: whether a target item (first argument) may pair with a source item.
  static func pair<Item: PairableItem>(
    _ targets: inout [Item], with sources: inout [Item], where matches: (Item, Item) -> Bool
  ) {
    for sameUnit in [true, false] {
      for t in targets.indices where !targets[t].matched {
        if let s = sources.indices.first(where: { s in
          !sources[s].matched && (!sameUnit || sources[s].unit == targets[t].unit)
            && matches(targets[t], sources[s])
        }) {
          sources[s].matched = true
          targets[t].matched = true
        }
      }
    }
  }
}
