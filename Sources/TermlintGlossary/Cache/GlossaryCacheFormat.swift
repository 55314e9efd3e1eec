import Foundation
import TermlintText

/// The glossary cache's file format: everything `CompiledGlossary` holds, in flat binary fields
/// read back in one pass (no JSON, no Codable tree).
///
/// ```
/// header   "TERMLINTGLOSSARY" (16 bytes)  format version (u32)  key length (u32)  key (UTF-8)
///          payload length (u64)  payload hash (32 ASCII hex digits, ContentHash)
/// payload  atoms: strings many terms share (language tags, parts of speech, term types,
///                 subject fields), referred to by index
///          glossary: path, source and target language, warnings, concepts with their terms
///                 (every field, lines and columns included)
///          entries: concept and term index, case sensitivity, tokens, case-preserved form
///          forms, stems: UTF16Table raw storage
///          tries: per language, EdgeTable raw storage and terminals (offsets + entry indexes)
///          proper-noun stem ids
/// ```
///
/// Integers are little-endian. The reader checks the magic, version, key, the payload's length
/// and hash, and then every count, index and table invariant, so a truncated, corrupt or
/// foreign file is rejected (`CacheReader.Corrupt`), never trusted.
enum GlossaryCacheFormat {
  static let magic: [UInt8] = Array("TERMLINTGLOSSARY".utf8)
  /// Bump when the payload's layout or the meaning of a field changes.
  static let version: UInt32 = 1

  private static let absent = UInt32.max

  // MARK: Writing

  /// The whole file for a compiled glossary under `key`.
  static func encode(_ compiled: CompiledGlossary, key: String) throws -> [UInt8] {
    var payload = CacheWriter(capacity: 1 << 22)
    try encodePayload(compiled, into: &payload)
    var header = CacheWriter(capacity: 256 + key.utf8.count)
    for b in magic { header.u8(b) }
    header.u32(version)
    try header.string(key)
    header.u64(UInt64(payload.bytes.count))
    for b in ContentHash.of(payload.bytes).utf8 { header.u8(b) }
    header.raw(payload.bytes)
    return header.bytes
  }

  private static func encodePayload(_ compiled: CompiledGlossary, into w: inout CacheWriter) throws
  {
    let glossary = compiled.glossary
    // Atoms.
    var atoms: [String] = []
    var atomIndex: [String: UInt32] = [:]
    func atom(_ s: String) -> UInt32 {
      if let i = atomIndex[s] { return i }
      let i = UInt32(atoms.count)
      atoms.append(s)
      atomIndex[s] = i
      return i
    }
    func optionalAtom(_ s: String?) -> UInt32 { s.map(atom) ?? absent }
    var body = CacheWriter(capacity: 1 << 22)
    try body.optionalString(glossary.path)
    body.u32(optionalAtom(glossary.sourceLanguage?.value))
    body.u32(optionalAtom(glossary.targetLanguage?.value))
    try body.count(glossary.warnings.count)
    for warning in glossary.warnings { try body.string(warning) }
    try body.count(glossary.concepts.count)
    for concept in glossary.concepts {
      try body.string(concept.id)
      body.u32(optionalAtom(concept.subjectField))
      try body.optionalString(concept.note)
      try body.optionalInt(concept.line)
      try body.count(concept.terms.count)
      for term in concept.terms {
        try body.string(term.text)
        body.u32(atom(term.language.value))
        body.u8(term.status.map { UInt8(TermStatus.allCases.firstIndex(of: $0)! + 1) } ?? 0)
        body.u32(optionalAtom(term.partOfSpeech))
        body.u32(optionalAtom(term.termType))
        body.u8(term.caseSensitive.map { $0 ? 2 : 1 } ?? 0)
        body.u8(term.matchMode.map { UInt8(MatchMode.allCases.firstIndex(of: $0)! + 1) } ?? 0)
        try body.optionalString(term.note)
        try body.optionalInt(term.line)
        try body.optionalInt(term.column)
      }
    }
    // Entries: token lengths and units in flat arrays.
    var entryFields: [Int32] = []
    entryFields.reserveCapacity(compiled.entries.count * 4)
    var lengths: [Int32] = []
    var units: [UInt16] = []
    for entry in compiled.entries {
      entryFields.append(Int32(entry.conceptIndex))
      entryFields.append(Int32(entry.termIndex))
      entryFields.append(entry.isCaseSensitive ? 1 : 0)
      entryFields.append(Int32(entry.tokens.count))
      for token in entry.tokens {
        lengths.append(Int32(token.count))
        units.append(contentsOf: token)
      }
      lengths.append(Int32(entry.casePreserved.count))
      units.append(contentsOf: entry.casePreserved)
    }
    try body.array(entryFields)
    try body.array(lengths)
    try body.array(units)
    for table in [compiled.forms, compiled.stems] {
      let raw = table.raw
      try body.array(raw.storage)
      try body.array(raw.starts)
      try body.array(raw.slots)
      try body.array(raw.slotHashes)
    }
    let languages = compiled.tries.keys.sorted()
    try body.count(languages.count)
    for language in languages {
      let trie = compiled.tries[language]!
      try body.string(language)
      let raw = trie.edges.raw
      try body.array(raw.keys)
      try body.array(raw.values)
      var offsets: [Int32] = [0]
      offsets.reserveCapacity(trie.terminals.count + 1)
      var flat: [Int32] = []
      for t in trie.terminals {
        flat.append(contentsOf: t)
        offsets.append(Int32(flat.count))
      }
      try body.array(offsets)
      try body.array(flat)
    }
    try body.array(compiled.properNounStems.sorted())

    try w.count(atoms.count)
    for a in atoms { try w.string(a) }
    w.raw(body.bytes)
  }

  // MARK: Reading

  /// The key and the payload's bounds of a cache file, after checking the magic, the version,
  /// the length and the payload hash.
  static func header(of buffer: UnsafeRawBufferPointer) throws -> (key: String, payload: Range<Int>)
  {
    var r = CacheReader(buffer)
    guard buffer.count >= magic.count, try r.bytes(magic.count).elementsEqual(magic) else {
      throw CacheReader.Corrupt()
    }
    guard try r.u32() == version else { throw CacheReader.Corrupt() }
    let key = try r.string()
    let length = try r.u64()
    let hash = try r.bytes(32)
    guard length == UInt64(r.remaining) else { throw CacheReader.Corrupt() }
    let payload = r.offset..<buffer.count
    var h = ContentHash()
    h.update(UnsafeRawBufferPointer(rebasing: buffer[payload]))
    guard h.finalize().utf8.elementsEqual(hash) else { throw CacheReader.Corrupt() }
    return (key, payload)
  }

  /// The compiled glossary of a payload.
  package static func decode(_ buffer: UnsafeRawBufferPointer) throws -> CompiledGlossary {
    var r = CacheReader(buffer)
    let atomCount = try r.count(itemSize: 4)
    var atoms: [String] = []
    atoms.reserveCapacity(atomCount)
    for _ in 0..<atomCount { atoms.append(try r.string()) }
    // Language tags of atoms, parsed once (nil: the atom is not a valid tag).
    var tags: [LanguageTag?] = atoms.map { _ in nil }
    func tag(_ index: UInt32) throws -> LanguageTag {
      let i = Int(index)
      guard i < atoms.count else { throw CacheReader.Corrupt() }
      if let t = tags[i] { return t }
      guard let t = LanguageTag(atoms[i]), t.value == atoms[i] else { throw CacheReader.Corrupt() }
      tags[i] = t
      return t
    }
    func optionalTag(_ index: UInt32) throws -> LanguageTag? {
      index == absent ? nil : try tag(index)
    }
    func optionalAtom(_ index: UInt32) throws -> String? {
      if index == absent { return nil }
      guard Int(index) < atoms.count else { throw CacheReader.Corrupt() }
      return atoms[Int(index)]
    }

    var glossary = Glossary(path: try r.optionalString())
    glossary.sourceLanguage = try optionalTag(r.u32())
    glossary.targetLanguage = try optionalTag(r.u32())
    let warningCount = try r.count(itemSize: 4)
    glossary.warnings.reserveCapacity(warningCount)
    for _ in 0..<warningCount { glossary.warnings.append(try r.string()) }
    let conceptCount = try r.count(itemSize: 20)
    var concepts: [Concept] = []
    concepts.reserveCapacity(conceptCount)
    let statuses = TermStatus.allCases
    let modes = MatchMode.allCases
    for _ in 0..<conceptCount {
      let id = try r.string()
      let subject = try optionalAtom(r.u32())
      let note = try r.optionalString()
      let line = try r.optionalInt()
      let termCount = try r.count(itemSize: 31)
      var terms: [Term] = []
      terms.reserveCapacity(termCount)
      for _ in 0..<termCount {
        let text = try r.string()
        let language = try tag(r.u32())
        let status = Int(try r.u8())
        guard status <= statuses.count else { throw CacheReader.Corrupt() }
        let pos = try optionalAtom(r.u32())
        let type = try optionalAtom(r.u32())
        let caseSensitive = try r.u8()
        guard caseSensitive <= 2 else { throw CacheReader.Corrupt() }
        let mode = Int(try r.u8())
        guard mode <= modes.count else { throw CacheReader.Corrupt() }
        let termNote = try r.optionalString()
        let termLine = try r.optionalInt()
        let column = try r.optionalInt()
        terms.append(
          Term(
            text, language: language, status: status == 0 ? nil : statuses[status - 1],
            partOfSpeech: pos, termType: type,
            caseSensitive: caseSensitive == 0 ? nil : caseSensitive == 2,
            matchMode: mode == 0 ? nil : modes[mode - 1],
            note: termNote, line: termLine, column: column))
      }
      concepts.append(Concept(id: id, subjectField: subject, note: note, terms: terms, line: line))
    }
    glossary.concepts = concepts

    let entryFields = try r.array(Int32.self)
    let lengths = try r.array(Int32.self)
    let units = try r.array(UInt16.self)
    guard entryFields.count % 4 == 0 else { throw CacheReader.Corrupt() }
    var entries: [CompiledGlossary.Entry] = []
    entries.reserveCapacity(entryFields.count / 4)
    var li = 0
    var ui = 0
    for e in stride(from: 0, to: entryFields.count, by: 4) {
      let ci = Int(entryFields[e])
      let ti = Int(entryFields[e + 1])
      let tokenCount = Int(entryFields[e + 3])
      guard ci >= 0, ci < concepts.count, ti >= 0, ti < concepts[ci].terms.count, tokenCount >= 0,
        tokenCount < lengths.count - li
      else { throw CacheReader.Corrupt() }
      func next() throws -> [UInt16] {
        let n = Int(lengths[li])
        guard n >= 0, n <= units.count - ui else { throw CacheReader.Corrupt() }
        li += 1
        defer { ui += n }
        return Array(units[ui..<ui + n])
      }
      var tokens: [[UInt16]] = []
      tokens.reserveCapacity(tokenCount)
      for _ in 0..<tokenCount { tokens.append(try next()) }
      let preserved = try next()
      entries.append(
        CompiledGlossary.Entry(
          conceptIndex: ci, termIndex: ti, term: concepts[ci].terms[ti], tokens: tokens,
          isCaseSensitive: entryFields[e + 2] != 0,
          casePreserved: preserved))
    }
    guard li == lengths.count, ui == units.count else { throw CacheReader.Corrupt() }

    func table() throws -> UTF16Table {
      guard
        let t = UTF16Table(
          storage: try r.array(UInt16.self), starts: try r.array(Int32.self),
          slots: try r.array(Int32.self),
          slotHashes: try r.array(UInt32.self))
      else { throw CacheReader.Corrupt() }
      return t
    }
    let forms = try table()
    let stems = try table()
    let trieCount = try r.count(itemSize: 16)
    var tries: [String: CompiledGlossary.Trie] = [:]
    for _ in 0..<trieCount {
      let language = try r.string()
      guard LanguageTag(language) != nil, tries[language] == nil else {
        throw CacheReader.Corrupt()
      }
      let keys = try r.array(UInt64.self)
      let values = try r.array(Int32.self)
      let offsets = try r.array(Int32.self)
      let flat = try r.array(Int32.self)
      let nodes = offsets.count - 1
      guard nodes >= 1, nodes < 1 << 30, offsets[0] == 0, Int(offsets[nodes]) == flat.count,
        let edges = EdgeTable(keys: keys, values: values, valueLimit: Int32(nodes))
      else { throw CacheReader.Corrupt() }
      for v in flat where v < 0 || Int(v) >= entries.count { throw CacheReader.Corrupt() }
      var terminals: [[Int32]] = []
      terminals.reserveCapacity(nodes)
      for n in 0..<nodes {
        let start = Int(offsets[n])
        let end = Int(offsets[n + 1])
        guard start <= end, end <= flat.count else { throw CacheReader.Corrupt() }
        terminals.append(start == end ? [] : Array(flat[start..<end]))
      }
      tries[language] = CompiledGlossary.Trie(edges: edges, terminals: terminals)
    }
    let properNounStems = Set(try r.array(Int32.self))
    guard r.remaining == 0 else { throw CacheReader.Corrupt() }
    return CompiledGlossary(
      glossary: glossary, entries: entries, forms: forms, stems: stems, tries: tries,
      properNounStems: properNounStems)
  }
}
