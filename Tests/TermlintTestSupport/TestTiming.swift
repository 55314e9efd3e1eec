import Foundation

/// Wall-clock bounds for the few tests that check something ends in time (a hang would
/// otherwise pass unnoticed). The bounds are for a plain debug build; sanitizer builds
/// (`.ci/sanitizers`) run several times slower, so the bounds stretch with them.
public enum TestTiming {
  /// 10 under ThreadSanitizer, 5 under AddressSanitizer, else 1 (detected from the runtime's
  /// symbols in this process).
  public static let slowdown: Double = {
    let program = dlopen(nil, RTLD_NOW)
    if dlsym(program, "__tsan_init") != nil { return 10 }
    if dlsym(program, "__asan_init") != nil { return 5 }
    return 1
  }()

  /// `seconds` for a plain debug build, stretched under a sanitizer.
  public static func bound(_ seconds: Double) -> Double { seconds * slowdown }
}
