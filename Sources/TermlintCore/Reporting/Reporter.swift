import Foundation
import TermlintGlossary
import TermlintText

/// Everything a reporter needs: the findings of a run, what was checked and how much of it.
public struct RunReport: Sendable {
  /// Findings in report order (path, line, column, rule id).
  public var findings: [Finding]
  /// The files checked, in the order given (a file with no finding still counts).
  public var files: [SourceFile]
  /// Descriptors of the rules that ran.
  public var rules: [RuleDescriptor]
  /// Termlint's version.
  public var toolVersion: String
  /// The checked documents (units with their source and target spans), for reporters that show
  /// the text itself (`html`); one per checked file.
  public var documents: [Document]
  /// Words of checked text per file path: word and number tokens of every unit's target text.
  public var wordCounts: [String: Int]
  /// The languages each checked file was read in, by path (set by `LintRun`; empty for
  /// reports that do not check translations, such as `glossary check`).
  public var directions: [String: LanguageDirection] = [:]
  /// Rules that could not run, with the paths they did not run on (`Linter.rulesNotRun`).
  public var rulesNotRun: [String: [String]] = [:]
  /// Per path of a bilingual file (PO, XLIFF, TMX): units that need a translation and those not
  /// translated yet (see `target-missing`).
  public var translationProgress: [String: TranslationProgress]
  /// The pipelines and glossaries the files were checked with, one entry per configuration
  /// (set by the CLI; empty when unknown). Reports that name their provenance (`html`) list them.
  public var configurations: [RunConfiguration] = []
  /// When the run was made (set by the CLI; nil leaves the date out, as in golden files).
  public var generated: Date? = nil
  /// The ICU version the text was normalized and tokenized with.
  public var icuVersion: String = ICU.version

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - findings: The findings, in any order; they are sorted into report order.
  ///   - files: The files checked.
  ///   - rules: Descriptors of the rules that ran.
  ///   - toolVersion: The version to print (default: this build's).
  ///   - documents: The documents the linter checked. When nil, every file is read again with
  ///     `DocumentReader`, as `termlint lint` reads it.
  ///   - wordCounts: Words per file path. When nil, counted from `documents` with `WordCount`.
  ///   - translationProgress: Untranslated units per bilingual file. When nil, counted from
  ///     `documents` (`TargetMissingRule.progress`).
  public init(
    findings: [Finding], files: [SourceFile], rules: [RuleDescriptor],
    toolVersion: String = Termlint.version,
    documents: [Document]? = nil, wordCounts: [String: Int]? = nil,
    translationProgress: [String: TranslationProgress]? = nil
  ) {
    // Findings from `LintRun` come in report order: checked first, so that millions of them are
    // not copied into a sorted array beside the given one.
    let inOrder = zip(findings, findings.dropFirst()).allSatisfy { !Finding.reportOrder($1, $0) }
    self.findings = inOrder ? findings : findings.sorted(by: Finding.reportOrder)
    self.files = files
    self.rules = rules
    self.toolVersion = toolVersion
    let documents = documents ?? files.map { DocumentReader.read($0, language: nil) }
    self.documents = documents
    self.wordCounts = wordCounts ?? WordCount.perFile(documents)
    var progress: [String: TranslationProgress] = [:]
    for d in documents where translationProgress == nil && progress[d.file.path] == nil {
      if let p = TargetMissingRule.progress(d) {
        progress[d.file.path] = TranslationProgress(untranslated: p.untranslated, units: p.units)
      }
    }
    self.translationProgress = translationProgress ?? progress
  }

  /// Untranslated and translatable units of all bilingual files; nil when there are none.
  public var totalTranslationProgress: TranslationProgress? {
    guard !translationProgress.isEmpty else { return nil }
    return translationProgress.values.reduce(TranslationProgress(untranslated: 0, units: 0)) {
      TranslationProgress(
        untranslated: $0.untranslated + $1.untranslated, units: $0.units + $1.units)
    }
  }

  /// The file a path refers to, for quoting lines.
  public func file(_ path: String) -> SourceFile? { files.first { $0.path == path } }

  /// The document read from the file at a path.
  public func document(_ path: String) -> Document? { documents.first { $0.file.path == path } }

  /// The descriptor of a rule that ran.
  public func rule(_ id: String) -> RuleDescriptor? { rules.first { $0.id == id } }

  /// Counts of findings by severity.
  public var counts: [Severity: Int] { Self.counts(findings) }

  /// Counts of findings by severity in a list of findings.
  public static func counts(_ findings: some Sequence<Finding>) -> [Severity: Int] {
    var c: [Severity: Int] = [:]
    for f in findings { c[f.severity, default: 0] += 1 }
    return c
  }

  /// Words checked in all files.
  public var totalWords: Int { wordCounts.values.reduce(0, +) }

  /// The MQM-style quality score of the whole run.
  public var quality: QualityScore { QualityScore(findings: findings, words: totalWords) }

  /// Every path in report order with its file, document, findings and quality score: every
  /// checked file, plus any path a finding names that is not a checked file (a separate source
  /// file of a pair, say). Computed in one pass; reporters call it once.
  public var fileReports: [FileReport] {
    var byPath: [String: [Finding]] = [:]
    for f in findings { byPath[f.location.path, default: []].append(f) }
    var files: [String: SourceFile] = [:]
    for f in self.files where files[f.path] == nil { files[f.path] = f }
    var documents: [String: Document] = [:]
    for d in self.documents where documents[d.file.path] == nil { documents[d.file.path] = d }
    return Set(files.keys).union(byPath.keys).sorted().map { path in
      let own = byPath[path] ?? []
      return FileReport(
        path: path, file: files[path], document: documents[path], findings: own,
        quality: QualityScore(findings: own, words: wordCounts[path] ?? 0))
    }
  }

  /// `fileReports` without copying findings: each path's findings are a slice of `findings`
  /// (which are in report order, so each path's are together); for reporters that write
  /// finding by finding.
  public var fileSlices: [FileSlice] {
    var ranges: [String: Range<Int>] = [:]
    var i = 0
    while i < findings.count {
      let path = findings[i].location.path
      var j = i + 1
      while j < findings.count && findings[j].location.path == path { j += 1 }
      guard ranges[path] == nil else {
        // Not in report order (a caller reordered `findings`): group them by copying.
        return fileReports.map {
          FileSlice(
            path: $0.path, file: $0.file, document: $0.document, findings: ArraySlice($0.findings),
            quality: $0.quality)
        }
      }
      ranges[path] = i..<j
      i = j
    }
    var files: [String: SourceFile] = [:]
    for f in self.files where files[f.path] == nil { files[f.path] = f }
    var documents: [String: Document] = [:]
    for d in self.documents where documents[d.file.path] == nil { documents[d.file.path] = d }
    return Set(files.keys).union(ranges.keys).sorted().map { path in
      let own = ranges[path].map { findings[$0] } ?? []
      return FileSlice(
        path: path, file: files[path], document: documents[path], findings: own,
        quality: QualityScore(findings: own, words: wordCounts[path] ?? 0))
    }
  }

  /// The paths of `fileReports`, sorted.
  public var paths: [String] { fileReports.map(\.path) }

  /// Several reports as one (runs of the groups of inputs that have different configurations,
  /// `InputGroup`): findings, files, documents, word counts, directions, rules not run and
  /// translation progress together; the rules that ran in any of them, each once.
  public static func merged(_ parts: [RunReport]) -> RunReport {
    if parts.count == 1 { return parts[0] }
    var rules: [RuleDescriptor] = []
    var seen = Set<String>()
    for part in parts {
      for rule in part.rules where seen.insert(rule.id).inserted { rules.append(rule) }
    }
    var words: [String: Int] = [:]
    for part in parts { words.merge(part.wordCounts) { a, _ in a } }
    var report = RunReport(
      findings: parts.flatMap(\.findings),
      files: parts.flatMap(\.files).sorted { $0.path < $1.path }, rules: rules,
      toolVersion: parts.first?.toolVersion ?? Termlint.version,
      documents: parts.flatMap(\.documents), wordCounts: words)
    for part in parts {
      report.directions.merge(part.directions) { a, _ in a }
      report.rulesNotRun.merge(part.rulesNotRun) { $0 + $1 }
      report.translationProgress.merge(part.translationProgress) { a, _ in a }
      for configuration in part.configurations where !report.configurations.contains(configuration)
      {
        report.configurations.append(configuration)
      }
    }
    report.generated = parts.compactMap(\.generated).min()
    return report
  }

  /// The directions of the run with how many files each (most files first, then by name);
  /// empty when the report has none.
  public var directionCounts: [(direction: LanguageDirection, files: Int)] {
    var counts: [LanguageDirection: Int] = [:]
    for direction in directions.values { counts[direction, default: 0] += 1 }
    return counts.map { ($0.key, $0.value) }.sorted {
      $0.files != $1.files
        ? $0.files > $1.files : $0.direction.description < $1.direction.description
    }
  }

  /// One phrase for the run's direction: `ru → en`, `en (monolingual)`, or with several
  /// `ru → en (2 files), en (monolingual) (1 file)`; nil when the report has none.
  public var directionSummary: String? {
    let counts = directionCounts
    guard !counts.isEmpty else { return nil }
    if counts.count == 1 { return counts[0].direction.description }
    return counts.map { "\($0.direction) (\(ReportText.plural($0.files, "file")))" }.joined(
      separator: ", ")
  }
}

/// The languages a file was checked in: a translation from `source` into `target`, or (not
/// bilingual) a text in `target` alone.
public struct LanguageDirection: Sendable, Hashable, CustomStringConvertible {
  /// The source language; nil for monolingual text or when unknown.
  public var source: LanguageTag?
  /// The target language (the language of the checked text), when known.
  public var target: LanguageTag?
  /// Whether the file was checked as a translation (some unit has a source side).
  public var isBilingual: Bool

  /// Creates a direction.
  public init(source: LanguageTag?, target: LanguageTag?, isBilingual: Bool? = nil) {
    self.source = source
    self.target = target
    self.isBilingual = isBilingual ?? (source != nil)
  }

  /// The direction a linter checks a document in: the document's languages, else the
  /// linter's; no source when no unit has one (a monolingual article).
  public init(_ document: Document, linter: Linter) {
    isBilingual = document.units.contains { $0.source != nil }
    source = isBilingual ? document.sourceLanguage ?? linter.sourceLanguage : nil
    target = document.targetLanguage ?? linter.targetLanguage
  }

  /// `ru → en`, `en (monolingual)`, `? → en` when the source's language is unknown.
  public var description: String {
    let t = target?.value ?? "?"
    guard isBilingual else { return "\(t) (monolingual)" }
    return "\(source?.value ?? "?") → \(t)"
  }
}

/// A configuration files were checked with: the pipeline file and the glossaries it and the
/// command line named.
public struct RunConfiguration: Sendable, Hashable {
  /// The pipeline file; nil for the built-in pipeline.
  public var pipeline: String?
  /// The glossary files, as named (the pipeline's resolved from its folder, then `--glossary`).
  public var glossaries: [String]
  /// The files checked with it (empty when not recorded).
  public var files: [String]

  /// Creates a configuration.
  public init(pipeline: String?, glossaries: [String], files: [String] = []) {
    self.pipeline = pipeline
    self.glossaries = glossaries
    self.files = files
  }
}

/// One file's part of a run report.
public struct FileReport: Sendable {
  /// The path as given.
  public let path: String
  /// The file, when it was one of the checked files.
  public let file: SourceFile?
  /// The document read from it, when known.
  public let document: Document?
  /// Its findings, in report order.
  public let findings: [Finding]
  /// Its MQM-style quality score.
  public let quality: QualityScore
}

/// One file's part of a run report, as `FileReport`, with its findings a slice of the
/// report's (`RunReport.fileSlices`).
public struct FileSlice: Sendable {
  /// The path as given.
  public let path: String
  /// The file, when it was one of the checked files.
  public let file: SourceFile?
  /// The document read from it, when known.
  public let document: Document?
  /// Its findings, in report order.
  public let findings: ArraySlice<Finding>
  /// Its MQM-style quality score.
  public let quality: QualityScore
}

/// Output options that depend on where the report goes.
public struct ReportOptions: Sendable {
  /// Use ANSI colours (text format only). The CLI decides: a terminal, no `NO_COLOR`, no
  /// `--color never`.
  public var color: Bool

  /// Creates options.
  public init(color: Bool = false) { self.color = color }
}

/// Turns a finished run into one output format.
public protocol Reporter: Sendable {
  /// The value of `--format`, e.g. `sarif`.
  static var identifier: String { get }
  /// One line for `--help`.
  static var summary: String { get }
  /// The usual file name extension of this format, without the dot (`sarif`, `xml`, `html`).
  static var fileExtension: String { get }
  /// Writes the report into `out`, piece by piece (finding by finding, for the formats that
  /// can), so that its text is never held in memory as a whole. The caller flushes `out`.
  static func write(_ report: RunReport, options: ReportOptions, to out: inout ReportWriter) throws
  /// Markdown for a CI job summary (GitHub's `$GITHUB_STEP_SUMMARY`), when the format has one.
  ///
  /// The library never writes files: the CLI appends this text where the CI system says.
  static func jobSummary(_ report: RunReport) -> String?
}

extension Reporter {
  /// Renders the report as one string (`write` into memory): for tests, golden files and
  /// small reports.
  public static func render(_ report: RunReport, options: ReportOptions) -> String {
    var out = ReportWriter()
    // NOTE: a writer in memory never fails, and no reporter throws on its own.
    try? write(report, options: options, to: &out)
    return out.string
  }

  /// No job summary, by default.
  public static func jobSummary(_ report: RunReport) -> String? { nil }
}

/// The one list of reporters: `--format`'s choices and help come from it.
public enum ReporterRegistry {
  /// Every reporter, in help order.
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self,
    JUnitReporter.self,
    GitHubActionsReporter.self, CheckstyleReporter.self, HTMLReporter.self,
  ]

  /// The reporter for a `--format` value.
  public static func reporter(_ identifier: String) -> (any Reporter.Type)? {
    all.first { $0.identifier == identifier }
  }
}

/// How much of a bilingual file is translated: the format's normal "not yet translated" units
/// (an empty PO `msgstr`, an XLIFF unit without a target in state `new`) are counted here, not
/// reported as findings (see `target-missing`).
public struct TranslationProgress: Sendable, Equatable {
  /// Units with source text that have no translation yet.
  public var untranslated: Int
  /// Units with source text (not excluded, not obsolete).
  public var units: Int

  public init(untranslated: Int, units: Int) {
    self.untranslated = untranslated
    self.units = units
  }

  /// "12 of 340 units not translated yet".
  public var phrase: String {
    "\(ReportText.grouped(untranslated)) of \(ReportText.plural(units, "unit")) not translated yet"
  }
}
