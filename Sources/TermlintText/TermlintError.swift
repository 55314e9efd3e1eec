/// An error that stops a run: bad input, bad configuration or bad usage. The CLI prints its
/// `description` on one line and exits with status 2.
public struct TermlintError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What kind of problem it is.
  public enum Kind: String, Sendable {
    /// A file that cannot be read or decoded, or whose content is malformed.
    case input
    /// A glossary, pipeline or rule file whose content is invalid.
    case configuration
    /// Wrong command-line usage.
    case usage
  }

  /// The kind of problem.
  public var kind: Kind
  /// The file concerned, if any.
  public var file: String?
  /// 1-based line in that file, if known.
  public var line: Int?
  /// 1-based column (Unicode code points), if known.
  public var column: Int?
  /// What is wrong, in words a user understands.
  public var reason: String

  /// Creates an error.
  public init(
    _ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, _ reason: String
  ) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// An input error.
  public static func input(_ file: String?, line: Int? = nil, column: Int? = nil, _ reason: String)
    -> TermlintError
  {
    TermlintError(.input, file: file, line: line, column: column, reason)
  }

  /// A configuration error.
  public static func configuration(
    _ file: String?, line: Int? = nil, column: Int? = nil, _ reason: String
  ) -> TermlintError {
    TermlintError(.configuration, file: file, line: line, column: column, reason)
  }

  /// A usage error.
  public static func usage(_ reason: String) -> TermlintError { TermlintError(.usage, reason) }

  /// `file:line:column: reason`, omitting what is unknown.
  public var description: String {
    var prefix = ""
    if let file {
      prefix = file
      if let line {
        prefix += ":\(line)"
        if let column { prefix += ":\(column)" }
      }
      prefix += ": "
    }
    return prefix + reason
  }
}
