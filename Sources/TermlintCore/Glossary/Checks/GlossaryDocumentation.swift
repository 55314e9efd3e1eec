import TermlintGlossary
import TermlintText

/// Renders glossary-check descriptors as text: `termlint glossary checks ID` and the check
/// reference in `Documentation/Glossary.md`.
public enum GlossaryDocumentation {
  /// A check's documentation with its example glossaries (indented, `↓` marking each finding).
  public static func explain(_ d: RuleDescriptor) -> String {
    var out = "# \(d.id): \(d.title)\n\n"
    out += "Category: \(d.category.rawValue) · Default severity: \(d.defaultSeverity.rawValue)\n\n"
    out += d.summary + "\n\n" + d.rationale.trimmingTrailingNewlines + "\n"
    if !d.triggeringExamples.isEmpty {
      out += "\n## Reported (↓ marks each finding)\n"
      for e in d.triggeringExamples { out += "\n" + indented(e.target) }
    }
    if !d.nonTriggeringExamples.isEmpty {
      out += "\n## Not reported\n"
      for e in d.nonTriggeringExamples { out += "\n" + indented(e.target) }
    }
    return out
  }

  /// A Markdown table of every check: id, severity, what it reports.
  public static func markdownTable(_ descriptors: [RuleDescriptor]) -> String {
    var out =
      "| check | category | default severity | what it reports |\n| --- | --- | --- | --- |\n"
    for d in descriptors {
      out +=
        "| `\(d.id)` | \(d.category.rawValue) | \(d.defaultSeverity.rawValue) | \(d.summary.replacingBars) |\n"
    }
    return out
  }

  private static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
      separator: "\n") + "\n"
  }
}

extension String {
  fileprivate var replacingBars: String {
    var out = ""
    for c in self { out += c == "|" ? "\\|" : String(c) }
    return out
  }
}
