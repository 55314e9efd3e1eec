import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal and
/// the run has more than a few files.
///
/// It appears after a short delay (a quick run shows nothing), redraws at most ten times a
/// second, and erases itself before the report is written.
final class ProgressBar {
  /// Runs with at most this many files show no bar.
  static let minimumFiles = 5

  private let label: String
  private let started = Date()
  private var lastDraw: Date?
  private var drawn = false

  private init(label: String) { self.label = label }

  /// A bar for `total` files, or nil when none should be shown.
  static func standardError(total: Int, label: String) -> ProgressBar? {
    guard total > minimumFiles, isatty(STDERR_FILENO) == 1 else { return nil }
    guard ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
    return ProgressBar(label: label)
  }

  /// Records that `done` of `total` files are finished.
  func update(done: Int, total: Int) {
    let now = Date()
    guard now.timeIntervalSince(started) > 0.25, done < total else { return }
    if let lastDraw, now.timeIntervalSince(lastDraw) < 0.1 { return }
    lastDraw = now
    let width = 30
    let filled = total == 0 ? width : width * done / total
    let bar =
      String(repeating: "=", count: filled) + (filled < width ? ">" : "")
      + String(repeating: " ", count: max(0, width - filled - 1))
    StandardStreams.write(
      Array("\r\u{1B}[2K\(label) [\(bar)] \(done)/\(total) files".utf8), to: STDERR_FILENO)
    drawn = true
  }

  /// Erases the bar.
  func finish() {
    if drawn { StandardStreams.write(Array("\r\u{1B}[2K".utf8), to: STDERR_FILENO) }
    drawn = false
  }
}
