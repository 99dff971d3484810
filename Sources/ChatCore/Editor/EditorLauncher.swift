import ChatDomain
import Foundation

/// Runs the user's editor on a file and waits for it: `$VISUAL`, else `$EDITOR`, else `vi`.
/// Used by the full-screen app (Ctrl-X Ctrl-E, with the terminal handed over) and by
/// `orchat agents new`.
public enum EditorLauncher {
  public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The editor could not be started.
    case cannotStart(editor: String, reason: String)
    /// The editor ran and exited with a non-zero status.
    case exited(editor: String, status: Int32)

    public var description: String {
      switch self {
      case .cannotStart(let editor, let reason):
        return "Could not start the editor \(editor): \(reason)"
      case .exited(let editor, let status):
        return "The editor \(editor) exited with status \(status)"
      }
    }
  }

  /// The editor command line: `$VISUAL`, else `$EDITOR` (either may carry arguments, such as
  /// `code --wait`), else `vi`.
  public static func command(environment: [String: String]) -> String {
    environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
  }

  /// Opens `file` in the editor and waits until it exits.
  ///
  /// The command runs through `/bin/sh` so it may carry arguments; the file is passed as a
  /// positional parameter, never spliced into the command text.
  /// - Returns: `.failure` when the editor cannot start or exits with a non-zero status.
  public static func run(file: URL, environment: [String: String]) -> Result<Void, Failure> {
    let editor = command(environment: environment)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\(editor) \"$1\"", "orchat-editor", file.path]
    do {
      try process.run()
    } catch {
      return .failure(.cannotStart(editor: editor, reason: FileProblem.reason(error)))
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return .failure(.exited(editor: editor, status: process.terminationStatus))
    }
    return .success(())
  }
}
