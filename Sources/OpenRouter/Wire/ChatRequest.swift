/// The body of `POST /chat/completions`.
///
/// Optional fields that are `nil` are left out of the JSON: OpenRouter treats an omitted
/// sampling parameter differently from an explicit default
/// (OpenRouter.docc/Requests.md, Omitted fields).
public struct ChatRequest: Sendable, Hashable, Codable {
  public var model: String?
  /// Fallback list, tried in order after `model`
  /// (OpenRouter.docc/Requests.md, Model and fallbacks).
  public var models: [String]?
  public var messages: [ChatMessage]
  public var stream: Bool?
  public var temperature: Double?
  public var topP: Double?
  public var topK: Int?
  public var frequencyPenalty: Double?
  public var presencePenalty: Double?
  public var repetitionPenalty: Double?
  public var minP: Double?
  public var maxTokens: Int?
  public var stop: [String]?
  public var seed: Int?
  public var reasoning: ReasoningOptions?
  public var provider: ProviderPreferences?
  public var user: String?
  public var sessionID: String?
  /// Deprecated by OpenRouter (usage is always returned) but harmless; kept for older proxies.
  public var usage: UsageOptions?
  public var tools: [ToolDefinition]?
  public var toolChoice: JSONValue?
  /// OpenRouter's plugins, e.g. `file-parser` for PDFs (OpenRouter.docc/Multimodal.md).
  public var plugins: [RequestPlugin]?
  /// What the reply may hold: `["image", "text"]` asks an image model for pictures
  /// (OpenRouter.docc/Multimodal.md, Generated images).
  public var modalities: [String]?

  public init(
    model: String? = nil, models: [String]? = nil, messages: [ChatMessage],
    stream: Bool? = nil, temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
    maxTokens: Int? = nil, stop: [String]? = nil, seed: Int? = nil,
    reasoning: ReasoningOptions? = nil, provider: ProviderPreferences? = nil,
    user: String? = nil, usage: UsageOptions? = nil
  ) {
    self.model = model
    self.models = models
    self.messages = messages
    self.stream = stream
    self.temperature = temperature
    self.topP = topP
    self.topK = topK
    self.maxTokens = maxTokens
    self.stop = stop
    self.seed = seed
    self.reasoning = reasoning
    self.provider = provider
    self.user = user
    self.usage = usage
  }

  public struct UsageOptions: Sendable, Hashable, Codable {
    public var include: Bool
    public init(include: Bool = true) { self.include = include }
  }

  enum CodingKeys: String, CodingKey {
    case model, models, messages, stream, temperature
    case topP = "top_p"
    case topK = "top_k"
    case frequencyPenalty = "frequency_penalty"
    case presencePenalty = "presence_penalty"
    case repetitionPenalty = "repetition_penalty"
    case minP = "min_p"
    case maxTokens = "max_tokens"
    case stop, seed, reasoning, provider, user
    case sessionID = "session_id"
    case usage, tools
    case toolChoice = "tool_choice"
    case plugins, modalities
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    model = try c.decodeIfPresent(String.self, forKey: .model)
    models = try c.decodeIfPresent([String].self, forKey: .models)
    messages = try c.decode([ChatMessage].self, forKey: .messages)
    stream = try c.decodeIfPresent(Bool.self, forKey: .stream)
    temperature = try c.decodeIfPresent(Double.self, forKey: .temperature)
    topP = try c.decodeIfPresent(Double.self, forKey: .topP)
    topK = try c.decodeIfPresent(Int.self, forKey: .topK)
    frequencyPenalty = try c.decodeIfPresent(Double.self, forKey: .frequencyPenalty)
    presencePenalty = try c.decodeIfPresent(Double.self, forKey: .presencePenalty)
    repetitionPenalty = try c.decodeIfPresent(Double.self, forKey: .repetitionPenalty)
    minP = try c.decodeIfPresent(Double.self, forKey: .minP)
    maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens)
    // `stop` may be one string or a list on the wire.
    if let one = try? c.decodeIfPresent(String.self, forKey: .stop) {
      stop = [one]
    } else {
      stop = try c.decodeIfPresent([String].self, forKey: .stop)
    }
    seed = try c.decodeIfPresent(Int.self, forKey: .seed)
    reasoning = try c.decodeIfPresent(ReasoningOptions.self, forKey: .reasoning)
    provider = try c.decodeIfPresent(ProviderPreferences.self, forKey: .provider)
    user = try c.decodeIfPresent(String.self, forKey: .user)
    sessionID = try c.decodeIfPresent(String.self, forKey: .sessionID)
    usage = try c.decodeIfPresent(UsageOptions.self, forKey: .usage)
    tools = try c.decodeIfPresent([ToolDefinition].self, forKey: .tools)
    toolChoice = try c.decodeIfPresent(JSONValue.self, forKey: .toolChoice)
    plugins = try c.decodeIfPresent([RequestPlugin].self, forKey: .plugins)
    modalities = try c.decodeIfPresent([String].self, forKey: .modalities)
  }
}

/// The `reasoning` object of a request (OpenRouter.docc/Requests.md, Reasoning).
public struct ReasoningOptions: Sendable, Hashable, Codable {
  /// `max`, `xhigh`, `high`, `medium`, `low`, `minimal` or `none`.
  public var effort: String?
  /// A reasoning budget in tokens; use this or `effort`, not both.
  public var maxTokens: Int?
  /// Reason, but leave the reasoning text out of the response.
  public var exclude: Bool?
  public var enabled: Bool?

  public init(
    effort: String? = nil, maxTokens: Int? = nil, exclude: Bool? = nil, enabled: Bool? = nil
  ) {
    self.effort = effort
    self.maxTokens = maxTokens
    self.exclude = exclude
    self.enabled = enabled
  }

  enum CodingKeys: String, CodingKey {
    case effort
    case maxTokens = "max_tokens"
    case exclude, enabled
  }
}

/// Provider routing preferences (OpenRouter.docc/Requests.md, Provider routing).
public struct ProviderPreferences: Sendable, Hashable, Codable {
  public var order: [String]?
  public var allowFallbacks: Bool?
  public var requireParameters: Bool?
  /// `allow` or `deny`.
  public var dataCollection: String?
  public var zdr: Bool?
  public var only: [String]?
  public var ignore: [String]?
  public var quantizations: [String]?
  /// `price`, `throughput` or `latency`.
  public var sort: String?
  public var maxPrice: MaxPrice?

  public struct MaxPrice: Sendable, Hashable, Codable {
    /// USD per million tokens.
    public var prompt: Double?
    public var completion: Double?

    public init(prompt: Double? = nil, completion: Double? = nil) {
      self.prompt = prompt
      self.completion = completion
    }
  }

  public init(
    order: [String]? = nil, allowFallbacks: Bool? = nil, requireParameters: Bool? = nil,
    dataCollection: String? = nil, zdr: Bool? = nil, only: [String]? = nil,
    ignore: [String]? = nil, quantizations: [String]? = nil, sort: String? = nil,
    maxPrice: MaxPrice? = nil
  ) {
    self.order = order
    self.allowFallbacks = allowFallbacks
    self.requireParameters = requireParameters
    self.dataCollection = dataCollection
    self.zdr = zdr
    self.only = only
    self.ignore = ignore
    self.quantizations = quantizations
    self.sort = sort
    self.maxPrice = maxPrice
  }

  enum CodingKeys: String, CodingKey {
    case order
    case allowFallbacks = "allow_fallbacks"
    case requireParameters = "require_parameters"
    case dataCollection = "data_collection"
    case zdr, only, ignore, quantizations, sort
    case maxPrice = "max_price"
  }
}
