import Algorithms

/// A position as LSP counts it: 0-based line, 0-based character in UTF-16 code units.
public struct LSPPosition: Sendable, Hashable, Comparable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public init?(_ json: JSON) {
    guard let line = json["line"].int, let character = json["character"].int else { return nil }
    self.init(line: line, character: character)
  }

  public var json: JSON { ["line": .int(line), "character": .int(character)] }

  public static func < (a: LSPPosition, b: LSPPosition) -> Bool {
    a.line != b.line ? a.line < b.line : a.character < b.character
  }
}

/// A range of LSP positions (end exclusive).
public struct LSPRange: Sendable, Hashable {
  public var start: LSPPosition
  public var end: LSPPosition

  public init(start: LSPPosition, end: LSPPosition) {
    self.start = start
    self.end = end
  }

  public init?(_ json: JSON) {
    guard let start = LSPPosition(json["start"]), let end = LSPPosition(json["end"]) else {
      return nil
    }
    self.init(start: start, end: end)
  }

  public var json: JSON { ["start": start.json, "end": end.json] }

  /// Whether the ranges share a position (touching counts, so a cursor at a word's end hits it).
  public func touches(_ other: LSPRange) -> Bool { !(end < other.start || other.end < start) }
}

/// The text of an open document as UTF-16 code units, the unit LSP positions count in.
///
/// Lines end at LF, CR LF or CR, as LSP and `SourceFile` both define them.
public struct TextDocument: Sendable {
  public let uri: String
  public var languageID: String
  public var version: Int
  public private(set) var utf16: [UInt16]
  /// UTF-16 offsets where lines start.
  public private(set) var lineStarts: [Int]

  public init(uri: String, languageID: String, version: Int, text: String) {
    self.uri = uri
    self.languageID = languageID
    self.version = version
    self.utf16 = Array(text.utf16)
    self.lineStarts = TextDocument.lineStarts(utf16)
  }

  /// The text as a string (an unpaired surrogate becomes U+FFFD, also one UTF-16 unit).
  public var text: String { String(decoding: utf16, as: UTF16.self) }

  /// Replaces the whole text.
  public mutating func replaceAll(with text: String) {
    utf16 = Array(text.utf16)
    lineStarts = TextDocument.lineStarts(utf16)
  }

  /// Replaces a range (an incremental change).
  public mutating func replace(_ range: LSPRange, with text: String) {
    let a = offset(of: range.start)
    let b = max(a, offset(of: range.end))
    utf16.replaceSubrange(a..<b, with: Array(text.utf16))
    lineStarts = TextDocument.lineStarts(utf16)
  }

  /// The UTF-16 offset of a position; a line past the end means the end of the text and a
  /// character past the end of its line means the line's end (as LSP asks).
  public func offset(of position: LSPPosition) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return utf16.count }
    let start = lineStarts[position.line]
    return start + min(max(0, position.character), lineEnd(position.line) - start)
  }

  /// The position of a UTF-16 offset.
  public func position(of offset: Int) -> LSPPosition {
    let offset = min(max(0, offset), utf16.count)
    let line = max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
    return LSPPosition(line: line, character: offset - lineStarts[line])
  }

  /// The offset where a 0-based line's text ends (before its line break).
  public func lineEnd(_ line: Int) -> Int {
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : utf16.count
    let start = lineStarts[line]
    while end > start && (utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D) { end -= 1 }
    return end
  }

  /// The text of a 0-based line without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 0 && line < lineStarts.count else { return "" }
    return String(decoding: utf16[lineStarts[line]..<lineEnd(line)], as: UTF16.self)
  }

  /// The line break the document uses (its first one; LF when it has none).
  public var lineBreak: String {
    guard let i = utf16.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
    if utf16[i] == 0x0A { return "\n" }
    return i + 1 < utf16.count && utf16[i + 1] == 0x0A ? "\r\n" : "\r"
  }

  static func lineStarts(_ u: [UInt16]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < u.count {
      if u[i] == 0x0A {
        starts.append(i + 1)
      } else if u[i] == 0x0D {
        if i + 1 < u.count && u[i + 1] == 0x0A { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    return starts
  }
}
