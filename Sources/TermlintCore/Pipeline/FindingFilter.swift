import TermlintGlossary
import TermlintText

/// The one stage after the rules: drops findings that inline comments suppress, then findings
/// the baseline accepts.
public struct FindingFilter: Sendable {
  /// Every id a suppression comment may name, mapped to the id findings carry.
  public let ruleIDs: [String: String]
  /// Accepted findings, if a baseline is used.
  public let baseline: Baseline?

  /// Creates a filter.
  ///
  /// - Parameters:
  ///   - descriptors: the rules comments may name (deprecated aliases included).
  ///   - baseline: accepted findings to hide.
  public init(descriptors: [RuleDescriptor], baseline: Baseline? = nil) {
    var ids: [String: String] = [:]
    for d in descriptors {
      ids[d.id] = d.id
      for alias in d.deprecatedAliases where ids[alias] == nil { ids[alias] = d.id }
    }
    self.ruleIDs = ids
    self.baseline = baseline
  }

  /// What the filter kept and dropped for one document.
  public struct Result: Sendable {
    /// Findings to report, in report order.
    public var findings: [Finding]
    /// Findings suppressed by comments in the checked file.
    public var suppressed: [Finding]
    /// Findings the baseline accepts.
    public var baselined: [Finding]
    /// Baseline entries for every finding not suppressed by a comment (`--write-baseline`).
    public var baselineEntries: [Baseline.Entry]
  }

  /// Filters the findings of one document.
  ///
  /// - Parameter baselineEntries: whether to make `Result.baselineEntries` (false leaves it
  ///   empty: a fingerprint per finding is a third of a run with millions of findings, and only
  ///   `--write-baseline` reads them).
  /// - Throws: `TermlintError.input` for a suppression comment that names an unknown rule.
  public func apply(_ findings: [Finding], document: Document, baselineEntries: Bool = true) throws
    -> Result
  {
    var files: [String: SourceFile] = [document.file.path: document.file]
    // NOTE: units are read in place; most spans are in the document's own file.
    for i in document.units.indices {
      if let span = document.units[i].source, span.file.path != document.file.path,
        files[span.file.path] == nil
      {
        files[span.file.path] = span.file
      }
      if let span = document.units[i].target, span.file.path != document.file.path,
        files[span.file.path] == nil
      {
        files[span.file.path] = span.file
      }
    }
    var result = Result(findings: [], suppressed: [], baselined: [], baselineEntries: [])
    for path in files.keys.sorted() {
      guard let file = files[path] else { continue }
      // NOTE: parsed even when the file has no findings, so a misspelt rule id is always reported.
      let format = file.path == document.file.path ? document.format : "text"
      let suppressions = try Suppressions.parse(file, format: format, ruleIDs: ruleIDs)
      // NOTE: arrays are shared, not copied, where nothing is taken out: a file with millions
      // of findings would otherwise hold several copies of them at once.
      let own =
        findings.allSatisfy { $0.location.path == path }
        ? findings : findings.filter { $0.location.path == path }
      if own.isEmpty { continue }
      var active = own
      if own.contains(where: suppressions.suppresses) {
        active = []
        for f in own {
          if suppressions.suppresses(f) { result.suppressed.append(f) } else { active.append(f) }
        }
      }
      if baselineEntries {
        result.baselineEntries += active.map { Baseline.entry(for: $0, in: file) }
      }
      var kept = active
      if let baseline {
        let split = baseline.split(active, file: file)
        kept = split.kept
        result.baselined += split.hidden
      }
      if result.findings.isEmpty { result.findings = kept } else { result.findings += kept }
    }
    // Findings outside the document's files (none today) are kept as they are.
    if findings.contains(where: { files[$0.location.path] == nil }) {
      result.findings += findings.filter { files[$0.location.path] == nil }
    }
    if !zip(result.findings, result.findings.dropFirst()).allSatisfy({
      !Finding.reportOrder($1, $0)
    }) {
      result.findings.sort(by: Finding.reportOrder)
    }
    return result
  }
}
