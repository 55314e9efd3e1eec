/// Chooses a reader by file extension.
public enum DocumentReader {
  /// Reads a decoded file: `.md`/`.markdown` as Markdown, anything else as plain text.
  public static func read(_ file: SourceFile, language: LanguageTag?) -> Document {
    let lower = file.path.lowercased()
    let markdown = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdown")
    return PlainTextReader.read(file, markdown: markdown, language: language)
  }
}
