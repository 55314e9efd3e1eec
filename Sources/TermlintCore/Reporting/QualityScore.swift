import Foundation
import TermlintGlossary
import TermlintText

/// An MQM-style quality score: penalty points of the findings normalised by the words checked.
///
/// Each finding weighs by its MQM severity — minor 1, major 5, critical 25 points; neutral 0 —
/// and Termlint's severities map onto MQM's as `mqmSeverity` says: `error` → major,
/// `warning` → minor, `info` → neutral. No built-in severity is critical: Termlint cannot tell
/// by itself that a text is unfit for publication. The figures follow the MQM scoring model:
///
/// - penalty points = Σ weights (the absolute penalty total);
/// - per 1,000 words = points × 1000 ÷ words (the normed penalty total);
/// - score = 100 × (1 − points ÷ words); 100 is a clean text, and very short texts with many
///   findings can fall below 0.
public struct QualityScore: Sendable, Equatable {
  /// MQM's severity levels with their default penalty weights.
  public enum MQMSeverity: String, Sendable, CaseIterable {
    case neutral, minor, major, critical

    /// Penalty points per issue: 0, 1, 5, 25.
    public var weight: Int {
      switch self {
      case .neutral: return 0
      case .minor: return 1
      case .major: return 5
      case .critical: return 25
      }
    }
  }

  /// The MQM severity a Termlint severity counts as.
  public static func mqmSeverity(_ severity: Severity) -> MQMSeverity {
    switch severity {
    case .error: return .major
    case .warning: return .minor
    case .info: return .neutral
    }
  }

  /// The absolute penalty total.
  public let penaltyPoints: Int
  /// Words checked (the evaluation word count).
  public let words: Int

  /// Scores findings over a word count.
  public init(findings: some Sequence<Finding>, words: Int) {
    penaltyPoints = findings.reduce(0) { $0 + Self.mqmSeverity($1.severity).weight }
    self.words = words
  }

  /// Penalty points per 1,000 words; nil when no words were checked.
  public var perThousandWords: Double? {
    words > 0 ? Double(penaltyPoints) * 1000 / Double(words) : nil
  }

  /// The score, 100 × (1 − points ÷ words); nil when no words were checked.
  public var score: Double? {
    words > 0 ? 100 * (1 - Double(penaltyPoints) / Double(words)) : nil
  }

  /// The score rounded to two decimals, as the JSON formats write it.
  public var roundedScore: Double? { score.map { ($0 * 100).rounded() / 100 } }

  /// A number with one decimal and a `.` separator, whatever the locale (`98.8`).
  public static func format(_ value: Double) -> String {
    String(format: "%.1f", locale: nil, value)
  }
}

/// Counts the words of checked text, for quality scores.
public enum WordCount {
  /// Word and number tokens (ICU word boundaries, root locale) of every unit's target text, per
  /// path of the document's file. Punctuation, symbols and emoji are not words; a hyphenated
  /// compound without spaces is one word.
  public static func perFile(_ documents: [Document]) -> [String: Int] {
    let tokenizer = try? Tokenizer()
    var counts: [String: Int] = [:]
    for document in documents {
      var n = 0
      for unit in document.units {
        guard let target = unit.target else { continue }
        n += count(target.text, tokenizer: tokenizer)
      }
      counts[document.file.path, default: 0] += n
    }
    return counts
  }

  /// Word and number tokens in UTF-16 text.
  public static func count(_ text: [UInt16]) -> Int { count(text, tokenizer: try? Tokenizer()) }

  private static func count(_ text: [UInt16], tokenizer: Tokenizer?) -> Int {
    if let tokenizer {
      // A hyphenated compound written without spaces (de-escalate, 2022-23) is one word, as
      // translation tools count it.
      let tokens = tokenizer.tokens(in: text)
      var n = 0
      for (i, t) in tokens.enumerated() where t.kind != .punctuation {
        let joined =
          i >= 2 && !t.spaceBefore && !tokens[i - 1].spaceBefore
          && tokens[i - 2].kind != .punctuation
          && [0x2D, 0x2010, 0x2011].contains(text[tokens[i - 1].range.lowerBound])
        if !joined { n += 1 }
      }
      return n
    }
    // NOTE: only if ICU cannot open a word break iterator: runs of letters and digits.
    var n = 0
    var inWord = false
    for scalar in String(utf16Units: text).unicodeScalars {
      let p = scalar.properties
      let wordy = p.isAlphabetic || p.numericType != nil
      if wordy && !inWord { n += 1 }
      inWord = wordy
    }
    return n
  }
}
