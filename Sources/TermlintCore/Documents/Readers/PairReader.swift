import Foundation
import TermlintGlossary
import TermlintText

/// Reads an unaligned pair (a source article and its translation in two plain-text or Markdown
/// files) into one `Document` whose units are the beads of their sentence alignment.
///
/// Each unit's `source` is the bead's source sentences (over the source file) and its `target`
/// the bead's target sentences (over the target file); the empty side of a 1-0 or 0-1 bead is
/// nil. Unit ids are `b1`, `b2` … in order. Metadata (see Documentation/Alignment.md):
///
/// | key | value |
/// | --- | --- |
/// | `paragraph` | 0-based index of the aligned paragraph group, shared by both sides |
/// | `bead` | the shape: `1-1`, `2-1`, `1-2`, `2-2`, `1-0`, `0-1` |
/// | `confidence` | probability that the sentences belong together, `0.000`…`1.000` |
/// | `lengthRatio` | target/source length over the pair's expected ratio (1 typical); absent for 1-0 and 0-1 |
/// | `lengthScore` | the length model's deviation in standard deviations (negative: target short) |
/// | `sourceParagraph`, `targetParagraph` | 0-based paragraph of each side's first sentence, when present |
/// | `kind` | `heading` or `paragraph` (the target's block, else the source's) |
/// | `line` | 1-based line of the target's first sentence (else the source's) |
public enum PairReader {
  /// Reads and aligns two decoded files; `.md` files are read as Markdown.
  ///
  /// - Throws: `ICUError` only when ICU itself cannot open its services.
  public static func read(
    source: SourceFile, target: SourceFile, sourceLanguage: LanguageTag?,
    targetLanguage: LanguageTag?,
    glossary: CompiledGlossary? = nil
  ) throws -> Document {
    document(
      from: try align(
        source: source, target: target, sourceLanguage: sourceLanguage,
        targetLanguage: targetLanguage, glossary: glossary))
  }

  /// Reads two decoded files and aligns their sentences.
  public static func align(
    source: SourceFile, target: SourceFile, sourceLanguage: LanguageTag?,
    targetLanguage: LanguageTag?,
    glossary: CompiledGlossary? = nil
  ) throws -> PairAlignment {
    let sourceDocument = DocumentReader.read(source, language: sourceLanguage)
    let targetDocument = DocumentReader.read(target, language: targetLanguage)
    let aligner = try PairAligner(
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, glossary: glossary)
    return aligner.align(source: sourceDocument, target: targetDocument)
  }

  /// The document of an alignment: one unit per bead.
  public static func document(from alignment: PairAlignment) -> Document {
    let units = alignment.beads.enumerated().map { index, bead -> Unit in
      var metadata: [String: String] = [
        "paragraph": String(bead.paragraph),
        "bead": bead.shape,
        "confidence": format(bead.confidence),
        "lengthScore": format(bead.lengthScore, digits: 2),
        "kind": (bead.target.first ?? bead.source.first)?.kind ?? "paragraph",
      ]
      if let ratio = bead.lengthRatio { metadata["lengthRatio"] = format(ratio) }
      if let first = bead.source.first { metadata["sourceParagraph"] = String(first.paragraph) }
      if let first = bead.target.first { metadata["targetParagraph"] = String(first.paragraph) }
      if let first = bead.target.first ?? bead.source.first {
        metadata["line"] = String(
          first.span.file.position(utf16Offset: first.span.map.sourceOffset(startingAt: 0)).line)
      }
      return Unit(
        id: "b\(index + 1)", source: bead.sourceSpan, target: bead.targetSpan, metadata: metadata)
    }
    return Document(
      file: alignment.target.file, format: "pair", units: units,
      sourceLanguage: alignment.source.targetLanguage,
      targetLanguage: alignment.target.targetLanguage)
  }

  /// A number with a fixed count of decimals (`0.982`), never in exponent notation.
  static func format(_ value: Double, digits: Int = 3) -> String {
    String(format: "%.\(digits)f", value.isFinite ? value : 0)
  }
}
