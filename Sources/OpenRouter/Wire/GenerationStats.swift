import Foundation

/// `data` of `GET /generation?id=…` (OpenRouter.docc/Generation.md, Generation stats). Most
/// fields are nullable.
public struct GenerationStats: Sendable, Hashable, Decodable {
  public var id: String
  public var model: String?
  public var providerName: String?
  public var createdAt: String?
  public var streamed: Bool?
  public var cancelled: Bool?
  public var finishReason: String?
  public var nativeFinishReason: String?
  public var tokensPrompt: Int?
  public var tokensCompletion: Int?
  public var nativeTokensPrompt: Int?
  public var nativeTokensCompletion: Int?
  public var nativeTokensReasoning: Int?
  public var nativeTokensCached: Int?
  public var totalCost: Decimal?
  public var latency: Double?
  public var generationTime: Double?

  enum CodingKeys: String, CodingKey {
    case id, model, streamed, cancelled, latency
    case providerName = "provider_name"
    case createdAt = "created_at"
    case finishReason = "finish_reason"
    case nativeFinishReason = "native_finish_reason"
    case tokensPrompt = "tokens_prompt"
    case tokensCompletion = "tokens_completion"
    case nativeTokensPrompt = "native_tokens_prompt"
    case nativeTokensCompletion = "native_tokens_completion"
    case nativeTokensReasoning = "native_tokens_reasoning"
    case nativeTokensCached = "native_tokens_cached"
    case totalCost = "total_cost"
    case generationTime = "generation_time"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    model = try? c.decodeIfPresent(String.self, forKey: .model)
    providerName = try? c.decodeIfPresent(String.self, forKey: .providerName)
    createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
    streamed = try? c.decodeIfPresent(Bool.self, forKey: .streamed)
    cancelled = try? c.decodeIfPresent(Bool.self, forKey: .cancelled)
    finishReason = try? c.decodeIfPresent(String.self, forKey: .finishReason)
    nativeFinishReason = try? c.decodeIfPresent(String.self, forKey: .nativeFinishReason)
    tokensPrompt = try? c.decodeIfPresent(Int.self, forKey: .tokensPrompt)
    tokensCompletion = try? c.decodeIfPresent(Int.self, forKey: .tokensCompletion)
    nativeTokensPrompt = try? c.decodeIfPresent(Int.self, forKey: .nativeTokensPrompt)
    nativeTokensCompletion = try? c.decodeIfPresent(Int.self, forKey: .nativeTokensCompletion)
    nativeTokensReasoning = try? c.decodeIfPresent(Int.self, forKey: .nativeTokensReasoning)
    nativeTokensCached = try? c.decodeIfPresent(Int.self, forKey: .nativeTokensCached)
    totalCost = try? c.decodeIfPresent(Decimal.self, forKey: .totalCost)
    latency = try? c.decodeIfPresent(Double.self, forKey: .latency)
    generationTime = try? c.decodeIfPresent(Double.self, forKey: .generationTime)
  }
}
