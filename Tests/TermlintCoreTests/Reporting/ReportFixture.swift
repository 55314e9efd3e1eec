import Foundation
import TermlintTestSupport

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// The one run every reporter's golden file is rendered from.
///
/// Three files: an English Markdown article (Cyrillic in brackets, a flag and a skin-toned
/// emoji, a right-to-left mark, a term broken across two lines, a zero-length finding), a
/// bilingual Russian–English file whose path has a comma, a space and Cyrillic letters, and a
/// clean file. Messages contain quotes, a comma and a line break. All three severities occur.
enum ReportFixture {
  static let article = SourceFile(
    path: "articles/briefing.en.md",
    text: """
      # Talks in Geneva 🇨🇭

      Moscow said the “security assurances” offered by Washington were not enough.
      The envoy, Sergei Ryabkov (Сергей Рябков), met Nato officials; both sides promised to de-escalate.

      Later they deescalated again, and the security
      assurances were called “a start” & <nothing> more.
      Entry fee:\u{200F} 100 roubles 👍🏽,no change.

      """)

  static let pair = SourceFile(
    path: "articles/итоги, 2024.tsv",
    text: """
      Стороны обсудили гарантии безопасности.\tThe sides discussed security assurances.
      Переговоры продолжатся в среду.\tTalks will resume on Wednesday.

      """)

  static let clean = SourceFile(path: "articles/clean.md", text: "All quiet in Vienna.\n")

  static let rules: [RuleDescriptor] = [
    descriptor(
      "term-forbidden", "Forbidden Term", .error,
      "A deprecated or forbidden glossary term is used; use the preferred term"),
    descriptor(
      "term-case", "Term Capitalisation", .warning,
      "A case-sensitive glossary term is written in another case"),
    descriptor(
      "term-inconsistent", "Inconsistent Term Variant", .warning,
      "An article mixes allowed variants of one concept"),
    descriptor(
      "term-missing", "Missing Glossary Term", .warning,
      "A source term's glossary translation is missing from the target"),
    descriptor(
      "invisible-character", "Invisible Character", .info,
      "An invisible formatting character is in the text"),
    descriptor("missing-space", "Missing Space", .info, "Punctuation is not followed by a space"),
  ]

  /// The report: findings given out of order on purpose (the report sorts them).
  static var report: RunReport {
    let en = LanguageTag("en")
    let ru = LanguageTag("ru")
    let findings = [
      finding(
        "term-forbidden", .error, article, "security assurances",
        "'security assurances' is deprecated in the glossary; use 'security guarantees'",
        suggestion: "security guarantees", safe: true, unit: "p2"),
      finding(
        "term-case", .warning, article, "Nato",
        "'Nato' is written 'NATO' in the glossary; keep its capitalisation",
        suggestion: "NATO", safe: true, unit: "p2"),
      finding(
        "term-inconsistent", .warning, article, "deescalated",
        "'deescalated' is another variant of 'de-escalate', used first on line 4;\nuse one \"variant\" throughout",
        suggestion: "de-escalated", unit: "p3", related: [location(article, "de-escalate")]),
      finding(
        "term-forbidden", .error, article, "security\nassurances",
        "'security assurances' is deprecated in the glossary; use 'security guarantees'",
        suggestion: "security guarantees", safe: true, unit: "p3"),
      finding(
        "invisible-character", .info, article, "\u{200F}",
        "Invisible right-to-left mark U+200F after 'Entry fee:'; delete it", suggestion: "",
        safe: true, unit: "p3"),
      Finding(
        ruleID: "missing-space", severity: .info, category: .linguisticConventions,
        message: "No space after ',' in '👍🏽,no'; add one",
        location: Location(file: article, utf16Range: emptyRange(article, after: "👍🏽,")),
        matchedText: "", suggestions: [" "], fixIsSafe: true, unitID: "p3", side: "target"),
      finding(
        "term-forbidden", .error, pair, "security assurances",
        "'security assurances' is deprecated in the glossary; use 'security guarantees'",
        suggestion: "security guarantees", safe: true, unit: "1"),
      finding(
        "term-missing", .warning, pair, "гарантии безопасности",
        "'гарантии безопасности' is in the glossary as 'security guarantees', which the target does not use; translate it so",
        unit: "1", side: "source"),
    ]
    let articleDocument = DocumentReader.read(article, language: en)
    let cleanDocument = DocumentReader.read(clean, language: en)
    var units: [TermlintCore.Unit] = []
    for line in 1...2 {
      let range = pair.lineRange(line)
      let tab = pair.utf16[range].firstIndex(of: 0x09)!
      units.append(
        TermlintCore.Unit(
          id: "\(line)", source: TextSpan(file: pair, range: range.lowerBound..<tab, language: ru),
          target: TextSpan(file: pair, range: (tab + 1)..<range.upperBound, language: en)))
    }
    let pairDocument = Document(
      file: pair, format: "pair", units: units, sourceLanguage: ru, targetLanguage: en)
    return RunReport(
      findings: findings, files: [article, pair, clean], rules: rules,
      documents: [articleDocument, pairDocument, cleanDocument])
  }

  // MARK: - Helpers

  static func descriptor(_ id: String, _ title: String, _ severity: Severity, _ summary: String)
    -> RuleDescriptor
  {
    RuleDescriptor(
      id: id, title: title, category: id.hasPrefix("term") ? .terminology : .linguisticConventions,
      defaultSeverity: severity,
      summary: summary,
      rationale:
        "## Why is this bad?\nReaders notice *\(title.lowercased())* problems.\n\n## Use instead\nWhat the house style says.",
      nonTriggeringExamples: [], triggeringExamples: [])
  }

  static func finding(
    _ rule: String, _ severity: Severity, _ file: SourceFile, _ text: String, _ message: String,
    suggestion: String? = nil,
    safe: Bool = false, unit: String, side: String = "target", related: [Location] = []
  ) -> Finding {
    let location = location(file, text)
    return Finding(
      ruleID: rule, severity: severity, category: rules.first { $0.id == rule }!.category,
      message: message, location: location,
      matchedText: file.text(in: location.utf16Range), suggestions: suggestion.map { [$0] } ?? [],
      fixIsSafe: safe,
      unitID: unit, side: side, related: related)
  }

  /// The location of the first occurrence of `text` in a file.
  static func location(_ file: SourceFile, _ text: String) -> Location {
    Location(file: file, utf16Range: range(file, text))
  }

  static func range(_ file: SourceFile, _ text: String) -> Range<Int> {
    let needle = Array(text.utf16)
    for start in 0...(file.utf16.count - needle.count)
    where Array(file.utf16[start..<(start + needle.count)]) == needle {
      return start..<(start + needle.count)
    }
    fatalError("'\(text)' is not in \(file.path)")
  }

  static func emptyRange(_ file: SourceFile, after text: String) -> Range<Int> {
    let end = range(file, text).upperBound
    return end..<end
  }
}
