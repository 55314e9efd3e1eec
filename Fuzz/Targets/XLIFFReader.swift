// libFuzzer harness: the XLIFF 1.2 / 2.x reader (XMLScanner, XMLDecoding)
// Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address against the Termlint libraries.
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Any thrown TermlintError is a correct answer to bad input; only crashes, hangs and leaks count.
  _ = try? XLIFFReader.read(bytes: bytes, path: "fuzz.xlf", defaults: LanguageDefaults())
  return 0
}
