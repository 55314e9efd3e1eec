import Foundation

/// The sentence alignment of an article and its translation kept as two separate files.
public struct PairAlignment: Sendable {
  /// A sentence of one side.
  public struct Sentence: Sendable {
    /// The sentence text, mapped to its file.
    public var span: TextSpan
    /// 0-based index of the paragraph (unit) of its document it belongs to.
    public var paragraph: Int
    /// The paragraph's kind (`paragraph`, `heading`).
    public var kind: String
    /// The whole paragraph and the sentence's UTF-16 range in its text.
    var paragraphSpan: TextSpan
    var range: Range<Int>
  }

  /// One bead: the source sentences and the target sentences that translate each other.
  public struct Bead: Sendable {
    /// 0-based index of the aligned paragraph group, shared by both sides.
    public var paragraph: Int
    /// The source sentences (empty for a 0-1 bead).
    public var source: [Sentence]
    /// The target sentences (empty for a 1-0 bead).
    public var target: [Sentence]
    /// The probability that these sentences belong together, 0…1.
    public var confidence: Double
    /// Target length over source length, divided by the document's expected ratio (1 is
    /// typical, 0.5 half as long as expected); nil when a side is empty.
    public var lengthRatio: Double?
    /// The length model's score in standard deviations (negative: the target is shorter than
    /// expected); 0 when a side is empty.
    public var lengthScore: Double

    /// `"1-1"`, `"2-1"`, `"1-0"` …
    public var shape: String { "\(source.count)-\(target.count)" }
    /// The source sentences as one span (nil for a 0-1 bead).
    public var sourceSpan: TextSpan? { source.isEmpty ? nil : PairAlignment.span(source) }
    /// The target sentences as one span (nil for a 1-0 bead).
    public var targetSpan: TextSpan? { target.isEmpty ? nil : PairAlignment.span(target) }
  }

  /// The source document (one unit per paragraph).
  public var source: Document
  /// The target document (one unit per paragraph).
  public var target: Document
  /// The beads in order.
  public var beads: [Bead]
  /// Expected target characters per source character, measured on the whole pair.
  public var expectedRatio: Double

  /// Sentences of one paragraph are one contiguous slice; across paragraphs they are joined.
  static func span(_ sentences: [Sentence]) -> TextSpan {
    var pieces: [TextSpan] = []
    var k = 0
    while k < sentences.count {
      var e = k + 1
      while e < sentences.count && sentences[e].paragraph == sentences[k].paragraph { e += 1 }
      pieces.append(sentences[k..<e].count == 1 ? sentences[k].span : contiguous(Array(sentences[k..<e])))
      k = e
    }
    return TextSpan.joined(pieces)
  }

  /// One span from the first sentence's start to the last one's end (same paragraph).
  private static func contiguous(_ sentences: [Sentence]) -> TextSpan {
    sentences[0].paragraphSpan.slice(sentences[0].range.lowerBound..<sentences[sentences.count - 1].range.upperBound)
  }
}

/// Aligns an article with its translation: segments both into sentences, aligns paragraphs
/// (when their counts differ), then sentences within each aligned paragraph group.
///
/// Not thread-safe (it owns break iterators and a transliterator); make one per task.
public final class PairAligner: @unchecked Sendable {
  /// The source language.
  public let sourceLanguage: LanguageTag?
  /// The target language.
  public let targetLanguage: LanguageTag?
  private let sourceSegmenter: SentenceSegmenter
  private let targetSegmenter: SentenceSegmenter
  private let anchors: AnchorExtractor

  /// Base weights (nats) of anchors by kind: numbers, names, glossary concepts.
  public static let anchorWeights: [AnchorExtractor.Kind: Double] = [.number: 2.0, .name: 1.5, .concept: 2.0]

  /// Creates an aligner for a language pair; a glossary adds concept anchors.
  ///
  /// - Throws: `ICUError` when ICU cannot open a break iterator or a transliterator.
  public init(sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, glossary: CompiledGlossary? = nil) throws {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    anchors = try AnchorExtractor(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, glossary: glossary)
  }

  /// Aligns two documents read from plain text or Markdown (one unit per paragraph).
  public func align(source: Document, target: Document) -> PairAlignment {
    let sourceParagraphs = paragraphs(of: source, segmenter: sourceSegmenter, isSource: true)
    let targetParagraphs = paragraphs(of: target, segmenter: targetSegmenter, isSource: false)
    let sourceTotal = sourceParagraphs.reduce(0) { $0 + $1.length }
    let targetTotal = targetParagraphs.reduce(0) { $0 + $1.length }
    let ratio = sourceTotal > 0 && targetTotal > 0 ? min(4, max(0.25, Double(targetTotal) / Double(sourceTotal))) : 1

    // Anchor ids and weights: rarer anchors weigh more.
    var ids: [AnchorExtractor.Anchor: Int] = [:]
    var sourceFrequency: [Int] = [], targetFrequency: [Int] = []
    func intern(_ list: [AnchorExtractor.Anchor], isSource: Bool) -> [Int] {
      var result: [Int] = []
      for anchor in list {
        let id: Int
        if let known = ids[anchor] { id = known } else {
          id = ids.count
          ids[anchor] = id
          sourceFrequency.append(0)
          targetFrequency.append(0)
        }
        result.append(id)
      }
      for id in Set(result) {
        if isSource { sourceFrequency[id] += 1 } else { targetFrequency[id] += 1 }
      }
      return result
    }
    let sourceIDs = sourceParagraphs.map { $0.sentences.map { intern($0.anchors, isSource: true) } }
    let targetIDs = targetParagraphs.map { $0.sentences.map { intern($0.anchors, isSource: false) } }
    var weights = [Double](repeating: 0, count: ids.count)
    for (anchor, id) in ids {
      let frequency = Double(max(1, sourceFrequency[id], targetFrequency[id]))
      weights[id] = (PairAligner.anchorWeights[anchor.kind] ?? 1) / (1 + log(frequency))
    }

    let groups = paragraphGroups(sourceParagraphs, targetParagraphs, sourceIDs: sourceIDs, targetIDs: targetIDs, ratio: ratio, weights: weights)
    let sentenceAligner = SentenceAligner(parameters: .sentences(ratio: ratio, anchorWeights: weights))
    var beads: [PairAlignment.Bead] = []
    for (index, group) in groups.enumerated() {
      var sourceItems: [SentenceAligner.Item] = [], targetItems: [SentenceAligner.Item] = []
      var sourceSentences: [PairAlignment.Sentence] = [], targetSentences: [PairAlignment.Sentence] = []
      for p in group.source {
        for (k, sentence) in sourceParagraphs[p].sentences.enumerated() {
          sourceItems.append(SentenceAligner.Item(length: sentence.length, anchors: sourceIDs[p][k], kind: sourceParagraphs[p].kind == "heading" ? 1 : 0))
          sourceSentences.append(PairAlignment.Sentence(span: sentence.span, paragraph: p, kind: sourceParagraphs[p].kind, paragraphSpan: sentence.paragraphSpan, range: sentence.range))
        }
      }
      for p in group.target {
        for (k, sentence) in targetParagraphs[p].sentences.enumerated() {
          targetItems.append(SentenceAligner.Item(length: sentence.length, anchors: targetIDs[p][k], kind: targetParagraphs[p].kind == "heading" ? 1 : 0))
          targetSentences.append(PairAlignment.Sentence(span: sentence.span, paragraph: p, kind: targetParagraphs[p].kind, paragraphSpan: sentence.paragraphSpan, range: sentence.range))
        }
      }
      for bead in sentenceAligner.align(source: sourceItems, target: targetItems) {
        let s = bead.source.reduce(0) { $0 + sourceItems[$1].length }
        let t = bead.target.reduce(0) { $0 + targetItems[$1].length }
        beads.append(
          PairAlignment.Bead(
            paragraph: index, source: Array(sourceSentences[bead.source]), target: Array(targetSentences[bead.target]),
            confidence: bead.confidence * group.confidence,
            lengthRatio: s > 0 && t > 0 ? Double(t) / Double(s) / ratio : nil, lengthScore: bead.lengthScore))
      }
    }
    return PairAlignment(source: source, target: target, beads: beads, expectedRatio: ratio)
  }

  // MARK: - Paragraphs

  private struct SegmentedSentence {
    var span: TextSpan
    var paragraphSpan: TextSpan
    var range: Range<Int>
    var length: Int
    var anchors: [AnchorExtractor.Anchor]
  }

  private struct Paragraph {
    var kind: String
    var sentences: [SegmentedSentence]
    var length: Int { sentences.reduce(0) { $0 + $1.length } }
  }

  private func paragraphs(of document: Document, segmenter: SentenceSegmenter, isSource: Bool) -> [Paragraph] {
    document.units.compactMap { unit in
      guard let span = unit.target ?? unit.source else { return nil }
      let sentences = segmenter.sentences(in: span.text).map { range -> SegmentedSentence in
        let sentence = span.slice(range)
        return SegmentedSentence(span: sentence, paragraphSpan: span, range: range, length: PairAligner.length(sentence.text), anchors: anchors.anchors(in: sentence, isSource: isSource))
      }
      return Paragraph(kind: unit.metadata["kind"] ?? "paragraph", sentences: sentences)
    }
  }

  private struct Group {
    var source: [Int]
    var target: [Int]
    var confidence: Double
  }

  /// Pairs paragraphs: one to one when both sides have as many, else by the same dynamic
  /// programming as sentences (1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3). When one side has at most one
  /// paragraph, or fewer than half as many as the other, paragraphs are not comparable (a text
  /// without blank lines) and every sentence is aligned in one group.
  private func paragraphGroups(
    _ source: [Paragraph], _ target: [Paragraph], sourceIDs: [[[Int]]], targetIDs: [[[Int]]], ratio: Double, weights: [Double]
  ) -> [Group] {
    let n = source.count, m = target.count
    if n == m {
      return (0..<n).map { Group(source: [$0], target: [$0], confidence: 1) }
    }
    if n == 0 || m == 0 {
      return n == 0 ? (0..<m).map { Group(source: [], target: [$0], confidence: 1) } : (0..<n).map { Group(source: [$0], target: [], confidence: 1) }
    }
    if min(n, m) <= 1 || Double(min(n, m)) / Double(max(n, m)) < 0.5 {
      return [Group(source: Array(0..<n), target: Array(0..<m), confidence: 1)]
    }
    let sourceItems = source.enumerated().map { p, paragraph in
      SentenceAligner.Item(length: paragraph.length, anchors: sourceIDs[p].flatMap { $0 }, kind: paragraph.kind == "heading" ? 1 : 0)
    }
    let targetItems = target.enumerated().map { p, paragraph in
      SentenceAligner.Item(length: paragraph.length, anchors: targetIDs[p].flatMap { $0 }, kind: paragraph.kind == "heading" ? 1 : 0)
    }
    let aligner = SentenceAligner(parameters: .paragraphs(ratio: ratio, anchorWeights: weights))
    return aligner.align(source: sourceItems, target: targetItems).map {
      Group(source: Array($0.source), target: Array($0.target), confidence: $0.confidence)
    }
  }

  /// Length in characters: code points other than white space, combining marks and format
  /// characters, so NFC and NFD text measure the same.
  static func length(_ text: [UInt16]) -> Int {
    var count = 0
    for scalar in String(decoding: text, as: UTF16.self).unicodeScalars {
      if scalar.value <= 0xFFFF && Chars.isSpace(UInt16(scalar.value)) { continue }
      let category = UnicodeProperties.generalCategory(scalar)
      if category == 6 || category == 7 || category == 8 || category == 16 { continue }
      count += 1
    }
    return count
  }
}
