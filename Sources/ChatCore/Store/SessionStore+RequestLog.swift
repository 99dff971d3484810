import ChatDomain
import Foundation
import GRDB

extension SessionStore {
  /// Adds a call to the request log (calls that are not a chat reply: the model catalog,
  /// key info; a reply's call is logged with `finishReply`).
  public func logRequest(_ entry: RequestLogEntry) async throws {
    try await write("write the request log") { db in try RequestLogRecord(entry).insert(db) }
  }

  /// The newest entries of the request log, newest first.
  public func requestLog(limit: Int = 100) async throws -> [RequestLogEntry] {
    try await read("read the request log") { db in
      try RequestLogRecord.fetchAll(
        db, sql: "SELECT * FROM request_log ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)]
      ).map(\.entry)
    }
  }
}
