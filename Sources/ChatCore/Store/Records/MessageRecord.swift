import ChatDomain
import Foundation
import GRDB

/// A row of `message`.
struct MessageRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "message"

  var id: String
  var sessionId: String
  var position: Int
  var selected: Bool
  var role: String
  var content: String
  var reasoning: String?
  var agent: String?
  var model: String?
  var servedModel: String?
  var provider: String?
  var status: String
  var error: String?
  var finishReason: String?
  var promptTokens: Int?
  var completionTokens: Int?
  var totalTokens: Int?
  var reasoningTokens: Int?
  var cachedTokens: Int?
  var costPicos: Int64?
  var webSearches: Int?
  var cacheSavingsPicos: Int64?
  var generationId: String?
  var ttftMs: Int?
  var durationMs: Int?
  var createdAt: Int64
  var writerLease: String?

  enum CodingKeys: String, CodingKey {
    case id, position, selected, role, content, reasoning, agent, model, provider, status, error
    case sessionId = "session_id"
    case servedModel = "served_model"
    case finishReason = "finish_reason"
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case reasoningTokens = "reasoning_tokens"
    case cachedTokens = "cached_tokens"
    case costPicos = "cost_picos"
    case webSearches = "web_searches"
    case cacheSavingsPicos = "cache_savings_picos"
    case generationId = "generation_id"
    case ttftMs = "ttft_ms"
    case durationMs = "duration_ms"
    case createdAt = "created_at"
    case writerLease = "writer_lease"
  }

  init(_ message: Message, writerLease: String? = nil) {
    id = message.id
    sessionId = message.sessionID
    position = message.position
    selected = message.isSelected
    role = message.role.rawValue
    content = message.content
    reasoning = message.reasoning
    agent = message.agent
    model = message.model
    servedModel = message.servedModel
    provider = message.provider
    status = message.status.rawValue
    error = message.error
    finishReason = message.finishReason
    promptTokens = message.usage?.promptTokens
    completionTokens = message.usage?.completionTokens
    totalTokens = message.usage?.totalTokens
    reasoningTokens = message.usage?.reasoningTokens
    cachedTokens = message.usage?.cachedTokens
    costPicos = StoredValues.picos(message.usage?.cost)
    webSearches = message.usage?.webSearches
    cacheSavingsPicos = StoredValues.picos(message.usage?.cacheSavings)
    generationId = message.generationID
    ttftMs = message.timeToFirstTokenMilliseconds
    durationMs = message.durationMilliseconds
    createdAt = StoredValues.milliseconds(message.createdAt)
    self.writerLease = writerLease
  }

  /// The domain value; unknown enum spellings (a newer orchat wrote them) read as the
  /// nearest safe value rather than failing the whole transcript.
  var message: Message {
    var usage: TokenUsage?
    if promptTokens != nil || completionTokens != nil || costPicos != nil {
      usage = TokenUsage(
        promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0,
        totalTokens: totalTokens, reasoningTokens: reasoningTokens ?? 0,
        cachedTokens: cachedTokens ?? 0, cost: StoredValues.cost(costPicos),
        webSearches: webSearches, cacheSavings: StoredValues.cost(cacheSavingsPicos))
    }
    return Message(
      id: id, sessionID: sessionId, position: position, isSelected: selected,
      role: MessageRole(rawValue: role) ?? .user, content: content, reasoning: reasoning,
      agent: agent, model: model, servedModel: servedModel, provider: provider,
      status: MessageStatus(rawValue: status) ?? .interrupted, error: error,
      finishReason: finishReason, usage: usage, generationID: generationId,
      timeToFirstTokenMilliseconds: ttftMs, durationMilliseconds: durationMs,
      createdAt: StoredValues.date(createdAt))
  }
}
