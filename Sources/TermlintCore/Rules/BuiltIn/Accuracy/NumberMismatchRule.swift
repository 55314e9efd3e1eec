import TermlintGlossary
import TermlintText

/// Flags numbers that differ between a source and its translation, compared as values with
/// each language's conventions.
struct NumberMismatchRule: OptionlessRule, BilingualRule {
  static let descriptor = RuleDescriptor(
    of: Self.self,
    id: "number-mismatch",
    title: "Number Mismatch",
    category: .accuracy,
    defaultSeverity: .warning,
    status: .preview,
    summary:
      "A number in the translation is not in the source, or a number of the source is missing from it",
    rationale: """
      ## Why is this bad?
      A wrong figure in a news report is a factual error. Numbers are compared as values, each
      read with its language's conventions: *12 500* (also with a no-break space) equals
      *12,500*; *3,5* equals *3.5*; *5 млн* equals *5 million*; *13 января* equals *January 13*;
      *двух* and *two* equal *2*; *21-й* equals *21st*; *1990-х* equals *1990s*; *15:00* equals
      *3 p.m.*; ranges are compared number by number.

      Only confident cases are reported: a number written in digits that has no equal on the
      other side. Spelled-out numbers, Roman numerals, the day and month of numeric dates and
      numbers inside codes (*S-400*, *COVID-19*, *G20*) can match a number on the other side but
      are never reported on their own. For sentence-aligned prose the whole paragraph is
      compared, because translators move figures between sentences. Numbers inside URLs and
      placeholders are left to `placeholder-mismatch`.

      Not numbers, or not a mismatch: numeric character references (`&#8217;`); seconds added
      to a time (*20:00:00* for *20:00*); digit groups split wrongly (*2240 191* for
      *2,240,191*: the same value); Russian compound adjectives (*16-ричный* for *hex*,
      *24-битный* for *true color*) match a number but are not reported alone, nor are the
      figures of localised plural category labels (*One/few/many* → *Один/2-4/много*). The
      forms of a PO plural entry are compared as a whole, and the *1* of its singular `msgid`
      is the count itself (Russian `msgstr[0]` also serves 21, 31 …) when the other forms
      render the count.

      ## Example
      Численность группировки — 12 500 военнослужащих. → The force numbers 12,000 troops.

      ## Use instead
      The force numbers 12,500 troops.
      """,
    nonTriggeringExamples: [
      RuleExample(
        "The force numbers 12,500 troops.",
        source: "Численность группировки — 12 500 военнослужащих."),
      RuleExample("Growth slowed to 3.5 percent.", source: "Рост замедлился до 3,5%."),
      RuleExample("The talks open on January 13.", source: "Переговоры откроются 13 января."),
      RuleExample(
        "Two delegations met for the 21st time.", source: "Две делегации встретились в 21-й раз."),
      RuleExample(
        "Aid worth $5 million arrived in the 1990s.",
        source: "Помощь на 5 млн долларов пришла в 1990-х."),
      RuleExample(
        "The session starts at 3 p.m. and lasts 90 minutes.",
        source: "Заседание начнется в 15:00 и продлится полтора часа, 90 минут."),
      RuleExample(
        "The S-400 systems stayed in place.", source: "Комплексы С-400 остались на месте."),
      RuleExample(
        "Between 10 and 15 drones were shot down.", source: "Сбиты от 10 до 15 беспилотников."),
      RuleExample("Both sides lost two aircraft.", source: "Стороны потеряли 2 самолета."),
      RuleExample(
        "Russia sent 300 troops.\nThey stayed for 12 days.",
        source: "Россия направила войска.\nВ течение 12 дней там находились 300 военных."),
      RuleExample(
        "Clicking a person&#8217;s name opens their page.",
        source: "Щелчок по имени человека открывает его страницу."),
      RuleExample("The session starts at 20:00:00.", source: "Заседание начнется в 20:00."),
      RuleExample(
        "Enter a full hex node ID.", source: "Введите полный 16-ричный идентификатор узла."),
      RuleExample(
        "More than 2,240,191 cases were confirmed.", source: "Подтверждено более 2240 191 случая."),
      RuleExample("Один/2-4/много", source: "One/few/many"),
    ],
    triggeringExamples: [
      RuleExample(
        "The force numbers ↓12,000 troops.",
        source: "Численность группировки — 12 500 военнослужащих."),
      RuleExample("Growth slowed to ↓3.6 percent.", source: "Рост замедлился до 3,5%."),
      RuleExample("The talks open on January ↓14.", source: "Переговоры откроются 13 января."),
      RuleExample(
        "↓Troops were pulled back from the border.",
        source: "От границы отвели 3000 военнослужащих."),
      RuleExample("Set the mode to ↓0555.", source: "Установите режим 0755."),
    ]
  )

  fileprivate struct Item: PairableItem {
    let unit: Int
    let mention: NumberMention
    var matched = false
  }

  func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    let sourceScanner = NumberScanner(language: document.sourceLanguage)
    let targetScanner = NumberScanner(language: document.targetLanguage)
    var findings: [Finding] = []
    for group in Self.groups(document) {
      var sources: [Item] = []
      var targets: [Item] = []
      // Whether the plural forms of the entry render the count (a placeholder in a form after
      // the first); a plural entry whose forms have none has lost the count (a fuzzy guess).
      let countRendered = group.contains { i in
        let unit = document.units[i]
        guard let index = unit.unit.metadata["plural-index"], index != "0", unit.target != nil
        else { return false }
        return !unit.targetCodes.isEmpty
      }
      for i in group {
        let unit = document.units[i]
        guard let source = unit.source, !unit.isNotComparable else { continue }
        let sourceCodes = unit.sourceCodes.map(\.textRange)
        var sourceMentions = sourceScanner.mentions(in: source, excluding: sourceCodes)
        // The singular msgid of a plural entry ("1 item" / "%d items") names the count itself:
        // the target's forms stand for many counts (Russian msgstr[0] is 1, 21, 31 …).
        if unit.unit.metadata["plural-index"] == "0" && countRendered {
          for k in sourceMentions.indices
          where sourceMentions[k].matchesExactly(
            NumberMention(values: [1], textRange: 0..<0, isHard: true))
          {
            sourceMentions[k].isHard = false
          }
        }
        sources += sourceMentions.map { Item(unit: i, mention: $0) }
        if let target = unit.target, !target.isBlank, !unit.targetIsMostlySourceScript {
          let targetCodes = unit.targetCodes.map(\.textRange)
          var targetMentions = targetScanner.mentions(in: target, excluding: targetCodes)
          // Labels of plural categories ("One/few/many") are localised with the counts they
          // stand for ("Один/2-4/много"): those figures can match, never be reported alone.
          if Self.namesPluralCategories(source.span.string) {
            for k in targetMentions.indices { targetMentions[k].isHard = false }
          }
          targets += targetMentions.map { Item(unit: i, mention: $0) }
        }
      }
      if sources.isEmpty && targets.isEmpty { continue }
      // Match equal values, preferring the same unit, then any reading of either number.
      SidePairing.pair(&targets, with: &sources) { $0.mention.matchesExactly($1.mention) }
      SidePairing.pair(&targets, with: &sources) { $0.mention.matches($1.mention) }
      // A number whose digit groups are split wrongly on one side (2240 191 for 2,240,191) is
      // the same value: a typographic slip, not a wrong number.
      Self.matchSplitGroups(&targets, against: &sources, document: document, targetSide: true)
      Self.matchSplitGroups(&sources, against: &targets, document: document, targetSide: false)
      for i in group {
        let unit = document.units[i]
        guard let source = unit.source, let target = unit.target, !target.isBlank,
          !unit.targetIsMostlySourceScript
        else { continue }
        // A figure repeated on one side only (a date given twice) is not a mismatch: report only
        // values with no equal anywhere on the other side.
        var extra = targets.filter { t in
          t.unit == i && !t.matched && t.mention.isHard
            && !sources.contains { $0.mention.matches(t.mention) }
        }
        var missing = sources.filter { s in
          s.unit == i && !s.matched && s.mention.isHard
            && !targets.contains { $0.mention.matches(s.mention) }
        }
        func sourceLocation(_ item: Item) -> Location {
          Location(
            file: source.span.file, utf16Range: source.fileRange(text: item.mention.textRange))
        }
        func sourceText(_ item: Item) -> String {
          source.span.file.text(in: source.fileRange(text: item.mention.textRange))
        }
        while let t = extra.first {
          extra.removeFirst()
          let range = target.fileRange(text: t.mention.textRange)
          let written = target.span.file.text(in: range)
          if let s = missing.first {
            missing.removeFirst()
            findings.append(
              context.finding(
                Self.descriptor, in: target, fileRange: range,
                message: .differs(written, source: sourceText(s)),
                suggestions: [], unit: unit.unit, related: [sourceLocation(s)]))
          } else {
            findings.append(
              context.finding(
                Self.descriptor, in: target, fileRange: range, message: .notInSource(written),
                unit: unit.unit,
                related: [Location(file: source.span.file, utf16Range: source.trimmedFileRange)]))
          }
        }
        for s in missing {
          findings.append(
            context.finding(
              Self.descriptor, in: target, fileRange: target.trimmedFileRange,
              message: .missing(sourceText(s)), unit: unit.unit,
              related: [sourceLocation(s)]))
        }
      }
    }
    return findings
  }
}

extension NumberMismatchRule {
  /// The units compared together: the paragraphs of `UnitScopes`, with the forms of one PO
  /// plural entry (`msgstr[0]`, `msgstr[1]` …) compared as a whole.
  static func groups(_ document: AnnotatedDocument) -> [[Int]] {
    var result: [[Int]] = []
    var previousEntry: String?
    for group in UnitScopes.groups(document) {
      let unit = document.units[group[0]].unit
      let entry = unit.metadata["plural-index"].flatMap { index -> String? in
        let suffix = "[\(index)]"
        return group.count == 1 && unit.id.hasSuffix(suffix)
          ? String(unit.id.dropLast(suffix.count)) : nil
      }
      if let entry, entry == previousEntry, unit.metadata["plural-index"] != "0" {
        result[result.count - 1] += group
      } else {
        result.append(group)
      }
      previousEntry = entry
    }
    return result
  }

  /// Whether a source is a list of plural category names ("One/few/many", "Two/other",
  /// "One/two/three/other"): CLDR's categories and small number words, with few, many or other.
  static func namesPluralCategories(_ source: String) -> Bool {
    let categories: Set<Substring> = [
      "zero", "one", "two", "three", "four", "few", "many", "other",
    ]
    let words = source.lowercased().split(whereSeparator: { !$0.isLetter })
    guard words.count >= 2, words.allSatisfy({ categories.contains($0) }),
      words.contains(where: { ["few", "many", "other"].contains($0) })
    else { return false }
    return source.contains("/") || source.contains(",") || source.contains("|")
  }

  /// Marks as matched a run of unmatched numbers of one unit separated by single spaces whose
  /// digits, joined, give an unmatched number of the other side (2240 191 = 2,240,191).
  fileprivate static func matchSplitGroups(
    _ side: inout [Item], against other: inout [Item], document: AnnotatedDocument, targetSide: Bool
  ) {
    for start in side.indices where !side[start].matched && side[start].mention.isHard {
      let unit = document.units[side[start].unit]
      guard let span = targetSide ? unit.target : unit.source else { continue }
      let text = span.text
      func digits(_ item: Item) -> String? {
        let r = item.mention.textRange
        guard r.upperBound <= text.count else { return nil }
        let s = String(utf16Units: text[r])
        return s.allSatisfy(\.isASCIIDigit) ? s : nil
      }
      guard var joined = digits(side[start]) else { continue }
      var run = [start]
      var k = start + 1
      while k < side.count, side[k].unit == side[start].unit, !side[k].matched,
        let next = digits(side[k])
      {
        let gap =
          side[run.last!].mention.textRange.upperBound..<side[k].mention.textRange.lowerBound
        guard gap.count == 1, TextScan.isSpace(text[gap.lowerBound]), next.count == 3 else { break }
        joined += next
        run.append(k)
        if let value = Double(joined),
          let o = other.indices.first(where: {
            !other[$0].matched
              && other[$0].mention.values.contains { NumberScanner.same($0, value) }
          })
        {
          other[o].matched = true
          for r in run { side[r].matched = true }
          break
        }
        k += 1
      }
    }
  }
}

extension String {
  fileprivate static func differs(_ written: String, source: String) -> String {
    "'\(written)' does not match '\(source)' in the source; check the number"
  }

  fileprivate static func notInSource(_ written: String) -> String {
    "'\(written)' is not in the source; check the number"
  }

  fileprivate static func missing(_ source: String) -> String {
    "'\(source)' in the source is missing from the translation; check the number"
  }
}
