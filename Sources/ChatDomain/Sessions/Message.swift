import Foundation

/// One message of a session, as stored.
///
/// A session's messages form a tree: each names its parent (`parentID`, `nil` at the root).
/// The messages with the same parent are the *variants* at that place: regenerated replies,
/// an edited question (a new branch), the replies of a compare. Exactly one of them
/// `isSelected` (the schema enforces it). The transcript, the *active path*, starts at the
/// selected root and follows the selected child of each message; `position` is a message's
/// depth, so it is also its index in any path through it.
public struct Message: Sendable, Hashable, Identifiable {
  public var id: String
  public var sessionID: String
  public var position: Int
  /// The message this one follows; `nil` for the first message of the session (or of a
  /// branch that replaces it).
  public var parentID: String?
  public var isSelected: Bool
  public var role: MessageRole
  /// The text; for a streaming reply, as of the last checkpoint.
  public var content: String
  /// The reply's reasoning text, when the model returned any.
  public var reasoning: String?
  /// The agent in use when the message was written.
  public var agent: String?
  /// The model that was requested (the first of a fallback list).
  public var model: String?
  /// The model that actually answered (after fallback), for replies.
  public var servedModel: String?
  /// The provider that served the reply (`OpenAI`, `Novita`), as the stream named it.
  public var provider: String?
  public var status: MessageStatus
  /// Why the reply failed, in the user-facing words of the error.
  public var error: String?
  /// `stop`, `length`, `tool_calls`, `content_filter`, `error`, or a provider's own word.
  public var finishReason: String?
  public var usage: TokenUsage?
  /// OpenRouter's generation id, for `GET /generation`.
  public var generationID: String?
  /// From sending the request to the first content or reasoning text.
  public var timeToFirstTokenMilliseconds: Int?
  /// From sending the request to the end of the reply.
  public var durationMilliseconds: Int?
  public var createdAt: Date
  /// The web sources the reply cites, numbered from 1 in this order.
  public var citations: [Citation]
  /// Files the message carries: a user's attachments, or the images a model made, in order.
  public var attachments: [Attachment]

  public init(
    id: String, sessionID: String, position: Int, parentID: String? = nil,
    isSelected: Bool = true, role: MessageRole,
    content: String, reasoning: String? = nil, agent: String? = nil, model: String? = nil,
    servedModel: String? = nil, provider: String? = nil, status: MessageStatus = .complete,
    error: String? = nil,
    finishReason: String? = nil, usage: TokenUsage? = nil, generationID: String? = nil,
    timeToFirstTokenMilliseconds: Int? = nil, durationMilliseconds: Int? = nil,
    createdAt: Date, citations: [Citation] = [], attachments: [Attachment] = []
  ) {
    self.id = id
    self.sessionID = sessionID
    self.position = position
    self.parentID = parentID
    self.isSelected = isSelected
    self.role = role
    self.content = content
    self.reasoning = reasoning
    self.agent = agent
    self.model = model
    self.servedModel = servedModel
    self.provider = provider
    self.status = status
    self.error = error
    self.finishReason = finishReason
    self.usage = usage
    self.generationID = generationID
    self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
    self.durationMilliseconds = durationMilliseconds
    self.createdAt = createdAt
    self.citations = citations
    self.attachments = attachments
  }
}

/// A transcript entry: a message of the active path and the other variants at its place
/// (the messages with the same parent).
public struct TranscriptEntry: Sendable, Hashable, Identifiable {
  public var message: Message
  /// The other messages with the same parent (regenerations, other branches, compared
  /// replies), oldest first.
  public var otherVariants: [Message]

  public var id: String { message.id }

  public init(message: Message, otherVariants: [Message] = []) {
    self.message = message
    self.otherVariants = otherVariants
  }
}
