import TermlintGlossary
import TermlintText

/// Inputs of a batch that cannot be read or parsed become `input-error` findings, so that one
/// broken file does not hide the report on every other one (Documentation/BatchRuns.md).
///
/// The finding carries the reader's message and, where the reader knows it, the line and
/// column; the run still ends with exit status 2.
public enum InputErrors {
  /// The rule id of the finding.
  public static let ruleID = "input-error"

  /// The descriptor reporters list (SARIF `rules`, `rules explain input-error`).
  public static let descriptor = RuleDescriptor(
    id: ruleID, title: "Input Error", category: .designAndMarkup, defaultSeverity: .error,
    summary: "The file could not be read or parsed, so nothing in it was checked",
    rationale: """
      A file that cannot be read (missing, no permission), is not valid UTF-8 or UTF-16, or is \
      malformed (broken XML in XLIFF or TMX, a bad PO entry) cannot be checked. The other files \
      of the run are checked and reported as usual; this finding names the file and, where the \
      reader knows it, the line and column of the problem, and the run ends with exit status 2. \
      Fix the file (or exclude it) and run again.
      """,
    nonTriggeringExamples: [], triggeringExamples: [])

  /// Whether an error is about one input (and so becomes a finding) rather than about the run.
  public static func isInputError(_ error: any Error) -> Bool {
    (error as? TermlintError)?.kind == .input
  }

  /// The finding for an input that failed, and the file its location refers to: the decoded
  /// file when its bytes are readable text, else an empty file of that path.
  ///
  /// - Parameters:
  ///   - error: the reader's error (its `file`, `line` and `column` are used when given).
  ///   - path: the input's path as reported.
  ///   - bytes: the input's bytes, when they could be read.
  public static func finding(for error: any Error, path: String, bytes: [UInt8]?) -> (
    finding: Finding, file: SourceFile
  ) {
    let termlintError = error as? TermlintError
    let reason = termlintError?.reason ?? String(describing: error)
    let file =
      bytes.flatMap { try? SourceFile(path: path, bytes: $0) } ?? SourceFile(path: path, text: "")
    var location = Location(file: file, utf16Range: 0..<0)
    if let line = termlintError?.line, line >= 1 {
      let column = max(1, termlintError?.column ?? 1)
      if line <= file.lineStarts.count {
        let start = file.lineStarts[line - 1]
        let lineEnd = file.lineRange(line).upperBound
        let offset = min(start + column - 1, lineEnd)
        location = Location(file: file, utf16Range: offset..<offset)
      }
      // The reader's own position wins: it counts code points as reports do, and a file that
      // cannot be decoded has no text to count in.
      location.line = line
      location.column = column
      location.endLine = line
      location.endColumn = column
    }
    let message: String
    if let other = termlintError?.file, other != path {
      message = "\(other): \(reason)"
    } else {
      message = reason
    }
    let finding = Finding(
      ruleID: ruleID, severity: .error, category: descriptor.category,
      message: "cannot check this file: \(message)",
      location: location, matchedText: "")
    return (finding, file)
  }
}
