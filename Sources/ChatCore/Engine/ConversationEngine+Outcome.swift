import ChatDomain
import Foundation
import OpenRouter

extension ConversationEngine {
  /// How an exchange ended, in the store's and the caller's terms.
  struct Outcome: Sendable {
    /// The reply to save: final status, text, usage and timings.
    var reply: Message
    var logEntry: RequestLogEntry
    /// The images the model made, stored with the reply.
    var images: [AttachmentFile]
    /// How the exchange ended, once `reply` is saved.
    var ending: ConversationOutcome

    init(reply started: Message, result: ReplyExchange.Result, startedAt: Date, agent: Agent) {
      var reply = started
      reply.content = result.content
      reply.reasoning = result.reasoning.isEmpty ? nil : result.reasoning
      reply.servedModel = result.servedModel
      reply.provider = result.provider
      reply.citations = result.citations
      reply.finishReason = result.finishReason
      reply.usage = result.usage
      reply.generationID = result.generationID
      reply.timeToFirstTokenMilliseconds = result.timeToFirstToken?.wholeMilliseconds
      reply.durationMilliseconds = result.duration.wholeMilliseconds
      reply.attachments = result.images.map(\.attachment)
      images = result.images
      let outcome: RequestLogEntry.Outcome
      if let failure = result.failure {
        reply.status = .error
        reply.error = failure.userMessage
        ending = .failed(ChatError(provider: failure), reply: reply)
        outcome = .error
      } else if result.isCancelled {
        reply.status = .cancelled
        ending = .cancelled(reply: reply)
        outcome = .cancelled
      } else {
        reply.status = .complete
        ending = .finished(reply)
        outcome = .ok
      }
      self.reply = reply
      let failure = result.failure
      let httpStatus: Int? =
        if let failure { failure.status } else if outcome == .ok { 200 } else { nil }
      logEntry = RequestLogEntry(
        startedAt: startedAt, endpoint: RequestLogEntry.chatEndpoint, sessionID: reply.sessionID,
        messageID: reply.id, agent: agent.name, model: reply.model,
        servedModel: result.servedModel, provider: result.provider, outcome: outcome,
        httpStatus: httpStatus,
        attempts: failure?.attempts ?? result.retries.count + 1,
        retryWaitsMilliseconds: (failure?.retryWaits ?? result.retries.map(\.delay))
          .map(\.wholeMilliseconds),
        timeToFirstTokenMilliseconds: reply.timeToFirstTokenMilliseconds,
        durationMilliseconds: reply.durationMilliseconds ?? 0, usage: result.usage,
        generationID: result.generationID,
        errorCategory: failure.map { ChatError.ProviderFailure($0.category).rawValue },
        errorMessage: failure?.userMessage)
    }
  }
}
