import Foundation
import TermlintGlossary
import TermlintText

/// Output formats of `termlint align`.
public enum AlignmentFormat: String, Sendable, CaseIterable {
  /// One line per bead: source sentences, a tab, target sentences (an empty side for 1-0 and 0-1).
  case tsv
  /// One JSON document (schema version 1) with every bead, its sentences and their positions.
  case json

  /// The JSON schema version; bumped on any incompatible change.
  public static let schemaVersion = 1

  /// Renders an alignment.
  ///
  /// TSV: sentences of one side are joined with a space; tabs and line breaks inside them become
  /// spaces. JSON (keys sorted):
  ///
  /// ```json
  /// {"schemaVersion": 1, "expectedRatio": 0.9, "lengthVariance": 3.1,
  ///  "source": {"path": "a.ru.md", "language": "ru"}, "target": {"path": "a.en.md", "language": "en"},
  ///  "beads": [{"paragraph": 0, "bead": "2-1", "confidence": 0.97, "lengthRatio": 1.04,
  ///    "lengthScore": 0.3, "source": [{"text": "…", "line": 3, "column": 1, "endLine": 3,
  ///    "endColumn": 58}, …], "target": [{…}]}]}
  /// ```
  /// Columns are 1-based Unicode code points; `endColumn` is exclusive.
  public func render(_ alignment: PairAlignment) -> String {
    switch self {
    case .tsv:
      return alignment.beads.map { bead in
        AlignmentFormat.tsvField(bead.source) + "\t" + AlignmentFormat.tsvField(bead.target)
      }.joined(separator: "\n") + (alignment.beads.isEmpty ? "" : "\n")
    case .json:
      let document = JSONAlignment(
        schemaVersion: AlignmentFormat.schemaVersion,
        expectedRatio: AlignmentFormat.rounded(alignment.expectedRatio),
        lengthVariance: AlignmentFormat.rounded(alignment.lengthVariance),
        source: .init(
          path: alignment.source.file.path, language: alignment.source.targetLanguage?.value),
        target: .init(
          path: alignment.target.file.path, language: alignment.target.targetLanguage?.value),
        beads: alignment.beads.map(JSONBead.init))
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    }
  }

  // MARK: - Private

  private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

  /// The sentence as the reader saw it, with inline code put back from the file.
  static func displayText(_ span: TextSpan) -> String {
    var units: [UInt16] = []
    for (k, u) in span.text.enumerated() {
      if u == 0xFFFC {
        units += Array(span.file.text(in: span.map.sourceRange(k..<(k + 1))).utf16)
      } else {
        units.append(u)
      }
    }
    return String(utf16Units: units)
  }

  private static func tsvField(_ sentences: [PairAlignment.Sentence]) -> String {
    sentences.map { displayText($0.span) }.joined(separator: " ")
      .replacingOccurrences(of: "\r\n", with: " ")
      .map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
  }

  private struct JSONAlignment: Encodable {
    struct Side: Encodable {
      let path: String
      let language: String?
    }
    let schemaVersion: Int
    let expectedRatio: Double
    let lengthVariance: Double
    let source: Side
    let target: Side
    let beads: [JSONBead]
  }

  private struct JSONSentence: Encodable {
    let text: String, line: Int, column: Int, endLine: Int, endColumn: Int

    init(_ sentence: PairAlignment.Sentence) {
      let span = sentence.span
      let location = Location(
        file: span.file, utf16Range: span.map.sourceRange(0..<span.text.count))
      text = AlignmentFormat.displayText(span)
      line = location.line
      column = location.column
      endLine = location.endLine
      endColumn = location.endColumn
    }
  }

  private struct JSONBead: Encodable {
    let paragraph: Int
    let bead: String
    let confidence: Double
    let lengthRatio: Double?
    let lengthScore: Double
    let source: [JSONSentence]
    let target: [JSONSentence]

    init(_ b: PairAlignment.Bead) {
      paragraph = b.paragraph
      bead = b.shape
      confidence = AlignmentFormat.rounded(b.confidence)
      lengthRatio = b.lengthRatio.map(AlignmentFormat.rounded)
      lengthScore = AlignmentFormat.rounded(b.lengthScore)
      source = b.source.map(JSONSentence.init)
      target = b.target.map(JSONSentence.init)
    }
  }
}
