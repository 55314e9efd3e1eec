import TermlintText

/// The element and data-category names of TBX that the loader knows, and near misses of them.
///
/// A TBX file with a misspelt element (`<termSek>`) or data category
/// (`type="administrativeStatu"`) is well-formed XML, and a lenient reader silently skips what
/// it holds: the term, or its status, is lost, and `lint` would allow a deprecated term again.
/// Real termbases carry many legitimate elements and categories Termlint does not interpret, so
/// only a near miss of a name Termlint does read is reported (`GlossaryLoadIssue.Kind`
/// `unknownElement` and `unknownCategory`).
enum TBXNames {
  /// Whether `name` (a local name) is an element of TBX v2, v3 (core structure, TBX-Basic and
  /// TBX-Min DCT modules) or TBX-Min 2013.
  static func isKnownElement(_ name: String) -> Bool {
    switch name {
    // Core structure, v2 and v3.
    case "martif", "martifHeader", "tbx", "tbxHeader", "TBX", "header", "fileDesc", "titleStmt",
      "title", "publicationStmt",
      "sourceDesc", "notesStmt", "encodingDesc", "revisionDesc", "change", "p", "text", "body",
      "back", "termEntry",
      "conceptEntry", "langSet", "langSec", "langGroup", "tig", "ntig", "termGrp", "termSec",
      "termGroup", "term", "termNote",
      "termNoteGrp", "descrip", "descripGrp", "descripNote", "admin", "adminGrp", "adminNote",
      "transac", "transacGrp",
      "transacNote", "date", "note", "ref", "xref", "hi", "foreign", "bpt", "ept", "ph", "sc", "ec",
      "refObjectList",
      "refObjectSec", "refObject", "item", "itemGrp", "itemSet", "termCompList", "termCompSec",
      "termComp", "termCompGrp":
      return true
    // TBX-Min 2013 header and body.
    case "id", "description", "dialect", "languages", "licence", "license", "customer",
      "termStatus":
      return true
    // Data categories written as elements (DCT style).
    case "administrativeStatus", "normativeAuthorization", "usageStatus", "partOfSpeech",
      "termType", "subjectField",
      "definition", "context", "source", "customerSubset", "projectSubset", "grammaticalGender",
      "geographicalUsage",
      "termLocation", "transactionType", "responsibility", "crossReference",
      "externalCrossReference", "xGraphic",
      "caseSensitivity", "matchMode", "email", "fn", "role", "uid", "type":
      return true
    default:
      return false
    }
  }

  /// Elements whose misspelling loses content the loader reads.
  static let structural = [
    "termEntry", "conceptEntry", "langSet", "langSec", "langGroup", "tig", "ntig", "termGrp",
    "termSec", "termGroup", "term",
    "termNote", "descrip", "admin", "note", "administrativeStatus", "normativeAuthorization",
    "usageStatus", "termStatus",
    "partOfSpeech", "termType", "subjectField", "definition", "caseSensitivity", "matchMode",
  ]

  /// The concept elements (a misspelt one loses the whole concept).
  static let conceptElements = ["termEntry", "conceptEntry"]

  /// Data categories (`termNote`/`descrip`/`admin` `type`) the loader reads.
  static let interpretedCategories = [
    "administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus", "partOfSpeech",
    "termType", "subjectField",
    "definition", "caseSensitivity", "matchMode", "termlint:status",
  ]

  /// Whether `category` is one of `interpretedCategories`.
  static func isInterpretedCategory(_ category: String) -> Bool {
    switch category {
    case "administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus",
      "partOfSpeech", "termType",
      "subjectField", "definition", "caseSensitivity", "matchMode", "termlint:status":
      return true
    default:
      return false
    }
  }

  /// The candidate `name` is a near miss of: the same name in another case, or one at most one
  /// edit away (a letter added, dropped, changed or two swapped; two for names of more than
  /// five letters). Nil when there is none, or when `name` is a candidate itself.
  static func nearMiss(_ name: String, of candidates: [String]) -> String? {
    let lower = Array(name.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      if candidate == name { return nil }
      let other = Array(candidate.lowercased().unicodeScalars)
      let limit = other.count > 5 ? 2 : 1
      guard abs(other.count - lower.count) <= limit else { continue }
      let d = distance(lower, other)
      if d <= limit && d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
  package static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    NameMatching.distance(a, b)
  }
}
