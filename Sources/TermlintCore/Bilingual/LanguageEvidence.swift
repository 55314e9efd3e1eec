import TermlintGlossary
import TermlintText

/// What the words of a span say about the language it is written in, for telling untranslated
/// text from a translation in either direction.
///
/// Only *translatable words* count: word tokens (ICU word break iterator) of two letters or
/// more, written wholly in one script (ICU script property), that are not technical. Technical
/// are: tokens inside a placeholder, URL, e-mail address or inline code (`PlaceholderScanner`),
/// tokens inside a technical chunk (see `TechnicalText`), words in capitals (`LTR`, `FILE`,
/// `ПАРАМЕТР`: codes, acronyms, metavariables), words with a capital after a small letter
/// (`camelCase`, `iPhone`), and words with digits (`utf8`, `x86`).
struct LanguageEvidence: Equatable {
  /// Translatable words.
  var words = 0
  /// Translatable words in small letters throughout (not names).
  var ordinary = 0
  /// Translatable words in the source language's script.
  var inSource = 0
  /// Of them, words in small letters throughout of four letters or more: content words, not
  /// names and not the short function words of a title (*Common Vulnerabilities and Exposures*).
  var sourceContent = 0
  /// Translatable words in the target language's script.
  var inTarget = 0

  /// The most source-script words on one line: a list of single words, one a line (`- web`,
  /// `- paths`), is a list of names, not prose.
  var sourceOnOneLine = 0

  /// The source-script words, case-folded, and whether each is a content word.
  var sourceWords: [(form: String, content: Bool, line: Int)] = []

  static func == (a: LanguageEvidence, b: LanguageEvidence) -> Bool {
    (a.words, a.ordinary, a.inSource, a.sourceContent, a.inTarget, a.codeChunks) == (
      b.words, b.ordinary, b.inSource, b.sourceContent, b.inTarget, b.codeChunks
    )
  }

  /// The evidence without the source-script words of `kept`: words that the translators of
  /// the same document keep in their translations (names of commands, products, keywords).
  func excluding(_ kept: Set<String>) -> LanguageEvidence {
    guard !kept.isEmpty else { return self }
    var e = self
    var perLine: [Int: Int] = [:]
    for (form, content, line) in sourceWords {
      guard kept.contains(form) else {
        perLine[line, default: 0] += 1
        continue
      }
      e.inSource -= 1
      e.words -= 1
      if content { e.sourceContent -= 1 }
    }
    e.sourceOnOneLine = perLine.values.max() ?? 0
    return e
  }

  /// Technical chunks other than placeholders and punctuation (`--help`, `foo.c`): many of them
  /// make a text code (a command line, a configuration example) rather than prose.
  var codeChunks = 0

  /// Counts the translatable words of a span.
  ///
  /// Words in capitals and technical chunks written in the target's script (`ПАРАМЕТР`,
  /// `/путь/к/файлу`) are code, but translated code: they count as target-language words.
  ///
  /// - Parameters:
  ///   - placeholders: ranges of the span's text that are placeholders, URLs, e-mail addresses
  ///     or inline codes.
  init(_ span: AnnotatedSpan, source: Int32?, target: Int32?, placeholders: [Range<Int>]) {
    let text = span.text
    let chunks = TechnicalText.ranges(in: text)
    // Punctuation alone (`/`, `|`) is not code.
    for chunk in chunks
    where !TechnicalText.isPlaceholder(text, chunk)
      && text[chunk].contains(where: { Self.isAlphanumeric($0) })
    {
      codeChunks += 1
      if let target, Scripts.letterCounts(text[chunk])[target] != nil { inTarget += 1 }
    }
    // Markup (tag names, attributes) is neither language.
    let excluded = (placeholders + chunks + TechnicalText.markup(in: text)).sorted {
      $0.lowerBound < $1.lowerBound
    }
    var next = 0
    var scanned = 0
    var onLine = 0
    var line = 0
    for token in span.tokens where token.kind == .word {
      let range = span.normalized.map.sourceRange(token.range)
      if range.lowerBound > scanned {
        if text[scanned..<range.lowerBound].contains(0x0A) {
          onLine = 0
          line += 1
        }
        scanned = range.lowerBound
      }
      while next < excluded.count && excluded[next].upperBound <= range.lowerBound { next += 1 }
      if next < excluded.count && excluded[next].overlaps(range) { continue }
      guard let word = Self.classify(text[range]) else { continue }
      if word.capitals {
        if word.script == target { inTarget += 1 }
        continue
      }
      words += 1
      if word.lower { ordinary += 1 }
      if word.script == source {
        inSource += 1
        let content = word.lower && word.letters >= 4
        if content { sourceContent += 1 }
        onLine += 1
        sourceOnOneLine = max(sourceOnOneLine, onLine)
        sourceWords.append(
          (UnicodeProperties.foldCase(String(utf16Units: text[range])), content, line))
      }
      if word.script == target { inTarget += 1 }
    }
  }

  /// Whether the words are (mostly) in the source language: at least two source-script words,
  /// one of them a content word, at least three times as many as words in the target's
  /// script, at least twice as many as code chunks plus one, and two of them on one line. A translation keeps some source words
  /// (names of files and commands, terms); a copied or half-done one keeps few target words;
  /// a command line or a configuration example is mostly code.
  var isMostlySource: Bool {
    inSource >= 2 && sourceContent >= 1 && inSource >= 3 * inTarget
      && inSource >= 2 * (codeChunks + 1) && sourceOnOneLine >= 2
  }

  static func isAlphanumeric(_ u: UInt16) -> Bool {
    guard let s = Unicode.Scalar(u) else { return true }
    return s.properties.isAlphabetic || s.properties.numericType != nil
  }

  /// A translatable word: its script, letter count and whether it is in small letters.
  struct Word {
    var script: Int32
    var letters: Int
    var lower: Bool
    /// Written in capitals (`LTR`, `FILE`, `ПАРАМЕТР`): a code, an acronym, a metavariable.
    var capitals: Bool
  }

  /// Classifies a word token's original text, or nil when it is not a word (one letter,
  /// digits, mixed scripts, `camelCase`).
  static func classify(_ units: ArraySlice<UInt16>) -> Word? {
    if units.allSatisfy({ Int($0) < BasicScalars.limit }) { return classifyBasic(units) }
    var letters = 0
    var upper = 0
    var script: Int32? = nil
    var previousLower = false
    for scalar in String(utf16Units: units).unicodeScalars {
      let p = scalar.properties
      if p.numericType != nil { return nil }
      guard p.isAlphabetic else {
        continue
      }
      let s = UnicodeProperties.script(scalar)
      if s == UnicodeProperties.Script.common || s == UnicodeProperties.Script.inherited {
        // Combining marks (NFD accents) belong to the letter before them.
        continue
      }
      if let script, script != s { return nil }
      script = s
      letters += 1
      if p.isUppercase {
        if previousLower { return nil }  // camelCase, iPhone
        upper += 1
        previousLower = false
      } else {
        previousLower = p.isLowercase
      }
    }
    guard let script, letters >= 2 else { return nil }
    return Word(script: script, letters: letters, lower: upper == 0, capitals: upper == letters)
  }

  /// `classify` for a word whose scalars are all below `BasicScalars.limit` (one code unit
  /// each), from the tables.
  private static func classifyBasic(_ units: ArraySlice<UInt16>) -> Word? {
    let table = BasicScalars.shared
    var letters = 0
    var upper = 0
    var script: Int32? = nil
    var previousLower = false
    for u in units {
      let f = table.flags[Int(u)]
      if f & BasicScalars.numeric != 0 { return nil }
      guard f & BasicScalars.alphabetic != 0 else { continue }
      let s = table.scripts[Int(u)]
      if s == UnicodeProperties.Script.common || s == UnicodeProperties.Script.inherited {
        continue
      }
      if let script, script != s { return nil }
      script = s
      letters += 1
      if f & BasicScalars.uppercase != 0 {
        if previousLower { return nil }
        upper += 1
        previousLower = false
      } else {
        previousLower = f & BasicScalars.lowercase != 0
      }
    }
    guard let script, letters >= 2 else { return nil }
    return Word(script: script, letters: letters, lower: upper == 0, capitals: upper == letters)
  }
}

/// Technical chunks of text: runs without white space that are code rather than language.
///
/// A chunk is what lies between white space, less the punctuation around it (quotes, brackets,
/// sentence punctuation, emphasis marks). It is technical when it is an option (`-x`, `--foo`,
/// `[-LP]`), or holds a character that prose words do not (`_ \ @ # $ % = < > { } | ~ * ^ & +`
/// and the backtick: identifiers, globs, placeholders, markup, regular expressions), a `.` or
/// `:` between two letters or digits (file names, `key:VALUE` codes, `std::`, hosts), a `/`
/// other than between words (`и/или` is prose, `Makefile/make.bat` and `/usr/bin` are not), or
/// letters and digits together (`utf8`, `2-х`).
enum TechnicalText {
  /// The technical chunks of a text, as ranges of it, in order. Markup tags (`<em>`, `<a
  /// href="…">`) separate chunks and are not chunks themselves: markup is at home in prose.
  static func ranges(in text: [UInt16]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    let tags = markup(in: text)
    var t = 0
    func isBreak(_ k: Int) -> Bool {
      while t < tags.count && tags[t].upperBound <= k { t += 1 }
      return TextScan.isSpace(text[k]) || (t < tags.count && tags[t].contains(k))
    }
    let n = text.count
    var k = 0
    // A line of code (an assignment `key = value`, a shell or Python prompt `$ `, `>>> `) is
    // one technical chunk as a whole.
    var line: [Range<Int>] = []
    var lineIsCode = false
    var lineStart: Int? = nil
    func endLine() {
      if lineIsCode, let start = lineStart {
        result.removeAll { $0.lowerBound >= start }
        result.append(start..<(line.last?.upperBound ?? start))
      }
      line = []
      lineIsCode = false
      lineStart = nil
    }
    while k < n {
      while k < n && isBreak(k) {
        if text[k] == 0x0A { endLine() }
        k += 1
      }
      var end = k
      while end < n && !isBreak(end) { end += 1 }
      if end > k {
        let chunk = text[k..<end]
        if chunk.elementsEqual("=".utf16) || chunk.elementsEqual(":=".utf16) { lineIsCode = true }
        if lineStart == nil {
          lineStart = k
          if chunk.elementsEqual("$".utf16) || chunk.elementsEqual(">>>".utf16) {
            lineIsCode = true
          }
        }
        line.append(k..<end)
        if let inner = technical(text, k..<end) { result.append(inner) }
      }
      k = end
    }
    endLine()
    return result
  }

  /// Markup tags: `<` and a letter, `/` or `!`, up to the next `>` (on the same line).
  static func markup(in text: [UInt16]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var k = 0
    while k + 2 < text.count {
      defer { k += 1 }
      guard text[k] == 0x3C else { continue }
      let next = text[k + 1]
      guard
        (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x2F
          || next == 0x21
      else { continue }
      var end = k + 1
      while end < text.count && text[end] != 0x3E && text[end] != 0x3C && text[end] != 0x0A
        && end - k < 300
      { end += 1 }
      if end < text.count && text[end] == 0x3E {
        result.append(k..<(end + 1))
        k = end
      }
    }
    return result
  }

  /// Whether a technical chunk is a placeholder (`%s`, `%(name)s`, `{count}`), which prose
  /// strings carry as a matter of course.
  static func isPlaceholder(_ text: [UInt16], _ range: Range<Int>) -> Bool {
    text[range.lowerBound] == 0x25 || text[range.lowerBound] == 0x7B
  }

  private static let leading: Set<UInt16> = Set("\"'«»“”„‘’‚‹›([*_¿¡".utf16)
  private static let trailing: Set<UInt16> = Set("\"'«»“”„‘’‚‹›)]}>.,;:!?…*_".utf16)
  private static let code: Set<UInt16> = Set("_\\@#$%=<>{}|~*^&+`".utf16)

  /// Whether a unit may start an emphasised word: a letter, digit, quote or another mark.
  private static func isWordStart(_ u: UInt16) -> Bool {
    if u == 0x2A || u == 0x5F || leading.contains(u) { return true }
    guard let s = Unicode.Scalar(u) else { return true }
    return s.properties.isAlphabetic || s.properties.numericType != nil
  }

  /// The chunk less its surrounding punctuation, when it is technical.
  static func technical(_ text: [UInt16], _ chunk: Range<Int>) -> Range<Int>? {
    var lower = chunk.lowerBound
    var upper = chunk.upperBound
    // A word in square brackets is a section, a metavariable or a tag (`[extensions]`, `[FILE]`,
    // `[autosummary]`); prose brackets hold several words, so the chunks of one open or close.
    var end = upper
    while end > lower && ".,;:!?…".utf16.contains(text[end - 1]) { end -= 1 }
    if end - lower >= 3 && text[lower] == 0x5B && text[end - 1] == 0x5D { return lower..<end }
    // Emphasis marks (`*word*`, `_word_`) go, but not a glob's star (`*.txt`).
    while lower < upper && leading.contains(text[lower]) {
      if (text[lower] == 0x2A || text[lower] == 0x5F) && lower + 1 < upper
        && !isWordStart(text[lower + 1])
      {
        break
      }
      lower += 1
    }
    while upper > lower && trailing.contains(text[upper - 1]) { upper -= 1 }
    guard lower < upper else { return nil }
    let c = text[lower..<upper]
    func isAlnum(_ u: UInt16) -> Bool {
      guard let s = Unicode.Scalar(u) else { return true }  // a surrogate half: an astral letter
      return s.properties.isAlphabetic || s.properties.numericType != nil
    }
    // Options (-x, --foo) and file extensions or hidden files (.xlsx, .hgignore).
    if c.count >= 2 && c.first == 0x2E && isAlnum(c[lower + 1]) { return lower..<upper }
    // Options: -x, --foo.
    if c.count >= 2 && c.first == 0x2D && (isAlnum(c[lower + 1]) || c[lower + 1] == 0x2D) {
      return lower..<upper
    }
    var hasLetter = false
    var hasDigit = false
    var slash = false
    for i in c.indices {
      let u = c[i]
      if code.contains(u) { return lower..<upper }
      if u == 0x3A && i + 1 < upper && c[i + 1] == 0x3A { return lower..<upper }  // std::string
      if (u == 0x2E || u == 0x3A) && i > lower && i + 1 < upper && isAlnum(c[i - 1])
        && isAlnum(c[i + 1])
      {
        return lower..<upper
      }
      if u == 0x28 && i > lower { return lower..<upper }  // a call: secret(), bisect(range)
      if u == 0x2F { slash = true }
      if u >= 0x30 && u <= 0x39 { hasDigit = true } else if isAlnum(u) { hasLetter = true }
    }
    if hasLetter && hasDigit { return lower..<upper }
    if slash {
      // Words joined by slashes (и/или, input/output) are prose; anything else is a path.
      let parts = c.split(separator: 0x2F, omittingEmptySubsequences: false)
      if parts.contains(where: {
        $0.isEmpty || !$0.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x27 }
      }) {
        return lower..<upper
      }
    }
    return nil
  }
}
