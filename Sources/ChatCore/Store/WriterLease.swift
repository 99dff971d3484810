import ChatDomain
import Foundation
import Synchronization

/// Tells a reply that is streaming in a live process from one whose process died.
///
/// A process that streams replies holds an exclusive `flock` on its own lock file,
/// `<data>/leases/<token>.lock`, for as long as it lives, and each reply row it streams
/// records the token. The kernel drops the lock when the process ends however it ends
/// (SIGKILL included), so at start-up a `streaming` row whose lease file can be locked, or
/// no longer exists, belongs to a dead process and is marked `interrupted`, while the replies
/// of another running orchat (a second terminal) are left alone.
enum WriterLease {
  /// This process's lease, created on first use and held until the process exits.
  final class Holder: Sendable {
    let directory: URL
    private let state = Mutex<(token: String, descriptor: Int32)?>(nil)

    init(directory: URL) {
      self.directory = directory
    }

    /// The token of this process's lease, taking the lock on first use.
    /// - Throws: `ChatError` of kind `storage` when the lock file cannot be made.
    func token() throws -> String {
      try state.withLock { state in
        if let state { return state.token }
        try AppPaths.ensureDirectory(directory)
        let token = UUID().uuidString.lowercased()
        let path = WriterLease.path(of: token, in: directory)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
          throw ChatError.storage(
            "cannot create the lock file \(path): \(String(cString: strerror(errno)).lowercased())")
        }
        // The descriptor stays open (and locked) for the life of the process on purpose;
        // the file goes at a normal exit (a killed process's file goes when another process
        // finds it abandoned).
        state = (token, descriptor)
        WriterLease.removeAtExit(path)
        return token
      }
    }

    /// Whether `token` is this process's own lease.
    func owns(_ token: String) -> Bool {
      state.withLock { $0?.token == token }
    }
  }

  /// The lease files of this process, removed by an `atexit` handler.
  private static let ownFiles = Mutex<[String]>([])
  private static let exitHandler: Void = {
    atexit { WriterLease.removeOwnFiles() }
  }()

  /// Removes `path` when the process exits normally (`exit`, a return from `main`).
  static func removeAtExit(_ path: String) {
    _ = exitHandler
    ownFiles.withLock { $0.append(path) }
  }

  /// Unlinks this process's lease files. The locks stay until the process is gone, which
  /// is immediately after; a reader that looks in between finds no file, which also means
  /// the lease's process has ended.
  static func removeOwnFiles() {
    for path in ownFiles.withLock({ $0 }) { unlink(path) }
  }

  static func path(of token: String, in directory: URL) -> String {
    directory.appendingPathComponent("\(token).lock").path
  }

  /// Whether the process that took lease `token` has ended. Removes the lease file of an
  /// ended process.
  static func isAbandoned(_ token: String?, in directory: URL) -> Bool {
    guard let token, !token.contains("/") else { return true }
    let path = path(of: token, in: directory)
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else { return true }
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return false }
    unlink(path)
    return true
  }
}
