import ChatCore
import ChatDomain
import ChatUI
import Foundation

/// The I/O of attachments for the full-screen app: reading files, checking pasted paths,
/// listing paths for Tab, and opening a stored attachment. Each answers with facts; the
/// reducer words them.
enum AttachmentEffects {
  /// Reads `paths` in order, each checked with the ones before it against `limits`.
  static func read(
    _ paths: [String], attachedBytes: Int, limits: AttachmentLimits, home: String?
  ) -> [Result<AttachmentFile, AttachmentProblem>] {
    var total = attachedBytes
    return paths.map { path in
      let result = AttachmentReader.read(
        path: AttachmentReader.expand(path, home: home), name: nil, limits: limits,
        attachedBytes: total)
      if case .success(let file) = result { total += file.data.count }
      return result.mapError { problem in problem.withPath(path) }
    }
  }

  /// The paths among `paths` that are regular files (directories, missing paths and devices
  /// are not).
  static func regularFiles(_ paths: [String], home: String?) -> [String] {
    paths.filter { path in
      var status = stat()
      return stat(AttachmentReader.expand(path, home: home), &status) == 0
        && status.st_mode & 0o170_000 == 0o100_000
    }
  }

  /// What `word` completes to: entries of its directory starting with its last part,
  /// sorted, directories with a trailing `/`, hidden ones only when the part starts with a
  /// dot. Written as typed (a `~` stays a `~`).
  static func completions(of word: String, home: String?, limit: Int = 200) -> [String] {
    let expanded = AttachmentReader.expand(word.isEmpty ? "./" : word, home: home)
    let slash = expanded.lastIndex(of: "/")
    let directory = slash.map { String(expanded[...$0]) } ?? "./"
    let partial = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
    let typedDirectory: String
    if let typedSlash = word.lastIndex(of: "/") {
      typedDirectory = String(word[...typedSlash])
    } else {
      typedDirectory = ""
    }
    guard
      let entries = try? FileManager.default.contentsOfDirectory(
        atPath: directory.isEmpty ? "/" : directory)
    else { return [] }
    var result: [String] = []
    for name in entries.sorted() where name.hasPrefix(partial) {
      if name.hasPrefix("."), !partial.hasPrefix(".") { continue }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
      result.append(typedDirectory + name + (isDirectory.boolValue ? "/" : ""))
      if result.count >= limit { break }
    }
    return result
  }

  /// Writes the attachment to a private temporary file and hands it to `xdg-open` (or `open`
  /// on macOS) when there is one and a display to show it on.
  static func open(
    _ attachment: Attachment, store: SessionStore, environment: [String: String]
  ) async throws -> AttachmentOpening {
    guard let data = try await store.attachmentData(sha256: attachment.sha256) else {
      throw ChatError(.notFound, "it is not stored (yet): try again when the reply has ended")
    }
    let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let path = try AttachmentFiles.temporaryCopy(
      data, of: attachment, temporaryDirectory: temporary)
    guard let opener = opener(environment: environment) else {
      return AttachmentOpening(path: path, opener: nil)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return AttachmentOpening(path: path, opener: nil)
    }
    return AttachmentOpening(path: path, opener: URL(fileURLWithPath: opener).lastPathComponent)
  }

  /// `open` on macOS; `xdg-open` where a desktop session is (a display is set).
  static func opener(environment: [String: String]) -> String? {
    #if os(macOS)
      return Clipboard.executable("open")
    #else
      guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else {
        return nil
      }
      return Clipboard.executable("xdg-open")
    #endif
  }
}

extension AttachmentProblem {
  /// The same problem about `path` (as the user typed it, not as expanded).
  func withPath(_ path: String) -> AttachmentProblem {
    switch self {
    case .missing: .missing(path: path)
    case .directory: .directory(path: path)
    case .unreadable(_, let reason): .unreadable(path: path, reason: reason)
    case .notRegularFile: .notRegularFile(path: path)
    case .tooLarge(_, let bytes, let limit): .tooLarge(path: path, bytes: bytes, limit: limit)
    case .messageTooLarge(_, let bytes, let limit):
      .messageTooLarge(path: path, bytes: bytes, limit: limit)
    case .unknownKind: .unknownKind(path: path)
    case .empty: .empty(path: path)
    }
  }
}
