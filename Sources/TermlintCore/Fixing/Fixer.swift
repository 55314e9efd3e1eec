import TermlintGlossary
import TermlintText

/// A replacement `termlint fix` made.
public struct AppliedFix: Sendable, Hashable {
  /// The finding, as reported in the text of the pass that fixed it.
  public let finding: Finding
  /// The text written in place of `finding.matchedText` (escaped for the file's format).
  public let replacement: String
  /// The pass that applied it (1 for the first).
  public let pass: Int
}

/// A safe fix that `termlint fix` left alone, and why.
public struct SkippedFix: Sendable, Hashable {
  /// Why a fix was not applied.
  public enum Reason: String, Sendable, Hashable, CaseIterable {
    /// The span contains markup of the file's format (emphasis, an entity, an inline tag, an escape).
    case markup
    /// The replacement would put a line break into the text.
    case lineBreak = "line-break"
    /// The span would cut a character in two (a surrogate pair, a base letter and its accent).
    case boundary
    /// The text at the location is not the text the rule reported.
    case stale
    /// The span overlaps or touches a format directive, escape, placeholder, markup or URL.
    case protected
  }

  /// The finding whose suggestion was not applied.
  public let finding: Finding
  /// Why.
  public let reason: Reason
}

/// What `termlint fix` will do to one file: the old and new bytes, the fixes, and what is left.
public struct FixPlan: Sendable {
  /// The path as given.
  public let path: String
  /// The bytes read.
  public let originalBytes: [UInt8]
  /// The bytes to write: same encoding, byte-order mark and line ends; only fixed spans differ.
  public let fixedBytes: [UInt8]
  /// The file as read.
  public let original: SourceFile
  /// The file after all fixes.
  public let fixed: SourceFile
  /// The fixes applied, pass by pass, in file order within a pass.
  public let applied: [AppliedFix]
  /// Safe fixes that could not be applied (as found in the final text).
  public let skipped: [SkippedFix]
  /// The findings left in the fixed text, safe to fix or not.
  public let remaining: [Finding]
  /// Whether fixing stopped before a pass found nothing more to fix (fixes that undo each
  /// other, or the pass limit).
  public let stoppedEarly: Bool

  /// Whether writing the plan changes the file.
  public var changesFile: Bool { fixedBytes != originalBytes }
}

/// Applies the suggestions of findings whose rule marks them safe (`Finding.fixIsSafe`).
///
/// Guarantees, each checked by tests:
/// - only the reported spans change; every other byte is kept, and so are the encoding (UTF-8
///   or UTF-16), the byte-order mark and the line ends;
/// - where safe fixes overlap, the one that starts first wins (then the shorter span, then the
///   rule id) and the later one is skipped;
/// - fixing is repeated until a pass finds nothing more to fix, so running it again changes
///   nothing;
/// - a span that holds markup of the file's format is not touched, and replacements are escaped
///   for XML and PO files;
/// - a span that overlaps or touches a format directive, escape, placeholder, URL, e-mail
///   address or markup (`SafeFixes.protectedRanges`) is not touched;
/// - the span's own separators between words (a line break, a no-break space) are kept,
///   matched from the last gap backwards;
/// - `write` refuses a file whose bytes changed since they were read.
public struct Fixer: Sendable {
  /// The linter whose findings are fixed.
  public let linter: Linter
  /// How bytes become a document.
  public let read: LintRun.Read
  /// The most passes made on one file.
  public let maxPasses: Int

  /// Creates a fixer.
  ///
  /// - Parameters:
  ///   - linter: the configured linter.
  ///   - read: the reader; the default is `LintRun.defaultRead(for: linter)`.
  ///   - maxPasses: the most passes made on one file (at least 1).
  public init(linter: Linter, read: LintRun.Read? = nil, maxPasses: Int = 8) {
    self.linter = linter
    self.read = read ?? LintRun.defaultRead(for: linter)
    self.maxPasses = max(1, maxPasses)
  }

  /// Plans the fixes for the file at `path` (`-` reads standard input).
  ///
  /// - Throws: `TermlintError` when the file cannot be read, decoded or rewritten byte for byte.
  public func plan(path: String) throws -> FixPlan {
    try plan(path: path, bytes: SourceFile.readBytes(path: path))
  }

  /// Plans the fixes for `bytes`, the content of the file at `path`.
  ///
  /// Each pass encodes the text in the file's encoding and reads it again with the file's
  /// reader, so the rules of the next pass see exactly the bytes that would be written.
  ///
  /// - Throws: `TermlintError` when the bytes cannot be decoded or rewritten byte for byte
  ///   (a legacy charset such as windows-1251).
  public func plan(path: String, bytes: [UInt8]) throws -> FixPlan {
    var document = try read(bytes, path)
    let original = document.file
    guard original.encoded(utf16: original.utf16) == bytes else {
      throw TermlintError.input(
        path,
        "cannot be rewritten without changing other bytes (\(original.encoding.rawValue)); not fixed"
      )
    }
    var currentBytes = bytes
    var applied: [AppliedFix] = []
    var seen: Set<[UInt8]> = [bytes]
    var stoppedEarly = true
    var final: (findings: [Finding], skipped: [SkippedFix])?
    for pass in 1...maxPasses {
      let current = document.file
      let findings = try linter.lint(document)
      let (edits, skipped) = Self.edits(for: findings, in: current, document: document)
      guard !edits.isEmpty else {
        final = (findings, skipped)
        stoppedEarly = false
        break
      }
      var units = current.utf16
      for edit in edits.reversed() {
        units.replaceSubrange(edit.finding.location.utf16Range, with: Array(edit.replacement.utf16))
      }
      applied += edits.map {
        AppliedFix(finding: $0.finding, replacement: $0.replacement, pass: pass)
      }
      guard let encoded = original.encoded(utf16: units) else {
        throw TermlintError.input(
          path, "the fixed text cannot be encoded as \(original.encoding.rawValue); not fixed")
      }
      currentBytes = encoded
      document = try read(currentBytes, path)
      guard document.file.utf16 == units else {
        throw TermlintError.input(path, "the fixed text does not read back as written; not fixed")
      }
      // Fixes that undo each other would go round for ever.
      guard seen.insert(currentBytes).inserted else { break }
    }
    if final == nil {
      let findings = try linter.lint(document)
      final = (findings, Self.edits(for: findings, in: document.file, document: document).skipped)
    }
    return FixPlan(
      path: path, originalBytes: bytes, fixedBytes: currentBytes, original: original,
      fixed: document.file, applied: applied,
      skipped: final?.skipped ?? [], remaining: final?.findings ?? [], stoppedEarly: stoppedEarly)
  }

  /// Plans the fixes for many files in parallel (at most `jobs` at a time), in input order.
  ///
  /// - Throws: the error of the first failing file in input order.
  public func plans(
    paths: [String], jobs: Int, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) async throws -> [FixPlan] {
    let fixer = self
    return try await BoundedTasks.map(paths, jobs: jobs, progress: progress) {
      try fixer.plan(path: $0)
    }
  }

  /// Writes planned files that change, atomically, after checking that none of them changed on
  /// disk since it was read.
  ///
  /// - Throws: `TermlintError.input` naming a file that changed since it was read (nothing is
  ///   written then), or one that cannot be written.
  public static func write(_ plans: [FixPlan]) throws {
    let changing = plans.filter(\.changesFile)
    for plan in changing {
      guard plan.path != "-" else {
        throw TermlintError.usage("standard input cannot be fixed in place")
      }
      let now = try SourceFile.readBytes(path: plan.path)
      guard now == plan.originalBytes else {
        throw TermlintError.input(
          plan.path, "changed since termlint read it; nothing was written (run termlint fix again)")
      }
    }
    for plan in changing {
      try AtomicFile.write(plan.fixedBytes, to: plan.path)
    }
  }

  // MARK: - Private

  private struct Edit {
    let finding: Finding
    let replacement: String
  }

  /// The edits one pass applies, in file order, and the safe fixes it cannot apply.
  private static func edits(for findings: [Finding], in file: SourceFile, document: Document) -> (
    edits: [Edit], skipped: [SkippedFix]
  ) {
    let policy = FixPolicy(format: document.format)
    var candidates: [Edit] = []
    var skipped: [SkippedFix] = []
    var protected: [Range<Int>]?
    for finding in findings where finding.fixIsSafe && finding.location.path == file.path {
      guard let suggestion = finding.suggestions.first else { continue }
      let range = finding.location.utf16Range
      guard range.upperBound <= file.utf16.count, file.text(in: range) == finding.matchedText else {
        skipped.append(SkippedFix(finding: finding, reason: .stale))
        continue
      }
      guard !cutsCharacter(file.utf16, at: range.lowerBound),
        !cutsCharacter(file.utf16, at: range.upperBound)
      else {
        skipped.append(SkippedFix(finding: finding, reason: .boundary))
        continue
      }
      guard
        !suggestion.unicodeScalars.contains(where: {
          $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        })
      else {
        skipped.append(SkippedFix(finding: finding, reason: .lineBreak))
        continue
      }
      // Never in or next to a directive, escape, placeholder, markup or URL: `%s` + `ѕ…`
      // would become another directive, `%0A` + `А` a broken escape.
      if protected == nil { protected = SafeFixes.protectedRanges(in: document) }
      guard !SafeFixes.touches(range, protected ?? []) else {
        skipped.append(SkippedFix(finding: finding, reason: .protected))
        continue
      }
      let text = keepingSeparators(of: finding.matchedText, in: suggestion)
      guard policy.allowsReplacing(finding.matchedText), let replacement = policy.escape(text)
      else {
        skipped.append(SkippedFix(finding: finding, reason: .markup))
        continue
      }
      if replacement != finding.matchedText {
        candidates.append(Edit(finding: finding, replacement: replacement))
      }
    }
    candidates.sort { a, b in
      let x = a.finding.location.utf16Range
      let y = b.finding.location.utf16Range
      if x.lowerBound != y.lowerBound { return x.lowerBound < y.lowerBound }
      if x.upperBound != y.upperBound { return x.upperBound < y.upperBound }
      if a.finding.ruleID != b.finding.ruleID { return a.finding.ruleID < b.finding.ruleID }
      return a.replacement < b.replacement
    }
    var accepted: [Edit] = []
    for edit in candidates {
      if let last = accepted.last {
        let x = last.finding.location.utf16Range
        let y = edit.finding.location.utf16Range
        // The same change asked for by two rules is made once.
        if x == y && last.replacement == edit.replacement { continue }
        if y.lowerBound < x.upperBound || y.lowerBound == x.lowerBound { continue }
      }
      accepted.append(edit)
    }
    return (accepted, skipped)
  }

  /// Whether a cut at a UTF-16 offset would split a surrogate pair or separate a character
  /// from the combining marks that follow it.
  private static func cutsCharacter(_ units: [UInt16], at offset: Int) -> Bool {
    guard offset > 0, offset < units.count else { return false }
    let unit = units[offset]
    if unit >= 0xDC00 && unit <= 0xDFFF { return true }
    var scalarValue = UInt32(unit)
    if unit >= 0xD800 && unit <= 0xDBFF, offset + 1 < units.count {
      scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[offset + 1] &- 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else { return false }
    // Nonspacing, enclosing and spacing combining marks; zero-width joiner; variation selectors.
    let category = UnicodeProperties.generalCategory(scalar)
    return (6...8).contains(category) || scalar == "\u{200D}"
      || (0xFE00...0xFE0F).contains(scalar.value)
  }

  /// Puts the separators of `original` (line breaks, no-break spaces) between the words of
  /// `suggestion`, matching gaps from the end (`open-door⏎policy` → `open door⏎policy`).
  static func keepingSeparators(of original: String, in suggestion: String) -> String {
    let originalRuns = runs(original)
    // Only a term's own separators are kept (a line break, a no-break space); a span that is
    // all white space is the whitespace rule's fix and is replaced as suggested.
    guard originalRuns.contains(where: { !$0.isSpace }) else { return suggestion }
    let gaps = originalRuns.filter(\.isSpace).map(\.text)
    let words = runs(suggestion)
    let count = words.filter(\.isSpace).count
    guard !gaps.isEmpty, count > 0 else { return suggestion }
    var out = ""
    var gap = 0
    for run in words {
      guard run.isSpace else {
        out += run.text
        continue
      }
      let fromEnd = count - 1 - gap
      let kept = fromEnd < gaps.count ? gaps[gaps.count - 1 - fromEnd] : nil
      out += kept.map { $0.unicodeScalars.allSatisfy { $0 == " " } ? run.text : $0 } ?? run.text
      gap += 1
    }
    return out
  }

  private static func runs(_ text: String) -> [(isSpace: Bool, text: String)] {
    var out: [(isSpace: Bool, text: String)] = []
    for scalar in text.unicodeScalars {
      let space = UnicodeProperties.has(scalar, .whiteSpace)
      if let last = out.last, last.isSpace == space {
        out[out.count - 1].text.unicodeScalars.append(scalar)
      } else {
        out.append((space, String(scalar)))
      }
    }
    return out
  }
}

/// What a fix may touch in a file of one format, and how a replacement is escaped.
struct FixPolicy {
  /// Characters that make a span markup rather than plain text.
  let reserved: Set<Unicode.Scalar>
  /// Escapes a replacement, or returns nil when it cannot be written safely.
  let escape: (String) -> String?

  /// The policy for a `Document.format` (`text`, `markdown`, `xliff`, `po`, `tmx` …); an
  /// unknown format gets the strictest one.
  init(format: String) {
    let markdown: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~"]
    let xml: Set<Unicode.Scalar> = ["<", "&"]
    let po: Set<Unicode.Scalar> = ["\"", "\\"]
    switch format.lowercased() {
    case "text", "plain", "plaintext", "txt":
      reserved = []
      escape = { $0 }
    case "markdown", "md":
      reserved = markdown
      escape = { text in text.unicodeScalars.contains(where: markdown.contains) ? nil : text }
    case "xliff", "xlf", "tmx", "tbx", "xml", "html", "sdlxliff":
      reserved = xml
      escape = { text in
        text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(
          ">", with: "&gt;")
      }
    case "po", "pot", "gettext":
      reserved = po
      escape = { text in
        text.unicodeScalars.contains { $0.value < 0x20 }
          ? nil : text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
      }
    default:
      let all = markdown.union(xml).union(po)
      reserved = all
      escape = { text in text.unicodeScalars.contains(where: all.contains) ? nil : text }
    }
  }

  /// Whether a span of original text may be replaced (it holds no markup).
  func allowsReplacing(_ original: String) -> Bool {
    !original.unicodeScalars.contains(where: reserved.contains)
  }
}

extension String {
  /// Replaces every occurrence of one scalar with a string (no Foundation, no locale).
  fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if scalar == target {
        out.append(contentsOf: replacement.unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
