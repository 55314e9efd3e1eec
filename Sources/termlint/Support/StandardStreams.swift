import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// Writes one line to standard error.
func printError(_ line: String) {
  StandardStreams.write(Array((line + "\n").utf8), to: STDERR_FILENO)
}

/// Writes text to standard output (see `StandardStreams`).
func writeOutput(_ text: String) {
  writeOutput(Array(text.utf8))
}

/// Writes bytes to standard output (see `StandardStreams`).
func writeOutput(_ bytes: [UInt8]) {
  StandardStreams.write(bytes, to: STDOUT_FILENO)
}

/// Standard output and standard error, written with `write(2)`.
///
/// A reader that went away (`termlint lint … | head -1`) is not an error of the run: the rest
/// of the output is dropped without a word and the run ends with the exit status it would have
/// had anyway (0, 1 or 2), like ripgrep's and unlike `grep`'s death by SIGPIPE (141 in the
/// shell). `BrokenPipes.failWithEPIPE()` turns the signal into `EPIPE` for this. Any other
/// failure to write standard output (a full disk behind `> report.txt`) is exit status 2 with
/// a message; failures on standard error are ignored, there being nowhere to report them.
enum StandardStreams {
  static func write(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { write($0, to: fd) }
  }

  static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) {
    var written = 0
    do {
      guard let base = buffer.baseAddress else { return }
      while written < buffer.count {
        let n = Glibc.write(fd, base + written, buffer.count - written)
        if n >= 0 {
          written += n
          continue
        }
        switch errno {
        case EINTR:
          continue
        case EAGAIN:
          // A non-blocking descriptor inherited from the caller: wait until it takes more.
          var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
          _ = poll(&poller, 1, -1)
        case EPIPE:
          return
        default:
          guard fd == STDOUT_FILENO else { return }
          let reason = String(cString: strerror(errno))
          printError("termlint: error: cannot write standard output: \(reason)")
          exit(ExitStatus.error)
        }
      }
    }
  }
}

extension ReportWriter {
  /// A writer to standard output through `StandardStreams` (a reader that went away is not an
  /// error; another failure ends the run with status 2).
  static func standardOutput() -> ReportWriter {
    ReportWriter { bytes in StandardStreams.write(bytes, to: STDOUT_FILENO) }
  }
}
