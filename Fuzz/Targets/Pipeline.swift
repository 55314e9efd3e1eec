// libFuzzer harness: the pipeline (.termlint.yml) parser
// Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address against the Termlint libraries.
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Any thrown TermlintError is a correct answer to bad input; only crashes, hangs and leaks count.
  if let file = try? SourceFile(path: "fuzz.yml", bytes: bytes) {
    _ = try? PipelineLoader.parse(file.text, path: "/tmp/termlint-fuzz/.termlint.yml")
  }
  return 0
}
