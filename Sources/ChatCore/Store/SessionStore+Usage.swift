import ChatDomain
import Foundation
import GRDB

extension SessionStore {
  /// Tokens and cost of the chat requests made since `since` (all when `nil`), from the
  /// request log: deleted sessions still count, since their money was spent; imported
  /// sessions do not, since this machine did not pay for them.
  public func usage(
    since: Date? = nil, groupedBy grouping: UsageReport.Grouping,
    timeZone: TimeZone = .current
  ) async throws -> UsageReport {
    let from = since.map(StoredValues.milliseconds) ?? Int64.min
    let entries = try await read("read usage") { db in
      try RequestLogRecord.fetchAll(
        db,
        sql: """
          SELECT * FROM request_log
          WHERE endpoint = ? AND started_at >= ? ORDER BY started_at
          """,
        arguments: [RequestLogEntry.chatEndpoint, from]
      ).map(\.entry)
    }
    return UsageReport(entries: entries, grouping: grouping, since: since, timeZone: timeZone)
  }
}

extension RequestLogEntry {
  /// The endpoint of chat completions, the requests `usage` counts.
  public static let chatEndpoint = "/chat/completions"
}
