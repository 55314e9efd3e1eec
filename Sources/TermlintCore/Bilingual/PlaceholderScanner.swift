/// Something in a segment that a translation must carry over unchanged: an inline code of the
/// file format, a printf/Python/brace/ICU placeholder, a URL or an e-mail address.
struct InlineCode: Sendable, Equatable {
  /// The family: `inline`, `printf`, `python`, `brace`, `icu`, `url`, `email`.
  var kind: String
  /// The comparison key: two codes with the same key are the same code.
  var key: String
  /// The code as written (or the original markup of an inline code, when known).
  var display: String
  /// Where it is in the span's text (UTF-16 offsets into `TextSpan.text`).
  var textRange: Range<Int>
}

/// Finds the codes of a span.
///
/// printf conversions (`%s`, `%1$d`, `%.2f`) are recognised when the unit has a `c-format`-like
/// flag, and otherwise only where they cannot be a percent sign in prose: never after a digit
/// (*50%d*), never with the space flag (*5% of*), never followed by a letter.
struct PlaceholderScanner {
  /// The unit's flags (`c-format`, `no-c-format`, `python-format` …).
  let flags: Set<String>
  /// Language codes whose appearance in a URL path or host is ignored (`/ru/` ↔ `/en/`).
  let languageCodes: Set<String>

  /// Every code of the span, in text order.
  func codes(in span: TextSpan) -> [InlineCode] {
    var result: [InlineCode] = []
    let text = span.text
    // Inline codes of the file format, which readers replace by U+FFFC.
    var k = 0
    for (i, u) in text.enumerated() where u == 0xFFFC {
      if k < span.placeholders.count {
        let p = span.placeholders[k]
        let key = p.id.isEmpty ? "\(p.kind):\(p.content ?? "")" : "\(p.kind):\(p.id)"
        result.append(InlineCode(kind: "inline", key: key, display: p.content ?? "<\(p.kind) id=\"\(p.id)\">", textRange: i..<(i + 1)))
      }
      k += 1
    }
    // Cheap tests first: most prose has none of these characters, and then the inline codes
    // (already in text order) are all there is.
    var hasAt = false, hasPercent = false, hasBrace = false
    for u in text {
      switch u {
      case 0x40: hasAt = true
      case 0x25: hasPercent = true
      case 0x7B: hasBrace = true
      default: continue
      }
    }
    let mayHaveURL = Self.mayHaveURL(text)
    if !hasAt && !hasPercent && !hasBrace && !mayHaveURL { return result }
    let string = String(decoding: text, as: UTF16.self)
    var taken: [Range<Int>] = result.map(\.textRange)
    func add(_ kind: String, _ key: String, _ match: Range<String.Index>) {
      let lower = match.lowerBound.utf16Offset(in: string), upper = match.upperBound.utf16Offset(in: string)
      let range = lower..<upper
      if taken.contains(where: { $0.overlaps(range) }) { return }
      taken.append(range)
      result.append(InlineCode(kind: kind, key: key, display: String(string[match]), textRange: range))
    }
    if hasAt {
      for m in string.matches(of: Self.email) { add("email", "email:" + String(string[m.range]).lowercased(), m.range) }
    }
    for m in mayHaveURL ? string.matches(of: Self.url) : [] {
      var range = m.range
      // Trailing punctuation belongs to the sentence, not the URL.
      while range.upperBound > range.lowerBound, let last = string[range].last, ".,;:!?»\"'”’)".contains(last) {
        let text = string[range]
        if last == ")" && text.filter({ $0 == "(" }).count >= text.filter({ $0 == ")" }).count { break }
        range = range.lowerBound..<string.index(before: range.upperBound)
      }
      add("url", "url:" + normalizedURL(String(string[range])), range)
    }
    if hasPercent {
      for m in string.matches(of: Self.python) { add("python", String(string[m.range]), m.range) }
    }
    if hasBrace { scanBraces(string, add: add) }
    let printf = flags.contains { $0.hasSuffix("-format") && !$0.hasPrefix("no-") && $0 != "python-brace-format" }
    if !flags.contains("no-c-format") && hasPercent {
      for m in string.matches(of: Self.printf) {
        let spec = String(string[m.range])
        if spec == "%%" { continue }
        if !printf {
          if m.range.lowerBound > string.startIndex {
            let before = string[string.index(before: m.range.lowerBound)]
            if before.isNumber || before.isLetter { continue }
          }
          if spec.contains(" ") { continue }
          if m.range.upperBound < string.endIndex, string[m.range.upperBound].isLetter || string[m.range.upperBound].isNumber { continue }
        }
        add("printf", Self.printfKey(spec), m.range)
      }
    }
    return result.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }
  }

  /// Whether the text contains `://` or `www.` (in any case), without which there is no URL.
  static func mayHaveURL(_ text: [UInt16]) -> Bool {
    guard text.count >= 4 else { return false }
    for k in 0..<(text.count - 3) {
      let c = text[k] | 0x20
      if text[k] == 0x3A && text[k + 1] == 0x2F && text[k + 2] == 0x2F { return true }
      if c == 0x77 && text[k + 1] | 0x20 == 0x77 && text[k + 2] | 0x20 == 0x77 && text[k + 3] == 0x2E { return true }
    }
    return false
  }

  // MARK: - Patterns

  // NOTE: computed, so that no `Regex` (not Sendable) is shared between tasks; they run only
  // when a cheap test has found the character they need.

  static var email: Regex<AnyRegexOutput> { Regex(/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/) }
  static var url: Regex<AnyRegexOutput> { Regex(/(?i:https?:\/\/|ftp:\/\/|www\.)[^\s<>"«»“”]+/) }
  static var python: Regex<AnyRegexOutput> { Regex(/%\([A-Za-z_][A-Za-z0-9_]*\)[-+ #0]*\d*(\.\d+)?[diouxXeEfFgGcrsa]/) }
  static var printf: Regex<AnyRegexOutput> { Regex(/%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxXeEfFgGaAcspn@]|%%/) }

  /// The comparison key of a printf conversion: its argument position (when written) and its
  /// conversion family, so `%d` equals `%i` and `%ld`, and `%s` equals `%1$s` only by position.
  static func printfKey(_ spec: String) -> String {
    guard let conversion = spec.last else { return spec }
    let family: String
    switch conversion {
    case "d", "i": family = "d"
    case "e", "E", "f", "F", "g", "G", "a", "A": family = "f"
    case "x", "X": family = "x"
    default: family = String(conversion)
    }
    if let dollar = spec.firstIndex(of: "$") {
      return "%" + spec[spec.index(after: spec.startIndex)..<dollar] + "$" + family
    }
    return "%" + family
  }

  /// A URL for comparison: scheme, `www.`, a trailing slash and language codes in the host or
  /// path (`ru.example.org/ru/news` ↔ `en.example.org/en/news`) are ignored.
  func normalizedURL(_ url: String) -> String {
    var s = url.lowercased()
    for prefix in ["https://", "http://", "ftp://"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
    if s.hasPrefix("www.") { s.removeFirst(4) }
    while s.hasSuffix("/") { s.removeLast() }
    var parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if let host = parts.first {
      let labels = host.split(separator: ".").map(String.init)
      parts[0] = labels.filter { !languageCodes.contains($0) }.joined(separator: ".")
    }
    parts = parts.enumerated().filter { $0.offset == 0 || !languageCodes.contains($0.element) }.map(\.element)
    var joined = parts.joined(separator: "/")
    for code in languageCodes {
      joined = joined.replacingOccurrences(of: "lang=\(code)", with: "lang=").replacingOccurrences(of: "hl=\(code)", with: "hl=")
    }
    return joined
  }

  /// Brace placeholders: `{0}`, `{name}`, `{{ var }}`, and ICU arguments `{count, plural, …}`
  /// (compared by name and type; their branches are translated text, scanned for nested arguments).
  private func scanBraces(_ string: String, add: (String, String, Range<String.Index>) -> Void) {
    let chars = Array(string)
    let indices = Array(string.indices) + [string.endIndex]
    var i = 0
    func isIdentifier(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
    while i < chars.count {
      guard chars[i] == "{" else {
        i += 1
        continue
      }
      // {{ var }} (Angular, Jinja, Symfony, Handlebars).
      if i + 1 < chars.count, chars[i + 1] == "{" {
        var j = i + 2
        while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}"), chars[j] != "{", chars[j] != "\n", j - i < 80 { j += 1 }
        if j + 1 < chars.count, chars[j] == "}", chars[j + 1] == "}" {
          let inner = String(chars[(i + 2)..<j]).filter { !$0.isWhitespace }
          if !inner.isEmpty {
            add("brace", "{{\(inner)}}", indices[i]..<indices[j + 2])
            i = j + 2
            continue
          }
        }
      }
      // {name} or {0}, or an ICU argument {name, type, …}.
      var j = i + 1
      while j < chars.count, chars[j] == " " { j += 1 }
      let nameStart = j
      while j < chars.count, isIdentifier(chars[j]) { j += 1 }
      let name = String(chars[nameStart..<j])
      guard !name.isEmpty, name.first.map({ $0.isLetter || $0.isNumber || $0 == "_" }) == true else {
        i += 1
        continue
      }
      while j < chars.count, chars[j] == " " { j += 1 }
      if j < chars.count, chars[j] == "}" {
        add("brace", "{\(name)}", indices[i]..<indices[j + 1])
        i = j + 1
        continue
      }
      if j < chars.count, chars[j] == "," {
        var t = j + 1
        while t < chars.count, chars[t] == " " { t += 1 }
        let typeStart = t
        while t < chars.count, chars[t].isLetter { t += 1 }
        let type = String(chars[typeStart..<t])
        let icuTypes: Set<String> = ["plural", "select", "selectordinal", "number", "date", "time", "spellout", "ordinal", "duration", "choice"]
        if icuTypes.contains(type) {
          // Report the head `{count, plural` and keep scanning inside the branches.
          add("icu", "{\(name), \(type)}", indices[i]..<indices[t])
          i = t
          continue
        }
      }
      i += 1
    }
  }
}
