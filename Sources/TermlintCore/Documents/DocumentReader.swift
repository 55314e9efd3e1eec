/// The languages a reader uses when a file does not name them (from `--source-lang`,
/// `--target-lang` or the pipeline).
public struct LanguageDefaults: Sendable, Equatable {
  /// The source language, if known.
  public var source: LanguageTag?
  /// The target language, if known.
  public var target: LanguageTag?

  /// Creates defaults.
  public init(source: LanguageTag? = nil, target: LanguageTag? = nil) {
    self.source = source
    self.target = target
  }

  /// The default target language, unless it is the same language as `source` (a file's own
  /// source language): a file translating from English is not translating into English.
  func fallbackTarget(source: LanguageTag?) -> LanguageTag? {
    guard let target else { return nil }
    if let source, source.matches(target) { return nil }
    return target
  }
}

/// Chooses a reader by file extension.
///
/// | extension | reader |
/// | --- | --- |
/// | `.xlf`, `.xliff`, `.sdlxliff`, `.mqxliff` | `XLIFFReader` (1.x and 2.x, by the root's `version`) |
/// | `.po`, `.pot` | `POReader` |
/// | `.tmx` | `TMXReader` |
/// | `.md`, `.markdown`, `.mdown` | `PlainTextReader`, as Markdown |
/// | anything else, and `-` (standard input) | `PlainTextReader`, as plain text |
public enum DocumentReader {
  /// The input formats Termlint reads.
  public enum Format: String, Sendable, CaseIterable {
    /// Plain text: one unit per paragraph.
    case text
    /// Markdown: one unit per paragraph or heading; code and link targets skipped.
    case markdown
    /// XLIFF 1.x or 2.x.
    case xliff
    /// gettext PO or POT.
    case po
    /// TMX.
    case tmx

    /// The format for a path, by its extension (case-insensitive).
    public init(path: String) {
      let lower = path.lowercased()
      func ends(_ suffixes: String...) -> Bool { suffixes.contains { lower.hasSuffix($0) } }
      if ends(".xlf", ".xliff", ".sdlxliff", ".mqxliff") {
        self = .xliff
      } else if ends(".po", ".pot") {
        self = .po
      } else if ends(".tmx") {
        self = .tmx
      } else if ends(".md", ".markdown", ".mdown") {
        self = .markdown
      } else {
        self = .text
      }
    }
  }

  /// Reads a file (or standard input for `-`) with the reader its extension selects.
  ///
  /// - Parameters:
  ///   - path: the path as the user gave it.
  ///   - defaults: languages to use where the file does not name them.
  /// - Returns: the document; `document.file` is the decoded file positions refer to.
  /// - Throws: `TermlintError.input` naming the file (and line and column where known) when it
  ///   cannot be read or decoded, or is malformed.
  public static func read(path: String, defaults: LanguageDefaults) throws -> Document {
    try read(bytes: SourceFile.readBytes(path: path), path: path, defaults: defaults)
  }

  /// Reads bytes with the reader the path's extension selects.
  ///
  /// - Throws: `TermlintError.input` naming the file when it cannot be decoded or is malformed.
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws -> Document {
    switch Format(path: path) {
    case .xliff: return try XLIFFReader.read(bytes: bytes, path: path, defaults: defaults)
    case .po: return try POReader.read(bytes: bytes, path: path, defaults: defaults)
    case .tmx: return try TMXReader.read(bytes: bytes, path: path, defaults: defaults)
    case .markdown, .text:
      return read(try SourceFile(path: path, bytes: bytes), language: defaults.target)
    }
  }

  /// Reads an already decoded file as Markdown (`.md`, `.markdown`, `.mdown`) or plain text.
  ///
  /// Bilingual formats need their bytes (their encoding is declared inside them): use
  /// `read(path:defaults:)` or `read(bytes:path:defaults:)` for them.
  public static func read(_ file: SourceFile, language: LanguageTag?) -> Document {
    PlainTextReader.read(file, markdown: Format(path: file.path) == .markdown, language: language)
  }
}

extension SourceFile {
  /// An input error at a UTF-16 offset of this file, with its line and column.
  func inputError(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    let position = position(utf16Offset: offset)
    return TermlintError.input(path, line: position.line, column: position.column, reason)
  }
}
