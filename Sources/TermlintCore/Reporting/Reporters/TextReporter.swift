import TermlintGlossary
import TermlintText

/// Human-readable output, grouped by file:
///
/// ```
/// articles/briefing.en.md (2 problems · 212 words · quality score 97.2)
/// articles/briefing.en.md:3:27: error: 'security assurances' is deprecated in the glossary; use 'security guarantees' [term-forbidden]
///     Moscow said the “security assurances” were not enough.
///                      ^~~~~~~~~~~~~~~~~~~
///     suggestion: security guarantees
///
/// 2 problems (1 error, 1 warning, 0 info) in 1 file · ru → en · 212 words · MQM-style quality score 97.2 (6 penalty points, 28.3 per 1,000 words)
/// ```
///
/// Columns are 1-based Unicode code points. The source line shows invisible characters as
/// `<U+XXXX>`; a line wider than 100 terminal columns is cut around the span (`…`). ANSI
/// colours only when `ReportOptions.color` is set.
public enum TextReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "text"
  public static let summary =
    "readable, grouped by file: source line, underlined span, suggestion, summary with quality score"
  public static let fileExtension = "txt"

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    let style = Style(enabled: options.color)
    for part in report.fileSlices {
      let (path, findings, quality) = (part.path, part.findings, part.quality)
      guard !findings.isEmpty else { continue }
      // Reports without word counts (glossary checks) have no quality score.
      // A file's direction is in its header when the run has several.
      let direction =
        report.directionCounts.count > 1
        ? report.directions[path].map { [$0.description] } ?? [] : []
      let facts =
        [ReportText.plural(findings.count, "problem")] + direction
        + (report.wordCounts.isEmpty
          ? []
          : [ReportText.plural(quality.words, "word")]
            + (quality.score.map { ["quality score \(QualityScore.format($0))"] } ?? []))
        + (report.translationProgress[path].flatMap { $0.untranslated > 0 ? [$0.phrase] : nil }
          ?? [])
      out.write(
        style.bold(path) + " " + style.dim("(" + facts.joined(separator: " · ") + ")") + "\n")
      let file = part.file
      for f in findings {
        // `path:line:column: severity: message [rule-id]`: editors and terminals jump to it.
        out.write("\(path):\(f.location.line):\(f.location.column): ")
        out.write(
          style.severity(f.severity, padded: false) + ": " + ReportText.visible(f.message) + " ")
        out.write(style.dim("[\(f.ruleID)]") + "\n")
        if let file {
          let (line, underline) = snippet(file: file, location: f.location)
          out.write("    " + line + "\n")
          out.write("    " + style.color(underline, for: f.severity) + "\n")
        }
        if let s = ReportText.suggestion(f) {
          out.write("    " + style.dim("suggestion:") + " " + style.green(s) + "\n")
        }
      }
      out.write("\n")
    }
    // Files without findings that are not wholly translated yet: gettext's and XLIFF's normal
    // state, counted rather than reported.
    let quiet = report.fileSlices.filter {
      $0.findings.isEmpty && (report.translationProgress[$0.path]?.untranslated ?? 0) > 0
    }
    for part in quiet {
      out.write(
        style.bold(part.path) + " "
          + style.dim("(" + report.translationProgress[part.path]!.phrase + ")") + "\n")
    }
    if !quiet.isEmpty { out.write("\n") }
    out.write(summaryLine(report, style: style) + "\n")
  }

  // MARK: - Private

  /// Display columns a snippet may take before it is cut around the span.
  static let maximumWidth = 100
  /// Display columns kept before the span when a line is cut.
  static let contextBefore = 32
  /// UTF-16 units beyond which a line is laid out only in a window of this size around the span.
  static let longLine = 2048

  /// The summary line: counts by severity, files, words and the MQM-style score.
  static func summaryLine(_ report: RunReport, style: Style) -> String {
    let c = report.counts
    let quality = report.quality
    var parts: [String] = []
    if report.findings.isEmpty {
      parts.append("No problems found in " + ReportText.plural(report.files.count, "file"))
    } else {
      let bySeverity = [
        style.color(
          ReportText.plural(c[.error] ?? 0, "error"), for: (c[.error] ?? 0) > 0 ? .error : nil),
        style.color(
          ReportText.plural(c[.warning] ?? 0, "warning"),
          for: (c[.warning] ?? 0) > 0 ? .warning : nil),
        style.color(
          "\(ReportText.grouped(c[.info] ?? 0)) info", for: (c[.info] ?? 0) > 0 ? .info : nil),
      ]
      parts.append(
        ReportText.plural(report.findings.count, "problem") + " ("
          + bySeverity.joined(separator: ", ") + ") in "
          + ReportText.plural(report.files.count, "file"))
    }
    // The direction the files were checked in (`ru → en`, `en (monolingual)`).
    if let direction = report.directionSummary { parts.append(direction) }
    if let progress = report.totalTranslationProgress, progress.untranslated > 0 {
      parts.append(progress.phrase)
    }
    if report.wordCounts.isEmpty { return parts.joined(separator: " · ") + "." }
    parts.append(ReportText.plural(quality.words, "word"))
    if let score = quality.score, let perThousand = quality.perThousandWords {
      let detail =
        report.findings.isEmpty
        ? ""
        : " (\(ReportText.plural(quality.penaltyPoints, "penalty point")), \(QualityScore.format(perThousand)) per 1,000 words)"
      parts.append("MQM-style quality score " + style.bold(QualityScore.format(score)) + detail)
    } else {
      parts.append("no quality score (no words checked)")
    }
    return parts.joined(separator: " · ")
  }

  /// The source line of a location (cut around the span if long) and the marker line under it.
  static func snippet(file: SourceFile, location l: Location) -> (line: String, marker: String) {
    var lineText: String
    var columnShift = 0
    var cutBefore = false
    var cutAfter = false
    let range = file.lineRange(l.line)
    if range.count > longLine, range.contains(l.utf16Offset),
      file.position(utf16Offset: l.utf16Offset) == (l.line, l.column)
    {
      // A very long line (minified text, a file without line breaks): lay out only a window
      // around the span, so each finding costs the same however long its line is.
      var lower = max(range.lowerBound, l.utf16Offset - longLine / 2)
      var upper = min(range.upperBound, l.utf16Offset + longLine / 2)
      if lower > range.lowerBound && UTF16.isTrailSurrogate(file.utf16[lower]) { lower += 1 }
      if upper < range.upperBound && UTF16.isTrailSurrogate(file.utf16[upper]) { upper += 1 }
      lineText = file.text(in: lower..<upper)
      columnShift = file.position(utf16Offset: lower).column - 1
      cutBefore = lower > range.lowerBound
      cutAfter = upper < range.upperBound
    } else {
      lineText = file.lineText(l.line)
    }
    let glyphs = ReportText.glyphs(lineText)
    let start = min(max(l.column - 1 - columnShift, 0), glyphs.count)
    let end =
      l.endLine == l.line
      ? min(max(l.endColumn - 1 - columnShift, start), glyphs.count) : glyphs.count
    func width(_ r: Range<Int>) -> Int { glyphs[r].reduce(0) { $0 + $1.width } }
    var lower = 0
    var upper = glyphs.count
    if width(0..<glyphs.count) > maximumWidth {
      // Keep up to `contextBefore` columns before the span, then fill the rest after it.
      lower = start
      while lower > 0 && width((lower - 1)..<start) <= contextBefore { lower -= 1 }
      upper = start
      while upper < glyphs.count && width(lower..<(upper + 1)) <= maximumWidth - 2 { upper += 1 }
      upper = max(upper, min(start + 1, glyphs.count))
    }
    let prefix = lower > 0 || cutBefore ? "…" : ""
    let suffix = upper < glyphs.count || cutAfter ? "…" : ""
    let line = prefix + glyphs[lower..<upper].map(\.text).joined() + suffix
    let indent = prefix.count + width(lower..<start)
    let spanWidth = width(start..<min(max(end, start), upper))
    var marker =
      String(repeating: " ", count: indent) + "^"
      + String(repeating: "~", count: max(0, spanWidth - 1))
    if l.endLine > l.line { marker += " (continues to line \(l.endLine))" }
    return (line, marker)
  }

  /// ANSI styling, or none.
  struct Style {
    let enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func green(_ s: String) -> String { wrap(s, "32") }

    func color(_ s: String, for severity: Severity?) -> String {
      switch severity {
      case .error: return wrap(s, "1;31")
      case .warning: return wrap(s, "1;33")
      case .info: return wrap(s, "1;36")
      case nil: return s
      }
    }

    func severity(_ severity: Severity, padded: Bool) -> String {
      let name = severity.rawValue
      return color(name, for: severity)
        + (padded ? String(repeating: " ", count: 7 - name.count) : "")
    }

    private func wrap(_ s: String, _ code: String) -> String {
      enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
  }
}
