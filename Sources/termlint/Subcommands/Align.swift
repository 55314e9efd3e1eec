import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

extension AlignmentFormat: ExpressibleByArgument {}

/// `termlint align`: print the sentence alignment of an article and its translation.
struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Align the sentences of an article and its translation (two plain-text or Markdown files).",
    discussion: """
      TSV prints one line per bead: the source sentences, a tab, the target sentences (one side \
      is empty for a sentence with no counterpart). JSON adds each bead's shape, confidence, \
      length ratio and the position of every sentence. Exit status: 0, or 2 for usage or input errors.
      """)

  @Option(help: "The source article (.md or plain text).")
  var source: String

  @Option(help: "The translated article (.md or plain text).")
  var target: String

  @Option(help: "Output format.")
  var format: AlignmentFormat = .tsv

  @Option(
    name: .customLong("glossary"), help: "A glossary whose concepts serve as anchors; repeatable.")
  var glossaries: [String] = []

  @Option(help: "A pipeline file for languages and glossaries (default: .termlint.yml if found).")
  var pipeline: String?

  @Option(help: "Source language (BCP 47; default: the pipeline's, else ru).")
  var sourceLang: LanguageTag?

  @Option(help: "Target language (BCP 47; default: the pipeline's, else en).")
  var targetLang: LanguageTag?

  func run() throws {
    try runReportingErrors {
      // As lint: --pipeline, else the .termlint.yml nearest to the target file; the language
      // options override the pipeline's, also for reading sheets.
      let pipeline = try LintSetup.pipeline(
        at: self.pipeline ?? InputGroup.discovered([target]).first?.pipelinePath,
        sourceLanguage: sourceLang, targetLanguage: targetLang)
      let glossaryPaths = pipeline.glossaries + glossaries
      let glossary =
        glossaryPaths.isEmpty
        ? nil
        : try CompiledGlossary(
          GlossaryIO.loadAll(paths: glossaryPaths, options: pipeline.sheetOptions(for:)))
      let alignment = try PairReader.align(
        source: SourceFile.read(path: source), target: SourceFile.read(path: target),
        sourceLanguage: pipeline.sourceLanguage ?? Pipeline.defaultSourceLanguage,
        targetLanguage: pipeline.effectiveTargetLanguage, glossary: glossary)
      writeOutput(format.render(alignment))
      return ExitStatus.clean
    }
  }
}
