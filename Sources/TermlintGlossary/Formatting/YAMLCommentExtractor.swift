import Foundation
import TermlintText
import Yams

/// Finds the comments of a YAML glossary and the part each belongs to, so `glossary fmt` can
/// write them back around the same parts after sorting.
///
/// - Comments before the first key are the file header; comments after the last content line
///   are the trailer.
/// - A full-line comment belongs to the part whose line follows it (a concept, a concept key, a
///   language list, a term); inside a multi-line term it moves to just before that term.
/// - An end-of-line comment belongs to the part that starts on its line (the last part that
///   started before it, on a continuation line); several on one part are joined.
///
/// `#` inside quoted scalars and block scalars (`|`, `>`) is text, not a comment.
enum YAMLCommentExtractor {
  /// The comments of `text`, a YAML glossary that `YAMLGlossaryLoader` accepts.
  ///
  /// - Parameter canonicalText: the text `glossary fmt` writes for a term, so term comments
  ///   are keyed as the writer will look them up.
  /// - Throws: `TermlintError.configuration` for YAML that does not parse.
  static func extract(_ text: String, path: String, canonicalText: (String) -> String) throws
    -> YAMLComments
  {
    let lines = scan(text)
    let owners = try self.owners(text, path: path, canonicalText: canonicalText)
    var comments = YAMLComments(header: [])
    guard let firstOwnerLine = owners.first?.line else {
      comments.header = lines.compactMap(\.comment)
      return comments
    }
    /// The owner for a line: the first part starting on it, else the last part started before.
    func owner(at line: Int, first: Bool) -> YAMLComments.Owner? {
      let onLine = owners.filter { $0.line == line }
      if let found = first ? onLine.first : onLine.last { return found.owner }
      return owners.last { $0.line < line }?.owner
    }
    for (index, scanned) in lines.enumerated() {
      guard let comment = scanned.comment else { continue }
      let number = index + 1
      if scanned.hasContent {
        guard let target = owner(at: number, first: false) else { continue }
        comments.trailing[target] = comments.trailing[target].map { $0 + " " + comment } ?? comment
        continue
      }
      guard
        let next = lines.indices.dropFirst(index + 1).first(where: { lines[$0].hasContent }).map({
          $0 + 1
        })
      else {
        comments.trailer.append(comment)
        continue
      }
      if next <= firstOwnerLine && lines[..<index].allSatisfy({ !$0.hasContent }) {
        comments.header?.append(comment)
      } else if let target = owner(at: next, first: true) {
        comments.before[target, default: []].append(comment)
      }
    }
    return comments
  }

  // MARK: - Owners from the node tree

  private struct Placed {
    var line: Int
    var column: Int
    var owner: YAMLComments.Owner
  }

  /// Every part that can own a comment, with where it starts, in file order.
  private static func owners(_ text: String, path: String, canonicalText: (String) -> String) throws
    -> [Placed]
  {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, Resolver.default, Constructor.default, .utf8)
    } catch {
      throw TermlintError.configuration(path, "invalid YAML: \(error)")
    }
    guard let mapping = root?.mapping else { return [] }
    var placed: [Placed] = []
    func add(_ node: Node, _ owner: YAMLComments.Owner) {
      guard let mark = node.mark else { return }
      placed.append(Placed(line: mark.line, column: mark.column, owner: owner))
    }
    for (key, value) in mapping {
      guard let name = key.scalar?.string else { continue }
      add(key, .top(name))
      guard name == "concepts", let items = value.sequence else { continue }
      for item in items {
        guard let concept = item.mapping else { continue }
        let id = concept["id"]?.scalar?.string.trimmedForGlossary ?? ""
        add(item, .concept(id))
        for (conceptKey, conceptValue) in concept {
          guard let keyName = conceptKey.scalar?.string, keyName != "id" else { continue }
          add(conceptKey, .conceptKey(id, keyName))
          guard keyName == "terms", let languages = conceptValue.mapping else { continue }
          var occurrences: [String: Int] = [:]
          for (languageKey, list) in languages {
            let raw = languageKey.scalar?.string ?? ""
            let tag = LanguageTag(raw)?.value ?? raw
            add(languageKey, .language(id, tag))
            for term in list.sequence.map(Array.init) ?? [list] {
              guard let termText = term.scalar?.string ?? term.mapping?["text"]?.scalar?.string
              else { continue }
              let text = canonicalText(termText)
              let key = tag + "\u{0}" + text
              add(term, .term(id, tag, text, occurrences[key, default: 0]))
              occurrences[key, default: 0] += 1
            }
          }
        }
      }
    }
    return placed.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  // MARK: - Line scanner

  /// One line: whether it has YAML content, and its comment (from `#`, right-trimmed).
  struct ScannedLine: Equatable {
    var hasContent: Bool
    var comment: String?
  }

  /// Splits YAML text into lines and finds the comment of each.
  static func scan(_ text: String) -> [ScannedLine] {
    var result: [ScannedLine] = []
    var quote: Unicode.Scalar?
    var blockParentIndent: Int?
    let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in rawLines.enumerated() {
      if index == rawLines.count - 1 && raw.isEmpty { break }
      var scalars = Array(raw.unicodeScalars)
      if scalars.last == "\r" { scalars.removeLast() }
      if index == 0 && scalars.first == "\u{FEFF}" { scalars.removeFirst() }
      let indent = scalars.prefix { $0 == " " }.count
      let blank = scalars.allSatisfy { $0 == " " || $0 == "\t" }
      if let parent = blockParentIndent, quote == nil {
        if blank || indent > parent {
          result.append(ScannedLine(hasContent: !blank, comment: nil))
          continue
        }
        blockParentIndent = nil
      }
      var sawContent = quote != nil
      var previous: Unicode.Scalar?  // previous non-blank scalar outside quotes
      var comment: String?
      var contentEnd = 0
      var i = 0
      while i < scalars.count {
        let c = scalars[i]
        if let q = quote {
          if q == "'" && c == "'" {
            if i + 1 < scalars.count && scalars[i + 1] == "'" {
              i += 2
              continue
            }
            quote = nil
          } else if q == "\"" && c == "\\" {
            i += 2
            continue
          } else if q == "\"" && c == "\"" {
            quote = nil
          }
          i += 1
          contentEnd = i
          continue
        }
        if c == "#" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t") {
          var text = String.UnicodeScalarView(scalars[i...])
          while let last = text.last, last == " " || last == "\t" { text.removeLast() }
          comment = String(text)
          break
        }
        if c != " " && c != "\t" {
          if (c == "'" || c == "\"")
            && (previous == nil || [":", "-", "[", "{", ",", "?"].contains(previous!))
          {
            quote = c
          }
          sawContent = true
          previous = c
          contentEnd = i + 1
        }
        i += 1
      }
      if quote == nil && sawContent {
        let content = String(String.UnicodeScalarView(scalars[..<contentEnd]))
        if startsBlockScalar(content) { blockParentIndent = indent }
      }
      result.append(ScannedLine(hasContent: sawContent, comment: comment))
    }
    return result
  }

  /// Whether a line's content ends with a block scalar indicator (`key: |`, `- >-`, `|2+`).
  private static func startsBlockScalar(_ content: String) -> Bool {
    var s = Substring(content)
    while let last = s.last, "+-0123456789".contains(last) { s.removeLast() }
    guard let indicator = s.last, indicator == "|" || indicator == ">" else { return false }
    s.removeLast()
    guard let before = s.last else { return true }
    guard before == " " || before == "\t" else { return false }
    let head = s.trimmingCharacters(in: .whitespaces)
    return head.isEmpty || head.hasSuffix(":") || head.hasSuffix("-") || head.hasSuffix(",")
      || head.hasSuffix("?")
  }
}
