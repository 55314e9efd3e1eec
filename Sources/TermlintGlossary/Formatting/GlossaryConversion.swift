import TermlintText

/// A glossary converted to another format, with what could not be carried over.
///
/// Everything Termlint's model holds survives a conversion between any two formats (TBX, CSV,
/// TSV, YAML) and back. A TBX file can hold more than the model (transactions, contexts, other
/// data categories); that is not converted, and `warnings` names it, so nothing is lost silently.
public struct GlossaryConversion: Sendable {
  /// The converted file (UTF-8, LF line ends).
  public let output: [UInt8]
  /// The glossary as read.
  public let glossary: Glossary
  /// What was not converted, as `file:line: reason` lines.
  public let warnings: [String]

  /// Converts glossary bytes from one format to another.
  ///
  /// - Throws: `TermlintError` when the input cannot be read or the output format cannot hold a
  ///   value (a control character in TBX).
  ///
  /// - Parameter options: how to read a spreadsheet (sheet, column mapping, languages).
  /// - Parameter existing: the current content of the output file, to keep its header (CSV
  ///   comments, YAML header comments, TBX prolog and header), encoding and line ends.
  public static func convert(
    bytes: [UInt8], path: String, from input: GlossaryFormat, to output: GlossaryFormat,
    keepingHeaderOf existing: (bytes: [UInt8], path: String)? = nil, options: SheetOptions = .none
  ) throws -> GlossaryConversion {
    var glossary: Glossary
    var warnings: [String] = []
    if input == .tbx {
      let (loaded, issues) = try TBXLoader.loadReportingIssues(bytes: bytes, path: path)
      glossary = loaded
      warnings = issues.map(\.description)
      if let inventory = TBXInventory.scan(bytes), !inventory.dropped.isEmpty {
        warnings.append(
          "\(path):\(inventory.dropped[0].line): not converted, because Termlint's model does not hold it: "
            + TBXInventory.describe(inventory.dropped, limit: 12))
      }
      // NOTE: TBX has no header field for the glossary's languages; TBXWriter records the source
      // language as the root xml:lang, which the loader does not read back as a declaration.
    } else {
      glossary = try GlossaryIO.load(bytes: bytes, path: path, format: input, options: options)
      warnings = glossary.warnings
    }
    glossary.path = path
    let written =
      try existing.map {
        try GlossaryFormatter.write(
          glossary, format: output, keepingHeaderOf: $0.bytes, path: $0.path)
      }
      ?? GlossaryIO.write(glossary, format: output)
    return GlossaryConversion(output: written, glossary: glossary, warnings: warnings)
  }
}
