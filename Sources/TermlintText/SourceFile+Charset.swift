extension SourceFile {
  /// How a charset name declared in a file is to be read.
  package enum DeclaredCharset: Equatable {
    /// UTF-8 (also US-ASCII's superset when the name says UTF-8).
    case utf8
    /// A UTF-16 or UTF-32 name, which bytes without a byte-order mark cannot be.
    case wide
    /// Any other name, for ICU's converters.
    case legacy(String)

    /// Classifies a declared name (`UTF-8`, `utf8`, `UTF-16`, `windows-1251` …).
    package init(_ name: String) {
      let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
      switch key {
      case "utf8": self = .utf8
      case "utf16", "utf16le", "utf16be", "ucs2", "iso10646ucs2", "utf32", "utf32le", "utf32be",
        "ucs4", "iso10646ucs4":
        self = .wide
      default: self = .legacy(name)
      }
    }
  }

  /// Decodes bytes (after any byte-order mark, which the caller has ruled out) in the charset a
  /// file declares.
  ///
  /// Bytes that are valid UTF-8 and hold non-ASCII characters are decoded as UTF-8 even when
  /// the declaration names a legacy charset (see the note in the body).
  ///
  /// - Parameters:
  ///   - bytes: the whole file.
  ///   - charset: the declared name, as written.
  ///   - path: the file's path, for errors.
  ///   - declaredIn: where the name was declared, for errors ("the XML declaration").
  ///   - line: the 1-based line of the declaration, for errors.
  /// - Throws: `TermlintError.input` naming the file when the charset is unknown to ICU, is not
  ///   ASCII-compatible, or does not define a byte sequence of the file (with its line).
  package static func decoding(
    _ bytes: [UInt8], charset: String, path: String, declaredIn: String, line: Int?
  ) throws -> SourceFile {
    switch DeclaredCharset(charset) {
    case .utf8:
      return try SourceFile(path: path, bytes: bytes)
    case .wide:
      throw TermlintError.input(
        path, line: line,
        "\(declaredIn) declares '\(charset)', but the file has no byte-order mark and its bytes are not \(charset); save it as UTF-8 (or as UTF-16 with a byte-order mark)"
      )
    case .legacy(let name):
      // Bytes that are valid UTF-8 with non-ASCII characters are UTF-8 whatever the declaration
      // says: legacy text is practically never valid UTF-8 (a Cyrillic letter in CP1251 or
      // KOI8-R followed by another letter is not), while files saved as UTF-8 with a stale
      // declaration are common. Decoding them as declared would garble every character.
      if bytes.contains(where: { $0 >= 0x80 }),
        let units = try? decodeUTF8(bytes, from: 0, path: path)
      {
        return SourceFile(path: path, utf16: units, encoding: .utf8, hasBOM: false)
      }
      guard CharsetConverter.isKnown(name) else {
        throw TermlintError.input(
          path, line: line, "unknown encoding '\(name)' in \(declaredIn); convert the file to UTF-8"
        )
      }
      guard CharsetConverter.isASCIICompatible(name) else {
        throw TermlintError.input(
          path, line: line,
          "encoding '\(name)' in \(declaredIn) is not supported (it is not ASCII-compatible); convert the file to UTF-8"
        )
      }
      do {
        let units = try CharsetConverter.decode(bytes[...], charset: name)
        return SourceFile(
          path: path, utf16: units, encoding: Encoding(rawValue: name), hasBOM: false)
      } catch .invalidBytes(let offset) {
        let badLine = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        throw TermlintError.input(
          path, line: badLine,
          "byte 0x\(byte) at byte offset \(offset) is not valid in '\(name)', the encoding \(declaredIn) names; fix the declaration or convert the file to UTF-8"
        )
      } catch {
        throw TermlintError.input(
          path, line: line,
          "the file cannot be decoded as '\(name)' (ICU error \(error)); convert it to UTF-8")
      }
    }
  }
}
