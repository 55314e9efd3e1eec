import Foundation
import TermlintText

/// What a TBX file holds beyond Termlint's model, found by one pass over its elements.
///
/// `glossary convert` reports what it cannot carry over; `glossary fmt` rewrites a TBX file only
/// when everything in it is in the form `TBXWriter` writes, so a rewrite never loses data.
struct TBXInventory {
  /// One kind of markup, with where it first appears and how often.
  struct Item: Equatable {
    /// `<transacGrp>`, `<termNote type="grammaticalGender">`, `a second concept note` …
    var description: String
    /// 1-based line of its first appearance.
    var line: Int
    /// How many times it appears.
    var count: Int
  }

  /// The root element's local name (`tbx`, `martif`, `TBX`).
  var root = ""
  /// The root's namespace URI, if any.
  package var namespace: String?
  /// The root's `style` attribute (`dca`, `dct`), if any.
  var style: String?
  /// Markup Termlint's model does not hold: `convert` drops it, `fmt` refuses the file.
  var dropped: [Item] = []
  /// Markup the model holds but `TBXWriter` writes differently (a `normativeAuthorization`
  /// status, a DCT category, a definition read as a note, a comment inside the body).
  var rewritten: [Item] = []

  /// Scans TBX bytes; returns nil when the XML is not well-formed (the loader reports that).
  static func scan(_ bytes: [UInt8]) -> TBXInventory? {
    guard let file = try? XMLDecoding.decode(bytes: bytes, path: "") else { return nil }
    var xml = XMLScanner(file: file, entityPolicy: .declaredUnused)
    xml.recordsSkippedMarkup = true
    let scanner = Scanner()
    func line(_ offset: Int) -> Int { file.lineIndex(utf16Offset: offset) + 1 }
    do {
      while let event = try xml.next() {
        for skipped in xml.takeSkippedMarkup() {
          if skipped.isComment {
            scanner.comment(line: line(skipped.at))
          } else {
            scanner.processingInstruction(line: line(skipped.at))
          }
        }
        switch event {
        case .start(let tag): scanner.start(tag, line: line(tag.range.upperBound - 1))
        case .end: scanner.end()
        case .text: break
        }
      }
      for skipped in xml.takeSkippedMarkup() {
        if skipped.isComment {
          scanner.comment(line: line(skipped.at))
        } else {
          scanner.processingInstruction(line: line(skipped.at))
        }
      }
    } catch {
      return nil
    }
    scanner.finish()
    return scanner.inventory
  }

  /// `<transacGrp> (line 12, 130 times), …` for messages.
  package static func describe(_ items: [Item], limit: Int = 6) -> String {
    let shown = items.prefix(limit).map {
      "\($0.description) (line \($0.line)\($0.count > 1 ? ", \($0.count) times" : ""))"
    }
    return shown.joined(separator: ", ")
      + (items.count > limit ? " and \(items.count - limit) more" : "")
  }
}

// MARK: - Private

/// Classifies every element inside concept entries, from `XMLScanner`'s events.
private final class Scanner {
  var inventory = TBXInventory()
  private var stack: [String] = []
  private var conceptDepth: Int?
  /// Depth of a dropped element whose content is not looked at.
  private var droppedDepth: Int?
  private var levelNotes: [String: Int] = [:]  // per concept: concept-level notes, subjects
  private var dropped: [String: TBXInventory.Item] = [:]
  private var rewritten: [String: TBXInventory.Item] = [:]
  private var droppedOrder: [String] = []
  private var rewrittenOrder: [String] = []

  private static let containers: Set<String> = [
    "termEntry", "conceptEntry", "langSet", "langSec", "langGroup", "tig", "ntig", "termSec",
    "termGroup", "termGrp",
  ]
  private static let written: Set<String> = ["conceptEntry", "langSec", "termSec", "term"]
  private static let statusCategories: Set<String> = [
    "administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus",
  ]
  private static let termCategories: Set<String> = statusCategories.union([
    "partOfSpeech", "termType", "caseSensitivity", "matchMode", "termlint:status",
  ])
  private static let writtenTermNotes: Set<String> = [
    "partOfSpeech", "termType", "administrativeStatus", "termlint:status", "caseSensitivity",
    "matchMode",
  ]

  private func note(_ key: String, dropped isDropped: Bool, line: Int, element: Bool = true) {
    if isDropped {
      if element { droppedDepth = stack.count }
      if dropped[key] == nil { droppedOrder.append(key) }
      dropped[key, default: TBXInventory.Item(description: key, line: line, count: 0)].count += 1
    } else {
      if rewritten[key] == nil { rewrittenOrder.append(key) }
      rewritten[key, default: TBXInventory.Item(description: key, line: line, count: 0)].count += 1
    }
  }

  func start(_ tag: XMLStartTag, line: Int) {
    let name = tag.localName
    let qualifiedName: String? = tag.name
    if stack.isEmpty {
      inventory.root = name
      inventory.namespace = tag.namespace
      inventory.style = tag.value("style")
    }
    stack.append(name)
    if droppedDepth != nil { return }
    if name == "termEntry" || name == "conceptEntry" {
      conceptDepth = stack.count
      levelNotes = [:]
    }
    guard let conceptDepth, stack.count > conceptDepth else {
      if conceptDepth != nil, name != "conceptEntry" {
        note("<\(name)>", dropped: false, line: line)
      }
      return
    }
    // Text markup inside a term or note is read as text.
    if stack.dropLast().contains(where: {
      $0 == "term" || $0 == "note" || $0 == "termNote" || $0 == "descrip"
    }) {
      return
    }
    let type = tag.value("type")?.trimmingCharacters(in: .whitespaces) ?? ""
    let inTerm = stack.dropLast().contains { ["tig", "ntig", "termSec", "termGroup"].contains($0) }
    let atConcept = stack.count == conceptDepth + 1
    let noteLike =
      name == "note" || (name == "descrip" && ["", "definition", "subjectField"].contains(type))
    let dctCategory =
      (Scanner.termCategories.contains(name) && inTerm) || name == "subjectField"
      || name == "definition"
    switch name {
    case _ where Scanner.containers.contains(name):
      if !Scanner.written.contains(name) { note("<\(name)>", dropped: false, line: line) }
    case "term":
      break
    case _ where noteLike:
      let isSubject = type == "subjectField"
      if inTerm {
        if isSubject {
          note("<descrip type=\"subjectField\"> on a term", dropped: true, line: line)
        }
        if name == "descrip" && !isSubject {
          note(
            "<descrip\(type.isEmpty ? "" : " type=\"\(type)\"")> on a term", dropped: false,
            line: line)
        }
        return
      }
      let key = isSubject ? "subject" : "note"
      levelNotes[key, default: 0] += 1
      if levelNotes[key, default: 0] > 1 {
        note(
          isSubject
            ? "a second subject field of a concept" : "a second note or definition of a concept",
          dropped: true, line: line)
      } else if !atConcept {
        note(
          "<\(name)\(type.isEmpty ? "" : " type=\"\(type)\"")> on a language section",
          dropped: false, line: line)
      } else if name == "descrip" && !isSubject {
        note("<descrip\(type.isEmpty ? "" : " type=\"\(type)\"")>", dropped: false, line: line)
      }
    case "termNote", "descrip", "admin":
      guard inTerm, Scanner.termCategories.contains(type) else {
        note("<\(name)\(type.isEmpty ? "" : " type=\"\(type)\"")>", dropped: true, line: line)
        return
      }
      if name != "termNote" || !Scanner.writtenTermNotes.contains(type) {
        note("<\(name) type=\"\(type)\">", dropped: false, line: line)
      }
    case _ where dctCategory:
      note("<\(qualifiedName ?? name)> (DCT style)", dropped: false, line: line)
    default:
      note("<\(qualifiedName ?? name)>", dropped: true, line: line)
    }
  }

  func end() {
    if let depth = droppedDepth, depth == stack.count { droppedDepth = nil }
    if let depth = conceptDepth, depth == stack.count { conceptDepth = nil }
    stack.removeLast()
  }

  func comment(line: Int) {
    if conceptDepth != nil || stack.contains("body") {
      note("an XML comment inside the body", dropped: true, line: line, element: false)
    }
  }

  func processingInstruction(line: Int) {
    if stack.contains("body") {
      note("a processing instruction inside the body", dropped: true, line: line, element: false)
    }
  }

  func finish() {
    inventory.dropped = droppedOrder.compactMap { dropped[$0] }
    inventory.rewritten = rewrittenOrder.compactMap { rewritten[$0] }
  }
}
