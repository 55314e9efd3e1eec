/// The code units `XMLTokenizer` reads: UTF-16 (`UInt16`, a decoded `SourceFile`, for XLIFF,
/// TMX and XLSX, whose findings keep UTF-16 offsets) or UTF-8 (`UInt8`, a TBX file's own bytes,
/// validated first, so a large glossary is not decoded to UTF-16 and indexed by line before it
/// is read).
///
/// Everything the tokenizer tests is ASCII except name characters and the characters XML does
/// not allow; those two go through `scalar(_:_:)` and `disallowed(_:_:)`.
package protocol XMLCodeUnit: FixedWidthInteger, UnsignedInteger, Sendable {
  /// The code point starting at `i` and how many units it takes. The units are well-formed
  /// (decoded, or validated UTF-8), so a multi-unit character is never cut short.
  static func scalar(_ u: [Self], _ i: Int) -> (value: UInt32, length: Int)
  /// The code point of a character XML 1.0 does not allow starting at `i` (a C0 control other
  /// than tab and line ends, U+FFFE, U+FFFF), or nil. Called at every unit (also the middle of
  /// a character), so it only ever reports a character at its first unit.
  static func disallowed(_ u: [Self], _ i: Int) -> UInt32?
  /// Whether a unit of character data can be passed over without a closer look: not `<`, `&`,
  /// `]`, not a control other than white space, and not a unit that may start U+FFFE/U+FFFF.
  static func isPlainText(_ c: Self) -> Bool
  /// The units as a string.
  static func string(_ u: ArraySlice<Self>) -> String
  /// Appends the encoding of a code point.
  static func append(_ scalar: Unicode.Scalar, to out: inout [Self])
  /// The 1-based line and column (in code points) of an offset: `SourceFile`'s for UTF-16
  /// (`file`), counted from the bytes for UTF-8 (only for errors and the odd position).
  static func position(_ u: [Self], _ offset: Int, file: SourceFile?) -> (line: Int, column: Int)
}

extension UInt16: XMLCodeUnit {
  @inline(__always)
  package static func scalar(_ u: [UInt16], _ i: Int) -> (value: UInt32, length: Int) {
    let c = u[i]
    if c >= 0xD800 && c <= 0xDBFF && i + 1 < u.count {
      return (0x10000 + (UInt32(c - 0xD800) << 10) + UInt32(u[i + 1] &- 0xDC00), 2)
    }
    return (UInt32(c), 1)
  }

  @inline(__always)
  package static func disallowed(_ u: [UInt16], _ i: Int) -> UInt32? {
    let c = u[i]
    if c >= 0x20 && c < 0xFFFE { return nil }
    if c == 0x09 || c == 0x0A || c == 0x0D { return nil }
    return UInt32(c)
  }

  @inline(__always)
  package static func isPlainText(_ c: UInt16) -> Bool {
    c >= 0x20 && c != 0x3C && c != 0x26 && c != 0x5D && c < 0xFFFE || c == 0x0A || c == 0x09
      || c == 0x0D
  }

  package static func string(_ u: ArraySlice<UInt16>) -> String { String(utf16Units: u) }

  package static func append(_ scalar: Unicode.Scalar, to out: inout [UInt16]) {
    out.append(contentsOf: UTF16.encode(scalar)!)
  }

  package static func position(_ u: [UInt16], _ offset: Int, file: SourceFile?) -> (
    line: Int, column: Int
  ) {
    file?.position(utf16Offset: offset) ?? (1, 1)
  }
}

extension UInt8: XMLCodeUnit {
  @inline(__always)
  package static func scalar(_ u: [UInt8], _ i: Int) -> (value: UInt32, length: Int) {
    let b0 = u[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n = u.count
    if b0 & 0xE0 == 0xC0 && i + 1 < n {
      return (UInt32(b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F), 2)
    }
    if b0 & 0xF0 == 0xE0 && i + 2 < n {
      return (UInt32(b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F), 3)
    }
    if b0 & 0xF8 == 0xF0 && i + 3 < n {
      return (
        UInt32(b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
          | UInt32(u[i + 3] & 0x3F), 4
      )
    }
    return (0xFFFD, 1)  // not reached: the bytes were validated
  }

  @inline(__always)
  package static func disallowed(_ u: [UInt8], _ i: Int) -> UInt32? {
    let c = u[i]
    if c >= 0x20 {
      // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
      if c == 0xEF && i + 2 < u.count && u[i + 1] == 0xBF && u[i + 2] >= 0xBE {
        return 0xFFFE + UInt32(u[i + 2] - 0xBE)
      }
      return nil
    }
    if c == 0x09 || c == 0x0A || c == 0x0D { return nil }
    return UInt32(c)
  }

  @inline(__always)
  package static func isPlainText(_ c: UInt8) -> Bool {
    c >= 0x20 && c != 0x3C && c != 0x26 && c != 0x5D && c != 0xEF || c == 0x0A || c == 0x09
      || c == 0x0D
  }

  package static func string(_ u: ArraySlice<UInt8>) -> String {
    String(decoding: u, as: UTF8.self)
  }

  package static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(scalar)!)
  }

  /// Lines end at LF, CRLF or a lone CR (as `SourceFile` counts them); the column counts the
  /// bytes that start a character.
  package static func position(_ u: [UInt8], _ offset: Int, file: SourceFile?) -> (
    line: Int, column: Int
  ) {
    let offset = Swift.min(Swift.max(0, offset), u.count)
    var line = 1
    var lineStart = 0
    u.withUnsafeBufferPointer { b in
      let n = b.count
      for i in 0..<offset {
        let c = b[i]
        if c == 0x0A || (c == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
          line += 1
          lineStart = i + 1
        }
      }
    }
    return (line, codePoints(u, lineStart..<offset) + 1)
  }

  /// The number of characters in a range of valid UTF-8 that starts and ends on characters.
  package static func codePoints(_ u: [UInt8], _ range: Range<Int>) -> Int {
    var count = 0
    for i in range where u[i] & 0xC0 != 0x80 { count += 1 }
    return count
  }
}

/// What the DOCTYPE's internal subset may declare.
package enum XMLEntityPolicy: Sendable {
  /// Any `<!ENTITY …>` declaration is refused (XLIFF, TMX, XLSX parts).
  case refuse
  /// Internal general entities may be declared but never used (TBX): the whole subset is read
  /// first, then, in this order, an external entity (`SYSTEM`/`PUBLIC`, general or
  /// parameter) is refused, then a parameter entity or parameter-entity reference, then more
  /// than `XMLScanner.maxDeclaredEntities` declarations ("billion laughs" needs many), then an
  /// entity whose value refers to another entity; a reference to a declared entity in the
  /// document is refused with its own message. Nothing is ever expanded.
  case declaredUnused
}

/// The strict XML 1.0 tokenizer under `XMLScanner` (UTF-16) and `TBXLoader` (UTF-8): it checks
/// well-formedness and the entity policy and reports tags, end tags and character data as
/// offsets into its units, materializing no string for a name or a plain attribute value. See
/// `XMLScanner` for what it checks. After `.start`, the tag is described by `tagRange`,
/// `tagName`, `tagIsEmpty` and `attributes` until the next call.
///
/// Offsets are in units (UTF-16 code units or bytes); errors give the file, the 1-based line
/// and the column in code points, the same for either kind of unit.
package struct XMLTokenizer<Unit: XMLCodeUnit> {
  /// A piece of the document.
  package enum Token {
    /// A start tag (`<x/>` is followed by its `.end` at once); see `tagRange` and the others.
    case start
    /// An end tag's range; empty, at the end of the tag, for an empty-element tag.
    case end(Range<Int>)
    /// Character data: a run of text, one reference (with the character it stands for), or the
    /// content of one CDATA section.
    case text(Range<Int>, Unicode.Scalar?)
  }

  /// An attribute of the current start tag.
  package struct Attribute {
    /// The qualified name.
    package var name: Range<Int>
    /// The value between the quotes, as written.
    package var value: Range<Int>
    /// The value with references resolved and white space normalized, when that differs from
    /// the units written (a reference, a tab or line end); nil otherwise.
    package var normalized: String?
  }

  private let u: [Unit]
  package let path: String
  /// The decoded file, for positions in UTF-16; nil for UTF-8.
  package let file: SourceFile?
  /// The units read.
  package var units: [Unit] { u }
  private var pos = 0
  private let maxDepth: Int
  private let maxAttributes: Int
  private let entityPolicy: XMLEntityPolicy
  /// Names of the internal entities the DOCTYPE declared (`XMLEntityPolicy.declaredUnused`).
  private var declaredEntities: Set<String> = []

  private struct Open {
    var name: Range<Int>
    var start: Int
  }

  private var stack: [Open] = []
  private var pendingEnd: Int?
  private var sawRoot = false
  private var sawDoctype = false
  private var finished = false

  /// The current start tag, `<` to `>`.
  package private(set) var tagRange: Range<Int> = 0..<0
  /// The current start tag's qualified name.
  package private(set) var tagName: Range<Int> = 0..<0
  /// Whether the current start tag is an empty-element tag (`<x/>`).
  package private(set) var tagIsEmpty = false
  /// The current start tag's attributes, in document order.
  package private(set) var attributes: [Attribute] = []

  /// Whether skipped comments and processing instructions are recorded (see `XMLScanner`).
  package var recordsSkippedMarkup = false
  /// Comments and processing instructions skipped, with the offset of their last character.
  package var skippedMarkup: [(isComment: Bool, at: Int)] = []

  /// The `encoding` of the XML declaration, if the document has one with it.
  package private(set) var declaredEncoding: String?
  /// The `version` of the XML declaration, if any.
  package private(set) var declaredVersion: String?

  /// Creates a tokenizer over `units` (for UTF-16, `file.utf16` with `file`).
  // The TBX loader calls these from TermlintGlossary, which cannot specialize this module's
  // generic code itself: the UTF-8 specialization is compiled here and exported.
  @_specialize(exported:true,where Unit == UInt8)
  package init(
    units: [Unit], path: String, file: SourceFile?, maxDepth: Int, maxAttributes: Int,
    entityPolicy: XMLEntityPolicy
  ) {
    self.u = units
    self.path = path
    self.file = file
    self.maxDepth = maxDepth
    self.maxAttributes = maxAttributes
    self.entityPolicy = entityPolicy
    stack.reserveCapacity(32)
    attributes.reserveCapacity(8)
  }

  /// The number of elements open now.
  package var depth: Int { stack.count }

  /// The units of a range as a string.
  @inline(__always)
  package func string(_ range: Range<Int>) -> String { Unit.string(u[range]) }

  /// An attribute's value, references resolved and white space normalized.
  package func value(_ attribute: Attribute) -> String {
    attribute.normalized ?? Unit.string(u[attribute.value])
  }

  /// The next token, or nil at the end of the document.
  ///
  /// - Throws: `TermlintError.input` for input that is not well-formed.
  @_specialize(exported:true,where Unit == UInt8)
  package mutating func next() throws -> Token? {
    if let at = pendingEnd {
      pendingEnd = nil
      stack.removeLast()
      return .end(at..<at)
    }
    if finished { return nil }
    if pos == 0 { try scanXMLDeclaration() }
    while true {
      if stack.isEmpty {
        return try nextOutsideRoot()
      }
      guard pos < u.count else {
        let open = stack[stack.count - 1]
        throw error(
          open.start, "the file ends inside <\(string(open.name))>, which is never closed")
      }
      if u[pos] == lt {
        // NOTE: dispatched on the unit after `<` rather than by trying each opening in turn.
        let next: Unit = pos + 1 < u.count ? u[pos + 1] : 0
        if next == slash { return try scanEndTag() }
        if next == 0x21 {  // !
          if has("<!--") {
            try skipComment()
            continue
          }
          if has("<![CDATA[") { return try scanCDATA() }
          throw error(pos, "unexpected markup declaration '<!' inside an element")
        }
        if next == 0x3F {  // ?
          try skipProcessingInstruction()
          continue
        }
        try scanStartTag()
        return .start
      }
      if u[pos] == amp {
        let start = pos
        let scalar = try scanReference()
        return .text(start..<pos, scalar)
      }
      return try scanCharacters()
    }
  }

  // MARK: - Prolog and epilog

  private mutating func nextOutsideRoot() throws -> Token? {
    while true {
      skipSpace()
      guard pos < u.count else {
        if !sawRoot {
          throw error(pos, "no root element (the file is empty or holds only comments)")
        }
        finished = true
        return nil
      }
      if has("<?") {
        try skipProcessingInstruction()
      } else if has("<!--") {
        try skipComment()
      } else if has("<!DOCTYPE") {
        if sawRoot || sawDoctype {
          throw error(pos, "a DOCTYPE is only allowed once, before the root element")
        }
        try skipDoctype()
        sawDoctype = true
      } else if u[pos] == lt, pos + 1 < u.count, isNameStart(pos + 1) {
        if sawRoot {
          throw error(pos, "a second root element: everything must be inside one root element")
        }
        sawRoot = true
        try scanStartTag()
        return .start
      } else if u[pos] == lt && has("</") {
        throw error(pos, "end tag without a matching start tag")
      } else {
        throw error(
          pos, sawRoot ? "text after the end of the root element" : "text before the root element")
      }
    }
  }

  private mutating func scanXMLDeclaration() throws {
    guard has("<?xml"), pos + 5 < u.count, isSpace(u[pos + 5]) || u[pos + 5] == 0x3F else { return }
    let start = pos
    pos += 5
    var pseudo: [String: String] = [:]
    // In document order: an unknown one is reported first come (a dictionary's order differs
    // from one instance to the next, so the message did too; found by fuzzing).
    var names: [String] = []
    while true {
      skipSpace()
      guard pos < u.count else { throw error(start, "the XML declaration is not closed with '?>'") }
      if has("?>") {
        pos += 2
        break
      }
      guard isNameStart(pos) else { throw error(pos, "malformed XML declaration") }
      let name = string(scanName())
      skipSpace()
      guard pos < u.count, u[pos] == eq else {
        throw error(pos, "malformed XML declaration: expected '=' after '\(name)'")
      }
      pos += 1
      skipSpace()
      guard pos < u.count, u[pos] == quot || u[pos] == apos else {
        throw error(pos, "malformed XML declaration: the value of '\(name)' must be quoted")
      }
      let quote = u[pos]
      pos += 1
      let valueStart = pos
      while pos < u.count && u[pos] != quote && u[pos] != lt { pos += 1 }
      guard pos < u.count, u[pos] == quote else {
        throw error(valueStart, "malformed XML declaration: unterminated value")
      }
      if pseudo.updateValue(string(valueStart..<pos), forKey: name) == nil { names.append(name) }
      pos += 1
    }
    guard let version = pseudo["version"] else {
      throw error(start, "the XML declaration has no version")
    }
    guard version.hasPrefix("1.") else {
      throw error(start, "unsupported XML version '\(version)' (expected 1.0 or 1.1)")
    }
    for key in names where !["version", "encoding", "standalone"].contains(key) {
      throw error(start, "unknown pseudo-attribute '\(key)' in the XML declaration")
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
    throw error(start, "the DOCTYPE is not closed with '>'")
  }

  /// One `<!ENTITY …>` declaration read under `XMLEntityPolicy.declaredUnused`.
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
      guard pos < u.count else {
        throw error(pos, "the DOCTYPE's internal subset is not closed with ']'")
      }
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
        let name = isNameStart(pos) ? string(scanName()) : "?"
        guard entityPolicy == .declaredUnused else {
          throw error(
            at,
            "the DOCTYPE declares the entity '\(parameter)\(name)': entity declarations are refused (Termlint never expands DTD entities nor reads files or URLs a document names); remove the declaration and write the text in place"
          )
        }
        declarations.append(
          try scanEntityDeclaration(name: name, isParameter: !parameter.isEmpty, at: at))
      } else if has("<!") {
        // ELEMENT, ATTLIST, NOTATION: skipped, stepping over quoted literals.
        let at = pos
        pos += 2
        while pos < u.count && u[pos] != gt {
          if u[pos] == quot || u[pos] == apos { try skipQuoted() } else { pos += 1 }
        }
        guard pos < u.count else { throw error(at, "unterminated declaration in the DOCTYPE") }
        pos += 1
      } else if u[pos] == 0x25 {
        guard entityPolicy == .declaredUnused else {
          throw error(
            pos,
            "parameter entity references are refused in the DOCTYPE (Termlint never expands DTD entities)"
          )
        }
        let at = pos
        pos += 1
        let name = isNameStart(pos) ? string(scanName()) : "?"
        if pos < u.count && u[pos] == 0x3B { pos += 1 }
        if parameterReference == nil { parameterReference = (name, at) }
      } else {
        throw error(pos, "unexpected text in the DOCTYPE's internal subset")
      }
    }
  }

  /// Reads the rest of `<!ENTITY name …>` after its name, up to and including its `>`.
  private mutating func scanEntityDeclaration(name: String, isParameter: Bool, at: Int) throws
    -> EntityDeclaration
  {
    var declaration = EntityDeclaration(name: name, isParameter: isParameter, at: at)
    skipSpace()
    func literal() throws -> String? {
      guard pos < u.count, u[pos] == quot || u[pos] == apos else { return nil }
      let start = pos + 1
      try skipQuoted()
      return string(start..<(pos - 1))
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
      throw error(
        at,
        "malformed declaration of the entity '\(name)' (expected a quoted value, SYSTEM or PUBLIC)")
    }
    while pos < u.count && u[pos] != gt {
      if u[pos] == quot || u[pos] == apos { try skipQuoted() } else { pos += 1 }
    }
    guard pos < u.count else { throw error(at, "unterminated declaration in the DOCTYPE") }
    pos += 1
    return declaration
  }

  /// The checks of `XMLEntityPolicy.declaredUnused`, once the whole internal subset is read.
  private mutating func checkEntities(
    _ declarations: [EntityDeclaration], parameterReference: (name: String, at: Int)?
  ) throws {
    if let external = declarations.first(where: { $0.external != nil }),
      let (kind, systemID) = external.external
    {
      let what =
        external.isParameter
        ? "external parameter entity '%\(external.name)'" : "external entity '\(external.name)'"
      throw refusal(
        external.at,
        "\(what) (\(kind) \"\(systemID)\") is not allowed: Termlint never reads files or URLs named by a document; remove the declaration"
      )
    }
    if let parameter = declarations.first(where: \.isParameter) {
      throw refusal(
        parameter.at, "parameter entity '%\(parameter.name)' is not allowed in a glossary DOCTYPE")
    }
    if let reference = parameterReference {
      throw refusal(
        reference.at,
        "parameter entity reference '%\(reference.name);' in the DOCTYPE is not allowed in a glossary"
      )
    }
    if declarations.count > XMLScanner.maxDeclaredEntities {
      throw refusal(
        declarations[XMLScanner.maxDeclaredEntities].at,
        "the DOCTYPE declares \(declarations.count) entities (at most \(XMLScanner.maxDeclaredEntities) allowed): refusing a possible entity-expansion (\"billion laughs\") attack"
      )
    }
    for declaration in declarations {
      if let inner = XMLScanner.referencedEntity(in: declaration.value ?? "") {
        throw refusal(
          declaration.at,
          "entity '\(declaration.name)' refers to entity '\(inner)': nested entity expansion is refused (possible \"billion laughs\" attack)"
        )
      }
    }
    declaredEntities = Set(declarations.map(\.name))
  }

  private mutating func skipQuoted() throws {
    let quote = u[pos]
    let start = pos
    pos += 1
    while pos < u.count && u[pos] != quote { pos += 1 }
    guard pos < u.count else { throw error(start, "unterminated quoted literal") }
    pos += 1
  }

  // MARK: - Markup

  private mutating func scanStartTag() throws {
    let start = pos
    pos += 1
    guard isNameStart(pos) else {
      throw error(start, "'<' must start a tag (write &lt; for a literal '<')")
    }
    let name = scanName()
    attributes.removeAll(keepingCapacity: true)
    var isEmpty = false
    while true {
      let hadSpace = skipSpace()
      guard pos < u.count else {
        throw error(start, "the start tag <\(string(name))> is not closed with '>'")
      }
      if u[pos] == gt {
        pos += 1
        break
      }
      if u[pos] == slash {
        guard pos + 1 < u.count, u[pos + 1] == gt else {
          throw error(pos, "expected '/>' to close the tag <\(string(name))>")
        }
        pos += 2
        isEmpty = true
        break
      }
      guard hadSpace else {
        throw error(pos, "expected white space, '>' or '/>' in the tag <\(string(name))>")
      }
      guard isNameStart(pos) else {
        throw error(pos, "expected an attribute name in the tag <\(string(name))>")
      }
      let attributeStart = pos
      let attributeName = scanName()
      skipSpace()
      guard pos < u.count, u[pos] == eq else {
        throw error(
          pos, "expected '=' after the attribute '\(string(attributeName))' of <\(string(name))>")
      }
      pos += 1
      skipSpace()
      guard pos < u.count, u[pos] == quot || u[pos] == apos else {
        throw error(
          pos,
          "the value of the attribute '\(string(attributeName))' of <\(string(name))> must be in quotes"
        )
      }
      for attribute in attributes where same(attribute.name, attributeName) {
        throw error(
          attributeStart,
          "the attribute '\(string(attributeName))' appears twice in <\(string(name))>")
      }
      guard attributes.count < maxAttributes else {
        throw error(
          attributeStart, "the tag <\(string(name))> has more than \(maxAttributes) attributes")
      }
      let (value, normalized) = try scanAttributeValue()
      attributes.append(Attribute(name: attributeName, value: value, normalized: normalized))
    }
    guard stack.count < maxDepth else {
      throw error(start, "elements are nested more than \(maxDepth) levels deep")
    }
    tagRange = start..<pos
    tagName = name
    tagIsEmpty = isEmpty
    stack.append(Open(name: name, start: start))
    if isEmpty { pendingEnd = pos }
  }

  /// Whether two ranges hold the same units.
  @inline(__always)
  private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    guard a.count == b.count else { return false }
    var i = a.lowerBound
    var j = b.lowerBound
    while i < a.upperBound {
      if u[i] != u[j] { return false }
      i += 1
      j += 1
    }
    return true
  }

  private mutating func scanEndTag() throws -> Token {
    let start = pos
    pos += 2
    guard isNameStart(pos) else { throw error(start, "malformed end tag") }
    let name = scanName()
    skipSpace()
    guard pos < u.count, u[pos] == gt else {
      throw error(start, "the end tag </\(string(name))> is not closed with '>'")
    }
    pos += 1
    guard let open = stack.last else {
      throw error(start, "end tag </\(string(name))> without a matching start tag")
    }
    guard same(open.name, name) else {
      let line = Unit.position(u, open.start, file: file).line
      throw error(
        start,
        "the end tag </\(string(name))> does not match the start tag <\(string(open.name))> on line \(line)"
      )
    }
    stack.removeLast()
    return .end(start..<pos)
  }

  /// Reads a quoted attribute value: its range inside the quotes, and its normalized value when
  /// that is not the units as written.
  private mutating func scanAttributeValue() throws -> (Range<Int>, String?) {
    let quote = u[pos]
    let open = pos
    pos += 1
    let start = pos
    // NOTE: most values hold no reference and no white space to normalize: nothing is built for
    // them (a string per value was 5 % of loading a large TBX), and a first pass over a raw
    // buffer finds their end.
    let n = u.count
    let plainEnd = u.withUnsafeBufferPointer { b -> Int in
      var i = start
      while i < n {
        let c = b[i]
        guard c >= 0x20 && c != quote && c != 0x3C && c != 0x26 && Unit.isPlainText(c) || c == 0x5D
        else { break }
        i += 1
      }
      return i
    }
    if plainEnd < n && u[plainEnd] == quote {
      pos = plainEnd + 1
      return (start..<plainEnd, nil)
    }
    var built: [Unit]?
    while true {
      guard pos < u.count else { throw error(open, "unterminated attribute value") }
      let c = u[pos]
      if c == quote {
        pos += 1
        break
      }
      if c == lt { throw error(pos, "'<' is not allowed in an attribute value (write &lt;)") }
      if c == amp {
        if built == nil { built = Array(u[start..<pos]) }
        let scalar = try scanReference()
        Unit.append(scalar, to: &built!)
        continue
      }
      try checkChar(at: pos)
      if c == 0x0D {
        if built == nil { built = Array(u[start..<pos]) }
        built!.append(0x20)
        pos += (pos + 1 < u.count && u[pos + 1] == 0x0A) ? 2 : 1
        continue
      }
      if c == 0x09 || c == 0x0A {
        if built == nil { built = Array(u[start..<pos]) }
        built!.append(0x20)
      } else if built != nil {
        built!.append(c)
      }
      pos += 1
    }
    return (start..<(pos - 1), built.map { Unit.string($0[...]) })
  }

  // MARK: - Character data

  private mutating func scanCharacters() throws -> Token {
    let start = pos
    let n = u.count
    while true {
      // NOTE: one pass over a raw buffer; only the rare units (`<`, `&`, `]`, controls, the
      // start of U+FFFE/U+FFFF) leave the fast test.
      let from = pos
      pos = u.withUnsafeBufferPointer { b -> Int in
        var i = from
        while i < n && Unit.isPlainText(b[i]) { i += 1 }
        return i
      }
      guard pos < n else { break }
      let c = u[pos]
      if c == lt || c == amp { break }
      if c == 0x5D && pos + 2 < n && u[pos + 1] == 0x5D && u[pos + 2] == gt {
        throw error(pos, "']]>' is not allowed in text (write ]]&gt;)")
      }
      try checkChar(at: pos)
      pos += 1
    }
    return .text(start..<pos, nil)
  }

  private mutating func scanCDATA() throws -> Token {
    let start = pos
    pos += 9
    let contentStart = pos
    while pos < u.count {
      if u[pos] == 0x5D && pos + 2 < u.count && u[pos + 1] == 0x5D && u[pos + 2] == gt {
        let range = contentStart..<pos
        pos += 3
        return .text(range, nil)
      }
      try checkChar(at: pos)
      pos += 1
    }
    throw error(start, "the CDATA section is not closed with ']]>'")
  }

  /// Reads `&…;` at the cursor and returns the character it stands for (each of the five
  /// predefined entities and every character reference stands for one).
  private mutating func scanReference() throws -> Unicode.Scalar {
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
          throw error(start, "malformed character reference")
        }
        value = value &* (hex ? 16 : 10) &+ digit
        digits += 1
        if digits > 8 { throw error(start, "character reference out of range") }
        pos += 1
      }
      guard pos < u.count, digits > 0 else {
        throw error(start, "malformed character reference (expected digits and ';')")
      }
      pos += 1
      // XML 1.1 also allows control characters (not NUL) through references.
      let restricted11 = declaredVersion == "1.1" && value >= 0x01 && value <= 0x1F
      guard let scalar = Unicode.Scalar(value), XMLScanner.isXMLChar(value) || restricted11 else {
        throw error(
          start,
          "the character reference refers to U+\(String(value, radix: 16, uppercase: true)), which XML 1.0 does not allow"
        )
      }
      return scalar
    }
    guard isNameStart(pos) else {
      throw error(
        start, "'&' must start an entity or character reference (write &amp; for a literal '&')")
    }
    let nameRange = scanName()
    guard pos < u.count, u[pos] == 0x3B else {
      throw error(
        start,
        "the reference '&\(string(nameRange))' is not closed with ';' (write &amp; for a literal '&')"
      )
    }
    pos += 1
    let name = string(nameRange)
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      if declaredEntities.contains(name) {
        throw refusal(
          start,
          "entity reference '&\(name);' is not supported: Termlint never expands DTD entities; write the text in place of the reference"
        )
      }
      throw error(
        start,
        "undefined entity '&\(name);': only &amp; &lt; &gt; &quot; &apos; and character references (&#x00A0;) are allowed; Termlint does not expand DTD entities"
      )
    }
  }

  private mutating func skipComment() throws {
    let start = pos
    pos += 4
    while pos < u.count {
      if u[pos] == 0x2D && pos + 1 < u.count && u[pos + 1] == 0x2D {
        guard pos + 2 < u.count, u[pos + 2] == gt else {
          throw error(pos, "'--' is not allowed inside a comment")
        }
        pos += 3
        if recordsSkippedMarkup { skippedMarkup.append((true, pos - 1)) }
        return
      }
      try checkChar(at: pos)
      pos += 1
    }
    throw error(start, "the comment is not closed with '-->'")
  }

  private mutating func skipProcessingInstruction() throws {
    let start = pos
    pos += 2
    guard isNameStart(pos) else { throw error(start, "malformed processing instruction") }
    let target = string(scanName())
    if target.lowercased() == "xml" {
      throw error(
        start, "the XML declaration '<?xml …?>' is only allowed at the very start of the file")
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
    throw error(start, "the processing instruction is not closed with '?>'")
  }

  // MARK: - Lexical helpers

  private var lt: Unit { 0x3C }
  private var gt: Unit { 0x3E }
  private var amp: Unit { 0x26 }
  private var quot: Unit { 0x22 }
  private var apos: Unit { 0x27 }
  private var eq: Unit { 0x3D }
  private var slash: Unit { 0x2F }

  // NOTE: the small helpers are inlined: a call of a non-mutating method from a mutating one
  // copied the whole tokenizer (memcpy and a retain per field), 6 % of loading a large TBX.
  @inline(__always)
  private func has(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard pos + count <= u.count else { return false }
    guard literal.hasPointerRepresentation else {
      return count == 1 && u[pos] == Unit(literal.unicodeScalar.value)
    }
    let bytes = literal.utf8Start
    for k in 0..<count where u[pos + k] != Unit(bytes[k]) { return false }
    return true
  }

  @inline(__always)
  private func isSpace(_ c: Unit) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

  @discardableResult @inline(__always)
  private mutating func skipSpace() -> Bool {
    let start = pos
    while pos < u.count && isSpace(u[pos]) { pos += 1 }
    return pos > start
  }

  /// Reads a name at the cursor (the caller checked `isNameStart`).
  @inline(__always)
  private mutating func scanName() -> Range<Int> {
    let start = pos
    let n = u.count
    while pos < n {
      // ASCII name characters, from a raw buffer.
      let from = pos
      pos = u.withUnsafeBufferPointer { b -> Int in
        var i = from
        while i < n && b[i] < 0x80 && Self.isASCIINameChar(b[i]) { i += 1 }
        return i
      }
      guard pos < n else { break }
      let c = u[pos]
      if c < 0x80 {
        break
      } else {
        let (value, length) = Unit.scalar(u, pos)
        guard Self.isNameStart(value) || Self.isNameChar(value) else { break }
        pos += length
      }
    }
    return start..<min(pos, n)
  }

  @inline(__always)
  private static func isASCIINameChar(_ c: Unit) -> Bool {
    // A bit per ASCII unit: `-`, `.`, digits and `:` below 64; letters and `_` above.
    let bit = UInt64(1) << UInt64(c & 63)
    return c < 64 ? 0x07FF_6000_0000_0000 & bit != 0 : c < 128 && 0x07FF_FFFE_87FF_FFFE & bit != 0
  }

  @inline(__always)
  private func isNameStart(_ i: Int) -> Bool {
    guard i < u.count else { return false }
    let c = u[i]
    if c < 0x80 {
      return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c == 0x3A
    }
    return Self.isNameStart(Unit.scalar(u, i).value)
  }

  /// A non-ASCII `NameStartChar`.
  private static func isNameStart(_ c: UInt32) -> Bool {
    (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
      || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
      || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
      || (c >= 0x3001 && c <= 0xD7FF)
      || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD)
      || (c >= 0x10000 && c <= 0xEFFFF)
  }

  /// A non-ASCII `NameChar` that is not a `NameStartChar`.
  private static func isNameChar(_ c: UInt32) -> Bool {
    c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040)
  }

  /// Throws when the character at `i` is not allowed in an XML document.
  @inline(__always)
  private func checkChar(at i: Int) throws {
    guard let c = Unit.disallowed(u, i) else { return }
    throw disallowedCharacter(c, at: i)
  }

  @inline(__always)
  private func disallowedCharacter(_ c: UInt32, at i: Int) -> TermlintError {
    Self.disallowedCharacter(c, at: i, u, file, path)
  }

  @inline(never)
  private static func disallowedCharacter(
    _ c: UInt32, at i: Int, _ u: [Unit], _ file: SourceFile?, _ path: String
  ) -> TermlintError {
    let hex = String(c, radix: 16, uppercase: true)
    let code = String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    return failure(
      u, file, path, i,
      "not well-formed XML: the character U+\(code) is not allowed in XML 1.0 (a control character, or bytes that do not match the declared encoding)"
    )
  }

  // NOTE: the error helpers pass on the few fields they need to a static function: as methods
  // they had the whole tokenizer copied before every check that might throw.

  /// A refusal of well-formed input Termlint will not read (an entity it never expands).
  @inline(__always)
  package func refusal(_ offset: Int, _ reason: String) -> TermlintError {
    Self.failure(u, file, path, offset, reason)
  }

  /// A not-well-formed error at an offset.
  @inline(__always)
  package func error(_ offset: Int, _ reason: String) -> TermlintError {
    Self.failure(u, file, path, offset, "not well-formed XML: \(reason)")
  }

  @inline(never)
  private static func failure(
    _ u: [Unit], _ file: SourceFile?, _ path: String, _ offset: Int, _ reason: String
  ) -> TermlintError {
    let position = Unit.position(u, offset, file: file)
    return TermlintError.input(path, line: position.line, column: position.column, reason)
  }
}

/// For the fuzz harness (`Fuzz/Targets/TBXLoader.swift`): the tokenizer over UTF-8 (TBX) and
/// over UTF-16 (XLIFF, TMX) must read any document the same way.
@_spi(Testing) public enum XMLTokenizerAgreement {
  /// Whether both kinds of unit give the same tokens (at the same offsets, mapped from bytes to
  /// UTF-16), names, values and text, or the same error; true for bytes that are not UTF-8.
  @_spi(Testing) public static func agree(_ bytes: [UInt8]) -> Bool {
    guard SourceFile.isStrictUTF8(bytes, from: 0) else { return true }
    let file = SourceFile(path: "f.tbx", text: String(decoding: bytes, as: UTF8.self))
    // The UTF-16 offset of every byte offset that starts a character (and of the end).
    var utf16Offset = [Int](repeating: -1, count: bytes.count + 1)
    var units = 0
    for (i, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
      utf16Offset[i] = units
      units += byte >= 0xF0 ? 2 : 1
    }
    utf16Offset[bytes.count] = units
    var utf8 = XMLTokenizer<UInt8>(
      units: bytes, path: "f.tbx", file: nil, maxDepth: XMLScanner.defaultMaxDepth,
      maxAttributes: XMLScanner.defaultMaxAttributes,
      entityPolicy: .declaredUnused)
    var utf16 = XMLTokenizer<UInt16>(
      units: file.utf16, path: "f.tbx", file: file, maxDepth: XMLScanner.defaultMaxDepth,
      maxAttributes: XMLScanner.defaultMaxAttributes, entityPolicy: .declaredUnused)
    return trace(&utf8) { utf16Offset[$0] } == trace(&utf16) { $0 }
  }

  private static func trace<Unit>(_ tokens: inout XMLTokenizer<Unit>, _ offset: (Int) -> Int)
    -> [String]
  {
    var out: [String] = []
    do {
      while let token = try tokens.next() {
        switch token {
        case .start:
          let attributes = tokens.attributes.map { "\(tokens.string($0.name))=\(tokens.value($0))" }
          out.append(
            "<\(tokens.string(tokens.tagName)) \(attributes) \(tokens.tagIsEmpty) \(offset(tokens.tagRange.lowerBound))-\(offset(tokens.tagRange.upperBound))"
          )
        case .end(let range):
          out.append("</ \(offset(range.lowerBound))-\(offset(range.upperBound))")
        case .text(let range, let scalar):
          out.append(
            "text \(scalar.map { String(Character($0)) } ?? tokens.string(range)) \(offset(range.lowerBound))-\(offset(range.upperBound))"
          )
        }
      }
    } catch {
      out.append("error \(error)")
    }
    return out
  }
}
