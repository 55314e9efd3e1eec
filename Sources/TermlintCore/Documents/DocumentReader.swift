import TermlintGlossary
import TermlintText

/// The languages a reader uses when a file does not name them (from `--source-lang`,
/// `--target-lang` or the pipeline).
public struct LanguageDefaults: Sendable, Equatable {
  /// Where a default language comes from.
  public enum Origin: String, Sendable, Equatable {
    /// Assumed by Termlint (the built-in target language `en`).
    case assumed
    /// Named by the pipeline's `languages:`.
    case pipeline
    /// Given on the command line (`--source-lang`, `--target-lang`).
    case commandLine
  }

  /// The source language, if known.
  public var source: LanguageTag?
  /// The target language, if known.
  public var target: LanguageTag?
  /// Where `source` comes from.
  public var sourceOrigin: Origin
  /// Where `target` comes from.
  public var targetOrigin: Origin

  /// Creates defaults.
  public init(
    source: LanguageTag? = nil, target: LanguageTag? = nil, sourceOrigin: Origin = .assumed,
    targetOrigin: Origin = .assumed
  ) {
    self.source = source
    self.target = target
    self.sourceOrigin = sourceOrigin
    self.targetOrigin = targetOrigin
  }

  /// The source language the user chose (command line or pipeline), which picks the source side
  /// of a TMX (a memory has no direction of its own).
  public var chosenSource: LanguageTag? { sourceOrigin == .assumed ? nil : source }
  /// The target language the user chose (command line or pipeline).
  public var chosenTarget: LanguageTag? { targetOrigin == .assumed ? nil : target }

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
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws
    -> Document
  {
    switch Format(path: path) {
    case .xliff:
      return try checkLanguages(
        XLIFFReader.read(bytes: bytes, path: path, defaults: defaults), defaults: defaults)
    case .po:
      return try checkLanguages(
        POReader.read(bytes: bytes, path: path, defaults: defaults), defaults: defaults)
    case .tmx: return try TMXReader.read(bytes: bytes, path: path, defaults: defaults)
    case .markdown, .text:
      return read(try SourceFile(path: path, bytes: bytes), language: defaults.target)
    }
  }

  /// Throws when an XLIFF or PO file declares a language that contradicts one given on the
  /// command line: the file says what it is a translation of and into, and a flag that says
  /// otherwise is a mistake of the run (a wrong file, or wrong flags), not something to guess
  /// around. Languages match by their primary subtag (`ru` matches `ru-RU`).
  ///
  /// - Throws: `TermlintError.usage` naming the file and both languages.
  static func checkLanguages(_ document: Document, defaults: LanguageDefaults) throws -> Document {
    guard defaults.sourceOrigin == .commandLine || defaults.targetOrigin == .commandLine else {
      return document
    }
    func declared(source: Bool, _ fallback: LanguageTag?) -> [LanguageTag] {
      var seen: [LanguageTag] = fallback.map { [$0] } ?? []
      // NOTE: units are read in place: a copy of each unit retains all its fields.
      for i in document.units.indices {
        let language =
          source ? document.units[i].source?.language : document.units[i].target?.language
        if let language, !seen.contains(where: { $0.matches(language) }) { seen.append(language) }
      }
      return seen
    }
    let name = document.file.path == "-" ? "<stdin>" : document.file.path
    let sources = declared(source: true, document.sourceLanguage)
    let targets = declared(source: false, document.targetLanguage)
    var conflict = false
    var flags: [String] = []
    if defaults.sourceOrigin == .commandLine, let given = defaults.source {
      flags.append("--source-lang \(given.value)")
      conflict = conflict || sources.contains { !$0.matches(given) }
    }
    if defaults.targetOrigin == .commandLine, let given = defaults.target {
      flags.append("--target-lang \(given.value)")
      conflict = conflict || targets.contains { !$0.matches(given) }
    }
    guard conflict else { return document }
    func list(_ tags: [LanguageTag]) -> String {
      tags.isEmpty ? "?" : tags.map(\.value).joined(separator: "/")
    }
    throw TermlintError(
      .usage, file: name,
      "the file declares \(list(sources)) → \(list(targets)), but \(flags.joined(separator: " ")) "
        + "\(flags.count == 1 ? "was" : "were") given; drop the flag\(flags.count == 1 ? "" : "s") or check the file "
        + "(an XLIFF or PO file's own languages are not overridden)")
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
