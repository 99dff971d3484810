import ChatDomain
import Foundation

/// A Markdown export's attachments: files in a folder beside the document (`chat.md` →
/// `chat-files/`), linked from it. Private like the document (a 0700 folder of 0600 files).
public enum MarkdownAttachments {
  /// The folder's name for a document at `path` (relative to the document's directory).
  public static func folderName(forDocumentAt path: String) -> String {
    var name = URL(fileURLWithPath: path).lastPathComponent
    if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
    return MarkdownTranscript.safeFileName(name) + "-files"
  }

  /// Writes the attachments of every message of `sessions` (each session's messages, all
  /// branches) into the folder beside the document at `path`.
  /// - Returns: How many files were written.
  @discardableResult
  public static func write(
    messages sessions: [[Message]], besideDocumentAt path: String, store: SessionStore
  ) async throws -> Int {
    let files = sessions.flatMap { MarkdownTranscript.attachmentFiles(messages: $0) }
    guard !files.isEmpty else { return 0 }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      .appendingPathComponent(folderName(forDocumentAt: path))
    do {
      try AppPaths.ensureDirectory(folder)
    } catch {
      throw ChatError.file("create the folder", path: folder.path, error)
    }
    for file in files {
      // One file's bytes at a time: an export of many sessions never holds them all.
      guard let data = try await store.attachmentData(sha256: file.sha256) else { continue }
      let target = folder.appendingPathComponent(file.fileName).path
      do {
        try PrivateFile.write(data, to: target, .atomic)
      } catch {
        throw ChatError.file("write an attachment", path: target, error)
      }
    }
    return files.count
  }
}
