import ChatDomain
import Foundation
import GRDB

/// The life of a streamed reply in the store: created `streaming`, checkpointed while it
/// grows, finished once; recovered as `interrupted` if its process dies first.
extension SessionStore {
  /// Creates a reply row at the end of the active path, `streaming` and empty, leased to
  /// this process.
  /// - Parameter model: The requested model.
  public func startReply(
    sessionID: String, agent: String?, model: String?, at date: Date = Date()
  ) async throws -> Message {
    try await startReplies(
      sessionID: sessionID, parent: .endOfPath, models: [model], agent: agent, at: date)[0]
  }

  /// Creates a reply row after `parentID` (a user message), `streaming` and empty, leased to
  /// this process. When that message already has replies, the new one is another variant
  /// there (a regeneration); it becomes the selected one when `selects`.
  public func startReply(
    sessionID: String, parentID: String, selects: Bool = true, agent: String?, model: String?,
    at date: Date = Date()
  ) async throws -> Message {
    try await startReplies(
      sessionID: sessionID, parent: .message(parentID), models: [model], agent: agent,
      selectsFirst: selects, at: date)[0]
  }

  /// Creates one reply row per model after `parentID`, in one transaction, for a compare:
  /// variants of each other, the first selected (`selectsFirst`), each created a millisecond
  /// after the one before so their order is the models' order.
  public func startReplies(
    sessionID: String, parentID: String, models: [String], agent: String?,
    at date: Date = Date()
  ) async throws -> [Message] {
    try await startReplies(
      sessionID: sessionID, parent: .message(parentID), models: models, agent: agent, at: date)
  }

  private func startReplies(
    sessionID: String, parent: Placement, models: [String?], agent: String?,
    selectsFirst: Bool = true, at date: Date
  ) async throws -> [Message] {
    let lease = try lease.token()
    let now = StoredValues.truncated(date)
    return try await write("save the reply") { db in
      let (parentID, position) = try Self.place(parent, sessionID: sessionID, db)
      var replies: [Message] = []
      for (index, model) in models.enumerated() {
        let reply = Message(
          id: UUID().uuidString.lowercased(), sessionID: sessionID, position: position,
          parentID: parentID, isSelected: false, role: .assistant, content: "", agent: agent,
          model: model, status: .streaming,
          createdAt: StoredValues.date(StoredValues.milliseconds(now) + Int64(index)))
        replies.append(
          try Self.insert(reply, selects: index == 0 && selectsFirst, writerLease: lease, db))
      }
      try Self.refreshMessageCount(sessionID: sessionID, db)
      return replies
    }
  }

  /// Saves the text of a streaming reply so far. One `UPDATE` of one row: streaming rows
  /// are outside the search index and the session row is not touched.
  ///
  /// Does nothing once the reply has finished, so a late checkpoint can never overwrite the
  /// final text.
  public func checkpointReply(id: String, content: String, reasoning: String?) async throws {
    try await write("save the reply so far") { db in
      try db.execute(
        sql: "UPDATE message SET content = ?, reasoning = ? WHERE id = ? AND status = 'streaming'",
        arguments: [content, reasoning, id])
    }
  }

  /// Saves a reply's final state (text, status, usage, timings, sources) and its
  /// request-log entry, in one transaction, and moves the session's update time.
  /// `images` (those the model made) are stored with it.
  /// - Precondition: `reply.status` is final.
  public func finishReply(
    _ reply: Message, log: RequestLogEntry? = nil, images: [AttachmentFile] = [],
    at date: Date = Date()
  ) async throws {
    precondition(reply.status.isFinal, "a finished reply cannot be streaming")
    try await write("save the reply") { db in
      // Only the reply's own results: selection may have changed meanwhile (the UI).
      try MessageRecord(reply, writerLease: nil).update(db, columns: Self.finalColumns)
      try Self.saveCitations(reply.citations, messageID: reply.id, db)
      try Self.saveAttachments(images, messageID: reply.id, db)
      if let log { try RequestLogRecord(log).insert(db) }
      try Self.touch(sessionID: reply.sessionID, at: StoredValues.truncated(date), db)
    }
  }

  private static let finalColumns = [
    "content", "reasoning", "served_model", "provider", "status", "error", "finish_reason",
    "prompt_tokens", "completion_tokens", "total_tokens", "reasoning_tokens", "cached_tokens",
    "cost_picos", "web_searches", "cache_savings_picos", "generation_id", "ttft_ms",
    "duration_ms", "writer_lease",
  ]

  /// Marks `streaming` replies whose process has ended as `interrupted`, keeping the text of
  /// their last checkpoint. Runs when the store opens.
  /// - Returns: How many replies were recovered.
  @discardableResult
  public func recoverAbandonedReplies() async throws -> Int {
    let directory = lease.directory
    let candidates = try await read("find interrupted replies") { db in
      try Row.fetchAll(
        db, sql: "SELECT id, writer_lease FROM message WHERE status = 'streaming'"
      ).map { (id: $0["id"] as String, lease: $0["writer_lease"] as String?) }
    }
    let abandoned = candidates.filter { candidate in
      guard let token = candidate.lease else { return true }
      return !lease.owns(token) && WriterLease.isAbandoned(token, in: directory)
    }.map(\.id)
    guard !abandoned.isEmpty else { return 0 }
    return try await write("mark interrupted replies") { db in
      try db.execute(
        sql: """
          UPDATE message SET status = 'interrupted', writer_lease = NULL,
            error = COALESCE(error, 'orchat stopped before the reply finished')
          WHERE status = 'streaming' AND id IN (\(databaseQuestionMarks(count: abandoned.count)))
          """,
        arguments: StatementArguments(abandoned))
      return db.changesCount
    }
  }
}
