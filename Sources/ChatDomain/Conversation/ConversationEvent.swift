/// What the conversation engine reports while an exchange runs, in order: `started`, then
/// any of `retrying`, `served`, `reasoning`, `content`, `usage`, `citations`. How the
/// exchange ended is not an event: it is the `ConversationOutcome` the engine returns,
/// exactly one per exchange.
public enum ConversationEvent: Sendable, Hashable {
  /// The user message is saved (`nil` when regenerating) and the reply row exists,
  /// `streaming` and empty; sent before the request goes out. `session` is new when the turn
  /// named none.
  case started(session: Session, userMessage: Message?, reply: Message)
  /// An attempt failed before any text; the client waits `delay` and tries again.
  case retrying(attempt: Int, delay: Duration, reason: String)
  /// The model (after fallback) and provider that are answering.
  case served(model: String, provider: String?)
  /// A piece of reasoning text.
  case reasoning(String)
  /// A piece of the reply.
  case content(String)
  /// Token counts and cost, when the provider reports them (at the end).
  case usage(TokenUsage)
  /// The web sources cited so far, all of them, each time more arrive.
  case citations([Citation])
  /// An image the model made, as it will be stored with the reply (saved when it ends).
  case image(Attachment)
}
