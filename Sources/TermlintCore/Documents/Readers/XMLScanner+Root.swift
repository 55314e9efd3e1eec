import TermlintText

extension XMLScanner {
  /// A scanner over `file` that has read the root element's start tag, and that tag.
  ///
  /// - Parameters:
  ///   - root: the local name the root element must have (`xliff`, `tmx`).
  ///   - document: what the file should be, for the messages ("an XLIFF document").
  /// - Throws: `TermlintError.input` for a document without elements or with another root, at
  ///   the root's line and column.
  static func opening(_ file: SourceFile, root expected: String, document: String) throws
    -> (XMLScanner, XMLStartTag)
  {
    var scanner = XMLScanner(file: file)
    guard case .start(let root)? = try scanner.next() else {
      throw TermlintError.input(file.path, "empty document (expected \(document))")
    }
    guard root.localName == expected else {
      throw file.inputError(
        utf16Offset: root.range.lowerBound,
        "not \(document): the root element is <\(root.name)>, expected <\(expected)>")
    }
    return (scanner, root)
  }
}
