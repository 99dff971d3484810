import ChatDomain
import Foundation
import GRDB

/// A row of `session`.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "session"

  var id: String
  var title: String
  var agent: String
  var archived: Bool
  var createdAt: Int64
  var updatedAt: Int64

  enum CodingKeys: String, CodingKey {
    case id, title, agent, archived
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  init(_ session: Session) {
    id = session.id
    title = session.title
    agent = session.agent
    archived = session.isArchived
    createdAt = StoredValues.milliseconds(session.createdAt)
    updatedAt = StoredValues.milliseconds(session.updatedAt)
  }

  var session: Session {
    Session(
      id: id, title: title, agent: agent, isArchived: archived,
      createdAt: StoredValues.date(createdAt), updatedAt: StoredValues.date(updatedAt))
  }
}
