import TermlintText

/// An interning table of UTF-16 strings: each distinct key gets a dense id (0, 1, 2 …), and
/// lookups take a buffer slice, so the matcher needs no `[UInt16]` array (nor `Hasher` pass)
/// per token.
///
/// Keys are stored back to back in one array; the table is open addressing with linear probing
/// over a power-of-two number of slots, holding each key's id and full hash.
package struct UTF16Table: Sendable {
  private var storage: [UInt16] = []
  /// Key `i` is `storage[starts[i]..<starts[i + 1]]`.
  private var starts: [Int32] = [0]
  /// Per slot: key id + 1 (0 is empty).
  private var slots: [Int32]
  /// Per slot: the key's hash (compared before the key itself).
  private var slotHashes: [UInt32]
  private var mask: Int

  /// Creates an empty table sized for about `capacity` keys.
  package init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: 0, count: size)
    slotHashes = [UInt32](repeating: 0, count: size)
    mask = size - 1
  }

  /// Restores a table from its raw storage (`raw`), as the glossary cache wrote it; nil when
  /// the parts do not form a valid table (a corrupt cache file), so lookups can never fail.
  package init?(storage: [UInt16], starts: [Int32], slots: [Int32], slotHashes: [UInt32]) {
    let size = slots.count
    guard size >= 1, size & (size - 1) == 0, slotHashes.count == size, starts.first == 0,
      Int(starts.last!) == storage.count, starts.count - 1 < size
    else { return nil }
    for i in 1..<starts.count where starts[i] < starts[i - 1] { return nil }
    let keys = Int32(starts.count - 1)
    var empty = 0
    for slot in slots {
      if slot == 0 { empty += 1 } else if slot < 0 || slot > keys { return nil }
    }
    guard empty > 0 else { return nil }
    self.storage = storage
    self.starts = starts
    self.slots = slots
    self.slotHashes = slotHashes
    self.mask = size - 1
  }

  /// The raw storage, for the glossary cache (see `init(storage:starts:slots:slotHashes:)`).
  var raw: (storage: [UInt16], starts: [Int32], slots: [Int32], slotHashes: [UInt32]) {
    (storage, starts, slots, slotHashes)
  }

  /// The number of keys.
  var count: Int { starts.count - 1 }

  /// FNV-1a over the code units.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt16>) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for u in key {
      h = (h ^ UInt32(u)) &* 16_777_619
    }
    return h
  }

  @inline(__always)
  private func slot(for key: UnsafeBufferPointer<UInt16>, hash: UInt32) -> (index: Int, found: Bool)
  {
    var i = Int(hash) & mask
    return storage.withUnsafeBufferPointer { stored in
      while true {
        let entry = slots[i]
        if entry == 0 { return (i, false) }
        if slotHashes[i] == hash {
          let id = Int(entry - 1)
          let start = Int(starts[id])
          let end = Int(starts[id + 1])
          if end - start == key.count {
            var equal = true
            var k = 0
            while k < key.count {
              if stored[start + k] != key[k] {
                equal = false
                break
              }
              k += 1
            }
            if equal { return (i, true) }
          }
        }
        i = (i + 1) & mask
      }
    }
  }

  /// The id of `key`, or nil when it is not in the table.
  @inline(__always)
  func id(of key: UnsafeBufferPointer<UInt16>) -> Int32? {
    let (i, found) = slot(for: key, hash: UTF16Table.hash(key))
    return found ? slots[i] - 1 : nil
  }

  /// The id of `key`, or nil when it is not in the table.
  func id(of key: [UInt16]) -> Int32? { key.withUnsafeBufferPointer { id(of: $0) } }

  /// The id of `key`, adding it when new.
  @discardableResult
  mutating func intern(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
    let hash = UTF16Table.hash(key)
    let (i, found) = slot(for: key, hash: hash)
    if found { return slots[i] - 1 }
    let id = Int32(count)
    storage.append(contentsOf: key)
    starts.append(Int32(storage.count))
    slots[i] = id + 1
    slotHashes[i] = hash
    if count * 2 > mask + 1 { grow() }
    return id
  }

  /// The id of `key`, adding it when new.
  @discardableResult
  mutating func intern(_ key: [UInt16]) -> Int32 { key.withUnsafeBufferPointer { intern($0) } }

  /// The key with id `id`.
  func key(_ id: Int32) -> ArraySlice<UInt16> {
    storage[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]
  }

  private mutating func grow() {
    let size = (mask + 1) * 2
    var newSlots = [Int32](repeating: 0, count: size)
    var newHashes = [UInt32](repeating: 0, count: size)
    let newMask = size - 1
    for i in slots.indices where slots[i] != 0 {
      var j = Int(slotHashes[i]) & newMask
      while newSlots[j] != 0 { j = (j + 1) & newMask }
      newSlots[j] = slots[i]
      newHashes[j] = slotHashes[i]
    }
    slots = newSlots
    slotHashes = newHashes
    mask = newMask
  }
}

/// A map from 64-bit keys to 32-bit values (open addressing, linear probing): the trie's edges
/// keyed by node and edge label in one table instead of one `Dictionary` per node.
struct EdgeTable: Sendable {
  private static let empty = UInt64.max
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  /// Creates an empty table.
  package init() {
    keys = [UInt64](repeating: EdgeTable.empty, count: 16)
    values = [Int32](repeating: 0, count: 16)
    mask = 15
  }

  /// Restores a table from its raw storage (`raw`), as the glossary cache wrote it; nil when
  /// the parts do not form a valid table or a value is outside `0..<valueLimit` (a corrupt
  /// cache file), so lookups always end and return valid node numbers.
  package init?(keys: [UInt64], values: [Int32], valueLimit: Int32) {
    let size = keys.count
    guard size >= 1, size & (size - 1) == 0, values.count == size else { return nil }
    var count = 0
    for i in 0..<size where keys[i] != EdgeTable.empty {
      guard values[i] >= 0, values[i] < valueLimit else { return nil }
      count += 1
    }
    guard count < size else { return nil }
    self.keys = keys
    self.values = values
    self.mask = size - 1
    self.count = count
  }

  /// The raw storage, for the glossary cache (see `init(keys:values:valueLimit:)`).
  var raw: (keys: [UInt64], values: [Int32]) { (keys, values) }

  @inline(__always)
  private static func hash(_ key: UInt64) -> Int {
    let h = key &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// The value for `key` (which must not be `UInt64.max`), or nil.
  @inline(__always)
  package subscript(key: UInt64) -> Int32? {
    var i = EdgeTable.hash(key) & mask
    while true {
      let k = keys[i]
      if k == key { return values[i] }
      if k == EdgeTable.empty { return nil }
      i = (i + 1) & mask
    }
  }

  /// Sets the value for a key not yet in the table.
  mutating func insert(_ key: UInt64, _ value: Int32) {
    var i = EdgeTable.hash(key) & mask
    while keys[i] != EdgeTable.empty {
      if keys[i] == key {
        values[i] = value
        return
      }
      i = (i + 1) & mask
    }
    keys[i] = key
    values[i] = value
    count += 1
    if count * 2 > mask + 1 { grow() }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let size = (mask + 1) * 2
    keys = [UInt64](repeating: EdgeTable.empty, count: size)
    values = [Int32](repeating: 0, count: size)
    mask = size - 1
    count = 0
    for i in oldKeys.indices where oldKeys[i] != EdgeTable.empty {
      insert(oldKeys[i], oldValues[i])
    }
  }
}
