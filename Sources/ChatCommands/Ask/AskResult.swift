import ChatCore
import ChatDomain
import Foundation

/// The object `orchat ask --json` prints.
struct AskResult: Encodable {
  var model: String?
  var content: String
  var reasoning: String?
  var finishReason: String?
  var generationID: String?
  var provider: String?
  var usage: UsageJSON?
  var citations: [ArchivedCitation]
  /// The files the images the model made were written to.
  var images: [String] = []
  /// `orchat compare --json` only: the requested model, and why its reply failed (`nil`
  /// when it did not). Left out of `ask --json`.
  var comparison: (requested: String, error: String?)?

  struct UsageJSON: Encodable {
    var promptTokens: Int
    var completionTokens: Int
    var totalTokens: Int
    var cachedTokens: Int
    var cost: Decimal?
    var cacheSavings: Decimal?
    var webSearches: Int?

    enum CodingKeys: String, CodingKey {
      case promptTokens = "prompt_tokens"
      case completionTokens = "completion_tokens"
      case totalTokens = "total_tokens"
      case cachedTokens = "cached_tokens"
      case cacheSavings = "cache_savings"
      case webSearches = "web_searches"
      case cost
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(promptTokens, forKey: .promptTokens)
      try container.encode(completionTokens, forKey: .completionTokens)
      try container.encode(totalTokens, forKey: .totalTokens)
      try container.encode(cachedTokens, forKey: .cachedTokens)
      try container.encode(cost, forKey: .cost)
      try container.encode(cacheSavings, forKey: .cacheSavings)
      try container.encode(webSearches, forKey: .webSearches)
    }
  }

  /// No reply at all (the request failed before one started): empty, `null` figures.
  init(noReplyTo requested: String, error: String) {
    content = ""
    citations = []
    comparison = (requested, error)
  }

  /// The reply as saved; `model` is the model that answered.
  init(reply: Message) {
    model = reply.servedModel
    content = reply.content
    reasoning = reply.reasoning.flatMap { $0.isEmpty ? nil : $0 }
    finishReason = reply.finishReason
    generationID = reply.generationID
    provider = reply.provider
    usage = reply.usage.map {
      UsageJSON(
        promptTokens: $0.promptTokens, completionTokens: $0.completionTokens,
        totalTokens: $0.totalTokens, cachedTokens: $0.cachedTokens, cost: $0.cost,
        cacheSavings: $0.cacheSavings, webSearches: $0.webSearches)
    }
    citations = reply.citations.map(ArchivedCitation.init)
  }

  enum CodingKeys: String, CodingKey {
    case model, content, reasoning, usage, provider, citations, images, error
    case requestedModel = "requested_model"
    case finishReason = "finish_reason"
    case generationID = "generation_id"
  }

  /// Every key is always present; missing values are `null`.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(model, forKey: .model)
    try container.encode(content, forKey: .content)
    try container.encode(reasoning, forKey: .reasoning)
    try container.encode(finishReason, forKey: .finishReason)
    try container.encode(generationID, forKey: .generationID)
    try container.encode(provider, forKey: .provider)
    try container.encode(usage, forKey: .usage)
    try container.encode(citations, forKey: .citations)
    try container.encode(images, forKey: .images)
    if let comparison {
      try container.encode(comparison.requested, forKey: .requestedModel)
      try container.encode(comparison.error, forKey: .error)
    }
  }

  func jsonText() -> String {
    // Encoding plain strings and numbers cannot fail.
    (try? JSONText.compact(self)) ?? "{}"
  }
}
