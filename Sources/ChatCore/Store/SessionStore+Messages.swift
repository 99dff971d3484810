import ChatDomain
import Foundation
import GRDB

extension SessionStore {
  /// Every message of a session, on every branch, by depth then age.
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

  /// The transcript: the active path, each message with the other variants at its place.
  public func transcript(sessionID: String) async throws -> [TranscriptEntry] {
    Self.transcript(from: try await messages(sessionID: sessionID))
  }

  /// The active path through `messages` (ordered by depth, then age): from the selected
  /// root, the selected child of each message, each with its siblings. A place where none is
  /// selected (the schema allows it for a moment, never at rest) shows its newest.
  public static func transcript(from messages: [Message]) -> [TranscriptEntry] {
    let children = MessageTree(messages)
    var entries: [TranscriptEntry] = []
    var parent: String?
    while let siblings = children.children(of: parent), !siblings.isEmpty {
      let chosen = siblings.last(where: \.isSelected) ?? siblings[siblings.count - 1]
      entries.append(
        TranscriptEntry(message: chosen, otherVariants: siblings.filter { $0.id != chosen.id }))
      parent = chosen.id
    }
    return entries
  }

  /// The messages from the root down to `messageID`, inclusive: what a reply to it, or a
  /// variant of it, is asked with.
  /// - Throws: `notFound` when the session has no such message.
  public func lineage(of messageID: String, sessionID: String) async throws -> [Message] {
    let messages = try await messages(sessionID: sessionID)
    guard let lineage = MessageTree(messages).lineage(of: messageID) else {
      throw ChatError.notFound("no message \"\(messageID)\" in this session")
    }
    return lineage
  }

  /// Saves a user message at the end of the session's active path, with its attachments,
  /// and moves the session's update time.
  public func appendUserMessage(
    sessionID: String, content: String, agent: String?, model: String?,
    attachments: [AttachmentFile] = [], at date: Date = Date()
  ) async throws -> Message {
    try await insertUserMessage(
      sessionID: sessionID, parent: .endOfPath, content: content, agent: agent, model: model,
      attachments: attachments, at: date)
  }

  /// Saves a user message after `parentID` (`nil`: at the root), where it becomes the
  /// selected variant: a new branch when that place already had messages (an edited
  /// question). The old branch is kept.
  public func appendUserMessage(
    sessionID: String, parentID: String?, content: String, agent: String?, model: String?,
    attachments: [AttachmentFile] = [], at date: Date = Date()
  ) async throws -> Message {
    try await insertUserMessage(
      sessionID: sessionID, parent: .message(parentID), content: content, agent: agent,
      model: model, attachments: attachments, at: date)
  }

  enum Placement: Sendable {
    /// After the last message of the active path.
    case endOfPath
    /// After this message; `nil`: at the root.
    case message(String?)
  }

  private func insertUserMessage(
    sessionID: String, parent: Placement, content: String, agent: String?, model: String?,
    attachments: [AttachmentFile], at date: Date
  ) async throws -> Message {
    let now = StoredValues.truncated(date)
    return try await write("save your message") { db in
      let (parentID, position) = try Self.place(parent, sessionID: sessionID, db)
      let message = Message(
        id: UUID().uuidString.lowercased(), sessionID: sessionID, position: position,
        parentID: parentID, role: .user, content: content, agent: agent, model: model,
        status: .complete, createdAt: now, attachments: attachments.map(\.attachment))
      try Self.insert(message, selects: true, db)
      try Self.saveAttachments(attachments, messageID: message.id, db)
      try Self.refreshMessageCount(sessionID: sessionID, db)
      try Self.touch(sessionID: sessionID, at: now, db)
      return message
    }
  }

  /// Makes `messageID` the selected variant at its place; the active path then runs through
  /// it and on down its own selected children (the branch as it was left).
  /// - Returns: The id of the message's session.
  @discardableResult
  public func selectVariant(messageID: String) async throws -> String {
    let sessionID = try await write("select a variant") { db in
      guard let record = try MessageRecord.fetchOne(db, key: messageID) else {
        throw ChatError.notFound("no message \"\(messageID)\"")
      }
      try Self.select(record.id, sessionID: record.sessionId, parentID: record.parentId, db)
      try Self.refreshMessageCount(sessionID: record.sessionId, db)
      return record.sessionId
    }
    return sessionID
  }

  /// `selectVariant`, then the session's transcript along the new active path: what the app
  /// shows after switching branch.
  public func switchBranch(to messageID: String) async throws -> [TranscriptEntry] {
    try await transcript(sessionID: selectVariant(messageID: messageID))
  }

  /// Makes the active path run through `messageID`: it and each of its ancestors become the
  /// selected variant at their place (a search hit opens on its branch).
  public func selectBranch(containing messageID: String) async throws {
    try await write("select a branch") { db in
      var current = try MessageRecord.fetchOne(db, key: messageID)
      guard let sessionID = current?.sessionId else {
        throw ChatError.notFound("no message \"\(messageID)\"")
      }
      while let record = current {
        if !record.selected {
          try Self.select(record.id, sessionID: record.sessionId, parentID: record.parentId, db)
        }
        current = try record.parentId.flatMap { try MessageRecord.fetchOne(db, key: $0) }
      }
      try Self.refreshMessageCount(sessionID: sessionID, db)
    }
  }

  // MARK: - Helpers shared by the write paths

  /// The parent and depth of a new message at `placement`.
  static func place(_ placement: Placement, sessionID: String, _ db: Database) throws
    -> (parentID: String?, position: Int)
  {
    guard try SessionRecord.exists(db, key: sessionID) else {
      throw ChatError.notFound("no session \"\(sessionID)\"")
    }
    switch placement {
    case .endOfPath:
      guard let tail = try pathTail(sessionID: sessionID, db) else { return (nil, 0) }
      return (tail.id, tail.depth + 1)
    case .message(nil):
      return (nil, 0)
    case .message(let id?):
      guard let parent = try MessageRecord.fetchOne(db, key: id), parent.sessionId == sessionID
      else {
        throw ChatError.notFound("no message \"\(id)\" in this session")
      }
      return (parent.id, parent.position + 1)
    }
  }

  /// Inserts `message` at its place; selected when `selects` or when it is the first there.
  /// - Returns: The message as stored.
  @discardableResult
  static func insert(
    _ message: Message, selects: Bool, writerLease: String? = nil, _ db: Database
  ) throws -> Message {
    var message = message
    let hasSelected =
      try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS (SELECT 1 FROM message WHERE session_id = ? AND parent_id IS ? "
          + "AND selected = 1)",
        arguments: [message.sessionID, message.parentID]) ?? false
    if selects, hasSelected {
      try db.execute(
        sql: "UPDATE message SET selected = 0 WHERE session_id = ? AND parent_id IS ?",
        arguments: [message.sessionID, message.parentID])
    }
    message.isSelected = selects || !hasSelected
    try MessageRecord(message, writerLease: writerLease).insert(db)
    return message
  }

  /// The last message of the active path and its depth; `nil` for an empty session.
  static func pathTail(sessionID: String, _ db: Database) throws -> (id: String, depth: Int)? {
    let row = try Row.fetchOne(
      db,
      sql: """
        WITH RECURSIVE path(id, depth) AS (
          SELECT id, 0 FROM message
          WHERE session_id = ?1 AND parent_id IS NULL AND selected = 1
          UNION ALL
          SELECT m.id, path.depth + 1 FROM message m JOIN path ON m.parent_id = path.id
          WHERE m.selected = 1
        )
        SELECT id, depth FROM path ORDER BY depth DESC LIMIT 1
        """,
      arguments: [sessionID])
    return row.map { (id: $0["id"], depth: $0["depth"]) }
  }

  /// Sets the session's `message_count` to the length of its active path.
  static func refreshMessageCount(sessionID: String, _ db: Database) throws {
    let count = try pathTail(sessionID: sessionID, db).map { $0.depth + 1 } ?? 0
    try db.execute(
      sql: "UPDATE session SET message_count = ? WHERE id = ?", arguments: [count, sessionID])
  }

  /// Unselects the other variants first: the unique index allows one selected per place.
  static func select(_ messageID: String, sessionID: String, parentID: String?, _ db: Database)
    throws
  {
    try db.execute(
      sql: "UPDATE message SET selected = 0 WHERE session_id = ? AND parent_id IS ? AND id <> ?",
      arguments: [sessionID, parentID, messageID])
    try db.execute(sql: "UPDATE message SET selected = 1 WHERE id = ?", arguments: [messageID])
  }

  /// Moves the session's update time forward (never back).
  static func touch(sessionID: String, at date: Date, _ db: Database) throws {
    try db.execute(
      sql: "UPDATE session SET updated_at = MAX(updated_at, ?) WHERE id = ?",
      arguments: [StoredValues.milliseconds(date), sessionID])
  }
}

/// A session's messages by parent, for walking the tree.
struct MessageTree {
  private var byParent: [String: [Message]] = [:]
  private var byID: [String: Message] = [:]

  /// - Parameter messages: Ordered by depth, then age (siblings keep that order).
  init(_ messages: [Message]) {
    for message in messages {
      byParent[message.parentID ?? "", default: []].append(message)
      byID[message.id] = message
    }
  }

  func children(of parentID: String?) -> [Message]? {
    byParent[parentID ?? ""]
  }

  /// The root-to-`id` chain, or `nil` for an unknown id (or a broken chain).
  func lineage(of id: String) -> [Message]? {
    var chain: [Message] = []
    var current = byID[id]
    while let message = current {
      chain.append(message)
      guard let parent = message.parentID else { return chain.reversed() }
      current = byID[parent]
      if chain.count > byID.count { return nil }
    }
    return nil
  }
}
