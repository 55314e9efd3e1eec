import Foundation
import TermlintGlossary
import TermlintText

/// Accepted findings (`--write-baseline`, `--baseline`), recorded by rule, file and a
/// fingerprint of the matched text and the text around it, never by line number, so edits
/// elsewhere in the file keep the baseline valid.
///
/// The file is JSON, sorted for stable diffs:
///
/// ```json
/// {"schemaVersion": 1, "findings": [
///   {"fingerprint": "9f0c…", "path": "a.md", "rule": "quotes", "text": "\""}]}
/// ```
///
/// An entry hides one finding: two identical findings need two entries.
public struct Baseline: Sendable, Equatable {
  /// One accepted finding.
  public struct Entry: Sendable, Codable, Hashable, Comparable {
    /// The rule id.
    public var rule: String
    /// The file's path as given on the command line (a leading `./` dropped).
    public var path: String
    /// Hash of the rule, the matched text and the text around it.
    public var fingerprint: String
    /// The matched text, for people reading the file.
    public var text: String

    /// Creates an entry.
    public init(rule: String, path: String, fingerprint: String, text: String) {
      self.rule = rule
      self.path = path
      self.fingerprint = fingerprint
      self.text = text
    }

    public static func < (a: Entry, b: Entry) -> Bool {
      (a.path, a.rule, a.fingerprint, a.text) < (b.path, b.rule, b.fingerprint, b.text)
    }

    fileprivate var key: String { "\(path)\u{0}\(rule)\u{0}\(fingerprint)" }
  }

  private struct FileLayout: Codable {
    var schemaVersion: Int
    var findings: [Entry]
  }

  /// The accepted findings.
  public var entries: [Entry]

  /// Creates a baseline.
  public init(entries: [Entry]) { self.entries = entries.sorted() }

  /// Reads a baseline file.
  ///
  /// - Throws: `TermlintError` when the file is missing or not a baseline.
  public static func load(path: String) throws -> Baseline {
    try decode(Data(SourceFile.readBytes(path: path)), path: path)
  }

  /// Reads a baseline from its bytes (`path` names it in errors).
  public static func decode(_ data: Data, path: String) throws -> Baseline {
    do {
      let layout = try JSONDecoder().decode(FileLayout.self, from: data)
      guard layout.schemaVersion == 1 else {
        throw TermlintError.configuration(
          path, "unsupported baseline schemaVersion \(layout.schemaVersion) (this Termlint reads 1)"
        )
      }
      return Baseline(entries: layout.findings)
    } catch let error as TermlintError {
      throw error
    } catch {
      throw TermlintError.configuration(
        path, "not a Termlint baseline (\(Self.describe(error))); write one with --write-baseline")
    }
  }

  /// The file's bytes: JSON, keys and entries sorted, one entry per line.
  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let lines = entries.compactMap { try? encoder.encode($0) }.map {
      "    " + String(decoding: $0, as: UTF8.self)
    }
    let text =
      "{\n  \"schemaVersion\": 1,\n  \"findings\": [\n" + lines.joined(separator: ",\n")
      + (lines.isEmpty ? "" : "\n") + "  ]\n}\n"
    return Data(text.utf8)
  }

  /// The entry for a finding in its file.
  public static func entry(for finding: Finding, in file: SourceFile) -> Entry {
    let range = finding.location.utf16Range
    let before = context(file, from: range.lowerBound, forward: false)
    let after = context(file, from: range.upperBound, forward: true)
    let text = collapse(finding.matchedText)
    let fingerprint = Fingerprint.of(
      [finding.ruleID, text, before, after].joined(separator: "\u{0}"))
    return Entry(
      rule: finding.ruleID, path: normalized(finding.location.path), fingerprint: fingerprint,
      text: finding.matchedText)
  }

  /// Counts of entries by file, rule and fingerprint.
  func counts(forPath path: String) -> [String: Int] {
    let p = Self.normalized(path)
    var result: [String: Int] = [:]
    for e in entries where e.path == p { result[e.key, default: 0] += 1 }
    return result
  }

  /// Splits findings of one file into new ones and ones the baseline accepts.
  func split(_ findings: [Finding], file: SourceFile) -> (kept: [Finding], hidden: [Finding]) {
    var remaining = counts(forPath: file.path)
    if remaining.isEmpty { return (findings, []) }
    var kept: [Finding] = []
    var hidden: [Finding] = []
    for f in findings {
      let key = Self.entry(for: f, in: file).key
      if let n = remaining[key], n > 0 {
        remaining[key] = n - 1
        hidden.append(f)
      } else {
        kept.append(f)
      }
    }
    return (kept, hidden)
  }

  // MARK: - Private

  /// Up to 32 UTF-16 units of text before or after an offset, within the paragraph, with white
  /// space collapsed.
  private static func context(_ file: SourceFile, from offset: Int, forward: Bool) -> String {
    let u = file.utf16
    let limit = forward ? min(u.count, offset + 32) : max(0, offset - 32)
    var k = offset
    var newlines = 0
    while forward ? k < limit : k > limit {
      let c = forward ? u[k] : u[k - 1]
      if c == 0x0A { newlines += 1 } else if c != 0x0D && c != 0x20 && c != 0x09 { newlines = 0 }
      if newlines == 2 { break }  // a blank line ends the paragraph
      k += forward ? 1 : -1
    }
    return collapse(forward ? file.text(in: offset..<k) : file.text(in: k..<offset))
  }

  static func collapse(_ s: String) -> String {
    var s = s
    // ASCII text (the usual context) byte by byte: its white space is TAB to CR and space,
    // as `Character.isWhitespace` has it (CR LF is one Character and one separator here too).
    // Splitting into Characters took most of a run with millions of findings.
    let ascii: String? = s.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var space = false
      for b in bytes {
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
          space = !out.isEmpty
        } else {
          if space { out.append(0x20) }
          space = false
          out.append(b)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    return ascii ?? s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  private static func normalized(_ path: String) -> String {
    var p = path
    while p.hasPrefix("./") { p.removeFirst(2) }
    return p
  }

  private static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
      return "bad value at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
    case DecodingError.dataCorrupted: return "invalid JSON"
    default: return "\(error)"
    }
  }
}
