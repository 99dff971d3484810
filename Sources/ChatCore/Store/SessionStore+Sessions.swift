import ChatDomain
import Foundation
import GRDB

/// What `listSessions` returns.
public struct SessionQuery: Sendable, Hashable {
  /// Words to look for in titles and message content (each matches words starting with it);
  /// `nil` or blank lists every session.
  public var search: String?
  /// At most this many sessions; `nil` for all.
  public var limit: Int?
  public var includeArchived: Bool

  public init(search: String? = nil, limit: Int? = nil, includeArchived: Bool = false) {
    self.search = search
    self.limit = limit
    self.includeArchived = includeArchived
  }
}

extension SessionStore {
  /// A new, empty session.
  public func createSession(title: String, agent: String, at date: Date = Date()) async throws
    -> Session
  {
    let now = StoredValues.truncated(date)
    let session = Session(
      id: UUID().uuidString.lowercased(),
      title: SessionTitle.normalized(title) ?? SessionTitle.untitled,
      agent: agent, createdAt: now, updatedAt: now)
    try await write("create a session") { db in try SessionRecord(session).insert(db) }
    return session
  }

  public func session(id: String) async throws -> Session? {
    try await read("read a session") { db in try SessionRecord.fetchOne(db, key: id)?.session }
  }

  /// The session a user means by `reference`: `last` (the most recently updated), a full id,
  /// or a unique prefix of one.
  /// - Throws: `ChatError` of kind `notFound`, or `invalidInput` for an ambiguous prefix.
  public func resolveSession(_ reference: String) async throws -> Session {
    let reference = reference.trimmingCharacters(in: .whitespaces).lowercased()
    if reference == "last" {
      let last = try await read("find the last session") { db in
        try SessionRecord.fetchOne(
          db,
          sql: "SELECT * FROM session WHERE archived = 0 "
            + "ORDER BY updated_at DESC, rowid DESC LIMIT 1")
      }
      guard let last else { throw ChatError.notFound("there are no sessions yet") }
      return last.session
    }
    guard !reference.isEmpty, reference.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
      throw ChatError.notFound("no session \"\(reference)\" (give an id, a prefix or last)")
    }
    let matches = try await read("find a session") { db in
      try SessionRecord.fetchAll(
        db, sql: "SELECT * FROM session WHERE id GLOB ? ORDER BY id LIMIT 2",
        arguments: [reference + "*"])
    }
    if let exact = matches.first(where: { $0.id == reference }) { return exact.session }
    switch matches.count {
    case 0: throw ChatError.notFound("no session \"\(reference)\"")
    case 1: return matches[0].session
    default:
      throw ChatError.invalidInput(
        "\"\(reference)\" matches several sessions; give more of the id")
    }
  }

  /// Sessions, most recently updated first, with their message counts and costs.
  ///
  /// With `query.search`, only sessions whose title or any message has all the words: title
  /// matches first, then the sessions with the most recent matching messages, up to `limit`;
  /// those are shown by update time.
  public func listSessions(_ query: SessionQuery = SessionQuery()) async throws
    -> [SessionSummary]
  {
    try await read("list sessions") { db in
      let archived = query.includeArchived ? "" : "WHERE s.archived = 0"
      guard let search = query.search, !search.allSatisfy(\.isWhitespace) else {
        let limit = query.limit.map { "LIMIT \(max(0, $0))" } ?? ""
        let rows = try Row.fetchCursor(
          db,
          sql:
            "SELECT * FROM session s \(archived) ORDER BY s.updated_at DESC, s.rowid DESC \(limit)")
        return try Array(rows.map(Self.summary))
      }
      // Text without a letter or digit matches nothing (rather than everything).
      guard let match = SearchQuery(search) else { return [] }
      let ids = try Self.sessionIDs(
        matching: match, limit: query.limit, includeArchived: query.includeArchived, db)
      guard !ids.isEmpty else { return [] }
      let rows = try Row.fetchCursor(
        db,
        sql: "SELECT * FROM session s WHERE s.id IN (\(databaseQuestionMarks(count: ids.count))) "
          + "ORDER BY s.updated_at DESC, s.rowid DESC",
        arguments: StatementArguments(ids))
      return try Array(rows.map(Self.summary))
    }
  }

  /// A session row with its totals (kept by triggers, see the schema). Read column by
  /// column rather than through `Codable`: listing thousands of sessions spends most of its
  /// time here.
  private static func summary(_ row: Row) -> SessionSummary {
    let priced: Int = row["priced_messages"]
    let session = Session(
      id: row["id"], title: row["title"], agent: row["agent"], isArchived: row["archived"],
      createdAt: StoredValues.date(row["created_at"]),
      updatedAt: StoredValues.date(row["updated_at"]))
    return SessionSummary(
      session: session, messageCount: row["message_count"],
      cost: priced > 0 ? StoredValues.cost(row["cost_picos"]) : nil)
  }

  /// Renames a session.
  /// - Throws: `invalidInput` for a blank title, `notFound` for an unknown session.
  public func renameSession(id: String, to title: String) async throws {
    guard let title = SessionTitle.normalized(title) else {
      throw ChatError.invalidInput("a title needs at least one visible character")
    }
    try await updateSession(id, "rename a session") { db in
      try db.execute(sql: "UPDATE session SET title = ? WHERE id = ?", arguments: [title, id])
    }
  }

  /// Archives a session (hidden from lists and `last`) or brings it back.
  public func setArchived(_ isArchived: Bool, sessionID id: String) async throws {
    try await updateSession(id, "archive a session") { db in
      try db.execute(
        sql: "UPDATE session SET archived = ? WHERE id = ?", arguments: [isArchived, id])
    }
  }

  /// Deletes a session and its messages. The request log keeps its rows (without the link),
  /// since the money was spent.
  public func deleteSession(id: String) async throws {
    try await updateSession(id, "delete a session") { db in
      try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
    }
  }

  private func updateSession(
    _ id: String, _ action: String, _ update: @escaping @Sendable (Database) throws -> Void
  ) async throws {
    let changed = try await write(action) { db in
      try update(db)
      return db.changesCount
    }
    guard changed > 0 else { throw ChatError.notFound("no session \"\(id)\"") }
  }
}
