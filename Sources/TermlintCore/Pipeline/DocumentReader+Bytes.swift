// NOTE: merge shim. feature/readers (already on main) defines `LanguageDefaults` and
// `DocumentReader.read(bytes:path:defaults:)` with these exact signatures, choosing the XLIFF,
// PO and TMX readers by extension. When merging feature/batch, delete this file: the duplicate
// declarations stop the build until it is gone, so batch runs and fix cannot silently keep
// reading XLIFF, PO and TMX files as plain text.

/// The languages a reader uses when a file does not name them.
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
}

extension DocumentReader {
  /// Reads bytes with the reader the path's extension selects.
  ///
  /// - Throws: `TermlintError.input` naming the file when it cannot be decoded.
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws -> Document {
    read(try SourceFile(path: path, bytes: bytes), language: defaults.target)
  }
}
