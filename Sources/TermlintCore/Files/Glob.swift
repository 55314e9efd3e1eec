import TermlintGlossary
import TermlintText

/// A shell-style file name pattern, as used by `--include` and `--exclude`.
///
/// Syntax: `*` matches any run of characters except `/`; `**` matches any run including `/`
/// (`**/` also matches no folder at all, so `**/draft.md` matches `draft.md`); `?` matches one
/// character except `/`; `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) match one character of a set;
/// `{md,txt}` matches any of the alternatives; `\` makes the next character literal.
///
/// A pattern without `/` is matched against the file or folder name alone, in any folder
/// (`*.md`, `drafts`). A pattern with `/` is matched against the whole path relative to the folder
/// being walked (`archive/2021/**`, `/notes.md`; a leading `/` or `./` is ignored). Matching is
/// case-sensitive and compares Unicode characters.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  /// Whether the pattern is matched against the whole relative path (it contains `/`).
  public let matchesWholePath: Bool
  private let alternatives: [[Token]]

  /// Parses a pattern.
  ///
  /// - Throws: `TermlintError.usage` for an empty pattern, an unclosed `[` or `{`, or a
  ///   trailing `\`.
  public init(_ pattern: String) throws {
    self.pattern = pattern
    var body = pattern
    while body.hasPrefix("./") { body.removeFirst(2) }
    let anchored = body.hasPrefix("/")
    while body.hasPrefix("/") { body.removeFirst() }
    while body.count > 1 && body.hasSuffix("/") { body.removeLast() }
    guard !body.isEmpty else { throw TermlintError.usage("empty glob pattern '\(pattern)'") }
    matchesWholePath = anchored || body.contains("/")
    alternatives = try Glob.expandBraces(Array(body), pattern: pattern).map {
      try Glob.tokenize($0, pattern: pattern)
    }
  }

  /// Whether a path relative to the walked folder (components separated by `/`) matches.
  public func matches(relativePath path: String) -> Bool {
    let subject =
      matchesWholePath ? path : String(path.split(separator: "/").last ?? Substring(path))
    let characters = Array(subject)
    return alternatives.contains { Glob.match($0, characters) }
  }

  /// The pattern as written.
  public var description: String { pattern }

  // MARK: - Private

  private enum Token: Hashable, Sendable {
    case literal(Character)
    case one  // ?
    case star  // *
    case globstar  // ** (crosses folders)
    case folders  // **/ (zero or more whole folders)
    case set([ClosedRange<Character>], negated: Bool)
  }

  /// Expands `{a,b}` alternatives (nested braces allowed) into plain patterns.
  private static func expandBraces(_ p: [Character], pattern: String) throws -> [[Character]] {
    var i = 0
    while i < p.count {
      if p[i] == "\\" {
        i += 2
        continue
      }
      if p[i] == "[" {
        i = try classEnd(p, from: i, pattern: pattern) + 1
        continue
      }
      if p[i] == "{" {
        var depth = 0
        var parts: [[Character]] = []
        var current: [Character] = []
        var j = i
        while j < p.count {
          let c = p[j]
          if c == "\\", j + 1 < p.count {
            if depth >= 1 { current += [c, p[j + 1]] }
            j += 2
            continue
          }
          if c == "{" {
            depth += 1
            if depth > 1 { current.append(c) }
          } else if c == "}" {
            depth -= 1
            if depth == 0 { break }
            current.append(c)
          } else if c == "," && depth == 1 {
            parts.append(current)
            current = []
          } else {
            current.append(c)
          }
          j += 1
        }
        guard j < p.count else {
          throw TermlintError.usage("unclosed '{' in glob pattern '\(pattern)'")
        }
        parts.append(current)
        let prefix = Array(p[..<i])
        let suffix = Array(p[(j + 1)...])
        var out: [[Character]] = []
        for part in parts {
          out += try expandBraces(prefix + part + suffix, pattern: pattern)
        }
        return out
      }
      i += 1
    }
    return [p]
  }

  /// The index of the `]` that closes the class opening at `start`.
  private static func classEnd(_ p: [Character], from start: Int, pattern: String) throws -> Int {
    var j = start + 1
    if j < p.count && (p[j] == "!" || p[j] == "^") { j += 1 }
    if j < p.count && p[j] == "]" { j += 1 }
    while j < p.count && p[j] != "]" {
      if p[j] == "\\" { j += 1 }
      j += 1
    }
    guard j < p.count else {
      throw TermlintError.usage("unclosed '[' in glob pattern '\(pattern)'")
    }
    return j
  }

  private static func tokenize(_ p: [Character], pattern: String) throws -> [Token] {
    var tokens: [Token] = []
    var i = 0
    while i < p.count {
      let c = p[i]
      switch c {
      case "\\":
        guard i + 1 < p.count else {
          throw TermlintError.usage("glob pattern '\(pattern)' ends with '\\'")
        }
        tokens.append(.literal(p[i + 1]))
        i += 2
      case "?":
        tokens.append(.one)
        i += 1
      case "*":
        var j = i
        while j < p.count && p[j] == "*" { j += 1 }
        let atSegmentStart = i == 0 || p[i - 1] == "/"
        if j - i >= 2 && atSegmentStart && j < p.count && p[j] == "/" {
          tokens.append(.folders)
          j += 1
        } else {
          tokens.append(j - i >= 2 ? .globstar : .star)
        }
        i = j
      case "[":
        let end = try classEnd(p, from: i, pattern: pattern)
        var j = i + 1
        var negated = false
        if p[j] == "!" || p[j] == "^" {
          negated = true
          j += 1
        }
        var ranges: [ClosedRange<Character>] = []
        var first = true
        while j < end {
          var lower = p[j]
          if lower == "\\" && j + 1 < end {
            j += 1
            lower = p[j]
          } else if lower == "]" && !first {
            break
          }
          first = false
          if j + 2 < end && p[j + 1] == "-" {
            var upper = p[j + 2]
            var k = j + 2
            if upper == "\\" && k + 1 < end {
              k += 1
              upper = p[k]
            }
            if lower <= upper { ranges.append(lower...upper) }
            j = k + 1
          } else {
            ranges.append(lower...lower)
            j += 1
          }
        }
        tokens.append(.set(ranges, negated: negated))
        i = end + 1
      default:
        tokens.append(.literal(c))
        i += 1
      }
    }
    return tokens
  }

  /// Matches tokens against text with memoised backtracking: O(tokens × characters).
  private static func match(_ tokens: [Token], _ text: [Character]) -> Bool {
    let width = text.count + 1
    // 0 unknown, 1 false, 2 true
    var memo = [UInt8](repeating: 0, count: (tokens.count + 1) * width)

    func go(_ t: Int, _ s: Int) -> Bool {
      let key = t * width + s
      if memo[key] != 0 { return memo[key] == 2 }
      let result: Bool
      if t == tokens.count {
        result = s == text.count
      } else {
        switch tokens[t] {
        case .literal(let c):
          result = s < text.count && text[s] == c && go(t + 1, s + 1)
        case .one:
          result = s < text.count && text[s] != "/" && go(t + 1, s + 1)
        case .set(let ranges, let negated):
          result =
            s < text.count && text[s] != "/"
            && (ranges.contains { $0.contains(text[s]) } != negated) && go(t + 1, s + 1)
        case .star:
          result = go(t + 1, s) || (s < text.count && text[s] != "/" && go(t, s + 1))
        case .globstar:
          result = go(t + 1, s) || (s < text.count && go(t, s + 1))
        case .folders:
          // Zero folders, or any run ending just after a `/`.
          if go(t + 1, s) {
            result = true
          } else {
            var k = s
            var found = false
            while k < text.count {
              if text[k] == "/" && go(t + 1, k + 1) {
                found = true
                break
              }
              k += 1
            }
            result = found
          }
        }
      }
      memo[key] = result ? 2 : 1
      return result
    }
    return go(0, 0)
  }
}
