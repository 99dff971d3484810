import ChatDomain
import Foundation
import GRDB

/// Attachments in the store: the bytes once per content (`attachment`, keyed by SHA-256),
/// and each message's list of them (`message_attachment`, in order, with the name it was
/// attached under). A trigger removes the bytes when the last message that uses them goes,
/// so deleting the last session that holds a file removes the file.
extension SessionStore {
  /// Version 2 (`v2-attachments`, registered after `v2-sources`). Messages written before it
  /// have no attachments.
  static let attachmentTables = """
    CREATE TABLE attachment (
      sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
      media_type TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf', 'audio', 'text')),
      byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
      width INTEGER,
      height INTEGER,
      page_count INTEGER,
      duration_ms INTEGER,
      data BLOB NOT NULL
    );

    CREATE TABLE message_attachment (
      message_id TEXT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
      sha256 TEXT NOT NULL REFERENCES attachment (sha256),
      name TEXT NOT NULL,
      PRIMARY KEY (message_id, ordinal)
    ) WITHOUT ROWID;
    CREATE INDEX message_attachment_by_content ON message_attachment (sha256);

    -- The bytes go with the last reference (deleting a session deletes its messages, and
    -- with them their references).
    CREATE TRIGGER attachment_release AFTER DELETE ON message_attachment
    WHEN NOT EXISTS (SELECT 1 FROM message_attachment WHERE sha256 = old.sha256) BEGIN
      DELETE FROM attachment WHERE sha256 = old.sha256;
    END;
    """

  /// Stores `files` as the attachments of message `messageID`, after any it has; bytes
  /// already stored (the same content) are not stored again.
  static func saveAttachments(_ files: [AttachmentFile], messageID: String, _ db: Database)
    throws
  {
    guard !files.isEmpty else { return }
    var ordinal =
      try Int.fetchOne(
        db,
        sql: "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM message_attachment WHERE message_id = ?",
        arguments: [messageID]) ?? 0
    for file in files {
      let a = file.attachment
      try db.execute(
        sql: """
          INSERT INTO attachment
            (sha256, media_type, kind, byte_count, width, height, page_count, duration_ms, data)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
          """,
        arguments: [
          a.sha256, a.mediaType, a.kind.rawValue, file.data.count, a.width, a.height, a.pageCount,
          a.durationMilliseconds, file.data,
        ])
      try db.execute(
        sql:
          "INSERT INTO message_attachment (message_id, ordinal, sha256, name) VALUES (?, ?, ?, ?)",
        arguments: [messageID, ordinal, a.sha256, a.name])
      ordinal += 1
    }
  }

  /// The attachments of every message of session `sessionID`, by message id, in order
  /// (without their bytes).
  static func attachments(sessionID: String, _ db: Database) throws -> [String: [Attachment]] {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT ma.message_id, ma.name, a.sha256, a.media_type, a.kind, a.byte_count, a.width,
          a.height, a.page_count, a.duration_ms
        FROM message_attachment ma
        JOIN message m ON m.id = ma.message_id
        JOIN attachment a ON a.sha256 = ma.sha256
        WHERE m.session_id = ?
        ORDER BY ma.message_id, ma.ordinal
        """,
      arguments: [sessionID])
    var result: [String: [Attachment]] = [:]
    while let row = try rows.next() {
      let attachment = Attachment(
        sha256: row["sha256"], name: row["name"], mediaType: row["media_type"],
        kind: AttachmentKind(rawValue: row["kind"]) ?? .text, byteCount: row["byte_count"],
        width: row["width"], height: row["height"], pageCount: row["page_count"],
        durationMilliseconds: row["duration_ms"])
      result[row["message_id"], default: []].append(attachment)
    }
    return result
  }

  /// The bytes of every attachment of `messages`, by SHA-256.
  public func attachmentData(for messages: [Message]) async throws -> [String: Data] {
    let hashes = Set(messages.flatMap { $0.attachments.map(\.sha256) })
    guard !hashes.isEmpty else { return [:] }
    return try await read("read attachments") { db in try Self.attachmentData(hashes: hashes, db) }
  }

  static func attachmentData(hashes: Set<String>, _ db: Database) throws -> [String: Data] {
    guard !hashes.isEmpty else { return [:] }
    var result: [String: Data] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: "SELECT sha256, data FROM attachment WHERE sha256 IN "
        + "(\(databaseQuestionMarks(count: hashes.count)))",
      arguments: StatementArguments(Array(hashes)))
    while let row = try rows.next() { result[row["sha256"]] = row["data"] }
    return result
  }

  /// The bytes of one stored attachment; `nil` when no message holds it (any more).
  public func attachmentData(sha256: String) async throws -> Data? {
    try await read("read an attachment") { db in
      try Data.fetchOne(
        db, sql: "SELECT data FROM attachment WHERE sha256 = ?", arguments: [sha256])
    }
  }

  /// How many distinct contents are stored (each once, whatever uses it).
  public func storedAttachmentCount() async throws -> Int {
    try await read("count attachments") { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attachment") ?? 0
    }
  }
}
