/// Where a message is in its life. User messages are `complete` when saved; a reply is
/// created `streaming` and ends in one of the other states.
public enum MessageStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// Saved whole: a user message, or a reply that finished normally.
  case complete
  /// A reply still arriving; its content is checkpointed as it grows.
  case streaming
  /// A reply whose process died while it streamed (found on a later start).
  case interrupted
  /// A reply the user stopped.
  case cancelled
  /// A reply the provider or the network failed; `error` says why.
  case error

  /// Whether the message will change no more.
  public var isFinal: Bool { self != .streaming }
}

/// Who wrote a message.
public enum MessageRole: String, Sendable, Hashable, CaseIterable, Codable {
  case system, user, assistant
}
