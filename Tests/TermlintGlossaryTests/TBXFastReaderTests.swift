import Foundation
@testable import TermlintGlossary
import TermlintTestSupport
@testable import TermlintText
import Testing

/// The TBX fast path (`TBXFastReader`) against the general path (FoundationXML): on every input
/// the fast path either gives up (nil, and the general path decides) or gives exactly what the
/// general path gives — concepts, terms, notes, statuses, lines, columns and load issues. It
/// must give up whenever the general path throws.
@Suite("TBX: the fast reader gives what FoundationXML gives, or gives up")
struct TBXFastReaderTests {
  /// Everything a load produced, positions included (`Glossary.==` ignores lines and columns).
  static func fingerprint(_ result: (glossary: Glossary, issues: [GlossaryLoadIssue])) -> String {
    var text = ""
    dump(result.glossary, to: &text)
    for issue in result.issues {
      text += "\(issue) kind=\(issue.kind) value=\(issue.value ?? "nil")\n"
    }
    return text
  }

  enum Outcome: Equatable {
    /// The fast path gave up.
    case gaveUp
    /// The fast path gave the general path's result.
    case same
  }

  struct Divergence: Error, CustomStringConvertible {
    let description: String
  }

  /// Compares the two paths on `bytes` as `TBXLoader` runs them (entity guard and the empty
  /// test first); throws `Divergence` when the fast path gives anything else.
  static func compare(_ bytes: [UInt8], path: String = "test.tbx") throws -> Outcome {
    let general: Result<(glossary: Glossary, issues: [GlossaryLoadIssue]), any Error> = Result {
      try TBXLoader.parse(bytes: bytes, path: path, guardEntities: true, fastPath: false)
    }
    // The fast path runs only after the guard and the empty test have passed.
    let blank = !bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
    guard (try? XMLEntityGuard.check(bytes, path: path)) != nil, !blank else { return .gaveUp }
    guard let fast = TBXFastReader.read(bytes, path: path) else { return .gaveUp }
    switch general {
    case .failure(let error):
      throw Divergence(description: "the fast path loaded what the general path refuses (\(error))")
    case .success(let expected):
      let a = fingerprint(expected), b = fingerprint(fast)
      guard a == b else {
        throw Divergence(description: "results differ.\n--- general\n\(a)\n--- fast\n\(b)")
      }
      // The public entry point gives the same too.
      let loaded = try TBXLoader.loadReportingIssues(bytes: bytes, path: path)
      guard fingerprint(loaded) == a else { throw Divergence(description: "loadReportingIssues differs") }
      return .same
    }
  }

  /// Every TBX file under `root` (recursively), sorted.
  static func tbxFiles(under root: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "tbx" }.sorted { $0.path < $1.path }
  }

  @Test func repositoryFixturesLoadTheSameOnBothPaths() throws {
    var files: [URL] = []
    for folder in ["Tests", "Glossaries", "Examples", "Benchmarks"] {
      files += Self.tbxFiles(under: TestPaths.repoRoot.appendingPathComponent(folder))
    }
    #expect(files.count >= 12)
    var fast: [String] = []
    for file in files {
      let bytes = Array(try Data(contentsOf: file))
      let outcome = try Self.compare(bytes, path: file.path)
      if outcome == .same { fast.append(file.lastPathComponent) }
    }
    // The well-formed UTF-8 samples must take the fast path, or the test proves nothing.
    for name in ["security-ru-en.tbx", "tbx-v2-sample.tbx", "tbx-v3-dct-sample.tbx", "tbx-min-2013-sample.tbx", "planted-problems.tbx"] {
      #expect(fast.contains(name), "\(name) did not take the fast path")
    }
    // Entity tricks and broken XML never do.
    for name in ["billion-laughs.tbx", "internal-entity.tbx", "not-well-formed.tbx", "xxe-file.tbx"] {
      #expect(!fast.contains(name), "\(name) took the fast path")
    }
  }

  @Test func sharedCorpusLoadsTheSameOnBothPaths() throws {
    guard TestPaths.hasCorpus else {
      print("skipped: ../shared/corpus is absent (TBX fast path against the corpus)")
      return
    }
    let files = Self.tbxFiles(under: TestPaths.corpus)
    var taken = 0
    for file in files {
      let bytes = Array(try Data(contentsOf: file))
      if try Self.compare(bytes, path: file.path) == .same { taken += 1 }
    }
    #expect(files.isEmpty || taken > 0, "no corpus TBX took the fast path")
  }

  /// Rounds of the seeded tests: `TBX_FAST_ROUNDS` (a multiplier) and `TBX_FAST_SEED` widen
  /// the search locally; the defaults keep `swift test` quick.
  static let scale = Int(ProcessInfo.processInfo.environment["TBX_FAST_ROUNDS"] ?? "") ?? 1
  static let seedOffset = UInt64(ProcessInfo.processInfo.environment["TBX_FAST_SEED"] ?? "") ?? 0

  @Test func generatedVariantsLoadTheSameOnBothPaths() throws {
    var rng = SeededGenerator(seed: 0x7B_F457 &+ Self.seedOffset)
    var same = 0, gaveUp = 0
    for round in 0..<1_500 * Self.scale {
      let text = TBXVariants.document(using: &rng)
      do {
        switch try Self.compare(Array(text.utf8)) {
        case .same: same += 1
        case .gaveUp: gaveUp += 1
        }
      } catch {
        Issue.record("round \(round): \(error)\n--- input\n\(text)")
        return
      }
    }
    print("TBX fast path on generated variants: \(same) read, \(gaveUp) given up")
    // Most variants are well-formed UTF-8 TBX the fast path must read itself.
    #expect(same > 900 * Self.scale, "fast path taken \(same) times, gave up \(gaveUp) times")
  }

  @Test func mutatedVariantsLoadTheSameOrFallBack() throws {
    var rng = SeededGenerator(seed: 0xBAD_7B5 &+ Self.seedOffset)
    var same = 0
    for round in 0..<2_500 * Self.scale {
      var bytes = Array(TBXVariants.document(using: &rng).utf8)
      TBXVariants.mutate(&bytes, using: &rng)
      do {
        if try Self.compare(bytes) == .same { same += 1 }
      } catch {
        Issue.record("round \(round): \(error)\n--- input\n\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        return
      }
    }
    print("TBX fast path on mutated variants: \(same) of \(2_500 * Self.scale) read")
    #expect(same > 0)
  }

  @Test func hugeSingleLineDocumentKeepsColumns() throws {
    // Everything on one line: columns grow to the file's length and are counted once.
    var text = #"<?xml version="1.0"?><martif type="TBX"><text><body>"#
    for i in 0..<300 {
      text += #"<termEntry id="e\#(i)"><langSet xml:lang="ru"><tig><term>тест \#(i)</term></tig></langSet>"#
      text += #"<langSet xml:lang="en"><ntig><termGrp><term>test \#(i)</term></termGrp></ntig></langSet></termEntry>"#
    }
    text += "</body></text></martif>"
    #expect(try Self.compare(Array(text.utf8)) == .same)
  }

  @Test func everyControlCharacterGivesUpWhereverItIs() throws {
    // The validation reads eight bytes at a time: try each control byte at every offset of a word.
    let head = Array("<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>".utf8)
    let tail = Array("</term></tig></langSet></termEntry></body></text></martif>".utf8)
    for control in UInt8(0)..<0x20 {
      for offset in 0..<9 {
        let text = Array("abcdefgh".utf8)
        var middle = Array(text.prefix(offset))
        middle.append(control)
        middle += text.dropFirst(offset)
        let read = TBXFastReader.read(head + middle + tail, path: "t.tbx")
        if control == 0x09 || control == 0x0A {
          #expect(read != nil, "byte \(control) at \(offset)")
        } else {
          #expect(read == nil, "byte \(control) at \(offset)")
        }
      }
    }
  }

  @Test func knownRefusalsGiveUp() throws {
    let refused = [
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><martif><text/></martif>",
      "<martif>\r\n<text/></martif>",
      "<!DOCTYPE martif [<!ELEMENT martif ANY>]><martif/>",
      "<martif><text>&nbsp;</text></martif>",
      "<martif xml:space=\"keep\"/>",
      "<x:martif/>",
      "<martif xmlns=\"not a uri\"/>",
      "<martif><term>&#xFFFD;</term></martif>",
      "<martif><?pi?></martif>",
      "<martif><text title=\"a > b\"/></martif>",
      "<other/>",
    ]
    for text in refused {
      #expect(TBXFastReader.read(Array(text.utf8), path: "t.tbx") == nil, "\(text.debugDescription)")
    }
  }
}

/// Seeded TBX documents in the shapes the loader reads (TBX v2, TBX v3 DCA and DCT, TBX-Min),
/// varied in what XML allows: quotes, attribute order, white space in and between tags,
/// entities, character references, CDATA, comments, processing instructions, nested notes,
/// `xml:lang` spellings, `xml:space`, empty elements, ids, statuses and categories.
enum TBXVariants {
  static func pick<T>(_ options: [T], _ rng: inout SeededGenerator) -> T { options.randomElement(using: &rng)! }
  static func chance(_ p: Double, _ rng: inout SeededGenerator) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

  static func space(_ rng: inout SeededGenerator) -> String { pick(["", "", "\n", "\n  ", "\n\t\t", " ", "\n\n"], &rng) }

  static func attribute(_ name: String, _ value: String, _ rng: inout SeededGenerator) -> String {
    let quote = chance(0.3, &rng) ? "'" : "\""
    let value = quote == "\"" ? value.replacingOccurrences(of: "\"", with: "&quot;") : value.replacingOccurrences(of: "'", with: "&apos;")
    return pick([" ", " ", "\n   ", "\t"], &rng) + name + pick(["=", "=", " = ", "=\n"], &rng) + quote + value + quote
  }

  static func tag(_ name: String, _ attributes: [(String, String)], _ rng: inout SeededGenerator) -> String {
    var attributes = attributes
    if chance(0.3, &rng) { attributes.shuffle(using: &rng) }
    return "<" + name + attributes.map { attribute($0.0, $0.1, &rng) }.joined() + pick(["", "", " ", "\n"], &rng) + ">"
  }

  /// Text with markup-significant characters written in the ways XML allows.
  static func text(_ rng: inout SeededGenerator) -> String {
    let words = ["term", "термин", "Zoë", "naïve", "東京", "😀", "a", "R&D", "x<y", "1 > 0", "quote\"s", "it's", "  spaced  ", "tab\there", "line\nbreak", "]]", "]", "—"]
    var out = ""
    for _ in 0..<Int.random(in: 0...4, using: &rng) {
      var word = pick(words, &rng)
      switch Int.random(in: 0..<10, using: &rng) {
      case 0: out += "<![CDATA[\(word.replacingOccurrences(of: "]]", with: "] ]"))]]>"
      case 1: out += "&#\(word.unicodeScalars.first!.value);" + word.unicodeScalars.dropFirst().map { String($0) }.joined().xmlEscaped
      case 2: out += "&#x\(String(word.unicodeScalars.first!.value, radix: 16, uppercase: chance(0.5, &rng)));"
      case 3: out += pick(["<!-- c -->", "<!-- тест 😀 -->", "<?pi данные?>", "<!---->"], &rng) + word.xmlEscaped
      case 4: out += "<hi>\(word.xmlEscaped)</hi>"
      default:
        if word == "]]" { word = "]] " }
        out += word.xmlEscaped
      }
      out += pick(["", " ", "  ", "\n", "\t"], &rng)
    }
    return out
  }

  /// Attribute values that move libxml2's column counter in different ways.
  static let titles = ["東京", "naïve\tx", "a&amp;b", "д\nд", "😀", "&#x41;&#1044;", "x&lt;y", "  "]
  static let languages = ["en", "EN", "ru", "ru-RU", "ru_ru", "en-gb", "fr", "", "123", "zh-Hant-TW", "de "]
  static let statuses = [
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferred", "forbidden",
    "bogus", "", " deprecatedTerm-admn-sts ",
  ]

  static func termSection(_ style: Int, _ rng: inout SeededGenerator) -> String {
    let section = style == 0 ? pick(["tig", "ntig"], &rng) : (style == 3 ? "termGroup" : "termSec")
    var sectionAttributes: [(String, String)] = chance(0.1, &rng) ? [("xml:lang", pick(languages, &rng))] : []
    if chance(0.2, &rng) { sectionAttributes.append(("title", pick(titles, &rng))) }
    var out = tag(section, sectionAttributes, &rng) + pick(["", "", " "], &rng)
    var termAttributes: [(String, String)] = []
    if chance(0.2, &rng) { termAttributes.append(("title", pick(titles, &rng))) }
    if chance(0.15, &rng) { termAttributes.append(("xml:lang", pick(languages, &rng))) }
    if chance(0.1, &rng) { termAttributes.append(("xml:space", pick(["preserve", "default"], &rng))) }
    if chance(0.05, &rng) { termAttributes.append(("id", "t\(Int.random(in: 0..<5, using: &rng))")) }
    let term = chance(0.05, &rng) ? "<term/>" : tag("term", termAttributes, &rng) + text(&rng) + "</term>"
    if section == "ntig" {
      out += "<termGrp>" + space(&rng) + term + space(&rng) + "</termGrp>"
    } else if !chance(0.05, &rng) {
      out += term
    }
    if chance(0.05, &rng) { out += space(&rng) + term }
    for _ in 0..<Int.random(in: 0...4, using: &rng) {
      out += space(&rng)
      switch Int.random(in: 0..<9, using: &rng) {
      case 0: out += tag("termNote", [("type", "administrativeStatus")], &rng) + pick(statuses, &rng) + "</termNote>"
      case 1: out += tag("termNote", [("type", pick(["partOfSpeech", " partOfSpeech"], &rng))], &rng) + pick(["noun", "verb", "Noun", "other"], &rng) + "</termNote>"
      case 2: out += tag("termNote", [("type", pick(["termType", "normativeAuthorization", "usageStatus", "termlint:status"], &rng))], &rng) + pick(statuses + ["fullForm"], &rng) + "</termNote>"
      case 3: out += tag("note", [], &rng) + text(&rng) + "</note>"
      case 4: out += tag("descrip", [("type", pick(["caseSensitivity", "matchMode"], &rng))], &rng) + pick(["sensitive", "insensitive", "stem", "exact", "x"], &rng) + "</descrip>"
      case 5: out += "<administrativeStatus>\(pick(statuses, &rng))</administrativeStatus>"
      case 6: out += tag("partOfSpeech", [("value", pick(["noun", "adjective", "thing"], &rng))], &rng).replacingOccurrences(of: ">", with: "/>")
      case 7: out += "<!-- a comment -- no -->".replacingOccurrences(of: "-- no", with: "no") + "<?xml-model href=\"x\"?>"
      default: out += tag("admin", [("type", "source")], &rng) + text(&rng) + "</admin>"
      }
    }
    return out + space(&rng) + "</\(section)>"
  }

  static func concept(_ style: Int, _ index: Int, _ rng: inout SeededGenerator) -> String {
    let name = style == 0 ? "termEntry" : "conceptEntry"
    var attributes: [(String, String)] = []
    if !chance(0.15, &rng) { attributes.append(("id", pick(["c\(index)", "c1", " c\(index) ", "", "1"], &rng))) }
    var out = tag(name, attributes, &rng) + space(&rng)
    if chance(0.3, &rng) { out += tag("descrip", [("type", "subjectField")], &rng) + text(&rng) + "</descrip>" + space(&rng) }
    if chance(0.2, &rng) {
      let note = pick(["note", "descrip"], &rng)
      out += tag(note, [], &rng) + text(&rng) + "</\(note)>" + space(&rng)
    }
    if chance(0.2, &rng) { out += "<note>" + text(&rng) + "</note>" + space(&rng) }
    if chance(0.1, &rng) { out += "<descrip type=\"definition\">" + text(&rng) + "</descrip>" }
    let language = style == 0 ? "langSet" : (style == 3 ? "langGroup" : "langSec")
    for _ in 0..<Int.random(in: 0...3, using: &rng) {
      var attributes: [(String, String)] = []
      if !chance(0.1, &rng) { attributes.append(("xml:lang", pick(languages, &rng))) }
      out += space(&rng) + tag(language, attributes, &rng)
      if chance(0.15, &rng) { out += "<note>" + text(&rng) + "</note>" }
      if chance(0.1, &rng) { out += "<descrip type=\"subjectField\">" + text(&rng) + "</descrip>" }
      for _ in 0..<Int.random(in: 0...3, using: &rng) { out += space(&rng) + termSection(style, &rng) }
      out += space(&rng) + "</\(language)>"
    }
    if chance(0.05, &rng) { out += "<term>stray</term>" }
    return out + space(&rng) + "</\(name)>"
  }

  /// A whole document.
  static func document(using rng: inout SeededGenerator) -> String {
    let style = Int.random(in: 0..<4, using: &rng)  // 0: TBX v2, 1: v3 DCA, 2: v3 with prefixes, 3: TBX-Min 2013
    var out = ""
    if chance(0.05, &rng) { out += "\u{FEFF}" }
    if !chance(0.2, &rng) {
      out += pick([
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0'?>", "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\" ?>",
        "<?xml version=\"1.0\"\n encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>",
      ], &rng)
    }
    out += space(&rng)
    if chance(0.2, &rng) { out += "<!-- exported -->" + space(&rng) }
    if chance(0.2, &rng) { out += "<?xml-model href=\"https://example.org/TBX.rng\" type=\"application/xml\"?>\n" }
    switch style {
    case 0:
      if chance(0.4, &rng) { out += "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n" }
      out += tag("martif", [("type", "TBX"), ("xml:lang", pick(["en", "EN", "ru"], &rng))], &rng)
      out += "<martifHeader><fileDesc><sourceDesc><p>x &amp; y</p></sourceDesc></fileDesc></martifHeader>"
    case 1:
      out += tag("tbx", [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2")], &rng)
      out += "<tbxHeader><fileDesc><sourceDesc><p>s</p></sourceDesc></fileDesc></tbxHeader>"
    case 2:
      out += tag("tbx", [("style", "dct"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2"), ("xmlns:min", "http://www.tbxinfo.net/ns/min")], &rng)
    default:
      out += tag("TBX", [("dialect", "TBX-Min"), ("xml:lang", "en")], &rng)
      out += "<header><languages source=\"\(pick(["ru", "en-US", "xx-"], &rng))\" target=\"en\"/></header>"
    }
    out += space(&rng) + "<text>" + space(&rng) + "<body>"
    for index in 0..<Int.random(in: 0...5, using: &rng) {
      var concept = concept(style, index, &rng)
      if style == 2 {
        concept = concept.replacingOccurrences(of: "<administrativeStatus>", with: "<min:administrativeStatus>")
          .replacingOccurrences(of: "</administrativeStatus>", with: "</min:administrativeStatus>")
      }
      out += space(&rng) + concept
    }
    out += space(&rng) + "</body></text>" + space(&rng)
    out += ["</martif>", "</tbx>", "</tbx>", "</TBX>"][style] + space(&rng)
    if chance(0.1, &rng) { out += "<!-- end -->\n" }
    return out
  }

  /// One to three byte edits: deletions, insertions of markup-significant bytes, swaps.
  static func mutate(_ bytes: inout [UInt8], using rng: inout SeededGenerator) {
    let insertions: [[UInt8]] = [
      Array("<".utf8), Array("&".utf8), Array(">".utf8), Array("\"".utf8), Array("'".utf8), Array("]]>".utf8), Array("&amp".utf8),
      Array("&#0;".utf8), Array("&#xD800;".utf8), Array("<!--".utf8), Array("-->".utf8), Array("<![CDATA[".utf8), Array("</x>".utf8),
      Array("<x>".utf8), Array("\r".utf8), Array("\r\n".utf8), [0x00], [0x0B], [0xC3], [0xFF], Array("é".utf8), Array("\u{FFFD}".utf8),
      Array(" xml:lang=\"ru\"".utf8), Array(" a=\"1\" a=\"2\"".utf8), Array("<?pi?>".utf8), Array(":".utf8), Array("p:".utf8),
      Array(" xmlns:p=\"urn:x\"".utf8), Array(" xml:space=\"preserve\"".utf8), Array("\n".utf8), Array("\t".utf8),
      Array("<!DOCTYPE x>".utf8), Array("&#65533;".utf8),
    ]
    for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: bytes.remove(at: at)
      case 1: bytes.insert(contentsOf: pick(insertions, &rng), at: at)
      case 2: bytes[at] = pick(Array("<>&;\"'=/ ?!-x:".utf8), &rng)
      default:
        let length = Int.random(in: 1...min(40, bytes.count - at), using: &rng)
        bytes.removeSubrange(at..<at + length)
      }
    }
  }
}

extension String {
  /// The text with `&`, `<` and `>` escaped for XML content.
  fileprivate var xmlEscaped: String {
    replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }
}
