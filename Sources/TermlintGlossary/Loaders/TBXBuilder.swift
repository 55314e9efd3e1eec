import Foundation
import TermlintText

/// The attributes of one start tag, as the builder asks for them (by qualified name).
protocol TBXAttributes {
  /// The value of the attribute whose qualified name is `name`, if present.
  func value(_ name: String) -> String?
}

/// Builds concepts as elements stream past from `XMLScanner` (`TBXLoader`): local element
/// names, attributes by qualified name, the start tag's line (of its `>`), text as UTF-8. A
/// struct, so its fields are not checked for exclusive access at run time on every event (that
/// was 5 % of loading a large TBX).
struct TBXBuilder {
  /// What an element is to the builder, by its local name.
  enum ElementKind {
    /// `termEntry`, `conceptEntry`.
    case concept
    /// `langSet`, `langSec`, `langGroup`.
    case language
    /// `tig`, `ntig`, `termSec`, `termGroup`.
    case termSection
    case term
    case note
    case descrip
    /// `termNote`, `admin`: a data category named by `type`.
    case typedCategory
    /// A data category written as an element of its own (DCT style): `isDCTCategory`.
    case dctCategory
    /// TBX-Min's `languages`.
    case languages
    /// Any other TBX element (`TBXNames.isKnownElement`).
    case otherKnown
    /// A name TBX does not have.
    case unknown

    init(_ name: String) {
      if TBXBuilder.isConceptElement(name) {
        self = .concept
      } else if TBXBuilder.isLanguageElement(name) {
        self = .language
      } else if TBXBuilder.isTermElement(name) {
        self = .termSection
      } else if TBXBuilder.isDCTCategory(name) {
        self = .dctCategory
      } else {
        switch name {
        case "term": self = .term
        case "note": self = .note
        case "descrip": self = .descrip
        case "termNote", "admin": self = .typedCategory
        case "languages": self = .languages
        default: self = TBXNames.isKnownElement(name) ? .otherKnown : .unknown
        }
      }
    }
  }

  /// An element's local name and what it is; made once per distinct name (`TBXLoader`), so
  /// each event is dispatched without comparing strings.
  struct Element {
    let name: String
    let kind: ElementKind

    init(_ name: String) {
      self.name = name
      kind = ElementKind(name)
    }
  }

  let path: String
  var issues: [GlossaryLoadIssue] = []
  var rootName: String?
  var sawReplacementCharacter = false

  private struct Frame {
    var lang: String?
    var preserve: Bool
  }

  private struct TermDraft {
    var text: String?
    var langRaw: String?
    var line: Int?
    var column: Int?
    var sectionLine: Int?
    var status: TermStatus?
    var termlintStatus: TermStatus?
    var statusSeen = false
    var pos: String?
    var type: String?
    var caseSensitive: Bool?
    var match: MatchMode?
    var notes: [String] = []
  }

  private struct ConceptDraft {
    var id: String?
    var line: Int
    /// The concept's position in the file (1-based), for a generated id.
    var ordinal: Int
    var subject: String?
    var languageSubject: String?
    var note: String?
    var languageNote: String?
    var terms: [Term] = []
  }

  private enum CaptureKind {
    case termText
    case category(String)
    case note
  }

  private struct Capture {
    var kind: CaptureKind
    var depth: Int
    var line: Int
    var preserve: Bool
  }

  /// The text of the open capture, as UTF-8; its buffer is kept from one capture to the next.
  private var capturedText: [UInt8] = []

  private var stack: [Frame] = []
  private var concept: ConceptDraft?
  private var conceptCount = 0
  private var finished: [ConceptDraft] = []
  private var langDepth: Int?
  private var term: TermDraft?
  private var termDepth: Int?
  private var capture: Capture?
  private var sourceLanguage: LanguageTag?
  private var targetLanguage: LanguageTag?
  private var memo = LoaderMemo()

  // NOTE: category names are tested with `switch`, not `Set.contains` (hashing a String per
  // element and per category was 2 % of loading a large TBX).
  private static func isStatusCategory(_ name: String) -> Bool {
    switch name {
    case "administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus": return true
    default: return false
    }
  }
  /// Categories a DCT-style TBX writes as elements of their own.
  private static func isDCTCategory(_ name: String) -> Bool {
    switch name {
    case "administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus",
      "partOfSpeech", "termType", "subjectField",
      "definition", "caseSensitivity", "matchMode":
      return true
    default: return false
    }
  }
  private static let partsOfSpeech: Set<String> = [
    "noun", "verb", "adjective", "adverb", "properNoun", "other",
  ]
  // NOTE: element names are tested with `switch` (short strings compare without hashing): a
  // Set lookup per element and kind was 5 % of loading a large TBX.
  private static func isConceptElement(_ name: String) -> Bool {
    switch name {
    case "termEntry", "conceptEntry": return true
    default: return false
    }
  }
  private static func isLanguageElement(_ name: String) -> Bool {
    switch name {
    case "langSet", "langSec", "langGroup": return true
    default: return false
    }
  }
  private static func isTermElement(_ name: String) -> Bool {
    switch name {
    case "tig", "ntig", "termSec", "termGroup": return true
    default: return false
    }
  }

  package init(path: String) { self.path = path }

  private mutating func issue(
    _ line: Int?, _ message: String, kind: GlossaryLoadIssue.Kind = .skipped, value: String? = nil
  ) {
    issues.append(GlossaryLoadIssue(file: path, line: line, message, kind: kind, value: value))
  }

  /// Whether text now would be kept (inside a term, note or category); readers may skip
  /// decoding text otherwise.
  var isCapturing: Bool { capture != nil }

  // MARK: Events

  /// A start tag: `element` is its local name; `line` is that of the tag's closing `>` (or the
  /// `/` of `/>`); `column` is where the element's content starts, just after the `>`, in code
  /// points. `column` is read only for `<term>`, so readers may pass 0 for other elements.
  mutating func startElement<Attributes: TBXAttributes>(
    _ element: Element, attributes attributeDict: Attributes, line: Int, column: Int
  ) {
    let name = element.name
    if rootName == nil { rootName = name }
    let parent = stack.last
    var frame = Frame(lang: parent?.lang, preserve: parent?.preserve ?? false)
    if let lang = attributeDict.value("xml:lang") { frame.lang = lang }
    switch attributeDict.value("xml:space") {
    case "preserve": frame.preserve = true
    case "default": frame.preserve = false
    default: break
    }
    stack.append(frame)
    let depth = stack.count
    if capture != nil { return }  // markup inside captured text (e.g. <hi>) adds only its text

    switch element.kind {
    case .concept:
      if concept != nil {
        if term != nil { finishTerm() }
        finishConcept()
      }
      conceptCount += 1
      let id = attributeDict.value("id")?.trimmedForGlossary
      concept = ConceptDraft(
        id: id?.isEmpty == false ? id : nil, line: line, ordinal: conceptCount)
      langDepth = nil
      term = nil
      termDepth = nil
    case .language:
      if concept != nil { langDepth = depth }
    case .termSection:
      guard concept != nil else { return }
      if term != nil { finishTerm() }
      term = TermDraft()
      term?.sectionLine = line
      termDepth = depth
    case .term:
      guard concept != nil else { return }
      if term == nil {
        issue(line, "<term> outside a term section ignored")
        return
      }
      if term?.text != nil || term?.line != nil {
        issue(line, "second <term> in one term section ignored")
        return
      }
      term?.line = line
      // The text starts right after the tag's `>` (when whitespace or a reference comes
      // first, `GlossarySource` finds the text on the line instead).
      term?.column = column > 0 ? column : nil
      term?.langRaw = frame.lang
      capture = Capture(kind: .termText, depth: depth, line: line, preserve: frame.preserve)
    case .note, .descrip, .typedCategory:
      // An untyped `descrip` is a note; a typed one, `termNote` and `admin` hold a category.
      let type = element.kind == .note ? nil : attributeDict.value("type")
      guard concept != nil else { return }
      if element.kind == .note || (element.kind == .descrip && (type ?? "").isEmpty) {
        capture = Capture(kind: .note, depth: depth, line: line, preserve: frame.preserve)
      } else if let type {
        let category = type.trimmedOfSpaces
        if !TBXNames.isInterpretedCategory(category),
          let known = memo.nearMiss(category, of: TBXNames.interpretedCategories)
        {
          issue(
            line,
            "unknown data category '\(category)' (did you mean '\(known)'?); the value is not read",
            kind: .unknownCategory,
            value: category)
        }
        capture = Capture(
          kind: .category(category), depth: depth, line: line, preserve: frame.preserve)
      }
    case .dctCategory:
      guard concept != nil else { return }
      if let value = attributeDict.value("value") {
        apply(category: name, value: normalize(value, preserve: frame.preserve), line: line)
      } else {
        capture = Capture(kind: .category(name), depth: depth, line: line, preserve: frame.preserve)
      }
    case .languages:
      guard concept == nil else { return }
      sourceLanguage = attributeDict.value("source").flatMap(LanguageTag.init)
      targetLanguage = attributeDict.value("target").flatMap(LanguageTag.init)
    case .otherKnown:
      break
    case .unknown:
      checkUnknownElement(name, line: line)
    }
  }

  /// Reports an element inside a concept whose name is a near miss of a TBX element or data
  /// category (`<termSek>`, `<termNot>`, `<administrativeStatu>`): its content is silently not
  /// read, which changes what the glossary says. Other unknown names (a producer's own
  /// elements, DCT modules) are left alone.
  private mutating func checkUnknownElement(_ name: String, line: Int) {
    // Outside a concept only the concept elements themselves matter (headers hold anything).
    if let known = memo.nearMiss(
      name, of: concept == nil ? TBXNames.conceptElements : TBXNames.structural)
    {
      issue(
        line, "unknown element <\(name)> (did you mean <\(known)>?); its content is not read",
        kind: .unknownElement,
        value: name)
    }
  }

  /// An end tag (`kind` is that of its local name).
  mutating func endElement(_ kind: ElementKind) {
    let depth = stack.count
    defer { stack.removeLast() }
    if let open = capture {
      guard open.depth == depth else { return }
      capture = nil
      let value = capturedText.withUnsafeBufferPointer { utf8 in
        (open.preserve ? nil : GlossarySupport.collapsedWhitespace(utf8))
          ?? String(decoding: utf8, as: UTF8.self)
      }
      // NOTE: 0xEF leads U+FFFD's UTF-8 bytes: most terms are ruled out without a scalar walk
      // (Foundation's `contains`, a locale-aware search, was 13 % of a large load).
      let mayHoldReplacement = capturedText.contains(0xEF)
      capturedText.removeAll(keepingCapacity: true)
      switch open.kind {
      case .termText:
        if mayHoldReplacement && value.unicodeScalars.contains("\u{FFFD}") {
          sawReplacementCharacter = true
        }
        term?.text = value
      case .note:
        if !value.isEmpty { applyNote(value) }
      case .category(let category):
        apply(category: category, value: value, line: open.line)
      }
      return
    }
    if let termDepth, termDepth == depth {
      finishTerm()
    } else if let langDepth, langDepth == depth {
      if term != nil { finishTerm() }
      self.langDepth = nil
    } else if kind == .concept, concept != nil {
      if term != nil { finishTerm() }
      finishConcept()
      langDepth = nil
    }
  }

  /// Character data as UTF-8 (text, or a CDATA section's content).
  mutating func characters(_ utf8: ArraySlice<UInt8>) {
    if capture != nil { capturedText.append(contentsOf: utf8) }
  }

  /// The character a reference stands for.
  mutating func character(_ scalar: Unicode.Scalar) {
    if capture != nil { UTF8.encode(scalar) { capturedText.append($0) } }
  }

  // MARK: Building

  private func normalize(_ text: String, preserve: Bool) -> String {
    preserve ? text : GlossarySupport.collapseWhitespace(text)
  }

  private mutating func applyNote(_ value: String) {
    if term != nil {
      term?.notes.append(value)
    } else if langDepth == nil {
      if concept?.note == nil { concept?.note = value }
    } else if concept?.languageNote == nil {
      concept?.languageNote = value
    }
  }

  private mutating func apply(category: String, value: String, line: Int) {
    guard concept != nil, !value.isEmpty else { return }
    if term != nil {
      applyTermCategory(category, value: value, line: line)
    } else if langDepth != nil {
      if category == "subjectField" && concept?.languageSubject == nil {
        concept?.languageSubject = value
      }
      if category == "definition" && concept?.languageNote == nil { concept?.languageNote = value }
    } else {
      if category == "subjectField" && concept?.subject == nil { concept?.subject = value }
      if category == "definition" && concept?.note == nil { concept?.note = value }
    }
  }

  private mutating func applyTermCategory(_ category: String, value: String, line: Int) {
    switch category {
    case _ where TBXBuilder.isStatusCategory(category):
      guard term?.statusSeen == false else { return }
      term?.statusSeen = true
      if let status = memo.status(value) {
        term?.status = status
      } else {
        issue(
          line, "unknown \(category) '\(value)'; the term is kept without a status",
          kind: .unknownStatus, value: value)
      }
    case "termlint:status":
      if let status = TermStatus(rawValue: value) ?? memo.status(value) {
        term?.termlintStatus = status
      } else {
        issue(
          line, "unknown termlint:status '\(value)' (expected \(GlossarySupport.statusList))",
          kind: .unknownStatus, value: value)
      }
    case "partOfSpeech":
      guard term?.pos == nil else { return }
      term?.pos = value
      if !TBXBuilder.partsOfSpeech.contains(value) {
        issue(
          line,
          "partOfSpeech '\(value)' is not a TBX value (\(TBXBuilder.partsOfSpeech.sorted().joined(separator: ", "))); kept as written",
          kind: .invalidValue, value: value)
      }
    case "termType":
      if term?.type == nil { term?.type = value }
    case "caseSensitivity":
      if let sensitive = GlossarySupport.parseCase(value) {
        term?.caseSensitive = sensitive
      } else {
        issue(
          line, "unknown caseSensitivity '\(value)' (expected sensitive or insensitive); ignored",
          kind: .invalidValue, value: value)
      }
    case "matchMode":
      if let mode = GlossarySupport.parseMatch(value) {
        term?.match = mode
      } else {
        issue(
          line, "unknown matchMode '\(value)' (expected stem or exact); ignored",
          kind: .invalidValue, value: value)
      }
    default:
      break
    }
  }

  private mutating func finishTerm() {
    defer {
      term = nil
      termDepth = nil
    }
    guard let draft = term, concept != nil else { return }
    guard let text = draft.text, !text.isEmpty else {
      issue(
        draft.line ?? draft.sectionLine,
        draft.line == nil ? "term section without <term> ignored" : "empty <term> ignored",
        kind: .emptyTerm)
      return
    }
    guard let raw = draft.langRaw else {
      issue(
        draft.line, "term '\(text)' skipped: no xml:lang in scope", kind: .invalidLanguageTag,
        value: text)
      return
    }
    guard let language = memo.languageTag(raw) else {
      issue(
        draft.line, "term '\(text)' skipped: invalid language tag '\(raw)'",
        kind: .invalidLanguageTag, value: raw)
      return
    }
    if language.value != raw {
      issue(
        draft.line,
        "language tag '\(raw)' is not in canonical BCP 47 form; write '\(language.value)'",
        kind: .languageTagSpelling, value: raw)
    }
    let note = draft.notes.isEmpty ? nil : draft.notes.joined(separator: "\n")
    concept?.terms.append(
      Term(
        text, language: language, status: draft.termlintStatus ?? draft.status,
        partOfSpeech: draft.pos,
        termType: draft.type, caseSensitive: draft.caseSensitive, matchMode: draft.match,
        note: note, line: draft.line,
        column: draft.column))
  }

  /// Moves the open concept to `finished` (taken, not copied: a copy retained each field).
  private mutating func finishConcept() {
    guard let draft = concept.take() else { return }
    finished.append(draft)
  }

  mutating func makeGlossary() -> Glossary {
    if concept != nil {
      if term != nil { finishTerm() }
      finishConcept()
    }
    // Explicit ids are reserved first, each kept by the first concept that has it; a repeated
    // id and a missing one get a fresh id.
    var used: [String: Int] = [:]
    used.reserveCapacity(finished.count)
    var keepsID = [Bool](repeating: false, count: finished.count)
    // NOTE: the drafts are read field by field where they lie (`finished[i].id`): a copy
    // of a whole draft per concept retained and released every field of it.
    for i in finished.indices {
      if let id = finished[i].id, used[id] == nil {
        used[id] = finished[i].line
        keepsID[i] = true
      }
    }
    var concepts: [Concept] = []
    concepts.reserveCapacity(finished.count)
    for i in finished.indices {
      let line = finished[i].line
      var id: String
      if keepsID[i], let explicit = finished[i].id {
        id = explicit
      } else {
        let base = finished[i].id ?? "c\(finished[i].ordinal)"
        id = base
        var suffix = 2
        while used[id] != nil {
          id = "\(base)-\(suffix)"
          suffix += 1
        }
        used[id] = line
        if let explicit = finished[i].id {
          issue(
            line,
            "concept id '\(explicit)' is also used at line \(used[explicit] ?? 0); renamed '\(id)'",
            kind: .duplicateID, value: explicit)
        }
      }
      guard !finished[i].terms.isEmpty else {
        issue(line, "concept '\(id)' has no usable terms and is skipped")
        continue
      }
      concepts.append(
        Concept(
          id: id, subjectField: finished[i].subject ?? finished[i].languageSubject,
          note: finished[i].note ?? finished[i].languageNote,
          terms: GlossarySupport.groupedByLanguage(finished[i].terms), line: line))
    }
    return Glossary(
      concepts: concepts, path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage
    )
  }
}
