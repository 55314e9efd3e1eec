import CHunspellShim
import Foundation

/// A Hunspell dictionary (the system `libhunspell` behind `CHunspellShim`): whether a word is
/// spelled correctly, and suggestions for one that is not.
///
/// Words are converted to the dictionary's own encoding (the `SET` line of its `.aff` file:
/// UTF-8, ISO8859-1, KOI8-R, microsoft-cp1251 …) with ICU, and suggestions back from it. A
/// Hunspell handle keeps per-call state and is not thread-safe, so calls are serialized with a
/// lock; answers are cached, so a word that repeats costs one lookup per process. Open
/// dictionaries through `SpellingDictionaries.shared`, which loads each once per process.
public final class HunspellDictionary: @unchecked Sendable {
  /// The dictionary's name, its file name without the extension (`en_US`).
  public let name: String
  /// The path of the `.aff` file.
  public let affixPath: String
  /// The path of the `.dic` file.
  public let wordsPath: String
  /// The charset Hunspell reads and writes words in, as ICU names it.
  public let encoding: String
  private let isUTF8: Bool
  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()
  private var cache: [String: Bool] = [:]
  private var suggestionCache: [String: [String]] = [:]
  private static let cacheLimit = 200_000

  /// Opens a dictionary from its `.aff` and `.dic` files.
  ///
  /// - Throws: `TermlintError.configuration` naming the file that is missing or unreadable, or
  ///   the encoding ICU does not know.
  public init(affixPath: String, wordsPath: String) throws {
    for path in [affixPath, wordsPath] where !FileManager.default.isReadableFile(atPath: path) {
      throw TermlintError.configuration(path, "cannot read the Hunspell dictionary file")
    }
    guard let handle = tl_hunspell_open(affixPath, wordsPath) else {
      throw TermlintError.configuration(affixPath, "Hunspell could not load the dictionary")
    }
    let declared = String(cString: tl_hunspell_encoding(handle))
    let encoding = Self.icuName(declared)
    guard CharsetConverter.isKnown(encoding) else {
      tl_hunspell_close(handle)
      throw TermlintError.configuration(
        affixPath, "unknown dictionary encoding '\(declared)' in the SET line")
    }
    self.handle = handle
    self.encoding = encoding
    self.isUTF8 = ["utf8"].contains(encoding.lowercased().filter { $0.isLetter || $0.isNumber })
    self.affixPath = affixPath
    self.wordsPath = wordsPath
    self.name = URL(fileURLWithPath: wordsPath).deletingPathExtension().lastPathComponent
  }

  deinit { tl_hunspell_close(handle) }

  /// Whether Hunspell accepts `word`; nil when the word has a character the dictionary's
  /// encoding cannot represent (it cannot be in the dictionary, nor be judged by it).
  public func check(_ word: String) -> Bool? {
    lock.lock()
    defer { lock.unlock() }
    if let known = cache[word] { return known }
    guard let bytes = encoded(word) else { return nil }
    let ok = bytes.withUnsafeBufferPointer { tl_hunspell_spell(handle, $0.baseAddress) } == 1
    if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
    cache[word] = ok
    return ok
  }

  /// Up to `limit` suggestions for `word`, best first (empty when Hunspell has none).
  public func suggestions(for word: String, limit: Int = 3) -> [String] {
    guard limit > 0 else { return [] }
    lock.lock()
    defer { lock.unlock() }
    // Suggesting is slow (a large dictionary takes tens of milliseconds a word): once per word.
    if let known = suggestionCache[word] { return Array(known.prefix(limit)) }
    guard let bytes = encoded(word) else { return [] }
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = bytes.withUnsafeBufferPointer { w in
      buffer.withUnsafeMutableBufferPointer { b in
        tl_hunspell_suggest(handle, w.baseAddress, Int32(limit), b.baseAddress, Int32(b.count))
      }
    }
    var result: [String] = []
    var start = 0
    for _ in 0..<Int(count) {
      guard let end = buffer[start...].firstIndex(of: 0) else { break }
      let raw = buffer[start..<end].map { UInt8(bitPattern: $0) }
      if let s = decoded(raw) { result.append(s) }
      start = end + 1
    }
    if suggestionCache.count >= Self.cacheLimit { suggestionCache.removeAll(keepingCapacity: true) }
    suggestionCache[word] = result
    return result
  }

  /// The word as a NUL-terminated C string in the dictionary's encoding.
  private func encoded(_ word: String) -> [CChar]? {
    let bytes: [UInt8]
    if isUTF8 {
      bytes = Array(word.utf8)
    } else {
      guard let b = try? CharsetConverter.encode(Array(word.utf16), charset: encoding) else {
        return nil
      }
      bytes = b
    }
    if bytes.contains(0) { return nil }
    return bytes.map { CChar(bitPattern: $0) } + [0]
  }

  private func decoded(_ bytes: [UInt8]) -> String? {
    if isUTF8 { return String(validating: bytes, as: UTF8.self) }
    guard let units = try? CharsetConverter.decode(bytes[...], charset: encoding) else {
      return nil
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// ICU's name for a Hunspell `SET` value (`microsoft-cp1251` is ICU's `windows-1251`).
  static func icuName(_ declared: String) -> String {
    let lower = declared.lowercased()
    if lower.hasPrefix("microsoft-cp") { return "windows-" + lower.dropFirst("microsoft-cp".count) }
    if lower.hasPrefix("microsoft-") { return String(lower.dropFirst("microsoft-".count)) }
    return declared
  }
}

/// Finds and loads Hunspell dictionaries: by language tag in the system folders, or by path.
/// Each dictionary is loaded once per process and shared (its calls are serialized).
public final class SpellingDictionaries: @unchecked Sendable {
  /// The process-wide instance.
  public static let shared = SpellingDictionaries()

  /// The folders searched for `NAME.aff` and `NAME.dic`, in order (Debian's `hunspell-*`
  /// packages install into the first).
  public static let systemFolders = [
    "/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell",
  ]

  private let lock = NSLock()
  private var loaded: [String: Result<HunspellDictionary, TermlintError>] = [:]

  /// Loads (once) the dictionary whose `.dic` file is at `wordsPath`, with the `.aff` beside it.
  public func dictionary(wordsPath: String) throws -> HunspellDictionary {
    lock.lock()
    defer { lock.unlock() }
    if let result = loaded[wordsPath] { return try result.get() }
    let affix = String(wordsPath.dropLast(4)) + ".aff"
    let result: Result<HunspellDictionary, TermlintError>
    do {
      result = .success(try HunspellDictionary(affixPath: affix, wordsPath: wordsPath))
    } catch let error as TermlintError {
      result = .failure(error)
    } catch {
      result = .failure(TermlintError.configuration(wordsPath, "\(error)"))
    }
    loaded[wordsPath] = result
    return try result.get()
  }

  /// The `.dic` paths of the installed dictionaries named `name` (`en_US`), or of a language
  /// (`en` gives `en_US`, `en_GB`, … with `en_US` first), in `folders`.
  public static func installed(_ name: String, in folders: [String] = systemFolders) -> [String] {
    var found: [String] = []
    var seen = Set<String>()
    for folder in folders {
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        continue
      }
      for file in files.sorted() where file.hasSuffix(".dic") {
        let base = String(file.dropLast(4))
        let matches =
          name.contains("_") ? base == name : (base == name || base.hasPrefix(name + "_"))
        guard matches, !seen.contains(base), files.contains(base + ".aff") else { continue }
        seen.insert(base)
        found.append((folder as NSString).appendingPathComponent(file))
      }
    }
    // The language's main dictionary first (`en_US`, `ru_RU`, `de_DE`): its suggestions are shown.
    let primary =
      name.contains("_")
      ? name : (Self.primaryRegion[name].map { name + "_" + $0 } ?? name + "_" + name.uppercased())
    return found.sorted { a, b in
      let pa = (a as NSString).lastPathComponent == primary + ".dic"
      let pb = (b as NSString).lastPathComponent == primary + ".dic"
      return pa && !pb
    }
  }

  /// The region of a language's main dictionary when it is not the language code in capitals.
  private static let primaryRegion: [String: String] = [
    "en": "US", "uk": "UA", "be": "BY", "kk": "KZ", "da": "DK", "sv": "SE", "cs": "CZ", "el": "GR",
    "ja": "JP", "nb": "NO", "nn": "NO",
  ]

  /// The dictionaries for a language tag: `en-GB` gives `en_GB`; a tag without a region (`en`)
  /// gives every installed dictionary of the language, main one first (a word any of them
  /// knows is a word of the language); a region with no dictionary falls back to the
  /// language's. Empty when none is installed.
  public static func installed(for tag: LanguageTag, in folders: [String] = systemFolders)
    -> [String]
  {
    let parts = tag.value.split(separator: "-")
    if let region = parts.dropFirst().first(where: { $0.count == 2 && $0.allSatisfy(\.isUppercase) }
    ) {
      let exact = installed(tag.language + "_" + region, in: folders)
      if !exact.isEmpty { return exact }
    }
    return installed(tag.language, in: folders)
  }
}
