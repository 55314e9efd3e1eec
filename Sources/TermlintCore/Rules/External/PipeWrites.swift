import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to a pipe that may be closed at the other end without the process receiving SIGPIPE,
/// and without changing how the process handles that signal.
///
/// An external rule may exit without reading its standard input; writing it would then end the
/// whole process with SIGPIPE. A library must not install a handler for the process (the
/// program that embeds it decides that), so the signal is blocked on the writing thread only, as
/// libraries such as libcurl and OpenSSL do: a broken pipe then makes the write fail with
/// `EPIPE`, and the SIGPIPE it raised on this thread is taken off before the mask is restored.
enum PipeWrites {
  /// Runs `body` (which writes to a pipe) with SIGPIPE blocked on the current thread.
  static func withSIGPIPEBlocked<T>(_ body: () throws -> T) rethrows -> T {
    var pipeOnly = sigset_t()
    sigemptyset(&pipeOnly)
    sigaddset(&pipeOnly, SIGPIPE)
    // A SIGPIPE already pending (for the thread or the process) is not ours to take.
    var pending = sigset_t()
    sigpending(&pending)
    let wasPending = sigismember(&pending, SIGPIPE) == 1
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
    defer {
      if !wasPending {
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
          var now = timespec(tv_sec: 0, tv_nsec: 0)
          _ = sigtimedwait(&pipeOnly, nil, &now)
        }
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
    return try body()
  }
}
