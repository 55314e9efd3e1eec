import Foundation
import TermlintGlossary
import TermlintText

/// Inputs that share one configuration: the `.termlint.yml` that applies to each of them, or
/// none (the built-in pipeline).
public struct InputGroup: Sendable, Equatable {
  /// The pipeline file (nil: the built-in pipeline).
  public var pipelinePath: String?
  /// The inputs, in report order.
  public var inputs: [String]

  /// Creates a group.
  public init(pipelinePath: String?, inputs: [String]) {
    self.pipelinePath = pipelinePath
    self.inputs = inputs
  }

  /// Groups inputs by the configuration discovered for each, as Vale, ruff and ESLint do: the
  /// nearest `.termlint.yml` in the input's own folder or a parent, wherever the command runs
  /// from (standard input, `-`, looks from `directory`). Groups come in the order of their first
  /// input; inputs keep their order.
  ///
  /// - Parameters:
  ///   - inputs: paths in report order (relative paths are relative to `directory`).
  ///   - directory: the current folder.
  public static func discovered(
    _ inputs: [String], directory: String = FileManager.default.currentDirectoryPath
  ) -> [InputGroup] {
    var byFolder: [String: String?] = [:]
    var groups: [InputGroup] = []
    var index: [String?: Int] = [:]
    let base = URL(fileURLWithPath: directory, isDirectory: true)
    for input in inputs {
      let folder =
        input == "-"
        ? base.standardizedFileURL.path
        : URL(fileURLWithPath: input, relativeTo: base).standardizedFileURL
          .deletingLastPathComponent().path
      let found: String?
      if let known = byFolder[folder] {
        found = known
      } else {
        found = PipelineLoader.discover(from: folder).map {
          display($0, directory: base.standardizedFileURL.path)
        }
        byFolder[folder] = found
      }
      if let i = index[found] {
        groups[i].inputs.append(input)
      } else {
        index[found] = groups.count
        groups.append(InputGroup(pipelinePath: found, inputs: [input]))
      }
    }
    return groups
  }

  /// A path relative to `directory` when it lies under it (as users name files), else absolute.
  static func display(_ path: String, directory: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
