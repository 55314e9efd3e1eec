import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// What an interrupt does: on SIGINT, SIGTERM or SIGHUP, the temporary files of the reports,
/// fixes and glossaries being written are removed, so every target keeps its old content (or
/// its complete new one, if its rename came first); a line on standard error names each file
/// left as it was; and the process ends by the same signal, so the shell reports 130 (SIGINT),
/// 143 (SIGTERM) or 129 (SIGHUP) and a script's loop stops as it would for any other program.
///
/// The signal handler only sets an atomic flag that stops every write short of its rename and
/// writes the signal's number to a pipe (all a handler may safely do); a thread waiting on the
/// pipe does the rest. A caught signal returns to its default action in
/// the programs Termlint starts, so external rules are interrupted as they would be anyway.
enum Interrupts {
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// The pipe's write end, for the handler. Set before any handler is installed.
  nonisolated(unsafe) private static var notify: Int32 = -1

  /// Installs the handlers and starts the thread that acts on them. Call once, first thing.
  static func install() {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    notify = fds[1]
    let waiting = fds[0]
    let thread = Thread {
      var number: UInt8 = 0
      while read(waiting, &number, 1) != 1 {
        guard errno == EINTR else { return }
      }
      finish(Int32(number))
    }
    thread.name = "termlint-interrupts"
    thread.start()
    AtomicFile.prepareForInterrupts()
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        AtomicFile.noteInterrupt()
        var number = UInt8(truncatingIfNeeded: signal)
        _ = write(Interrupts.notify, &number, 1)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      sigaction(signal, &action, nil)
    }
  }

  /// Ends the process with `status`, unless an interrupt has arrived: then the thread acting
  /// on it ends the process by the signal, as promised, even when the run finished meanwhile.
  static func exit(_ status: Int32) -> Never {
    if AtomicFile.interruptNoted {
      for _ in 0..<1_000 { usleep(10_000) }
    }
    Foundation.exit(status)
  }

  private static func finish(_ signal: Int32) -> Never {
    let abandoned = AtomicFile.abandonWrites()
    let name =
      signal == SIGINT
      ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : signal == SIGHUP ? "SIGHUP" : "signal \(signal)"
    // On a terminal, start below the progress bar or the echoed ^C.
    var message = isatty(STDERR_FILENO) == 1 ? "\n" : ""
    message += "termlint: interrupted by \(name)\n"
    for path in abandoned {
      message += "termlint: \(path): not written (interrupted); left as it was\n"
    }
    StandardStreams.write(Array(message.utf8), to: STDERR_FILENO)
    Glibc.signal(signal, SIG_DFL)
    // Raised at this thread, with the signal unblocked here: it is delivered before `raise`
    // returns and its default action ends the process. (`kill(getpid(), …)` may deliver it
    // to another thread while this one runs on into `_exit`, and a parent that checks how
    // the process ended would then see an exit, not the signal.)
    var only = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, signal)
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(signal)
    // Not reached: end with the shell's number for the signal all the same.
    _exit(128 + signal)
  }
}
