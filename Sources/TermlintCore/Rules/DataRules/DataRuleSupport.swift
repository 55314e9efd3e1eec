import Foundation
import TermlintGlossary
import TermlintText

/// What every YAML rule file says besides its type-specific keys.
struct DataRuleDefinition: Sendable {
  /// The file it was read from.
  var path: String
  /// The rule id (`<folder>.<file>` unless the file says `id:`).
  var id: String
  /// The rule type (`extends:`).
  var kind: String
  /// Title Case name.
  var title: String
  /// One sentence for `termlint rules`.
  var summary: String?
  /// Longer explanation for `termlint rules explain`.
  var description: String?
  /// The message template and the line it is on.
  var message: String?
  var messageLine: Int?
  /// Default severity and category.
  var severity: Severity
  var category: Category
  /// Case-insensitive matching.
  var ignoreCase: Bool
  /// Whether tokens are ICU regular expressions rather than literal text.
  var regex: Bool
  /// Examples for the generic test and `rules explain`.
  var triggering: [RuleExample]
  var nonTriggering: [RuleExample]

  /// The descriptor, with a rationale that names the file and the rule's data.
  func descriptor(of rule: any Rule.Type, defaultSummary: String, details: String) -> RuleDescriptor
  {
    var rationale = ""
    if let description { rationale += description.trimmingTrailingNewlines + "\n\n" }
    rationale +=
      "Defined in `\(path)` (`extends: \(kind)`\(ignoreCase ? ", case-insensitive" : "")).\n\n"
      + details
    return RuleDescriptor(
      of: rule, id: id, title: title, category: category, defaultSeverity: severity,
      summary: summary ?? defaultSummary,
      rationale: rationale, nonTriggeringExamples: nonTriggering, triggeringExamples: triggering)
  }
}

/// A message with `{name}` placeholders, checked when the rule file is loaded.
struct MessageTemplate: Sendable {
  let text: String

  /// Checks that the template only uses `allowed` placeholders.
  ///
  /// - Throws: `TermlintError.configuration` naming the file, line and the unknown placeholder.
  init(_ text: String, allowed: [String], path: String, line: Int?) throws {
    var k = text.startIndex
    while let open = text[k...].firstIndex(of: "{") {
      guard let close = text[open...].firstIndex(of: "}") else {
        throw TermlintError.configuration(path, line: line, "unclosed '{' in 'message'")
      }
      let name = String(text[text.index(after: open)..<close])
      guard allowed.contains(name) else {
        throw TermlintError.configuration(
          path, line: line,
          "unknown placeholder '{\(name)}' in 'message' (allowed: \(allowed.map { "{\($0)}" }.joined(separator: ", ")))"
        )
      }
      k = text.index(after: close)
    }
    self.text = text
  }

  /// The required message of a rule type whose only placeholder is `{match}` (`existence`,
  /// `pattern`); `kind` names the type in the error ("an existence rule").
  ///
  /// - Throws: `TermlintError.configuration` when the file has no message or the message uses
  ///   another placeholder.
  init(matchMessageOf definition: DataRuleDefinition, kind: String) throws {
    guard let text = definition.message else {
      throw TermlintError.configuration(
        definition.path, line: 1, "\(kind) needs a 'message' (use {match} for the text found)")
    }
    try self.init(text, allowed: ["match"], path: definition.path, line: definition.messageLine)
  }

  /// The message with placeholders filled in.
  func render(_ values: [String: String]) -> String {
    var out = text
    for (name, value) in values { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
    while out.hasSuffix(".") { out.removeLast() }
    return out
  }
}

/// A regular expression built from a rule's tokens, with a way back from a match to the token.
struct TokenPattern: Sendable {
  /// One alternation of every token, longest first, never starting or ending inside a word.
  let regex: ICURegex
  /// Per token: its canonical literal form, or its own anchored regex in regex mode.
  private let literals: [String: Int]
  private let anchored: [ICURegex]
  private let ignoreCase: Bool

  /// Compiles tokens (literal phrases, or ICU regexes when `regex` is true).
  ///
  /// - Throws: `TermlintError.configuration` naming the file and line of a bad regex.
  init(_ tokens: [(text: String, line: Int?)], regex isRegex: Bool, ignoreCase: Bool, path: String)
    throws
  {
    let options: ICURegex.Options = ignoreCase ? [.caseInsensitive] : []
    var bodies: [String] = []
    var anchored: [ICURegex] = []
    var literals: [String: Int] = [:]
    for (k, token) in tokens.enumerated() {
      let body = isRegex ? token.text : TokenPattern.literalPattern(token.text)
      do {
        let compiled = try ICURegex("^(?:\(body))$", options: options)
        if isRegex { anchored.append(compiled) }
      } catch let error as ICURegex.SyntaxError {
        throw TermlintError.configuration(
          path, line: token.line, "bad regular expression '\(token.text)': \(error)")
      }
      bodies.append(body)
      if !isRegex { literals[TokenPattern.canonical(token.text, ignoreCase: ignoreCase)] = k }
    }
    let order = bodies.indices.sorted {
      bodies[$0].count > bodies[$1].count || (bodies[$0].count == bodies[$1].count && $0 < $1)
    }
    let alternation = order.map { bodies[$0] }.joined(separator: "|")
    let boundary = "[\\p{L}\\p{M}\\p{N}_]"
    self.regex = try ICURegex("(?<!\(boundary))(?:\(alternation))(?!\(boundary))", options: options)
    self.literals = literals
    self.anchored = anchored
    self.ignoreCase = ignoreCase
  }

  /// The index of the token a matched text came from.
  func tokenIndex(of matched: String) -> Int? {
    if anchored.isEmpty { return literals[TokenPattern.canonical(matched, ignoreCase: ignoreCase)] }
    let units = Array(matched.utf16)
    for (k, r) in anchored.enumerated() {
      if let m = try? r.matcher().matches(in: units), m.first == 0..<units.count { return k }
    }
    return nil
  }

  /// A literal phrase as a pattern: white space matches any white space, an apostrophe or a
  /// double quote matches its typographic forms, everything else matches itself.
  static func literalPattern(_ literal: String) -> String {
    var out = ""
    var pending = ""
    func flush() {
      if !pending.isEmpty { out += ICURegex.escape(pending) }
      pending = ""
    }
    var lastWasSpace = false
    for ch in literal {
      switch ch {
      case " ", "\t", "\u{A0}":
        if !lastWasSpace {
          flush()
          out += "\\s+"
        }
        lastWasSpace = true
        continue
      case "'", "’":
        flush()
        out += "['’]"
      case "\"", "“", "”":
        flush()
        out += "[\"“”]"
      default: pending.append(ch)
      }
      lastWasSpace = false
    }
    flush()
    return out
  }

  /// The form literal tokens are looked up by: white space collapsed, quotes folded, and
  /// case-folded when matching ignores case.
  static func canonical(_ text: String, ignoreCase: Bool) -> String {
    var out = ""
    var lastWasSpace = false
    for ch in text {
      if ch.isWhitespace {
        if !lastWasSpace { out.append(" ") }
        lastWasSpace = true
        continue
      }
      lastWasSpace = false
      switch ch {
      case "’": out.append("'")
      case "“", "”": out.append("\"")
      default: out.append(ch)
      }
    }
    return ignoreCase ? UnicodeProperties.foldCase(out) : out
  }
}

/// One match of a data rule's pattern in a document.
struct DataRuleMatch {
  /// The unit and its target span.
  let unit: AnnotatedUnit
  let span: AnnotatedSpan
  /// The match in the file, as UTF-16 offsets.
  let fileRange: Range<Int>
  /// The original text there.
  let text: String
}

/// Runs a pattern over the target text of every unit (NFC, markup removed) and maps each match
/// back to the file.
enum DataRuleMatching {
  /// Calls `body` for each match, in document order.
  ///
  /// - Returns: nil, or a finding that reports the pattern running out of time (the rule's
  ///   other matches are still reported).
  static func forEachMatch(
    of regex: ICURegex, in document: AnnotatedDocument, descriptor: RuleDescriptor,
    context: RuleContext,
    _ body: (DataRuleMatch) -> Void
  ) -> Finding? {
    guard let matcher = try? regex.matcher() else { return nil }
    var failure: Finding?
    for unit in document.units {
      guard let span = unit.target else { continue }
      // Most text is NFC already; only other text is normalized (with a map back).
      let display =
        Normalizer.nfc.isNormalized(span.text)
        ? nil : NormalizedText(span.text, options: .display)
      let ranges: [Range<Int>]
      do {
        ranges = try matcher.matches(in: display?.units ?? span.text)
      } catch {
        if failure == nil {
          let start = span.fileRange(text: 0..<min(1, span.text.count))
          failure = Finding(
            ruleID: descriptor.id, severity: .error, category: descriptor.category,
            message: .timedOut(descriptor.id),
            location: Location(
              file: span.file, utf16Range: start.lowerBound..<start.lowerBound),
            matchedText: "",
            unitID: unit.unit.id, side: "target")
        }
        continue
      }
      for r in ranges {
        let fileRange = span.fileRange(text: display?.sourceRange(r) ?? r)
        body(
          DataRuleMatch(
            unit: unit, span: span, fileRange: fileRange, text: span.file.text(in: fileRange)))
      }
    }
    return failure
  }

  /// A finding at every match, with `message`'s `{match}` filled in by the text matched (and the
  /// time-out finding, if any, last).
  static func findings(
    of regex: ICURegex, in document: AnnotatedDocument, descriptor: RuleDescriptor,
    context: RuleContext, message: MessageTemplate
  ) -> [Finding] {
    var findings: [Finding] = []
    let failure = forEachMatch(of: regex, in: document, descriptor: descriptor, context: context) {
      m in
      findings.append(
        context.finding(
          descriptor, in: m.span, fileRange: m.fileRange,
          message: message.render(["match": m.text]), unit: m.unit.unit))
    }
    return findings + (failure.map { [$0] } ?? [])
  }
}

extension String {
  fileprivate static func timedOut(_ id: String) -> String {
    "The pattern of rule '\(id)' took too long on this paragraph and was stopped; simplify the regular expression"
  }

  /// The string without trailing line breaks.
  var trimmingTrailingNewlines: String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}
