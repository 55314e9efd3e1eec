import TermlintTestSupport
import Testing

@testable import TermlintGlossary
@testable import TermlintText

@Suite("TBX: glossaries larger than libxml2's single-chunk limit")
struct LargeTBXTests {
  /// A TBX v3 glossary of `count` concepts, each with a padded note so the file grows quickly.
  static func tbx(concepts count: Int) -> [UInt8] {
    var text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n<tbxHeader><fileDesc><sourceDesc><p>large</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n"
    let note = String(repeating: "Background for editors about this concept. ", count: 12)
    for i in 0..<count {
      text +=
        "<conceptEntry id=\"c\(i)\"><note>\(note)</note><langSec xml:lang=\"ru\"><termSec><term>термин \(i)</term></termSec></langSec>"
      text +=
        "<langSec xml:lang=\"en\"><termSec><term>term \(i)</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>\n"
    }
    text += "</body></text>\n</tbx>\n"
    return Array(text.utf8)
  }

  @Test func aTBXOverTenMegabytesLoads() throws {
    let bytes = Self.tbx(concepts: 14_000)
    #expect(bytes.count > 10_500_000, "the file must exceed libxml2's 10 MB chunk limit")
    let glossary = try TBXLoader.load(bytes: bytes, path: "large.tbx")
    #expect(glossary.concepts.count == 14_000)
    #expect(glossary.concepts.last?.terms.map(\.text) == ["термин 13999", "term 13999"])
  }
}
