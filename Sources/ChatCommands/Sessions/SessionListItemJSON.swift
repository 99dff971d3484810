import ChatCore
import ChatDomain
import Foundation

/// One entry of `sessions list --json`:
/// `{"id", "title", "created_at", "updated_at", "agent", "message_count", "cost"}`.
struct SessionListItemJSON: Encodable {
  var id: String
  var title: String
  var createdAt: ArchiveTime
  var updatedAt: ArchiveTime
  var agent: String
  var messageCount: Int
  /// USD, `null` when no reply reported a cost.
  var cost: Decimal?

  init(_ summary: SessionSummary) {
    id = summary.session.id
    title = summary.session.title
    createdAt = ArchiveTime(summary.session.createdAt)
    updatedAt = ArchiveTime(summary.session.updatedAt)
    agent = summary.session.agent
    messageCount = summary.messageCount
    cost = summary.cost
  }

  enum CodingKeys: String, CodingKey {
    case id, title, agent, cost
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case messageCount = "message_count"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(updatedAt, forKey: .updatedAt)
    try container.encode(agent, forKey: .agent)
    try container.encode(messageCount, forKey: .messageCount)
    try container.encode(cost, forKey: .cost)
  }
}
