import ChatDomain
import Foundation
import GRDB
import Glibc

/// The sessions, messages and request log, in one SQLite file (GRDB, WAL).
///
/// Opening runs the migrations and then the start-up recovery: replies left `streaming` by a
/// process that no longer runs become `interrupted` (see `WriterLease`).
///
/// - Important: Safe to share between tasks and between processes: SQLite serialises writers
///   (waiting up to `busyTimeout`), and readers never block the writer (WAL). Apart from the
///   migration when opening, every access is `async` and suspends rather than blocking a
///   thread.
///
/// Invariants the schema enforces: every message belongs to a session (deleting a session
/// deletes its messages); at most one message per `(session, position)` is selected; statuses
/// and roles are from their enums. The full-text index covers message content and session
/// titles and is kept by triggers; a reply is indexed when it stops streaming, so checkpoints
/// cost one `UPDATE` and nothing more.
public final class SessionStore: Sendable {
  /// How long a write waits for another process's write to finish.
  public static let busyTimeout: TimeInterval = 5

  public let databaseURL: URL
  let pool: DatabasePool
  /// Created on the first reply this process streams.
  let lease: WriterLease.Holder

  private init(databaseURL: URL, pool: DatabasePool, leasesDirectory: URL) {
    self.databaseURL = databaseURL
    self.pool = pool
    self.lease = WriterLease.Holder(directory: leasesDirectory)
  }

  /// Opens (creating when needed) the database at `paths.database`.
  /// - Throws: `ChatError` of kind `storage` saying which path failed and why.
  public static func open(paths: AppPaths) async throws -> SessionStore {
    try await open(at: paths.database, leasesDirectory: paths.leasesDirectory)
  }

  /// Opens (creating when needed) the database at `url`, migrates it, and recovers replies
  /// whose writer died.
  ///
  /// A database that a newer orchat migrated (it records migrations this one does not
  /// know) is refused before it is opened for writing: it is never migrated, recovered or
  /// written.
  /// - Parameter leasesDirectory: Where streaming processes keep their lock files.
  /// - Throws: `ChatError` of kind `storage`.
  public static func open(at url: URL, leasesDirectory: URL) async throws -> SessionStore {
    try AppPaths.ensureDirectory(url.deletingLastPathComponent())
    // One process (or store) at a time creates, checks, migrates and recovers.
    let opening = try await OpeningLock.acquire(
      directory: url.deletingLastPathComponent(), timeout: .seconds(busyTimeout))
    defer { opening.release() }
    try createPrivateFile(url)
    try refuseNewerSchema(url)
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      // WAL with NORMAL is durable against a crash of the process (what checkpoints are
      // for); only a power loss may drop the last transactions.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    let store: SessionStore
    do {
      let pool = try DatabasePool(path: url.path, configuration: configuration)
      try Self.migrator.migrate(pool)
      store = SessionStore(databaseURL: url, pool: pool, leasesDirectory: leasesDirectory)
    } catch {
      throw Self.storageError(error, action: "open the session database", path: url.path)
    }
    try await store.recoverAbandonedReplies()
    return store
  }

  /// SQLite creates files with the process umask (often world-readable); the database holds
  /// private conversations, so it is created 0600 first. The WAL and shared-memory files
  /// SQLite adds take the database file's mode.
  ///
  /// `O_EXCL`: of two processes creating the database at the same moment, one creates it
  /// and the other finds it; neither can replace the file the other already uses.
  private static func createPrivateFile(_ url: URL) throws {
    let descriptor = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST { return }
      throw ChatError.storage(
        "cannot create the session database \(url.path): "
          + String(cString: strerror(errno)).lowercased())
    }
    // The umask may have taken bits from 0600; set exactly that.
    _ = fchmod(descriptor, 0o600)
    close(descriptor)
  }

  /// Throws when the database records migrations this version does not know: a newer orchat
  /// wrote it, and migrating or writing it could damage what that version keeps. Reads
  /// through a read-only connection, so nothing is written.
  private static func refuseNewerSchema(_ url: URL) throws {
    let unknown: Set<String>
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(busyTimeout)
      let queue = try DatabaseQueue(path: url.path, configuration: configuration)
      unknown = try queue.read { db in
        try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
      }
      try queue.close()
    } catch {
      throw Self.storageError(error, action: "open the session database", path: url.path)
    }
    guard unknown.isEmpty else {
      throw ChatError.storage(
        "the session database \(url.path) was written by a newer version of orchat "
          + "(schema \(unknown.sorted().joined(separator: ", "))); update orchat to use it, "
          + "or set ORCHAT_DATA_DIR to use another directory")
    }
  }

  /// An exclusive `flock` on the database's directory while a store opens, so that two
  /// processes opening a new database at the same moment take turns: one creates the file,
  /// switches it to WAL and migrates it, the other finds it ready. (Not a lock on the
  /// database file itself: closing any descriptor of that file would drop the locks SQLite
  /// holds on it in this process.)
  struct OpeningLock {
    let descriptor: Int32

    static func acquire(directory: URL, timeout: Duration) async throws -> OpeningLock {
      let descriptor = Glibc.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw ChatError.storage(
          "cannot open the directory \(directory.path): "
            + String(cString: strerror(errno)).lowercased())
      }
      let deadline = ContinuousClock.now + timeout
      while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        // A file system without flock: open as before, unlocked, rather than not at all.
        guard errno == EWOULDBLOCK || errno == EINTR else { break }
        guard ContinuousClock.now < deadline else {
          close(descriptor)
          throw ChatError.storage(
            "cannot open the session database in \(directory.path): another orchat process "
              + "is still opening it; try again")
        }
        try? await Task.sleep(for: .milliseconds(5))
      }
      return OpeningLock(descriptor: descriptor)
    }

    func release() {
      close(descriptor)  // drops the lock
    }
  }

  // MARK: - Access

  /// Runs `updates` in a write transaction, mapping database failures to `ChatError`.
  func write<T: Sendable>(
    _ action: String, _ updates: @escaping @Sendable (Database) throws -> T
  ) async throws -> T {
    do {
      return try await pool.write(updates)
    } catch {
      throw Self.storageError(error, action: action, path: databaseURL.path)
    }
  }

  /// Runs `value` in a read transaction (a consistent snapshot).
  func read<T: Sendable>(
    _ action: String, _ value: @escaping @Sendable (Database) throws -> T
  ) async throws -> T {
    do {
      return try await pool.read(value)
    } catch {
      throw Self.storageError(error, action: action, path: databaseURL.path)
    }
  }

  /// A `ChatError` for a failure while doing `action`; errors that already are one pass
  /// through, cancellation stays cancellation.
  static func storageError(_ error: any Error, action: String, path: String) -> any Error {
    if error is ChatError || error is CancellationError { return error }
    guard let database = error as? DatabaseError else {
      return ChatError.storage("cannot \(action) (\(path)): \(FileProblem.reason(error))")
    }
    let reason: String
    switch database.resultCode {
    case .SQLITE_FULL: reason = "the disk is full; free some space and try again"
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
      reason = "permission denied; check that the directory is writable"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      reason = "the database is busy in another orchat process; try again"
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      reason = "the file is damaged or is not an orchat database"
    case .SQLITE_IOERR: reason = "input/output error (\(database.message ?? "disk problem"))"
    default: reason = database.message ?? "\(database.resultCode)"
    }
    return ChatError.storage("cannot \(action) (\(path)): \(reason)")
  }
}
