import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// `termlint init`: writes a commented `.termlint.yml` to start from.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a commented .termlint.yml in a folder (default: the current folder).",
    discussion:
      "Every key is explained in the file and in Documentation/Pipelines.md. An existing file is kept unless --force is given."
  )

  @Argument(help: "The folder to write .termlint.yml in.")
  var folder: String = "."

  @Option(help: "The language translated from (BCP 47).")
  var sourceLang: LanguageTag = Pipeline.defaultSourceLanguage

  @Option(help: "The language of the checked text (BCP 47).")
  var targetLang: LanguageTag = Pipeline.defaultTargetLanguage

  @Option(
    name: .customLong("glossary"),
    help: "A glossary file to list (relative to the folder); repeatable.")
  var glossaries: [String] = []

  @Flag(help: "Replace an existing .termlint.yml.")
  var force = false

  func run() throws {
    try runReportingErrors {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw TermlintError.input(folder, "no such folder")
      }
      let path = (folder as NSString).appendingPathComponent(PipelineLoader.discoveredFileName)
      if FileManager.default.fileExists(atPath: path) && !force {
        throw TermlintError.usage("\(path) already exists; give --force to replace it")
      }
      let text = Self.template(source: sourceLang, target: targetLang, glossaries: glossaries)
      // What we write must load: the template and the values put in it are checked first.
      _ = try PipelineLoader.parse(text, path: path)
      try AtomicFile.write(Array(text.utf8), to: path)
      printError(
        "termlint: wrote \(path); check a folder with 'termlint lint \(folder == "." ? "." : folder)'"
      )
      return ExitStatus.clean
    }
  }

  static func template(source: LanguageTag, target: LanguageTag, glossaries: [String]) -> String {
    let glossaryLines =
      glossaries.isEmpty
      ? "glossaries: []\n# glossaries:\n#   - glossary.tbx           # .tbx, .csv, .tsv, .yml; paths are relative to this file\n"
      : "glossaries:\n" + glossaries.map { "  - \"\($0)\"\n" }.joined()
    return """
      # Termlint configuration; every key is explained in Documentation/Pipelines.md.
      # `termlint lint` uses the .termlint.yml nearest to each file (its folder or a parent).
      # Unknown keys and rule ids are errors; `termlint config` prints what is in effect.

      languages:
        source: \(source.value)               # the language translated from (BCP 47)
        target: \(target.value)               # the language of the checked text

      \(glossaryLines)
      # An article and its translation side by side are checked as one bilingual pair:
      # talks.\(source.value).md with talks.\(target.value).md. Use "{lang}/{name}.{ext}" for
      # \(source.value)/talks.md beside \(target.value)/talks.md, or `off` to check every file alone.
      pairs: "{name}.{lang}.{ext}"

      # Files and folders that folder walks skip (globs, relative to this file); files
      # that .gitignore ignores are skipped too.
      exclude: []
      # exclude:
      #   - drafts
      #   - "archive/**"

      # Rules not named here run at their default severity (`termlint rules` lists them).
      rules: {}
      # rules:
      #   term-inconsistent: warning
      #   number-mismatch: warning   # off by default; figures matter in news
      #   whitespace: off

      fail-on: error                 # error | warning | info | never

      """
  }
}
