import Foundation
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Makes a write to a closed pipe fail with `EPIPE` instead of ending the process with SIGPIPE.
///
/// Termlint writes to pipes it does not control: an external rule's standard input (the rule
/// may exit without reading it) and its own standard output (`termlint lint … | head -1`).
/// Each writer handles `EPIPE` itself. A handler that does nothing is installed rather than
/// `SIG_IGN`, because an ignored signal stays ignored in the programs Termlint starts, while a
/// caught one returns to its default action there.
public enum BrokenPipes {
  /// Installs the handler, once, unless SIGPIPE already has a disposition other than the
  /// default (it is then left alone: whoever set it knew what they wanted).
  public static func failWithEPIPE() { _ = installed }

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
