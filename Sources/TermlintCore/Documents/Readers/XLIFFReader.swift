import Foundation
import TermlintGlossary
import TermlintText

/// Reads XLIFF 1.2 (also 1.0, 1.1, `.sdlxliff`, `.mqxliff`) and XLIFF 2.0, 2.1 and 2.2 into
/// units with exact source and target spans.
///
/// XLIFF 1.x:
/// - one unit per `trans-unit` (id from `id`, else `tu<n>` by position in the file); when it
///   has a `seg-source` with `<mrk mtype="seg">` segments, one unit per segment, paired with the
///   target's `mrk` of the same `mid` (a target segment with no source partner becomes a unit with
///   no source; a target that is not segmented is paired with the whole `source`). A unit with
///   several segments gets the id `<trans-unit id>/<mid>`;
/// - `translate="no"` (on the unit, or inherited from a `group` or `file`) puts the unit in
///   `Document.skippedUnits`; `bin-unit`, `header` and `alt-trans` are not read;
/// - metadata: `unit`, `segment` (mid), `state`, `state-qualifier` (from `target`, verbatim,
///   also non-standard values), `paragraph` (the same value for the segments of one unit, so
///   that the bilingual rules compare them as a whole, as they do the sentences of an aligned
///   paragraph), `approved`, `resname`, `restype`, `note` (the unit's notes joined
///   by line breaks), `file` (`original`), `line` (of the unit's start tag), `sdl-conf` (a
///   Trados segment's `conf`), `mq-status` (memoQ's `mq:status`);
/// - inline codes become placeholders (U+FFFC in the text): `x`, `bx`, `ex` (content: the
///   `equiv-text`), `ph`, `bpt`, `ept`, `it` (content: the native code they carry, `sub` text
///   included); `g` becomes a `g-open` and a `g-close` placeholder around its text; `mrk` and
///   `sub` are transparent; an element from another namespace is a placeholder.
///
/// XLIFF 2.x:
/// - one unit per `segment` (id: the unit's id, or `<unit id>/<segment id or position>` when the
///   unit has several); `ignorable`s are not units; `translate="no"` inherited from `file`,
///   `group`, `unit` skips as in 1.x;
/// - metadata: `unit`, `segment`, `paragraph` (as in 1.x, when the unit has several segments),
///   `state`, `subState`, `note`, `file`, `line`;
/// - `ph`, `sc`, `ec` become placeholders (content: the `originalData` their `dataRef` names,
///   else `equiv`, else `disp`); `pc` becomes `pc-open` and `pc-close` around its text; `mrk`
///   is transparent; `sm` and `em` are dropped; `cp` becomes the character it encodes.
///
/// Languages: a `source`/`target`'s own `xml:lang`, else the file's (`source-language` /
/// `target-language`, `srcLang` / `trgLang`), else the defaults (a default target equal to the
/// source language is not used).
public enum XLIFFReader {
  /// Reads an XLIFF document from its bytes (encoding from the byte-order mark or declaration).
  ///
  /// - Throws: `TermlintError.input` for undecodable or not well-formed input and for a document
  ///   that is not XLIFF.
  public static func read(bytes: [UInt8], path: String, defaults: LanguageDefaults) throws
    -> Document
  {
    try read(XMLDecoding.decode(bytes: bytes, path: path), defaults: defaults)
  }

  /// Reads an already decoded XLIFF document.
  ///
  /// - Throws: `TermlintError.input` for not well-formed input and for a document that is not XLIFF.
  public static func read(_ file: SourceFile, defaults: LanguageDefaults) throws -> Document {
    let (opened, root) = try XMLScanner.opening(file, root: "xliff", document: "an XLIFF document")
    var scanner = opened
    let version = root.attribute("version") ?? versionFromNamespace(root.namespace) ?? "1.2"
    if version.hasPrefix("2") {
      var reader = XLIFF2Reader(file: file, defaults: defaults, root: root)
      return try reader.read(&scanner, version: version)
    }
    var reader = XLIFF1Reader(file: file, defaults: defaults)
    return try reader.read(&scanner, version: version)
  }

  /// Reads the elements below the root with a stack of the scopes (`file`, `group`, …) that
  /// units inherit from. `start` is given each XLIFF core element's start tag, the scope it is
  /// in and the scanner; it returns the scope of the element's content, or nil when it has read
  /// or skipped the whole element itself. Elements of other namespaces are skipped.
  static func walk<Scope>(
    _ scanner: inout XMLScanner, root: Scope,
    start: (XMLStartTag, Scope, inout XMLScanner) throws -> Scope?
  ) throws {
    var scopes = [root]
    while let event = try scanner.next() {
      switch event {
      case .start(let tag):
        guard isCore(tag) else {
          try scanner.skipElement()
          continue
        }
        if let inner = try start(tag, scopes[scopes.count - 1], &scanner) { scopes.append(inner) }
      case .end:
        if scopes.count > 1 { scopes.removeLast() }
      case .text:
        break
      }
    }
  }

  static func versionFromNamespace(_ namespace: String?) -> String? {
    guard let namespace, namespace.hasPrefix(namespacePrefix) else { return nil }
    return String(namespace.dropFirst(namespacePrefix.count))
  }

  static let namespacePrefix = "urn:oasis:names:tc:xliff:document:"

  /// Whether an element is XLIFF core (its namespace, or none: older files often omit it).
  static func isCore(_ tag: XMLStartTag) -> Bool {
    tag.namespace.map { $0.hasPrefix(namespacePrefix) } ?? true
  }

  /// The language of a `source` or `target` element: its own `xml:lang`, else `fallback`.
  static func language(of element: XMLElement?, fallback: LanguageTag?) -> LanguageTag? {
    element?.attribute("lang", namespace: XMLScanner.xmlNamespace).flatMap(LanguageTag.init)
      ?? fallback
  }

  /// The notes of a unit, joined by line breaks; nil when there are none.
  static func notes(_ elements: [XMLElement], file: SourceFile) -> String? {
    let texts = elements.map { $0.text(in: file).trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
    return texts.isEmpty ? nil : texts.joined(separator: "\n")
  }
}

// MARK: - XLIFF 1.x

private struct XLIFF1Reader {
  let file: SourceFile
  let defaults: LanguageDefaults

  struct Scope {
    var translate: Bool
    var sourceLanguage: LanguageTag?
    var targetLanguage: LanguageTag?
    var original: String?
  }

  var units: [Unit] = []
  var skipped: [Unit] = []
  var ordinal = 0
  var documentSource: LanguageTag?
  var documentTarget: LanguageTag?
  var sawFile = false

  init(file: SourceFile, defaults: LanguageDefaults) {
    self.file = file
    self.defaults = defaults
  }

  mutating func read(_ scanner: inout XMLScanner, version: String) throws -> Document {
    let root = Scope(
      translate: true, sourceLanguage: defaults.source, targetLanguage: nil, original: nil)
    try XLIFFReader.walk(&scanner, root: root) { tag, current, scanner in
      switch tag.localName {
      case "file":
        let source = tag.attribute("source-language").flatMap(LanguageTag.init) ?? defaults.source
        let target =
          tag.attribute("target-language").flatMap(LanguageTag.init)
          ?? defaults.fallbackTarget(source: source)
        if !sawFile {
          documentSource = source
          documentTarget = target
          sawFile = true
        }
        return Scope(
          translate: tag.attribute("translate").map { $0 != "no" } ?? true,
          sourceLanguage: source, targetLanguage: target, original: tag.attribute("original"))
      case "group":
        var scope = current
        if let t = tag.attribute("translate") { scope.translate = t != "no" }
        return scope
      case "trans-unit":
        try readUnit(try scanner.readElement(tag), scope: current)
        return nil
      case "bin-unit", "header":
        try scanner.skipElement()
        return nil
      default:
        return current
      }
    }
    return Document(
      file: file, format: "xliff", units: units, sourceLanguage: documentSource ?? defaults.source,
      targetLanguage: documentTarget
        ?? defaults.fallbackTarget(source: documentSource ?? defaults.source),
      skippedUnits: skipped, metadata: ["version": version])
  }

  mutating func readUnit(_ element: XMLElement, scope: Scope) throws {
    ordinal += 1
    let id = element.attribute("id") ?? "tu\(ordinal)"
    let translate = element.attribute("translate").map { $0 != "no" } ?? scope.translate
    let core = element.elements.filter { XLIFFReader.isCore($0.tag) }
    let source = core.first { $0.name == "source" }
    let target = core.first { $0.name == "target" }
    let segSource = core.first { $0.name == "seg-source" }
    let sourceLanguage = XLIFFReader.language(of: source, fallback: scope.sourceLanguage)
    let targetLanguage = XLIFFReader.language(of: target, fallback: scope.targetLanguage)

    var metadata: [String: String] = [
      "unit": id, "line": String(file.lineIndex(utf16Offset: element.tag.range.lowerBound) + 1),
    ]
    metadata["state"] = target?.attribute("state")
    metadata["state-qualifier"] = target?.attribute("state-qualifier")
    metadata["approved"] = element.attribute("approved")
    metadata["resname"] = element.attribute("resname")
    metadata["restype"] = element.attribute("restype")
    metadata["note"] = XLIFFReader.notes(core.filter { $0.name == "note" }, file: file)
    metadata["file"] = scope.original
    metadata["mq-status"] =
      element.tag.attributes.first { $0.prefix == "mq" && $0.localName == "status" }?.value
    if !translate { metadata["skipped"] = "translate=no" }
    // SDL Trados keeps each segment's confirmation level in <sdl:seg-defs><sdl:seg id="mid" conf="…">.
    let sdlSegments =
      element.elements.first { !XLIFFReader.isCore($0.tag) && $0.name == "seg-defs" }?.children(
        "seg") ?? []

    func span(_ e: XMLElement, _ language: LanguageTag?) -> TextSpan {
      InlineContent.span(of: e, file: file, language: language) { treat($0) }
    }
    var made: [Unit] = []
    let isSegment: (XMLElement) -> Bool = {
      $0.attribute("mtype") == "seg" && XLIFFReader.isCore($0.tag)
    }
    let sourceSegments = segSource?.descendants("mrk", where: isSegment) ?? []
    let targetSegments = target?.descendants("mrk", where: isSegment) ?? []
    let targetIsSegmented =
      target == nil || !targetSegments.isEmpty
      || (target.map { span($0, nil).text.isEmpty } ?? true)
    if !sourceSegments.isEmpty && targetIsSegmented {
      var usedTargets = Set<Int>()
      for segment in sourceSegments {
        let mid = segment.attribute("mid") ?? ""
        let match = targetSegments.indices.first {
          !usedTargets.contains($0) && targetSegments[$0].attribute("mid") == mid
        }
        if let match { usedTargets.insert(match) }
        var m = metadata
        m["segment"] = mid
        if sourceSegments.count > 1 { m["paragraph"] = "trans-unit \(scope.original ?? "")#\(id)" }
        m["sdl-conf"] = sdlSegments.first { $0.attribute("id") == mid }?.attribute("conf")
        made.append(
          Unit(
            id: sourceSegments.count == 1 ? id : "\(id)/\(mid)",
            source: span(segment, sourceLanguage),
            target: match.map { span(targetSegments[$0], targetLanguage) }, metadata: m))
      }
      for index in targetSegments.indices where !usedTargets.contains(index) {
        let mid = targetSegments[index].attribute("mid") ?? ""
        var m = metadata
        m["segment"] = mid
        if sourceSegments.count > 1 { m["paragraph"] = "trans-unit \(scope.original ?? "")#\(id)" }
        made.append(
          Unit(
            id: "\(id)/\(mid)", source: nil, target: span(targetSegments[index], targetLanguage),
            metadata: m))
      }
    } else {
      made.append(
        Unit(
          id: id, source: source.map { span($0, sourceLanguage) },
          target: target.map { span($0, targetLanguage) }, metadata: metadata))
    }
    if translate { units += made } else { skipped += made }
  }

  func treat(_ element: XMLElement) -> InlineTreatment {
    let id = element.attribute("id") ?? element.attribute("rid")
    guard XLIFFReader.isCore(element.tag) else {
      return .code(
        id: id, kind: element.name, content: InlineContent.nativeCode(element, file: file))
    }
    switch element.name {
    case "g": return .paired(id: id, kind: "g", openContent: nil, closeContent: nil)
    case "x", "bx", "ex":
      return .code(id: id, kind: element.name, content: element.attribute("equiv-text"))
    case "mrk", "sub": return .text
    default:
      return .code(
        id: id, kind: element.name, content: InlineContent.nativeCode(element, file: file))
    }
  }
}

// MARK: - XLIFF 2.x

private struct XLIFF2Reader {
  let file: SourceFile
  let defaults: LanguageDefaults
  let sourceLanguage: LanguageTag?
  let targetLanguage: LanguageTag?

  struct Scope {
    var translate: Bool
    var fileID: String?
  }

  var units: [Unit] = []
  var skipped: [Unit] = []

  init(file: SourceFile, defaults: LanguageDefaults, root: XMLStartTag) {
    self.file = file
    self.defaults = defaults
    let source = root.attribute("srcLang").flatMap(LanguageTag.init) ?? defaults.source
    sourceLanguage = source
    targetLanguage =
      root.attribute("trgLang").flatMap(LanguageTag.init) ?? defaults.fallbackTarget(source: source)
  }

  mutating func read(_ scanner: inout XMLScanner, version: String) throws -> Document {
    try XLIFFReader.walk(&scanner, root: Scope(translate: true, fileID: nil)) {
      tag, current, scanner in
      var scope = current
      switch tag.localName {
      case "unit":
        try readUnit(try scanner.readElement(tag), scope: scope)
        return nil
      case "file", "group":
        if let t = tag.attribute("translate") { scope.translate = t != "no" }
        if tag.localName == "file" {
          scope.fileID = tag.attribute("id") ?? tag.attribute("original")
        }
        return scope
      case "skeleton", "notes":
        try scanner.skipElement()
        return nil
      default:
        return scope
      }
    }
    return Document(
      file: file, format: "xliff", units: units, sourceLanguage: sourceLanguage,
      targetLanguage: targetLanguage,
      skippedUnits: skipped, metadata: ["version": version])
  }

  mutating func readUnit(_ element: XMLElement, scope: Scope) throws {
    let id = element.attribute("id") ?? "u\(units.count + skipped.count + 1)"
    let translate = element.attribute("translate").map { $0 != "no" } ?? scope.translate
    let core = element.elements.filter { XLIFFReader.isCore($0.tag) }
    var data: [String: String] = [:]
    for item in core.first(where: { $0.name == "originalData" })?.children("data") ?? [] {
      if let dataID = item.attribute("id") { data[dataID] = item.text(in: file) }
    }
    var metadata: [String: String] = [
      "unit": id, "line": String(file.lineIndex(utf16Offset: element.tag.range.lowerBound) + 1),
    ]
    metadata["note"] = XLIFFReader.notes(
      core.first { $0.name == "notes" }?.children("note") ?? [], file: file)
    metadata["file"] = scope.fileID
    if !translate { metadata["skipped"] = "translate=no" }
    let segments = core.filter { $0.name == "segment" }
    for (index, segment) in segments.enumerated() {
      let segmentID = segment.attribute("id") ?? String(index + 1)
      var m = metadata
      m["segment"] = segmentID
      if segments.count > 1 { m["paragraph"] = "unit \(scope.fileID ?? "")#\(id)" }
      m["state"] = segment.attribute("state")
      m["subState"] = segment.attribute("subState")
      m["line"] = String(file.lineIndex(utf16Offset: segment.tag.range.lowerBound) + 1)
      let parts = segment.elements.filter { XLIFFReader.isCore($0.tag) }
      let source = parts.first { $0.name == "source" }
      let target = parts.first { $0.name == "target" }
      let file = self.file
      let treat: (XMLElement) throws -> InlineTreatment = {
        try XLIFF2Reader.treat($0, data: data, file: file)
      }
      let unit = Unit(
        id: segments.count == 1 ? id : "\(id)/\(segmentID)",
        source: try source.map {
          try InlineContent.span(
            of: $0, file: file, language: XLIFFReader.language(of: $0, fallback: sourceLanguage),
            treat: treat)
        },
        target: try target.map {
          try InlineContent.span(
            of: $0, file: file, language: XLIFFReader.language(of: $0, fallback: targetLanguage),
            treat: treat)
        },
        metadata: m)
      if translate { units.append(unit) } else { skipped.append(unit) }
    }
  }

  static func treat(_ element: XMLElement, data: [String: String], file: SourceFile) throws
    -> InlineTreatment
  {
    let id = element.attribute("id")
    guard XLIFFReader.isCore(element.tag) else {
      return .code(
        id: id, kind: element.name, content: InlineContent.nativeCode(element, file: file))
    }
    func code(_ ref: String) -> String? {
      element.attribute(ref).flatMap { data[$0] } ?? element.attribute("equiv")
        ?? element.attribute("disp")
    }
    switch element.name {
    case "ph", "sc": return .code(id: id, kind: element.name, content: code("dataRef"))
    case "ec":
      return .code(id: id ?? element.attribute("startRef"), kind: "ec", content: code("dataRef"))
    case "pc":
      return .paired(
        id: id, kind: "pc",
        openContent: element.attribute("dataRefStart").flatMap { data[$0] }
          ?? element.attribute("equivStart"),
        closeContent: element.attribute("dataRefEnd").flatMap { data[$0] }
          ?? element.attribute("equivEnd"))
    case "mrk": return .text
    case "sm", "em": return .omit
    case "cp":
      guard let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16),
        let scalar = Unicode.Scalar(value)
      else {
        throw file.inputError(
          utf16Offset: element.tag.range.lowerBound,
          "invalid XLIFF: <cp> needs a 'hex' attribute naming a Unicode code point")
      }
      return .characters(Array(String(Character(scalar)).utf16))
    default:
      return .code(
        id: id, kind: element.name, content: InlineContent.nativeCode(element, file: file))
    }
  }
}
