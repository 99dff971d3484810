import Foundation

/// A conversation: a titled, ordered list of messages.
public struct Session: Sendable, Hashable, Identifiable {
  public var id: String
  /// From the first user message (see `SessionTitle`), or as the user renamed it.
  public var title: String
  /// The agent the session started with; each message records its own agent too.
  public var agent: String
  public var isArchived: Bool
  /// Millisecond precision, like everything the store keeps.
  public var createdAt: Date
  /// Moves forward whenever a message is added or a reply ends.
  public var updatedAt: Date

  public init(
    id: String, title: String, agent: String, isArchived: Bool = false, createdAt: Date,
    updatedAt: Date
  ) {
    self.id = id
    self.title = title
    self.agent = agent
    self.isArchived = isArchived
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

/// A session with the figures a session list shows.
public struct SessionSummary: Sendable, Hashable, Identifiable {
  public var session: Session
  /// Messages in the transcript (selected variants only).
  public var messageCount: Int
  /// What every reply of the session cost, earlier variants included; `nil` when no reply
  /// reported a cost.
  public var cost: Decimal?

  public var id: String { session.id }

  public init(session: Session, messageCount: Int, cost: Decimal?) {
    self.session = session
    self.messageCount = messageCount
    self.cost = cost
  }
}
