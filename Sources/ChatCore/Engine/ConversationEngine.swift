import ChatDomain
import Foundation
import OpenRouter

/// Runs chat exchanges and persists them as they happen, so nothing typed or streamed is
/// lost:
///
/// 1. the user message is saved before anything is sent;
/// 2. the reply row is created `streaming` before the request goes out;
/// 3. while the reply streams its text is checkpointed every `checkpointInterval` (on a task
///    of its own, so saving never holds up the stream);
/// 4. at the end the reply gets its status, text, usage, cost and timings, together with its
///    request-log entry, in one transaction, even when the exchange was cancelled.
///
/// A process killed mid-reply leaves the row `streaming` with the last checkpoint's text; the
/// next `SessionStore.open` marks it `interrupted`.
///
/// `run` and `runRegeneration` report events to a closure and return the exchange's one
/// `ConversationOutcome` only once everything is saved, so neither the app nor a command can
/// exit before the final save. They never throw: every ending is an outcome.
public struct ConversationEngine: Sendable {
  /// Sent as `max_tokens` when neither the agent nor an override sets one.
  public static let defaultMaxTokens = 4096
  /// Below the promised 250 ms, leaving room for the write itself.
  public static let defaultCheckpointInterval: Duration = .milliseconds(200)

  public let store: SessionStore
  let client: OpenRouterClient
  let checkpoints: CheckpointPace
  /// How OpenRouter reads PDFs when the agent does not say (`pdf_engine` of `config.toml`);
  /// `nil` lets OpenRouter choose.
  public var defaultPDFEngine: String?
  /// The model catalog, when known: a model with `image` among its output modalities is
  /// asked for images too (`modalities`). Unknown models are asked for text only.
  public var catalog: ModelCatalog?

  public init(
    store: SessionStore, client: OpenRouterClient,
    checkpointInterval: Duration = defaultCheckpointInterval
  ) {
    self.init(store: store, client: client, checkpoints: .every(checkpointInterval))
  }

  /// An engine whose checkpoints follow `checkpoints` (tests step them by hand).
  init(store: SessionStore, client: OpenRouterClient, checkpoints: CheckpointPace) {
    self.store = store
    self.client = client
    self.checkpoints = checkpoints
  }

  // MARK: - Structured calls

  /// Sends `turn`, reporting events to `onEvent`, and returns how it ended.
  ///
  /// Returns only after the final save, also when the calling task is cancelled. Failures
  /// before the reply starts are `.failed` with no reply: `invalidInput` for an empty
  /// message, `notFound` for an unknown session, `storage` when saving fails.
  public func run(
    _ turn: ConversationTurn, onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async -> ConversationOutcome {
    await Self.outcome {
      try await start(turn, onEvent: onEvent)
    }
  }

  private func start(
    _ turn: ConversationTurn, onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async throws -> ConversationOutcome {
    guard !turn.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      || !turn.attachments.isEmpty
    else {
      throw ChatError.invalidInput("the message is empty")
    }
    var session: Session
    if let id = turn.sessionID {
      guard let existing = try await store.session(id: id) else {
        throw ChatError.notFound("no session \"\(id)\"")
      }
      session = existing
    } else {
      let title = turn.text.isBlankText
        ? turn.attachments.map(\.attachment.name).joined(separator: ", ") : turn.text
      session = try await store.createSession(
        title: SessionTitle.from(message: title), agent: turn.agent.name)
    }
    let history = try await store.transcript(sessionID: session.id).map(\.message)
    let requested = turn.overrides.model ?? turn.agent.model
    let userMessage = try await store.appendUserMessage(
      sessionID: session.id, content: turn.text, agent: turn.agent.name, model: requested,
      attachments: turn.attachments)
    session.updatedAt = max(session.updatedAt, userMessage.createdAt)
    return try await exchange(
      session: session, history: history + [userMessage], userMessage: userMessage,
      position: nil, agent: turn.agent, overrides: turn.overrides, streams: turn.streams,
      onEvent: onEvent)
  }

  /// Asks again for the last reply of a session: a new variant at its position, which
  /// becomes the selected one (the earlier replies are kept). When the session ends with a
  /// user message (its reply failed to start), answers that message instead.
  ///
  /// Outcomes as `run`; `.failed(invalidInput)` when the session has no user message to
  /// answer.
  public func runRegeneration(
    sessionID: String, agent: Agent, overrides: ConversationOverrides = .init(),
    streams: Bool = true, onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async -> ConversationOutcome {
    await Self.outcome {
      try await startRegeneration(
        sessionID: sessionID, agent: agent, overrides: overrides, streams: streams,
        onEvent: onEvent)
    }
  }

  private func startRegeneration(
    sessionID: String, agent: Agent, overrides: ConversationOverrides, streams: Bool,
    onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async throws -> ConversationOutcome {
    guard let session = try await store.session(id: sessionID) else {
      throw ChatError.notFound("no session \"\(sessionID)\"")
    }
    var history = try await store.transcript(sessionID: sessionID).map(\.message)
    var position: Int?
    if let last = history.last, last.role == .assistant {
      position = last.position
      history.removeLast()
    }
    guard history.last?.role == .user else {
      throw ChatError.invalidInput("the session has no message to answer")
    }
    return try await exchange(
      session: session, history: history, userMessage: nil, position: position, agent: agent,
      overrides: overrides, streams: streams, onEvent: onEvent)
  }

  // MARK: - The exchange

  private func exchange(
    session: Session, history: [Message], userMessage: Message?, position: Int?, agent: Agent,
    overrides: ConversationOverrides, streams: Bool,
    onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async throws -> ConversationOutcome {
    let primary = overrides.model ?? agent.model
    let plan = Self.plan(
      agent: agent, overrides: overrides, history: history, sessionID: session.id,
      files: try await store.attachmentData(for: history), pdfEngine: defaultPDFEngine,
      outputsImages: catalog?.model(id: primary)?.makesImages ?? false)
    let reply = try await store.startReply(
      sessionID: session.id, position: position, agent: agent.name, model: plan.requestedModel)
    onEvent(.started(session: session, userMessage: userMessage, reply: reply))
    let startedAt = Date()
    let result = await ReplyExchange(
      client: client, store: store, replyID: reply.id, checkpoints: checkpoints,
      emit: onEvent
    ).run(plan.request, streams: streams)
    let outcome = Outcome(reply: reply, result: result, startedAt: startedAt, agent: agent)
    let store = self.store
    // Unstructured on purpose: it does not inherit the cancellation of a cancelled exchange,
    // whose final state must still be saved.
    do {
      try await Task {
        try await store.finishReply(outcome.reply, log: outcome.logEntry, images: outcome.images)
      }.value
    } catch {
      return .failed(ChatError(error), reply: nil)
    }
    return outcome.ending
  }

  /// Runs the part of an exchange before its reply exists, turning what it throws into an
  /// outcome with no reply.
  private static func outcome(
    _ body: () async throws -> ConversationOutcome
  ) async -> ConversationOutcome {
    do {
      return try await body()
    } catch is CancellationError {
      return .cancelled(reply: nil)
    } catch {
      let problem = ChatError(error)
      return problem.kind == .cancelled ? .cancelled(reply: nil) : .failed(problem, reply: nil)
    }
  }
}

extension String {
  var isBlankText: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
