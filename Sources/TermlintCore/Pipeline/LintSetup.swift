import Foundation
import TermlintGlossary
import TermlintText

/// Everything a run needs before it reads an input: the pipeline, the compiled glossary and the
/// configured rules, assembled from a pipeline file and command-line overrides.
public struct LintSetup: Sendable {
  /// The pipeline in effect (the named file, the discovered `.termlint.yml`, or the built-in one).
  public let pipeline: Pipeline
  /// The linter: compiled glossary, rules and languages, shared read-only by parallel tasks.
  public let linter: Linter

  /// Descriptors of the rules that run, for reporters.
  public var ruleDescriptors: [RuleDescriptor] { linter.rules.map { $0.rule.descriptor } }

  /// Loads the pipeline and glossaries and configures the rules.
  ///
  /// - Parameters:
  ///   - pipelinePath: a pipeline file; `nil` looks for `.termlint.yml` from `directory`
  ///     upwards, else uses the built-in pipeline.
  ///   - glossaries: glossary files added to those the pipeline names.
  ///   - sourceLanguage: overrides the pipeline's source language.
  ///   - targetLanguage: overrides the pipeline's target language (default `en`).
  ///   - onlyRules: when not empty, run only these rule ids.
  ///   - disabledRules: rule ids to skip.
  ///   - directory: where the search for `.termlint.yml` starts.
  ///   - baseline: accepted findings to hide (`--baseline`).
  ///   - cache: where compiled glossaries are kept between runs (nil: none; see `GlossaryCache`).
  /// - Throws: `TermlintError` for a bad pipeline or glossary file or an unknown rule id.
  public static func load(
    pipelinePath: String?, glossaries: [String] = [], sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil, onlyRules: [String] = [], disabledRules: [String] = [],
    directory: String = FileManager.default.currentDirectoryPath, baseline: Baseline? = nil,
    cache: GlossaryCache? = nil
  ) throws -> LintSetup {
    let pipeline = try loadPipeline(
      pipelinePath: pipelinePath, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
      directory: directory)
    return try build(
      pipeline: pipeline, glossaries: glossaries, onlyRules: onlyRules,
      disabledRules: disabledRules, baseline: baseline, cache: cache)
  }

  /// The first, quick step of `load`: the pipeline with the language overrides applied.
  ///
  /// - Throws: `TermlintError` for a bad pipeline file.
  public static func loadPipeline(
    pipelinePath: String?, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
    directory: String = FileManager.default.currentDirectoryPath
  ) throws -> Pipeline {
    try pipeline(
      at: pipelinePath ?? PipelineLoader.discover(from: directory), sourceLanguage: sourceLanguage,
      targetLanguage: targetLanguage)
  }

  /// The pipeline in a file (nil: the built-in pipeline, without looking for `.termlint.yml`),
  /// with the language overrides applied.
  ///
  /// - Throws: `TermlintError` for a bad pipeline file.
  public static func pipeline(
    at path: String?, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
  ) throws -> Pipeline {
    var pipeline = try path.map(PipelineLoader.load(path:)) ?? .builtIn
    if let sourceLanguage {
      pipeline.sourceLanguage = sourceLanguage
      pipeline.sourceLanguageFromCommandLine = true
    }
    if let targetLanguage {
      pipeline.targetLanguage = targetLanguage
      pipeline.targetLanguageFromCommandLine = true
    }
    return pipeline
  }

  /// The second, slow step of `load`: loads and compiles the glossaries and configures the
  /// rules of a pipeline (see `load` for the parameters). With a `cache`, unchanged glossaries
  /// come compiled from it.
  ///
  /// - Throws: `TermlintError` for a bad glossary file or an unknown rule id.
  public static func build(
    pipeline: Pipeline, glossaries: [String] = [], onlyRules: [String] = [],
    disabledRules: [String] = [],
    baseline: Baseline? = nil, cache: GlossaryCache? = nil
  ) throws -> LintSetup {
    let paths = pipeline.glossaries + glossaries
    let compiled =
      try cache?.compiledGlossary(paths: paths, options: pipeline.sheetOptions(for:))
      ?? CompiledGlossary(GlossaryIO.loadAll(paths: paths, options: pipeline.sheetOptions(for:)))
    let rules = try pipeline.configuredRules(only: onlyRules, disabled: disabledRules)
    let linter = Linter(
      glossary: compiled, rules: rules, sourceLanguage: pipeline.sourceLanguage,
      targetLanguage: pipeline.effectiveTargetLanguage, normalization: pipeline.normalization,
      filter: FindingFilter(descriptors: pipeline.descriptors, baseline: baseline),
      languageDefaults: languageDefaults(for: pipeline))
    return LintSetup(pipeline: pipeline, linter: linter)
  }

  /// The languages a run's readers assume for files that do not name theirs (the same as
  /// `LintRun.defaultRead(for:)` uses once the linter is built).
  public static func languageDefaults(for pipeline: Pipeline) -> LanguageDefaults {
    func origin(_ language: LanguageTag?, commandLine: Bool) -> LanguageDefaults.Origin {
      language == nil ? .assumed : commandLine ? .commandLine : .pipeline
    }
    return LanguageDefaults(
      source: pipeline.sourceLanguage, target: pipeline.effectiveTargetLanguage,
      sourceOrigin: origin(
        pipeline.sourceLanguage, commandLine: pipeline.sourceLanguageFromCommandLine),
      targetOrigin: origin(
        pipeline.targetLanguage, commandLine: pipeline.targetLanguageFromCommandLine))
  }

  /// Pairs a pipeline with a linter built from it.
  public init(pipeline: Pipeline, linter: Linter) {
    self.pipeline = pipeline
    self.linter = linter
  }
}
