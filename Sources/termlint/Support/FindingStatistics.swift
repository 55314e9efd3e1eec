import TermlintCore
import TermlintGlossary
import TermlintText

/// `--statistics`: how many findings each rule and each file has, most first (then by name).
struct FindingStatistics {
  let byRule: [(id: String, severity: Severity, count: Int)]
  let byFile: [(path: String, count: Int)]
  let total: Int

  init(_ findings: [Finding]) {
    var rules: [String: (Severity, Int)] = [:]
    var files: [String: Int] = [:]
    for finding in findings {
      let known = rules[finding.ruleID]
      rules[finding.ruleID] = (
        max(known?.0 ?? finding.severity, finding.severity), (known?.1 ?? 0) + 1
      )
      files[finding.location.path, default: 0] += 1
    }
    byRule = rules.map { ($0.key, $0.value.0, $0.value.1) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id
    }
    byFile = files.map { ($0.key, $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.path < $1.path
    }
    total = findings.count
  }

  /// The table printed on standard error.
  var text: String {
    var lines = ["Findings per rule:"]
    let width = String(byRule.first?.count ?? 0).count
    for (id, severity, count) in byRule {
      lines.append(
        "  " + String(repeating: " ", count: width - String(count).count)
          + "\(count)  \(id) (\(severity.rawValue))")
    }
    lines.append("Findings per file:")
    let fileWidth = String(byFile.first?.count ?? 0).count
    for (path, count) in byFile {
      lines.append(
        "  " + String(repeating: " ", count: fileWidth - String(count).count) + "\(count)  \(path)")
    }
    lines.append("Total: \(total)")
    return lines.joined(separator: "\n")
  }
}
