/// One piece of character data in an XML document, with where it came from in the file.
package struct XMLText: Sendable {
  /// The UTF-16 range in the file: the characters themselves, the whole reference
  /// (`&amp;`, `&#x00E9;`), or the content of a CDATA section.
  package var range: Range<Int>
  /// What a reference stands for; nil when the piece is the file's text verbatim.
  package var replacement: [UInt16]?
}

/// An attribute of a start tag, with its value decoded and normalized as XML requires.
package struct XMLAttribute: Sendable {
  /// The qualified name as written (`xml:lang`).
  package var name: String
  /// The prefix (`xml`), if any.
  package var prefix: String?
  /// The local name (`lang`).
  package var localName: String
  /// The namespace URI; nil for unprefixed attributes and unbound prefixes.
  package var namespace: String?
  /// The value, with references resolved and white space characters turned into spaces.
  package var value: String
}

/// A start tag (or an empty-element tag).
package struct XMLStartTag: Sendable {
  /// The qualified name as written.
  package var name: String
  /// The prefix, if any.
  package var prefix: String?
  /// The local name.
  package var localName: String
  /// The namespace URI; nil when there is none (or the prefix is unbound).
  package var namespace: String?
  /// The attributes in document order.
  package var attributes: [XMLAttribute]
  /// The UTF-16 range of the whole tag, `<` to `>`.
  package var range: Range<Int>
  /// Whether the tag is an empty-element tag (`<x/>`).
  package var isEmpty: Bool
  /// The `xml:lang` in scope (this element's or inherited); nil when none or empty.
  package var language: String?

  /// The value of the attribute with this local name (and namespace, when given; an attribute
  /// without a prefix matches any `namespace` of nil).
  package func attribute(_ localName: String, namespace: String? = nil) -> String? {
    attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
  }
}

/// An event of the pull scanner.
package enum XMLEvent: Sendable {
  /// A start tag; an empty-element tag is followed by its `end` at once.
  case start(XMLStartTag)
  /// An end tag; for an empty-element tag the range is empty, at the end of the tag.
  case end(name: String, range: Range<Int>)
  /// Character data: a run of text, one reference, or one CDATA section.
  case text(XMLText)
}

/// A small, strict, non-validating XML 1.0 pull scanner over decoded UTF-16 text that keeps the
/// UTF-16 offset of everything it reports. The checks are `XMLTokenizer`'s, which `TBXLoader`
/// also runs over a glossary's UTF-8 bytes; this layer adds names, namespaces and `xml:lang`.
///
/// It is Termlint's only XML reader (XLIFF, TMX, XLSX parts; TBX through `XMLTokenizer<UInt8>`): a SAX parser reports only
/// lines and columns of events, not offsets of characters, so it cannot map a word inside an
/// element back to the file. This scanner can.
///
/// What it does:
/// - checks well-formedness: one root element, balanced and matching tags, unique attributes,
///   quoted attribute values, legal XML 1.0 characters (no C0 controls other than tab and line
///   ends), valid names, no `]]>` in text, no `--` in comments, the XML declaration only at the
///   very start;
/// - resolves character references and the five predefined entities (`amp`, `lt`, `gt`, `quot`,
///   `apos`); each reference is reported as its own piece standing for its whole source text;
/// - reports CDATA content as text; skips comments and processing instructions;
/// - skips the DOCTYPE, but refuses any entity declaration and any parameter-entity reference in
///   it: Termlint never expands DTD entities and never reads a file or URL a document names (an
///   external DTD subset, `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, is allowed and ignored); an
///   undefined entity reference in content is an error. With `EntityPolicy.declaredUnused`
///   (TBX glossaries, which often carry a DTD subset) a few internal general entities may be
///   declared as long as nothing refers to them; see `EntityPolicy`;
/// - resolves namespace prefixes (an unbound prefix is not an error: older XLIFF and TMX files
///   are sloppy; it simply has no namespace) and tracks the inherited `xml:lang`;
/// - bounds the element depth and the number of attributes per element.
///
/// Errors are `TermlintError.input` with the file, the 1-based line and column, and the reason.
/// Line ends are not normalized: offsets always refer to the decoded file as it is.
package struct XMLScanner {
  /// The deepest element nesting accepted.
  package static let defaultMaxDepth = 256
  /// The most attributes one element may have.
  package static let defaultMaxAttributes = 256
  package static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// What the DOCTYPE's internal subset may declare.
  package typealias EntityPolicy = XMLEntityPolicy

  /// The most entity declarations `EntityPolicy.declaredUnused` accepts.
  package static let maxDeclaredEntities = 8

  package let file: SourceFile
  private var tokens: XMLTokenizer<UInt16>

  private struct Open {
    var name: String
    var bindingCount: Int
    var language: String?
  }

  private var stack: [Open] = []
  private var bindings: [(prefix: String, uri: String)] = []

  /// Whether comments and processing instructions the scanner skips are recorded in
  /// `skippedMarkup` (for `TBXInventory`, which reports them).
  package var recordsSkippedMarkup: Bool {
    get { tokens.recordsSkippedMarkup }
    set { tokens.recordsSkippedMarkup = newValue }
  }

  /// The comments and processing instructions skipped since the last call (see
  /// `recordsSkippedMarkup`), in document order, with the UTF-16 offset of their last character.
  package mutating func takeSkippedMarkup() -> [(isComment: Bool, at: Int)] {
    defer { tokens.skippedMarkup.removeAll() }
    return tokens.skippedMarkup
  }

  /// The `encoding` of the XML declaration, if the document has one with it.
  package var declaredEncoding: String? { tokens.declaredEncoding }
  /// The `version` of the XML declaration, if any.
  package var declaredVersion: String? { tokens.declaredVersion }

  /// Creates a scanner; nothing is read until `next()`.
  package init(
    file: SourceFile, maxDepth: Int = defaultMaxDepth, maxAttributes: Int = defaultMaxAttributes,
    entityPolicy: EntityPolicy = .refuse
  ) {
    self.file = file
    self.tokens = XMLTokenizer(
      units: file.utf16, path: file.path, file: file, maxDepth: maxDepth,
      maxAttributes: maxAttributes, entityPolicy: entityPolicy)
  }

  /// The number of elements open now.
  package var depth: Int { tokens.depth }

  /// The next event, or nil at the end of the document.
  ///
  /// - Throws: `TermlintError.input` for input that is not well-formed.
  package mutating func next() throws -> XMLEvent? {
    guard let token = try tokens.next() else { return nil }
    switch token {
    case .start:
      return .start(startTag())
    case .end(let range):
      let open = stack.removeLast()
      bindings.removeSubrange(open.bindingCount...)
      return .end(name: open.name, range: range)
    case .text(let range, let scalar):
      return .text(XMLText(range: range, replacement: scalar.map { Array(UTF16.encode($0)!) }))
    }
  }

  /// The start tag the tokenizer just read, names and namespaces resolved.
  private mutating func startTag() -> XMLStartTag {
    let name = tokens.string(tokens.tagName)
    let raw = tokens.attributes.map { (name: tokens.string($0.name), value: tokens.value($0)) }
    // Namespace declarations first, then resolve names.
    let bindingCount = bindings.count
    for attribute in raw {
      if attribute.name == "xmlns" {
        bindings.append(("", attribute.value))
      } else if attribute.name.hasPrefix("xmlns:") {
        bindings.append((String(attribute.name.dropFirst(6)), attribute.value))
      }
    }
    var language = stack.last?.language
    var attributes: [XMLAttribute] = []
    attributes.reserveCapacity(raw.count)
    for attribute in raw {
      let (prefix, local) = split(attribute.name)
      let namespace = prefix.flatMap { $0 == "xmlns" ? nil : resolve($0) }
      if prefix == "xml" && local == "lang" {
        language = attribute.value.isEmpty ? nil : attribute.value
      }
      attributes.append(
        XMLAttribute(
          name: attribute.name, prefix: prefix, localName: local, namespace: namespace,
          value: attribute.value))
    }
    let (prefix, local) = split(name)
    let tag = XMLStartTag(
      name: name, prefix: prefix, localName: local, namespace: resolve(prefix ?? ""),
      attributes: attributes,
      range: tokens.tagRange, isEmpty: tokens.tagIsEmpty, language: language)
    stack.append(Open(name: name, bindingCount: bindingCount, language: language))
    return tag
  }

  /// The first entity other than the five predefined ones referred to as `&name;` (or `%name;`)
  /// in an entity's value.
  package static func referencedEntity(in value: String) -> String? {
    var rest = Substring(value)
    while let mark = rest.firstIndex(where: { $0 == "&" || $0 == "%" }) {
      let isParameter = rest[mark] == "%"
      let after = rest[rest.index(after: mark)...]
      guard let semi = after.firstIndex(of: ";") else {
        return (isParameter ? "%" : "") + String(after.prefix(32))
      }
      let name = String(after[..<semi])
      if isParameter { return "%" + name }
      if !name.hasPrefix("#") && !["amp", "lt", "gt", "quot", "apos"].contains(name) {
        return name
      }
      rest = after[after.index(after: semi)...]
    }
    return nil
  }

  /// A string from UTF-16 code units (`String(utf16Units:)`).
  package static func string<C: Collection>(utf16 units: C) -> String where C.Element == UInt16 {
    String(utf16Units: units)
  }

  private func split(_ name: String) -> (prefix: String?, local: String) {
    // NOTE: searched in the UTF-8 view (a memchr), not as Characters: 5 % of loading a large TBX.
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")), colon != name.startIndex,
      name.index(after: colon) != name.endIndex
    else {
      return (nil, name)
    }
    return (String(name[..<colon]), String(name[name.index(after: colon)...]))
  }

  private func resolve(_ prefix: String) -> String? {
    if prefix == "xml" { return XMLScanner.xmlNamespace }
    for binding in bindings.reversed() where binding.prefix == prefix {
      return binding.uri.isEmpty ? nil : binding.uri
    }
    return nil
  }

  /// Whether a code point is an XML 1.0 `Char`.
  package static func isXMLChar(_ v: UInt32) -> Bool {
    v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF)
      || (v >= 0xE000 && v <= 0xFFFD)
      || (v >= 0x10000 && v <= 0x10FFFF)
  }

  /// A refusal of well-formed input Termlint will not read (an entity it never expands), at a
  /// UTF-16 offset.
  package func refusal(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    tokens.refusal(offset, reason)
  }

  /// A not-well-formed error at a UTF-16 offset.
  package func error(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    tokens.error(offset, reason)
  }
}
