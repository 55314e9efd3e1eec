import Foundation
import TermlintGlossary
import TermlintText

/// Aligned source and target text for `glossary extract`, from a TMX file or an article pair.
///
/// NOTE: a minimal reader for extraction only; the TMX document reader for `lint` is a separate
/// piece of work, and this one can be replaced by it once it exists.
public struct BilingualSegments: Sendable {
  /// The aligned pairs.
  public var pairs: [(source: String, target: String)]
  /// The source language.
  public var sourceLanguage: LanguageTag
  /// The target language.
  public var targetLanguage: LanguageTag

  /// Reads the translation units of a TMX file: the `seg` text of one `tuv` in each language
  /// (inline codes `bpt`, `ept`, `ph`, `it`, `ut` are left out, `hi` and `sub` text is kept).
  ///
  /// - Parameters:
  ///   - source: the source language; default: the header's `srclang`, else the first `tuv`'s.
  ///   - target: the target language; default: the first other language found.
  /// - Throws: `TermlintError.input` for XML that is not well-formed, entity declarations, or a
  ///   file without two languages.
  public static func tmx(
    bytes: [UInt8], path: String, source: LanguageTag? = nil, target: LanguageTag? = nil
  ) throws -> BilingualSegments {
    let file = try XMLDecoding.decode(bytes: bytes, path: path)
    var scanner = XMLScanner(file: file, entityPolicy: .declaredUnused)
    var handler = TMXHandler()
    while let event = try scanner.next() {
      switch event {
      case .start(let tag): handler.start(tag)
      case .end(let name, _): handler.end(name)
      case .text(let text):
        handler.characters(
          text.replacement.map { String(utf16Units: $0) }
            ?? String(utf16Units: file.utf16[text.range]))
      }
    }
    guard let sourceTag = source ?? handler.headerSource ?? handler.units.first?.first?.language
    else {
      throw TermlintError.input(path, "no translation units with a language (xml:lang) found")
    }
    var targetTag = target
    if targetTag == nil {
      targetTag =
        handler.units.lazy.flatMap { $0 }.first { !$0.language.matches(sourceTag) }?.language
    }
    guard let targetTag else {
      throw TermlintError.input(path, "the TMX has no language other than '\(sourceTag)'")
    }
    var pairs: [(source: String, target: String)] = []
    for unit in handler.units {
      guard let s = unit.first(where: { $0.language.matches(sourceTag) }),
        let t = unit.first(where: { $0.language.matches(targetTag) }),
        !s.text.isEmpty, !t.text.isEmpty
      else { continue }
      pairs.append((s.text, t.text))
    }
    return BilingualSegments(pairs: pairs, sourceLanguage: sourceTag, targetLanguage: targetTag)
  }

  /// Pairs the paragraphs of an article and its translation (plain text or Markdown).
  ///
  /// Paragraph counts usually match; where they do not, paragraphs are aligned by length
  /// (Gale–Church: one-to-one, one-to-two, two-to-one, or left out), so a merged or split
  /// paragraph does not shift every later pair.
  public static func articles(
    source: SourceFile, target: SourceFile, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
  ) -> BilingualSegments {
    let s = DocumentReader.read(source, language: sourceLanguage).units.compactMap {
      $0.target?.string
    }
    let t = DocumentReader.read(target, language: targetLanguage).units.compactMap {
      $0.target?.string
    }
    let pairs = s.count == t.count ? Array(zip(s, t)).map { ($0, $1) } : align(s, t)
    return BilingualSegments(
      pairs: pairs, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
  }

  /// Length-based alignment (Gale and Church 1993) of two lists of paragraphs.
  static func align(_ a: [String], _ b: [String]) -> [(source: String, target: String)] {
    let la = a.map { Double($0.count) }
    let lb = b.map { Double($0.count) }
    let ratio = max(0.1, lb.reduce(0, +)) / max(0.1, la.reduce(0, +))
    func cost(_ x: Double, _ y: Double, prior: Double) -> Double {
      let mean = (x + y / ratio) / 2
      let delta = (y - x * ratio) / sqrt(max(1, mean) * 6.8)
      return delta * delta / 2 - log(prior)
    }
    let n = a.count
    let m = b.count
    var best = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
    var step = [[(Int, Int)]](
      repeating: [(Int, Int)](repeating: (0, 0), count: m + 1), count: n + 1)
    best[0][0] = 0
    let moves: [(Int, Int, Double)] = [
      (1, 1, 0.89), (1, 0, 0.005), (0, 1, 0.005), (2, 1, 0.045), (1, 2, 0.045),
    ]
    for i in 0...n {
      for j in 0...m where best[i][j].isFinite {
        for (di, dj, prior) in moves where i + di <= n && j + dj <= m {
          let x = (i..<(i + di)).reduce(0) { $0 + la[$1] }
          let y = (j..<(j + dj)).reduce(0) { $0 + lb[$1] }
          let c = best[i][j] + (di == 0 || dj == 0 ? -log(prior) + 5 : cost(x, y, prior: prior))
          if c < best[i + di][j + dj] {
            best[i + di][j + dj] = c
            step[i + di][j + dj] = (di, dj)
          }
        }
      }
    }
    var pairs: [(source: String, target: String)] = []
    var i = n
    var j = m
    while i > 0 || j > 0 {
      let (di, dj) = step[i][j]
      if di > 0 && dj > 0 {
        pairs.append(
          (a[(i - di)..<i].joined(separator: " "), b[(j - dj)..<j].joined(separator: " ")))
      }
      i -= di
      j -= dj
      if di == 0 && dj == 0 { break }
    }
    return pairs.reversed()
  }
}

// MARK: - Private

/// Collects the text of every `tuv/seg` per `tu` from `XMLScanner`'s events.
private struct TMXHandler {
  struct Variant {
    var language: LanguageTag
    var text: String
  }

  var headerSource: LanguageTag?
  var units: [[Variant]] = []
  private var unit: [Variant]?
  private var language: LanguageTag?
  private var segment: String?
  private var skipDepth = 0

  private static let codes: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

  mutating func start(_ tag: XMLStartTag) {
    let name = tag.name
    if skipDepth > 0 {
      skipDepth += 1
      return
    }
    switch name {
    case "header":
      if let raw = tag.value("srclang"), raw != "*all*" { headerSource = LanguageTag(raw) }
    case "tu":
      unit = []
    case "tuv":
      language = (tag.value("xml:lang") ?? tag.value("lang")).flatMap(LanguageTag.init)
    case "seg":
      if unit != nil { segment = "" }
    case _ where TMXHandler.codes.contains(name) && segment != nil:
      skipDepth = 1
    default:
      break
    }
  }

  mutating func end(_ name: String) {
    if skipDepth > 0 {
      skipDepth -= 1
      return
    }
    switch name {
    case "seg":
      if let text = segment, let language {
        unit?.append(Variant(language: language, text: GlossarySupport.collapseWhitespace(text)))
      }
      segment = nil
    case "tuv":
      language = nil
    case "tu":
      if let unit, !unit.isEmpty { units.append(unit) }
      unit = nil
    default:
      break
    }
  }

  mutating func characters(_ string: String) {
    if skipDepth == 0, segment != nil { segment? += string }
  }
}
