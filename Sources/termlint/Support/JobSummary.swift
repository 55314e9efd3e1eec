import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// Appends a reporter's job summary to the file GitHub Actions names in `$GITHUB_STEP_SUMMARY`.
///
/// Does nothing when the variable is unset or empty, or the format has no job summary.
/// - Throws: `TermlintError.input` naming the file when it cannot be written.
func writeJobSummary(
  _ reporter: any Reporter.Type, _ report: RunReport,
  environment: [String: String] = ProcessInfo.processInfo.environment
) throws {
  guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty,
    let summary = reporter.jobSummary(report)
  else { return }
  if !FileManager.default.fileExists(atPath: path) {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw TermlintError.input(
        path, "cannot create the GitHub job summary file ($GITHUB_STEP_SUMMARY)")
    }
  }
  guard let handle = FileHandle(forWritingAtPath: path) else {
    throw TermlintError.input(
      path, "cannot write the GitHub job summary file ($GITHUB_STEP_SUMMARY)")
  }
  defer { try? handle.close() }
  do {
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(summary.utf8))
  } catch {
    throw TermlintError.input(
      path,
      "cannot write the GitHub job summary file ($GITHUB_STEP_SUMMARY): \(error.localizedDescription)"
    )
  }
}
