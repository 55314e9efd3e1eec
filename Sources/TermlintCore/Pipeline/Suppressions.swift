import TermlintGlossary
import TermlintText

/// The inline suppression comments of one checked file.
///
/// ```
/// <!-- termlint-disable quotes, dashes -->   … <!-- termlint-enable quotes -->
/// <!-- termlint-disable -->                  (every rule)  … <!-- termlint-enable -->
/// <!-- termlint-disable-next-line repeated-word -->
/// Some text <!-- termlint-disable-line whitespace -->
/// ```
///
/// In formats other than Markdown the same words may also follow `#` or `//` at the start of
/// a line. A region starts where its comment ends and lasts until an enable comment (or the
/// end of the file); a finding is suppressed when the place it starts is inside a region for its
/// rule. Rule ids are separated by commas or spaces; none means every rule.
public struct Suppressions: Sendable {
  /// What a comment asks for.
  enum Action: String, CaseIterable {
    // Longest first: the words share a prefix.
    case disableNextLine = "termlint-disable-next-line"
    case disableLine = "termlint-disable-line"
    case disable = "termlint-disable"
    case enable = "termlint-enable"
  }

  /// One comment: its action, its rules (nil: all) and where it is.
  struct Directive {
    let action: Action
    let rules: Set<String>?
    /// UTF-16 offset just after the comment (where a region starts).
    let end: Int
    /// 1-based lines of the comment's first and last character.
    let firstLine: Int
    let lastLine: Int
  }

  let directives: [Directive]

  /// Whether the file has no suppression comment.
  public var isEmpty: Bool { directives.isEmpty }

  /// Reads the suppression comments of a file.
  ///
  /// - Parameters:
  ///   - format: the reader's format; `#` and `//` comments count in every format but Markdown.
  ///   - ruleIDs: every rule id a comment may name, mapped to the id findings carry (aliases).
  /// - Throws: `TermlintError.input` naming the file and line of a comment with an unknown rule.
  public static func parse(_ file: SourceFile, format: String, ruleIDs: [String: String]) throws
    -> Suppressions
  {
    let u = file.utf16
    let marker = Self.marker
    let markdown = format == "markdown"
    let fenced = markdown ? fencedLines(file) : []
    var directives: [Directive] = []
    var i = 0
    while i + marker.count <= u.count {
      guard u[i] == marker[0], matches(u, at: i, marker) else {
        i += 1
        continue
      }
      defer { i += marker.count }
      // NOTE: only reached at "termlint-", so these small arrays are built rarely.
      guard
        let action = Action.allCases.first(where: { matches(u, at: i, Array($0.rawValue.utf16)) })
      else { continue }
      let wordEnd = i + action.rawValue.utf16.count
      guard wordEnd == u.count || !isWordPart(u[wordEnd]) else { continue }
      guard let comment = commentAround(u, at: i, file: file, markdown: markdown) else { continue }
      // A comment shown in Markdown code (documentation of these comments) is not a directive.
      if markdown
        && (fenced.contains(file.lineIndex(utf16Offset: i))
          || isInInlineCode(u, at: comment.start, file: file))
      {
        continue
      }
      let argumentEnd =
        comment.closing ?? file.lineRange(file.lineIndex(utf16Offset: i) + 1).upperBound
      let argument = String(utf16Units: u[wordEnd..<argumentEnd])
      let names = argument.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(
        String.init)
      var rules: Set<String>? = nil
      if !names.isEmpty {
        rules = []
        for name in names {
          guard let id = ruleIDs[name] else {
            throw TermlintError.input(
              file.path, line: file.lineIndex(utf16Offset: i) + 1,
              "unknown rule '\(name)' in a \(action.rawValue) comment (run 'termlint rules' to list them)"
            )
          }
          rules?.insert(id)
        }
      }
      directives.append(
        Directive(
          action: action, rules: rules, end: comment.end,
          firstLine: file.lineIndex(utf16Offset: comment.start) + 1,
          lastLine: file.lineIndex(utf16Offset: max(comment.start, comment.end - 1)) + 1))
    }
    return Suppressions(directives: directives)
  }

  /// Whether a finding in this file is suppressed.
  public func suppresses(_ finding: Finding) -> Bool {
    let rule = finding.ruleID
    let offset = finding.location.utf16Offset
    let line = finding.location.line
    var allDisabled = false
    var disabled: Set<String> = []
    var reenabled: Set<String> = []
    for d in directives {
      switch d.action {
      case .disableNextLine:
        if line == d.lastLine + 1 && (d.rules?.contains(rule) ?? true) { return true }
      case .disableLine:
        if line == d.firstLine && (d.rules?.contains(rule) ?? true) { return true }
      case .disable where d.end <= offset:
        if let rules = d.rules {
          disabled.formUnion(rules)
          reenabled.subtract(rules)
        } else {
          allDisabled = true
          reenabled = []
        }
      case .enable where d.end <= offset:
        if let rules = d.rules {
          disabled.subtract(rules)
          if allDisabled { reenabled.formUnion(rules) }
        } else {
          allDisabled = false
          disabled = []
          reenabled = []
        }
      default:
        break
      }
    }
    return disabled.contains(rule) || (allDisabled && !reenabled.contains(rule))
  }
}

extension Suppressions {
  fileprivate struct Comment {
    let start: Int
    let end: Int
    /// Where the comment's text ends (`-->`), nil for a line comment.
    let closing: Int?
  }

  /// 0-based indices of the lines inside (and of) fenced code blocks.
  fileprivate static func fencedLines(_ file: SourceFile) -> Set<Int> {
    var result: Set<Int> = []
    var fence: UInt16? = nil
    for index in 0..<file.lineStarts.count {
      let line = file.utf16[file.lineRange(index + 1)].drop { $0 == 0x20 }
      let opensOrCloses =
        line.count >= 3
        && (line.prefix(3).allSatisfy { $0 == 0x60 } || line.prefix(3).allSatisfy { $0 == 0x7E })
      if let open = fence {
        result.insert(index)
        if opensOrCloses && line.first == open { fence = nil }
      } else if opensOrCloses {
        result.insert(index)
        fence = line.first
      }
    }
    return result
  }

  /// Whether an odd number of backticks precede `i` on its line.
  fileprivate static func isInInlineCode(_ u: [UInt16], at i: Int, file: SourceFile) -> Bool {
    let start = file.lineStarts[file.lineIndex(utf16Offset: i)]
    return u[start..<i].filter { $0 == 0x60 }.count % 2 == 1
  }

  fileprivate static let marker = Array("termlint-".utf16)
  fileprivate static let commentOpen = Array("<!--".utf16)
  fileprivate static let commentClose = Array("-->".utf16)

  /// Whether `word` occurs in `u` at `i` (no allocation: called for many positions).
  fileprivate static func matches(_ u: [UInt16], at i: Int, _ word: [UInt16]) -> Bool {
    guard i >= 0, i + word.count <= u.count else { return false }
    for k in 0..<word.count where u[i + k] != word[k] { return false }
    return true
  }

  fileprivate static func isWordPart(_ c: UInt16) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
      || c == 0x5F
  }

  /// The comment the directive word at `i` is the first word of: `<!--` before it (only white
  /// space between), or `#` / `//` opening its line outside Markdown.
  fileprivate static func commentAround(_ u: [UInt16], at i: Int, file: SourceFile, markdown: Bool)
    -> Comment?
  {
    var k = i
    while k > 0 && (u[k - 1] == 0x20 || u[k - 1] == 0x09) { k -= 1 }
    if k >= 4 && matches(u, at: k - 4, commentOpen) {
      var e = i
      while e + 3 <= u.count && !matches(u, at: e, commentClose) { e += 1 }
      guard e + 3 <= u.count else { return nil }
      return Comment(start: k - 4, end: e + 3, closing: e)
    }
    guard !markdown else { return nil }
    let lineStart = file.lineRange(file.lineIndex(utf16Offset: i) + 1)
    var s = lineStart.lowerBound
    while s < k && (u[s] == 0x20 || u[s] == 0x09) { s += 1 }
    let opener = k - s
    guard (opener == 1 && u[s] == 0x23) || (opener == 2 && u[s] == 0x2F && u[s + 1] == 0x2F) else {
      return nil
    }
    return Comment(start: s, end: lineStart.upperBound, closing: nil)
  }
}
