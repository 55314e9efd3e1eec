import TermlintCore
import TermlintGlossary
import TermlintText

#if canImport(Glibc)
  import Glibc
#endif

/// How the command's process uses memory around a large compiled glossary (a 100,000-concept
/// glossary is about 250 MB of small objects).
enum ProcessMemory {
  /// Asks glibc's allocator to grow the heap 64 MB at a time: building a large glossary grows it
  /// in hundreds of small steps otherwise, each a system call (a sixth of a run that loads a
  /// glossary from the cache). Pages that are never touched take no memory. Done once.
  static func prepareForLargeGlossaries() { _ = tuned }

  private static let tuned: Void = {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which Swift's Glibc module leaves out; it is
      // looked up by name (RTLD_DEFAULT is the null handle on glibc). M_TOP_PAD is -2.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      if let symbol = dlsym(nil, "mallopt") {
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-2, 64 << 20)
      }
    #endif
  }()

  /// The setup, its compiled glossary retained until the process exits: freeing every object
  /// of a large glossary one by one on the way out took longer than reading it from the cache,
  /// and the process ends right after the run anyway.
  static func keptUntilExit(_ setup: LintSetup) -> LintSetup {
    _ = Unmanaged.passRetained(setup.linter.glossary)
    return setup
  }
}
