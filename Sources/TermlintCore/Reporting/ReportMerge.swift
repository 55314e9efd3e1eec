import Foundation
import TermlintGlossary
import TermlintText

/// Joins the JSON reports of a sharded run (`termlint lint --shard K/N`) into one report, which
/// any reporter can then render (`termlint report merge`).
///
/// A JSON report keeps every finding field, the words and translation progress of each file
/// and the languages it was read in, so the merged report renders as a single run would have.
/// Lines are quoted from the files on disk when they are there (the merge job usually runs in
/// the same checkout); a file that is gone is quoted as empty.
public enum ReportMerge {
  /// Reads JSON reports and merges them.
  ///
  /// - Parameter paths: JSON reports written by `--format json`.
  /// - Throws: `TermlintError.input` naming the file for a report that cannot be read, is not
  ///   JSON, or is not a Termlint JSON report of a known schema version.
  public static func merge(paths: [String]) throws -> RunReport {
    RunReport.merged(try paths.map(read(path:)))
  }

  /// Reads one JSON report back into a `RunReport`.
  public static func read(path: String) throws -> RunReport {
    let bytes = try SourceFile.readBytes(path: path)
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw TermlintError.input(path, "not a JSON report (write shard reports with --format json)")
    }
    guard let version = object["schemaVersion"] as? Int, version == JSONReporter.schemaVersion,
      let findingObjects = object["findings"] as? [[String: Any]],
      let fileObjects = object["files"] as? [[String: Any]]
    else {
      throw TermlintError.input(
        path, "not a Termlint JSON report of schema version \(JSONReporter.schemaVersion)")
    }
    var sources: [String: SourceFile] = [:]
    func file(_ name: String) -> SourceFile {
      if let known = sources[name] { return known }
      let loaded = (try? SourceFile.read(path: name)) ?? SourceFile(path: name, text: "")
      sources[name] = loaded
      return loaded
    }
    var words: [String: Int] = [:]
    var progress: [String: TranslationProgress] = [:]
    var directions: [String: LanguageDirection] = [:]
    for entry in fileObjects {
      guard let name = entry["path"] as? String else {
        throw TermlintError.input(path, "a file entry has no 'path'")
      }
      _ = file(name)
      words[name] = entry["words"] as? Int ?? 0
      if let untranslated = entry["untranslated"] as? Int,
        let units = entry["translatableUnits"] as? Int
      {
        progress[name] = TranslationProgress(untranslated: untranslated, units: units)
      }
      if entry["direction"] != nil {
        directions[name] = LanguageDirection(
          source: (entry["sourceLanguage"] as? String).flatMap(LanguageTag.init),
          target: (entry["targetLanguage"] as? String).flatMap(LanguageTag.init),
          isBilingual: (entry["monolingual"] as? Bool).map { !$0 })
      }
    }
    var findings: [Finding] = []
    var rules: [String: RuleDescriptor] = [:]
    let known = Dictionary(
      (BuiltInRules.descriptors + [InputErrors.descriptor]).map { ($0.id, $0) },
      uniquingKeysWith: { a, _ in a })
    for (index, entry) in findingObjects.enumerated() {
      func bad(_ what: String) -> TermlintError {
        TermlintError.input(path, "finding \(index + 1): \(what)")
      }
      guard let ruleID = entry["ruleId"] as? String else { throw bad("no 'ruleId'") }
      guard let severity = (entry["severity"] as? String).flatMap(Severity.init(rawValue:)) else {
        throw bad("no valid 'severity'")
      }
      guard let category = (entry["category"] as? String).flatMap(Category.init(rawValue:)) else {
        throw bad("no valid 'category'")
      }
      guard let location = Self.location(entry, file: file) else { throw bad("no valid location") }
      let related = (entry["related"] as? [[String: Any]] ?? []).compactMap {
        Self.location($0, file: file)
      }
      findings.append(
        Finding(
          ruleID: ruleID, severity: severity, category: category,
          message: entry["message"] as? String ?? "",
          location: location, matchedText: entry["text"] as? String ?? "",
          suggestions: entry["suggestions"] as? [String] ?? [],
          fixIsSafe: entry["fixable"] as? Bool ?? false, unitID: entry["unit"] as? String,
          side: entry["side"] as? String,
          related: related))
      if rules[ruleID] == nil {
        rules[ruleID] =
          known[ruleID]
          ?? RuleDescriptor(
            id: ruleID, title: ruleID, category: category, defaultSeverity: severity,
            summary: "A rule of the pipeline that wrote the report",
            rationale: "", nonTriggeringExamples: [], triggeringExamples: [])
      }
    }
    var report = RunReport(
      findings: findings, files: fileObjects.compactMap { ($0["path"] as? String).map(file) },
      rules: rules.values.sorted { $0.id < $1.id },
      toolVersion: (object["tool"] as? [String: Any])?["version"] as? String ?? Termlint.version,
      documents: [], wordCounts: words)
    report.translationProgress = progress
    report.directions = directions
    return report
  }

  /// A location from a JSON finding or related range.
  private static func location(_ entry: [String: Any], file: (String) -> SourceFile) -> Location? {
    guard let name = entry["path"] as? String, let line = entry["line"] as? Int,
      let column = entry["column"] as? Int
    else { return nil }
    let source = file(name)
    let endLine = entry["endLine"] as? Int ?? line
    let endColumn = entry["endColumn"] as? Int ?? column
    func offset(_ line: Int, _ column: Int) -> Int {
      guard line >= 1, line <= source.lineStarts.count else { return 0 }
      return min(
        source.lineStarts[line - 1] + max(0, column - 1), source.lineRange(line).upperBound)
    }
    let start = offset(line, column)
    var location = Location(
      file: source, utf16Range: start..<max(start, offset(endLine, endColumn)))
    location.line = line
    location.column = column
    location.endLine = endLine
    location.endColumn = endColumn
    return location
  }
}
