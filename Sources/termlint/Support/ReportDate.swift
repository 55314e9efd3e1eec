import Foundation

/// The date a report says it was made: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when
/// set, so that a report made twice from the same input is byte for byte the same.
enum ReportDate {
  static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
    if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({
      Int($0.trimmingCharacters(in: .whitespaces))
    }) {
      return Date(timeIntervalSince1970: TimeInterval(epoch))
    }
    return Date()
  }
}
