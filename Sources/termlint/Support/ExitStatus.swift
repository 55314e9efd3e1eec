import ArgumentParser
import Foundation
import TermlintCore
import TermlintGlossary
import TermlintText

/// Exit statuses: 0 clean, 1 findings at or above `--fail-on`, 2 usage/configuration/input errors.
enum ExitStatus {
  static let clean: Int32 = 0
  static let findings: Int32 = 1
  static let error: Int32 = 2
}

/// Runs a command body, turning `TermlintError` into one line on stderr and exit status 2.
func runReportingErrors(_ body: () throws -> Int32) throws {
  let status: Int32
  do {
    status = try body()
  } catch let error as TermlintError {
    printError("termlint: error: \(error)")
    throw ExitCode(ExitStatus.error)
  }
  if status != 0 { throw ExitCode(status) }
}

/// Runs an async command body, turning `TermlintError` into one line on stderr and exit status 2.
func runReportingErrors(_ body: () async throws -> Int32) async throws {
  let status: Int32
  do {
    status = try await body()
  } catch let error as TermlintError {
    printError("termlint: error: \(error)")
    throw ExitCode(ExitStatus.error)
  }
  if status != 0 { throw ExitCode(status) }
}
