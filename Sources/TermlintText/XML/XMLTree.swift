/// An element read as a small tree (one translation unit at a time), with source offsets.
package struct XMLElement: Sendable {
  /// The start tag.
  package var tag: XMLStartTag
  /// Child elements and text, in document order.
  package var children: [XMLNode]
  /// The UTF-16 range of the end tag (empty, at the end of the start tag, for `<x/>`).
  package var endTagRange: Range<Int>

  /// The UTF-16 range from the start tag's `<` to the end tag's `>`.
  package var range: Range<Int> { tag.range.lowerBound..<endTagRange.upperBound }
  /// The UTF-16 range between the start tag and the end tag (empty for `<x/>`).
  package var contentRange: Range<Int> {
    tag.range.upperBound..<max(tag.range.upperBound, endTagRange.lowerBound)
  }
  /// The local name.
  package var name: String { tag.localName }

  /// The value of an attribute by local name (unprefixed or with `namespace`).
  package func attribute(_ localName: String, namespace: String? = nil) -> String? {
    tag.attribute(localName, namespace: namespace)
  }

  /// Child elements, in order.
  package var elements: [XMLElement] {
    children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
  }

  /// The first child element with this local name.
  package func child(_ localName: String) -> XMLElement? { elements.first { $0.name == localName } }

  /// Child elements with this local name.
  package func children(_ localName: String) -> [XMLElement] {
    elements.filter { $0.name == localName }
  }

  /// Descendants (depth first, document order) with this local name, not looking inside them.
  package func descendants(
    _ localName: String, where predicate: (XMLElement) -> Bool = { _ in true }
  ) -> [XMLElement] {
    var out: [XMLElement] = []
    for element in elements {
      if element.name == localName && predicate(element) {
        out.append(element)
      } else {
        out.append(contentsOf: element.descendants(localName, where: predicate))
      }
    }
    return out
  }

  /// All character data inside the element, references resolved, as UTF-16.
  package func textUnits(in file: SourceFile) -> [UInt16] {
    var out: [UInt16] = []
    for node in children {
      switch node {
      case .text(let t): out.append(contentsOf: t.replacement ?? Array(file.utf16[t.range]))
      case .element(let e): out.append(contentsOf: e.textUnits(in: file))
      }
    }
    return out
  }

  /// All character data inside the element as a string.
  package func text(in file: SourceFile) -> String { String(utf16Units: textUnits(in: file)) }
}

/// A child of an element.
package enum XMLNode: Sendable {
  case element(XMLElement)
  case text(XMLText)
}

extension XMLScanner {
  /// Reads the rest of the element whose start tag was just returned, as a tree.
  ///
  /// - Throws: `TermlintError.input` for input that is not well-formed.
  package mutating func readElement(_ start: XMLStartTag) throws -> XMLElement {
    var path: [XMLElement] = [
      XMLElement(
        tag: start, children: [], endTagRange: start.range.upperBound..<start.range.upperBound)
    ]
    while let event = try next() {
      switch event {
      case .start(let tag):
        path.append(
          XMLElement(
            tag: tag, children: [], endTagRange: tag.range.upperBound..<tag.range.upperBound))
      case .text(let text):
        path[path.count - 1].children.append(.text(text))
      case .end(_, let range):
        var done = path.removeLast()
        done.endTagRange = range
        if path.isEmpty { return done }
        path[path.count - 1].children.append(.element(done))
      }
    }
    throw error(utf16Offset: start.range.lowerBound, "the file ends inside <\(start.name)>")
  }

  /// Skips the rest of the element whose start tag was just returned.
  package mutating func skipElement() throws {
    var open = 1
    while let event = try next() {
      switch event {
      case .start: open += 1
      case .end:
        open -= 1
        if open == 0 { return }
      case .text: break
      }
    }
  }
}
