import ChatDomain
import Foundation

/// Writing attachments out: generated images saved by `orchat ask`, and the private copies
/// the full-screen app opens.
public enum AttachmentFiles {
  /// Writes `data` into `directory` as `<stem>.<ext>`, or `<stem>-2.<ext>`, `<stem>-3.<ext>`…
  /// when taken: never over an existing file. Private (0600).
  /// - Returns: The path written.
  /// - Throws: `ChatError` naming the directory.
  public static func writeUnique(
    _ data: Data, directory: String, stem: String, extension ext: String
  ) throws -> String {
    let safeStem = MarkdownTranscript.safeFileName(stem)
    for attempt in 1...1000 {
      let name = attempt == 1 ? "\(safeStem).\(ext)" : "\(safeStem)-\(attempt).\(ext)"
      let path = (directory as NSString).appendingPathComponent(name)
      do {
        try PrivateFile.write(data, to: path, .newFile)
        return path
      } catch let error as POSIXError where error.code == .EEXIST {
        continue
      } catch {
        throw ChatError.file("write an image", path: path, error)
      }
    }
    throw ChatError.file(
      "write an image", path: directory, POSIXError(.EEXIST))
  }

  /// A private copy of an attachment to open with another program: a 0600 file named after
  /// the attachment in a new 0700 directory under `temporaryDirectory`.
  /// - Returns: The file's path.
  public static func temporaryCopy(
    _ data: Data, of attachment: Attachment, temporaryDirectory: String
  ) throws -> String {
    let directory = (temporaryDirectory as NSString).appendingPathComponent(
      "orchat-\(attachment.sha256.prefix(12))-\(UUID().uuidString.prefix(8).lowercased())")
    guard mkdir(directory, 0o700) == 0 else {
      throw ChatError.file(
        "create a folder", path: directory,
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
    }
    var name = MarkdownTranscript.safeFileName(attachment.name)
    if attachment.fileExtension.isEmpty { name += "." + attachment.preferredExtension }
    let path = (directory as NSString).appendingPathComponent(name)
    do {
      try PrivateFile.write(data, to: path, .newFile)
    } catch {
      throw ChatError.file("write a copy", path: path, error)
    }
    return path
  }
}
