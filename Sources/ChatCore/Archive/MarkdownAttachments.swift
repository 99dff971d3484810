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

  /// Writes the attachments of `transcripts` into the folder beside the document at `path`.
  /// - Returns: How many files were written.
  @discardableResult
  public static func write(
    _ transcripts: [[TranscriptEntry]], besideDocumentAt path: String, store: SessionStore
  ) async throws -> Int {
    let files = transcripts.flatMap(MarkdownTranscript.attachmentFiles)
    guard !files.isEmpty else { return 0 }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      .appendingPathComponent(folderName(forDocumentAt: path))
    do {
      try AppPaths.ensureDirectory(folder)
    } catch {
      throw ChatError.file("create the folder", path: folder.path, error)
    }
    for file in files {
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
