import ChatCore
import ChatDomain
import Formatting
import Foundation

/// The formats `sessions export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Lossless and importable (`SessionArchive`).
  case json
  /// Readable: each session with YAML front matter, one after another.
  case markdown
}

extension SessionsCommandRunner {
  /// `sessions export ID|last|--all [--format json|markdown] [--output FILE]`.
  /// - Parameter reference: The session; `nil` exports all of them.
  public func export(_ reference: String?, format: ExportFormat, outputPath: String?) async
    -> Int32
  {
    await withStore { store in
      let sessions =
        if let reference { [try await store.resolveSession(reference)] } else {
          try await store.allSessions()
        }
      let data: Data
      var sessionMessages: [[Message]] = []
      switch format {
      case .json:
        let archive =
          reference == nil
          ? try await store.exportAllSessions()
          : try await store.exportSessions(ids: sessions.map(\.id))
        data = try archive.encoded()
      case .markdown:
        // Only the messages are read: the JSON archive (every attachment's bytes in base64)
        // is not built for a readable export.
        var documents: [String] = []
        // Attachments go beside a written file, linked; on standard output they are named.
        let folder = outputPath.map(MarkdownAttachments.folderName(forDocumentAt:))
        for session in sessions {
          let messages = try await store.messages(sessionID: session.id)
          sessionMessages.append(messages)
          documents.append(
            MarkdownTranscript.render(session, messages: messages, attachmentFolder: folder))
        }
        data = Data(documents.joined(separator: "\n").utf8)
      }
      guard let outputPath else {
        context.output.write(String(decoding: data, as: UTF8.self))
        return 0
      }
      try Self.writePrivately(data, to: outputPath)
      try await MarkdownAttachments.write(
        messages: sessionMessages, besideDocumentAt: outputPath, store: store)
      context.errors.write("Exported \(sessions.count) session(s) to \(outputPath)\n")
      return 0
    }
  }

  /// `sessions import FILE`: all sessions of the file, or (on any problem) none.
  public func importFile(_ path: String) async -> Int32 {
    await withStore { store in
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw ChatError.file("read the file", path: path, error)
      }
      let archive = try SessionArchive.decode(data, file: path)
      let sessions = try await store.importSessions(archive)
      for session in sessions {
        context.output.write("Imported \(Format.shortID(session.id)) \(session.title)\n")
      }
      context.errors.write("Imported \(sessions.count) session(s) from \(path)\n")
      return 0
    }
  }

  /// Exports hold whole conversations: the file is readable by its owner only (0600, also
  /// when it existed with another mode), written in place so `--output` may name a symlink
  /// or `/dev/stdout`.
  private static func writePrivately(_ data: Data, to path: String) throws {
    do {
      try PrivateFile.write(data, to: path, .inPlace)
    } catch {
      throw ChatError.file("write the export", path: path, error)
    }
  }
}
