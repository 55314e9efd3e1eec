/// Escaping of text for XML 1.0 output, shared by the TBX writer and the XML reporters.
package enum XMLEscaping {
  /// Whether XML 1.0 can carry `scalar` at all, even as a character reference (the C0
  /// controls other than tab, line feed and carriage return, U+FFFE and U+FFFF cannot).
  package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && v != 0xFFFE && v != 0xFFFF
  }

  /// `text` escaped for character data, or for an attribute value when `attribute`.
  ///
  /// `& < >` become entities and a carriage return a character reference (a parser would
  /// turn a raw one into a line feed). In attribute values `"`, tab and line feed become
  /// references too, so attribute-value normalization keeps them. A scalar XML cannot carry
  /// is replaced by what `invalid` returns, written as is, or `invalid` throws.
  package static func escape(
    _ text: String, attribute: Bool, invalid: (Unicode.Scalar) throws -> String
  ) rethrows -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\r": out += "&#13;"
      case "\"" where attribute: out += "&quot;"
      case "\n" where attribute: out += "&#10;"
      case "\t" where attribute: out += "&#9;"
      default:
        if isAllowed(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += try invalid(scalar)
        }
      }
    }
    return out
  }
}
