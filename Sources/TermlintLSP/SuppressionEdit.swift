import TermlintCore
import TermlintGlossary
import TermlintText

/// The "suppress on this line" quick fix: the edit that adds Termlint's own suppression comment
/// (Documentation/Suppression.md) for one rule, in the way the document's format allows.
///
/// - Markdown and plain text: `<!-- termlint-disable-line RULE -->` at the end of the line
///   (before trailing spaces or a backslash, so a hard line break survives); a rule is added to
///   such a comment when the line has one already.
/// - XLIFF and TMX: `<!-- termlint-disable-next-line RULE -->` on its own line above, with the
///   line's indentation, when the line starts with markup. A line inside a multi-line element's
///   text gets no action: a comment there would become part of the translation.
/// - PO: `# termlint-disable RULE` as the entry's first comment and `# termlint-enable RULE` as
///   the next entry's, since a comment line cannot sit between `msgid` and `msgstr`.
struct SuppressionEdit {
  struct TextEdit {
    let range: LSPRange
    let newText: String
  }

  let title: String
  let edits: [TextEdit]

  static func make(
    rule: String, line: Int, in document: TextDocument, format: DocumentReader.Format
  ) -> SuppressionEdit? {
    guard line >= 0 && line < document.lineStarts.count else { return nil }
    let text = Array(document.lineText(line).utf16)
    let lineStart = document.lineStarts[line]
    func at(_ column: Int) -> LSPRange {
      let p = LSPPosition(line: line, character: column)
      return LSPRange(start: p, end: p)
    }
    switch format {
    case .markdown, .text:
      let title = "Suppress \(rule) on this line"
      // A comment already there: add the rule to it.
      let existing = Array("termlint-disable-line".utf16)
      let close = Array("-->".utf16)
      if let start = find(existing, in: text, from: 0), let end = find(close, in: text, from: start)
      {
        var insert = end
        while insert > start && (text[insert - 1] == 0x20 || text[insert - 1] == 0x09) {
          insert -= 1
        }
        let hasRules = insert > start + existing.count
        return SuppressionEdit(
          title: title,
          edits: [TextEdit(range: at(insert), newText: hasRules ? ", \(rule)" : " \(rule)")])
      }
      var end = text.count
      while end > 0 && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
      // a backslash hard break
      if format == .markdown && end > 0 && text[end - 1] == 0x5C { end -= 1 }
      let spaceBefore = end > 0 && text[end - 1] != 0x20 ? " " : ""
      let after = end < text.count && text[end] != 0x20 ? " " : ""
      return SuppressionEdit(
        title: title,
        edits: [
          TextEdit(
            range: at(end), newText: "\(spaceBefore)<!-- termlint-disable-line \(rule) -->\(after)")
        ])
    case .xliff, .tmx:
      let indent = text.prefix { $0 == 0x20 || $0 == 0x09 }
      guard text.count > indent.count, text[indent.count] == 0x3C else { return nil }
      let newText =
        String(decoding: indent, as: UTF16.self) + "<!-- termlint-disable-next-line \(rule) -->"
        + document.lineBreak
      return SuppressionEdit(
        title: "Suppress \(rule) on this line", edits: [TextEdit(range: at(0), newText: newText)])
    case .po:
      // The entry: the lines around `line` up to blank lines.
      func isBlank(_ l: Int) -> Bool { document.lineText(l).allSatisfy { $0 == " " || $0 == "\t" } }
      var first = line
      while first > 0 && !isBlank(first - 1) { first -= 1 }
      var next = line + 1
      while next < document.lineStarts.count && !isBlank(next) { next += 1 }
      while next < document.lineStarts.count && isBlank(next) { next += 1 }
      let lb = document.lineBreak
      var edits = [
        TextEdit(
          range: LSPRange(
            start: LSPPosition(line: first, character: 0),
            end: LSPPosition(line: first, character: 0)), newText: "# termlint-disable \(rule)\(lb)"
        )
      ]
      if next < document.lineStarts.count
        && document.offset(of: LSPPosition(line: next, character: 0)) > lineStart
      {
        edits.append(
          TextEdit(
            range: LSPRange(
              start: LSPPosition(line: next, character: 0),
              end: LSPPosition(line: next, character: 0)), newText: "# termlint-enable \(rule)\(lb)"
          ))
      }
      return SuppressionEdit(title: "Suppress \(rule) in this entry", edits: edits)
    }
  }

  private static func find(_ needle: [UInt16], in haystack: [UInt16], from: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var i = from
    while i + needle.count <= haystack.count {
      if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }
}
