import TermlintGlossary
import TermlintText

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case info, warning, error

  private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The MQM top-level issue category of a rule.
public enum Category: String, Sendable, Codable, CaseIterable {
  case terminology
  case accuracy
  case linguisticConventions = "linguistic-conventions"
  case style
  case localeConventions = "locale-conventions"
  case designAndMarkup = "design-and-markup"
}

/// Where a finding is: file, 1-based lines, 1-based columns in Unicode code points.
///
/// `endColumn` is exclusive (one past the last character), as in SARIF.
public struct Location: Sendable, Codable, Hashable {
  /// The path as given on the command line.
  public var path: String
  /// 1-based start line.
  public var line: Int
  /// 1-based start column, counted in Unicode code points.
  public var column: Int
  /// 1-based end line.
  public var endLine: Int
  /// 1-based end column (exclusive), counted in Unicode code points.
  public var endColumn: Int
  /// UTF-16 offset of the start in the decoded file.
  public var utf16Offset: Int
  /// UTF-16 length of the span.
  public var utf16Length: Int

  /// Computes a location from a UTF-16 range of a file.
  public init(file: SourceFile, utf16Range range: Range<Int>) {
    let start = file.position(utf16Offset: range.lowerBound)
    let end = file.position(utf16Offset: range.upperBound)
    path = file.path
    line = start.line
    column = start.column
    endLine = end.line
    endColumn = end.column
    utf16Offset = range.lowerBound
    utf16Length = range.count
  }

  /// The UTF-16 range in the decoded file.
  public var utf16Range: Range<Int> { utf16Offset..<(utf16Offset + utf16Length) }
}

/// A problem found by a rule.
public struct Finding: Sendable, Codable, Hashable {
  /// The rule's stable id, e.g. `term-forbidden`.
  public var ruleID: String
  /// The severity after configuration.
  public var severity: Severity
  /// The rule's MQM category.
  public var category: Category
  /// What is wrong and what to do, in a translator's words.
  public var message: String
  /// Where it is.
  public var location: Location
  /// The original text at the location, exactly as in the file.
  public var matchedText: String
  /// Replacements for `matchedText`, best first.
  public var suggestions: [String]
  /// Whether the first suggestion may be applied automatically (`termlint fix`).
  public var fixIsSafe: Bool
  /// The unit the finding belongs to (paragraph `p3`, XLIFF unit id …).
  public var unitID: String?
  /// `target` or `source`.
  public var side: String?
  /// Other places that explain the finding (e.g. where the first variant was used).
  public var related: [Location]

  /// Creates a finding.
  public init(
    ruleID: String, severity: Severity, category: Category, message: String, location: Location,
    matchedText: String, suggestions: [String] = [], fixIsSafe: Bool = false, unitID: String? = nil,
    side: String? = nil, related: [Location] = []
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.category = category
    self.message = message
    self.location = location
    self.matchedText = matchedText
    self.suggestions = suggestions
    self.fixIsSafe = fixIsSafe
    self.unitID = unitID
    self.side = side
    self.related = related
  }

  /// The stable report order: path, line, column, rule id, then message.
  public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
    if a.location.path != b.location.path { return a.location.path < b.location.path }
    if a.location.line != b.location.line { return a.location.line < b.location.line }
    if a.location.column != b.location.column { return a.location.column < b.location.column }
    if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
    return a.message < b.message
  }
}

/// Keeps findings small when there are very many of them.
enum FindingStorage {
  /// The findings with equal strings (messages, matched texts, suggestions, units) sharing one
  /// copy: a rule builds each finding's message anew, so a file with 100,000 findings of one
  /// term would otherwise hold 100,000 copies of the same message and suggestion.
  static func shareStrings(_ findings: inout [Finding]) {
    guard findings.count > 1 else { return }
    var strings = Set<String>()
    var lists = Set<[String]>()
    func shared(_ s: String) -> String { strings.insert(s).memberAfterInsert }
    // In place: a second array of millions of findings would double the memory held.
    for i in findings.indices {
      findings[i].ruleID = shared(findings[i].ruleID)
      findings[i].message = shared(findings[i].message)
      findings[i].matchedText = shared(findings[i].matchedText)
      if !findings[i].suggestions.isEmpty {
        findings[i].suggestions =
          lists.insert(findings[i].suggestions.map(shared)).memberAfterInsert
      }
      findings[i].unitID = findings[i].unitID.map(shared)
      findings[i].side = findings[i].side.map(shared)
    }
  }
}
