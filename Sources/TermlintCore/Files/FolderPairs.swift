import Foundation
import TermlintGlossary
import TermlintText

/// How a source article and its translation are named side by side (`pairs:` in a pipeline):
/// a pattern of `/`-separated path components with the placeholders `{name}`, `{lang}` (a
/// language code) and `{ext}` (an extension without its dot). The default,
/// `{name}.{lang}.{ext}`, pairs `talks.ru.md` with `talks.en.md`; `{lang}/{name}.{ext}` pairs
/// `ru/talks.md` with `en/talks.md`.
public struct PairPattern: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  private let components: [[Piece]]

  private enum Piece: Sendable, Hashable {
    case literal(String)
    case name, lang, ext
  }

  /// `{name}.{lang}.{ext}`.
  public static let standard = try! PairPattern("{name}.{lang}.{ext}")

  /// Parses a pattern.
  ///
  /// - Throws: `TermlintError.usage` when `{lang}` is missing or appears twice, or a
  ///   placeholder is unknown.
  public init(_ pattern: String) throws {
    self.pattern = pattern
    var components: [[Piece]] = []
    var langs = 0
    for component in pattern.split(separator: "/", omittingEmptySubsequences: true) {
      var pieces: [Piece] = []
      var rest = Substring(component)
      while !rest.isEmpty {
        if rest.first == "{", let close = rest.firstIndex(of: "}") {
          let name = rest[rest.index(after: rest.startIndex)..<close]
          switch name {
          case "name": pieces.append(.name)
          case "lang":
            pieces.append(.lang)
            langs += 1
          case "ext": pieces.append(.ext)
          default:
            throw TermlintError.usage(
              "unknown placeholder '{\(name)}' in the pair pattern '\(pattern)' (use {name}, {lang} and {ext})"
            )
          }
          rest = rest[rest.index(after: close)...]
        } else {
          let end = rest.dropFirst().firstIndex(of: "{") ?? rest.endIndex
          pieces.append(.literal(String(rest[..<end])))
          rest = rest[end...]
        }
      }
      components.append(pieces)
    }
    guard langs == 1 else {
      throw TermlintError.usage(
        "the pair pattern '\(pattern)' must contain {lang} exactly once (e.g. '{name}.{lang}.{ext}')"
      )
    }
    self.components = components
  }

  public var description: String { pattern }

  /// The language code a path carries by this pattern, if it matches, with the path's text
  /// before and after the code (so that `path(replacing:with:)` can build its sibling).
  func split(_ path: String) -> (before: String, code: String, after: String)? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= components.count else { return nil }
    let tail = parts.suffix(components.count)
    var before = parts.dropLast(components.count).map { $0 + "/" }.joined()
    var found: (code: String, after: String)?
    for (pieces, part) in zip(components, tail) {
      guard let match = Self.match(pieces[...], Substring(part)) else { return nil }
      if let (head, code, rest) = match {
        found = (code, rest)
        before += head
      } else if let current = found {
        found = (current.code, current.after + "/" + part)
      } else {
        before += part + "/"
      }
    }
    guard let found else { return nil }
    return (before, found.code, found.after)
  }

  /// Matches one component; nil when it does not match, `.some(nil)` when it matches without
  /// a `{lang}`, else the text before the code, the code and the text after it.
  private static func match(_ pieces: ArraySlice<Piece>, _ text: Substring) -> (
    String, String, String
  )?? {
    var results: [(String, String, String)?] = []
    func go(_ i: Int, _ position: Substring.Index, _ lang: (Substring.Index, Substring.Index)?)
      -> Bool
    {
      if i == pieces.endIndex {
        guard position == text.endIndex else { return false }
        if let (s, e) = lang {
          results.append((String(text[..<s]), String(text[s..<e]), String(text[e...])))
        } else {
          results.append(nil)
        }
        return true
      }
      switch pieces[i] {
      case .literal(let literal):
        guard text[position...].hasPrefix(literal) else { return false }
        return go(i + 1, text.index(position, offsetBy: literal.count), lang)
      case .name, .ext, .lang:
        // Longest first, so `a.b.ru.md` reads as name `a.b`, code `ru`, extension `md`.
        var end = text.endIndex
        while end > position {
          let piece = text[position..<end]
          let ok: Bool
          switch pieces[i] {
          case .ext: ok = !piece.contains(".")
          case .lang:
            ok = piece.allSatisfy {
              $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
            }
          default: ok = true
          }
          if ok, go(i + 1, end, pieces[i] == .lang ? (position, end) : lang) { return true }
          end = text.index(before: end)
        }
        return false
      }
    }
    guard go(pieces.startIndex, text.startIndex, nil) else { return nil }
    return .some(results.first ?? nil)
  }
}

/// Pairs a source article with its translation in the same folder tree (see `PairPattern`),
/// so that a folder walk checks each pair as one bilingual document and never checks a source
/// article as if it were translated text.
public enum FolderPairs {
  /// What pairing made of a list of files.
  public struct Result: Sendable, Equatable {
    /// The files to check, in report order (source articles of pairs removed; the target of a
    /// source article that was given without it added).
    public var inputs: [String]
    /// The source article of each paired target path.
    public var sources: [String: String]
    /// Source articles that have no translation beside them (not checked).
    public var unpaired: [String]
  }

  /// Finds the pairs among `inputs`.
  ///
  /// A file whose name carries the source language (`talks.ru.md`) is a source article; when
  /// the file with the target language (`talks.en.md`) exists, the two are one pair, checked
  /// under the target's path. A file with the target language whose source exists is paired in
  /// the same way. Language codes compare case-insensitively, as the full tag (`pt-BR`) or its
  /// language (`pt`). Files in `explicit` (named on the command line) are left as they are.
  ///
  /// - Parameters:
  ///   - inputs: files in report order.
  ///   - pattern: how pairs are named.
  ///   - source: the source language; nothing is paired without one.
  ///   - target: the target language.
  ///   - explicit: paths given by name, checked as given.
  ///   - exists: whether a file exists (for tests).
  public static func pair(
    _ inputs: [String], pattern: PairPattern?, source: LanguageTag?, target: LanguageTag?,
    explicit: Set<String> = [],
    exists: (String) -> Bool = { FileManager.default.isReadableFile(atPath: $0) }
  ) -> Result {
    guard let pattern, let source, let target, !source.matches(target) else {
      return Result(inputs: inputs, sources: [:], unpaired: [])
    }
    func codes(_ tag: LanguageTag) -> [String] {
      var seen: [String] = []
      for code in [tag.value, tag.language, tag.value.replacingOccurrences(of: "-", with: "_")]
      where !seen.contains(code) { seen.append(code) }
      return seen
    }
    func carries(_ code: String, _ tag: LanguageTag) -> Bool {
      codes(tag).contains { $0.lowercased() == code.lowercased() }
    }
    let given = Set(inputs)
    var output: [String] = []
    var sources: [String: String] = [:]
    var unpaired: [String] = []
    func sibling(_ parts: (before: String, code: String, after: String), in tag: LanguageTag)
      -> String?
    {
      for code in codes(tag) + codes(tag).map({ $0.uppercased() }) {
        let path = parts.before + code + parts.after
        if given.contains(path) || exists(path) { return path }
      }
      return nil
    }
    for input in inputs {
      guard !explicit.contains(input), input != "-", let parts = pattern.split(input) else {
        output.append(input)
        continue
      }
      if carries(parts.code, source) {
        if let targetPath = sibling(parts, in: target) {
          if !given.contains(targetPath) || explicit.contains(targetPath) {
            output.append(targetPath)
          }
          if !explicit.contains(targetPath) { sources[targetPath] = input }
        } else {
          unpaired.append(input)
        }
      } else if carries(parts.code, target), let sourcePath = sibling(parts, in: source) {
        sources[input] = sourcePath
        output.append(input)
      } else {
        output.append(input)
      }
    }
    var seen = Set<String>()
    return Result(
      inputs: output.filter { seen.insert($0).inserted }.sorted(), sources: sources,
      unpaired: unpaired)
  }
}
