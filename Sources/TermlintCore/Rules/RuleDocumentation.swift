/// Renders rule descriptors as text: the `termlint rules` table, `rules explain`, and the
/// generated `Documentation/Rules.md`.
public enum RuleDocumentation {
  /// One line per rule: id, category, default severity, title.
  public static func table(_ descriptors: [RuleDescriptor]) -> String {
    let idWidth = max(2, descriptors.map(\.id.count).max() ?? 0)
    let catWidth = max(8, descriptors.map(\.category.rawValue.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    var out = "\(pad("ID", idWidth))  \(pad("CATEGORY", catWidth))  \(pad("SEVERITY", 8))  TITLE\n"
    for d in descriptors {
      let status = d.status == .stable ? "" : " (\(d.status.rawValue))"
      out += "\(pad(d.id, idWidth))  \(pad(d.category.rawValue, catWidth))  \(pad(d.defaultSeverity.rawValue, 8))  \(d.title)\(status)\n"
    }
    return out
  }

  /// A rule's full documentation with its examples.
  public static func explain(_ d: RuleDescriptor) -> String {
    var out = "# \(d.id): \(d.title)\n\n"
    out += "Category: \(d.category.rawValue) · Default severity: \(d.defaultSeverity.rawValue) · Status: \(d.status.rawValue)\n\n"
    out += d.summary + "\n\n" + d.rationale.trimmingTrailingNewlines + "\n"
    if !d.triggeringExamples.isEmpty {
      out += "\n## Flagged (↓ marks each finding)\n\n"
      for e in d.triggeringExamples {
        out += example(e)
        if let c = e.corrected { out += "    fixed: \(c.replacingOccurrences(of: "\n", with: "⏎"))\n" }
      }
    }
    if !d.nonTriggeringExamples.isEmpty {
      out += "\n## Not flagged\n\n"
      for e in d.nonTriggeringExamples { out += example(e) }
    }
    if !d.deprecatedAliases.isEmpty { out += "\nAliases: \(d.deprecatedAliases.joined(separator: ", "))\n" }
    return out
  }

  private static func example(_ e: RuleExample) -> String {
    var out = ""
    if let s = e.source { out += "    source: \(s.replacingOccurrences(of: "\n", with: "⏎"))\n" }
    out += "    \(e.source == nil ? "" : "target: ")\(e.target.replacingOccurrences(of: "\n", with: "⏎"))\n"
    return out
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}

import Foundation
