import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint glossary`: tools for the people who maintain glossaries as data files.
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Check, format, convert, inspect and extend glossary files.",
    subcommands: [
      Check.self, Checks.self, Format.self, Convert.self, Stats.self, Lookup.self, Extract.self,
    ])
}

// MARK: - check

extension GlossaryCommand {
  /// `glossary check FILE...`: duplicates, conflicts, text and value problems, as findings.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Report duplicates, status conflicts, text problems and invalid values in glossary files.",
      discussion: """
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a file cannot \
        be read. 'termlint glossary checks' lists the checks.
        """)

    @Argument(help: "Glossary files (.tbx, .csv, .tsv, .yml, .yaml, .xlsx).")
    var files: [String] = []

    @Flag(help: "Also compare terms across the files, as lint sees glossaries given together.")
    var merged = false

    @Option(
      help:
        "Source language (BCP 47); default: declared by the glossary, else the language most concepts list first."
    )
    var sourceLang: LanguageTag?

    @Option(help: "Output format.")
    var format: ReporterName = ReporterName(argument: "text")!

    @Option(help: "Lowest severity that makes the exit status 1.")
    var failOn: FailLevel = .error

    @Option(name: .customLong("rule"), help: "Run only this check; repeatable.")
    var onlyChecks: [String] = []

    @Option(name: .customLong("disable"), help: "Skip this check; repeatable.")
    var disabledChecks: [String] = []

    @Option(help: "Colour in text output.")
    var color: ColorChoice = .auto

    func run() throws {
      try runReportingErrors {
        guard !files.isEmpty else {
          throw TermlintError.usage(
            "no glossary files (give one or more .tbx, .csv, .tsv, .yaml or .xlsx files)")
        }
        // The target language of a sheet's 'target' column defaults to en, as in lint.
        let sheet = SheetOptions(
          sourceLanguage: sourceLang, targetLanguage: Pipeline.defaultTargetLanguage)
        let sources = try files.map { try GlossarySource.load(path: $0, options: sheet) }
        for warning in sources.flatMap(\.glossary.warnings) {
          printError("termlint: warning: \(warning)")
        }
        let checker = GlossaryChecker(
          sourceLanguage: sourceLang, only: Set(onlyChecks), disabled: Set(disabledChecks))
        let findings = try checker.check(sources, merged: merged)
        let report = RunReport(
          findings: findings, files: sources.map { $0.file ?? SourceFile(path: $0.path, text: "") },
          rules: GlossaryChecks.all.filter { checker.isEnabled($0.id) }, documents: [],
          wordCounts: [:])
        let reporter = ReporterRegistry.reporter(format.identifier)!
        writeOutput(reporter.render(report, options: ReportOptions(color: color.isOn)))
        guard let threshold = failOn.severity else { return ExitStatus.clean }
        return findings.contains { $0.severity >= threshold }
          ? ExitStatus.findings : ExitStatus.clean
      }
    }
  }

  /// `glossary checks [ID]`: list the checks, or explain one.
  struct Checks: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the glossary checks, or explain one with its examples.")

    @Argument(help: "A check id to explain.")
    var id: String?

    func run() throws {
      try runReportingErrors {
        guard let id else {
          writeOutput(RuleDocumentation.table(GlossaryChecks.all))
          return ExitStatus.clean
        }
        guard let descriptor = GlossaryChecks.descriptor(id) else {
          throw TermlintError.usage(
            "unknown glossary check '\(id)'; run 'termlint glossary checks' to list them")
        }
        writeOutput(GlossaryDocumentation.explain(descriptor))
        return ExitStatus.clean
      }
    }
  }
}

// MARK: - fmt

extension GlossaryCommand {
  /// `glossary fmt FILE...`: rewrite glossaries in canonical form, or check that they are.
  struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fmt",
      abstract: "Rewrite glossary files in canonical, diff-friendly form.",
      discussion: """
        Sorts concepts by their source term (ICU collation for the source language), orders \
        terms preferred, admitted, deprecated, writes NFC text with normalized white space and \
        stable quoting; keeps the byte order mark, line ends, CSV comments and columns, YAML \
        comments and the TBX header. With --check nothing is written and the exit status is 1 \
        when a file is not canonical.
        """)

    @Argument(help: "Glossary files (.tbx, .csv, .tsv, .yml, .yaml, .xlsx).")
    var files: [String] = []

    @Flag(help: "Only report files that are not canonical (exit status 1); write nothing.")
    var check = false

    @Option(
      help:
        "Language to sort by (BCP 47); default: declared, else the language most concepts list first."
    )
    var sourceLang: LanguageTag?

    func run() throws {
      try runReportingErrors {
        guard !files.isEmpty else { throw TermlintError.usage("no glossary files to format") }
        var status = ExitStatus.clean
        for path in files {
          let bytes = try GlossaryIO.readBytes(path: path)
          let formatted = try GlossaryFormatter.format(
            bytes: bytes, path: path, format: try GlossaryIO.format(for: path),
            sourceLanguage: sourceLang)
          guard formatted != bytes else { continue }
          if check {
            let line = firstDifferentLine(bytes, formatted)
            writeOutput(
              "\(path):\(line): not in canonical form; run 'termlint glossary fmt \(path)'\n")
            status = ExitStatus.findings
          } else {
            try GlossaryIO.writeAtomically(formatted, to: path)
            writeOutput("\(path): reformatted\n")
          }
        }
        return status
      }
    }

    /// The 1-based line where two files first differ.
    private func firstDifferentLine(_ a: [UInt8], _ b: [UInt8]) -> Int {
      var line = 1
      for (x, y) in zip(a, b) {
        if x != y { return line }
        if x == 0x0A { line += 1 }
      }
      return line
    }
  }
}

// MARK: - convert

extension GlossaryCommand {
  /// `glossary convert IN OUT`: between TBX, CSV, TSV and YAML.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert a glossary between TBX, CSV, TSV and YAML.",
      discussion: """
        The formats come from the file extensions unless --from or --to is given; OUT '-' writes \
        to standard output. What the input holds beyond Termlint's model (TBX transactions, \
        contexts, other data categories) is not converted and is listed on standard error.
        """)

    @Argument(help: "The glossary to read ('-' for standard input, with --from).")
    var input: String

    @Argument(help: "The file to write ('-' for standard output, with --to).")
    var output: String

    @Option(help: "Input format (tbx, csv, tsv, yaml); default: from the input's extension.")
    var from: GlossaryFormatName?

    @Option(help: "Output format (tbx, csv, tsv, yaml); default: from the output's extension.")
    var to: GlossaryFormatName?

    @Flag(
      help:
        "Keep the existing output file's header (CSV comments, YAML header comments, TBX header), encoding and line ends."
    )
    var keepHeader = false

    @Option(help: "The worksheet of an .xlsx input (default: the first).")
    var sheet: String?

    @Option(
      help:
        "The source language of a sheet's 'source' column, or of a headerless two-column TSV (default: the pipeline's)."
    )
    var sourceLang: LanguageTag?

    @Option(
      help:
        "The target language of a sheet's 'target' column, or of a headerless two-column TSV (default: the pipeline's, else en)."
    )
    var targetLang: LanguageTag?

    @Option(
      help:
        "A pipeline whose languages and 'glossaries' entry for the input (sheet, columns) say how to read a sheet (default: the .termlint.yml nearest to the current folder)."
    )
    var pipeline: String?

    func run() throws {
      try runReportingErrors {
        let inputFormat = try from?.format ?? GlossaryIO.format(for: input)
        let outputFormat = try to?.format ?? GlossaryIO.format(for: output)
        let existing = keepHeader && output != "-" && FileManager.default.fileExists(atPath: output)
        let conversion = try GlossaryConversion.convert(
          bytes: GlossaryIO.readBytes(path: input), path: input, from: inputFormat,
          to: outputFormat,
          keepingHeaderOf: existing ? (try GlossaryIO.readBytes(path: output), output) : nil,
          options: sheetOptions())
        for warning in conversion.warnings { printError("termlint: warning: \(warning)") }
        if output == "-" {
          writeOutput(String(decoding: conversion.output, as: UTF8.self))
        } else {
          try GlossaryIO.writeAtomically(conversion.output, to: output)
        }
        return ExitStatus.clean
      }
    }

    /// How to read the input when it is a spreadsheet: the pipeline's entry for it and its
    /// languages, overridden by the options.
    func sheetOptions() throws -> SheetOptions {
      let settings = try LintSetup.pipeline(
        at: pipeline ?? PipelineLoader.discover(), sourceLanguage: sourceLang,
        targetLanguage: targetLang)
      let resolved = URL(fileURLWithPath: input).standardizedFileURL.path
      let key =
        settings.glossarySheets.keys.first {
          URL(fileURLWithPath: $0).standardizedFileURL.path == resolved
        } ?? input
      var options = settings.sheetOptions(for: key)
      if let sheet { options.sheet = sheet }
      return options
    }
  }
}

// MARK: - stats and lookup

/// `--format` for stats and lookup.
enum InfoFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, json
}

extension GlossaryCommand {
  /// `glossary stats FILE...`: counts per language, status and subject field.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count concepts, terms per language and status, and concepts per subject field.")

    @Argument(help: "Glossary files.")
    var files: [String] = []

    @Option(help: "Output format.")
    var format: InfoFormat = .text

    func run() throws {
      try runReportingErrors {
        guard !files.isEmpty else { throw TermlintError.usage("no glossary files") }
        let stats = try files.map { GlossaryStatistics(try GlossaryIO.load(path: $0)) }
        switch format {
        case .text: writeOutput(stats.map(\.text).joined(separator: "\n"))
        case .json: writeOutput(try jsonString(stats))
        }
        return ExitStatus.clean
      }
    }
  }

  /// `glossary lookup FILE WORD`: which concepts match a word or phrase, through morphology.
  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Show the concepts that match a word or phrase in any language, through morphology.",
      discussion: "Exit status: 0 when a concept matches, 1 when none does, 2 for errors.")

    @Argument(help: "A glossary file.")
    var file: String

    @Argument(help: "The word or phrase (inflected forms find their terms).")
    var words: [String]

    @Option(help: "Search only this language's terms (BCP 47): the language of the query.")
    var queryLang: LanguageTag?

    /// The old spelling of `--query-lang`, kept so that scripts keep working.
    @Option(name: .customLong("lang"), help: .private)
    var deprecatedLang: LanguageTag?

    private var lang: LanguageTag? { queryLang ?? deprecatedLang }

    @Option(help: "Output format.")
    var format: InfoFormat = .text

    func run() throws {
      try runReportingErrors {
        let query = words.joined(separator: " ")
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw TermlintError.usage("no word to look up")
        }
        let matches = try GlossaryLookup(try GlossaryIO.load(path: file)).lookup(
          query, language: lang)
        switch format {
        case .text:
          writeOutput(
            matches.isEmpty
              ? "No concept matches '\(query)'.\n"
              : matches.map(Self.describe).joined(separator: "\n"))
        case .json: writeOutput(try jsonString(matches.map(LookupRecord.init)))
        }
        return matches.isEmpty ? ExitStatus.findings : ExitStatus.clean
      }
    }

    static func describe(_ match: GlossaryLookup.Match) -> String {
      let concept = match.concept
      var out = concept.id + (concept.subjectField.map { " (\($0))" } ?? "")
      out +=
        ": '\(match.term.text)' \(match.kind == .exact ? "matches" : (match.kind == .termContainsQuery ? "contains the words" : "is in the phrase"))\n"
      let width = concept.terms.map { $0.text.count }.max() ?? 0
      for term in concept.terms {
        let status = term.status?.rawValue ?? "(no status)"
        out += "  \(term.language.value.padding(toLength: 6, withPad: " ", startingAt: 0))"
        out += "\(term.text.padding(toLength: width, withPad: " ", startingAt: 0))  \(status)"
        if let note = term.note { out += "  (\(note.replacingOccurrences(of: "\n", with: " ")))" }
        out += "\n"
      }
      if let note = concept.note {
        out += "  note: \(note.replacingOccurrences(of: "\n", with: " "))\n"
      }
      return out
    }
  }
}

// MARK: - extract

extension GlossaryCommand {
  /// `glossary extract`: propose entries from an aligned article pair or a TMX file.
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Propose glossary entries from an aligned article pair or a TMX file, as a YAML draft.",
      discussion: """
        Source phrases of --min-words to --max-words words (stemmed, no stopword at either end) \
        seen in at least --min-count segments, each with the target phrase it most often aligns \
        with (Dice), ranked by Dice × log2(1 + C-value). Every term of the draft has status \
        'proposed', so lint ignores it until someone reviews it.
        """)

    @Option(help: "The source article (.md or .txt), paragraph-aligned with --target.")
    var source: String?

    @Option(help: "The target article (the translation of --source).")
    var target: String?

    @Argument(help: "A bilingual file instead of --source/--target (.tmx).")
    var bilingual: String?

    @Option(help: "Source language (BCP 47); default: the TMX header's, else ru.")
    var sourceLang: LanguageTag?

    @Option(help: "Target language (BCP 47); default: the TMX's other language, else en.")
    var targetLang: LanguageTag?

    @Option(help: "Fewest segments a source phrase must occur in.")
    var minCount = 2

    @Option(help: "Fewest words in a source phrase (1 also proposes single words).")
    var minWords = 2

    @Option(help: "Most words in a source phrase.")
    var maxWords = 4

    @Option(help: "Most candidates to write.")
    var limit = 100

    @Option(
      name: .customLong("glossary"),
      help: "Skip phrases that are already terms of this glossary; repeatable.")
    var known: [String] = []

    @Option(name: .shortAndLong, help: "Write the draft to this file instead of standard output.")
    var output: String?

    func run() throws {
      try runReportingErrors {
        guard minCount >= 1, minWords >= 1, maxWords >= minWords, limit >= 1 else {
          throw TermlintError.usage(
            "--min-count, --min-words and --limit must be at least 1, and --max-words at least --min-words"
          )
        }
        let segments: BilingualSegments
        switch (source, target, bilingual) {
        case (let s?, let t?, nil):
          segments = BilingualSegments.articles(
            source: try SourceFile.read(path: s), target: try SourceFile.read(path: t),
            sourceLanguage: sourceLang ?? Pipeline.defaultSourceLanguage,
            targetLanguage: targetLang ?? Pipeline.defaultTargetLanguage)
        case (nil, nil, let file?):
          guard file.lowercased().hasSuffix(".tmx") else {
            throw TermlintError.usage(
              "'\(file)': extract reads TMX bilingual files (.tmx), or an article pair with --source and --target"
            )
          }
          segments = try BilingualSegments.tmx(
            bytes: try GlossaryIO.readBytes(path: file), path: file, source: sourceLang,
            target: targetLang)
        default:
          throw TermlintError.usage(
            "give either --source and --target (an article pair) or one .tmx file")
        }
        let extractor = TermExtractor(
          sourceLanguage: segments.sourceLanguage, targetLanguage: segments.targetLanguage,
          options: .init(minCount: minCount, minWords: minWords, maxWords: maxWords, limit: limit))
        let knownGlossary = known.isEmpty ? nil : try GlossaryIO.loadAll(paths: known)
        let candidates = try extractor.extract(segments.pairs, known: knownGlossary)
        var yaml =
          "# Candidate entries proposed by 'termlint glossary extract' from \(segments.pairs.count) aligned segments.\n"
        yaml +=
          "# Review each one: set a real status (preferred, admitted, deprecated) or delete it.\n"
        yaml += YAMLGlossaryWriter.string(
          extractor.draft(candidates), comments: YAMLComments(header: []))
        if let output {
          try GlossaryIO.writeAtomically(Array(yaml.utf8), to: output)
        } else {
          writeOutput(yaml)
        }
        return ExitStatus.clean
      }
    }
  }
}

/// One lookup result as JSON.
struct LookupRecord: Encodable {
  let concept: String
  let subject: String?
  let matched: String
  let language: String
  let kind: String
  let terms: [TermRecord]

  struct TermRecord: Encodable {
    let language: String
    let text: String
    let status: String?
    let note: String?
  }

  init(_ match: GlossaryLookup.Match) {
    concept = match.concept.id
    subject = match.concept.subjectField
    matched = match.term.text
    language = match.term.language.value
    kind = match.kind.rawValue
    terms = match.concept.terms.map {
      TermRecord(
        language: $0.language.value, text: $0.text, status: $0.status?.rawValue, note: $0.note)
    }
  }
}

/// Pretty, key-sorted JSON with a final newline.
func jsonString<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

/// `--from` / `--to` values.
struct GlossaryFormatName: ExpressibleByArgument, Sendable {
  let format: GlossaryFormat

  init?(argument: String) {
    guard
      let format = GlossaryFormat(rawValue: argument.lowercased())
        ?? GlossaryFormat(pathExtension: argument)
    else { return nil }
    self.format = format
  }

  static var allValueStrings: [String] { GlossaryFormat.allCases.map(\.rawValue) }
}

extension ColorChoice {
  /// Whether to colour standard output.
  var isOn: Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      return isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
  }
}
