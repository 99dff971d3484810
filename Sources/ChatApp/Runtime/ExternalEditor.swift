import ChatCore
import ChatDomain
import ChatUI
import Foundation

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding the input's text, with
/// the terminal handed over, and reads the result back. Launching the editor is
/// `EditorLauncher`'s (shared with `orchat agents new`).
enum ExternalEditor {
  /// - Returns: the edited text, or `nil` when the editor exited with an error (the input
  ///   stays as it was).
  static func edit(_ text: String, environment: [String: String]) -> Result<String?, EditorFailure>
  {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("orchat-message-\(UUID().uuidString).md")
    do {
      // The draft is conversation text in a shared directory: a new file (never an
      // existing one or a symlink planted there), readable by the user only.
      try PrivateFile.write(Data(text.utf8), to: file.path, .newFile)
    } catch {
      return .failure(.cannotWriteDraft(path: file.path, reason: FileProblem.reason(error)))
    }
    defer { try? FileManager.default.removeItem(at: file) }
    switch EditorLauncher.run(file: file, environment: environment) {
    case .success:
      break
    case .failure(.cannotStart(let editor, let reason)):
      return .failure(.cannotStart(editor: editor, reason: reason))
    case .failure(.exited(let editor, let status)):
      return .failure(.failed(editor: editor, status: status))
    }
    guard let data = try? Data(contentsOf: file) else { return .success(nil) }
    return .success(String(decoding: data, as: UTF8.self))
  }
}
