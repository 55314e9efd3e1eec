import ArgumentParser
import TermlintCore
import TermlintGlossary
import TermlintText

/// Options that choose the pipeline, glossaries, languages and rules (`lint` and `fix`).
struct ConfigurationOptions: ParsableArguments {
  @Option(
    name: .customLong("glossary"),
    help: "A glossary file (.tbx, .csv, .tsv, .yml, .xlsx); repeatable.")
  var glossaries: [String] = []

  @Option(
    help:
      "A pipeline file for every input (default: the .termlint.yml nearest to each input, in its folder or a parent; else built-in)."
  )
  var pipeline: String?

  @Option(
    help: "Source language (BCP 47): picks a TMX's source side; must agree with XLIFF and PO files."
  )
  var sourceLang: LanguageTag?

  @Option(
    help:
      "Target language (BCP 47; default: the pipeline's, else en): picks a TMX's target side; must agree with XLIFF and PO files."
  )
  var targetLang: LanguageTag?

  @Option(name: .customLong("rule"), help: "Run only this rule; repeatable.")
  var onlyRules: [String] = []

  @Option(name: .customLong("disable"), help: "Skip this rule; repeatable.")
  var disabledRules: [String] = []

  @Flag(
    name: .customLong("no-cache"),
    help:
      "Load and compile the glossaries afresh, without reading or writing the glossary cache (also: TERMLINT_NO_CACHE=1)."
  )
  var noCache = false

  /// The glossary cache of this run (nil with `--no-cache` or `TERMLINT_NO_CACHE=1`).
  var glossaryCache: GlossaryCache? { noCache ? nil : GlossaryCache.standard() }

  func validate() throws {
    let both = Set(onlyRules).intersection(disabledRules).sorted()
    if !both.isEmpty {
      let ids = both.map { "'\($0)'" }.joined(separator: ", ")
      throw ValidationError(
        "\(ids) is given to both --rule and --disable, which would run nothing of it; give one of them"
      )
    }
  }

  /// The pipeline with the language options applied (the quick first step of `load`).
  func loadPipeline() throws -> Pipeline {
    try LintSetup.loadPipeline(
      pipelinePath: pipeline, sourceLanguage: sourceLang, targetLanguage: targetLang)
  }

  /// The pipeline at a path (nil: the built-in one) with the language options applied.
  func loadPipeline(at path: String?) throws -> Pipeline {
    try LintSetup.pipeline(at: path, sourceLanguage: sourceLang, targetLanguage: targetLang)
  }

  /// The pipeline for inputs checked together (an article pair): `--pipeline`, else the
  /// `.termlint.yml` nearest to the first input, else the built-in one.
  func loadPipeline(forInputs inputs: [String]) throws -> Pipeline {
    if pipeline != nil { return try loadPipeline() }
    return try loadPipeline(at: InputGroup.discovered(Array(inputs.prefix(1))).first?.pipelinePath)
  }

  /// Loads the glossaries and configures the rules of `pipeline` on a task of its own (the slow
  /// second step of `load`), and sets `whenDone` when it has finished, with or without success.
  func session(pipeline: Pipeline, baseline: Baseline?) -> LintSession {
    let (glossaries, onlyRules, disabledRules, cache) = (
      self.glossaries, self.onlyRules, self.disabledRules, glossaryCache
    )
    return LintSession(pipeline: pipeline) {
      ProcessMemory.prepareForLargeGlossaries()
      return ProcessMemory.keptUntilExit(
        try LintSetup.build(
          pipeline: pipeline, glossaries: glossaries, onlyRules: onlyRules,
          disabledRules: disabledRules, baseline: baseline, cache: cache))
    }
  }

  /// Loads the pipeline and glossaries and configures the rules.
  func load(baseline: Baseline? = nil) throws -> LintSetup {
    ProcessMemory.prepareForLargeGlossaries()
    return try ProcessMemory.keptUntilExit(
      LintSetup.load(
        pipelinePath: pipeline, glossaries: glossaries, sourceLanguage: sourceLang,
        targetLanguage: targetLang,
        onlyRules: onlyRules, disabledRules: disabledRules, baseline: baseline, cache: glossaryCache
      ))
  }
}
