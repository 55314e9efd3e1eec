// libFuzzer harness: the TBX glossary loader (XMLTokenizer over UTF-8 with the TBX entity
// policy, streamed into TBXBuilder), the TBX inventory `glossary fmt`/`convert` scan
// (XMLScanner over UTF-16), and the tokenizer over UTF-8 against the tokenizer over UTF-16.
// Built by Fuzz/run.sh with swiftc -sanitize=fuzzer,address against the Termlint libraries.
import Foundation
@_spi(Testing) import TermlintGlossary
@_spi(Testing) import TermlintText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Any thrown TermlintError is a correct answer to bad input; only crashes, hangs and leaks count.
  let loaded = try? TBXLoader.loadReportingIssues(bytes: bytes, path: "fuzz.tbx")
  // The inventory scan reads the same XML with the same scanner: it must agree on what is
  // well-formed (it cannot fail on a document the loader read).
  if loaded != nil && !TBXLoader.inventoryReads(bytes: bytes) {
    fatalError("the TBX inventory refuses a document the loader read")
  }
  // The same tokenizer over bytes and over UTF-16: the same tokens, offsets, errors.
  if !XMLTokenizerAgreement.agree(bytes) {
    fatalError("XMLTokenizer reads UTF-8 and UTF-16 differently")
  }
  return 0
}
