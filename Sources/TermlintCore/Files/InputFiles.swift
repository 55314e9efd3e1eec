import Foundation
import TermlintGlossary
import TermlintText

/// Which files a folder walk (or `--changed-since`) selects.
///
/// A file is selected when its name ends in one of `extensions` (case-insensitive), or, when
/// `include` is not empty, when it matches one of the `include` globs instead; and it matches
/// none of the `exclude` globs. Folders matching an `exclude` glob are not entered. Files and
/// folders whose names start with `.` (`.git`, `.build`, `.cache`) are skipped.
public struct InputSelection: Sendable, Hashable {
  /// The extensions checked by default: Markdown, plain text, XLIFF, PO and TMX.
  public static let defaultExtensions = [
    ".md", ".markdown", ".txt", ".xlf", ".xliff", ".po", ".tmx",
  ]

  /// Globs that select files instead of `extensions`; empty means "use `extensions`".
  public var include: [Glob]
  /// Globs that remove files and prune folders.
  public var exclude: [Glob]
  /// File name extensions (with the dot) selected when `include` is empty.
  public var extensions: [String]

  /// Creates a selection.
  public init(
    include: [Glob] = [], exclude: [Glob] = [],
    extensions: [String] = InputSelection.defaultExtensions
  ) {
    self.include = include
    self.exclude = exclude
    self.extensions = extensions.map { $0.lowercased() }
  }

  /// Whether a file at `relativePath` (relative to the walked folder, `/`-separated) is selected.
  public func selects(file relativePath: String) -> Bool {
    if isExcluded(relativePath) { return false }
    if !include.isEmpty { return include.contains { $0.matches(relativePath: relativePath) } }
    let name = (relativePath.split(separator: "/").last.map(String.init) ?? relativePath)
      .lowercased()
    return extensions.contains { name.hasSuffix($0) && name.count > $0.count }
  }

  /// Whether a file or folder at `relativePath` matches an `exclude` glob.
  public func isExcluded(_ relativePath: String) -> Bool {
    exclude.contains { $0.matches(relativePath: relativePath) }
  }
}

/// Turns the paths given on the command line into the list of files to check.
public enum InputFiles {
  /// Expands files, folders (walked recursively) and `-` (standard input) into files to check.
  ///
  /// A file named explicitly is always checked, whatever its extension. A folder contributes
  /// the files `selection` selects; symbolic links to files are followed, symbolic links to
  /// folders are not (so a walk cannot loop). Paths keep the spelling the user gave
  /// (`Examples/` → `Examples/article.en.md`; `.` → `article.en.md`). The result is sorted by
  /// path, the order findings are reported in, and has no duplicates.
  ///
  /// - Throws: `TermlintError.input` for a path that does not exist or a folder that cannot be
  ///   read.
  public static func expand(_ paths: [String], selection: InputSelection = InputSelection()) throws
    -> [String]
  {
    var out: [String] = []
    var seen = Set<String>()
    func add(_ path: String) {
      let key = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
      if seen.insert(key).inserted { out.append(path) }
    }
    for path in paths {
      if path == "-" {
        add(path)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw TermlintError.input(path, "no such file or folder")
      }
      if isDirectory.boolValue {
        let prefix = displayPrefix(forFolder: path)
        for relative in try walk(folder: path, relative: "", selection: selection) {
          add(prefix + relative)
        }
      } else {
        add(path)
      }
    }
    return out.sorted()
  }

  /// Keeps the files of `files` (paths relative to the current folder) that lie under one of
  /// `roots` (all of them when `roots` is empty) and that `selection` selects, as a folder walk
  /// from the current folder would.
  public static func filter(_ files: [String], under roots: [String], selection: InputSelection)
    -> [String]
  {
    let rootKeys = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    let kept = files.filter { file in
      let components = file.split(separator: "/")
      guard !components.contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }) else {
        return false
      }
      guard selection.selects(file: file) else { return false }
      // A walk would not have entered an excluded folder.
      for depth in components.indices.dropLast()
      where selection.isExcluded(components[...depth].joined(separator: "/")) {
        return false
      }
      if rootKeys.isEmpty { return true }
      let key = URL(fileURLWithPath: file).standardizedFileURL.path
      return rootKeys.contains { key == $0 || key.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
    return Array(Set(kept)).sorted()
  }

  // MARK: - Private

  private static func displayPrefix(forFolder path: String) -> String {
    if path == "." || path == "./" { return "" }
    var p = path
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    return p == "/" ? "/" : p + "/"
  }

  private static func walk(folder: String, relative: String, selection: InputSelection) throws
    -> [String]
  {
    let fm = FileManager.default
    let names: [String]
    do {
      names = try fm.contentsOfDirectory(atPath: folder)
    } catch {
      throw TermlintError.input(folder, "folder cannot be read (permission denied?)")
    }
    var out: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      let type = (try? fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType) ?? nil
      if type == .typeDirectory {
        if selection.isExcluded(rel) { continue }
        out += try walk(folder: full, relative: rel, selection: selection)
      } else if type == .typeRegular || type == .typeSymbolicLink {
        if type == .typeSymbolicLink {
          var isDirectory: ObjCBool = false
          // A dangling link or a link to a folder is not a file to check.
          guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
          else { continue }
        }
        if selection.selects(file: rel) { out.append(rel) }
      }
    }
    return out
  }
}
