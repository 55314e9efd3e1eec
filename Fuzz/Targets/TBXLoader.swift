// libFuzzer harness: the TBX glossary loader (with its entity guard)
// Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address against TermlintCore.
import Foundation
import TermlintCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Any thrown TermlintError is a correct answer to bad input; only crashes, hangs and leaks count.
  _ = try? TBXLoader.loadReportingIssues(bytes: bytes, path: "fuzz.tbx")
  return 0
}
