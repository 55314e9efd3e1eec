import ArgumentParser
import TermlintCore

/// Options that choose the pipeline, glossaries, languages and rules (`lint` and `fix`).
struct ConfigurationOptions: ParsableArguments {
  @Option(name: .customLong("glossary"), help: "A glossary file (.tbx, .csv, .tsv, .yml); repeatable.")
  var glossaries: [String] = []

  @Option(help: "A pipeline file (default: .termlint.yml in this folder or a parent, else built-in).")
  var pipeline: String?

  @Option(help: "Source language (BCP 47), when the input does not say.")
  var sourceLang: LanguageTag?

  @Option(help: "Target language (BCP 47), when the input does not say (default: en).")
  var targetLang: LanguageTag?

  @Option(name: .customLong("rule"), help: "Run only this rule; repeatable.")
  var onlyRules: [String] = []

  @Option(name: .customLong("disable"), help: "Skip this rule; repeatable.")
  var disabledRules: [String] = []

  /// The pipeline with the language options applied (the quick first step of `load`).
  func loadPipeline() throws -> Pipeline {
    try LintSetup.loadPipeline(pipelinePath: pipeline, sourceLanguage: sourceLang, targetLanguage: targetLang)
  }

  /// Loads the glossaries and configures the rules of `pipeline` on a task of its own (the slow
  /// second step of `load`), and sets `whenDone` when it has finished, with or without success.
  func build(pipeline: Pipeline, baseline: Baseline?, whenDone: PrefetchStop) -> Task<LintSetup, any Error> {
    let (glossaries, onlyRules, disabledRules) = (self.glossaries, self.onlyRules, self.disabledRules)
    return Task.detached {
      defer { whenDone.stop() }
      return try LintSetup.build(
        pipeline: pipeline, glossaries: glossaries, onlyRules: onlyRules, disabledRules: disabledRules, baseline: baseline)
    }
  }

  /// Loads the pipeline and glossaries and configures the rules.
  func load(baseline: Baseline? = nil) throws -> LintSetup {
    try LintSetup.load(
      pipelinePath: pipeline, glossaries: glossaries, sourceLanguage: sourceLang, targetLanguage: targetLang,
      onlyRules: onlyRules, disabledRules: disabledRules, baseline: baseline)
  }
}
