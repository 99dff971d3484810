import ChatDomain
import GRDB

/// The web sources of replies, kept in `citation` beside their messages.
extension SessionStore {
  /// The sources of every message of a session that has any, by message id, in order.
  static func citations(sessionID: String, _ db: Database) throws -> [String: [Citation]] {
    let records = try CitationRecord.fetchAll(
      db,
      sql: """
        SELECT citation.* FROM citation JOIN message ON message.id = citation.message_id
        WHERE message.session_id = ? ORDER BY citation.message_id, citation.ordinal
        """,
      arguments: [sessionID])
    return Dictionary(grouping: records, by: \.messageId).mapValues { $0.map(\.citation) }
  }

  /// Replaces the sources of message `messageID` with `citations`.
  static func saveCitations(_ citations: [Citation], messageID: String, _ db: Database) throws {
    try db.execute(sql: "DELETE FROM citation WHERE message_id = ?", arguments: [messageID])
    for (ordinal, citation) in citations.enumerated() {
      try CitationRecord(citation, messageID: messageID, ordinal: ordinal).insert(db)
    }
  }
}
