import ChatDomain
import Foundation

extension ChatError {
  /// A `storage` error for a failed file operation, with a short reason
  /// (`cannot write the export: permission denied`).
  public static func file(_ action: String, path: String, _ error: any Error) -> ChatError {
    ChatError(.storage, "cannot \(action): \(FileProblem.reason(error))", file: path)
  }
}
