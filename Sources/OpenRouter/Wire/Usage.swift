import Foundation

/// Token counts and cost of one generation, as OpenRouter reports them.
///
/// Every field is optional on the wire (OpenRouter.docc/EdgeCases.md, case 50); counts
/// default to 0.
public struct Usage: Sendable, Hashable, Codable {
  public var promptTokens: Int
  public var completionTokens: Int
  public var totalTokens: Int
  /// Cost in credits (USD).
  public var cost: Decimal?
  public var isBYOK: Bool?
  public var promptTokensDetails: PromptTokensDetails?
  public var completionTokensDetails: CompletionTokensDetails?
  public var costDetails: CostDetails?
  /// What the server tools of the request did (`server_tool_use`, the documented name).
  public var serverToolUse: ServerToolUse?
  /// The same counts under the name seen in 2026 traffic (`server_tool_use_details`).
  public var serverToolUseDetails: ServerToolUse?
  /// What prompt caching saved, in credits: positive for cache reads, negative when writing
  /// the cache cost more than it saved
  /// (OpenRouter.docc/PromptCaching.md, Savings in the usage).
  public var cacheDiscount: Decimal?

  /// Counts of server-side tool work (web searches), included in `cost`.
  public struct ServerToolUse: Sendable, Hashable, Codable {
    public var webSearchRequests: Int?
    public var toolCallsRequested: Int?
    public var toolCallsExecuted: Int?

    public init(webSearchRequests: Int? = nil) {
      self.webSearchRequests = webSearchRequests
    }

    enum CodingKeys: String, CodingKey {
      case webSearchRequests = "web_search_requests"
      case toolCallsRequested = "tool_calls_requested"
      case toolCallsExecuted = "tool_calls_executed"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      webSearchRequests = try? c.decodeIfPresent(Int.self, forKey: .webSearchRequests)
      toolCallsRequested = try? c.decodeIfPresent(Int.self, forKey: .toolCallsRequested)
      toolCallsExecuted = try? c.decodeIfPresent(Int.self, forKey: .toolCallsExecuted)
    }
  }

  public struct PromptTokensDetails: Sendable, Hashable, Codable {
    public var cachedTokens: Int?
    public var cacheWriteTokens: Int?
    public var audioTokens: Int?

    public init(cachedTokens: Int? = nil, cacheWriteTokens: Int? = nil, audioTokens: Int? = nil) {
      self.cachedTokens = cachedTokens
      self.cacheWriteTokens = cacheWriteTokens
      self.audioTokens = audioTokens
    }

    enum CodingKeys: String, CodingKey {
      case cachedTokens = "cached_tokens"
      case cacheWriteTokens = "cache_write_tokens"
      case audioTokens = "audio_tokens"
    }
  }

  public struct CompletionTokensDetails: Sendable, Hashable, Codable {
    public var reasoningTokens: Int?
    public var imageTokens: Int?
    public var audioTokens: Int?

    public init(reasoningTokens: Int? = nil, imageTokens: Int? = nil, audioTokens: Int? = nil) {
      self.reasoningTokens = reasoningTokens
      self.imageTokens = imageTokens
      self.audioTokens = audioTokens
    }

    enum CodingKeys: String, CodingKey {
      case reasoningTokens = "reasoning_tokens"
      case imageTokens = "image_tokens"
      case audioTokens = "audio_tokens"
    }
  }

  public struct CostDetails: Sendable, Hashable, Codable {
    public var upstreamInferenceCost: Decimal?
    public var upstreamInferencePromptCost: Decimal?
    public var upstreamInferenceCompletionsCost: Decimal?
    /// Accepted here too: where some responses put the caching discount.
    public var cacheDiscount: Decimal?

    enum CodingKeys: String, CodingKey {
      case upstreamInferenceCost = "upstream_inference_cost"
      case upstreamInferencePromptCost = "upstream_inference_prompt_cost"
      case upstreamInferenceCompletionsCost = "upstream_inference_completions_cost"
      case cacheDiscount = "cache_discount"
    }
  }

  public init(
    promptTokens: Int = 0, completionTokens: Int = 0, totalTokens: Int? = nil,
    cost: Decimal? = nil, cachedTokens: Int? = nil, reasoningTokens: Int? = nil
  ) {
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.totalTokens = totalTokens ?? promptTokens + completionTokens
    self.cost = cost
    self.promptTokensDetails = cachedTokens.map { PromptTokensDetails(cachedTokens: $0) }
    self.completionTokensDetails = reasoningTokens.map {
      CompletionTokensDetails(reasoningTokens: $0)
    }
  }

  /// Prompt tokens served from the provider's cache.
  public var cachedTokens: Int { promptTokensDetails?.cachedTokens ?? 0 }
  /// Completion tokens spent on reasoning.
  public var reasoningTokens: Int { completionTokensDetails?.reasoningTokens ?? 0 }
  /// Web searches run for the request, when the usage says (under either name).
  public var webSearchRequests: Int? {
    serverToolUse?.webSearchRequests ?? serverToolUseDetails?.webSearchRequests
  }
  /// What caching saved, when reported (`cache_discount`, in the usage or its cost details).
  public var cacheSavings: Decimal? { cacheDiscount ?? costDetails?.cacheDiscount }

  enum CodingKeys: String, CodingKey {
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case cost
    case isBYOK = "is_byok"
    case promptTokensDetails = "prompt_tokens_details"
    case completionTokensDetails = "completion_tokens_details"
    case costDetails = "cost_details"
    case serverToolUse = "server_tool_use"
    case serverToolUseDetails = "server_tool_use_details"
    case cacheDiscount = "cache_discount"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    promptTokens = try c.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
    completionTokens = try c.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
    totalTokens =
      try c.decodeIfPresent(Int.self, forKey: .totalTokens) ?? promptTokens + completionTokens
    cost = try? c.decodeIfPresent(Decimal.self, forKey: .cost)
    isBYOK = try? c.decodeIfPresent(Bool.self, forKey: .isBYOK)
    promptTokensDetails = try? c.decodeIfPresent(
      PromptTokensDetails.self, forKey: .promptTokensDetails)
    completionTokensDetails = try? c.decodeIfPresent(
      CompletionTokensDetails.self, forKey: .completionTokensDetails)
    costDetails = try? c.decodeIfPresent(CostDetails.self, forKey: .costDetails)
    serverToolUse = try? c.decodeIfPresent(ServerToolUse.self, forKey: .serverToolUse)
    serverToolUseDetails = try? c.decodeIfPresent(
      ServerToolUse.self, forKey: .serverToolUseDetails)
    cacheDiscount = try? c.decodeIfPresent(Decimal.self, forKey: .cacheDiscount)
  }
}
