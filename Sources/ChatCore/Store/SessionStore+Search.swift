import ChatDomain
import Foundation
import GRDB

extension SessionStore {
  /// Messages matching `text`, most recent first (the UI's search results).
  ///
  /// The index is walked in descending row order and stops after `limit` hits, so the cost
  /// follows `limit`, not the number of matches.
  public func searchMessages(_ text: String, limit: Int = 50) async throws -> [MessageSearchHit] {
    guard let query = SearchQuery(text) else { return [] }
    return try await read("search messages") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT m.id, m.session_id, m.role, m.created_at, s.title,
            snippet(message_fts, 0, '[', ']', '…', 12) AS snippet
          FROM message_fts
          JOIN message m ON m.rowid = message_fts.rowid
          JOIN session s ON s.id = m.session_id
          WHERE message_fts MATCH ?
          ORDER BY message_fts.rowid DESC
          LIMIT ?
          """,
        arguments: [query.expression, max(0, limit)])
      return rows.map { row in
        MessageSearchHit(
          sessionID: row["session_id"], sessionTitle: row["title"], messageID: row["id"],
          role: MessageRole(rawValue: row["role"]) ?? .user,
          createdAt: StoredValues.date(row["created_at"]), snippet: row["snippet"])
      }
    }
  }

  /// Ids of sessions whose title or messages match, title matches first, then by the most
  /// recent matching message; stops after `limit` sessions.
  static func sessionIDs(
    matching query: SearchQuery, limit: Int?, includeArchived: Bool, _ db: Database
  ) throws -> [String] {
    let archived = includeArchived ? "" : "AND s.archived = 0"
    var ids: [String] = []
    var seen: Set<String> = []
    func take(_ cursor: RowCursor) throws -> Bool {
      while let row = try cursor.next() {
        let id: String = row[0]
        if seen.insert(id).inserted { ids.append(id) }
        if let limit, ids.count >= limit { return false }
      }
      return true
    }
    let titles = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.id FROM session_fts JOIN session s ON s.rowid = session_fts.rowid
        WHERE session_fts MATCH ? \(archived) ORDER BY session_fts.rowid DESC
        """,
      arguments: [query.expression])
    guard try take(titles) else { return ids }
    let messages = try Row.fetchCursor(
      db,
      sql: """
        SELECT m.session_id FROM message_fts
        JOIN message m ON m.rowid = message_fts.rowid
        JOIN session s ON s.id = m.session_id
        WHERE message_fts MATCH ? \(archived)
        ORDER BY message_fts.rowid DESC
        """,
      arguments: [query.expression])
    _ = try take(messages)
    return ids
  }
}
