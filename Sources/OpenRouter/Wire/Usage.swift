import Foundation

/// Token counts and cost of one generation, as OpenRouter reports them.
///
/// Every field is optional on the wire (OpenRouter.docc/EdgeCases.md, case 50); counts
/// default to 0.
///
/// The numbers are untrusted (OpenRouter.docc/EdgeCases.md, case 58): counts are clamped to
/// `0...maximumTokens` (a count sent as a float or too large for `Int` is clamped too, so
/// an odd usage never costs the reply), and a cost that is not a plausible amount
/// (negative, over ``maximumCost``, not a number) reads as unknown.
public struct Usage: Sendable, Hashable, Codable {
  /// The largest token count believed for one generation (about 10¹²): sums of millions of
  /// them still fit in `Int`.
  public static let maximumTokens = 1 << 40
  /// The largest cost believed for one generation, in USD.
  public static let maximumCost: Decimal = 1_000_000

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
      self.cachedTokens = cachedTokens.map(Usage.clamped)
      self.cacheWriteTokens = cacheWriteTokens.map(Usage.clamped)
      self.audioTokens = audioTokens.map(Usage.clamped)
    }

    enum CodingKeys: String, CodingKey {
      case cachedTokens = "cached_tokens"
      case cacheWriteTokens = "cache_write_tokens"
      case audioTokens = "audio_tokens"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      cachedTokens = Usage.count(c, .cachedTokens)
      cacheWriteTokens = Usage.count(c, .cacheWriteTokens)
      audioTokens = Usage.count(c, .audioTokens)
    }
  }

  public struct CompletionTokensDetails: Sendable, Hashable, Codable {
    public var reasoningTokens: Int?
    public var imageTokens: Int?
    public var audioTokens: Int?

    public init(reasoningTokens: Int? = nil, imageTokens: Int? = nil, audioTokens: Int? = nil) {
      self.reasoningTokens = reasoningTokens.map(Usage.clamped)
      self.imageTokens = imageTokens.map(Usage.clamped)
      self.audioTokens = audioTokens.map(Usage.clamped)
    }

    enum CodingKeys: String, CodingKey {
      case reasoningTokens = "reasoning_tokens"
      case imageTokens = "image_tokens"
      case audioTokens = "audio_tokens"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      reasoningTokens = Usage.count(c, .reasoningTokens)
      imageTokens = Usage.count(c, .imageTokens)
      audioTokens = Usage.count(c, .audioTokens)
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
    self.promptTokens = Self.clamped(promptTokens)
    self.completionTokens = Self.clamped(completionTokens)
    self.totalTokens = totalTokens.map(Self.clamped) ?? self.promptTokens + self.completionTokens
    self.cost = cost.flatMap(Self.plausibleCost)
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
    promptTokens = Self.count(c, .promptTokens) ?? 0
    completionTokens = Self.count(c, .completionTokens) ?? 0
    totalTokens = Self.count(c, .totalTokens) ?? promptTokens + completionTokens
    cost = (try? c.decodeIfPresent(Decimal.self, forKey: .cost))?.flatMap(Self.plausibleCost)
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

extension Usage {
  /// `count` within `0...maximumTokens`.
  static func clamped(_ count: Int) -> Int {
    min(max(count, 0), maximumTokens)
  }

  /// A token count however it was sent: an integer, or a number with a fraction or an
  /// exponent (rounded down, clamped); `nil` when absent, null, NaN or not a number.
  static func count<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> Int? {
    if let value = try? container.decodeIfPresent(Int.self, forKey: key) { return clamped(value) }
    guard let value = try? container.decodeIfPresent(Double.self, forKey: key), !value.isNaN
    else { return nil }
    if value <= 0 { return 0 }
    if value >= Double(maximumTokens) { return maximumTokens }
    return Int(value.rounded(.down))
  }

  /// `cost` when it is an amount a generation can cost: not NaN, not negative, at most
  /// ``maximumCost``.
  static func plausibleCost(_ cost: Decimal) -> Decimal? {
    guard !cost.isNaN, cost >= 0, cost <= maximumCost else { return nil }
    return cost
  }
}
