// libFuzzer harness: the TBX glossary loader (with its entity guard), and its fast path
// against the general one. Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address against
// TermlintCore.
import Foundation
@_spi(Testing) import TermlintCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Any thrown TermlintError is a correct answer to bad input; only crashes, hangs and leaks count.
  _ = try? TBXLoader.loadReportingIssues(bytes: bytes, path: "fuzz.tbx")
  // The fast path must give up or give exactly what FoundationXML gives: a divergence is a crash.
  if let divergence = TBXLoader.fastPathDivergence(bytes: bytes, path: "fuzz.tbx") {
    fatalError("TBX fast path diverges: \(divergence)")
  }
  return 0
}
