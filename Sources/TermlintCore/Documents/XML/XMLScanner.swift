/// One piece of character data in an XML document, with where it came from in the file.
struct XMLText: Sendable {
  /// The UTF-16 range in the file: the characters themselves, the whole reference
  /// (`&amp;`, `&#x00E9;`), or the content of a CDATA section.
  var range: Range<Int>
  /// What a reference stands for; nil when the piece is the file's text verbatim.
  var replacement: [UInt16]?
}

/// An attribute of a start tag, with its value decoded and normalized as XML requires.
struct XMLAttribute: Sendable {
  /// The qualified name as written (`xml:lang`).
  var name: String
  /// The prefix (`xml`), if any.
  var prefix: String?
  /// The local name (`lang`).
  var localName: String
  /// The namespace URI; nil for unprefixed attributes and unbound prefixes.
  var namespace: String?
  /// The value, with references resolved and white space characters turned into spaces.
  var value: String
}

/// A start tag (or an empty-element tag).
struct XMLStartTag: Sendable {
  /// The qualified name as written.
  var name: String
  /// The prefix, if any.
  var prefix: String?
  /// The local name.
  var localName: String
  /// The namespace URI; nil when there is none (or the prefix is unbound).
  var namespace: String?
  /// The attributes in document order.
  var attributes: [XMLAttribute]
  /// The UTF-16 range of the whole tag, `<` to `>`.
  var range: Range<Int>
  /// Whether the tag is an empty-element tag (`<x/>`).
  var isEmpty: Bool
  /// The `xml:lang` in scope (this element's or inherited); nil when none or empty.
  var language: String?

  /// The value of the attribute with this local name (and namespace, when given; an attribute
  /// without a prefix matches any `namespace` of nil).
  func attribute(_ localName: String, namespace: String? = nil) -> String? {
    attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
  }
}

/// An event of the pull scanner.
enum XMLEvent: Sendable {
  /// A start tag; an empty-element tag is followed by its `end` at once.
  case start(XMLStartTag)
  /// An end tag; for an empty-element tag the range is empty, at the end of the tag.
  case end(name: String, range: Range<Int>)
  /// Character data: a run of text, one reference, or one CDATA section.
  case text(XMLText)
}

/// A small, strict, non-validating XML 1.0 pull scanner over decoded UTF-16 text that keeps the
/// UTF-16 offset of everything it reports.
///
/// It is Termlint's only XML reader (XLIFF, TMX, TBX, XLSX parts): a SAX parser reports only
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
struct XMLScanner {
  /// The deepest element nesting accepted.
  static let defaultMaxDepth = 256
  /// The most attributes one element may have.
  static let defaultMaxAttributes = 256
  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// What the DOCTYPE's internal subset may declare.
  enum EntityPolicy: Sendable {
    /// Any `<!ENTITY …>` declaration is refused (XLIFF, TMX, XLSX parts).
    case refuse
    /// Internal general entities may be declared but never used (TBX): the whole subset is read
    /// first, then, in this order, an external entity (`SYSTEM`/`PUBLIC`, general or
    /// parameter) is refused, then a parameter entity or parameter-entity reference, then more
    /// than `maxDeclaredEntities` declarations ("billion laughs" needs many), then an entity
    /// whose value refers to another entity; a reference to a declared entity in the document
    /// is refused with its own message. Nothing is ever expanded.
    case declaredUnused
  }

  /// The most entity declarations `EntityPolicy.declaredUnused` accepts.
  static let maxDeclaredEntities = 8

  let file: SourceFile
  private let u: [UInt16]
  private var pos = 0
  private let maxDepth: Int
  private let maxAttributes: Int
  private let entityPolicy: EntityPolicy
  /// Names of the internal entities the DOCTYPE declared (`EntityPolicy.declaredUnused`).
  private var declaredEntities: Set<String> = []

  private struct Open {
    var name: String
    var start: Int
    var bindingCount: Int
    var language: String?
  }

  private var stack: [Open] = []
  private var bindings: [(prefix: String, uri: String)] = []
  private var pendingEnd: (name: String, at: Int)?
  private var sawRoot = false
  private var sawDoctype = false
  private var finished = false

  /// Whether comments and processing instructions the scanner skips are recorded in
  /// `skippedMarkup` (for `TBXInventory`, which reports them).
  var recordsSkippedMarkup = false
  /// Comments (`isComment`) and processing instructions skipped since the last
  /// `takeSkippedMarkup()`, with the UTF-16 offset of their last character; only when
  /// `recordsSkippedMarkup` is set.
  private var skippedMarkup: [(isComment: Bool, at: Int)] = []

  /// The comments and processing instructions skipped since the last call (see
  /// `recordsSkippedMarkup`), in document order.
  mutating func takeSkippedMarkup() -> [(isComment: Bool, at: Int)] {
    defer { skippedMarkup.removeAll() }
    return skippedMarkup
  }

  /// The `encoding` of the XML declaration, if the document has one with it.
  private(set) var declaredEncoding: String?
  /// The `version` of the XML declaration, if any.
  private(set) var declaredVersion: String?

  /// Creates a scanner; nothing is read until `next()`.
  init(
    file: SourceFile, maxDepth: Int = defaultMaxDepth, maxAttributes: Int = defaultMaxAttributes,
    entityPolicy: EntityPolicy = .refuse
  ) {
    self.file = file
    self.u = file.utf16
    self.maxDepth = maxDepth
    self.maxAttributes = maxAttributes
    self.entityPolicy = entityPolicy
  }

  /// The number of elements open now.
  var depth: Int { stack.count }

  /// The next event, or nil at the end of the document.
  ///
  /// - Throws: `TermlintError.input` for input that is not well-formed.
  mutating func next() throws -> XMLEvent? {
    if let pending = pendingEnd {
      pendingEnd = nil
      closeTop()
      return .end(name: pending.name, range: pending.at..<pending.at)
    }
    if finished { return nil }
    if pos == 0 { try scanXMLDeclaration() }
    if stack.isEmpty {
      return try nextOutsideRoot()
    }
    guard pos < u.count else {
      let open = stack[stack.count - 1]
      throw error(utf16Offset: open.start, "the file ends inside <\(open.name)>, which is never closed")
    }
    if u[pos] == lt {
      if has("</") { return try scanEndTag() }
      if has("<!--") {
        try skipComment()
        return try next()
      }
      if has("<![CDATA[") { return .text(try scanCDATA()) }
      if has("<?") {
        try skipProcessingInstruction()
        return try next()
      }
      if has("<!") { throw error(utf16Offset: pos, "unexpected markup declaration '<!' inside an element") }
      return .start(try scanStartTag())
    }
    if u[pos] == amp {
      let start = pos
      let replacement = try scanReference()
      return .text(XMLText(range: start..<pos, replacement: replacement))
    }
    return .text(try scanCharacters())
  }

  // MARK: - Prolog and epilog

  private mutating func nextOutsideRoot() throws -> XMLEvent? {
    while true {
      skipSpace()
      guard pos < u.count else {
        if !sawRoot { throw error(utf16Offset: pos, "no root element (the file is empty or holds only comments)") }
        finished = true
        return nil
      }
      if has("<?") {
        try skipProcessingInstruction()
      } else if has("<!--") {
        try skipComment()
      } else if has("<!DOCTYPE") {
        if sawRoot || sawDoctype { throw error(utf16Offset: pos, "a DOCTYPE is only allowed once, before the root element") }
        try skipDoctype()
        sawDoctype = true
      } else if u[pos] == lt, pos + 1 < u.count, isNameStart(u, pos + 1) {
        if sawRoot { throw error(utf16Offset: pos, "a second root element: everything must be inside one root element") }
        sawRoot = true
        return .start(try scanStartTag())
      } else if u[pos] == lt && has("</") {
        throw error(utf16Offset: pos, "end tag without a matching start tag")
      } else {
        throw error(utf16Offset: pos, sawRoot ? "text after the end of the root element" : "text before the root element")
      }
    }
  }

  private mutating func scanXMLDeclaration() throws {
    guard has("<?xml"), pos + 5 < u.count, isSpace(u[pos + 5]) || u[pos + 5] == 0x3F else { return }
    let start = pos
    pos += 5
    var pseudo: [String: String] = [:]
    while true {
      skipSpace()
      guard pos < u.count else { throw error(utf16Offset: start, "the XML declaration is not closed with '?>'") }
      if has("?>") {
        pos += 2
        break
      }
      guard isNameStart(u, pos) else { throw error(utf16Offset: pos, "malformed XML declaration") }
      let name = scanName()
      skipSpace()
      guard pos < u.count, u[pos] == eq else { throw error(utf16Offset: pos, "malformed XML declaration: expected '=' after '\(name)'") }
      pos += 1
      skipSpace()
      guard pos < u.count, u[pos] == quot || u[pos] == apos else {
        throw error(utf16Offset: pos, "malformed XML declaration: the value of '\(name)' must be quoted")
      }
      let quote = u[pos]
      pos += 1
      let valueStart = pos
      while pos < u.count && u[pos] != quote && u[pos] != lt { pos += 1 }
      guard pos < u.count, u[pos] == quote else { throw error(utf16Offset: valueStart, "malformed XML declaration: unterminated value") }
      pseudo[name] = String(utf16Units: u[valueStart..<pos])
      pos += 1
    }
    guard let version = pseudo["version"] else { throw error(utf16Offset: start, "the XML declaration has no version") }
    guard version.hasPrefix("1.") else { throw error(utf16Offset: start, "unsupported XML version '\(version)' (expected 1.0 or 1.1)") }
    for key in pseudo.keys where !["version", "encoding", "standalone"].contains(key) {
      throw error(utf16Offset: start, "unknown pseudo-attribute '\(key)' in the XML declaration")
    }
    declaredVersion = version
    declaredEncoding = pseudo["encoding"]
  }

  private mutating func skipDoctype() throws {
    let start = pos
    pos += 9
    while pos < u.count {
      let c = u[pos]
      if c == quot || c == apos {
        try skipQuoted()
      } else if c == 0x5B {  // [
        pos += 1
        try skipInternalSubset()
      } else if c == gt {
        pos += 1
        return
      } else {
        pos += 1
      }
    }
    throw error(utf16Offset: start, "the DOCTYPE is not closed with '>'")
  }

  /// One `<!ENTITY …>` declaration read under `EntityPolicy.declaredUnused`.
  private struct EntityDeclaration {
    var name: String
    var isParameter: Bool
    var value: String?
    var external: (kind: String, systemID: String)?
    var at: Int
  }

  private mutating func skipInternalSubset() throws {
    var declarations: [EntityDeclaration] = []
    var parameterReference: (name: String, at: Int)?
    while true {
      skipSpace()
      guard pos < u.count else { throw error(utf16Offset: pos, "the DOCTYPE's internal subset is not closed with ']'") }
      if u[pos] == 0x5D {  // ]
        pos += 1
        try checkEntities(declarations, parameterReference: parameterReference)
        return
      }
      if has("<!--") {
        try skipComment()
      } else if has("<?") {
        try skipProcessingInstruction()
      } else if has("<!ENTITY") {
        let at = pos
        pos += 8
        skipSpace()
        var parameter = ""
        if pos < u.count && u[pos] == 0x25 {
          parameter = "%"
          pos += 1
          skipSpace()
        }
        let name = isNameStart(u, pos) ? scanName() : "?"
        guard entityPolicy == .declaredUnused else {
          throw error(
            utf16Offset: at,
            "the DOCTYPE declares the entity '\(parameter)\(name)': entity declarations are refused (Termlint never expands DTD entities nor reads files or URLs a document names); remove the declaration and write the text in place")
        }
        declarations.append(try scanEntityDeclaration(name: name, isParameter: !parameter.isEmpty, at: at))
      } else if has("<!") {
        // ELEMENT, ATTLIST, NOTATION: skipped, stepping over quoted literals.
        let at = pos
        pos += 2
        while pos < u.count && u[pos] != gt {
          if u[pos] == quot || u[pos] == apos { try skipQuoted() } else { pos += 1 }
        }
        guard pos < u.count else { throw error(utf16Offset: at, "unterminated declaration in the DOCTYPE") }
        pos += 1
      } else if u[pos] == 0x25 {
        guard entityPolicy == .declaredUnused else {
          throw error(utf16Offset: pos, "parameter entity references are refused in the DOCTYPE (Termlint never expands DTD entities)")
        }
        let at = pos
        pos += 1
        let name = isNameStart(u, pos) ? scanName() : "?"
        if pos < u.count && u[pos] == 0x3B { pos += 1 }
        if parameterReference == nil { parameterReference = (name, at) }
      } else {
        throw error(utf16Offset: pos, "unexpected text in the DOCTYPE's internal subset")
      }
    }
  }

  /// Reads the rest of `<!ENTITY name …>` after its name, up to and including its `>`.
  private mutating func scanEntityDeclaration(name: String, isParameter: Bool, at: Int) throws -> EntityDeclaration {
    var declaration = EntityDeclaration(name: name, isParameter: isParameter, at: at)
    skipSpace()
    func literal() throws -> String? {
      guard pos < u.count, u[pos] == quot || u[pos] == apos else { return nil }
      let start = pos + 1
      try skipQuoted()
      return String(utf16Units: u[start..<(pos - 1)])
    }
    if let value = try literal() {
      declaration.value = value
    } else if has("SYSTEM") || has("PUBLIC") {
      let kind = has("SYSTEM") ? "SYSTEM" : "PUBLIC"
      pos += 6
      skipSpace()
      var systemID = try literal() ?? ""
      if kind == "PUBLIC" {
        skipSpace()
        systemID = try literal() ?? ""
      }
      declaration.external = (kind, systemID)
    } else {
      throw error(utf16Offset: at, "malformed declaration of the entity '\(name)' (expected a quoted value, SYSTEM or PUBLIC)")
    }
    while pos < u.count && u[pos] != gt {
      if u[pos] == quot || u[pos] == apos { try skipQuoted() } else { pos += 1 }
    }
    guard pos < u.count else { throw error(utf16Offset: at, "unterminated declaration in the DOCTYPE") }
    pos += 1
    return declaration
  }

  /// The checks of `EntityPolicy.declaredUnused`, once the whole internal subset is read.
  private mutating func checkEntities(_ declarations: [EntityDeclaration], parameterReference: (name: String, at: Int)?) throws {
    if let external = declarations.first(where: { $0.external != nil }), let (kind, systemID) = external.external {
      let what = external.isParameter ? "external parameter entity '%\(external.name)'" : "external entity '\(external.name)'"
      throw refusal(
        utf16Offset: external.at,
        "\(what) (\(kind) \"\(systemID)\") is not allowed: Termlint never reads files or URLs named by a document; remove the declaration")
    }
    if let parameter = declarations.first(where: \.isParameter) {
      throw refusal(utf16Offset: parameter.at, "parameter entity '%\(parameter.name)' is not allowed in a glossary DOCTYPE")
    }
    if let reference = parameterReference {
      throw refusal(utf16Offset: reference.at, "parameter entity reference '%\(reference.name);' in the DOCTYPE is not allowed in a glossary")
    }
    if declarations.count > Self.maxDeclaredEntities {
      throw refusal(
        utf16Offset: declarations[Self.maxDeclaredEntities].at,
        "the DOCTYPE declares \(declarations.count) entities (at most \(Self.maxDeclaredEntities) allowed): refusing a possible entity-expansion (\"billion laughs\") attack")
    }
    for declaration in declarations {
      if let inner = Self.referencedEntity(in: declaration.value ?? "") {
        throw refusal(
          utf16Offset: declaration.at,
          "entity '\(declaration.name)' refers to entity '\(inner)': nested entity expansion is refused (possible \"billion laughs\" attack)")
      }
    }
    declaredEntities = Set(declarations.map(\.name))
  }

  /// The first entity other than the five predefined ones referred to as `&name;` (or `%name;`)
  /// in an entity's value.
  static func referencedEntity(in value: String) -> String? {
    var rest = Substring(value)
    while let mark = rest.firstIndex(where: { $0 == "&" || $0 == "%" }) {
      let isParameter = rest[mark] == "%"
      let after = rest[rest.index(after: mark)...]
      guard let semi = after.firstIndex(of: ";") else { return (isParameter ? "%" : "") + String(after.prefix(32)) }
      let name = String(after[..<semi])
      if isParameter { return "%" + name }
      if !name.hasPrefix("#") && !["amp", "lt", "gt", "quot", "apos"].contains(name) { return name }
      rest = after[after.index(after: semi)...]
    }
    return nil
  }

  private mutating func skipQuoted() throws {
    let quote = u[pos]
    let start = pos
    pos += 1
    while pos < u.count && u[pos] != quote { pos += 1 }
    guard pos < u.count else { throw error(utf16Offset: start, "unterminated quoted literal") }
    pos += 1
  }

  // MARK: - Markup

  private mutating func scanStartTag() throws -> XMLStartTag {
    let start = pos
    pos += 1
    guard isNameStart(u, pos) else { throw error(utf16Offset: start, "'<' must start a tag (write &lt; for a literal '<')") }
    let name = scanName()
    var raw: [(name: String, value: String, at: Int)] = []
    var isEmpty = false
    while true {
      let hadSpace = skipSpace()
      guard pos < u.count else { throw error(utf16Offset: start, "the start tag <\(name)> is not closed with '>'") }
      if u[pos] == gt {
        pos += 1
        break
      }
      if u[pos] == slash {
        guard pos + 1 < u.count, u[pos + 1] == gt else { throw error(utf16Offset: pos, "expected '/>' to close the tag <\(name)>") }
        pos += 2
        isEmpty = true
        break
      }
      guard hadSpace else { throw error(utf16Offset: pos, "expected white space, '>' or '/>' in the tag <\(name)>") }
      guard isNameStart(u, pos) else { throw error(utf16Offset: pos, "expected an attribute name in the tag <\(name)>") }
      let attributeStart = pos
      let attributeName = scanName()
      skipSpace()
      guard pos < u.count, u[pos] == eq else {
        throw error(utf16Offset: pos, "expected '=' after the attribute '\(attributeName)' of <\(name)>")
      }
      pos += 1
      skipSpace()
      guard pos < u.count, u[pos] == quot || u[pos] == apos else {
        throw error(utf16Offset: pos, "the value of the attribute '\(attributeName)' of <\(name)> must be in quotes")
      }
      if raw.contains(where: { $0.name == attributeName }) {
        throw error(utf16Offset: attributeStart, "the attribute '\(attributeName)' appears twice in <\(name)>")
      }
      guard raw.count < maxAttributes else {
        throw error(utf16Offset: attributeStart, "the tag <\(name)> has more than \(maxAttributes) attributes")
      }
      raw.append((attributeName, try scanAttributeValue(), attributeStart))
    }
    guard stack.count < maxDepth else {
      throw error(utf16Offset: start, "elements are nested more than \(maxDepth) levels deep")
    }
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
      if prefix == "xml" && local == "lang" { language = attribute.value.isEmpty ? nil : attribute.value }
      attributes.append(XMLAttribute(name: attribute.name, prefix: prefix, localName: local, namespace: namespace, value: attribute.value))
    }
    let (prefix, local) = split(name)
    let tag = XMLStartTag(
      name: name, prefix: prefix, localName: local, namespace: resolve(prefix ?? ""), attributes: attributes,
      range: start..<pos, isEmpty: isEmpty, language: language)
    stack.append(Open(name: name, start: start, bindingCount: bindingCount, language: language))
    if isEmpty { pendingEnd = (name, pos) }
    return tag
  }

  private mutating func scanEndTag() throws -> XMLEvent {
    let start = pos
    pos += 2
    guard isNameStart(u, pos) else { throw error(utf16Offset: start, "malformed end tag") }
    let name = scanName()
    skipSpace()
    guard pos < u.count, u[pos] == gt else { throw error(utf16Offset: start, "the end tag </\(name)> is not closed with '>'") }
    pos += 1
    guard let open = stack.last else { throw error(utf16Offset: start, "end tag </\(name)> without a matching start tag") }
    guard open.name == name else {
      let line = file.lineIndex(utf16Offset: open.start) + 1
      throw error(utf16Offset: start, "the end tag </\(name)> does not match the start tag <\(open.name)> on line \(line)")
    }
    closeTop()
    return .end(name: name, range: start..<pos)
  }

  private mutating func closeTop() {
    let open = stack.removeLast()
    bindings.removeSubrange(open.bindingCount...)
  }

  private mutating func scanAttributeValue() throws -> String {
    let quote = u[pos]
    let open = pos
    pos += 1
    // NOTE: most values are plain ASCII without references or white space to normalize: they
    // are copied straight into a String (a temporary array per value was 5 % of loading a
    // large TBX).
    var end = pos
    var ascii = true
    while end < u.count {
      let c = u[end]
      if c == quote || c < 0x20 || c == lt || c == amp { break }
      if c >= 0x80 { ascii = false; break }
      end += 1
    }
    if ascii && end < u.count && u[end] == quote {
      let start = pos
      pos = end + 1
      return String(unsafeUninitializedCapacity: end - start) { buffer in
        for k in start..<end { buffer[k - start] = UInt8(truncatingIfNeeded: u[k]) }
        return end - start
      }
    }
    var value: [UInt16] = []
    while true {
      guard pos < u.count else { throw error(utf16Offset: open, "unterminated attribute value") }
      let c = u[pos]
      if c == quote {
        pos += 1
        break
      }
      if c == lt { throw error(utf16Offset: pos, "'<' is not allowed in an attribute value (write &lt;)") }
      if c == amp {
        value.append(contentsOf: try scanReference())
        continue
      }
      try checkChar(at: pos)
      if c == 0x0D {
        value.append(0x20)
        pos += (pos + 1 < u.count && u[pos + 1] == 0x0A) ? 2 : 1
        continue
      }
      value.append(c == 0x09 || c == 0x0A ? 0x20 : c)
      pos += 1
    }
    return XMLScanner.string(utf16: value)
  }

  /// A string from UTF-16 code units (`String(utf16Units:)`).
  static func string<C: Collection>(utf16 units: C) -> String where C.Element == UInt16 {
    String(utf16Units: units)
  }

  // MARK: - Character data

  private mutating func scanCharacters() throws -> XMLText {
    let start = pos
    // NOTE: one pass over a raw buffer; only the rare units (`<`, `&`, `]`, controls,
    // U+FFFE/U+FFFF) leave the fast test. 7 % of loading a large TBX before.
    let end = u.withUnsafeBufferPointer { b -> Int in
      var i = pos
      let n = b.count
      while i < n {
        let c = b[i]
        if c >= 0x20 && c != lt && c != amp && c != 0x5D && c < 0xFFFE || c == 0x0A || c == 0x09 || c == 0x0D {
          i += 1
          continue
        }
        break
      }
      return i
    }
    pos = end
    while pos < u.count {
      let c = u[pos]
      if c == lt || c == amp { break }
      if c == 0x5D && pos + 2 < u.count && u[pos + 1] == 0x5D && u[pos + 2] == gt {
        throw error(utf16Offset: pos, "']]>' is not allowed in text (write ]]&gt;)")
      }
      try checkChar(at: pos)
      pos += 1
    }
    return XMLText(range: start..<pos, replacement: nil)
  }

  private mutating func scanCDATA() throws -> XMLText {
    let start = pos
    pos += 9
    let contentStart = pos
    while pos < u.count {
      if u[pos] == 0x5D && pos + 2 < u.count && u[pos + 1] == 0x5D && u[pos + 2] == gt {
        let range = contentStart..<pos
        pos += 3
        return XMLText(range: range, replacement: nil)
      }
      try checkChar(at: pos)
      pos += 1
    }
    throw error(utf16Offset: start, "the CDATA section is not closed with ']]>'")
  }

  /// Reads `&…;` at the cursor and returns the characters it stands for.
  private mutating func scanReference() throws -> [UInt16] {
    let start = pos
    pos += 1
    if pos < u.count && u[pos] == 0x23 {  // #
      pos += 1
      var hex = false
      if pos < u.count && u[pos] == 0x78 {  // x
        hex = true
        pos += 1
      }
      var value: UInt32 = 0
      var digits = 0
      while pos < u.count && u[pos] != 0x3B {
        let c = u[pos]
        let digit: UInt32
        if c >= 0x30 && c <= 0x39 {
          digit = UInt32(c - 0x30)
        } else if hex && c >= 0x61 && c <= 0x66 {
          digit = UInt32(c - 0x61 + 10)
        } else if hex && c >= 0x41 && c <= 0x46 {
          digit = UInt32(c - 0x41 + 10)
        } else {
          throw error(utf16Offset: start, "malformed character reference")
        }
        value = value &* (hex ? 16 : 10) &+ digit
        digits += 1
        if digits > 8 { throw error(utf16Offset: start, "character reference out of range") }
        pos += 1
      }
      guard pos < u.count, digits > 0 else { throw error(utf16Offset: start, "malformed character reference (expected digits and ';')") }
      pos += 1
      // XML 1.1 also allows control characters (not NUL) through references.
      let restricted11 = declaredVersion == "1.1" && value >= 0x01 && value <= 0x1F
      guard let scalar = Unicode.Scalar(value), Self.isXMLChar(value) || restricted11 else {
        throw error(utf16Offset: start, "the character reference refers to U+\(String(value, radix: 16, uppercase: true)), which XML 1.0 does not allow")
      }
      return Array(String(Character(scalar)).utf16)
    }
    guard isNameStart(u, pos) else { throw error(utf16Offset: start, "'&' must start an entity or character reference (write &amp; for a literal '&')") }
    let name = scanName()
    guard pos < u.count, u[pos] == 0x3B else { throw error(utf16Offset: start, "the reference '&\(name)' is not closed with ';' (write &amp; for a literal '&')") }
    pos += 1
    switch name {
    case "amp": return [amp]
    case "lt": return [lt]
    case "gt": return [gt]
    case "quot": return [quot]
    case "apos": return [apos]
    default:
      if declaredEntities.contains(name) {
        throw refusal(
          utf16Offset: start,
          "entity reference '&\(name);' is not supported: Termlint never expands DTD entities; write the text in place of the reference")
      }
      throw error(
        utf16Offset: start,
        "undefined entity '&\(name);': only &amp; &lt; &gt; &quot; &apos; and character references (&#x00A0;) are allowed; Termlint does not expand DTD entities")
    }
  }

  private mutating func skipComment() throws {
    let start = pos
    pos += 4
    while pos < u.count {
      if u[pos] == 0x2D && pos + 1 < u.count && u[pos + 1] == 0x2D {
        guard pos + 2 < u.count, u[pos + 2] == gt else { throw error(utf16Offset: pos, "'--' is not allowed inside a comment") }
        pos += 3
        if recordsSkippedMarkup { skippedMarkup.append((true, pos - 1)) }
        return
      }
      try checkChar(at: pos)
      pos += 1
    }
    throw error(utf16Offset: start, "the comment is not closed with '-->'")
  }

  private mutating func skipProcessingInstruction() throws {
    let start = pos
    pos += 2
    guard isNameStart(u, pos) else { throw error(utf16Offset: start, "malformed processing instruction") }
    let target = scanName()
    if target.lowercased() == "xml" {
      throw error(utf16Offset: start, "the XML declaration '<?xml …?>' is only allowed at the very start of the file")
    }
    while pos < u.count {
      if u[pos] == 0x3F && pos + 1 < u.count && u[pos + 1] == gt {
        pos += 2
        if recordsSkippedMarkup { skippedMarkup.append((false, pos - 1)) }
        return
      }
      try checkChar(at: pos)
      pos += 1
    }
    throw error(utf16Offset: start, "the processing instruction is not closed with '?>'")
  }

  // MARK: - Lexical helpers

  private let lt: UInt16 = 0x3C, gt: UInt16 = 0x3E, amp: UInt16 = 0x26, quot: UInt16 = 0x22
  private let apos: UInt16 = 0x27, eq: UInt16 = 0x3D, slash: UInt16 = 0x2F

  private func has(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard pos + count <= u.count else { return false }
    return literal.withUTF8Buffer { bytes in
      for k in 0..<count where u[pos + k] != UInt16(bytes[k]) { return false }
      return true
    }
  }

  private func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = pos
    while pos < u.count && isSpace(u[pos]) { pos += 1 }
    return pos > start
  }

  private mutating func scanName() -> String {
    let start = pos
    var ascii = true
    while pos < u.count && isNameChar(u, pos) {
      if u[pos] >= 0x80 { ascii = false }
      pos += (u[pos] >= 0xD800 && u[pos] <= 0xDBFF) ? 2 : 1
    }
    let end = min(pos, u.count)
    guard ascii else { return XMLScanner.string(utf16: u[start..<end]) }
    // Names are nearly always ASCII: copy the bytes instead of transcoding.
    return String(unsafeUninitializedCapacity: end - start) { buffer in
      for k in start..<end { buffer[k - start] = UInt8(truncatingIfNeeded: u[k]) }
      return end - start
    }
  }

  private func split(_ name: String) -> (prefix: String?, local: String) {
    // NOTE: searched in the UTF-8 view (a memchr), not as Characters: 5 % of loading a large TBX.
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")), colon != name.startIndex, name.index(after: colon) != name.endIndex else {
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

  private func isNameStart(_ u: [UInt16], _ i: Int) -> Bool {
    guard i < u.count else { return false }
    let c = u[i]
    if c < 0x80 {
      return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c == 0x3A
    }
    if c >= 0xD800 && c <= 0xDB7F { return i + 1 < u.count }  // U+10000–U+EFFFF
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
      || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
      || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
      || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD)
  }

  private func isNameChar(_ u: [UInt16], _ i: Int) -> Bool {
    if isNameStart(u, i) { return true }
    let c = u[i]
    return c == 0x2D || c == 0x2E || (c >= 0x30 && c <= 0x39) || c == 0xB7 || (c >= 0x300 && c <= 0x36F)
      || (c >= 0x203F && c <= 0x2040)
  }

  /// Whether a code point is an XML 1.0 `Char`.
  static func isXMLChar(_ v: UInt32) -> Bool {
    v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
      || (v >= 0x10000 && v <= 0x10FFFF)
  }

  /// Throws when the unit at `i` is not allowed in an XML document (surrogates are paired:
  /// the decoders checked that).
  private func checkChar(at i: Int) throws {
    let c = u[i]
    if c >= 0x20 && c < 0xFFFE { return }
    if c == 0x09 || c == 0x0A || c == 0x0D { return }
    throw error(
      utf16Offset: i,
      "the character U+\(String(format4(c))) is not allowed in XML 1.0 (a control character, or bytes that do not match the declared encoding)")
  }

  private func format4(_ c: UInt16) -> String {
    let hex = String(c, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// A refusal of well-formed input Termlint will not read (an entity it never expands), at a
  /// UTF-16 offset.
  func refusal(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    let position = file.position(utf16Offset: offset)
    return TermlintError.input(file.path, line: position.line, column: position.column, reason)
  }

  /// A not-well-formed error at a UTF-16 offset.
  func error(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    let position = file.position(utf16Offset: offset)
    return TermlintError.input(file.path, line: position.line, column: position.column, "not well-formed XML: \(reason)")
  }
}
