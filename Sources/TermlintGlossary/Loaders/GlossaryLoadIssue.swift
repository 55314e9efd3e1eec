import Foundation
import TermlintText

/// A problem found while loading a glossary that did not stop the load.
///
/// TBX loading is lenient (real termbases carry invalid values); what it skipped or could not
/// interpret is reported here so `glossary check` can show it.
public struct GlossaryLoadIssue: Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem an issue is, so `glossary check` can report it under a stable rule id.
  public enum Kind: String, Sendable, Equatable {
    /// A status value the loader does not know; the term is kept without a status.
    case unknownStatus
    /// A missing or invalid language tag; the term is skipped.
    case invalidLanguageTag
    /// A valid language tag not written in canonical BCP 47 form (`ru_RU`, `RU`).
    case languageTagSpelling
    /// An empty term, or a term section without a term; skipped.
    case emptyTerm
    /// A value outside its picklist (part of speech, case sensitivity, match mode).
    case invalidValue
    /// A concept id used twice; the later concept was renamed.
    case duplicateID
    /// Markup or content that was skipped for another reason.
    case skipped
    /// A TBX element whose name is a near miss of one the loader reads (`<termSek>`); its
    /// content is not read.
    case unknownElement
    /// A TBX data category (`type`) that is a near miss of one the loader reads
    /// (`administrativeStatu`); its value is not read.
    case unknownCategory
  }

  /// Whether the problem silently changes what the glossary says, so that linting with it
  /// would give other results than its author meant: an unknown status (the term would count as
  /// admitted), an unknown case-sensitivity or match-mode value, a misspelt element or data
  /// category. `lint` stops on these (exit status 2) as it does on a bad CSV or YAML row; the
  /// others (a non-canonical language tag, a part of speech outside the picklist, a duplicate
  /// id …) are real-world noise that `glossary check` reports.
  public var changesMeaning: Bool {
    switch kind {
    case .unknownStatus, .unknownElement, .unknownCategory: return true
    case .invalidValue: return !message.hasPrefix("partOfSpeech ")
    case .invalidLanguageTag, .languageTagSpelling, .emptyTerm, .duplicateID, .skipped: return false
    }
  }

  /// The glossary file.
  public var file: String?
  /// 1-based line, if known.
  public var line: Int?
  /// What was skipped or not understood.
  public var message: String
  /// The kind of problem.
  public var kind: Kind
  /// The text as written in the file that the issue is about (a status value, a language tag),
  /// used to point at it on its line; nil when there is none.
  public var value: String?
  /// 1-based column (Unicode code points) of that text, when the loader knows it.
  public var column: Int?

  /// Creates an issue.
  public init(
    file: String?, line: Int?, column: Int? = nil, _ message: String, kind: Kind = .skipped,
    value: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.kind = kind
    self.value = value
  }

  /// `file:line: message`, omitting what is unknown.
  public var description: String {
    var prefix = ""
    if let file {
      prefix = file
      if let line { prefix += ":\(line)" }
      prefix += ": "
    }
    return prefix + message
  }
}

// MARK: - Shared helpers for the loaders and writers

/// Helpers shared by the glossary loaders and writers.
package enum GlossarySupport {
  /// Removes a UTF-8 BOM and decodes UTF-8, or throws an input error at the line of the first
  /// invalid byte. (UTF-16 with a BOM is decoded too, for spreadsheets that export it.)
  static func decodeText(_ bytes: [UInt8], path: String) throws -> String {
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      let units = try SourceFile.decodeUTF16(bytes, path: path, littleEndian: bytes[0] == 0xFF)
      return String(decoding: units, as: UTF16.self)
    }
    let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    let body = bytes[start...]
    if let text = String(validating: body, as: UTF8.self) { return text }
    // Find the first invalid sequence to report its line.
    var iterator = body.makeIterator()
    var decoder = UTF8()
    var line = 1
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
      case .emptyInput: return String(decoding: body, as: UTF8.self)
      case .error:
        throw TermlintError.input(path, line: line, "not valid UTF-8 (save the file as UTF-8)")
      }
    }
  }

  /// Collapses runs of XML white space (space, tab, CR, LF) to one space and trims the ends.
  package static func collapseWhitespace(_ text: String) -> String {
    var text = text
    return text.withUTF8 { collapsedWhitespace($0) } ?? text
  }

  /// `collapseWhitespace` over UTF-8: the collapsed text, or nil when it is the text itself
  /// (as most texts are: single inner spaces only). The white space is ASCII, so it is found
  /// byte by byte; the bytes of other characters are copied as they are.
  package static func collapsedWhitespace(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
    var previous: UInt8 = 0x20
    var changes = false
    for byte in utf8 {
      if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
        changes = true
        break
      }
      previous = byte
    }
    if !changes && previous != 0x20 { return nil }
    return String(unsafeUninitializedCapacity: utf8.count) { out in
      var count = 0
      var pendingSpace = false
      for byte in utf8 {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
          pendingSpace = count > 0
        } else {
          if pendingSpace {
            out[count] = 0x20
            count += 1
          }
          pendingSpace = false
          out[count] = byte
          count += 1
        }
      }
      return count
    }
  }

  /// Orders a concept's terms by language (first appearance), keeping the order within each
  /// language. Every loader does this, so the YAML layout (terms grouped by language) is lossless.
  static func groupedByLanguage(_ terms: [Term]) -> [Term] {
    // Fast path: already grouped (each language's terms contiguous), as most files are.
    var seen: [LanguageTag] = []
    var grouped = true
    for term in terms where term.language != seen.last {
      if seen.contains(term.language) {
        grouped = false
        break
      }
      seen.append(term.language)
    }
    if grouped { return terms }
    var order: [LanguageTag] = []
    var groups: [LanguageTag: [Term]] = [:]
    for term in terms {
      if groups[term.language] == nil { order.append(term.language) }
      groups[term.language, default: []].append(term)
    }
    return order.flatMap { groups[$0] ?? [] }
  }

  /// The spelling used for a case-sensitivity value in every format.
  static func caseName(_ value: Bool) -> String { value ? "sensitive" : "insensitive" }

  /// Parses `sensitive` / `insensitive` (case-insensitively); nil for anything else.
  static func parseCase(_ raw: String) -> Bool? {
    switch raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
    case "sensitive": return true
    case "insensitive": return false
    default: return nil
    }
  }

  /// Parses `stem` / `exact` (case-insensitively); nil for anything else.
  static func parseMatch(_ raw: String) -> MatchMode? {
    MatchMode(rawValue: raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
  }

  /// `preferred, admitted, …` for error messages.
  static var statusList: String { TermStatus.allCases.map(\.rawValue).joined(separator: ", ") }
}

extension String {
  /// The string without leading and trailing white space (Unicode `White_Space`).
  package var trimmedForGlossary: String {
    if hasNoEdgeWhitespace { return self }
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
