import Foundation
import TermlintGlossary
import TermlintText

/// One self-contained HTML page for reviewers: inline CSS and JavaScript, no network access
/// (a Content-Security-Policy forbids it), readable without JavaScript.
///
/// Each checked file is shown as written, line by line, with every finding highlighted in place;
/// hovering over, focusing or clicking a highlight shows its message and suggestion. Bilingual
/// documents (units with a source and a target) are shown as a two-column table, source beside
/// target, unit by unit, each side as the rules saw it (markup removed, inline codes as badges). Checkboxes filter findings by severity and by rule. Invisible
/// characters are shown as `U+XXXX` badges, so a stray right-to-left mark is visible and cannot
/// reorder the line around it.
public enum HTMLReporter: Reporter {
  // MARK: - Reporter

  public static let identifier = "html"
  public static let summary =
    "one self-contained HTML page: each article with its findings highlighted"
  public static let fileExtension = "html"

  public static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter)
    throws
  {
    let marks = Dictionary(
      grouping: report.findings.enumerated().map {
        Mark(id: "f\($0.offset + 1)", finding: $0.element)
      }
    ) {
      $0.finding.location.path
    }
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.write(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
    )
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    out.write("<meta name=\"generator\" content=\"termlint \(report.toolVersion.html)\">\n")
    out.write("<title>Termlint report</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n")
    let parts = report.fileReports
    out.write(header(report, parts))
    out.write(findingsTable(report, parts))
    for (n, part) in parts.enumerated() {
      out.write(fileSection(report, part, number: n + 1, marks: marks))
    }
    out.write(
      "<div id=\"pop\" role=\"tooltip\" hidden></div>\n<script>\n\(script)</script>\n</body>\n</html>\n"
    )
  }

  // MARK: - Private

  /// Title, summary, filters and (for several files) a table of contents.
  static func header(_ report: RunReport, _ parts: [FileReport]) -> String {
    let quality = report.quality
    var out = "<header>\n<h1>Termlint report</h1>\n<p class=\"summary\">"
    out +=
      TextReporter.summaryLine(report, style: TextReporter.Style(enabled: false)).html + "</p>\n"
    out += provenance(report)
    if let score = quality.score {
      out +=
        "<p class=\"score\" title=\"MQM-style: 100 × (1 − penalty points ÷ words); error = major (5 points), warning = minor (1), info = neutral (0)\">"
      out += "<span>\(QualityScore.format(score))</span> quality score</p>\n"
    }
    let counts = report.counts
    out += "<form id=\"filters\" class=\"filters\">\n<fieldset><legend>Severity</legend>\n"
    for severity in Severity.allCases.reversed() {
      let n = counts[severity] ?? 0
      out +=
        "<label class=\"s-\(severity.rawValue)\"><input type=\"checkbox\" name=\"sev\" value=\"\(severity.rawValue)\" checked\(n == 0 ? " disabled" : "")> \(severity.rawValue) <span class=\"n\">\(n)</span></label>\n"
    }
    out += "</fieldset>\n<fieldset><legend>Rule</legend>\n"
    var byRule: [String: Int] = [:]
    for f in report.findings { byRule[f.ruleID, default: 0] += 1 }
    for (rule, n) in byRule.sorted(by: { $0.key < $1.key }) {
      let title = report.rule(rule).map { " title=\"\($0.title.html): \($0.summary.html)\"" } ?? ""
      out +=
        "<label\(title)><input type=\"checkbox\" name=\"rule\" value=\"\(rule.html)\" checked> \(rule.html) <span class=\"n\">\(n)</span></label>\n"
    }
    if byRule.isEmpty { out += "<span class=\"none\">no findings</span>\n" }
    out += "</fieldset>\n"
    if parts.count > 1 {
      // A file's findings alone; and, on by default for large runs, only files with problems.
      out +=
        "<fieldset><legend>File</legend>\n<select name=\"file\" aria-label=\"File\">\n<option value=\"\" selected>all files</option>\n"
      for (n, part) in parts.enumerated() where !part.findings.isEmpty {
        out +=
          "<option value=\"file-\(n + 1)\">\(part.path.html) (\(part.findings.count))</option>\n"
      }
      let withProblems = parts.filter { !$0.findings.isEmpty }.count
      out +=
        "</select>\n<label><input type=\"checkbox\" name=\"problems\"\(parts.count > largeRun ? " checked" : "")> only files with problems "
      out += "<span class=\"n\">\(withProblems) of \(parts.count)</span></label>\n</fieldset>\n"
    }
    out += "</form>\n"
    if parts.count > 1 {
      out += "<nav><ol>\n"
      for (n, part) in parts.enumerated() {
        out +=
          "<li data-file=\"file-\(n + 1)\" data-problems=\"\(part.findings.count)\"><a href=\"#file-\(n + 1)\">\(part.path.html)</a> <span class=\"n\">\(ReportText.plural(part.findings.count, "problem"))</span></li>\n"
      }
      out += "</ol></nav>\n"
    }
    return out + "</header>\n"
  }

  /// One file: its text with highlights (line by line, or source beside target), then the list.
  static func fileSection(
    _ report: RunReport, _ part: FileReport, number: Int, marks allMarks: [String: [Mark]]
  ) -> String {
    let (path, findings, quality) = (part.path, part.findings, part.quality)
    let facts =
      [ReportText.plural(findings.count, "problem")]
      + (report.directions[path].map { [$0.description] } ?? [])
      + [ReportText.plural(quality.words, "word")]
      + (quality.score.map { ["quality score \(QualityScore.format($0))"] } ?? [])
    var out =
      "<section class=\"file\" id=\"file-\(number)\" data-problems=\"\(findings.count)\">\n<details\(findings.isEmpty ? "" : " open")>\n"
    out +=
      "<summary><h2>\(path.html)</h2> <span class=\"facts\">\(facts.joined(separator: " · ").html)</span></summary>\n"
    let marks = allMarks[path] ?? []
    if let document = part.document, document.units.contains(where: { $0.source != nil }) {
      out += bilingualTable(document, marks: allMarks)
    } else if let file = part.file {
      let language = part.document?.targetLanguage.map { " lang=\"\($0.value.html)\"" } ?? ""
      out += "<div class=\"text\"\(language)>\n"
      for line in 1...file.lineStarts.count {
        let range = file.lineRange(line)
        let own = marks.filter { $0.touches(range) }
        out +=
          "<div class=\"l\"><span class=\"n\">\(line)</span><span class=\"c\" dir=\"auto\">\(highlighted(file, range, own))</span></div>\n"
      }
      out += "</div>\n"
    }
    if !findings.isEmpty {
      out += "<ol class=\"findings\">\n"
      for m in marks { out += listItem(m.finding, id: m.id, report: report) }
      out += "</ol>\n"
    }
    return out + "</details>\n</section>\n"
  }

  /// More files than this and the page shows only the files with problems at first.
  static let largeRun = 20

  /// Which glossaries, pipeline, languages and versions produced the report, and when.
  static func provenance(_ report: RunReport) -> String {
    var out = "<dl class=\"provenance\">\n"
    let configurations = report.configurations
    if configurations.count == 1 {
      let c = configurations[0]
      out +=
        "<dt>Pipeline</dt><dd>\(c.pipeline.map { "<code>\($0.html)</code>" } ?? "built-in (no pipeline file)")</dd>\n"
      out += "<dt>Glossaries</dt><dd>\(glossaryList(c.glossaries))</dd>\n"
    } else if configurations.count > 1 {
      out += "<dt>Pipelines</dt><dd><ul>\n"
      for c in configurations {
        let files =
          c.files.isEmpty
          ? "" : " <span class=\"n\">(\(ReportText.plural(c.files.count, "file")))</span>"
        out +=
          "<li>\(c.pipeline.map { "<code>\($0.html)</code>" } ?? "built-in")\(files): glossaries \(glossaryList(c.glossaries))</li>\n"
      }
      out += "</ul></dd>\n"
    }
    if let direction = report.directionSummary {
      out += "<dt>Languages</dt><dd>\(direction.html)</dd>\n"
    }
    out +=
      "<dt>Tool</dt><dd>termlint \(report.toolVersion.html) · ICU \(report.icuVersion.html)</dd>\n"
    if let date = report.generated {
      out +=
        "<dt>Date</dt><dd><time datetime=\"\(isoDate(date))\">\(isoDate(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC"))</time></dd>\n"
    }
    return out + "</dl>\n"
  }

  static func glossaryList(_ paths: [String]) -> String {
    paths.isEmpty ? "none" : paths.map { "<code>\($0.html)</code>" }.joined(separator: ", ")
  }

  /// A date as `2026-12-07T01:40:00Z`.
  static func isoDate(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// Every finding in one table that the filters narrow, with the data for the CSV export.
  static func findingsTable(_ report: RunReport, _ parts: [FileReport]) -> String {
    guard !report.findings.isEmpty else { return "" }
    var number: [String: Int] = [:]
    for (n, part) in parts.enumerated() { number[part.path] = n + 1 }
    var out =
      "<section id=\"all-findings\">\n<details open>\n<summary><h2>Findings</h2> <span class=\"facts\" id=\"shown\">"
    out += "\(ReportText.plural(report.findings.count, "finding"))</span></summary>\n"
    out +=
      "<p><button type=\"button\" id=\"export-csv\">Export CSV</button> <span class=\"n\">the findings the filters show</span></p>\n"
    out +=
      "<table class=\"findings-table\">\n<thead><tr><th>File</th><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th><th>Suggestion</th></tr></thead>\n<tbody>\n"
    for (i, f) in report.findings.enumerated() {
      let l = f.location
      let suggestion = ReportText.suggestion(f) ?? ""
      out +=
        "<tr class=\"s-\(f.severity.rawValue)\" data-id=\"f\(i + 1)\" data-sev=\"\(f.severity.rawValue)\" data-rule=\"\(f.ruleID.html)\" data-file=\"file-\(number[l.path] ?? 0)\""
      out +=
        " data-path=\"\(l.path.html)\" data-line=\"\(l.line)\" data-column=\"\(l.column)\" data-end-line=\"\(l.endLine)\" data-end-column=\"\(l.endColumn)\""
      out += " data-category=\"\(f.category.rawValue)\" data-unit=\"\((f.unitID ?? "").html)\">"
      out +=
        "<td class=\"path\">\(l.path.html)</td><td><a class=\"loc\" href=\"#f\(i + 1)\">\(l.line):\(l.column)</a></td>"
      out += "<td class=\"sev\">\(f.severity.rawValue)</td><td class=\"rule\">\(f.ruleID.html)</td>"
      out +=
        "<td class=\"msg\">\(f.message.html)</td><td class=\"sug\">\(suggestion.html)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</details>\n</section>\n"
  }

  /// Source beside target, one row per unit; findings are placed by their range in the file.
  static func bilingualTable(_ document: Document, marks: [String: [Mark]]) -> String {
    func cell(_ span: TextSpan?, language: LanguageTag?) -> String {
      guard let span else { return "<td class=\"empty\">—</td>" }
      let range = span.map.sourceRange(0..<span.text.count)
      let own = (marks[span.file.path] ?? []).filter { $0.touches(range) }
      let lang = (span.language ?? language).map { " lang=\"\($0.value.html)\"" } ?? ""
      return "<td dir=\"auto\"\(lang)>\(highlighted(span, own))</td>"
    }
    let source = document.sourceLanguage.map { " (\($0.value.html))" } ?? ""
    let target = document.targetLanguage.map { " (\($0.value.html))" } ?? ""
    var out =
      "<table class=\"pair\">\n<thead><tr><th>Unit</th><th>Source\(source)</th><th>Target\(target)</th></tr></thead>\n<tbody>\n"
    for unit in document.units {
      out +=
        "<tr><th scope=\"row\"\(unitLabel(unit.id))</th>\(cell(unit.source, language: document.sourceLanguage))\(cell(unit.target, language: document.targetLanguage))</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// A unit's id for the first column (continuing the `<th` tag): short ids as they are, long
  /// ones (a PO unit's id is its whole msgid) cut to their start with the whole id as a tooltip.
  static func unitLabel(_ id: String) -> String {
    let limit = 24
    guard id.count > limit + 1 else { return ">\(id.html)" }
    return " title=\"\(id.html)\">\(String(id.prefix(limit)).html)…"
  }

  /// One finding in the list; the popup shows a copy of it.
  static func listItem(_ f: Finding, id: String, report: RunReport) -> String {
    let l = f.location
    var out =
      "<li class=\"finding s-\(f.severity.rawValue)\" id=\"\(id)\" data-sev=\"\(f.severity.rawValue)\" data-rule=\"\(f.ruleID.html)\">"
    out +=
      "<a class=\"loc\" href=\"#\(id)\">\(l.line):\(l.column)</a> <span class=\"sev\">\(f.severity.rawValue)</span> "
    out += "<span class=\"msg\">\(htmlText(f.message, lineBreaks: "<br>"))</span> "
    let title = report.rule(f.ruleID).map { " title=\"\($0.title.html)\"" } ?? ""
    out += "<span class=\"rule\"\(title)>\(f.ruleID.html)</span>"
    if let s = ReportText.suggestion(f) {
      out += "<div class=\"sug\">Suggestion: <ins>\(htmlText(s, lineBreaks: "<br>"))</ins></div>"
    }
    return out + "</li>\n"
  }

  /// A finding to highlight, with its UTF-16 range in its file.
  struct Mark {
    let id: String
    let finding: Finding
    var range: Range<Int> { finding.location.utf16Range }

    /// Whether the finding shows in a range: overlaps it, or is an empty span inside it.
    func touches(_ r: Range<Int>) -> Bool {
      range.isEmpty
        ? r.lowerBound <= range.lowerBound && range.lowerBound <= r.upperBound : range.overlaps(r)
    }
  }

  /// A range of a file as HTML, split where highlights start and end; an empty span is a caret.
  static func highlighted(_ file: SourceFile, _ range: Range<Int>, _ marks: [Mark]) -> String {
    var cuts = Set([range.lowerBound, range.upperBound])
    for m in marks {
      cuts.insert(min(max(m.range.lowerBound, range.lowerBound), range.upperBound))
      cuts.insert(min(max(m.range.upperBound, range.lowerBound), range.upperBound))
    }
    let points = cuts.sorted()
    var out = ""
    for (k, a) in points.enumerated() {
      for m in marks where m.range.isEmpty && m.range.lowerBound == a { out += caret(m) }
      guard k + 1 < points.count else { break }
      let b = points[k + 1]
      let text = htmlText(file.text(in: a..<b), lineBreaks: "\n")
      let covering = marks.filter {
        !$0.range.isEmpty && $0.range.lowerBound <= a && $0.range.upperBound >= b
      }
      out += covering.isEmpty ? text : mark(covering, text)
    }
    return out
  }

  /// A unit's text as rules saw it (markup removed, inline codes as badges), with highlights:
  /// each finding's file range is mapped onto the text through the span's offset map.
  static func highlighted(_ span: TextSpan, _ marks: [Mark]) -> String {
    let n = span.text.count
    let starts = (0..<n).map { span.map.sourceOffset(startingAt: $0) }
    let ends = (0..<n).map { span.map.sourceOffset(endingAfter: $0) }
    var cover = [[Int]](repeating: [], count: n)
    var carets = [[Int]](repeating: [], count: n + 1)
    for (k, m) in marks.enumerated() {
      if m.range.isEmpty {
        carets[starts.firstIndex { $0 >= m.range.lowerBound } ?? n].append(k)
        continue
      }
      for i in 0..<n where starts[i] < m.range.upperBound && ends[i] > m.range.lowerBound {
        cover[i].append(k)
      }
    }
    var out = ""
    var placeholder = 0
    var i = 0
    while i <= n {
      for k in carets[i] { out += caret(marks[k]) }
      guard i < n else { break }
      var j = i + 1
      while j < n && cover[j] == cover[i] && carets[j].isEmpty { j += 1 }
      var text = ""
      for piece in String(utf16Units: span.text[i..<j]).split(
        separator: "\u{FFFC}", omittingEmptySubsequences: false
      ).enumerated() {
        if piece.offset > 0 {
          let code = placeholder < span.placeholders.count ? span.placeholders[placeholder] : nil
          let title = code.map { " title=\"\(($0.content ?? $0.kind).html)\"" } ?? ""
          text += "<span class=\"ph\"\(title)>\((code?.id ?? "code").html)</span>"
          placeholder += 1
        }
        text += htmlText(String(piece.element), lineBreaks: "\n")
      }
      out += cover[i].isEmpty ? text : mark(cover[i].map { marks[$0] }, text)
      i = j
    }
    return out
  }

  /// A highlight over text covered by one or more findings, coloured by the most severe.
  static func mark(_ covering: [Mark], _ html: String) -> String {
    let worst = covering.map(\.finding.severity).max() ?? .info
    let ids = covering.map(\.id).joined(separator: " ")
    let title = covering.map(\.finding.message).joined(separator: "\n")
    return
      "<mark class=\"hl s-\(worst.rawValue)\" data-f=\"\(ids)\" tabindex=\"0\" title=\"\(title.html)\">\(html)</mark>"
  }

  /// The marker of an empty span (an insertion point).
  static func caret(_ m: Mark) -> String {
    "<mark class=\"hl caret s-\(m.finding.severity.rawValue)\" data-f=\"\(m.id)\" tabindex=\"0\" title=\"\(m.finding.message.html)\"></mark>"
  }

  /// Text as HTML: escaped, invisible characters as badges, line breaks as given.
  static func htmlText(_ text: String, lineBreaks: String) -> String {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.map {
      line in
      ReportText.glyphs(String(line)).map { g in
        g.isCode ? "<span class=\"inv\">\(g.text.dropFirst().dropLast())</span>" : g.text.html
      }.joined()
    }.joined(separator: lineBreaks)
  }
}

extension String {
  /// Escaped for HTML text and attribute values.
  fileprivate var html: String {
    var out = ""
    for c in unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
