import ChatDomain
import Foundation
import GRDB

/// A row of `request_log`.
struct RequestLogRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "request_log"

  var id: Int64?
  var startedAt: Int64
  var endpoint: String
  var sessionId: String?
  var messageId: String?
  var agent: String?
  var model: String?
  var servedModel: String?
  var provider: String?
  var outcome: String
  var httpStatus: Int?
  var attempts: Int
  /// A JSON array of integers.
  var retryWaitsMs: String
  var ttftMs: Int?
  var durationMs: Int
  var promptTokens: Int?
  var completionTokens: Int?
  var reasoningTokens: Int?
  var cachedTokens: Int?
  var costPicos: Int64?
  var webSearches: Int?
  var cacheSavingsPicos: Int64?
  var generationId: String?
  var errorCategory: String?
  var errorMessage: String?

  enum CodingKeys: String, CodingKey {
    case id, endpoint, agent, model, provider, outcome, attempts
    case startedAt = "started_at"
    case sessionId = "session_id"
    case messageId = "message_id"
    case servedModel = "served_model"
    case httpStatus = "http_status"
    case retryWaitsMs = "retry_waits_ms"
    case ttftMs = "ttft_ms"
    case durationMs = "duration_ms"
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case reasoningTokens = "reasoning_tokens"
    case cachedTokens = "cached_tokens"
    case costPicos = "cost_picos"
    case webSearches = "web_searches"
    case cacheSavingsPicos = "cache_savings_picos"
    case generationId = "generation_id"
    case errorCategory = "error_category"
    case errorMessage = "error_message"
  }

  init(_ entry: RequestLogEntry) {
    startedAt = StoredValues.milliseconds(entry.startedAt)
    endpoint = entry.endpoint
    sessionId = entry.sessionID
    messageId = entry.messageID
    agent = entry.agent
    model = entry.model
    servedModel = entry.servedModel
    provider = entry.provider
    outcome = entry.outcome.rawValue
    httpStatus = entry.httpStatus
    attempts = max(1, entry.attempts)
    retryWaitsMs = "[" + entry.retryWaitsMilliseconds.map(String.init).joined(separator: ",") + "]"
    ttftMs = entry.timeToFirstTokenMilliseconds
    durationMs = entry.durationMilliseconds
    promptTokens = entry.usage?.promptTokens
    completionTokens = entry.usage?.completionTokens
    reasoningTokens = entry.usage?.reasoningTokens
    cachedTokens = entry.usage?.cachedTokens
    costPicos = StoredValues.picos(entry.usage?.cost)
    webSearches = entry.usage?.webSearches
    cacheSavingsPicos = StoredValues.picos(entry.usage?.cacheSavings)
    generationId = entry.generationID
    errorCategory = entry.errorCategory
    errorMessage = entry.errorMessage
  }

  var entry: RequestLogEntry {
    let waits = retryWaitsMs.dropFirst().dropLast().split(separator: ",")
      .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    var usage: TokenUsage?
    if promptTokens != nil || completionTokens != nil || costPicos != nil {
      usage = TokenUsage(
        promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0,
        reasoningTokens: reasoningTokens ?? 0, cachedTokens: cachedTokens ?? 0,
        cost: StoredValues.cost(costPicos), webSearches: webSearches,
        cacheSavings: StoredValues.cost(cacheSavingsPicos))
    }
    return RequestLogEntry(
      startedAt: StoredValues.date(startedAt), endpoint: endpoint, sessionID: sessionId,
      messageID: messageId, agent: agent, model: model, servedModel: servedModel,
      provider: provider,
      outcome: RequestLogEntry.Outcome(rawValue: outcome) ?? .error, httpStatus: httpStatus,
      attempts: attempts, retryWaitsMilliseconds: waits, timeToFirstTokenMilliseconds: ttftMs,
      durationMilliseconds: durationMs, usage: usage, generationID: generationId,
      errorCategory: errorCategory, errorMessage: errorMessage)
  }
}
