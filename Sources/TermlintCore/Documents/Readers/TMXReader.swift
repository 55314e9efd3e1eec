import Foundation
import TermlintGlossary
import TermlintText

/// Reads TMX 1.4b (and the 1.1–1.3 files that use `lang` for `xml:lang`) into one unit per
/// `tu`, with exact source and target spans.
///
/// - Direction: a memory is symmetric, so a source or target language the user chose (with
///   `--source-lang`/`--target-lang`, else in the pipeline's `languages:`; `LanguageDefaults`
///   `chosenSource`, `chosenTarget`) picks the sides, whatever `srclang` says: `--source-lang ru
///   --target-lang en` on a memory with `srclang="en"` checks the English as a translation of
///   the Russian. Otherwise:
/// - Source side: the `tuv` in the `tu`'s `srclang`, else the header's `srclang`; with
///   `*all*` or neither, the default source language when the `tu` has it, else the first `tuv`.
/// - Target side: TMX does not name one, and a `tu` may hold more than two `tuv`s. One target
///   language is chosen for the whole file: the default target language when some `tu` has it
///   (other than its source), else the language other than the source that most `tu`s have (first
///   seen on a tie). Each unit's target is the first `tuv` in that language; a `tu` without one
///   gets no target. A `tu` whose own `srclang` is that target language is read the other way
///   round: its source is then the `tuv` in the file's source language (the header's `srclang`,
///   else the most common one), else its first other `tuv`. Languages match by their primary
///   subtag (`ru` matches `ru-RU`), an exact match first.
/// - Metadata: `tuid`, `note` (the `tu`'s notes joined by line breaks), `prop:<type>` for each
///   `prop`, `languages` (every `tuv` language, comma-separated, in order), `line`.
/// - Inline codes become placeholders (U+FFFC in the text): `bpt`, `ept`, `it`, `ph`, `ut` (id
///   from `i`, else `x`; content: the native code they carry); `hi` becomes `hi-open` and
///   `hi-close` around its text.
///
/// Unit ids are the `tuid`, else `tu<n>` by position. Document metadata: `version`, `srclang`.
public enum TMXReader {
  /// Reads a TMX document from its bytes (encoding from the byte-order mark or declaration).
  ///
  /// - Throws: `TermlintError.input` for undecodable or not well-formed input and for a document
  ///   that is not TMX.
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws
    -> Document
  {
    try read(XMLDecoding.decode(bytes: bytes, path: path), defaults: defaults)
  }

  /// Reads an already decoded TMX document.
  ///
  /// - Throws: `TermlintError.input` for not well-formed input and for a document that is not TMX.
  public static func read(_ file: SourceFile, defaults: LanguageDefaults) throws -> Document {
    let (opened, root) = try XMLScanner.opening(file, root: "tmx", document: "a TMX document")
    var scanner = opened
    var headerSource: String?
    var entries: [Entry] = []
    while let event = try scanner.next() {
      guard case .start(let tag) = event else { continue }
      switch tag.localName {
      case "header":
        headerSource = tag.attribute("srclang")
        try scanner.skipElement()
      case "tu":
        entries.append(entry(try scanner.readElement(tag), file: file, ordinal: entries.count + 1))
      default:
        break
      }
    }
    return assemble(
      entries, file: file, headerSource: headerSource, version: root.attribute("version"),
      defaults: defaults)
  }

  // MARK: - Private

  private struct Variant {
    var language: LanguageTag?
    var span: TextSpan?
  }

  private struct Entry {
    var id: String
    var sourceLanguage: String?
    var variants: [Variant]
    var metadata: [String: String]
  }

  private static func entry(_ tu: XMLElement, file: SourceFile, ordinal: Int) -> Entry {
    var metadata: [String: String] = [
      "line": String(file.lineIndex(utf16Offset: tu.tag.range.lowerBound) + 1)
    ]
    metadata["tuid"] = tu.attribute("tuid")
    metadata["note"] = XLIFFReader.notes(tu.children("note"), file: file)
    for prop in tu.children("prop") {
      let key = "prop:" + (prop.attribute("type") ?? "")
      let value = prop.text(in: file)
      metadata[key] = metadata[key].map { $0 + "\n" + value } ?? value
    }
    var variants: [Variant] = []
    for tuv in tu.children("tuv") {
      let raw = tuv.attribute("lang", namespace: XMLScanner.xmlNamespace) ?? tuv.attribute("lang")
      let language = raw.flatMap(LanguageTag.init)
      let span = tuv.child("seg").map {
        InlineContent.span(of: $0, file: file, language: language) { treat($0, file: file) }
      }
      variants.append(Variant(language: language, span: span))
    }
    metadata["languages"] = variants.map { $0.language?.value ?? "?" }.joined(separator: ",")
    return Entry(
      id: tu.attribute("tuid") ?? "tu\(ordinal)", sourceLanguage: tu.attribute("srclang"),
      variants: variants, metadata: metadata)
  }

  private static func treat(_ element: XMLElement, file: SourceFile) -> InlineTreatment {
    switch element.name {
    case "hi":
      return .paired(id: element.attribute("x"), kind: "hi", openContent: nil, closeContent: nil)
    case "sub": return .text
    default:
      return .code(
        id: element.attribute("i") ?? element.attribute("x"), kind: element.name,
        content: InlineContent.nativeCode(element, file: file))
    }
  }

  /// The index of the variant in `language`: an exact tag match first, then a primary-language one.
  private static func index(of language: LanguageTag, in variants: [Variant], excluding: Int? = nil)
    -> Int?
  {
    let candidates = variants.indices.filter { $0 != excluding }
    return candidates.first { variants[$0].language == language }
      ?? candidates.first { variants[$0].language.map { $0.matches(language) } ?? false }
  }

  private static func assemble(
    _ entries: [Entry], file: SourceFile, headerSource: String?, version: String?,
    defaults: LanguageDefaults
  ) -> Document {
    // A memory has no direction of its own: languages the user chose (command line, else the
    // pipeline) pick the source and target sides; `srclang` only says which side was written
    // first, and is followed when nothing was chosen.
    let chosenSource = defaults.chosenSource
    let chosenTarget = defaults.chosenTarget.flatMap { target in
      chosenSource.map { $0.matches(target) } == true ? nil : target
    }
    var header = headerSource.flatMap { $0 == "*all*" ? nil : LanguageTag($0) }
    if let chosenSource {
      header = chosenSource
    } else if let chosenTarget, let h = header, h.matches(chosenTarget) {
      header = nil
    }
    // The variant each entry declares as its source.
    let declared: [Int?] = entries.map { entry in
      if let chosenSource, let i = index(of: chosenSource, in: entry.variants) { return i }
      var own = entry.sourceLanguage.flatMap({ $0 == "*all*" ? nil : LanguageTag($0) })
      if let o = own, let chosenTarget, o.matches(chosenTarget) { own = nil }
      if let explicit = own ?? header {
        return index(of: explicit, in: entry.variants)
      }
      if let chosenTarget, let t = index(of: chosenTarget, in: entry.variants) {
        return entry.variants.indices.first { $0 != t }
      }
      if let fallback = defaults.source, let i = index(of: fallback, in: entry.variants) {
        return i
      }
      return entry.variants.isEmpty ? nil : 0
    }
    // The document's languages: the most common declared source, and one target language.
    var sources = LanguageCounter()
    var targets = LanguageCounter()
    var wanted: LanguageTag?
    for (n, entry) in entries.enumerated() {
      let source = declared[n].flatMap { entry.variants[$0].language }
      if let source { sources.add([source], entry: n) }
      let others = entry.variants.enumerated().compactMap { i, v in
        i == declared[n] ? nil : v.language
      }
      .filter { language in !(source.map { $0.matches(language) } ?? false) }
      if wanted == nil, let target = chosenTarget ?? defaults.target {
        wanted = others.first { $0.matches(target) }
      }
      targets.add(others, entry: n)
    }
    // (A chosen source language is reported as the memory spells it: `ru` chose `ru-RU`.)
    let documentSource =
      (chosenSource != nil ? sources.mostCommon : nil) ?? header ?? sources.mostCommon
      ?? defaults.source
    let target = wanted ?? targets.mostCommon
    var units: [Unit] = []
    units.reserveCapacity(entries.count)
    for (n, entry) in entries.enumerated() {
      let t = target.flatMap { index(of: $0, in: entry.variants) }
      var s = declared[n]
      if let si = s, si == t {
        // The entry was written from the document's target language: read it the other way.
        s =
          documentSource.flatMap { index(of: $0, in: entry.variants, excluding: t) }
          ?? entry.variants.indices.first { $0 != t }
      }
      var metadata = entry.metadata
      if let s, let language = entry.variants[s].language {
        metadata["source-language"] = language.value
      }
      units.append(
        Unit(
          id: entry.id, source: s.flatMap { entry.variants[$0].span },
          target: t.flatMap { entry.variants[$0].span }, metadata: metadata))
    }
    var metadata: [String: String] = [:]
    metadata["version"] = version
    metadata["srclang"] = headerSource
    return Document(
      file: file, format: "tmx", units: units, sourceLanguage: documentSource,
      targetLanguage: target ?? defaults.fallbackTarget(source: documentSource), metadata: metadata)
  }
}

/// Counts in how many entries each primary language occurs, remembering the first tag seen.
private struct LanguageCounter {
  private var counts: [String: (tag: LanguageTag, count: Int, first: Int)] = [:]

  mutating func add(_ languages: [LanguageTag], entry: Int) {
    var seen = Set<String>()
    for language in languages where seen.insert(language.language).inserted {
      let c = counts[language.language] ?? (language, 0, entry)
      counts[language.language] = (c.tag, c.count + 1, c.first)
    }
  }

  /// The language most entries have (the first seen on a tie).
  var mostCommon: LanguageTag? {
    counts.values.min { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }?.tag
  }
}
