import ChatDomain
import Foundation
import GRDB

extension SessionStore {
  /// Every message of a session, variants included, by position then age.
  ///
  /// A reply whose writer has died since the store opened reads as `interrupted`, exactly
  /// as after reopening (`recoverAbandonedReplies` runs first), so a long-lived process (the
  /// full-screen app) and a fresh command agree.
  public func messages(sessionID: String) async throws -> [Message] {
    try await recoverAbandonedReplies()
    return try await read("read messages") { db in try Self.messages(sessionID: sessionID, db) }
  }

  static func messages(sessionID: String, _ db: Database) throws -> [Message] {
    var messages = try MessageRecord.fetchAll(
      db,
      sql: "SELECT * FROM message WHERE session_id = ? ORDER BY position, created_at, rowid",
      arguments: [sessionID]
    ).map(\.message)
    let sources = try citations(sessionID: sessionID, db)
    if !sources.isEmpty {
      for index in messages.indices {
        messages[index].citations = sources[messages[index].id] ?? []
      }
    }
    let attachments = try Self.attachments(sessionID: sessionID, db)
    if !attachments.isEmpty {
      for index in messages.indices {
        messages[index].attachments = attachments[messages[index].id] ?? []
      }
    }
    return messages
  }

  /// The transcript: the selected message of each position, with the position's other
  /// variants.
  public func transcript(sessionID: String) async throws -> [TranscriptEntry] {
    Self.transcript(from: try await messages(sessionID: sessionID))
  }

  /// Groups messages (ordered by position) into transcript entries.
  static func transcript(from messages: [Message]) -> [TranscriptEntry] {
    var entries: [TranscriptEntry] = []
    var index = 0
    while index < messages.count {
      let position = messages[index].position
      var end = index
      while end < messages.count && messages[end].position == position { end += 1 }
      let group = messages[index..<end]
      // The schema allows at most one selected; a position with none shows its newest.
      if let selected = group.first(where: \.isSelected) ?? group.last {
        entries.append(
          TranscriptEntry(message: selected, otherVariants: group.filter { $0.id != selected.id }))
      }
      index = end
    }
    return entries
  }

  /// Saves a user message at the end of the session, with its attachments, and moves the
  /// session's update time.
  public func appendUserMessage(
    sessionID: String, content: String, agent: String?, model: String?,
    attachments: [AttachmentFile] = [], at date: Date = Date()
  ) async throws -> Message {
    let now = StoredValues.truncated(date)
    return try await write("save your message") { db in
      let position = try Self.nextPosition(sessionID: sessionID, db)
      let message = Message(
        id: UUID().uuidString.lowercased(), sessionID: sessionID, position: position,
        role: .user, content: content, agent: agent, model: model, status: .complete,
        createdAt: now, attachments: attachments.map(\.attachment))
      try MessageRecord(message).insert(db)
      try Self.saveAttachments(attachments, messageID: message.id, db)
      try Self.touch(sessionID: sessionID, at: now, db)
      return message
    }
  }

  /// Makes `messageID` the selected variant of its position.
  public func selectVariant(messageID: String) async throws {
    try await write("select a variant") { db in
      guard let record = try MessageRecord.fetchOne(db, key: messageID) else {
        throw ChatError.notFound("no message \"\(messageID)\"")
      }
      try Self.select(record.id, sessionID: record.sessionId, position: record.position, db)
    }
  }

  // MARK: - Helpers shared by the write paths

  static func nextPosition(sessionID: String, _ db: Database) throws -> Int {
    guard try SessionRecord.exists(db, key: sessionID) else {
      throw ChatError.notFound("no session \"\(sessionID)\"")
    }
    return try Int.fetchOne(
      db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM message WHERE session_id = ?",
      arguments: [sessionID]) ?? 0
  }

  /// Unselects the other variants first: the unique index allows one selected per position.
  static func select(_ messageID: String, sessionID: String, position: Int, _ db: Database) throws {
    try db.execute(
      sql: "UPDATE message SET selected = 0 WHERE session_id = ? AND position = ? AND id <> ?",
      arguments: [sessionID, position, messageID])
    try db.execute(sql: "UPDATE message SET selected = 1 WHERE id = ?", arguments: [messageID])
  }

  /// Moves the session's update time forward (never back).
  static func touch(sessionID: String, at date: Date, _ db: Database) throws {
    try db.execute(
      sql: "UPDATE session SET updated_at = MAX(updated_at, ?) WHERE id = ?",
      arguments: [StoredValues.milliseconds(date), sessionID])
  }
}
