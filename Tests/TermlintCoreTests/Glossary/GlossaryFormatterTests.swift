import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

private typealias S = GlossaryTestSupport

private func fmt(_ text: String, _ format: GlossaryFormat, source: LanguageTag? = nil) throws
  -> String
{
  let bytes = try GlossaryFormatter.format(
    bytes: Array(text.utf8), path: "t.\(format.preferredExtension)", format: format,
    sourceLanguage: source)
  return String(decoding: bytes, as: UTF8.self)
}

/// Lints the example article with a glossary; the findings as comparable lines.
func lintLines(_ glossary: Glossary, text: String, language: LanguageTag = LanguageTag("en")!)
  throws -> [String]
{
  let configured = try Pipeline.builtIn.configuredRules(only: [])
  let linter = Linter(
    glossary: try CompiledGlossary(glossary), rules: configured, sourceLanguage: nil,
    targetLanguage: language)
  let document = PlainTextReader.read(
    SourceFile(path: "article.md", text: text), markdown: true, language: language)
  return try linter.lint(document).map {
    "\($0.location.line):\($0.location.column)-\($0.location.endColumn) \($0.ruleID) \($0.message) \($0.suggestions)"
  }
}

@Suite("glossary fmt")
struct GlossaryFormatterTests {
  static let shipped = ["Glossaries/security-ru-en.csv", "Glossaries/security-ru-en.tbx"]

  @Test(arguments: shipped)
  func shippedGlossariesAreCanonical(path: String) throws {
    let full = S.repoRoot + "/" + path
    let bytes = try GlossaryIO.readBytes(path: full)
    let formatted = try GlossaryFormatter.format(
      bytes: bytes, path: full, format: try GlossaryIO.format(for: full))
    #expect(formatted == bytes, "run 'termlint glossary fmt \(path)'")
  }

  @Test func sortsConceptsWithRussianCollation() throws {
    let csv = """
      concept,lang,term,status
      c-apple,ru,яблоко,preferred
      c-tree,ru,ёлка,preferred
      c-europe,ru,Европа,preferred
      c-beetle,ru,жук,preferred
      c-melon,ru,арбуз,preferred
      c-none,en,zebra,preferred
      c-eat,ru,есть,preferred

      """
    let out = try fmt(csv, .csv)
    let ids = out.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    // Russian dictionaries sort ё with е: ёлка comes before есть (л before с).
    #expect(ids == ["c-melon", "c-europe", "c-tree", "c-eat", "c-beetle", "c-apple", "c-none"])
    #expect(!out.hasPrefix("#"), "a file without comments gets none")
  }

  @Test func ordersTermsByLanguageThenStatusKeepingEqualStatusOrder() throws {
    let yaml = """
      languages: {source: ru, target: en}
      concepts:
        - id: x
          terms:
            de: [Sicherheitsgarantien]
            en:
              - {text: security assurances, status: deprecated}
              - second allowed
              - {text: security guarantees, status: preferred}
              - {text: first admitted, status: admitted}
              - {text: guarantee package, status: proposed}
              - {text: safety guarantees, status: forbidden}
            ru: [гарантии безопасности]
      """
    let g = try S.load(try fmt(yaml, .yaml), .yaml)
    let terms = g.concepts[0].terms.map { "\($0.language) \($0.text)" }
    #expect(
      terms == [
        "ru гарантии безопасности", "en security guarantees", "en second allowed",
        "en first admitted",
        "en security assurances", "en safety guarantees", "en guarantee package",
        "de Sicherheitsgarantien",
      ])
  }

  @Test func normalizesTextAndKeepsMeaning() throws {
    let csv =
      "concept,subject,lang,term,status,note\nx,\" arms  control \",en,\"  E\u{301}lyse\u{301}e   Palace \",preferred,\"line one  \nline two \"\n"
    let g = try S.load(try fmt(csv, .csv), .csv)
    let concept = try #require(g.concepts.first)
    #expect(
      Array(concept.terms[0].text.unicodeScalars) == Array("\u{C9}lys\u{E9}e Palace".unicodeScalars)
    )
    #expect(concept.subjectField == "arms control")
    #expect(concept.terms[0].note == "line one\nline two")
  }

  @Test func keepsByteOrderMarkLineEndsAndComments() throws {
    let csv =
      "\u{FEFF}# House glossary\r\n# second line\r\nconcept,lang,term,status,case\r\nb,en,beta,preferred,\r\na,en,alpha,preferred,\r\n"
    let bytes = try GlossaryFormatter.format(bytes: Array(csv.utf8), path: "t.csv", format: .csv)
    let expected =
      "\u{FEFF}# House glossary\r\n# second line\r\nconcept,lang,term,status,case\r\na,en,alpha,preferred,\r\nb,en,beta,preferred,\r\n"
    #expect(bytes == Array(expected.utf8))
    let utf16 =
      [UInt8]([0xFF, 0xFE])
      + Array("concept,lang,term\nb,en,beta\na,en,alpha\n".utf16).flatMap {
        [UInt8($0 & 0xFF), UInt8($0 >> 8)]
      }
    let out16 = try GlossaryFormatter.format(bytes: utf16, path: "t.csv", format: .csv)
    #expect(Array(out16.prefix(2)) == [0xFF, 0xFE])
    #expect(
      try SourceFile(path: "t.csv", bytes: out16).text
        == "concept,lang,term\na,en,alpha\nb,en,beta\n")
  }

  static let commentedYAML = """
    # House glossary (YAML), edited by hand.

    languages: {source: ru, target: en}   # the languages
    concepts:
      # Organizations first.
      - id: nato   # the alliance
        subject: organizations
        terms:
          # Russian
          ru: [НАТО]
          en:
            - {text: NATO, status: preferred, type: acronym}  # always capitals
            # the full name
            - text: North Atlantic Treaty Organization
              status: admitted   # rarely used
              note: |
                Full name; # not a comment
                spelled out on first use.
      - id: security-guarantees
        note: 'It''s # not a comment'
        terms:
          ru: [гарантии безопасности]   # base form
          en:
            - security assurances  # hmm
            - {text: security  guarantees, status: preferred}
    # trailing comment
    """

  @Test func keepsYAMLComments() throws {
    let out = try fmt(Self.commentedYAML, .yaml)
    #expect(
      out == """
        # House glossary (YAML), edited by hand.
        languages: {source: ru, target: en}  # the languages
        concepts:
          - id: security-guarantees
            note: "It's # not a comment"
            terms:
              ru:
                - гарантии безопасности  # base form
              en:
                - {text: security guarantees, status: preferred}
                - security assurances  # hmm
          # Organizations first.
          - id: nato  # the alliance
            subject: organizations
            terms:
              # Russian
              ru:
                - НАТО
              en:
                - {text: NATO, status: preferred, type: acronym}  # always capitals
                # the full name
                - text: North Atlantic Treaty Organization  # rarely used
                  status: admitted
                  note: "Full name; # not a comment\\nspelled out on first use."
        # trailing comment

        """)
    #expect(
      try S.load(out, .yaml)
        == (try GlossaryFormatter.canonical(try S.load(Self.commentedYAML, .yaml))))
  }

  @Test func commentScannerSkipsQuotedAndBlockText() {
    let lines = YAMLCommentExtractor.scan(
      "a: 'x # y'  # c1\nb: \"p\\\" # q\"\nc: |\n  # text\n  more\nd: it's # c2\n# c3\n")
    #expect(lines.map(\.comment) == ["# c1", nil, nil, nil, nil, "# c2", "# c3"])
    #expect(lines.map(\.hasContent) == [true, true, true, true, true, true, false])
  }

  static let idempotencyInputs: [String] = ["sample.csv", "sample.yaml"]

  @Test(arguments: idempotencyInputs)
  func formattingIsIdempotent(name: String) throws {
    let path = S.fixture(name)
    let format = try GlossaryIO.format(for: path)
    let once = try GlossaryFormatter.format(
      bytes: try GlossaryIO.readBytes(path: path), path: path, format: format)
    let twice = try GlossaryFormatter.format(bytes: once, path: path, format: format)
    #expect(once == twice)
    #expect(
      try GlossaryIO.load(bytes: once, path: path, format: format)
        == (try GlossaryFormatter.canonical(try GlossaryIO.load(path: path))))
  }

  @Test func commentedYAMLIsIdempotent() throws {
    let once = try fmt(Self.commentedYAML, .yaml)
    #expect(try fmt(once, .yaml) == once)
  }

  @Test(arguments: shipped)
  func formattingDoesNotChangeLintFindings(path: String) throws {
    let full = S.repoRoot + "/" + path
    let article = try String(
      contentsOfFile: S.repoRoot + "/Examples/article.en.md", encoding: .utf8)
    let original = try GlossaryIO.load(path: full)
    var shuffled = original
    shuffled.concepts.reverse()
    for i in shuffled.concepts.indices { shuffled.concepts[i].terms.reverse() }
    let canonical = try GlossaryFormatter.canonical(shuffled)
    #expect(try lintLines(original, text: article) == (try lintLines(canonical, text: article)))
    #expect(!(try lintLines(original, text: article)).isEmpty)
  }

  @Test func refusesTBXItWouldDamage() throws {
    for (name, reason) in [
      ("tbx-v2-sample.tbx", "TBX v3 files only"), ("tbx-v3-dct-sample.tbx", "DCA style"),
      ("planted-problems.tbx", "what the TBX loader skipped"),
    ] {
      let path = S.fixture(name)
      let error = try #require(
        S.expectError {
          _ = try GlossaryFormatter.format(
            bytes: try GlossaryIO.readBytes(path: path), path: path, format: .tbx)
          return Glossary()
        })
      #expect(error.reason.contains(reason), "\(name): \(error.reason)")
    }
    let lossy = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>
      <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>NATO</term>
      <termNote type="grammaticalGender">feminine</termNote></termSec></langSec></conceptEntry>
      </body></text></tbx>
      """
    let error = try #require(
      S.expectError {
        _ = try fmt(lossy, .tbx)
        return Glossary()
      })
    #expect(error.line == 4)
    #expect(error.reason.contains("<termNote type=\"grammaticalGender\">"))
  }

  @Test func formatsTBXKeepingItsHeader() throws {
    let tbx = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      \t<tbxHeader><fileDesc><sourceDesc><p>Our own header.</p></sourceDesc></fileDesc></tbxHeader>
      \t<text><body>
      \t<conceptEntry id="b"><langSec xml:lang="en"><termSec><term>beta</term></termSec></langSec></conceptEntry>
      \t<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>alpha</term></termSec></langSec></conceptEntry>
      \t</body></text>
      </tbx>
      """
    let out = try fmt(tbx, .tbx)
    #expect(
      out.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\t<tbxHeader><fileDesc><sourceDesc><p>Our own header.</p></sourceDesc></fileDesc></tbxHeader>\n  <text>\n"
      ))
    #expect(try S.load(out, .tbx).concepts.map(\.id) == ["a", "b"])
    #expect(try fmt(out, .tbx) == out)
  }

  @Test func collator() throws {
    let ru = try Collator(locale: "ru")
    #expect(ru.compare("ёлка", "ель") < 0, "ё sorts with е")
    #expect(ru.compare("ель", "ёль") < 0, "then е before ё")
    #expect(ru.compare("ёлка", "жук") < 0)
    #expect(ru.compare("Европа", "ёж") < 0)
    #expect(ru.compare("а", "а") == 0)
    #expect(ru.sortKey("ёлка").lexicographicallyPrecedes(ru.sortKey("жук")))
    #expect(ru.sortKey(String(repeating: "щ", count: 500)).count > 500)
  }
}

@Suite("glossary convert")
struct GlossaryConvertTests {
  @Test func regeneratingTheShippedTBXFromTheCSVIsExact() throws {
    let csv = S.repoRoot + "/Glossaries/security-ru-en.csv"
    let tbx = S.repoRoot + "/Glossaries/security-ru-en.tbx"
    let existing = try GlossaryIO.readBytes(path: tbx)
    let conversion = try GlossaryConversion.convert(
      bytes: try GlossaryIO.readBytes(path: csv), path: csv, from: .csv, to: .tbx,
      keepingHeaderOf: (existing, tbx))
    #expect(conversion.output == existing)
    #expect(conversion.warnings.isEmpty)
  }

  @Test func tbxContentOutsideTheModelIsNamed() throws {
    let path = S.fixture("tbx-v2-sample.tbx")
    let conversion = try GlossaryConversion.convert(
      bytes: try GlossaryIO.readBytes(path: path), path: path, from: .tbx, to: .csv)
    #expect(
      conversion.warnings.contains { $0.contains("unknown administrativeStatus 'bogusValue'") })
    #expect(
      try S.load(String(decoding: conversion.output, as: UTF8.self), .csv) == conversion.glossary)
  }

  /// Text made of every matchable term of a language, one sentence each, in paragraphs of ten.
  static func article(from g: Glossary, language: LanguageTag) -> String {
    let terms = g.concepts.flatMap { $0.terms(in: language) }.filter { $0.status != .proposed }.map(
      \.text)
    var paragraphs: [String] = []
    var k = 0
    while k < terms.count {
      paragraphs.append(
        terms[k..<min(k + 10, terms.count)].map { "We wrote \($0) here." }.joined(separator: " "))
      k += 10
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
  }

  static var glossaries: [String] {
    ["Glossaries/security-ru-en.tbx", "Glossaries/security-ru-en.csv"].map { S.repoRoot + "/" + $0 }
      + S.corpusTBXFiles.filter { !$0.contains("/edge-cases/") }
  }

  @Test(arguments: glossaries)
  func lintingWithAConvertedGlossaryGivesIdenticalFindings(path: String) throws {
    let bytes = try GlossaryIO.readBytes(path: path)
    let format = try GlossaryIO.format(for: path)
    let original = try GlossaryIO.load(bytes: bytes, path: path, format: format)
    let article = try String(
      contentsOfFile: S.repoRoot + "/Examples/article.en.md", encoding: .utf8)
    for chain in [[GlossaryFormat.csv, .tbx], [.yaml, .tbx], [.tsv], [.tbx, .yaml, .csv]] {
      var current = bytes
      var currentFormat = format
      for next in chain {
        current = try GlossaryConversion.convert(
          bytes: current, path: "in.\(currentFormat.preferredExtension)", from: currentFormat,
          to: next
        ).output
        currentFormat = next
      }
      let converted = try GlossaryIO.load(bytes: current, path: "out", format: currentFormat)
      #expect(converted == original, "\(chain): \(S.firstDifference(original, converted))")
      for language in original.languages {
        let text = Self.article(from: original, language: language) + "\n" + article
        let expected = try lintLines(original, text: text, language: language)
        #expect(
          try lintLines(converted, text: text, language: language) == expected,
          "\(path) \(language) via \(chain)")
      }
    }
  }
}
