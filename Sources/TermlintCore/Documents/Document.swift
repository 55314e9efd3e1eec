/// A piece of checkable text from one file: a paragraph, a segment's target, a PO msgstr.
///
/// `text` is what rules see (markup removed, entities resolved, inline codes replaced by
/// U+FFFC); `map` takes any offset in `text` back to a UTF-16 offset in `file`.
public struct TextSpan: Sendable {
  /// The file the text comes from.
  public var file: SourceFile
  /// The text as UTF-16 code units.
  public var text: [UInt16]
  /// Maps offsets in `text` to UTF-16 offsets in `file`.
  public var map: OffsetMap
  /// The language of the text, when known.
  public var language: LanguageTag?
  /// Inline codes replaced by U+FFFC in `text`, in order.
  public var placeholders: [Placeholder]

  /// Creates a span.
  public init(file: SourceFile, text: [UInt16], map: OffsetMap, language: LanguageTag?, placeholders: [Placeholder] = []) {
    self.file = file
    self.text = text
    self.map = map
    self.language = language
    self.placeholders = placeholders
  }

  /// A span that is a verbatim slice of the file.
  public init(file: SourceFile, range: Range<Int>, language: LanguageTag?) {
    self.init(file: file, text: Array(file.utf16[range]), map: .identity(length: range.count, sourceBase: range.lowerBound), language: language)
  }

  /// The text as a string.
  public var string: String { String(utf16Units: text) }
}

/// An inline code (XLIFF `ph`, `g`, `bpt` …; a `{{ var }}` or `%s`) kept out of the text.
public struct Placeholder: Sendable, Hashable, Codable {
  /// The code's id (or its text for plain-text placeholders).
  public var id: String
  /// The kind of code (`ph`, `x`, `pc-open`, `printf` …).
  public var kind: String
  /// The original markup or text it stands for, when known.
  public var content: String?

  /// Creates a placeholder.
  public init(id: String, kind: String, content: String? = nil) {
    self.id = id
    self.kind = kind
    self.content = content
  }
}

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
  public init(id: String, source: TextSpan? = nil, target: TextSpan?, metadata: [String: String] = [:]) {
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
    file: SourceFile, format: String, units: [Unit], sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
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
