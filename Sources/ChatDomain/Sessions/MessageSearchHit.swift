import Foundation

/// A message that matches a search.
public struct MessageSearchHit: Sendable, Hashable, Identifiable {
  public var sessionID: String
  public var sessionTitle: String
  public var messageID: String
  public var role: MessageRole
  public var createdAt: Date
  /// Text around the match, with the matching words between `[` and `]`.
  public var snippet: String

  public var id: String { messageID }

  public init(
    sessionID: String, sessionTitle: String, messageID: String, role: MessageRole, createdAt: Date,
    snippet: String
  ) {
    self.sessionID = sessionID
    self.sessionTitle = sessionTitle
    self.messageID = messageID
    self.role = role
    self.createdAt = createdAt
    self.snippet = snippet
  }
}
