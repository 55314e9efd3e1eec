import Foundation

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
  public init(
    file: SourceFile, text: [UInt16], map: OffsetMap, language: LanguageTag?,
    placeholders: [Placeholder] = []
  ) {
    self.file = file
    self.text = text
    self.map = map
    self.language = language
    self.placeholders = placeholders
  }

  /// A span that is a verbatim slice of the file.
  public init(file: SourceFile, range: Range<Int>, language: LanguageTag?) {
    self.init(
      file: file, text: Array(file.utf16[range]),
      map: .identity(length: range.count, sourceBase: range.lowerBound), language: language)
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
