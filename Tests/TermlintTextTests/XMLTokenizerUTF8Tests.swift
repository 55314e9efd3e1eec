import Foundation
import Testing

@testable import TermlintText

/// `XMLTokenizer<UInt8>` (TBX, over the file's bytes) must read exactly as `XMLScanner` (UTF-16,
/// XLIFF and TMX) does: the same pieces, the same errors at the same line and column.
@Suite("XML tokenizer over UTF-8")
struct XMLTokenizerUTF8Tests {
  /// What a reader saw, written the same way for either kind of unit: each piece with the line
  /// and column where it starts, or the error.
  static func trace(utf16 text: String, policy: XMLEntityPolicy = .refuse) -> [String] {
    let file = SourceFile(path: "t.xml", text: text)
    var scanner = XMLScanner(file: file, entityPolicy: policy)
    var out: [String] = []
    do {
      while let event = try scanner.next() {
        switch event {
        case .start(let tag):
          let attributes = tag.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
          out.append(
            "start \(tag.name) [\(attributes)] \(tag.isEmpty) @\(at(file.position(utf16Offset: tag.range.lowerBound)))-\(at(file.position(utf16Offset: tag.range.upperBound)))"
          )
        case .end(let name, let range):
          out.append(
            "end \(name) @\(at(file.position(utf16Offset: range.lowerBound)))-\(at(file.position(utf16Offset: range.upperBound)))"
          )
        case .text(let t):
          let value =
            t.replacement.map { String(decoding: $0, as: UTF16.self) } ?? file.text(in: t.range)
          out.append(
            "text \(value.debugDescription) @\(at(file.position(utf16Offset: t.range.lowerBound)))")
        }
      }
    } catch {
      out.append("error \(error)")
    }
    return out
  }

  static func trace(utf8 text: String, policy: XMLEntityPolicy = .refuse) -> [String] {
    let bytes = Array(text.utf8)
    var tokens = XMLTokenizer<UInt8>(
      units: bytes, path: "t.xml", file: nil, maxDepth: XMLScanner.defaultMaxDepth,
      maxAttributes: XMLScanner.defaultMaxAttributes,
      entityPolicy: policy)
    var names: [String] = []
    var out: [String] = []
    func position(_ offset: Int) -> String { at(UInt8.position(bytes, offset, file: nil)) }
    do {
      while let token = try tokens.next() {
        switch token {
        case .start:
          let name = tokens.string(tokens.tagName)
          names.append(name)
          let attributes = tokens.attributes.map { "\(tokens.string($0.name))=\(tokens.value($0))" }
            .joined(separator: ",")
          out.append(
            "start \(name) [\(attributes)] \(tokens.tagIsEmpty) @\(position(tokens.tagRange.lowerBound))-\(position(tokens.tagRange.upperBound))"
          )
        case .end(let range):
          out.append(
            "end \(names.removeLast()) @\(position(range.lowerBound))-\(position(range.upperBound))"
          )
        case .text(let range, let scalar):
          let value =
            scalar.map { String(Character($0)) } ?? String(decoding: bytes[range], as: UTF8.self)
          out.append("text \(value.debugDescription) @\(position(range.lowerBound))")
        }
      }
    } catch {
      out.append("error \(error)")
    }
    return out
  }

  static func at(_ p: (line: Int, column: Int)) -> String { "\(p.line):\(p.column)" }

  static let documents: [String] = [
    "<a/>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1 &amp; 2'>Tom &amp; Jerry<![CDATA[ <raw> ]]><!-- c --><?pi x?>&#x416;!</a>",
    // Multi-byte names, values and text; positions after them.
    "<ключ атрибут=\"значение\" 名前='値'>текст 😀 text<b/>ж</ключ>",
    "<a>😀😀<b>é</b>\n😀<c x=\"😀&#x1F600;\"/></a>",
    "<é·̀ a·b=\"x\"/>",
    // CRLF and lone CR line ends, in text and in attribute values.
    "<a>\r\n<b x=\"1\r\n2\r3\t4\n5\">x</b>\r\n\r<c/>\r\n</a>\r\n",
    // Errors after multi-byte characters and at the very end.
    "<a>жжж\n  😀<b></c></a>",
    "<a>жжж😀",
    "<a x=\"жжж",
    "<a>ж</a>ж",
    "<a>ж]]>ж</a>",
    "<a>ж\u{1}</a>",
    "<a>ж\u{FFFE}</a>",
    "<a>ж<![CDATA[ж\u{FFFF}]]></a>",
    "<a><!-- ж -- ж --></a>",
    "<a>&ж;</a>",
    "<a>&#xD800;</a>",
    "<a>&#1114112;</a>",
    "<a x=\"ж<\"/>",
    "<a x=\"1\" x=\"2\"/>",
    "<a><b></a>",
    "<a></a><b/>",
    "<a><?xml version='1.0'?></a>",
    "<!DOCTYPE a [<!ENTITY e \"x\">]><a/>",
    "<!DOCTYPE a SYSTEM \"a.dtd\"><a>ж</a>",
    "",
    "   \n  ",
    "<a>\u{FEFF}ж</a>",
    "<ж:a xmlns:ж=\"urn:ж\" ж:b=\"ж\"/>",
    "<a\u{3000}x=\"1\"/>",
    "<a>x&#10;y&lt;&gt;&quot;&apos;</a>",
  ]

  /// Found by fuzzing: with two unknown pseudo-attributes, which one the message named
  /// depended on a dictionary's order, which differs between instances.
  @Test func firstUnknownPseudoAttributeIsNamed() {
    for _ in 0..<20 {
      let error = XMLScannerTests.failure(
        "<?xml version=\"1.0\" eersion=\"1.0\" encoding18030=\"UTF-8\" zz=\"1\"?><a/>")
      #expect(
        error?.reason.contains("unknown pseudo-attribute 'eersion'") == true,
        "\(String(describing: error))")
    }
  }

  @Test(arguments: documents)
  func readsAsTheUTF16Scanner(text: String) {
    #expect(Self.trace(utf8: text) == Self.trace(utf16: text))
  }

  static let glossaryDoctypes: [String] = [
    "<!DOCTYPE a [<!ENTITY e \"x\">]><a>ж</a>",
    "<!DOCTYPE a [<!ENTITY e \"x\">]><a>ж&e;</a>",
    "<!DOCTYPE a [<!ENTITY ж SYSTEM \"file:///etc/hostname\">]><a/>",
    "<!DOCTYPE a [<!ENTITY % p \"x\">]><a/>",
    "<!DOCTYPE a [<!ENTITY a \"1\"><!ENTITY b \"&a;&a;\">]><a/>",
    "<!DOCTYPE a [" + (0..<10).map { "<!ENTITY e\($0) \"x\">" }.joined() + "]><a/>",
  ]

  @Test(arguments: glossaryDoctypes)
  func entityPolicyDecidesAsTheUTF16Scanner(text: String) {
    #expect(
      Self.trace(utf8: text, policy: .declaredUnused)
        == Self.trace(utf16: text, policy: .declaredUnused))
  }

  @Test func positionCountsCodePointsAndEveryLineEnd() {
    let bytes = Array("ж😀a\r\nб\rв\nг".utf8)
    let file = SourceFile(path: "p", text: String(decoding: bytes, as: UTF8.self))
    // Every character boundary, and the end.
    var offsets: [Int] = []
    for i in 0...bytes.count where i == bytes.count || bytes[i] & 0xC0 != 0x80 { offsets.append(i) }
    var utf16Offsets: [Int] = []
    var units = 0
    for scalar in file.text.unicodeScalars {
      utf16Offsets.append(units)
      units += scalar.utf16.count
    }
    utf16Offsets.append(units)
    #expect(offsets.count == utf16Offsets.count)
    for (byte, unit) in zip(offsets, utf16Offsets) {
      #expect(
        Self.at(UInt8.position(bytes, byte, file: nil))
          == Self.at(file.position(utf16Offset: unit)), "byte \(byte)")
    }
  }

  @Test func strictUTF8CheckAgreesWithTheDecoder() {
    let samples: [[UInt8]] = [
      [], Array("plain ascii text, longer than eight bytes".utf8), Array("жж😀".utf8),
      [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
      Array("abcdefgh".utf8) + [0xD0], Array("abcdefghж".utf8) + [0x80], [0xE2, 0x82],
    ]
    for bytes in samples {
      let decodes = (try? SourceFile.decodeUTF8(bytes, from: 0, path: "x")) != nil
      #expect(SourceFile.isStrictUTF8(bytes, from: 0) == decodes, "\(bytes)")
    }
  }
}
