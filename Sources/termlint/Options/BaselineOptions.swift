import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// `--baseline` and `--write-baseline` (see Documentation/Suppression.md).
struct BaselineOptions: ParsableArguments {
  @Option(help: "Hide the findings recorded in this baseline file.")
  var baseline: String?

  @Option(help: "Record every finding in this baseline file (replacing it), then exit 0.")
  var writeBaseline: String?

  /// The baseline to hide findings with, if one is given.
  func load() throws -> Baseline? { try baseline.map(Baseline.load(path:)) }

  /// Writes the entries when `--write-baseline` is given; returns whether it was.
  func write(_ entries: [Baseline.Entry]) throws -> Bool {
    guard let writeBaseline else { return false }
    try AtomicFile.write(Array(Baseline(entries: entries).encoded()), to: writeBaseline)
    return true
  }
}
