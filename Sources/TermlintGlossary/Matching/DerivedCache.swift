import Foundation
import TermlintText

/// Values derived from an immutable object once per run and shared by every file and task
/// (such as the index of a compiled glossary's proper names): computed on first use, then
/// returned from memory.
///
/// Thread-safe: a lock serializes lookups, and a value is built at most once per key.
package final class DerivedCache: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [AnyHashable: any Sendable] = [:]

  /// The value stored under `key`, built by `make` on first use.
  package func value<Key: Hashable & Sendable, Value: Sendable>(for key: Key, _ make: () -> Value)
    -> Value
  {
    lock.lock()
    defer { lock.unlock() }
    if let value = values[AnyHashable(key)] as? Value { return value }
    let value = make()
    values[AnyHashable(key)] = value
    return value
  }
}
