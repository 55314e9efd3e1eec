import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Makes a write to a closed pipe fail with `EPIPE` instead of ending the process with SIGPIPE.
///
/// The command writes to a standard output it does not control (`termlint lint … | head -1`)
/// and handles `EPIPE` itself (`StandardStreams`). This is the executable's business: it owns
/// the process. The library leaves the process's signal handling alone; it blocks SIGPIPE only
/// on the thread that writes an external rule's input (`PipeWrites` in TermlintCore). A handler that does nothing is installed rather than
/// `SIG_IGN`, because an ignored signal stays ignored in the programs Termlint starts, while a
/// caught one returns to its default action there.
enum BrokenPipes {
  /// Installs the handler, once, unless SIGPIPE already has a disposition other than the
  /// default (it is then left alone: whoever set it knew what they wanted).
  static func failWithEPIPE() { _ = installed }

  private static let installed: Void = {
    var current = sigaction()
    guard sigaction(SIGPIPE, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil
    else { return }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGPIPE, &action, nil)
  }()
}
