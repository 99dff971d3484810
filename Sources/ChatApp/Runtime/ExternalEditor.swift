import ChatDomain
import ChatCore
import ChatUI
import Foundation

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding the input's text, with
/// the terminal handed over, and reads the result back.
enum ExternalEditor {
  /// - Returns: the edited text, or `nil` when the editor exited with an error (the input
  ///   stays as it was).
  static func edit(_ text: String, environment: [String: String]) -> Result<String?, EditorFailure> {
    let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
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
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\(editor) \"$1\"", "orchat-editor", file.path]
    do {
      try process.run()
    } catch {
      return .failure(.cannotStart(editor: editor, reason: String(describing: error)))
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return .failure(.failed(editor: editor, status: process.terminationStatus))
    }
    guard let data = try? Data(contentsOf: file) else { return .success(nil) }
    return .success(String(decoding: data, as: UTF8.self))
  }
}
