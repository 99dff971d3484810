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
    guard
      !turn.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        || !turn.attachments.isEmpty
    else {
      throw ChatError.invalidInput("the message is empty")
    }
    let title =
      turn.text.isBlankText
      ? turn.attachments.map(\.attachment.name).joined(separator: ", ") : turn.text
    var session = try await session(turn.sessionID, titledAfter: title, agent: turn.agent)
    var history: [Message]
    if let replaced = turn.replacing {
      // An edit: the new message goes where the old one is, after the same history.
      let lineage = try await store.lineage(of: replaced, sessionID: session.id)
      guard lineage.last?.role == .user else {
        throw ChatError.invalidInput("only your own messages can be edited")
      }
      history = Array(lineage.dropLast())
    } else {
      history = try await store.transcript(sessionID: session.id).map(\.message)
    }
    let requested = turn.overrides.model ?? turn.agent.model
    let userMessage = try await store.appendUserMessage(
      sessionID: session.id, parentID: history.last?.id, content: turn.text,
      agent: turn.agent.name, model: requested, attachments: turn.attachments)
    session.updatedAt = max(session.updatedAt, userMessage.createdAt)
    history.append(userMessage)
    return try await exchange(
      session: session, history: history, userMessage: userMessage, agent: turn.agent,
      overrides: turn.overrides, streams: turn.streams, onEvent: onEvent)
  }

  /// The session `id`, or a new one titled after `text` when `id` is `nil`.
  func session(_ id: String?, titledAfter text: String, agent: Agent) async throws -> Session {
    if let id {
      guard let existing = try await store.session(id: id) else {
        throw ChatError.notFound("no session \"\(id)\"")
      }
      return existing
    }
    return try await store.createSession(
      title: SessionTitle.from(message: text), agent: agent.name)
  }

  /// Asks again for a reply of a session: a new variant at its place, which becomes the
  /// selected one. The earlier replies are kept, each with the branch that follows it.
  ///
  /// - Parameter replyID: The reply to ask again for (anywhere in the session), or a user
  ///   message to answer again; `nil`: the last reply of the active path, or, when the path
  ///   ends with a user message (its reply failed to start), an answer to that message.
  ///
  /// Outcomes as `run`; `.failed(invalidInput)` when there is no user message to answer,
  /// `.failed(notFound)` for an unknown `replyID`.
  public func runRegeneration(
    sessionID: String, replyID: String? = nil, agent: Agent,
    overrides: ConversationOverrides = .init(), streams: Bool = true,
    onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async -> ConversationOutcome {
    await Self.outcome {
      try await startRegeneration(
        sessionID: sessionID, replyID: replyID, agent: agent, overrides: overrides,
        streams: streams, onEvent: onEvent)
    }
  }

  private func startRegeneration(
    sessionID: String, replyID: String?, agent: Agent, overrides: ConversationOverrides,
    streams: Bool, onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async throws -> ConversationOutcome {
    guard let session = try await store.session(id: sessionID) else {
      throw ChatError.notFound("no session \"\(sessionID)\"")
    }
    let history = try await question(sessionID: sessionID, at: replyID)
    return try await exchange(
      session: session, history: history, userMessage: nil, agent: agent,
      overrides: overrides, streams: streams, onEvent: onEvent)
  }

  /// The history up to and including the user message that a new reply answers: the
  /// parent of reply `messageID`, user message `messageID` itself, or (`nil`) the last user
  /// message of the active path.
  func question(sessionID: String, at messageID: String?) async throws -> [Message] {
    var history: [Message]
    if let messageID {
      history = try await store.lineage(of: messageID, sessionID: sessionID)
    } else {
      history = try await store.transcript(sessionID: sessionID).map(\.message)
    }
    if history.last?.role == .assistant { history.removeLast() }
    guard history.last?.role == .user else {
      throw ChatError.invalidInput("the session has no message to answer")
    }
    return history
  }

  // MARK: - The exchange

  /// Starts the reply to the last message of `history` (a user message) and runs it.
  private func exchange(
    session: Session, history: [Message], userMessage: Message?, agent: Agent,
    overrides: ConversationOverrides, streams: Bool,
    onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async throws -> ConversationOutcome {
    let plan = self.plan(
      agent: agent, overrides: overrides, history: history, sessionID: session.id,
      files: try await store.attachmentData(for: history))
    let question = history[history.count - 1]
    let reply = try await store.startReply(
      sessionID: session.id, parentID: question.id, agent: agent.name,
      model: plan.requestedModel)
    onEvent(.started(session: session, userMessage: userMessage, reply: reply))
    return await run(reply, plan: plan, agent: agent, streams: streams, onEvent: onEvent)
  }

  /// Runs the request for `reply` (already stored, `streaming`) and saves how it ended.
  func run(
    _ reply: Message, plan: RequestPlan, agent: Agent, streams: Bool,
    onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async -> ConversationOutcome {
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
  static func outcome(
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
