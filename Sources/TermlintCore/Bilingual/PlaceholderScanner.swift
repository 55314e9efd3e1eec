import TermlintGlossary
import TermlintText

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
/// Percent directives are read left to right by one scanner, so `%%` is always a literal percent
/// sign and never the start of another directive (`%%(then) atom` has none). What counts as a
/// directive depends on the unit's PO flags (`FormatFlags`):
/// - printf conversions (`%s`, `%1$d`, `%.2f`) in a unit flagged `c-format` (or another printf
///   family: `python-format`, `php-format` …); `no-c-format` turns them off; in a unit without
///   a flag only where they cannot be a percent sign in prose: never after a letter or digit
///   (*50%d*), never with the space flag (*5% of*), never followed by a letter or digit;
/// - Python `%(name)s`, unless the unit is `no-python-format`;
/// - Qt and KDE `%1` … `%99` in a unit flagged `qt-format` or `kde-format`, and in an unflagged
///   unit under the same conditions as printf;
/// - braces `{0}`, `{name}`, `{0:>10}`, `{name!r}`, `{{ var }}` and ICU arguments, unless the
///   unit is `no-python-brace-format`; i18next nesting `$t(key)`.
///
/// `protecting: true` reads every form that could be a directive or an escape, whatever the
/// flags (`%s` before a letter, `%0A`, a backslash escape): for keeping fixes away from them.
struct PlaceholderScanner {
  /// The unit's flags (`c-format`, `no-c-format`, `python-format` …).
  let flags: Set<String>
  /// Language codes whose appearance in a URL path or host is ignored (`/ru/` ↔ `/en/`).
  let languageCodes: Set<String>
  /// Whether to read everything that could be code (for guarding edits), not only what the
  /// flags say is code (for comparing a source with its translation).
  var protecting = false

  init(flags: Set<String>, languageCodes: Set<String>, protecting: Bool = false) {
    self.flags = flags
    self.languageCodes = languageCodes
    self.protecting = protecting
  }

  /// The PO flags that name a printf-style format (their `no-` forms turn it off).
  static let printfFlags: Set<String> = [
    "c-format", "objc-format", "c++-format", "python-format", "php-format", "perl-format",
    "awk-format",
    "object-pascal-format", "gcc-internal-format", "gfc-internal-format", "boost-format",
    "lua-format",
    "javascript-format", "tcl-format", "ruby-format", "sh-format",
  ]

  /// How the unit's flags say percent directives are to be read.
  enum PercentMode { case off, conservative, declared }

  var printfMode: PercentMode {
    if protecting { return .declared }
    if flags.contains(where: Self.printfFlags.contains) { return .declared }
    if flags.contains("no-c-format")
      || flags.contains(where: {
        $0.hasPrefix("no-") && Self.printfFlags.contains(String($0.dropFirst(3)))
      })
    {
      return .off
    }
    return .conservative
  }

  var qtMode: PercentMode {
    if protecting || flags.contains("qt-format") || flags.contains("kde-format")
      || flags.contains("qt-plural-format")
    {
      return .declared
    }
    if flags.contains("no-qt-format") || flags.contains("no-kde-format")
      || flags.contains(where: Self.printfFlags.contains)
    {
      return .off
    }
    return printfMode == .off ? .off : .conservative
  }

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
        result.append(
          InlineCode(
            kind: "inline", key: key, display: p.content ?? "<\(p.kind) id=\"\(p.id)\">",
            textRange: i..<(i + 1)))
      }
      k += 1
    }
    // Cheap tests first: most prose has none of these characters, and then the inline codes
    // (already in text order) are all there is.
    var hasAt = false
    var hasPercent = false
    var hasBrace = false
    var hasDollar = false
    var hasBackslash = false
    for u in text {
      switch u {
      case 0x40: hasAt = true
      case 0x25: hasPercent = true
      case 0x7B: hasBrace = true
      case 0x24: hasDollar = true
      case 0x5C: hasBackslash = true
      default: continue
      }
    }
    let mayHaveURL = Self.mayHaveURL(text)
    if !hasAt && !hasPercent && !hasBrace && !mayHaveURL && !hasDollar
      && !(protecting && hasBackslash)
    {
      return result
    }
    var taken: [Range<Int>] = result.map(\.textRange)
    func addRange(_ kind: String, _ key: String, _ range: Range<Int>) {
      if taken.contains(where: { $0.overlaps(range) }) { return }
      taken.append(range)
      result.append(
        InlineCode(kind: kind, key: key, display: String(utf16Units: text[range]), textRange: range)
      )
    }
    if mayHaveURL || hasAt || hasBrace {
      let string = String(utf16Units: text)
      func add(_ kind: String, _ key: String, _ match: Range<String.Index>) {
        addRange(
          kind, key,
          match.lowerBound.utf16Offset(in: string)..<match.upperBound.utf16Offset(in: string))
      }
      if hasAt {
        for m in string.matches(of: Self.email) {
          add("email", "email:" + String(string[m.range]).lowercased(), m.range)
        }
      }
      for m in mayHaveURL ? string.matches(of: Self.url) : [] {
        var range = m.range
        // Trailing punctuation belongs to the sentence, not the URL.
        while range.upperBound > range.lowerBound, let last = string[range].last,
          ".,;:!?»\"'”’)".contains(last)
        {
          let text = string[range]
          if last == ")" && text.filter({ $0 == "(" }).count >= text.filter({ $0 == ")" }).count {
            break
          }
          range = range.lowerBound..<string.index(before: range.upperBound)
        }
        // A scheme alone (`http:// and https:// URLs`) names a kind of URL, not one.
        if string[range].hasSuffix("://") { continue }
        add("url", "url:" + normalizedURL(String(string[range])), range)
      }
      if hasBrace && (protecting || !flags.contains("no-python-brace-format")) {
        scanBraces(string, add: add)
      }
    }
    if hasPercent { scanPercent(text, add: addRange) }
    if hasDollar { scanI18nextNesting(text, add: addRange) }
    if protecting && hasBackslash { scanBackslashEscapes(text, add: addRange) }
    return result.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }
  }

  // MARK: - Percent directives

  private static func isASCIIDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
  private static func isHexDigit(_ u: UInt16) -> Bool {
    isASCIIDigit(u) || (u | 0x20 >= 0x61 && u | 0x20 <= 0x66)
  }
  private static func isLetterOrDigit(_ u: UInt16) -> Bool {
    // a surrogate: some astral letter or symbol
    guard let scalar = Unicode.Scalar(u) else { return true }
    return UnicodeProperties.has(scalar, .alphabetic) || isASCIIDigit(u)
      || scalar.properties.numericType != nil
  }

  /// Reads `%` directives left to right: `%%`, Python `%(name)s`, printf, Qt `%1`, and (when
  /// protecting) URL-style `%0A` escapes.
  private func scanPercent(_ text: [UInt16], add: (String, String, Range<Int>) -> Void) {
    let n = text.count
    let printf = printfMode
    let qt = qtMode
    let python = protecting || !flags.contains("no-python-format")
    var i = 0
    var lastEnd = -1
    while i < n {
      guard text[i] == 0x25 else {
        i += 1
        continue
      }
      if i + 1 < n && text[i + 1] == 0x25 {  // %% is a percent sign
        i += 2
        continue
      }
      let before: UInt16? = i > 0 ? text[i - 1] : nil
      if python, let end = Self.pythonEnd(text, from: i) {
        add("python", String(utf16Units: text[i..<end]), i..<end)
        i = end
        continue
      }
      if printf != .off, let end = Self.printfEnd(text, from: i) {
        let range = i..<end
        var ok = true
        // A numbered argument (`%2$s`) is never a percent sign in prose, nor is a directive
        // right after another (`%1$c%2$s`, `%s%s`).
        if printf == .conservative && !text[range].contains(0x24) {
          if let before, Self.isLetterOrDigit(before), i != lastEnd { ok = false }
          if text[range].contains(0x20) { ok = false }
          if end < n, Self.isLetterOrDigit(text[end]) { ok = false }
        }
        if ok {
          add("printf", Self.printfKey(String(utf16Units: text[range])), range)
          lastEnd = end
          i = end
          continue
        }
      }
      if qt != .off, i + 1 < n, text[i + 1] >= 0x31 && text[i + 1] <= 0x39 {
        var end = i + 2
        if end < n, Self.isASCIIDigit(text[end]) { end += 1 }
        let dollar = end < n && text[end] == 0x24
        var ok = !dollar
        if qt == .conservative {
          if let before, Self.isLetterOrDigit(before), i != lastEnd { ok = false }
          if end < n, Self.isLetterOrDigit(text[end]) { ok = false }
        }
        if ok {
          let digits = String(utf16Units: text[(i + 1)..<end])
          add("qt", "%" + digits, i..<end)
          lastEnd = end
          i = end
          continue
        }
      }
      if protecting, i + 2 < n, Self.isHexDigit(text[i + 1]), Self.isHexDigit(text[i + 2]) {
        add("escape", String(utf16Units: text[i..<(i + 3)]), i..<(i + 3))
        i += 3
        continue
      }
      i += 1
    }
  }

  /// The end of a Python named directive `%(name)s` starting at `start`, if there is one.
  static func pythonEnd(_ t: [UInt16], from start: Int) -> Int? {
    let n = t.count
    var i = start + 1
    guard i < n, t[i] == 0x28 else { return nil }
    i += 1
    let nameStart = i
    while i < n, t[i] == 0x5F || isASCIIDigit(t[i]) || (t[i] | 0x20 >= 0x61 && t[i] | 0x20 <= 0x7A)
    { i += 1 }
    guard i > nameStart, !isASCIIDigit(t[nameStart]), i < n, t[i] == 0x29 else { return nil }
    i += 1
    while i < n, [0x2D, 0x2B, 0x20, 0x23, 0x30].contains(t[i]) { i += 1 }
    while i < n, isASCIIDigit(t[i]) { i += 1 }
    if i < n, t[i] == 0x2E {
      i += 1
      while i < n, isASCIIDigit(t[i]) { i += 1 }
    }
    guard i < n, "diouxXeEfFgGcrsa".utf16.contains(t[i]) else { return nil }
    return i + 1
  }

  /// The end of a printf conversion starting at `start` (`%s`, `%1$d`, `%-10.2lf`, `%*d`), if
  /// there is one.
  static func printfEnd(_ t: [UInt16], from start: Int) -> Int? {
    let n = t.count
    var i = start + 1
    // An argument position: digits and `$`.
    var j = i
    while j < n, isASCIIDigit(t[j]) { j += 1 }
    if j > i, j < n, t[j] == 0x24 { i = j + 1 }
    while i < n, [0x2D, 0x2B, 0x20, 0x23, 0x30, 0x27].contains(t[i]) { i += 1 }
    if i < n, t[i] == 0x2A {
      i += 1
      if i < n, isASCIIDigit(t[i]) {  // *2$
        var k = i
        while k < n, isASCIIDigit(t[k]) { k += 1 }
        if k < n, t[k] == 0x24 { i = k + 1 }
      }
    } else {
      while i < n, isASCIIDigit(t[i]) { i += 1 }
    }
    if i < n, t[i] == 0x2E {
      i += 1
      if i < n, t[i] == 0x2A { i += 1 } else { while i < n, isASCIIDigit(t[i]) { i += 1 } }
    }
    for length in ["hh", "ll", "I64", "I32", "h", "l", "L", "q", "j", "z", "t"] {
      let units = Array(length.utf16)
      if i + units.count <= n, Array(t[i..<(i + units.count)]) == units {
        i += units.count
        break
      }
    }
    guard i < n, "diouxXeEfFgGaAcspn@".utf16.contains(t[i]) else { return nil }
    return i + 1
  }

  /// i18next nesting `$t(key)` and `$t(key, {"option": 1})`.
  private func scanI18nextNesting(_ t: [UInt16], add: (String, String, Range<Int>) -> Void) {
    let n = t.count
    var i = 0
    while i + 3 < n {
      guard t[i] == 0x24, t[i + 1] == 0x74, t[i + 2] == 0x28 else {
        i += 1
        continue
      }
      var j = i + 3
      var depth = 1
      while j < n, depth > 0, j - i < 200 {
        if t[j] == 0x28 { depth += 1 } else if t[j] == 0x29 { depth -= 1 }
        j += 1
      }
      if depth == 0, j - i > 4 {
        let code = String(utf16Units: t[i..<j])
        add("i18next", code.filter { !$0.isWhitespace }, i..<j)
        i = j
      } else {
        i += 1
      }
    }
  }

  /// Backslash escapes written in the text (`\n`, `\t`, `\\`, `\"`, `\x41`, `\u0041`).
  private func scanBackslashEscapes(_ t: [UInt16], add: (String, String, Range<Int>) -> Void) {
    let n = t.count
    var i = 0
    while i + 1 < n {
      guard t[i] == 0x5C else {
        i += 1
        continue
      }
      var end = i + 2
      if t[i + 1] == 0x78 || t[i + 1] == 0x75 {  // \x.. and \u....
        while end < n, end - i < (t[i + 1] == 0x78 ? 4 : 6), Self.isHexDigit(t[end]) { end += 1 }
      }
      add("escape", String(utf16Units: t[i..<end]), i..<end)
      i = end
    }
  }

  /// Whether the text contains `://` or `www.` (in any case), without which there is no URL.
  static func mayHaveURL(_ text: [UInt16]) -> Bool {
    guard text.count >= 4 else { return false }
    for k in 0..<(text.count - 3) {
      let c = text[k] | 0x20
      if text[k] == 0x3A && text[k + 1] == 0x2F && text[k + 2] == 0x2F { return true }
      if c == 0x77 && text[k + 1] | 0x20 == 0x77 && text[k + 2] | 0x20 == 0x77
        && text[k + 3] == 0x2E
      {
        return true
      }
    }
    return false
  }

  // MARK: - Patterns

  // NOTE: computed, so that no `Regex` (not Sendable) is shared between tasks; they run only
  // when a cheap test has found the character they need.

  static var email: Regex<AnyRegexOutput> {
    Regex(/[\p{L}\p{N}._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/)
  }
  static var url: Regex<AnyRegexOutput> { Regex(/(?i:https?:\/\/|ftp:\/\/|www\.)[^\s<>"«»“”]+/) }

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
    for prefix in ["https://", "http://", "ftp://"] where s.hasPrefix(prefix) {
      s.removeFirst(prefix.count)
    }
    if s.hasPrefix("www.") { s.removeFirst(4) }
    while s.hasSuffix("/") { s.removeLast() }
    var parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if let host = parts.first {
      let labels = host.split(separator: ".").map(String.init)
      parts[0] = labels.filter { !languageCodes.contains($0) }.joined(separator: ".")
    }
    parts = parts.enumerated().filter { $0.offset == 0 || !languageCodes.contains($0.element) }.map(
      \.element)
    var joined = parts.joined(separator: "/")
    for code in languageCodes {
      joined = joined.replacingOccurrences(of: "lang=\(code)", with: "lang=").replacingOccurrences(
        of: "hl=\(code)", with: "hl=")
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
    var branchOpeners = Set<Int>()
    var autoNumber = 0
    while i < chars.count {
      guard chars[i] == "{", !branchOpeners.contains(i) else {
        i += 1
        continue
      }
      // {{ var }} (Angular, Jinja, Symfony, Handlebars).
      if i + 1 < chars.count, chars[i + 1] == "{" {
        var j = i + 2
        while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}"), chars[j] != "{",
          j - i < 80
        { j += 1 }
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
      while j < chars.count, chars[j].isWhitespace { j += 1 }
      let nameStart = j
      while j < chars.count, isIdentifier(chars[j]) { j += 1 }
      let name = String(chars[nameStart..<j])
      // {} is an automatically numbered field: the first is {0}, the next {1} (Python,
      // .NET-style formatters), so "{}" and "{0}" are the same placeholder.
      if name.isEmpty, j < chars.count, chars[j] == "}" {
        add("brace", "{\(autoNumber)}", indices[i]..<indices[j + 1])
        autoNumber += 1
        i = j + 1
        continue
      }
      guard !name.isEmpty, name.first.map({ $0.isLetter || $0.isNumber || $0 == "_" }) == true
      else {
        i += 1
        continue
      }
      // A Python field may index its argument: {long_month.forms[Р]} uses {long_month}.
      if j < chars.count, chars[j] == "[" {
        var k = j + 1
        while k < chars.count, chars[k] != "]", chars[k] != "{", chars[k] != "}", k - j < 24 {
          k += 1
        }
        if k < chars.count, chars[k] == "]" { j = k + 1 }
      }
      let root = String(name.prefix { $0 != "." })
      while j < chars.count, chars[j].isWhitespace { j += 1 }
      // A Python conversion and format spec: {name!r}, {0:>10}, {value:,.2f} (compared by name).
      var end = j
      if end < chars.count, chars[end] == "!", end + 1 < chars.count, "rsa".contains(chars[end + 1])
      {
        end += 2
      }
      if end < chars.count, chars[end] == ":" {
        var k = end + 1
        while k < chars.count, chars[k] != "}", chars[k] != "{", chars[k] != "\n", k - end < 24 {
          k += 1
        }
        end = k
      }
      if end < chars.count, chars[end] == "}" {
        add("brace", "{\(root)}", indices[i]..<indices[end + 1])
        i = end + 1
        continue
      }
      if j < chars.count, chars[j] == "," {
        var t = j + 1
        while t < chars.count, chars[t].isWhitespace { t += 1 }
        let typeStart = t
        while t < chars.count, chars[t].isLetter { t += 1 }
        let type = String(chars[typeStart..<t])
        let icuTypes: Set<String> = [
          "plural", "select", "selectordinal", "number", "date", "time", "spellout", "ordinal",
          "duration", "choice",
        ]
        if icuTypes.contains(type) {
          // Report the head `{count, plural` and keep scanning inside the branches.
          add("icu", "{\(name), \(type)}", indices[i]..<indices[t])
          // The braces that open its branches enclose translated text, not a placeholder:
          // `one {file}` is not a placeholder `{file}`.
          var depth = 0
          var q = t
          while q < chars.count {
            if chars[q] == "{" {
              if depth == 0 { branchOpeners.insert(q) }
              depth += 1
            } else if chars[q] == "}" {
              if depth == 0 { break }
              depth -= 1
            }
            q += 1
          }
          i = t
          continue
        }
      }
      i += 1
    }
  }
}
