import ChatDomain
import Foundation
import OpenRouter

/// A compare, once its question and replies are stored: what each of its exchanges runs
/// from.
public struct CompareStart: Sendable {
  public let session: Session
  /// The question the replies answer.
  public let question: Message
  /// Whether the question was saved for this compare (`false`: asked again).
  public let isNewQuestion: Bool
  /// One reply per model, in the models' order, `streaming` and empty; the first is the
  /// selected one.
  public let replies: [Message]
  let plans: [ConversationEngine.RequestPlan]
  let agent: Agent
  let streams: Bool
}

extension ConversationEngine {
  /// Saves what a compare needs before any request goes out: the session (new when the turn
  /// names none), the question (the turn's text at the end of the active path, or the
  /// path's last user message asked again) and one `streaming` reply per model, variants of
  /// each other and of any earlier reply to the question, the first one selected. Each reply
  /// then runs on its own (`runCompareReply`), so one can be stopped, or fail, alone.
  ///
  /// - Throws: `invalidInput` for fewer than 2 or more than 4 models, an empty prompt, or
  ///   nothing to ask again; `notFound` for an unknown session; `storage`.
  public func startCompare(_ turn: CompareTurn) async throws -> CompareStart {
    guard (2...CompareTurn.modelLimit).contains(turn.models.count) else {
      throw ChatError.invalidInput(
        "a compare asks 2 to \(CompareTurn.modelLimit) models (\(turn.models.count) given)")
    }
    let text = turn.text?.trimmingCharacters(in: .whitespacesAndNewlines)
    if let text, text.isEmpty { throw ChatError.invalidInput("the message is empty") }
    if turn.sessionID == nil, text == nil {
      throw ChatError.invalidInput("there is no message to ask again: type a prompt")
    }
    var session = try await session(turn.sessionID, titledAfter: turn.text ?? "", agent: turn.agent)
    var history: [Message]
    let isNew: Bool
    if let prompt = turn.text {
      history = try await store.transcript(sessionID: session.id).map(\.message)
      let question = try await store.appendUserMessage(
        sessionID: session.id, parentID: history.last?.id, content: prompt,
        agent: turn.agent.name, model: turn.models[0], attachments: turn.attachments)
      session.updatedAt = max(session.updatedAt, question.createdAt)
      history.append(question)
      isNew = true
    } else {
      history = try await question(sessionID: session.id, at: nil)
      isNew = false
    }
    let question = history[history.count - 1]
    let files = try await store.attachmentData(for: history)
    let plans = turn.models.map { model in
      var overrides = turn.overrides
      overrides.model = model
      overrides.fallbackModels = []
      return plan(
        agent: turn.agent, overrides: overrides, history: history, sessionID: session.id,
        files: files)
    }
    let replies = try await store.startReplies(
      sessionID: session.id, parentID: question.id, models: plans.map(\.requestedModel),
      agent: turn.agent.name)
    return CompareStart(
      session: session, question: question, isNewQuestion: isNew, replies: replies,
      plans: plans, agent: turn.agent, streams: turn.streams)
  }

  /// Runs reply `index` of a compare: `.started` (with the question when it is new), then
  /// its events; returns its one outcome once it is saved. Cancelling the calling task stops
  /// this reply only.
  public func runCompareReply(
    _ start: CompareStart, index: Int, onEvent: @escaping @Sendable (ConversationEvent) -> Void
  ) async -> ConversationOutcome {
    let reply = start.replies[index]
    onEvent(
      .started(
        session: start.session, userMessage: start.isNewQuestion ? start.question : nil,
        reply: reply))
    return await run(
      reply, plan: start.plans[index], agent: start.agent, streams: start.streams,
      onEvent: onEvent)
  }

  /// A whole compare for a command: starts it, runs every reply at once, and when all have
  /// ended selects the first one that finished in the models' order (else leaves the first
  /// model's selected). Events carry the reply's index; `onOutcome` hears each reply's
  /// outcome as it ends.
  /// - Returns: The start and each reply's outcome, in the models' order; or why the compare
  ///   could not start.
  public func runCompare(
    _ turn: CompareTurn, onEvent: @escaping @Sendable (Int, ConversationEvent) -> Void,
    onOutcome: @escaping @Sendable (Int, ConversationOutcome) -> Void = { _, _ in }
  ) async -> Result<(CompareStart, [ConversationOutcome]), ChatError> {
    let start: CompareStart
    do {
      start = try await startCompare(turn)
    } catch {
      return .failure(ChatError(error))
    }
    let outcomes = await withTaskGroup(
      of: (Int, ConversationOutcome).self, returning: [ConversationOutcome].self
    ) { group in
      for index in start.replies.indices {
        group.addTask {
          (index, await runCompareReply(start, index: index) { onEvent(index, $0) })
        }
      }
      var outcomes = [ConversationOutcome](
        repeating: .cancelled(reply: nil), count: start.replies.count)
      for await (index, outcome) in group {
        outcomes[index] = outcome
        onOutcome(index, outcome)
      }
      return outcomes
    }
    if let first = outcomes.first(where: { if case .finished = $0 { true } else { false } }),
      let reply = first.reply, reply.id != start.replies[0].id
    {
      // Not fatal: the replies are saved either way, the first model's selected.
      _ = try? await Task { try await store.selectVariant(messageID: reply.id) }.value
    }
    return .success((start, outcomes))
  }
}
