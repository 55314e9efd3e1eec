import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("GlossaryCache: compiled glossaries kept between runs, keyed by content and options")
struct GlossaryCacheTests {
  /// A fresh folder with a YAML glossary (inflected terms, proper names, case-sensitive
  /// acronyms, an exact-match term) and a CSV glossary with a column Termlint does not know
  /// (a load warning), and an empty cache folder beside them.
  struct Setup {
    let folder: URL
    var yaml: String { folder.appendingPathComponent("terms.yaml").path }
    var csv: String { folder.appendingPathComponent("extra.csv").path }
    var cache: GlossaryCache {
      GlossaryCache(directory: folder.appendingPathComponent("cache").path)
    }
    var paths: [String] { [yaml, TestPaths.repo("Glossaries/security-ru-en.tbx"), csv] }

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "termlint-cache-test-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try """
      languages: {source: ru, target: en}
      concepts:
        - id: guarantee
          subject: arms control
          note: Assurances that a state's security will be upheld.
          terms:
            ru: [гарантия безопасности]
            en:
              - {text: security guarantee, status: preferred}
              - {text: security assurance, status: deprecated, pos: noun, note: 'Avoid: reads as "insurance".'}
        - id: nato
          terms:
            en:
              - {text: NATO, status: preferred, type: acronym}
              - {text: North Atlantic Treaty Organization, status: admitted, pos: properNoun}
            ru: НАТО
        - id: kyiv
          terms:
            en:
              - {text: Kyiv, status: preferred, pos: properNoun}
              - {text: Kiev, status: deprecated, pos: properNoun}
            ru: {text: Киев, pos: properNoun}
        - id: de-escalate
          terms:
            en:
              - {text: de-escalate, status: preferred}
              - {text: cool down, status: deprecated, match: exact}
      """.write(toFile: yaml, atomically: true, encoding: .utf8)
      try
        "concept,lang,term,status,reviewer\nstart,en,START treaty,preferred,ann\nstart,ru,СНВ,preferred,ann\n"
        .write(toFile: csv, atomically: true, encoding: .utf8)
    }

    func cacheFiles() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory)) ?? []).filter {
        $0.hasSuffix(".tlgc")
      }.sorted()
    }
  }

  /// Every field of two glossaries, lines and columns included (`Glossary ==` ignores them).
  func expectIdentical(_ a: Glossary, _ b: Glossary) {
    #expect(a == b)
    #expect(
      a.path == b.path && a.sourceLanguage == b.sourceLanguage
        && a.targetLanguage == b.targetLanguage)
    #expect(a.warnings == b.warnings && a.languages == b.languages)
    for (c, d) in zip(a.concepts, b.concepts) {
      #expect(c.line == d.line && c.subjectField == d.subjectField)
      for (s, t) in zip(c.terms, d.terms) {
        #expect(
          s.line == t.line && s.column == t.column && s.language.value == t.language.value,
          "\(s.text)")
      }
    }
  }

  /// Every compiled part of two glossaries.
  func expectIdentical(_ a: CompiledGlossary, _ b: CompiledGlossary) {
    expectIdentical(a.glossary, b.glossary)
    #expect(a.entries.count == b.entries.count)
    for (e, f) in zip(a.entries, b.entries) {
      #expect(
        e.conceptIndex == f.conceptIndex && e.termIndex == f.termIndex && e.term == f.term
          && e.tokens == f.tokens)
      #expect(e.isCaseSensitive == f.isCaseSensitive && e.casePreserved == f.casePreserved)
    }
    #expect(a.forms.raw == b.forms.raw)
    #expect(a.stems.raw == b.stems.raw)
    #expect(Set(a.tries.keys) == Set(b.tries.keys))
    for (language, trie) in a.tries {
      #expect(trie.edges.raw == b.tries[language]!.edges.raw)
      #expect(trie.terminals == b.tries[language]!.terminals)
    }
    #expect(a.properNounStems == b.properNounStems)
    #expect(Set(a.morphologies.keys) == Set(b.morphologies.keys))
  }

  /// The hits of `text` as (matched text, entry, case matches).
  func hits(_ text: String, _ glossary: CompiledGlossary, language: String = "en") throws
    -> [TermHit]
  {
    let file = SourceFile(path: "t.md", text: text)
    let span = TextSpan(file: file, range: 0..<file.utf16.count, language: LanguageTag(language))
    return try TermMatcher(glossary: glossary).annotate(span, language: LanguageTag(language)).hits
  }

  @Test func aCachedGlossaryIsTheFreshlyCompiledOneAndMatchesIdentically() throws {
    let s = try Setup()
    let fresh = try CompiledGlossary(GlossaryIO.loadAll(paths: s.paths))
    let (first, firstHit) = try s.cache.lookup(paths: s.paths)
    #expect(!firstHit && s.cacheFiles().count == 1)
    let (cached, hit) = try s.cache.lookup(paths: s.paths)
    #expect(hit)
    #expect(
      !cached.glossary.warnings.isEmpty, "the CSV's unknown column is a warning, kept in the cache")
    expectIdentical(first, fresh)
    expectIdentical(cached, fresh)
    let english = """
      Security assurances were given; the security guarantees held. Nato and NATO met in Kiev's centre, \
      then in Kyiv. The North Atlantic Treaty Organization's envoys de-escalated, cooling down, \
      and the START treaty was signed; security assurance.
      """
    let russian = "Гарантии безопасности НАТО обсуждали в Киеве; СНВ."
    #expect(try hits(english, cached) == hits(english, fresh))
    #expect(try hits(russian, cached, language: "ru") == hits(russian, fresh, language: "ru"))
    let matched = try hits(english, cached).map { cached.entries[$0.entryIndex].term.text }
    #expect(
      Set(matched).isSuperset(of: [
        "security assurance", "security guarantee", "NATO", "Kiev", "Kyiv", "de-escalate",
        "START treaty",
      ]))
    #expect(
      try hits(english, cached).contains { !$0.caseMatches }, "'Nato' is NATO in the wrong case")
  }

  @Test func lintSetupWithACacheFindsWhatItFindsWithout() throws {
    let s = try Setup()
    var pipeline = Pipeline.builtIn
    pipeline.sourceLanguage = LanguageTag("ru")
    let text = "Security assurances were discussed in Kiev with Nato."
    func findings(_ cache: GlossaryCache?) throws -> [Finding] {
      let setup = try LintSetup.build(pipeline: pipeline, glossaries: s.paths, cache: cache)
      return try setup.linter.lint(
        PlainTextReader.read(
          SourceFile(path: "a.md", text: text), markdown: true, language: LanguageTag("en")))
    }
    let none = try findings(nil)
    #expect(s.cacheFiles().isEmpty, "no cache, no file")
    #expect(!none.isEmpty)
    #expect(try findings(s.cache) == none)
    #expect(s.cacheFiles().count == 1)
    #expect(try findings(s.cache) == none)
  }

  @Test func editingAGlossaryInvalidatesTheCache() throws {
    let s = try Setup()
    _ = try s.cache.lookup(paths: s.paths)
    #expect(try s.cache.lookup(paths: s.paths).hit)
    // Same size, one letter changed.
    let text = try String(contentsOfFile: s.csv, encoding: .utf8)
    try text.replacingOccurrences(of: "START treaty", with: "START Treaty").write(
      toFile: s.csv, atomically: true, encoding: .utf8)
    let (edited, hit) = try s.cache.lookup(paths: s.paths)
    #expect(!hit)
    #expect(edited.glossary.concepts.contains { $0.terms.contains { $0.text == "START Treaty" } })
    #expect(try s.cache.lookup(paths: s.paths).hit)
    // Another order of the same files is another merged glossary.
    #expect(try !s.cache.lookup(paths: s.paths.reversed()).hit)
  }

  @Test func changedSheetOptionsInvalidateTheCache() throws {
    let s = try Setup()
    let tsv = s.folder.appendingPathComponent("pairs.tsv").path
    try "гарантия безопасности\tsecurity guarantee\n".write(
      toFile: tsv, atomically: true, encoding: .utf8)
    let ruEn = SheetOptions(sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("en"))
    let ruDe = SheetOptions(sourceLanguage: LanguageTag("ru"), targetLanguage: LanguageTag("de"))
    #expect(try !s.cache.lookup(paths: [tsv], options: { _ in ruEn }).hit)
    #expect(try s.cache.lookup(paths: [tsv], options: { _ in ruEn }).hit)
    let (german, hit) = try s.cache.lookup(paths: [tsv], options: { _ in ruDe })
    #expect(!hit)
    #expect(
      german.glossary.concepts.first?.terms.contains { $0.language == LanguageTag("de") } == true)
    #expect(try s.cache.lookup(paths: [tsv], options: { _ in ruEn }).hit, "both stay cached")
  }

  @Test func aTruncatedOrBitFlippedCacheFileIsIgnoredAndRewritten() throws {
    let s = try Setup()
    let fresh = try s.cache.lookup(paths: s.paths).glossary
    let file = try #require(s.cacheFiles().first).withPrefix(s.cache.directory + "/")
    let good = try #require(GlossaryCache.readFile(file))
    var damaged: [[UInt8]] = [
      [], Array(good.prefix(10)), Array(good.prefix(good.count / 2)), Array(good.dropLast()),
    ]
    for position in [0, 5, 17, 20, 40, good.count / 3, good.count / 2, good.count - 1] {
      var flipped = good
      flipped[position] ^= 0x10
      damaged.append(flipped)
    }
    damaged.append(Array("not a cache file at all\n".utf8))
    for bytes in damaged {
      try Data(bytes).write(to: URL(fileURLWithPath: file))
      let (compiled, hit) = try s.cache.lookup(paths: s.paths)
      #expect(!hit)
      expectIdentical(compiled, fresh)
      #expect(GlossaryCache.readFile(file) == good, "rewritten")
      #expect(try s.cache.lookup(paths: s.paths).hit)
    }
  }

  @Test func decodingDamagedPayloadsNeverCrashes() throws {
    // Past the payload hash: the reader's own checks alone must reject or survive every change.
    let s = try Setup()
    let compiled = try CompiledGlossary(GlossaryIO.loadAll(paths: s.paths))
    let bytes = try GlossaryCacheFormat.encode(compiled, key: "k")
    let payload = try bytes.withUnsafeBytes { try GlossaryCacheFormat.header(of: $0).payload }
    var rng = SeededGenerator(seed: 13)
    var rejected = 0
    for round in 0..<300 {
      var damaged = Array(bytes[payload])
      if round % 3 == 0 {
        damaged.removeLast(Int.random(in: 1...damaged.count, using: &rng))
      } else {
        for _ in 0..<(round % 3) {
          damaged[Int.random(in: 0..<damaged.count, using: &rng)] ^= UInt8(
            1 << Int.random(in: 0..<8, using: &rng))
        }
      }
      if (try? damaged.withUnsafeBytes { try GlossaryCacheFormat.decode($0) }) == nil {
        rejected += 1
      }
    }
    #expect(rejected >= 100, "every truncation is rejected")
  }

  @Test func anUnwritableCacheFolderMeansNoCache() throws {
    let s = try Setup()
    let blocker = s.folder.appendingPathComponent("file").path
    try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
    let cache = GlossaryCache(directory: blocker + "/cache")
    let (compiled, hit) = try cache.lookup(paths: s.paths)
    #expect(!hit && !compiled.entries.isEmpty)
    #expect(try !cache.lookup(paths: s.paths).hit)
  }

  @Test func theFolderKeepsOnlyRecentFiles() throws {
    let s = try Setup()
    try FileManager.default.createDirectory(
      atPath: s.cache.directory, withIntermediateDirectories: true)
    let old = Date(timeIntervalSinceNow: -GlossaryCache.maximumAge - 3600)
    for i in 0..<(GlossaryCache.maximumFiles + 5) {
      let path = s.cache.directory + "/old\(i).tlgc"
      try "x".write(toFile: path, atomically: true, encoding: .utf8)
      let date = i < 3 ? old : Date(timeIntervalSinceNow: Double(-i * 60))
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }
    try "keep".write(
      toFile: s.cache.directory + "/unrelated.txt", atomically: true, encoding: .utf8)
    // Temporary files of interrupted writes: an old one is removed, a recent one may be in use.
    for (name, date) in [
      ("a.tlgc.1.2.tmp", Date(timeIntervalSinceNow: -7200)), ("b.tlgc.3.4.tmp", Date()),
    ] {
      try "x".write(toFile: s.cache.directory + "/" + name, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes(
        [.modificationDate: date], ofItemAtPath: s.cache.directory + "/" + name)
    }
    _ = try s.cache.lookup(paths: s.paths)
    #expect(!FileManager.default.fileExists(atPath: s.cache.directory + "/a.tlgc.1.2.tmp"))
    #expect(FileManager.default.fileExists(atPath: s.cache.directory + "/b.tlgc.3.4.tmp"))
    let files = s.cacheFiles()
    #expect(files.count == GlossaryCache.maximumFiles)
    #expect(
      !files.contains("old0.tlgc") && !files.contains("old\(GlossaryCache.maximumFiles + 4).tlgc")
        && files.contains("old3.tlgc"))
    #expect(FileManager.default.fileExists(atPath: s.cache.directory + "/unrelated.txt"))
  }

  @Test func theStandardFolderFollowsTheEnvironment() {
    #expect(
      GlossaryCache.standard(environment: ["HOME": "/home/u"])?.directory
        == "/home/u/.cache/termlint")
    #expect(
      GlossaryCache.standard(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/x"])?.directory
        == "/x/termlint")
    #expect(
      GlossaryCache.standard(environment: ["HOME": "/home/u", "TERMLINT_CACHE_DIR": "/t"])?
        .directory == "/t")
    #expect(
      GlossaryCache.standard(environment: ["HOME": "/home/u", "TERMLINT_NO_CACHE": "1"]) == nil)
    #expect(
      GlossaryCache.standard(environment: ["HOME": "/home/u", "TERMLINT_NO_CACHE": "0"]) != nil)
    #expect(GlossaryCache.standard(environment: [:]) == nil)
  }

  @Test func theContentHashSeesEveryByteAndIgnoresHowTheBytesArrive() {
    var rng = SeededGenerator(seed: 5)
    let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
    let whole = ContentHash.of(bytes)
    #expect(whole.count == 32)
    var pieces = ContentHash()
    for chunk in stride(from: 0, to: bytes.count, by: 37) {
      pieces.update(Array(bytes[chunk..<min(chunk + 37, bytes.count)]))
    }
    #expect(pieces.finalize() == whole)
    var seen: Set<String> = [whole]
    for i in stride(from: 0, to: bytes.count, by: 7) {
      var changed = bytes
      changed[i] ^= 1
      seen.insert(ContentHash.of(changed))
    }
    seen.insert(ContentHash.of(Array(bytes.dropLast())))
    seen.insert(ContentHash.of(bytes + [0]))
    #expect(seen.count == 1 + (bytes.count + 6) / 7 + 2)
  }
}

extension String {
  fileprivate func withPrefix(_ prefix: String) -> String { prefix + self }
}
