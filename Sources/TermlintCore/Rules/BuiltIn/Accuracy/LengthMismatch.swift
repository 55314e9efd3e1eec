import TermlintGlossary
import TermlintText

/// The check behind `addition` and `omission`, run in one direction or the other: text on one
/// side with no counterpart on the other, either a sentence the aligner left unmatched or a
/// translation whose length is far from what the length model expects of its source.
struct LengthMismatch {
  /// Which side holds the text without a counterpart; findings point at that side.
  enum Direction {
    /// Translated text the source does not have: a 0-1 bead, or a translation far too long.
    case addition
    /// Source text the translation lacks: a 1-0 bead, or a translation far too short.
    case omission
  }

  /// The direction checked.
  let direction: Direction
  /// The rule the findings belong to.
  let descriptor: RuleDescriptor
  /// The message for a sentence the aligner left unmatched, given its excerpt.
  let unaligned: (String) -> String
  /// The message for a length far from the expected one, given the excerpt of the reported side
  /// and the translation's length in percent of the expected length.
  let mismatch: (String, Int) -> String

  /// Checks every unit of `document`.
  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let model = LengthModel.pair(for: document)
    var findings: [Finding] = []
    for (i, unit) in document.units.enumerated() {
      guard let reported = direction.reported(unit), !reported.isBlank, !unit.isExcluded else {
        continue
      }
      // Built only for a finding: most units have none.
      func excerpt() -> String { TextScan.excerpt(reported.span.string) }
      if let bead = unit.bead, direction.isUnmatched(bead),
        direction.counterpart(unit).map(\.isBlank) ?? true
      {
        // Below 0.5 the aligner finds it more likely that the sentence belongs with a
        // neighbour: a source sentence the translator split in two (the second half too long
        // or too short for the lengths to tell), or two sentences merged into one.
        if unit.isDoubtfulBead { continue }
        let neighbour = BeadNeighbours.location(near: i, in: document, side: direction.counterpart)
        findings.append(
          context.finding(
            descriptor, in: reported, fileRange: reported.trimmedFileRange,
            message: unaligned(excerpt()), unit: unit.unit,
            side: direction.side, related: neighbour.map { [$0] } ?? []))
        continue
      }
      guard let counterpart = direction.counterpart(unit), !counterpart.isBlank,
        !unit.targetIsMostlySourceScript,
        !unit.isDoubtfulBead,
        // A fuzzy PO entry keeps the translation of an earlier source text (its `#| msgid`),
        // which gettext does not use: its length says nothing about this source.
        !unit.isFuzzy
      else { continue }
      let (source, target) =
        direction == .addition ? (counterpart, reported) : (reported, counterpart)
      // Short texts (UI labels, headlines) vary too much in length to judge; the length of
      // glossary terms found on both sides is left out of the comparison.
      let (raw, (sourceLength, targetLength)) = LengthModel.lengths(
        source: source, target: target, glossary: context.glossary)
      guard direction.isLongEnough(raw), sourceLength > 0,
        direction.isMismatch(model, sourceLength: sourceLength, targetLength: targetLength)
      else { continue }
      let percent = Int(
        (100 * Double(targetLength) / model.expected(sourceLength: sourceLength)).rounded())
      findings.append(
        context.finding(
          descriptor, in: reported, fileRange: reported.trimmedFileRange,
          message: mismatch(excerpt(), percent), unit: unit.unit,
          side: direction.side,
          related: [Location(file: counterpart.span.file, utf16Range: counterpart.trimmedFileRange)]
        ))
    }
    return findings
  }
}

extension LengthMismatch.Direction {
  /// The side findings point at: the one with the text without a counterpart.
  func reported(_ unit: AnnotatedUnit) -> AnnotatedSpan? {
    self == .addition ? unit.target : unit.source
  }

  /// The other side.
  func counterpart(_ unit: AnnotatedUnit) -> AnnotatedSpan? {
    self == .addition ? unit.source : unit.target
  }

  /// The `side` of a finding.
  var side: String { self == .addition ? "target" : "source" }

  /// Whether a bead has sentences on the reported side only (0-1 for an addition, 1-0 for an
  /// omission).
  func isUnmatched(_ bead: (source: Int, target: Int)) -> Bool {
    self == .addition ? bead.target > 0 && bead.source == 0 : bead.source > 0 && bead.target == 0
  }

  /// Whether a unit is long enough to judge by its raw letter counts: an addition needs 40
  /// letters of translation and 30 of source, an omission 40 letters of source.
  func isLongEnough(_ raw: (source: Int, target: Int)) -> Bool {
    self == .addition ? raw.target >= 40 && raw.source >= 30 : raw.source >= 40
  }

  /// Whether the translation is too long (addition) or too short (omission) for its source.
  func isMismatch(_ model: LengthModel, sourceLength: Int, targetLength: Int) -> Bool {
    self == .addition
      ? model.isTooLong(sourceLength: sourceLength, targetLength: targetLength)
      : model.isTooShort(sourceLength: sourceLength, targetLength: targetLength)
  }
}

/// Where the neighbours of an unmatched bead are, for a finding's related location.
enum BeadNeighbours {
  /// The given side of the nearest unit of the same paragraph (before, else after) that has a
  /// text there.
  static func location(
    near index: Int, in document: AnnotatedDocument, side: (AnnotatedUnit) -> AnnotatedSpan?
  ) -> Location? {
    let paragraph = document.units[index].paragraph
    for k in Array((0..<index).reversed()) + Array((index + 1)..<document.units.count) {
      let unit = document.units[k]
      guard unit.paragraph == paragraph else { continue }
      if let span = side(unit), !span.isBlank {
        return Location(file: span.file, utf16Range: span.trimmedFileRange)
      }
    }
    return nil
  }
}
