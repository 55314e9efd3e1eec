import Foundation
import TermlintGlossary
import TermlintText

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
    /// The whole paragraph the sentence was cut from.
    var paragraphSpan: TextSpan
    /// The sentence's UTF-16 range in `paragraphSpan.text`.
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
  /// Expected target characters per source character the aligner used (the language pair's
  /// typical ratio or the whole texts' ratio, refined on confident beads).
  public var expectedRatio: Double
  /// The length variance per character the aligner used (measured on the pair when it could).
  public var lengthVariance: Double

  /// Sentences of one paragraph are one contiguous slice; across paragraphs they are joined.
  static func span(_ sentences: [Sentence]) -> TextSpan {
    var pieces: [TextSpan] = []
    var k = 0
    while k < sentences.count {
      var e = k + 1
      while e < sentences.count && sentences[e].paragraph == sentences[k].paragraph { e += 1 }
      pieces.append(
        sentences[k..<e].count == 1 ? sentences[k].span : contiguous(Array(sentences[k..<e])))
      k = e
    }
    return TextSpan.joined(pieces)
  }

  /// One span from the first sentence's start to the last one's end (same paragraph).
  private static func contiguous(_ sentences: [Sentence]) -> TextSpan {
    sentences[0].paragraphSpan.slice(
      sentences[0].range.lowerBound..<sentences[sentences.count - 1].range.upperBound)
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

  /// Base weights (nats) of anchors by kind: numbers, names, cognates, glossary concepts.
  public static let anchorWeights: [AnchorExtractor.Kind: Double] = [
    .number: 2.0, .name: 1.5, .cognate: 0.75, .concept: 2.0,
  ]
  /// Typical target characters per source character (white space not counted) by language
  /// pair: English is about 16% shorter than Russian (0.84, the mean over the 30 prose documents
  /// of TICO-19, which range from 0.76 to 0.93).
  public static let typicalRatios: [String: Double] = ["ru-en": 0.84, "en-ru": 1 / 0.84]

  /// The typical ratio for a language pair, if known.
  public static func typicalRatio(_ source: LanguageTag?, _ target: LanguageTag?) -> Double? {
    guard let source, let target else { return nil }
    return typicalRatios["\(source.language)-\(target.language)"]
  }

  /// How much cheaper (nats) two 1-1 beads must be than the 2-1 bead to restore a weak break.
  static let splitMargin = 0.5
  /// The share of a number's weight that a bead pays when the number is on one side only.
  public static let numberMissShare = 0.75
  /// The share of a glossary concept's weight that a bead pays when the concept is on one side
  /// only. Smaller than a number's (a translator may render a term another way or move it to
  /// the next sentence), but enough that a sentence holding a term the translation lacks is
  /// left as a 1-0 bead (an omission) rather than glued to its neighbour as a 2-1 whose
  /// translation only looks a little short.
  public static let conceptMissShare = 0.5

  /// Creates an aligner for a language pair; a glossary adds concept anchors.
  ///
  /// - Throws: `ICUError` when ICU cannot open a break iterator or a transliterator.
  public init(
    sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, glossary: CompiledGlossary? = nil
  ) throws {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    anchors = try AnchorExtractor(
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, glossary: glossary)
  }

  /// Aligns two documents read from plain text or Markdown (one unit per paragraph).
  public func align(source: Document, target: Document) -> PairAlignment {
    let sourceParagraphs = paragraphs(of: source, segmenter: sourceSegmenter, isSource: true)
    let targetParagraphs = paragraphs(of: target, segmenter: targetSegmenter, isSource: false)
    let sourceTotal = sourceParagraphs.reduce(0) { $0 + $1.length }
    let targetTotal = targetParagraphs.reduce(0) { $0 + $1.length }
    // A known language pair starts from its typical ratio: the ratio of two whole texts is
    // biased by whatever the translation left out or added.
    let measuredRatio =
      sourceTotal > 0 && targetTotal > 0
      ? min(4, max(0.25, Double(targetTotal) / Double(sourceTotal))) : 1
    let ratio = PairAligner.typicalRatio(sourceLanguage, targetLanguage) ?? measuredRatio
    let vocabulary = AnchorVocabulary(source: sourceParagraphs, target: targetParagraphs)

    // Two passes: the second uses the length ratio and variance measured on the first pass's
    // confident 1-1 beads. The ratio of whole texts is biased by what a translation leaves out;
    // a close translation deserves a stricter judgement of length differences.
    var model = LengthModel(
      ratio: ratio, variance: SentenceAligner.Parameters.sentences(ratio: ratio).variance)
    var beads = alignAll(sourceParagraphs, targetParagraphs, model: model, vocabulary: vocabulary)
    let measured = PairAligner.measure(beads, prior: model)
    if abs(measured.variance - model.variance) > 0.25
      || abs(measured.ratio / model.ratio - 1) > 0.02
    {
      model = measured
      beads = alignAll(sourceParagraphs, targetParagraphs, model: model, vocabulary: vocabulary)
    }
    return PairAlignment(
      source: source, target: target, beads: beads, expectedRatio: model.ratio,
      lengthVariance: model.variance)
  }

  /// The length model's two numbers: target characters per source character, and the variance
  /// of the target length per character.
  struct LengthModel {
    var ratio: Double
    var variance: Double
  }

  private func alignAll(
    _ sourceParagraphs: [Paragraph], _ targetParagraphs: [Paragraph], model: LengthModel,
    vocabulary: AnchorVocabulary
  ) -> [PairAlignment.Bead] {
    let groups = paragraphGroups(
      sourceParagraphs, targetParagraphs, vocabulary: vocabulary, model: model)
    var parameters = SentenceAligner.Parameters.sentences(
      ratio: model.ratio, anchorWeights: vocabulary.weights)
    parameters.variance = model.variance
    parameters.anchorMissWeights = vocabulary.missWeights
    return alignSentences(
      groups, sourceParagraphs, targetParagraphs, parameters: parameters, vocabulary: vocabulary)
  }

  private func alignSentences(
    _ groups: [Group], _ sourceParagraphs: [Paragraph], _ targetParagraphs: [Paragraph],
    parameters: SentenceAligner.Parameters,
    vocabulary: AnchorVocabulary
  ) -> [PairAlignment.Bead] {
    let aligner = SentenceAligner(parameters: parameters)
    var beads: [PairAlignment.Bead] = []
    for (index, group) in groups.enumerated() {
      var sourceSentences = group.source.flatMap { sourceParagraphs[$0].sentences }
      var targetSentences = group.target.flatMap { targetParagraphs[$0].sentences }
      var found = aligner.align(
        source: sourceSentences.map(vocabulary.item), target: targetSentences.map(vocabulary.item))
      if restoreWeakBreaks(
        found, &sourceSentences, &targetSentences, aligner: aligner, vocabulary: vocabulary)
      {
        found = aligner.align(
          source: sourceSentences.map(vocabulary.item), target: targetSentences.map(vocabulary.item)
        )
      }
      for bead in found {
        let s = bead.source.reduce(0) { $0 + sourceSentences[$1].length }
        let t = bead.target.reduce(0) { $0 + targetSentences[$1].length }
        beads.append(
          PairAlignment.Bead(
            paragraph: index, source: sourceSentences[bead.source].map(\.sentence),
            target: targetSentences[bead.target].map(\.sentence),
            confidence: bead.confidence * group.confidence,
            lengthRatio: s > 0 && t > 0 ? Double(t) / Double(s) / parameters.ratio : nil,
            lengthScore: bead.lengthScore))
      }
    }
    return beads
  }

  /// The ratio and variance measured on confident 1-1 beads (the variance robustly, from the
  /// median squared score), each shrunk towards the prior by the weight of ten beads; the
  /// variance is kept within 1.5…12 and the ratio within 0.25…4.
  static func measure(_ beads: [PairAlignment.Bead], prior: LengthModel) -> LengthModel {
    let confident = beads.filter {
      $0.source.count == 1 && $0.target.count == 1 && $0.confidence >= 0.9
    }
    guard confident.count >= 3 else { return prior }
    let n = Double(confident.count)
    let weight = 10.0
    let sourceLength = confident.reduce(0.0) { $0 + Double(length($1.source[0].span.text)) }
    let targetLength = confident.reduce(0.0) { $0 + Double(length($1.target[0].span.text)) }
    let ratio =
      sourceLength > 0
      ? (n * targetLength / sourceLength + weight * prior.ratio) / (n + weight) : prior.ratio
    // NOTE: the median of a squared standard normal variable is 0.455.
    let squares = confident.map { $0.lengthScore * $0.lengthScore * prior.variance }.sorted()
    let variance = (n * squares[squares.count / 2] / 0.455 + weight * prior.variance) / (n + weight)
    return LengthModel(ratio: min(4, max(0.25, ratio)), variance: min(12, max(1.5, variance)))
  }

  // MARK: - Sentences and anchors

  /// A sentence being aligned, with what the aligner needs.
  private struct Segment {
    var sentence: PairAlignment.Sentence
    var length: Int
    var anchors: [AnchorExtractor.Anchor]
    var weakBreaks: [Int]
  }

  private struct Paragraph {
    var kind: String
    var sentences: [Segment]
    var length: Int { sentences.reduce(0) { $0 + $1.length } }
  }

  /// Anchor ids and weights for one pair: an anchor found in many sentences weighs less.
  private struct AnchorVocabulary {
    var ids: [AnchorExtractor.Anchor: Int] = [:]
    var weights: [Double] = []
    /// What an anchor on one side only of a bead costs: numbers (a number is written out) and,
    /// less, glossary concepts (a term of the glossary is expected in the translation of its
    /// sentence); not names and cognates, which are matched too loosely for their absence to
    /// say anything.
    var missWeights: [Double] = []

    init(source: [Paragraph], target: [Paragraph]) {
      var sourceCount: [Int] = []
      var targetCount: [Int] = []
      for (paragraphs, isSource) in [(source, true), (target, false)] {
        for segment in paragraphs.flatMap(\.sentences) {
          for anchor in Set(segment.anchors) {
            let id: Int
            if let known = ids[anchor] {
              id = known
            } else {
              id = ids.count
              ids[anchor] = id
              sourceCount.append(0)
              targetCount.append(0)
              weights.append(PairAligner.anchorWeights[anchor.kind] ?? 1)
            }
            if isSource { sourceCount[id] += 1 } else { targetCount[id] += 1 }
          }
        }
      }
      for id in weights.indices {
        weights[id] /= 1 + log(Double(max(1, sourceCount[id], targetCount[id])))
      }
      missWeights = [Double](repeating: 0, count: weights.count)
      for (anchor, id) in ids {
        switch anchor.kind {
        case .number: missWeights[id] = weights[id] * PairAligner.numberMissShare
        case .concept: missWeights[id] = weights[id] * PairAligner.conceptMissShare
        default: break
        }
      }
    }

    func item(_ segment: Segment) -> SentenceAligner.Item {
      SentenceAligner.Item(
        length: segment.length, anchors: segment.anchors.compactMap { ids[$0] },
        kind: segment.sentence.kind == "heading" ? 1 : 0)
    }
  }

  private func paragraphs(of document: Document, segmenter: SentenceSegmenter, isSource: Bool)
    -> [Paragraph]
  {
    var result: [Paragraph] = []
    for unit in document.units {
      guard let span = unit.target ?? unit.source else { continue }
      let kind = unit.metadata["kind"] ?? "paragraph"
      let index = result.count
      let sentences = segmenter.segment(span.text).map { found in
        segment(
          span, found.range, paragraph: index, kind: kind, weakBreaks: found.weakBreaks,
          isSource: isSource)
      }
      result.append(Paragraph(kind: kind, sentences: sentences))
    }
    return result
  }

  private func segment(
    _ paragraph: TextSpan, _ range: Range<Int>, paragraph index: Int, kind: String,
    weakBreaks: [Int], isSource: Bool
  ) -> Segment {
    let span = paragraph.slice(range)
    return Segment(
      sentence: PairAlignment.Sentence(
        span: span, paragraph: index, kind: kind, paragraphSpan: paragraph, range: range),
      length: PairAligner.length(span.text), anchors: anchors.anchors(in: span, isSource: isSource),
      weakBreaks: weakBreaks)
  }

  /// Splits a sentence at one of its weak breaks (a possible abbreviation or initial before a
  /// capitalised word) when the other side has a sentence break there: a 2-1 or 1-2 bead whose
  /// single sentence, cut at the break, makes two 1-1 beads that cost less than the bead.
  /// Returns whether any sentence was split.
  private func restoreWeakBreaks(
    _ beads: [SentenceAligner.Bead], _ source: inout [Segment], _ target: inout [Segment],
    aligner: SentenceAligner,
    vocabulary: AnchorVocabulary
  ) -> Bool {
    var splits: [(isSource: Bool, index: Int, pieces: [Segment])] = []
    for bead in beads where bead.shape == .init(2, 1) || bead.shape == .init(1, 2) {
      let splitSource = bead.source.count == 1
      let single = splitSource ? source[bead.source.lowerBound] : target[bead.target.lowerBound]
      guard !single.weakBreaks.isEmpty else { continue }
      let pair = splitSource ? Array(target[bead.target]) : Array(source[bead.source])
      let item = vocabulary.item
      let original =
        splitSource
        ? aligner.beadCost(source: [item(single)], target: pair.map(item))
        : aligner.beadCost(source: pair.map(item), target: [item(single)])
      var best: (cost: Double, pieces: [Segment])? = nil
      for point in single.weakBreaks {
        let pieces = split(single, at: point, isSource: splitSource)
        guard pieces.count == 2 else { continue }
        var cost = 0.0
        for k in 0..<2 {
          cost +=
            splitSource
            ? aligner.beadCost(source: [item(pieces[k])], target: [item(pair[k])])
            : aligner.beadCost(source: [item(pair[k])], target: [item(pieces[k])])
        }
        if cost + PairAligner.splitMargin < original && cost < (best?.cost ?? .infinity) {
          best = (cost, pieces)
        }
      }
      if let best {
        splits.append(
          (splitSource, splitSource ? bead.source.lowerBound : bead.target.lowerBound, best.pieces))
      }
    }
    for split in splits.reversed() {
      if split.isSource {
        source.replaceSubrange(split.index..<(split.index + 1), with: split.pieces)
      } else {
        target.replaceSubrange(split.index..<(split.index + 1), with: split.pieces)
      }
    }
    return !splits.isEmpty
  }

  /// The two sentences a sentence makes when cut at a weak break (an offset in its paragraph).
  private func split(_ segment: Segment, at point: Int, isSource: Bool) -> [Segment] {
    let sentence = segment.sentence
    let text = sentence.paragraphSpan.text
    var end = point
    while end > sentence.range.lowerBound && Chars.isSpace(text[end - 1]) { end -= 1 }
    guard end > sentence.range.lowerBound, point < sentence.range.upperBound else { return [] }
    let first = sentence.range.lowerBound..<end
    let second = point..<sentence.range.upperBound
    return [
      self.segment(
        sentence.paragraphSpan, first, paragraph: sentence.paragraph, kind: sentence.kind,
        weakBreaks: segment.weakBreaks.filter { $0 < point }, isSource: isSource),
      self.segment(
        sentence.paragraphSpan, second, paragraph: sentence.paragraph, kind: sentence.kind,
        weakBreaks: segment.weakBreaks.filter { $0 > point }, isSource: isSource),
    ]
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
    _ source: [Paragraph], _ target: [Paragraph], vocabulary: AnchorVocabulary, model: LengthModel
  ) -> [Group] {
    let n = source.count
    let m = target.count
    if n == m {
      return (0..<n).map { Group(source: [$0], target: [$0], confidence: 1) }
    }
    if n == 0 || m == 0 {
      return n == 0
        ? (0..<m).map { Group(source: [], target: [$0], confidence: 1) }
        : (0..<n).map { Group(source: [$0], target: [], confidence: 1) }
    }
    if min(n, m) <= 1 || Double(min(n, m)) / Double(max(n, m)) < 0.5 {
      return [Group(source: Array(0..<n), target: Array(0..<m), confidence: 1)]
    }
    func item(_ paragraph: Paragraph) -> SentenceAligner.Item {
      SentenceAligner.Item(
        length: paragraph.length,
        anchors: paragraph.sentences.flatMap { vocabulary.item($0).anchors },
        kind: paragraph.kind == "heading" ? 1 : 0)
    }
    var parameters = SentenceAligner.Parameters.paragraphs(
      ratio: model.ratio, anchorWeights: vocabulary.weights)
    parameters.variance = model.variance
    parameters.anchorMissWeights = vocabulary.missWeights
    let aligner = SentenceAligner(parameters: parameters)
    return aligner.align(source: source.map(item), target: target.map(item)).map {
      Group(source: Array($0.source), target: Array($0.target), confidence: $0.confidence)
    }
  }

  /// Length in characters: code points other than white space, combining marks and format
  /// characters, so NFC and NFD text measure the same.
  static func length(_ text: [UInt16]) -> Int {
    var count = 0
    for scalar in String(utf16Units: text).unicodeScalars {
      if scalar.value <= 0xFFFF && Chars.isSpace(UInt16(scalar.value)) { continue }
      let category = UnicodeProperties.generalCategory(scalar)
      if category == 6 || category == 7 || category == 8 || category == 16 { continue }
      count += 1
    }
    return count
  }
}
