import Algorithms
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The original text of one input, decoded once, with a line index.
///
/// All offsets Termlint keeps are UTF-16 offsets into `utf16`; only `SourceFile` turns them into
/// 1-based lines and 1-based columns counted in Unicode code points.
public struct SourceFile: Sendable {
  /// How the bytes were encoded: UTF-8, UTF-16LE, UTF-16BE, or the legacy charset a file
  /// declared (`windows-1251`, `KOI8-R` …, as written in the file).
  public struct Encoding: RawRepresentable, Hashable, Sendable, Codable {
    /// The charset name.
    public let rawValue: String
    /// Creates an encoding from a charset name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// UTF-8.
    public static let utf8 = Encoding(rawValue: "UTF-8")
    /// UTF-16, little-endian.
    public static let utf16LE = Encoding(rawValue: "UTF-16LE")
    /// UTF-16, big-endian.
    public static let utf16BE = Encoding(rawValue: "UTF-16BE")
  }

  /// The line ending style found in the file.
  public enum LineEnding: String, Sendable, Codable {
    case lf = "LF"
    case crlf = "CRLF"
    case cr = "CR"
    case mixed, none
  }

  /// The path as the user gave it (`-` for standard input).
  public let path: String
  /// The decoded text as UTF-16 code units, without a byte-order mark.
  public let utf16: [UInt16]
  /// The encoding the bytes were decoded from.
  public let encoding: Encoding
  /// Whether the bytes started with a byte-order mark.
  public let hasBOM: Bool
  /// The line ending style.
  public let lineEnding: LineEnding
  /// UTF-16 offsets of the low halves of surrogate pairs, ascending (for code-point columns).
  let pairedLowSurrogates: [Int]
  /// UTF-16 offset of the first unit of every line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  /// Decodes text already in memory (tests, standard input as a string).
  public init(path: String, text: String) {
    self.init(path: path, utf16: Array(text.utf16), encoding: .utf8, hasBOM: false)
  }

  /// Decodes bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or UTF-16 without one when
  /// the NUL bytes give it away (see `bomlessUTF16(_:)`).
  ///
  /// - Throws: `TermlintError.input` naming the file and the byte offset of invalid UTF-8.
  public init(path: String, bytes: [UInt8]) throws {
    if let littleEndian = SourceFile.bomlessUTF16(bytes) {
      let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
      let units: [UInt16]
      do {
        // decodeUTF16 skips two bytes of byte-order mark; give it a pretend one.
        units = try SourceFile.decodeUTF16(
          (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + bytes, path: path,
          littleEndian: littleEndian)
      } catch let error as TermlintError {
        throw TermlintError.input(
          path,
          "looks like \(name) without a byte-order mark (NUL bytes at every other position) but cannot be decoded as such (\(error.reason)); save the file as UTF-8"
        )
      }
      self.init(
        path: path, utf16: units, encoding: littleEndian ? .utf16LE : .utf16BE, hasBOM: false)
      return
    }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      self.init(
        path: path, utf16: try SourceFile.decodeUTF16(bytes, path: path, littleEndian: true),
        encoding: .utf16LE, hasBOM: true)
    } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      self.init(
        path: path, utf16: try SourceFile.decodeUTF16(bytes, path: path, littleEndian: false),
        encoding: .utf16BE, hasBOM: true)
    } else {
      let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
      let units = try SourceFile.decodeUTF8(bytes, from: bom ? 3 : 0, path: path)
      self.init(path: path, utf16: units, encoding: .utf8, hasBOM: bom)
    }
  }

  /// Reads and decodes a file (`-` reads standard input).
  ///
  /// - Throws: `TermlintError.input` when the file cannot be read or decoded.
  public static func read(path: String) throws -> SourceFile {
    try SourceFile(path: path, bytes: readBytes(path: path))
  }

  /// Reads the raw bytes of a file (`-` reads standard input).
  ///
  /// Read with `read(2)` rather than `FileManager.contents(atPath:)`, which leaks a 4 KiB buffer
  /// on every empty file (found by AddressSanitizer, Documentation/Security.md) and cannot say
  /// why a read failed.
  ///
  /// - Throws: `TermlintError.input` naming the file: no such file, a folder, permission denied
  ///   or another read error.
  public static func readBytes(path: String) throws -> [UInt8] {
    if path == "-" { return try readAll(STDIN_FILENO, path: "<stdin>", sizeHint: 0) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw TermlintError.input(path, "no such file")
      case EACCES: throw TermlintError.input(path, "cannot be read (permission denied)")
      default:
        throw TermlintError.input(path, "cannot be read: \(String(cString: strerror(errno)))")
      }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw TermlintError.input(path, "cannot be read: \(String(cString: strerror(errno)))")
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      throw TermlintError.input(path, "is a directory, not a file")
    }
    return try readAll(
      fd, path: path, sizeHint: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0)
  }

  /// Reads a descriptor to its end; `sizeHint` (a regular file's size) saves reallocations.
  private static func readAll(_ fd: Int32, path: String, sizeHint: Int) throws -> [UInt8] {
    // The expected bytes are read straight into the array (one byte more, to see the end
    // without another call); a file that turns out longer goes on in chunks.
    var failure: Int32?
    var atEnd = false
    var bytes = [UInt8](unsafeUninitializedCapacity: sizeHint + 1) { buffer, count in
      while count < buffer.count {
        let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if n == 0 {
          atEnd = true
          return
        }
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        count += n
      }
    }
    if failure == nil && !atEnd {
      let chunk = 1 << 20
      var buffer = [UInt8](repeating: 0, count: chunk)
      while true {
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
        if n == 0 { break }
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        bytes.append(contentsOf: buffer[0..<n])
      }
    }
    if let failure {
      if failure == EISDIR { throw TermlintError.input(path, "is a directory, not a file") }
      throw TermlintError.input(path, "cannot be read: \(String(cString: strerror(failure)))")
    }
    return bytes
  }

  package init(path: String, utf16: [UInt16], encoding: Encoding, hasBOM: Bool) {
    self.path = path
    self.utf16 = utf16
    self.encoding = encoding
    self.hasBOM = hasBOM
    var starts = [0]
    var trailing: [Int] = []
    var lf = 0
    var crlf = 0
    var cr = 0
    var i = 0
    let n = utf16.count
    utf16.withUnsafeBufferPointer { u in
      while i < n {
        let c = u[i]
        if c >= 0xDC00 && c <= 0xDFFF {
          if i > 0 && u[i - 1] >= 0xD800 && u[i - 1] <= 0xDBFF { trailing.append(i) }
        } else if c == 0x0A {
          lf += 1
          starts.append(i + 1)
        } else if c == 0x0D {
          if i + 1 < n && u[i + 1] == 0x0A {
            crlf += 1
            i += 1
          } else {
            cr += 1
          }
          starts.append(i + 1)
        }
        i += 1
      }
    }
    self.lineStarts = starts
    self.pairedLowSurrogates = trailing
    let kinds = [lf > 0, crlf > 0, cr > 0].filter { $0 }.count
    if kinds == 0 {
      lineEnding = .none
    } else if kinds > 1 {
      lineEnding = .mixed
    } else {
      lineEnding = lf > 0 ? .lf : (crlf > 0 ? .crlf : .cr)
    }
  }

  /// The whole text as a string.
  public var text: String { String(utf16Units: utf16) }

  /// The 0-based index of the line containing a UTF-16 offset.
  public func lineIndex(utf16Offset offset: Int) -> Int {
    max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
  }

  /// The 1-based line and 1-based column (in Unicode code points) of a UTF-16 offset.
  public func position(utf16Offset offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(0, offset), utf16.count)
    let index = lineIndex(utf16Offset: offset)
    let start = lineStarts[index]
    // Code points = UTF-16 units minus the low halves of surrogate pairs in between. Counted by
    // binary search, so a finding on a line of megabytes costs no more than one on a short line.
    let pairs =
      Self.countBelow(offset, in: pairedLowSurrogates)
      - Self.countBelow(start, in: pairedLowSurrogates)
    return (index + 1, offset - start - pairs + 1)
  }

  /// How many elements of the sorted `values` are below `bound`.
  private static func countBelow(_ bound: Int, in values: [Int]) -> Int {
    values.partitioningIndex { $0 >= bound }
  }

  /// The UTF-16 range of a 1-based line, without its line terminator.
  public func lineRange(_ line: Int) -> Range<Int> {
    let index = min(max(line - 1, 0), lineStarts.count - 1)
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : utf16.count
    while end > start && (utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D) { end -= 1 }
    return start..<end
  }

  /// The text of a 1-based line, without its line terminator.
  public func lineText(_ line: Int) -> String { text(in: lineRange(line)) }

  /// The original text in a UTF-16 range (clamped to the file).
  public func text(in range: Range<Int>) -> String {
    let lower = min(max(0, range.lowerBound), utf16.count)
    let upper = min(max(lower, range.upperBound), utf16.count)
    return String(utf16Units: utf16[lower..<upper])
  }

  // MARK: - Decoding

  /// Whether `bytes` from `start` are UTF-8 that `decodeUTF8` accepts (shortest forms, no
  /// surrogates, nothing above U+10FFFF), without decoding them: a reader of UTF-8 (TBX) checks
  /// them once, then reads the bytes themselves.
  package static func isStrictUTF8(_ bytes: [UInt8], from start: Int) -> Bool {
    bytes.withUnsafeBufferPointer { b in
      var i = start
      let n = b.count
      guard let base = b.baseAddress else { return true }
      while i < n {
        // Eight ASCII bytes at a time.
        if i + 8 <= n
          && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          i += 8
          continue
        }
        let b0 = b[i]
        if b0 < 0x80 {
          i += 1
          continue
        }
        // Two-byte characters (Cyrillic, Greek, Hebrew, Arabic …) without the general loop.
        if b0 >= 0xC2 && b0 <= 0xDF {
          guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return false }
          i += 2
          continue
        }
        guard let (_, length) = multiByteScalar(b, at: i) else { return false }
        i += length
      }
      return true
    }
  }

  /// The scalar of the multi-byte UTF-8 sequence whose lead byte is at `i`, and the sequence's
  /// length; nil when it is not a shortest form, is cut short, encodes a surrogate or lies above
  /// U+10FFFF (the one rule of `isStrictUTF8` and `decodeUTF8`).
  @inline(__always)
  private static func multiByteScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)?
  {
    let b0 = b[i]
    var scalar: UInt32
    let need: Int
    let minimum: UInt32
    if b0 & 0xE0 == 0xC0 {
      scalar = UInt32(b0 & 0x1F)
      need = 1
      minimum = 0x80
    } else if b0 & 0xF0 == 0xE0 {
      scalar = UInt32(b0 & 0x0F)
      need = 2
      minimum = 0x800
    } else if b0 & 0xF8 == 0xF0 {
      scalar = UInt32(b0 & 0x07)
      need = 3
      minimum = 0x10000
    } else {
      return nil
    }
    if i + need >= b.count { return nil }
    for k in 1...need {
      let bk = b[i + k]
      if bk & 0xC0 != 0x80 { return nil }
      scalar = scalar << 6 | UInt32(bk & 0x3F)
    }
    if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) {
      return nil
    }
    return (scalar, need + 1)
  }

  package static func decodeUTF8(_ bytes: [UInt8], from start: Int, path: String) throws -> [UInt16]
  {
    var out = [UInt16]()
    out.reserveCapacity(bytes.count - start)
    var failure: Int?
    bytes.withUnsafeBufferPointer { b in
      var i = start
      let n = b.count
      while i < n {
        let b0 = b[i]
        if b0 < 0x80 {
          out.append(UInt16(b0))
          i += 1
          continue
        }
        guard let (scalar, length) = multiByteScalar(b, at: i) else {
          failure = i
          return
        }
        if scalar >= 0x10000 {
          let v = scalar - 0x10000
          out.append(UInt16(0xD800 + (v >> 10)))
          out.append(UInt16(0xDC00 + (v & 0x3FF)))
        } else {
          out.append(UInt16(scalar))
        }
        i += length
      }
    }
    if let failure {
      throw TermlintError.input(
        path,
        "invalid UTF-8 at byte offset \(failure) (byte 0x\(String(bytes[failure], radix: 16, uppercase: true))); save the file as UTF-8"
      )
    }
    return out
  }

  /// Whether BOM-less bytes are UTF-16: true for little-endian, false for big-endian, nil when
  /// they are not UTF-16 (or start with a byte-order mark).
  ///
  /// UTF-8 text has no NUL bytes, but UTF-16 text has one in every space, line end, digit and
  /// Latin letter, always at the same parity (odd offsets for little-endian). So, in the first
  /// 8 KiB: at least 2 NUL bytes, at least one pair in ten with a NUL, and at most one NUL in
  /// twenty at the other parity. A binary file with NULs all over does not qualify.
  ///
  /// A short 8-bit file with a few stray NULs can pass that count, so two more tests keep it
  /// from being read as UTF-16 (which would silently turn it into CJK-looking text):
  /// - in 8-bit text the pairs without a NUL are two ASCII characters; in UTF-16 they are one
  ///   character of another script, and both of its bytes are printable ASCII only for some
  ///   CJK characters (Cyrillic, Greek, Arabic, Hangul never). When nine in ten NUL-free pairs
  ///   are two ASCII characters, the file is 8-bit text;
  /// - bytes that are valid UTF-8 with multi-byte sequences are UTF-8: UTF-16 with bytes of
  ///   0x80 and above almost never forms valid UTF-8.
  /// Such a file is then read as UTF-8, where its NULs stay visible (`invisible-character`).
  package static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
    if bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      return nil
    }
    let sample = min(bytes.count, 8192) & ~1
    guard sample >= 4 else { return nil }
    var even = 0
    var odd = 0
    // Pairs without a NUL, and those of them made of two ASCII text bytes.
    var nulFree = 0
    var asciiPairs = 0
    var high = false
    var i = 0
    while i < sample {
      let a = bytes[i]
      let b = bytes[i + 1]
      if a == 0 { even += 1 }
      if b == 0 { odd += 1 }
      if a != 0 && b != 0 {
        nulFree += 1
        if isASCIIText(a) && isASCIIText(b) { asciiPairs += 1 }
      }
      if a >= 0x80 || b >= 0x80 { high = true }
      i += 2
    }
    let pairs = sample / 2
    // A pair of two NULs (U+0000) says nothing about the byte order.
    let (major, minor, littleEndian) = odd >= even ? (odd, even, true) : (even, odd, false)
    guard major >= 2, major * 10 >= pairs, minor * 20 <= major else { return nil }
    if nulFree > 0 && asciiPairs * 10 >= nulFree * 9 { return nil }
    if high && isValidUTF8(bytes[..<sample]) { return nil }
    return littleEndian
  }

  /// A byte of plain ASCII text: printable, tab, line feed or carriage return.
  private static func isASCIIText(_ byte: UInt8) -> Bool {
    (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether a sample cut from a longer file is valid UTF-8, allowing its last character to be
  /// cut short.
  private static func isValidUTF8(_ sample: ArraySlice<UInt8>) -> Bool {
    (0...min(3, sample.count)).contains { cut in
      sample.suffix(cut).allSatisfy { $0 >= 0x80 }
        && String(validating: sample.dropLast(cut), as: UTF8.self) != nil
    }
  }

  /// The UTF-16 code units of `bytes` after a two-byte byte-order mark.
  ///
  /// - Throws: `TermlintError.input` for an odd number of bytes or an unpaired surrogate (with
  ///   its byte offset).
  package static func decodeUTF16(_ bytes: [UInt8], path: String, littleEndian: Bool) throws
    -> [UInt16]
  {
    if bytes.count % 2 != 0 {
      throw TermlintError.input(
        path, "UTF-16 file has an odd number of bytes (\(bytes.count)); it is truncated")
    }
    var out = [UInt16]()
    out.reserveCapacity(bytes.count / 2 - 1)
    var i = 2
    while i + 1 < bytes.count {
      out.append(
        littleEndian
          ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
          : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
      i += 2
    }
    var k = 0
    while k < out.count {
      let c = out[k]
      if c >= 0xD800 && c <= 0xDBFF {
        guard k + 1 < out.count, out[k + 1] >= 0xDC00, out[k + 1] <= 0xDFFF else {
          throw TermlintError.input(
            path, "invalid UTF-16 (unpaired surrogate) at byte offset \(2 + 2 * k)")
        }
        k += 2
      } else if c >= 0xDC00 && c <= 0xDFFF {
        throw TermlintError.input(
          path, "invalid UTF-16 (unpaired surrogate) at byte offset \(2 + 2 * k)")
      } else {
        k += 1
      }
    }
    return out
  }
}
