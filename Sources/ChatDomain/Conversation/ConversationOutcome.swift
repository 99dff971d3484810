/// How an exchange with a model ended: exactly one per exchange, after every event, and only
/// once everything that was going to be saved is saved.
public enum ConversationOutcome: Sendable, Hashable {
  /// The reply completed; `reply` is as stored (`complete`, with usage and timings).
  case finished(Message)
  /// The exchange failed. `reply` is the stored reply (status `error`, with the text that
  /// had arrived) when the failure came after it was started; `nil` when nothing of the reply
  /// was stored: the session could not be found or written, or the final save failed.
  case failed(ChatError, reply: Message?)
  /// The user stopped it. `reply` is stored `cancelled` with the text that had arrived, or
  /// `nil` when it was stopped before the reply was started.
  case cancelled(reply: Message?)

  /// The stored reply, whatever the ending.
  public var reply: Message? {
    switch self {
    case .finished(let reply): reply
    case .failed(_, let reply): reply
    case .cancelled(let reply): reply
    }
  }
}
