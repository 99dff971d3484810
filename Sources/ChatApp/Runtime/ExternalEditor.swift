import ChatDomain
import Foundation

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding the input's text, with
/// the terminal handed over, and reads the result back.
enum ExternalEditor {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// - Returns: the edited text, or `nil` when the editor exited with an error (the input
  ///   stays as it was).
  static func edit(_ text: String, environment: [String: String]) -> Result<String?, Failure> {
    let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("orchat-message-\(UUID().uuidString).md")
    do {
      try Data(text.utf8).write(to: file, options: .atomic)
    } catch {
      return .failure(Failure(description: "Could not write \(file.path): \(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: file) }
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\(editor) \"$1\"", "orchat-editor", file.path]
    do {
      try process.run()
    } catch {
      return .failure(Failure(description: "Could not start the editor \(editor): \(error.localizedDescription)"))
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return .failure(Failure(description: "The editor \(editor) exited with status \(process.terminationStatus); the message is unchanged"))
    }
    guard let data = try? Data(contentsOf: file) else { return .success(nil) }
    return .success(String(decoding: data, as: UTF8.self))
  }
}
