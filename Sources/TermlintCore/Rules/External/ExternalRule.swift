import Foundation
import TermlintGlossary
import TermlintText

/// A rule run by an external command, once per document: Termlint writes the document's units
/// as JSON lines on the command's standard input and reads findings as JSON lines from its
/// standard output (protocol 1, `Documentation/ExternalRules.md`).
///
/// A command that cannot be started, exits with a non-zero status or by a signal, runs past its
/// time limit, writes more than `maxOutputBytes` to either output stream (it is killed at once)
/// or writes invalid output yields one `error` finding for this rule and document;
/// its other output is discarded, and no other rule is affected.
public struct ExternalRule: Rule {
  /// The protocol version written in the document line.
  public static let protocolVersion = 1
  /// The time limit when the pipeline gives none, in seconds.
  public static let defaultTimeout: Double = 10
  /// The most bytes a command may write to standard output or standard error (16 MiB).
  public static let maxOutputBytes = ProcessRunner.defaultMaxOutputBytes

  public let descriptor: RuleDescriptor
  /// The command and its arguments.
  public let command: [String]
  /// The working directory (the pipeline file's folder).
  public let directory: String?
  /// Seconds before the command is stopped.
  public let timeout: Double
  /// Options passed to the command in the document line.
  public let options: [String: String]

  /// Creates an external rule.
  public init(
    descriptor: RuleDescriptor, command: [String], directory: String?,
    timeout: Double = defaultTimeout, options: [String: String] = [:]
  ) {
    self.descriptor = descriptor
    self.command = command
    self.directory = directory
    self.timeout = timeout
    self.options = options
  }

  public func check(_ document: AnnotatedDocument, context: RuleContext) -> [Finding] {
    guard !document.units.isEmpty else { return [] }
    let input = ExternalRuleProtocol.input(
      for: document, rule: descriptor.id, options: options, glossary: context.glossary)
    let outcome: ProcessRunner.Outcome
    do {
      outcome = try ProcessRunner.run(
        command, directory: directory, input: input, timeout: timeout,
        maxOutputBytes: Self.maxOutputBytes)
    } catch {
      return [
        failure(
          .cannotStart(descriptor.id, command: command, error.localizedDescription), in: document)
      ]
    }
    if outcome.outputExceeded {
      return [failure(.tooMuchOutput(descriptor.id, limit: Self.maxOutputBytes), in: document)]
    }
    if outcome.timedOut {
      return [failure(.timedOut(descriptor.id, seconds: timeout), in: document)]
    }
    let detail = Self.lastLine(outcome.stderr)
    if let signal = outcome.signal {
      return [
        failure(
          .crashed(descriptor.id, how: "was killed by signal \(signal)", detail: detail),
          in: document)
      ]
    }
    if let status = outcome.exitStatus, status != 0 {
      let how =
        status == 127
        ? "could not be started (exit status 127: command not found?)"
        : "exited with status \(status)"
      return [failure(.crashed(descriptor.id, how: how, detail: detail), in: document)]
    }
    do {
      return try ExternalRuleProtocol.findings(
        from: outcome.stdout, document: document, descriptor: descriptor, context: context)
    } catch let error as ExternalRuleProtocol.OutputError {
      return [failure(.invalidOutput(descriptor.id, line: error.line, error.reason), in: document)]
    } catch {
      return [failure(.invalidOutput(descriptor.id, line: 0, "\(error)"), in: document)]
    }
  }

  /// Seconds for messages: "10", "0.5".
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// The one finding that reports a failed run, at the start of the document.
  private func failure(_ message: String, in document: AnnotatedDocument) -> Finding {
    Finding(
      ruleID: descriptor.id, severity: .error, category: descriptor.category, message: message,
      location: Location(file: document.document.file, utf16Range: 0..<0), matchedText: "")
  }

  /// The last non-empty line of the command's error output, shortened, for the message.
  private static func lastLine(_ data: Data) -> String? {
    let text = String(decoding: data, as: UTF8.self)
    guard
      let last = text.split(whereSeparator: \.isNewline).last(where: {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      })
    else {
      return nil
    }
    let line = last.trimmingCharacters(in: .whitespaces)
    return line.count > 160 ? String(line.prefix(157)) + "…" : line
  }
}

extension String {
  fileprivate static func cannotStart(_ id: String, command: [String], _ reason: String) -> String {
    "External rule '\(id)' could not start '\(command.joined(separator: " "))' (\(reason)); its findings for this file are missing; check the command in the pipeline"
  }

  fileprivate static func timedOut(_ id: String, seconds: Double) -> String {
    "External rule '\(id)' did not finish within \(ExternalRule.seconds(seconds)) s and was stopped; its findings for this file are missing; make it faster or raise its 'timeout'"
  }

  fileprivate static func tooMuchOutput(_ id: String, limit: Int) -> String {
    "External rule '\(id)' wrote more than \(limit >> 20) MiB of output and was stopped; its findings for this file are missing; make it write less"
  }

  fileprivate static func crashed(_ id: String, how: String, detail: String?) -> String {
    let said = detail.map { " ('\($0)')" } ?? ""
    return
      "External rule '\(id)' \(how)\(said); its findings for this file are missing; fix the rule or disable it"
  }

  fileprivate static func invalidOutput(_ id: String, line: Int, _ reason: String) -> String {
    let place = line > 0 ? " on output line \(line)" : ""
    return
      "External rule '\(id)' wrote invalid output\(place): \(reason); its findings for this file are missing; fix the rule's output"
  }
}
