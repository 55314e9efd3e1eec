import Algorithms
import Foundation
import TermlintGlossary
import TermlintText

/// The JSON-lines protocol between Termlint and an external rule (version 1).
///
/// Input, one JSON object per line: a `document` line, then one `unit` line per unit. Output:
/// one finding per line (blank lines are ignored). All offsets are counted in Unicode code
/// points of the unit's `text` (what Python's `str` indexes), `end` exclusive.
enum ExternalRuleProtocol {
  /// The first input line.
  struct DocumentLine: Encodable {
    let type = "document"
    let `protocol`: Int
    let rule: String
    let path: String
    let format: String
    let sourceLanguage: String?
    let targetLanguage: String?
    let options: [String: String]
  }

  /// One input line per unit.
  struct UnitLine: Encodable {
    let type = "unit"
    let id: String
    let metadata: [String: String]
    let target: Side?
    let source: Side?
  }

  /// One side of a unit.
  struct Side: Encodable {
    let text: String
    let language: String?
    let terms: [TermLine]
  }

  /// A glossary term found in a side's text.
  struct TermLine: Encodable {
    let start: Int
    let end: Int
    let concept: String
    let term: String
    let status: String
  }

  /// Output that breaks the protocol.
  struct OutputError: Error {
    /// 1-based line of the output.
    let line: Int
    let reason: String
  }

  /// The keys an output line may have.
  static let outputKeys: Set<String> = [
    "unit", "side", "start", "end", "message", "severity", "suggestions",
  ]

  /// The input for one document.
  static func input(
    for document: AnnotatedDocument, rule: String, options: [String: String],
    glossary: CompiledGlossary
  ) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = Data()
    func append(_ value: some Encodable) {
      // NOTE: these values always encode; a failure would be a programming error.
      guard let data = try? encoder.encode(value) else { return }
      out.append(data)
      out.append(0x0A)
    }
    append(
      DocumentLine(
        protocol: ExternalRule.protocolVersion, rule: rule, path: document.document.file.path,
        format: document.document.format,
        sourceLanguage: document.sourceLanguage?.value,
        targetLanguage: document.targetLanguage?.value, options: options))
    for unit in document.units {
      append(
        UnitLine(
          id: unit.unit.id, metadata: unit.unit.metadata,
          target: unit.target.map { side($0, glossary: glossary) },
          source: unit.source.map { side($0, glossary: glossary) }))
    }
    return out
  }

  private static func side(_ span: AnnotatedSpan, glossary: CompiledGlossary) -> Side {
    let offsets = CodePointOffsets(span.text)
    let terms = span.hits.map { hit -> TermLine in
      let entry = glossary.entries[hit.entryIndex]
      let range = span.normalized.map.sourceRange(hit.normalizedRange)
      return TermLine(
        start: offsets.codePoint(utf16: range.lowerBound),
        end: offsets.codePoint(utf16: range.upperBound),
        concept: glossary.concept(of: entry).id, term: entry.term.text,
        status: entry.term.effectiveStatus.rawValue)
    }
    return Side(text: span.string, language: span.language?.value, terms: terms)
  }

  /// Reads the findings an external rule wrote.
  ///
  /// - Throws: `OutputError` for a line that is not a JSON object, has unknown or missing keys,
  ///   names an unknown unit or has offsets outside the unit's text.
  static func findings(
    from output: Data, document: AnnotatedDocument, descriptor: RuleDescriptor, context: RuleContext
  ) throws -> [Finding] {
    let units = Dictionary(
      document.units.map { ($0.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
    var findings: [Finding] = []
    let text = String(decoding: output, as: UTF8.self)
    for (k, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty { continue }
      let number = k + 1
      func fail(_ reason: String) -> OutputError { OutputError(line: number, reason: reason) }
      guard
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
      else {
        throw fail("not a JSON object ('\(line.prefix(60))')")
      }
      if let unknown = object.keys.sorted().first(where: { !outputKeys.contains($0) }) {
        throw fail(
          "unknown key '\(unknown)' (allowed: \(outputKeys.sorted().joined(separator: ", ")))")
      }
      guard let unitID = object["unit"] as? String else {
        throw fail("missing 'unit' (a unit id from the input)")
      }
      guard let unit = units[unitID] else { throw fail("unknown unit '\(unitID)'") }
      let sideName = object["side"] as? String ?? "target"
      guard
        let span = sideName == "target" ? unit.target : (sideName == "source" ? unit.source : nil)
      else {
        throw fail("unit '\(unitID)' has no \(sideName) text ('side' is 'target' or 'source')")
      }
      guard let message = object["message"] as? String, !message.isEmpty else {
        throw fail("missing 'message'")
      }
      guard let start = integer(object["start"]), let end = integer(object["end"]) else {
        throw fail("'start' and 'end' must be integers (code point offsets in the unit's text)")
      }
      let offsets = CodePointOffsets(span.text)
      guard start >= 0, start <= end, end <= offsets.count else {
        throw fail(
          "offsets \(start)..<\(end) lie outside unit '\(unitID)' (\(offsets.count) code points)")
      }
      var severity = context.severity
      if let s = object["severity"] {
        guard let name = s as? String, let value = Severity(rawValue: name) else {
          throw fail("'severity' must be error, warning or info")
        }
        severity = value
      }
      var suggestions: [String] = []
      if let s = object["suggestions"] {
        guard let list = s as? [String] else {
          throw fail("'suggestions' must be a list of strings")
        }
        suggestions = list
      }
      let fileRange = span.fileRange(
        text: offsets.utf16(codePoint: start)..<offsets.utf16(codePoint: end))
      var finding = context.finding(
        descriptor, in: span, fileRange: fileRange, message: message, suggestions: suggestions,
        unit: unit.unit, side: sideName)
      finding.severity = severity
      findings.append(finding)
    }
    return findings
  }

  /// An integer JSON number (not a boolean, not a fraction).
  private static func integer(_ value: Any?) -> Int? {
    // NOTE: JSON booleans arrive as a boolean NSNumber subclass, which also converts to Int.
    guard let number = value as? NSNumber, !String(describing: type(of: number)).contains("Boolean")
    else { return nil }
    let d = number.doubleValue
    return d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
  }
}

/// Converts between code point indices and UTF-16 offsets of one text.
struct CodePointOffsets {
  /// UTF-16 offset of each code point, plus the end.
  private let starts: [Int]

  init(_ units: [UInt16]) {
    var starts: [Int] = []
    starts.reserveCapacity(units.count + 1)
    var i = 0
    while i < units.count {
      starts.append(i)
      let u = units[i]
      i +=
        (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.count && units[i + 1] >= 0xDC00
          && units[i + 1] <= 0xDFFF) ? 2 : 1
    }
    starts.append(units.count)
    self.starts = starts
  }

  /// The number of code points.
  var count: Int { starts.count - 1 }

  /// The UTF-16 offset of a code point index (0…count).
  func utf16(codePoint index: Int) -> Int { starts[min(max(0, index), count)] }

  /// The code point index at or before a UTF-16 offset.
  func codePoint(utf16 offset: Int) -> Int {
    max(0, starts.partitioningIndex { $0 > offset } - 1)
  }
}
