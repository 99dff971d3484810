import ChatDomain
import Foundation
import GRDB

/// What `orchat doctor` learns about the session database, read without changing it.
public struct DatabaseHealth: Sendable, Hashable {
  public var path: String
  /// Bytes of the database and its `-wal` and `-shm` files together.
  public var sizeInBytes: Int64
  /// `PRAGMA quick_check`'s findings; empty when the database is sound.
  public var problems: [String]
  /// Sessions in the database, when it has orchat's tables.
  public var sessionCount: Int?
  /// Whether only the owner can read the file (mode `0600` or stricter).
  public var isPrivate: Bool
}

extension SessionStore {
  /// Checks the database at `url` read-only: no migration, no recovery, nothing created.
  ///
  /// - Returns: `nil` when there is no database yet; else its size, `PRAGMA quick_check`'s
  ///   findings (a file SQLite cannot read at all is one finding), and the session count.
  public static func inspect(at url: URL) -> DatabaseHealth? {
    let manager = FileManager.default
    guard manager.fileExists(atPath: url.path) else { return nil }
    var size: Int64 = 0
    for suffix in ["", "-wal", "-shm"] {
      let attributes = try? manager.attributesOfItem(atPath: url.path + suffix)
      size += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
    let mode = (try? manager.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber
    var health = DatabaseHealth(
      path: url.path, sizeInBytes: size, problems: [], sessionCount: nil,
      isPrivate: mode.map { $0.intValue & 0o077 == 0 } ?? true)
    do {
      let queue = try readOnlyQueue(at: url)
      try queue.read { db in
        let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(20)")
        health.problems = findings.filter { $0 != "ok" }
        if try db.tableExists("session") {
          health.sessionCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM session")
        }
      }
    } catch let error as DatabaseError {
      health.problems = [
        error.resultCode == .SQLITE_NOTADB
          ? "the file is not an SQLite database" : (error.message ?? "\(error.resultCode)")
      ]
    } catch {
      health.problems = [FileProblem.reason(error)]
    }
    return health
  }

  /// The ids of the most recently updated sessions, for shell completion: read-only, and
  /// empty when there is no database or it cannot be read. Never creates anything.
  public static func recentSessionIDs(at url: URL, limit: Int = 50) -> [String] {
    guard FileManager.default.fileExists(atPath: url.path),
      let queue = try? readOnlyQueue(at: url)
    else { return [] }
    return
      (try? queue.read { db in
        try String.fetchAll(
          db,
          sql: "SELECT id FROM session WHERE archived = 0 ORDER BY updated_at DESC, rowid DESC "
            + "LIMIT ?", arguments: [limit])
      }) ?? []
  }

  /// The version of the SQLite library orchat runs with (`3.40.1`).
  public static func sqliteVersion() -> String? {
    try? DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }
  }

  private static func readOnlyQueue(at url: URL) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(1)
    return try DatabaseQueue(path: url.path, configuration: configuration)
  }
}
