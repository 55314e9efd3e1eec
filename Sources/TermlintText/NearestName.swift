/// The known name closest to a mistyped one ("did you mean …?"), by edit distance.
public enum NearestName {
  /// The name among `names` within `maxDistance` edits of `word` (insertions, deletions,
  /// substitutions of characters, compared case-insensitively), the closest first, ties by
  /// order; nil when none is close enough. A word that is itself a name has distance 0.
  public static func closest(to word: String, among names: [String], maxDistance: Int = 2)
    -> String?
  {
    let w = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for name in names {
      let d = NameMatching.distance(w, Array(name.lowercased()))
      // A short word is close only to a name it shares most letters with.
      guard d <= min(maxDistance, max(1, name.count / 3)) else { continue }
      if best == nil || d < best!.distance { best = (name, d) }
    }
    return best?.name
  }
}
