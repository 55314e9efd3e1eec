import Foundation
import TermlintGlossary
import TermlintText

extension GlossaryIO {
  /// Replaces a file's content atomically (see `AtomicFile`): readers see the old or the new
  /// file, never a mix, and a failure or an interrupt leaves the old one as it was.
  ///
  /// - Throws: `TermlintError.input` naming the file and the reason.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    try AtomicFile.write(bytes, to: path)
  }
}
