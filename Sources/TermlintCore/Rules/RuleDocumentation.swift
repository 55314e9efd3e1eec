import TermlintGlossary
import TermlintText

/// Renders rule descriptors as text: the `termlint rules` table, `rules explain`, and the
/// generated `Documentation/Rules.md`.
public enum RuleDocumentation {
  /// One line per rule: id, category, default severity, title.
  public static func table(_ descriptors: [RuleDescriptor]) -> String {
    let idWidth = max(2, descriptors.map(\.id.count).max() ?? 0)
    let catWidth = max(8, descriptors.map(\.category.rawValue.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String {
      s + String(repeating: " ", count: max(0, n - s.count))
    }
    var out = "\(pad("ID", idWidth))  \(pad("CATEGORY", catWidth))  \(pad("SEVERITY", 8))  TITLE\n"
    for d in descriptors {
      let status = d.status == .stable ? "" : " (\(d.status.rawValue))"
      out +=
        "\(pad(d.id, idWidth))  \(pad(d.category.rawValue, catWidth))  \(pad(d.defaultSeverity.rawValue, 8))  \(d.title)\(status)\n"
    }
    return out
  }

  /// A rule's full documentation with its examples.
  public static func explain(_ d: RuleDescriptor) -> String {
    var out = "# \(d.id): \(d.title)\n\n"
    out += facts(d) + "\n\n"
    out += d.summary + "\n\n" + d.rationale.trimmingTrailingNewlines + "\n"
    if !d.options.isEmpty {
      out +=
        "\n## Options\n\n"
        + d.options.map { "    \($0.key) (default: \($0.defaultValue)): \($0.summary)\n" }.joined()
    }
    out += examples(d, heading: "##", indent: "    ")
    if !d.deprecatedAliases.isEmpty {
      out += "\nAliases: \(d.deprecatedAliases.joined(separator: ", "))\n"
    }
    return out
  }

  /// The generated `Documentation/Rules.md`: a table of every rule, then each rule's
  /// documentation with its examples.
  public static func markdown(_ descriptors: [RuleDescriptor]) -> String {
    var out = """
      # Rules

      <!-- Generated from the rule registry and Pipelines/news-ru-en.yml; do not edit by hand.
      Regenerate with: swift run termlint rules --markdown --pipeline Pipelines/news-ru-en.yml > Documentation/Rules.md
      (or RECORD_RULES_DOC=1 swift test --filter RulesDocumentation). A test fails when this file is stale. -->

      Every rule Termlint ships: the built-in rules, then the house-style rules written as data in
      `Pipelines/rules/` (they run only in pipelines that list them under `data-rules`).
      `termlint rules explain ID` prints the same text. In the examples, `↓` marks where each
      finding starts, `⏎` is a line break and `⟨U+200B⟩` stands for an invisible character.

      | id | category | default severity | title |
      | --- | --- | --- | --- |

      """
    for d in descriptors {
      out +=
        "| [`\(d.id)`](#\(anchor(d.id))) | \(d.category.rawValue) | \(d.defaultSeverity.rawValue) | \(d.title)\(d.status == .stable ? "" : " (\(d.status.rawValue))") |\n"
    }
    out += """

      ## Measured precision

      How often each rule's findings are right on real translations nobody on the project wrote
      (`Evaluation/`, judged as `../shared/EVALUATION.md` says). The table between the markers is
      written by `python3 Evaluation/precision.py --write-docs`; the rest of this file by
      `termlint rules --markdown`, which leaves the markers empty.

      \(measuredPrecisionBegin)
      \(measuredPrecisionEnd)

      """
    for d in descriptors {
      out += "\n## \(d.id)\n\n**\(d.title)**: \(d.summary).\n\n\(facts(d))\n\n"
      out += markdownRationale(d.rationale) + "\n"
      if !d.options.isEmpty {
        out += "\n### Options\n\n| option | default | what it does |\n| --- | --- | --- |\n"
        out += d.options.map { "| `\($0.key)` | `\($0.defaultValue)` | \($0.summary) |\n" }.joined()
      }
      out += examples(d, heading: "###", fence: true)
      if !d.deprecatedAliases.isEmpty {
        out += "\nAliases: \(d.deprecatedAliases.map { "`\($0)`" }.joined(separator: ", "))\n"
      }
    }
    return out
  }

  /// The markers around the measured-precision table that `Evaluation/precision.py` writes
  /// into `Documentation/Rules.md`; the generator leaves the space between them empty.
  public static let measuredPrecisionBegin = "<!-- precision:begin -->"
  public static let measuredPrecisionEnd = "<!-- precision:end -->"

  /// `text` with whatever stands between the measured-precision markers removed, so a stored
  /// `Rules.md` with its table compares equal to the generator's output.
  public static func withoutMeasuredPrecision(_ text: String) -> String {
    guard let begin = text.range(of: measuredPrecisionBegin),
      let end = text.range(of: measuredPrecisionEnd, range: begin.upperBound..<text.endIndex)
    else { return text }
    return String(text[..<begin.upperBound]) + "\n" + String(text[end.lowerBound...])
  }

  // MARK: - Private

  /// The rationale one heading level down, with its "Example" and "Use instead" texts in code
  /// blocks (they show mistakes on purpose).
  private static func markdownRationale(_ rationale: String) -> String {
    var out: [String] = []
    var fenced = false
    func closeFence() {
      while out.last == "" { out.removeLast() }
      out += ["```", ""]
      fenced = false
    }
    for line in rationale.trimmingTrailingNewlines.split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init) {
      if line.hasPrefix("## ") {
        if fenced { closeFence() }
        out.append("#" + line)
        if line == "## Example" || line == "## Use instead" {
          out += ["", "```text"]
          fenced = true
        }
      } else if !(fenced && out.last == "```text" && line.isEmpty) {
        out.append(line)
      }
    }
    if fenced { closeFence() }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n")
  }

  private static func facts(_ d: RuleDescriptor) -> String {
    "Category: \(d.category.rawValue) · Default severity: \(d.defaultSeverity.rawValue) · Status: \(d.status.rawValue) · Checks: "
      + (d.scope == .document ? "the whole document" : "each unit")
  }

  private static func examples(
    _ d: RuleDescriptor, heading: String, indent: String = "", fence: Bool = false
  ) -> String {
    var out = ""
    func section(_ title: String, _ list: [RuleExample], corrected: Bool) {
      guard !list.isEmpty else { return }
      out += "\n\(heading) \(title)\n\n" + (fence ? "```text\n" : "")
      for e in list {
        out += example(e, indent: indent)
        if corrected, let c = e.corrected { out += "\(indent)  fixed: \(visible(c))\n" }
      }
      out += fence ? "```\n" : ""
    }
    section("Flagged (↓ marks each finding)", d.triggeringExamples, corrected: true)
    section("Not flagged", d.nonTriggeringExamples, corrected: false)
    return out
  }

  private static func example(_ e: RuleExample, indent: String) -> String {
    var out = ""
    let options =
      e.options.isEmpty
      ? ""
      : " (options: \(e.options.keys.sorted().map { "\($0): \(e.options[$0] ?? "")" }.joined(separator: ", ")))"
    if let s = e.source { out += "\(indent)source: \(visible(s))\n" }
    out += "\(indent)\(e.source == nil ? "" : "target: ")\(visible(e.target))\(options)\n"
    return out
  }

  /// Shows line breaks as ⏎ and invisible characters (controls, format characters, spaces
  /// other than U+0020) as ⟨U+XXXX⟩.
  static func visible(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      let category = UnicodeProperties.generalCategory(scalar)
      if scalar == "\n" {
        out += "⏎"
      } else if scalar != " "
        && (category == 15 || category == 16 || category == 12 || category == 13 || category == 14
          || scalar == "\u{AD}")
      {
        out += "⟨" + Typography.label(scalar) + "⟩"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The GitHub heading anchor of a rule id.
  private static func anchor(_ id: String) -> String { id.replacingOccurrences(of: ".", with: "") }
}
