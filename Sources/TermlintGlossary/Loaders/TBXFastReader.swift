import Foundation
import TermlintText

/// The fast path of `TBXLoader`: a pull reader over the UTF-8 bytes of a TBX file that feeds the
/// same `TBXBuilder` as the general path (FoundationXML's `XMLParser`), without a `String` per
/// element name from libxml2, a dictionary per element, or delegate calls.
///
/// It reads only the well-formed subset of XML it fully understands, and **gives up** (returns
/// nil) on anything else, so the caller runs the general path, which gives today's results and
/// error messages. Accepted:
/// - UTF-8 (or ASCII) bytes, an optional UTF-8 byte-order mark, no carriage return, no control
///   character, no U+FFFE / U+FFFF, no invalid UTF-8;
/// - an XML declaration on one line, in ASCII, declaring no encoding or a UTF-8 one;
/// - a DOCTYPE with a name and at most a plain external id (no internal subset);
/// - comments, processing instructions with data (not `xml…` targets but `xml-model` and
///   `xml-stylesheet`), CDATA sections, the five predefined entities and character
///   references to XML characters other than U+FFFD;
/// - ASCII element and attribute names with at most one colon, whose prefixes are declared
///   (`xml` for attributes), namespace declarations with absolute URIs of plain characters,
///   no duplicate attributes, no literal `>` in attribute values, `xml:space` only `default`
///   or `preserve`, nesting under 200 deep;
/// - a `martif`, `tbx` or `TBX` root.
///
/// Lines and columns are those libxml2 reports at a start tag: the line of its `>` (or of the
/// `/` of `/>`), the column of that character counted from 1 in code points, except inside
/// CDATA sections, which libxml2's push parser counts in bytes.
enum TBXFastReader {
  /// Reads `bytes`, or returns nil when the general path must decide.
  static func read(_ bytes: [UInt8], path: String) -> (glossary: Glossary, issues: [GlossaryLoadIssue])? {
    let built = bytes.withUnsafeBufferPointer { buffer -> TBXBuilder? in
      guard buffer.count > 0 else { return nil }
      var reader = Reader(buffer, builder: TBXBuilder(path: path))
      do {
        try reader.run()
        return reader.builder
      } catch {
        return nil
      }
    }
    guard var builder = built, let root = builder.rootName, root == "martif" || root == "tbx" || root == "TBX" else { return nil }
    // The general path throws when a term holds U+FFFD that the file does not: the reader
    // refuses `&#xFFFD;`, so here U+FFFD always comes from the bytes; checked all the same.
    if builder.sawReplacementCharacter && !TBXLoader.containsReplacementCharacterBytes(bytes) { return nil }
    return (builder.makeGlossary(), builder.issues)
  }

  /// Thrown to give up on the fast path.
  struct GiveUp: Error {}

  /// One attribute of the current start tag, as byte offsets.
  struct Attribute {
    var nameStart: Int
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int
    /// The value holds a reference or a tab or line feed (normalized to a space).
    var needsDecoding: Bool
  }

  /// The attributes of the current start tag, looked up by qualified name.
  struct Attributes: TBXAttributes {
    let bytes: UnsafeBufferPointer<UInt8>
    let list: [Attribute]

    package func value(_ name: String) -> String? {
      var name = name
      return name.withUTF8 { key -> String? in
        for attribute in list where attribute.nameEnd - attribute.nameStart == key.count {
          var k = 0
          while k < key.count && bytes[attribute.nameStart + k] == key[k] { k += 1 }
          guard k == key.count else { continue }
          return decodedValue(attribute)
        }
        return nil
      }
    }

    private func decodedValue(_ a: Attribute) -> String {
      let slice = UnsafeBufferPointer(rebasing: bytes[a.valueStart..<a.valueEnd])
      guard a.needsDecoding else { return String(decoding: slice, as: UTF8.self) }
      var out: [UInt8] = []
      out.reserveCapacity(slice.count)
      var i = a.valueStart
      while i < a.valueEnd {
        let c = bytes[i]
        if c == 0x26 {
          // Validated when the tag was read.
          let (scalar, end) = (try? Reader.reference(bytes, at: i)) ?? (0x20, i + 1)
          Reader.appendUTF8(scalar, to: &out)
          i = end
        } else {
          out.append(c == 0x09 || c == 0x0A ? 0x20 : c)
          i += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// A namespace prefix declared on an open element.
  struct Prefix {
    var start: Int
    var end: Int
    var depth: Int
  }

  /// An open element: its qualified name's bytes and its local name.
  struct Open {
    var start: Int
    var end: Int
    var local: String
  }

  struct Reader {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    var builder: TBXBuilder
    var i = 0
    // Line and column bookkeeping: `line` is the line of offset `counted`; `lineStart` is the
    // offset just past the last line feed before `counted`.
    var counted = 0
    var line = 1
    var lineStart = 0
    // Column cache within the current line: `columnAt` code points up to `columnOffset`.
    var columnOffset = 0
    var columnValue = 1
    var open: [Open] = []
    var prefixes: [Prefix] = []
    package var attributes: [Attribute] = []
    var scratch: [UInt8] = []

    package init(_ buffer: UnsafeBufferPointer<UInt8>, builder: TBXBuilder) {
      b = buffer
      n = buffer.count
      self.builder = builder
      open.reserveCapacity(32)
      attributes.reserveCapacity(8)
    }

    /// Well under libxml2's limits (256 levels without `XML_PARSE_HUGE`; 10 MB per text node
    /// or attribute value; 50,000 bytes per name): the general path decides beyond them.
    static let maxDepth = 200
    static let maxRun = 1_000_000
    static let maxName = 1_000

    // MARK: Driver

    mutating func run() throws(GiveUp) {
      try validate()
      if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
        i = 3
        counted = 3
        lineStart = 3
        columnOffset = 3
      }
      try declaration()
      try prolog()
      try element()
      try epilog()
    }

    /// The whole input is UTF-8 of XML characters, without CR or other control characters.
    func validate() throws(GiveUp) {
      var k = 0
      let base = UnsafeRawPointer(b.baseAddress!)
      while k < n {
        // Eight ASCII bytes at a time, none below 0x20 but tabs and line feeds. Per byte v of
        // an ASCII word, v + 0x60 reaches the high bit exactly when v >= 0x20, and (v & 0x7F)
        // + 0x7F does when v & 0x7F != 0; no carry crosses bytes.
        if k + 8 <= n {
          let w = base.loadUnaligned(fromByteOffset: k, as: UInt64.self)
          let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
          if w & high == 0 {
            let control = ~(w &+ 0x6060_6060_6060_6060) & high
            func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
            let allowed = zeroBytes(w ^ 0x0909_0909_0909_0909) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
            if control & ~allowed == 0 {
              k += 8
              continue
            }
          }
        }
        let c = b[k]
        if c < 0x80 {
          if c < 0x20 && c != 0x09 && c != 0x0A { throw GiveUp() }
          k += 1
          continue
        }
        // A multi-byte sequence: strict UTF-8, no surrogates, no overlong forms.
        var scalar: UInt32
        var length: Int
        if c & 0xE0 == 0xC0 {
          scalar = UInt32(c & 0x1F)
          length = 2
        } else if c & 0xF0 == 0xE0 {
          scalar = UInt32(c & 0x0F)
          length = 3
        } else if c & 0xF8 == 0xF0 {
          scalar = UInt32(c & 0x07)
          length = 4
        } else {
          throw GiveUp()
        }
        guard k + length <= n else { throw GiveUp() }
        for j in 1..<length {
          let d = b[k + j]
          guard d & 0xC0 == 0x80 else { throw GiveUp() }
          scalar = scalar << 6 | UInt32(d & 0x3F)
        }
        switch length {
        case 2: guard scalar >= 0x80 else { throw GiveUp() }
        case 3: guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar), scalar != 0xFFFE, scalar != 0xFFFF else { throw GiveUp() }
        default: guard scalar >= 0x10000, scalar <= 0x10FFFF else { throw GiveUp() }
        }
        k += length
      }
    }

    // MARK: Positions

    /// The line of offset `pos` (not before the last one asked for).
    mutating func lineOf(_ pos: Int) -> Int {
      var feeds = 0
      var k = counted
      // Eight bytes at a time: a byte of `x` is zero where the input has a line feed, and
      // `zeros` has its high bit set exactly there (no carry crosses bytes: each is at most
      // 0x7F + 0x7F before the OR).
      let base = UnsafeRawPointer(b.baseAddress!)
      let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      while k + 8 <= pos {
        let x = base.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        let zeros = ~(((x & low7) &+ low7) | x | low7)
        feeds &+= zeros.nonzeroBitCount
        k += 8
      }
      while k < pos {
        if b[k] == 0x0A { feeds &+= 1 }
        k += 1
      }
      if feeds > 0 {
        line += feeds
        var j = pos - 1
        while b[j] != 0x0A { j -= 1 }
        lineStart = j + 1
        columnOffset = lineStart
        columnValue = 1
      }
      counted = pos
      return line
    }

    /// The column of offset `pos` in code points from 1, after `lineOf(pos)`.
    mutating func columnOf(_ pos: Int) -> Int {
      if columnOffset < lineStart || columnOffset > pos {
        columnOffset = lineStart
        columnValue = 1
      }
      var k = columnOffset
      var column = columnValue
      while k < pos {
        if b[k] & 0xC0 != 0x80 { column += 1 }
        k += 1
      }
      columnOffset = pos
      columnValue = column
      return column
    }

    /// Moves the line and column bookkeeping over `start..<end` counting bytes, not code
    /// points: libxml2's push parser (which `XMLParser(stream:)` drives) skips a CDATA section
    /// with `SKIPL`, one column per byte.
    mutating func countBytewise(from start: Int, to end: Int) {
      _ = lineOf(start)
      var column = columnOf(start)
      var k = start
      while k < end {
        if b[k] == 0x0A {
          line += 1
          lineStart = k + 1
          column = 1
        } else {
          column += 1
        }
        k += 1
      }
      counted = end
      columnOffset = end
      columnValue = column
    }

    // MARK: Prolog and epilog

    func has(_ literal: StaticString, at pos: Int) -> Bool { Self.has(literal, in: b, at: pos) }

    /// Whether the bytes at `pos` are `literal`.
    static func has(_ literal: StaticString, in b: UnsafeBufferPointer<UInt8>, at pos: Int) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard pos + count <= b.count else { return false }
      let p = literal.utf8Start
      for k in 0..<count where b[pos + k] != p[k] { return false }
      return true
    }

    package func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }

    mutating func skipSpaces() -> Bool {
      let from = i
      while i < n && isSpace(b[i]) { i += 1 }
      return i > from
    }

    /// The XML declaration, which the general path replaces by a neutral one of the same
    /// length: only its encoding matters, and it must not span lines or hold non-ASCII.
    mutating func declaration() throws(GiveUp) {
      guard has("<?xml", at: i), i + 5 < n, isSpace(b[i + 5]) else { return }
      var end = i + 5
      while end + 1 < n && !(b[end] == 0x3F && b[end + 1] == 0x3E) {
        if b[end] == 0x0A || b[end] >= 0x80 { throw GiveUp() }
        end += 1
      }
      guard end + 1 < n else { throw GiveUp() }
      let head = Array(b[i..<min(n, i + 1100)])
      if let declared = XMLDecoding.declaredEncoding(head), SourceFile.DeclaredCharset(declared) != .utf8 { throw GiveUp() }
      i = end + 2
    }

    mutating func prolog() throws(GiveUp) {
      var sawDoctype = false
      while true {
        _ = skipSpaces()
        guard i < n, b[i] == 0x3C else { throw GiveUp() }
        if has("<!--", at: i) {
          try comment()
        } else if has("<?", at: i) {
          try processingInstruction()
        } else if has("<!DOCTYPE", at: i), !sawDoctype {
          sawDoctype = true
          try doctype()
        } else {
          return
        }
      }
    }

    mutating func epilog() throws(GiveUp) {
      while true {
        _ = skipSpaces()
        if i >= n { return }
        if has("<!--", at: i) {
          try comment()
        } else if has("<?", at: i) {
          try processingInstruction()
        } else {
          throw GiveUp()
        }
      }
    }

    /// `<!DOCTYPE name>` or with a `SYSTEM` / `PUBLIC` id of plain characters.
    mutating func doctype() throws(GiveUp) {
      i += 9
      guard skipSpaces() else { throw GiveUp() }
      _ = try name()
      let spaced = skipSpaces()
      if spaced && (has("SYSTEM", at: i) || has("PUBLIC", at: i)) {
        let literals = has("SYSTEM", at: i) ? 1 : 2
        i += 6
        for _ in 0..<literals {
          guard skipSpaces(), i < n, b[i] == 0x22 || b[i] == 0x27 else { throw GiveUp() }
          let quote = b[i]
          i += 1
          while i < n && b[i] != quote {
            let c = b[i]
            let plain = (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x2F
              || c == 0x3A || c == 0x5F || c == 0x20
            guard plain else { throw GiveUp() }
            i += 1
          }
          guard i < n else { throw GiveUp() }
          i += 1
        }
        _ = skipSpaces()
      }
      guard i < n, b[i] == 0x3E else { throw GiveUp() }
      i += 1
    }

    /// `<!-- … -->` without `--` inside (nor a `-` just before the closing `-->`).
    mutating func comment() throws(GiveUp) {
      var k = i + 4
      while k + 1 < n {
        if b[k] == 0x2D && b[k + 1] == 0x2D {
          guard k + 2 < n, b[k + 2] == 0x3E, k - i < Reader.maxRun else { throw GiveUp() }
          i = k + 3
          return
        }
        k += 1
      }
      throw GiveUp()
    }

    /// `<?target data?>` with data; not an `xml…` target but `xml-model` and `xml-stylesheet`.
    mutating func processingInstruction() throws(GiveUp) {
      i += 2
      let start = i
      try plainName(allowColon: false)
      let target = start..<i
      let length = target.count
      if length >= 3 && b[start] | 0x20 == 0x78 && b[start + 1] | 0x20 == 0x6D && b[start + 2] | 0x20 == 0x6C {
        guard has("xml-model", at: start) && length == 9 || has("xml-stylesheet", at: start) && length == 14 else { throw GiveUp() }
      }
      guard skipSpaces() else { throw GiveUp() }
      let dataStart = i
      while i + 1 < n {
        if b[i] == 0x3F && b[i + 1] == 0x3E {
          guard i - dataStart < Reader.maxRun else { throw GiveUp() }
          i += 2
          return
        }
        i += 1
      }
      throw GiveUp()
    }

    // MARK: Names

    static func isNameStart(_ c: UInt8) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F }
    static func isNameChar(_ c: UInt8) -> Bool {
      isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
    }

    /// An ASCII NCName at `i`.
    mutating func plainName(allowColon: Bool) throws(GiveUp) {
      guard i < n, Reader.isNameStart(b[i]) else { throw GiveUp() }
      i += 1
      while i < n && Reader.isNameChar(b[i]) { i += 1 }
      if i < n && (b[i] == 0x3A || b[i] >= 0x80) { throw GiveUp() }
    }

    /// A qualified name at `i` (ASCII, at most one colon, both parts non-empty); returns the
    /// offset of the colon, if any.
    package mutating func name() throws(GiveUp) -> Int? {
      guard i < n, Reader.isNameStart(b[i]) else { throw GiveUp() }
      let start = i
      i += 1
      var colon: Int?
      while i < n {
        let c = b[i]
        if Reader.isNameChar(c) {
          i += 1
        } else if c == 0x3A && colon == nil && i + 1 < n && Reader.isNameStart(b[i + 1]) {
          colon = i
          i += 1
        } else {
          break
        }
      }
      if i < n && (b[i] == 0x3A || b[i] >= 0x80) || i - start > Reader.maxName { throw GiveUp() }
      return colon
    }

    func equalBytes(_ a: Range<Int>, _ c: Range<Int>) -> Bool {
      guard a.count == c.count else { return false }
      var k = 0
      while k < a.count {
        if b[a.lowerBound + k] != b[c.lowerBound + k] { return false }
        k += 1
      }
      return true
    }

    func isDeclared(_ prefix: Range<Int>) -> Bool {
      for declared in prefixes where equalBytes(declared.start..<declared.end, prefix) { return true }
      return false
    }

    // MARK: References

    /// The scalar and the end offset of the reference at `pos` (`&…;`): a predefined entity
    /// or a character reference to an XML character other than U+FFFD.
    static func reference(_ b: UnsafeBufferPointer<UInt8>, at pos: Int) throws(GiveUp) -> (UInt32, Int) {
      let n = b.count
      var k = pos + 1
      guard k < n else { throw GiveUp() }
      if b[k] == 0x23 {
        k += 1
        var value: UInt32 = 0
        var digits = 0
        if k < n && b[k] == 0x78 {
          k += 1
          while k < n && b[k] != 0x3B {
            let c = b[k]
            let digit: UInt32
            if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) }
            else if c | 0x20 >= 0x61 && c | 0x20 <= 0x66 { digit = UInt32(c | 0x20) - 0x61 + 10 }
            else { throw GiveUp() }
            value = value << 4 | digit
            digits += 1
            guard digits <= 6 else { throw GiveUp() }
            k += 1
          }
        } else {
          while k < n && b[k] != 0x3B {
            let c = b[k]
            guard c >= 0x30 && c <= 0x39 else { throw GiveUp() }
            value = value * 10 + UInt32(c - 0x30)
            digits += 1
            guard digits <= 7 else { throw GiveUp() }
            k += 1
          }
        }
        guard digits > 0, k < n else { throw GiveUp() }
        guard XMLScanner.isXMLChar(value), value != 0xFFFD else { throw GiveUp() }
        return (value, k + 1)
      }
      func named(_ literal: StaticString, _ scalar: UInt32) -> (UInt32, Int)? {
        has(literal, in: b, at: k) ? (scalar, k + literal.utf8CodeUnitCount) : nil
      }
      if let r = named("amp;", 0x26) ?? named("lt;", 0x3C) ?? named("gt;", 0x3E) ?? named("quot;", 0x22) ?? named("apos;", 0x27) {
        return r
      }
      throw GiveUp()
    }

    /// Appends the UTF-8 of a scalar `reference` has checked (an XML character, so never a
    /// surrogate).
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
      UTF8.encode(Unicode.Scalar(scalar) ?? " ") { out.append($0) }
    }

    // MARK: Content

    /// The root element and everything in it.
    mutating func element() throws(GiveUp) {
      try startTag()
      while !open.isEmpty {
        try text()
        guard i < n else { throw GiveUp() }
        // b[i] == '<'
        guard i + 1 < n else { throw GiveUp() }
        let next = b[i + 1]
        if next == 0x2F {
          try endTag()
        } else if next == 0x21 {
          if has("<!--", at: i) {
            try comment()
          } else if has("<![CDATA[", at: i) {
            try cdata()
          } else {
            throw GiveUp()
          }
        } else if next == 0x3F {
          try processingInstruction()
        } else {
          try startTag()
        }
      }
    }

    /// Character data up to the next `<`: handed to the builder when it keeps text, checked
    /// (references, no `]]>`) either way.
    package mutating func text() throws(GiveUp) {
      let start = i
      var plain = true
      while i < n {
        let c = b[i]
        if c == 0x3C { break }
        if c == 0x26 {
          plain = false
          i = try Reader.reference(b, at: i).1
          continue
        }
        if c == 0x5D && i + 2 < n && b[i + 1] == 0x5D && b[i + 2] == 0x3E { throw GiveUp() }
        i += 1
      }
      guard i - start < Reader.maxRun else { throw GiveUp() }
      guard i > start, builder.isCapturing else { return }
      if plain {
        builder.characters(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
        return
      }
      scratch.removeAll(keepingCapacity: true)
      var k = start
      while k < i {
        if b[k] == 0x26 {
          let (scalar, end) = try Reader.reference(b, at: k)
          Reader.appendUTF8(scalar, to: &scratch)
          k = end
        } else {
          scratch.append(b[k])
          k += 1
        }
      }
      builder.characters(String(decoding: scratch, as: UTF8.self))
    }

    mutating func cdata() throws(GiveUp) {
      let start = i + 9
      var k = start
      while k + 2 < n {
        if b[k] == 0x5D && b[k + 1] == 0x5D && b[k + 2] == 0x3E {
          guard k - start < Reader.maxRun else { throw GiveUp() }
          if builder.isCapturing && k > start {
            builder.characters(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self))
          }
          i = k + 3
          countBytewise(from: start, to: i)
          return
        }
        k += 1
      }
      throw GiveUp()
    }

    mutating func endTag() throws(GiveUp) {
      i += 2
      let start = i
      _ = try name()
      guard let top = open.last, equalBytes(top.start..<top.end, start..<i) else { throw GiveUp() }
      _ = skipSpaces()
      guard i < n, b[i] == 0x3E else { throw GiveUp() }
      i += 1
      open.removeLast()
      builder.endElement(top.local)
      let depth = open.count
      while let last = prefixes.last, last.depth > depth { prefixes.removeLast() }
    }

    mutating func startTag() throws(GiveUp) {
      guard open.count < Reader.maxDepth else { throw GiveUp() }
      i += 1
      let start = i
      let colon = try name()
      let end = i
      attributes.removeAll(keepingCapacity: true)
      var selfClosing = false
      while true {
        let spaced = skipSpaces()
        guard i < n else { throw GiveUp() }
        if b[i] == 0x3E { break }
        if b[i] == 0x2F {
          guard i + 1 < n, b[i + 1] == 0x3E else { throw GiveUp() }
          selfClosing = true
          break
        }
        guard spaced else { throw GiveUp() }
        try attribute()
      }
      let depth = open.count + 1
      try namespaces(depth: depth)
      if let colon {
        // An element prefix must be declared (and not be `xml` or `xmlns`).
        guard isDeclared(start..<colon) else { throw GiveUp() }
      }
      let localStart = colon.map { $0 + 1 } ?? start
      let local = String(decoding: UnsafeBufferPointer(rebasing: b[localStart..<end]), as: UTF8.self)
      let at = i
      let line = lineOf(at)
      open.append(Open(start: start, end: end, local: local))
      // The builder reads the column of `<term>` only; counting it costs a scan of the line.
      let isTerm = end - localStart == 4 && has("term", at: localStart)
      let column = isTerm ? columnOf(at) : 0
      builder.startElement(local, attributes: Attributes(bytes: b, list: attributes), line: line, column: column)
      if selfClosing {
        i += 2
        open.removeLast()
        builder.endElement(local)
        while let last = prefixes.last, last.depth > open.count { prefixes.removeLast() }
      } else {
        i += 1
      }
    }

    /// One `name="value"` at `i`.
    package mutating func attribute() throws(GiveUp) {
      let nameStart = i
      _ = try name()
      let nameEnd = i
      _ = skipSpaces()
      guard i < n, b[i] == 0x3D else { throw GiveUp() }
      i += 1
      _ = skipSpaces()
      guard i < n, b[i] == 0x22 || b[i] == 0x27 else { throw GiveUp() }
      let quote = b[i]
      i += 1
      let valueStart = i
      var needsDecoding = false
      while i < n {
        let c = b[i]
        if c == quote { break }
        // '<' is not allowed; a literal '>' is, but libxml2's push parser looks for the end of a
        // start tag by '>' when a tag spans two chunks, so such values are left to it.
        if c == 0x3C || c == 0x3E { throw GiveUp() }
        if c == 0x26 {
          needsDecoding = true
          i = try Reader.reference(b, at: i).1
          continue
        }
        if c == 0x09 || c == 0x0A { needsDecoding = true }
        i += 1
      }
      guard i < n, i - valueStart < Reader.maxRun else { throw GiveUp() }
      let valueEnd = i
      i += 1
      for other in attributes where equalBytes(other.nameStart..<other.nameEnd, nameStart..<nameEnd) { throw GiveUp() }
      attributes.append(
        Attribute(nameStart: nameStart, nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd, needsDecoding: needsDecoding))
    }

    /// Namespace declarations and prefixed attributes of the current start tag.
    mutating func namespaces(depth: Int) throws(GiveUp) {
      for a in attributes {
        let nameRange = a.nameStart..<a.nameEnd
        if has("xmlns", at: a.nameStart) && (nameRange.count == 5 || b[a.nameStart + 5] == 0x3A) {
          guard !a.needsDecoding else { throw GiveUp() }
          let value = a.valueStart..<a.valueEnd
          if nameRange.count == 5 {
            // The default namespace: empty, or an absolute URI.
            if !value.isEmpty { try absoluteURI(value) }
          } else {
            let prefix = (a.nameStart + 6)..<a.nameEnd
            if has("xml", at: prefix.lowerBound) && (prefix.count == 3 || prefix.count == 5 && has("xmlns", at: prefix.lowerBound)) {
              throw GiveUp()
            }
            try absoluteURI(value)
            prefixes.append(Prefix(start: prefix.lowerBound, end: prefix.upperBound, depth: depth))
          }
        }
      }
      // Prefixed attributes: the prefix is `xml` or declared; no two share a local name.
      var prefixedLocals: [Range<Int>] = []
      for a in attributes {
        var colon: Int?
        for k in a.nameStart..<a.nameEnd where b[k] == 0x3A { colon = k }
        guard let colon else { continue }
        let prefix = a.nameStart..<colon
        if prefix.count == 5 && has("xmlns", at: prefix.lowerBound) { continue }
        if prefix.count == 3 && has("xml", at: prefix.lowerBound) {
          if a.nameEnd - colon - 1 == 5 && has("space", at: colon + 1) {
            let value = a.valueStart..<a.valueEnd
            let isDefault = value.count == 7 && has("default", at: value.lowerBound)
            guard isDefault || value.count == 8 && has("preserve", at: value.lowerBound) else {
              throw GiveUp()
            }
          }
        } else {
          guard isDeclared(prefix) else { throw GiveUp() }
        }
        let local = (colon + 1)..<a.nameEnd
        for other in prefixedLocals where equalBytes(other, local) { throw GiveUp() }
        prefixedLocals.append(local)
      }
    }

    /// A namespace name libxml2 takes without a warning: `scheme:` then plain characters; an
    /// authority (`//host`) of letters, digits, dots and hyphens. Not the XML namespaces.
    func absoluteURI(_ r: Range<Int>) throws(GiveUp) {
      var k = r.lowerBound
      guard k < r.upperBound, b[k] | 0x20 >= 0x61 && b[k] | 0x20 <= 0x7A else { throw GiveUp() }
      while k < r.upperBound && b[k] != 0x3A {
        let c = b[k]
        let letterOrDigit = (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39)
        guard letterOrDigit || c == 0x2B || c == 0x2D || c == 0x2E else { throw GiveUp() }
        k += 1
      }
      guard k < r.upperBound else { throw GiveUp() }
      k += 1
      var authority = false
      if k + 1 < r.upperBound && b[k] == 0x2F && b[k + 1] == 0x2F {
        authority = true
        k += 2
      }
      guard k < r.upperBound else { throw GiveUp() }
      while k < r.upperBound {
        let c = b[k]
        if authority && c == 0x2F { authority = false }
        let letterOrDigit = (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39)
        let hostChar = letterOrDigit || c == 0x2E || c == 0x2D
        let plain = authority ? hostChar : (hostChar || c == 0x5F || c == 0x2F || c == 0x3A)
        guard plain else { throw GiveUp() }
        k += 1
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
      if text == "http://www.w3.org/XML/1998/namespace" || text == "http://www.w3.org/2000/xmlns/" { throw GiveUp() }
    }
  }
}
