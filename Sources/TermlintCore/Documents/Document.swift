import TermlintGlossary
import TermlintText

/// One translation unit: a paragraph of an article, an XLIFF unit, a PO entry, a TMX `tu`.
public struct Unit: Sendable {
  /// The unit's id (XLIFF id, PO msgctxt+msgid, `p12` for paragraph 12).
  public var id: String
  /// The source-language text, when the input is bilingual.
  public var source: TextSpan?
  /// The target-language text (the translation, or the article for monolingual input).
  public var target: TextSpan?
  /// Format-specific facts: XLIFF `state`, PO flags, notes, `kind` = heading/paragraph.
  public var metadata: [String: String]

  /// Creates a unit.
  public init(
    id: String, source: TextSpan? = nil, target: TextSpan?, metadata: [String: String] = [:]
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.metadata = metadata
  }
}

/// One input as a sequence of units.
public struct Document: Sendable {
  /// The main file (the target file of an unaligned pair).
  public var file: SourceFile
  /// The reader that produced it (`text`, `markdown`, `xliff`, `po`, `tmx`, `pair`).
  public var format: String
  /// The units in file order.
  public var units: [Unit]
  /// The source language, when known.
  public var sourceLanguage: LanguageTag?
  /// The target language, when known.
  public var targetLanguage: LanguageTag?
  /// Units the file holds but marks as not to be checked (XLIFF `translate="no"`, PO obsolete
  /// `#~` entries), kept with their spans so tools can count or list them; rules see only
  /// `units`. Each has `metadata["skipped"]` saying why.
  public var skippedUnits: [Unit]
  /// Facts about the whole file: `version` (XLIFF, TMX), PO header fields (`Language`,
  /// `Plural-Forms`, `nplurals` …), TMX `srclang`. See Documentation/Readers.md.
  public var metadata: [String: String]

  /// Creates a document.
  public init(
    file: SourceFile, format: String, units: [Unit], sourceLanguage: LanguageTag? = nil,
    targetLanguage: LanguageTag? = nil,
    skippedUnits: [Unit] = [], metadata: [String: String] = [:]
  ) {
    self.file = file
    self.format = format
    self.units = units
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.skippedUnits = skippedUnits
    self.metadata = metadata
  }
}
