import TermlintGlossary
import TermlintText

/// How a bilingual XML reader treats an element inside a segment (`<source>`, `<target>`, `<seg>`).
enum InlineTreatment {
  /// The element is transparent: its content is text (XLIFF `mrk`, a stray `sub`).
  case text
  /// A paired code around text (XLIFF 1.2 `g`, XLIFF 2 `pc`, TMX `hi`): a placeholder for the
  /// start tag, the content as text, a placeholder for the end tag.
  case paired(id: String?, kind: String, openContent: String?, closeContent: String?)
  /// A code: one placeholder for the whole element (`x`, `ph`, `bpt` … with their native code).
  case code(id: String?, kind: String, content: String?)
  /// Nothing at all (XLIFF 2 `sm`/`em` annotation markers).
  case omit
  /// Characters that stand for the element (XLIFF 2 `cp`).
  case characters([UInt16])
}

/// Builds the `TextSpan` of a segment element: text verbatim, references resolved (each maps
/// to its whole source, `&amp;` → `&`), inline codes replaced by U+FFFC with a `Placeholder`.
enum InlineContent {
  /// The object replacement character that stands for an inline code in `TextSpan.text`.
  static let placeholderUnit: UInt16 = 0xFFFC

  /// The span of `element`'s content.
  ///
  /// An element with no content gives an empty span located where the content would be (at the
  /// start of `<target/>`), so a finding about a missing translation can point at it.
  static func span(
    of element: XMLElement, file: SourceFile, language: LanguageTag?,
    treat: (XMLElement) throws -> InlineTreatment
  ) rethrows -> TextSpan {
    var builder = SpanBuilder(file: file)
    var placeholders: [Placeholder] = []
    try append(
      element.children, to: &builder, placeholders: &placeholders, file: file, treat: treat)
    if builder.text.isEmpty {
      let at = element.tag.isEmpty ? element.tag.range.lowerBound : element.contentRange.lowerBound
      return TextSpan(
        file: file, text: [], map: OffsetMap(runs: [], count: 0, sourceBase: at, sourceLength: 0),
        language: language)
    }
    let map = OffsetMap(
      runs: builder.runs, count: builder.text.count, sourceBase: 0, sourceLength: file.utf16.count)
    return TextSpan(
      file: file, text: builder.text, map: map, language: language, placeholders: placeholders)
  }

  private static func append(
    _ nodes: [XMLNode], to builder: inout SpanBuilder, placeholders: inout [Placeholder],
    file: SourceFile,
    treat: (XMLElement) throws -> InlineTreatment
  ) rethrows {
    for node in nodes {
      switch node {
      case .text(let text):
        if let replacement = text.replacement {
          builder.append(replacement, standingFor: text.range)
        } else {
          builder.append(text.range)
        }
      case .element(let element):
        switch try treat(element) {
        case .text:
          try append(
            element.children, to: &builder, placeholders: &placeholders, file: file, treat: treat)
        case .paired(let id, let kind, let openContent, let closeContent):
          placeholders.append(Placeholder(id: id ?? "", kind: kind + "-open", content: openContent))
          builder.append([placeholderUnit], standingFor: element.tag.range)
          try append(
            element.children, to: &builder, placeholders: &placeholders, file: file, treat: treat)
          placeholders.append(
            Placeholder(id: id ?? "", kind: kind + "-close", content: closeContent))
          builder.append(
            [placeholderUnit],
            standingFor: element.tag.isEmpty ? element.tag.range : element.endTagRange)
        case .code(let id, let kind, let content):
          placeholders.append(Placeholder(id: id ?? "", kind: kind, content: content))
          builder.append([placeholderUnit], standingFor: element.range)
        case .omit:
          break
        case .characters(let units):
          builder.append(units, standingFor: element.range)
        }
      }
    }
  }

  /// The native code an inline element carries (its text, with `sub` text), or nil when empty.
  static func nativeCode(_ element: XMLElement, file: SourceFile) -> String? {
    let text = element.text(in: file)
    return text.isEmpty ? nil : text
  }
}
