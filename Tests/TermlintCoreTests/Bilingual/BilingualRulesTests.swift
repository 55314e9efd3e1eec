import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Cross-unit and metadata behaviour of the bilingual rules, beyond their examples.
@Suite("Bilingual rules")
struct BilingualRulesTests {
  static func lint(
    source: String, target: String, rules: [String],
    glossary: CompiledGlossary = TestLint.exampleGlossary
  ) throws -> (BilingualExample.Built, [Finding]) {
    let built = try BilingualExample.build(source: source, target: target)
    return (
      built, try TestLint.findings(document: built.document, rules: rules, glossary: glossary)
    )
  }

  /// One XLIFF-like unit with metadata.
  static func unit(
    source: String, target: String?, metadata: [String: String] = [:],
    sourcePlaceholders: [Placeholder] = [], targetPlaceholders: [Placeholder] = []
  ) -> Document {
    let text = source + "\n" + (target ?? "")
    let file = SourceFile(path: "unit.xlf", text: text)
    let s = source.utf16.count
    var sourceSpan = TextSpan(file: file, range: 0..<s, language: LanguageTag("ru"))
    sourceSpan.placeholders = sourcePlaceholders
    var targetSpan = target.map {
      TextSpan(file: file, range: (s + 1)..<(s + 1 + $0.utf16.count), language: LanguageTag("en"))
    }
    targetSpan?.placeholders = targetPlaceholders
    let unit = TermlintCore.Unit(
      id: "1", source: sourceSpan, target: targetSpan, metadata: metadata)
    return Document(
      file: file, format: "xliff", units: [unit], sourceLanguage: LanguageTag("ru"),
      targetLanguage: LanguageTag("en"))
  }

  @Test func termMissingLooksAcrossTheParagraphButNotBeyond() throws {
    let source = "Москва передала проект.\nОна требует гарантий безопасности."
    // The term moved to the first sentence of the same paragraph: fine.
    let (_, same) = try Self.lint(
      source: source,
      target: "Moscow wants security guarantees and handed over a draft.\nIt set out terms.",
      rules: ["term-missing"])
    #expect(same.isEmpty)
    // The term only in another paragraph: reported, with the source term as related location.
    let (built, other) = try Self.lint(
      source: "Москва передала проект.\n\nОна требует гарантий безопасности.",
      target: "Moscow wants security guarantees.\n\nIt set out terms.", rules: ["term-missing"])
    let finding = try #require(other.first)
    #expect(other.count == 1)
    #expect(
      finding.location.path == "test.md" && finding.location.line == 3
        && finding.matchedText == "It set out terms.")
    #expect(
      finding.related.first.map { built.source.text(in: $0.utf16Range) } == "гарантий безопасности")
    #expect(
      finding.message.contains("'гарантий безопасности'")
        && finding.message.contains("'security guarantees'"))
  }

  @Test func aMisspelledNameIsNameSpellingNotTermMissing() throws {
    let (_, findings) = try Self.lint(
      source: "Так заявил Сергей Рябков.", target: "So said Sergey Riabkow.",
      rules: ["term-missing", "name-spelling"])
    #expect(findings.map(\.ruleID) == ["name-spelling"])
    #expect(findings.first?.suggestions == ["Ryabkov"])
  }

  @Test func numberMismatchPointsAtTheTargetAndRelatesTheSource() throws {
    let (built, findings) = try Self.lint(
      source: "Пришли 12 500 военных.", target: "Some 12,000 troops came.",
      rules: ["number-mismatch"])
    let f = try #require(findings.first)
    #expect(findings.count == 1 && f.matchedText == "12,000" && f.side == "target")
    #expect(f.related.first.map { built.source.text(in: $0.utf16Range) } == "12 500")
  }

  @Test func numbersMovedWithinAParagraphMatch() throws {
    let (_, findings) = try Self.lint(
      source: "Россия направила войска.\nТам 300 военных на 12 дней.",
      target: "Russia sent 300 troops.\nThey stay 12 days.", rules: ["number-mismatch"])
    #expect(findings.isEmpty)
  }

  @Test func omissionOfAnUnalignedSentenceRelatesTheNeighbouringTarget() throws {
    let (built, findings) = try Self.lint(
      source: "Переговоры начались.\nДелегации встретились в Женеве.",
      target: "The talks began.\n∅",
      rules: ["omission", "target-missing", "term-missing", "number-mismatch"])
    let f = try #require(findings.first)
    #expect(findings.map(\.ruleID) == ["omission"])
    #expect(
      f.location.path == "source.md" && f.side == "source"
        && f.matchedText == "Делегации встретились в Женеве.")
    #expect(f.related.first.map { built.target.text(in: $0.utf16Range) } == "The talks began.")
  }

  @Test func additionOfAnUnalignedTargetSentence() throws {
    let (_, findings) = try Self.lint(
      source: "Переговоры начались.\n∅", target: "The talks began.\nNobody expected much.",
      rules: ["addition", "omission"])
    #expect(findings.map(\.ruleID) == ["addition"])
    #expect(findings.first?.matchedText == "Nobody expected much.")
  }

  @Test func targetMissingRespectsMetadata() throws {
    let rule = try TargetMissingRule(options: RuleOptions())
    let context = RuleContext(glossary: TestLint.exampleGlossary, severity: .error)
    func check(
      _ document: Document,
      _ rule: TargetMissingRule = try! TargetMissingRule(options: RuleOptions())
    ) throws -> [Finding] {
      let linter = Linter(glossary: TestLint.exampleGlossary, rules: [])
      return rule.check(try linter.annotate(document), context: context)
    }
    let reporting = try TargetMissingRule(options: RuleOptions(["untranslated": "report"]))
    // No target and no state: not translated yet, counted in the report, a finding only with
    // `untranslated: report`; a state that says translated makes it expected.
    #expect(try check(Self.unit(source: "Удалить файл?", target: nil)).isEmpty)
    #expect(
      try check(Self.unit(source: "Удалить файл?", target: nil, metadata: ["state": "new"])).isEmpty
    )
    #expect(
      try check(
        Self.unit(source: "Удалить файл?", target: nil, metadata: ["state": "needs-translation"])
      ).isEmpty)
    #expect(try check(Self.unit(source: "Удалить файл?", target: nil), reporting).count == 1)
    for state in ["translated", "final", "signed-off", "needs-review-translation", "reviewed"] {
      #expect(
        try check(Self.unit(source: "Удалить файл?", target: "", metadata: ["state": state])).count
          == 1, "\(state)")
    }
    #expect(
      try check(Self.unit(source: "Удалить файл?", target: nil, metadata: ["approved": "yes"]))
        .count == 1)
    #expect(
      try check(
        Self.unit(source: "Удалить файл?", target: nil, metadata: ["translate": "no"]), reporting
      ).isEmpty)
    #expect(
      try check(
        Self.unit(source: "Удалить файл?", target: nil, metadata: ["obsolete": "yes"]), reporting
      ).isEmpty)
    #expect(throws: TermlintError.self) {
      try TargetMissingRule(options: RuleOptions(["untranslated": "always"]))
    }
    // An empty target element: the finding is an empty range where the target is.
    let empty = try check(
      Self.unit(source: "Удалить файл?", target: "", metadata: ["state": "translated"]))
    #expect(
      empty.count == 1 && empty[0].location.line == 2 && empty[0].location.column == 1
        && empty[0].matchedText.isEmpty)
    // Fuzzy entries: ignored by default, reported with `fuzzy: missing`.
    let fuzzy = Self.unit(
      source: "Удалить файл?", target: "Delete the file?", metadata: ["flags": "fuzzy"])
    #expect(try check(fuzzy, rule).isEmpty)
    #expect(
      try check(fuzzy, TargetMissingRule(options: RuleOptions(["fuzzy": "missing"]))).count == 1)
    #expect(throws: TermlintError.self) {
      try TargetMissingRule(options: RuleOptions(["fuzzy": "sometimes"], file: "p.yml", line: 3))
    }
    #expect(throws: TermlintError.self) {
      try TargetMissingRule(options: RuleOptions(["colour": "red"]))
    }
  }

  @Test func placeholderMismatchComparesInlineCodesAndFlags() throws {
    let linter = Linter(
      glossary: TestLint.exampleGlossary,
      rules: [ConfiguredRule(try PlaceholderMismatchRule(options: RuleOptions()), severity: .error)]
    )
    let codes = [Placeholder(id: "1", kind: "x"), Placeholder(id: "2", kind: "x")]
    let ok = Self.unit(
      source: "Нажмите \u{FFFC}здесь\u{FFFC}.", target: "Click \u{FFFC}here\u{FFFC}.",
      sourcePlaceholders: codes, targetPlaceholders: codes)
    #expect(try linter.lint(ok).isEmpty)
    let lost = Self.unit(
      source: "Нажмите \u{FFFC}здесь\u{FFFC}.", target: "Click \u{FFFC}here.",
      sourcePlaceholders: codes, targetPlaceholders: [codes[0]])
    let findings = try linter.lint(lost)
    #expect(findings.count == 1 && findings[0].message.contains("missing"))
    // With a c-format flag, "% d" is a conversion and must be kept.
    let flagged = Self.unit(
      source: "Готово на % d", target: "Done", metadata: ["flags": "c-format"])
    #expect(try linter.lint(flagged).count == 1)
    #expect(try linter.lint(Self.unit(source: "Готово на % d", target: "Done")).isEmpty)
  }

  @Test func untranslatedSkipsUnitsNotToTranslate() throws {
    let linter = Linter(
      glossary: TestLint.exampleGlossary,
      rules: [ConfiguredRule(try UntranslatedRule(options: RuleOptions()), severity: .error)])
    let copied = Self.unit(source: "Переговоры возобновились.", target: "Переговоры возобновились.")
    #expect(try linter.lint(copied).count == 1)
    let protected = Self.unit(
      source: "Переговоры возобновились.", target: "Переговоры возобновились.",
      metadata: ["translate": "no"])
    #expect(try linter.lint(protected).isEmpty)
  }

  @Test func sarifListsTheSourceAsRelatedLocation() throws {
    let (built, findings) = try Self.lint(
      source: "Пришли 12 500 военных.", target: "Some 12,000 troops came.",
      rules: ["number-mismatch"])
    let descriptors = [NumberMismatchRule.descriptor]
    let report = RunReport(
      findings: findings, files: [built.target, built.source], rules: descriptors)
    let sarif = try #require(ReporterRegistry.reporter("sarif")).render(
      report, options: ReportOptions())
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let result = try #require(
      ((json["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
    let related = try #require(result["relatedLocations"] as? [[String: Any]])
    let location = try #require(
      (related.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
    #expect(location["uri"] as? String == "source.md")
  }
}

/// Odd input never crashes a rule.
@Suite("Bilingual rules on odd input")
struct OddInputTests {
  static let texts = [
    "", " ", "\u{FFFC}", "...", "%", "{", "{{", "}", "%(", "@", "https://", "1,", ",5", ".5.",
    "12 345 678 901 234 567 890 123",
    "99999999999999999999999", "ⅫⅩⅠ", "😀👍🏽", "\u{202E}ABC\u{202C}", "٣٤٥", "١٢٫٥", "ЙЁ Ё ё",
    "e\u{301}\u{301}\u{301}", "С-", "-5", "5-",
    "11:", ":30", "1/", "/2", "2022-", "21-", "XX", "Х", "I I I", "a.m.", "в 90-", "'90s",
    "\u{00A0}\u{00A0}", "\r\n\r\n",
  ]

  @Test func everyRuleSurvivesEveryPairOfOddTexts() throws {
    let rules = try Pipeline.builtIn.configuredRules()
    let linter = Linter(glossary: TestLint.exampleGlossary, rules: rules)
    for source in Self.texts {
      for target in Self.texts + ["Sergey Ryabkov", "Москва"] {
        let doc = BilingualRulesTests.unit(source: source, target: target)
        let findings = try linter.lint(doc)
        for f in findings {
          #expect(
            f.location.utf16Offset >= 0 && f.location.utf16Range.upperBound <= doc.file.utf16.count)
        }
      }
    }
    // Languages unknown, units without any side.
    let bare = Document(
      file: SourceFile(path: "x", text: ""), format: "x",
      units: [TermlintCore.Unit(id: "1", target: nil)])
    #expect(try linter.lint(bare).isEmpty)
  }
}

/// The issue's own example: the glossary says *Sergey Ryabkov*, the translation *Sergei Ryabkov*.
@Suite("Name spelling against a glossary without the variant")
struct NameVariantTests {
  @Test func sergeiIsFlaggedAndSergeySuggested() throws {
    let ru = LanguageTag("ru")!
    let en = LanguageTag("en")!
    let glossary = try CompiledGlossary(
      Glossary(concepts: [
        Concept(
          id: "ryabkov",
          terms: [
            Term("Сергей Рябков", language: ru, status: .preferred, partOfSpeech: "properNoun"),
            Term("Sergey Ryabkov", language: en, status: .preferred, partOfSpeech: "properNoun"),
          ])
      ]))
    for (source, target) in [
      ("Так заявил Сергей Рябков.", "So said Sergei Ryabkov."),
      ("Рябков уехал.", "Sergei Ryabkov left."),
    ] {
      let built = try BilingualExample.build(source: source, target: target)
      let findings = try TestLint.findings(
        document: built.document, rules: ["name-spelling", "term-missing"], glossary: glossary)
      #expect(findings.map(\.ruleID) == ["name-spelling"], "\(target)")
      #expect(findings.first?.matchedText == "Sergei" && findings.first?.suggestions == ["Sergey"])
    }
    // Monolingual too.
    let findings = try TestLint.findings(
      "So said Sergei Ryabkov.", rules: ["name-spelling"], glossary: glossary)
    #expect(findings.map(\.matchedText) == ["Sergei"])
  }

  @Test func doubtfulBeadsAreNotMeasured() throws {
    let long =
      "Российская делегация передала проект договора, попросила дать письменный ответ в течение месяца и пригрозила ответными мерами."
    var built = try BilingualExample.build(
      source: "\(long)\nДа.", target: "The delegation handed over a draft.\nYes.")
    #expect(try TestLint.findings(document: built.document, rules: ["omission"]).count == 1)
    built = try BilingualExample.build(
      source: "\(long)\nДа.", target: "The delegation handed over a draft.\nYes.")
    var document = built.document
    document.units[0].metadata["confidence"] = "0.3"
    #expect(try TestLint.findings(document: document, rules: ["omission"]).isEmpty)
  }
}
