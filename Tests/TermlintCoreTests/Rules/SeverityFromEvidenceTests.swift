import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

/// Each built-in rule's default severity, whether it runs by default, and whether its fixes are
/// safe follow from its precision measured on real translations (`Evaluation/precision.tsv`,
/// written by `Evaluation/precision.py --write-docs` from the judged findings):
/// - `error` only at 95 % or more;
/// - on by default (`stable`) only at 80 % or more; below that the rule is `preview`, which a
///   pipeline turns on by naming it;
/// - suggestions applied by `termlint fix` (`SafeFixes`) only at 95 % or more.
/// A rule the evaluation set cannot measure (it needs a glossary, or found nothing) is named
/// below with the reason, and may not be an error or fix on its own unless the reason says why
/// its findings are the user's own instructions.
@Suite("Severity from evidence")
struct SeverityFromEvidenceTests {
  struct Figures {
    let findings: Int, judged: Int, precision: Double?
  }

  /// Rules without a measured precision, and why.
  static let unmeasured: [String: String] = [
    "term-forbidden":
      "needs a glossary; a finding is the glossary's own instruction (a term the house declared deprecated)",
    "term-case": "needs a glossary; a finding is the glossary's own capitalisation of a term",
    "term-inconsistent":
      "needs a glossary; the evaluation set has none matched to its translations yet",
    "term-missing": "needs a glossary; the evaluation set has none matched to its translations yet",
    "name-spelling": "needs a glossary of names; the evaluation set has none yet",
    "escape-mismatch":
      "found nothing on the evaluation set (no catalogue there adds or drops a literal escape)",
    "target-inconsistent":
      "opt-in reverse of translation-inconsistent (preview, info); not run on the evaluation set yet",
    "target-missing":
      "reports only translations that are expected (a half-translated plural, an empty target marked translated); none in the evaluation set",
  ]

  /// Unmeasured rules whose findings are the user's own instructions: these may stay errors and
  /// keep safe fixes.
  static let instructions: Set<String> = ["term-forbidden", "term-case"]

  static func figures() throws -> [String: Figures] {
    let text = try String(
      contentsOfFile: TestPaths.repo("Evaluation/precision.tsv"), encoding: .utf8)
    var out: [String: Figures] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("rule\t")
    {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard cells.count == 5, let findings = Int(cells[1]), let judged = Int(cells[2]) else {
        Issue.record("Evaluation/precision.tsv: bad line \(line.debugDescription)")
        continue
      }
      out[cells[0]] = Figures(findings: findings, judged: judged, precision: Double(cells[4]))
    }
    return out
  }

  @Test func severityStatusAndSafeFixesFollowMeasuredPrecision() throws {
    let figures = try Self.figures()
    #expect(!figures.isEmpty, "Evaluation/precision.tsv has figures")
    for d in BuiltInRules.descriptors {
      let id = d.id
      if let f = figures[id], f.findings > 0 {
        guard let p = f.precision else {
          Issue.record(
            "\(id): \(f.findings) findings on the evaluation set but no verdicts; judge a sample (Evaluation/README.md)"
          )
          continue
        }
        if d.defaultSeverity == .error {
          #expect(
            p >= 0.95,
            "\(id) is an error by default at a measured precision of \(p); errors need 95 %")
        }
        if d.status == .stable {
          #expect(
            p >= 0.80,
            "\(id) runs by default at a measured precision of \(p); below 80 % it must be preview (opt-in)"
          )
        }
        if SafeFixes.builtInRules.contains(id) {
          #expect(
            p >= 0.95,
            "\(id)'s fixes are safe at a measured precision of \(p); safe fixes need 95 %")
        }
      } else {
        guard let reason = Self.unmeasured[id] else {
          Issue.record(
            "\(id) has no measured precision; measure it, or name it in `unmeasured` with the reason"
          )
          continue
        }
        if !Self.instructions.contains(id) {
          #expect(
            d.defaultSeverity != .error,
            "\(id) is unmeasured (\(reason)) and cannot be an error by default")
          #expect(
            !SafeFixes.builtInRules.contains(id),
            "\(id) is unmeasured (\(reason)) and cannot fix on its own")
        }
      }
    }
    for id in Self.unmeasured.keys {
      #expect(BuiltInRules.type(for: id) != nil, "\(id) in `unmeasured` is a built-in rule")
    }
  }
}
