import Foundation
import TermlintGlossary
import TermlintText

/// Reads gettext PO and POT files into units with exact source (`msgid`) and target (`msgstr`)
/// spans.
///
/// - One unit per entry; a plural entry gives one unit per `msgstr[n]`, with id `<key>[n]`,
///   whose source is `msgid` for n = 0 and `msgid_plural` otherwise. The key is the `msgid`,
///   or `<msgctxt>|<msgid>` with a context.
/// - Strings: every piece of a multi-line string (`msgid ""` then `"…"` lines) maps to its own
///   line; escapes (`\n \t \r \" \\ \a \b \f \v \?`, octal, `\x` hex) become the characters they
///   stand for, each mapped to its whole escape. An empty `msgstr` gives an empty target span
///   located inside its quotes.
/// - The header (the first entry with an empty `msgid` and no context) is not a unit: its fields
///   go to `Document.metadata` (`Language`, `Plural-Forms`, `Content-Type` …, and `nplurals`
///   parsed from `Plural-Forms`). Its `charset` decodes the file (UTF-8 when absent or the
///   template's `CHARSET`; legacy charsets such as CP1251 or KOI8-R through ICU).
/// - Obsolete entries (`#~`) go to `Document.skippedUnits` (metadata `skipped` = `obsolete`).
/// - Fuzzy entries are units (rules decide): metadata `fuzzy` = `yes`.
/// - Unit metadata: `line` (of `msgid`), `msgctxt`, `flags` (as listed, comma-separated),
///   `fuzzy`, `comment` (translator comments), `extracted-comment` (`#.`), `references` (`#:`),
///   `previous-msgctxt`, `previous-msgid` (`#|`), `plural-index`, `nplurals`.
/// - Languages: the target is the header's `Language`, else the default target language; the
///   source is the header's `X-Source-Language`, else the default source language (unless it
///   is the target's language: then it is unknown).
///
/// Syntax errors (a keyword out of order, an unterminated string, an unknown escape, text that
/// is not a keyword, string or comment) throw `TermlintError.input` with line and column.
public enum POReader {
  /// Reads a PO file from its bytes, decoding it with the charset its header declares.
  ///
  /// - Throws: `TermlintError.input` naming the file, line and column for undecodable bytes and
  ///   syntax errors.
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws
    -> Document
  {
    try read(decode(bytes: bytes, path: path), defaults: defaults)
  }

  /// Reads an already decoded PO file.
  ///
  /// - Throws: `TermlintError.input` naming the file, line and column for syntax errors.
  public static func read(_ file: SourceFile, defaults: LanguageDefaults) throws -> Document {
    var parser = POParser(file: file)
    let entries = try parser.parse()
    var headerFields: [(String, String)] = []
    var body = entries[...]
    if let first = entries.first, !first.obsolete, first.msgctxt == nil,
      first.msgid?.isEmpty == true, first.msgidPlural == nil
    {
      headerFields = parseHeader(first.msgstr.first?.string ?? "")
      body = entries.dropFirst()
    }
    var metadata: [String: String] = [:]
    for (key, value) in headerFields { metadata[key] = value }
    let nplurals = metadata["Plural-Forms"].flatMap(pluralCount)
    if let nplurals { metadata["nplurals"] = String(nplurals) }
    if let charset = metadata["Content-Type"].flatMap(charset(inContentType:)) {
      metadata["charset"] = charset
    }

    let headerTarget = metadata["Language"].flatMap(LanguageTag.init)
    let headerSource = metadata["X-Source-Language"].flatMap(LanguageTag.init)
    var source = headerSource ?? defaults.source
    let targetLanguage: LanguageTag?
    if let headerTarget {
      targetLanguage = headerTarget
      if headerSource == nil, let s = source, s.matches(headerTarget) { source = nil }
    } else {
      targetLanguage = defaults.fallbackTarget(source: source)
    }

    var units: [Unit] = []
    var skipped: [Unit] = []
    for entry in body {
      let made = entry.units(file: file, source: source, target: targetLanguage, nplurals: nplurals)
      if entry.obsolete { skipped += made } else { units += made }
    }
    return Document(
      file: file, format: "po", units: units, sourceLanguage: source,
      targetLanguage: targetLanguage, skippedUnits: skipped,
      metadata: metadata)
  }

  /// Decodes a PO file's bytes: a byte-order mark decides; otherwise the header's charset.
  static func decode(bytes: [UInt8], path: String) throws -> SourceFile {
    if bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      return try SourceFile(path: path, bytes: bytes)
    }
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      return try SourceFile(path: path, bytes: bytes)
    }
    // Find the header with the bytes read as Latin-1: its structure is ASCII in any
    // ASCII-compatible charset.
    let latin1 = SourceFile(
      path: path, utf16: bytes.map { UInt16($0) }, encoding: Encoding.latin1, hasBOM: false)
    var probe = POParser(file: latin1)
    let header = try? probe.parseHeader()
    let contentType = header.flatMap { parseHeader($0.text).first { $0.0 == "Content-Type" }?.1 }
    if let header, let contentType, let charset = charset(inContentType: contentType) {
      return try SourceFile.decoding(
        bytes, charset: charset, path: path, declaredIn: "the PO header's Content-Type",
        line: header.line)
    }
    do {
      return try SourceFile(path: path, bytes: bytes)
    } catch var error as TermlintError {
      if let contentType {
        error.reason +=
          " (the header's Content-Type '\(contentType)' names no charset: 'charset=' must be followed directly by a name such as UTF-8 or CP1251)"
      } else {
        error.reason += " (no PO header names a charset, so UTF-8 is expected)"
      }
      throw error
    }
  }

  private typealias Encoding = SourceFile.Encoding

  /// The charset of a `Content-Type` value, as gettext reads it: the text right after
  /// `charset=` up to white space or `;`; nil when empty or the template's `CHARSET`.
  static func charset(inContentType value: String) -> String? {
    guard let range = value.range(of: "charset=", options: .caseInsensitive) else { return nil }
    let name = value[range.upperBound...].prefix {
      !($0 == " " || $0 == "\t" || $0 == ";" || $0 == "\n" || $0 == "\r")
    }
    if name.isEmpty || name == "CHARSET" { return nil }
    return String(name)
  }

  /// The `Field: value` lines of a header.
  static func parseHeader(_ text: String) -> [(String, String)] {
    text.split(separator: "\n").compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      guard !key.isEmpty else { return nil }
      return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
  }

  /// `nplurals` of a `Plural-Forms` value.
  static func pluralCount(_ value: String) -> Int? {
    guard let range = value.range(of: "nplurals") else { return nil }
    let rest = value[range.upperBound...].drop { $0 == " " || $0 == "=" }
    return Int(rest.prefix { $0.isASCII && $0.isNumber })
  }
}

extension SourceFile.Encoding {
  /// ISO-8859-1, used only to find a PO header's charset.
  static let latin1 = SourceFile.Encoding(rawValue: "ISO-8859-1")
}

// MARK: - Parser

/// A string field of an entry (`msgid`, `msgstr[1]` …) as it is being read.
struct POString {
  var builder: SpanBuilder
  /// UTF-16 offset just inside the first piece's opening quote (where an empty string is).
  var emptyAt: Int
  /// 1-based line of the keyword.
  var line: Int

  var isEmpty: Bool { builder.text.isEmpty }
  var string: String { String(utf16Units: builder.text) }

  func span(language: LanguageTag?) -> TextSpan {
    if builder.text.isEmpty {
      return TextSpan(
        file: builder.file, text: [],
        map: OffsetMap(runs: [], count: 0, sourceBase: emptyAt, sourceLength: 0), language: language
      )
    }
    let map = OffsetMap(
      runs: builder.runs, count: builder.text.count, sourceBase: 0,
      sourceLength: builder.file.utf16.count)
    return TextSpan(file: builder.file, text: builder.text, map: map, language: language)
  }
}

/// One PO entry.
struct POEntry {
  var obsolete = false
  var comments: [String] = []
  var extracted: [String] = []
  var references: [String] = []
  var flags: [String] = []
  var previous: [String: String] = [:]
  var msgctxt: POString?
  var msgid: POString?
  var msgidPlural: POString?
  var msgstr: [POString] = []
  var isPlural = false

  var hasContent: Bool { msgctxt != nil || msgid != nil }

  func units(file: SourceFile, source: LanguageTag?, target: LanguageTag?, nplurals: Int?) -> [Unit]
  {
    guard let msgid else { return [] }
    let key = msgctxt.map { "\($0.string)|\(msgid.string)" } ?? msgid.string
    var metadata: [String: String] = ["line": String(msgid.line)]
    metadata["msgctxt"] = msgctxt?.string
    if !flags.isEmpty { metadata["flags"] = flags.joined(separator: ", ") }
    if flags.contains("fuzzy") { metadata["fuzzy"] = "yes" }
    if !comments.isEmpty { metadata["comment"] = comments.joined(separator: "\n") }
    if !extracted.isEmpty { metadata["extracted-comment"] = extracted.joined(separator: "\n") }
    if !references.isEmpty { metadata["references"] = references.joined(separator: " ") }
    metadata["previous-msgctxt"] = previous["msgctxt"]
    metadata["previous-msgid"] = previous["msgid"]
    if obsolete { metadata["skipped"] = "obsolete" }
    guard isPlural else {
      return [
        Unit(
          id: key, source: msgid.span(language: source),
          target: msgstr.first?.span(language: target), metadata: metadata)
      ]
    }
    metadata["nplurals"] = String(nplurals ?? msgstr.count)
    return msgstr.enumerated().map { n, form in
      var m = metadata
      m["plural-index"] = String(n)
      let from = n == 0 ? msgid : (msgidPlural ?? msgid)
      return Unit(
        id: "\(key)[\(n)]", source: from.span(language: source),
        target: form.span(language: target), metadata: m)
    }
  }
}

/// A line-oriented parser of PO syntax over a decoded file.
struct POParser {
  let file: SourceFile
  private let u: [UInt16]

  private enum Field: Equatable {
    case msgctxt, msgid, msgidPlural
    case msgstr(Int)
  }

  private var entries: [POEntry] = []
  private var entry = POEntry()
  private var field: Field?
  private var previousField: String?

  init(file: SourceFile) {
    self.file = file
    self.u = file.utf16
  }

  /// Parses the whole file into entries (the header, if any, first).
  mutating func parse() throws -> [POEntry] {
    for line in 1...file.lineStarts.count {
      try parseLine(line)
    }
    try finishEntry(atLine: file.lineStarts.count)
    return entries
  }

  /// Parses only as far as the first entry, and returns its `msgstr` and the line of its
  /// `msgstr` keyword when it is a header.
  mutating func parseHeader() throws -> (text: String, line: Int)? {
    for line in 1...file.lineStarts.count {
      try parseLine(line)
      if !entries.isEmpty { break }
    }
    if entries.isEmpty { try finishEntry(atLine: file.lineStarts.count) }
    guard let first = entries.first, first.msgctxt == nil, first.msgid?.isEmpty == true,
      let msgstr = first.msgstr.first
    else { return nil }
    return (msgstr.string, msgstr.line)
  }

  private mutating func parseLine(_ line: Int) throws {
    let range = file.lineRange(line)
    var k = range.lowerBound
    let end = range.upperBound
    while k < end && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
    if k == end { return }
    var obsolete = false
    if u[k] == 0x23 {  // #
      guard k + 1 < end else {
        try startCommentLine(line, obsolete: false)
        return
      }
      switch u[k + 1] {
      case 0x7E:  // #~
        obsolete = true
        k += 2
        if k < end && u[k] == 0x7C {  // #~| previous, in an obsolete entry
          try startCommentLine(line, obsolete: true)
          try parsePrevious(k + 1, end: end, line: line)
          return
        }
        while k < end && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
        if k == end { return }
      case 0x2C:  // #,
        try startCommentLine(line, obsolete: false)
        entry.flags += fields(k + 2, end, separatedBy: { $0 == 0x2C }, trimming: true)
        return
      case 0x2E:  // #.
        try startCommentLine(line, obsolete: false)
        entry.extracted.append(trimmedText(k + 2, end))
        return
      case 0x3A:  // #:
        try startCommentLine(line, obsolete: false)
        entry.references += fields(
          k + 2, end, separatedBy: { $0 == 0x20 || $0 == 0x09 }, trimming: false)
        return
      case 0x7C:  // #|
        try startCommentLine(line, obsolete: false)
        try parsePrevious(k + 2, end: end, line: line)
        return
      default:
        try startCommentLine(line, obsolete: false)
        let body = text(k + 1, end)
        entry.comments.append(body.hasPrefix(" ") ? String(body.dropFirst()) : body)
        return
      }
    }
    if u[k] == 0x22 {  // continuation string
      guard let field else {
        throw error(utf16Offset: k, "a string with no keyword before it (expected msgid, msgstr …)")
      }
      if entry.obsolete != obsolete {
        throw error(utf16Offset: k, "an obsolete (#~) line and a live line in one entry")
      }
      var target = self[field]
      try appendString(at: k, end: end, to: &target)
      self[field] = target
      return
    }
    try parseKeyword(at: k, end: end, line: line, obsolete: obsolete)
  }

  private mutating func parseKeyword(at start: Int, end: Int, line: Int, obsolete: Bool) throws {
    var k = start
    while k < end && ((u[k] >= 0x61 && u[k] <= 0x7A) || u[k] == 0x5F) { k += 1 }
    let keyword = text(start, k)
    var newField: Field
    switch keyword {
    case "msgctxt": newField = .msgctxt
    case "msgid": newField = .msgid
    case "msgid_plural": newField = .msgidPlural
    case "msgstr":
      if k < end && u[k] == 0x5B {  // [
        var d = k + 1
        while d < end && u[d] >= 0x30 && u[d] <= 0x39 { d += 1 }
        guard d > k + 1, d < end, u[d] == 0x5D, let n = Int(text(k + 1, d)) else {
          throw error(utf16Offset: k, "malformed plural index (expected msgstr[N])")
        }
        newField = .msgstr(n)
        k = d + 1
      } else {
        newField = .msgstr(-1)
      }
    default:
      throw error(
        utf16Offset: start,
        keyword.isEmpty
          ? "expected a keyword (msgctxt, msgid, msgid_plural, msgstr), a string or a comment"
          : "unknown keyword '\(keyword)'")
    }
    // Order: [msgctxt] msgid [msgid_plural] (msgstr | msgstr[0] msgstr[1] …).
    switch newField {
    case .msgctxt, .msgid:
      if entry.msgid != nil && !entry.msgstr.isEmpty { try finishEntry(atLine: line) }
      if newField == .msgctxt && entry.hasContent {
        throw error(utf16Offset: start, "'msgctxt' must come before 'msgid'")
      }
      if newField == .msgid && entry.msgid != nil {
        throw error(utf16Offset: start, "a second 'msgid' before any 'msgstr'")
      }
      if entry.hasContent && entry.obsolete != obsolete {
        throw error(utf16Offset: start, "an obsolete (#~) line and a live line in one entry")
      }
      entry.obsolete = obsolete
    case .msgidPlural:
      guard entry.msgid != nil, entry.msgstr.isEmpty, entry.msgidPlural == nil else {
        throw error(utf16Offset: start, "'msgid_plural' must follow 'msgid'")
      }
    case .msgstr(let n):
      guard entry.msgid != nil else {
        throw error(utf16Offset: start, "'msgstr' without a 'msgid' before it")
      }
      if n < 0 {
        guard entry.msgidPlural == nil else {
          throw error(
            utf16Offset: start, "an entry with 'msgid_plural' needs 'msgstr[0]', 'msgstr[1]' …")
        }
        guard entry.msgstr.isEmpty else {
          throw error(utf16Offset: start, "a second 'msgstr' in one entry")
        }
      } else {
        guard entry.msgidPlural != nil else {
          throw error(utf16Offset: start, "'msgstr[\(n)]' in an entry without 'msgid_plural'")
        }
        guard n == entry.msgstr.count else {
          throw error(
            utf16Offset: start,
            "'msgstr[\(n)]' is out of order (expected msgstr[\(entry.msgstr.count)])")
        }
      }
    }
    if entry.obsolete != obsolete {
      throw error(utf16Offset: start, "an obsolete (#~) line and a live line in one entry")
    }
    while k < end && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
    guard k < end, u[k] == 0x22 else {
      throw error(utf16Offset: k, "'\(keyword)' must be followed by a quoted string")
    }
    var string = POString(builder: SpanBuilder(file: file), emptyAt: k + 1, line: line)
    try appendString(at: k, end: end, to: &string)
    switch newField {
    case .msgctxt: entry.msgctxt = string
    case .msgid: entry.msgid = string
    case .msgidPlural:
      entry.msgidPlural = string
      entry.isPlural = true
    case .msgstr: entry.msgstr.append(string)
    }
    field = newField
  }

  private subscript(field: Field) -> POString {
    get {
      switch field {
      case .msgctxt: return entry.msgctxt!
      case .msgid: return entry.msgid!
      case .msgidPlural: return entry.msgidPlural!
      case .msgstr: return entry.msgstr[entry.msgstr.count - 1]
      }
    }
    set {
      switch field {
      case .msgctxt: entry.msgctxt = newValue
      case .msgid: entry.msgid = newValue
      case .msgidPlural: entry.msgidPlural = newValue
      case .msgstr: entry.msgstr[entry.msgstr.count - 1] = newValue
      }
    }
  }

  /// A comment line: it ends an entry that has its `msgstr`, and may not sit inside one.
  private mutating func startCommentLine(_ line: Int, obsolete: Bool) throws {
    if entry.msgid != nil && !entry.msgstr.isEmpty {
      try finishEntry(atLine: line)
    } else if entry.msgid != nil {
      throw error(utf16Offset: file.lineStarts[line - 1], "a comment between 'msgid' and 'msgstr'")
    }
  }

  /// `#| msgid "…"` and its continuation lines: previous values of a fuzzy entry.
  private mutating func parsePrevious(_ start: Int, end: Int, line: Int) throws {
    var k = start
    while k < end && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
    if k == end { return }
    var key: String
    if u[k] == 0x22 {
      guard let previousField else { return }
      key = previousField
    } else {
      let wordStart = k
      while k < end && ((u[k] >= 0x61 && u[k] <= 0x7A) || u[k] == 0x5F) { k += 1 }
      key = text(wordStart, k)
      while k < end && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
      guard k < end, u[k] == 0x22 else { return }
      previousField = key
    }
    var string = POString(builder: SpanBuilder(file: file), emptyAt: k + 1, line: line)
    try appendString(at: k, end: end, to: &string)
    entry.previous[key, default: ""] += string.string
  }

  private mutating func finishEntry(atLine line: Int) throws {
    if entry.hasContent {
      guard entry.msgid != nil else {
        throw TermlintError.input(
          file.path, line: entry.msgctxt?.line ?? line, "'msgctxt' without a 'msgid' after it")
      }
      guard !entry.msgstr.isEmpty else {
        throw TermlintError.input(
          file.path, line: entry.msgid?.line ?? line, "'msgid' without a 'msgstr' after it")
      }
      entries.append(entry)
    }
    entry = POEntry()
    field = nil
    previousField = nil
  }

  /// Appends the quoted string starting at `start` (the `"`) to `string`.
  private func appendString(at start: Int, end: Int, to string: inout POString) throws {
    var k = start + 1
    var pieceStart = k
    var escapedBytes: [UInt8] = []
    var escapedStart = 0
    func flushBytes(upTo stop: Int) throws {
      guard !escapedBytes.isEmpty else { return }
      let units: [UInt16]
      if file.encoding == .utf8 || file.encoding == .utf16LE || file.encoding == .utf16BE {
        guard let s = String(validating: escapedBytes, as: UTF8.self) else {
          throw error(utf16Offset: escapedStart, "octal or hex escapes that are not valid UTF-8")
        }
        units = Array(s.utf16)
      } else {
        guard
          let decoded = try? CharsetConverter.decode(
            escapedBytes[...], charset: file.encoding.rawValue)
        else {
          throw error(
            utf16Offset: escapedStart,
            "octal or hex escapes that are not valid \(file.encoding.rawValue)")
        }
        units = decoded
      }
      string.builder.append(units, standingFor: escapedStart..<stop)
      escapedBytes = []
    }
    while k < end {
      let c = u[k]
      if c == 0x22 {
        try flushBytes(upTo: k)
        string.builder.append(pieceStart..<k)
        var rest = k + 1
        while rest < end && (u[rest] == 0x20 || u[rest] == 0x09) { rest += 1 }
        guard rest == end else {
          throw error(utf16Offset: rest, "unexpected text after the closing quote")
        }
        return
      }
      guard c == 0x5C else {
        try flushBytes(upTo: k)
        k += 1
        continue
      }
      // An escape.
      guard k + 1 < end else {
        throw error(
          utf16Offset: k, "a backslash at the end of the line (strings cannot span lines)")
      }
      let e = u[k + 1]
      var length = 2
      var value: UInt32
      switch e {
      case 0x6E: value = 0x0A  // n
      case 0x74: value = 0x09  // t
      case 0x72: value = 0x0D  // r
      case 0x61: value = 0x07  // a
      case 0x62: value = 0x08  // b
      case 0x66: value = 0x0C  // f
      case 0x76: value = 0x0B  // v
      case 0x5C, 0x22, 0x27, 0x3F: value = UInt32(e)
      case 0x30...0x37:
        value = 0
        var d = k + 1
        while d < end && d < k + 4 && u[d] >= 0x30 && u[d] <= 0x37 {
          value = value * 8 + UInt32(u[d] - 0x30)
          d += 1
        }
        length = d - k
      case 0x78:  // x
        value = 0
        var d = k + 2
        while d < end, let digit = hexValue(u[d]), d < k + 4 {
          value = value * 16 + digit
          d += 1
        }
        guard d > k + 2 else { throw error(utf16Offset: k, "'\\x' must be followed by hex digits") }
        length = d - k
      default:
        throw error(
          utf16Offset: k,
          "unknown escape '\\\(String(utf16Units: [e]))' (write '\\\\' for a backslash)")
      }
      string.builder.append(pieceStart..<k)
      if value >= 0x80 && value <= 0xFF && (e == 0x78 || (e >= 0x30 && e <= 0x37)) {
        if escapedBytes.isEmpty { escapedStart = k }
        escapedBytes.append(UInt8(value))
      } else {
        try flushBytes(upTo: k)
        string.builder.append([UInt16(value)], standingFor: k..<(k + length))
      }
      k += length
      pieceStart = k
    }
    throw error(utf16Offset: start, "the string is not closed with '\"' on this line")
  }

  private func hexValue(_ c: UInt16) -> UInt32? {
    switch c {
    case 0x30...0x39: return UInt32(c - 0x30)
    case 0x61...0x66: return UInt32(c - 0x61 + 10)
    case 0x41...0x46: return UInt32(c - 0x41 + 10)
    default: return nil
    }
  }

  private func text(_ start: Int, _ end: Int) -> String {
    start < end ? String(utf16Units: u[start..<end]) : ""
  }

  /// Whether a code unit is white space as `CharacterSet.whitespaces` has it (a tab or a space
  /// separator).
  private static func isBlank(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x09
      || (unit > 0x7F && Unicode.Scalar(unit)?.properties.generalCategory == .spaceSeparator)
  }

  /// The text between `start` and `end` without white space at either end.
  private func trimmedText(_ start: Int, _ end: Int) -> String {
    var a = start
    var b = end
    while a < b && Self.isBlank(u[a]) { a += 1 }
    while b > a && Self.isBlank(u[b - 1]) { b -= 1 }
    return text(a, b)
  }

  /// The non-empty fields between `start` and `end` split at code units that `isSeparator`
  /// accepts, each trimmed of white space when `trimming` (`#,` flags, `#:` references), read
  /// from the code units without making the line a `String` first.
  private func fields(
    _ start: Int, _ end: Int, separatedBy isSeparator: (UInt16) -> Bool, trimming: Bool
  ) -> [String] {
    var fields: [String] = []
    var a = start
    while a <= end {
      var b = a
      while b < end && !isSeparator(u[b]) { b += 1 }
      let field = trimming ? trimmedText(a, b) : text(a, b)
      if !field.isEmpty { fields.append(field) }
      a = b + 1
    }
    return fields
  }

  private func error(utf16Offset offset: Int, _ reason: String) -> TermlintError {
    file.inputError(utf16Offset: offset, "PO syntax error: \(reason)")
  }
}
