import TermlintGlossary
import TermlintText
import Testing

extension GlossaryTestSupport {
  /// Runs `body`, expecting a `TermlintError`, and returns it (records a failure otherwise).
  public static func expectError(
    _ body: () throws -> Glossary, sourceLocation: SourceLocation = #_sourceLocation
  ) -> TermlintError? {
    do {
      let g = try body()
      Issue.record(
        "expected an error, loaded \(g.concepts.count) concepts", sourceLocation: sourceLocation)
      return nil
    } catch let error as TermlintError {
      return error
    } catch {
      Issue.record("expected TermlintError, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }
}
