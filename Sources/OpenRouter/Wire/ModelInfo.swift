/// One entry of `GET /models` (OpenRouter.docc/Catalog.md, Entry fields). Every field of the
/// catalog is kept.
public struct ModelInfo: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var canonicalSlug: String?
  public var huggingFaceID: String?
  public var name: String
  /// Unix seconds; `nil` when absent or outside the years 1970 to 9999.
  public var created: Int?
  public var description: String?
  public var contextLength: Int?
  public var architecture: Architecture?
  /// `nil` when the endpoint lists no prices: plain OpenAI-compatible servers (llama.cpp,
  /// Ollama) send only `id`, `object`, `created` and `owned_by`.
  public var pricing: Pricing?
  public var topProvider: TopProvider?
  public var perRequestLimits: JSONValue?
  public var supportedParameters: [String]
  public var defaultParameters: [String: JSONValue]?
  public var knowledgeCutoff: String?
  public var expirationDate: String?
  public var links: Links?
  public var supportedVoices: [String]?
  public var reasoning: JSONValue?

  public struct Architecture: Sendable, Hashable, Codable {
    public var modality: String?
    public var inputModalities: [String]
    public var outputModalities: [String]
    public var tokenizer: String?
    public var instructType: String?

    public init(
      modality: String? = nil, inputModalities: [String] = ["text"],
      outputModalities: [String] = ["text"], tokenizer: String? = nil,
      instructType: String? = nil
    ) {
      self.modality = modality
      self.inputModalities = inputModalities
      self.outputModalities = outputModalities
      self.tokenizer = tokenizer
      self.instructType = instructType
    }

    enum CodingKeys: String, CodingKey {
      case modality, tokenizer
      case inputModalities = "input_modalities"
      case outputModalities = "output_modalities"
      case instructType = "instruct_type"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      modality = try? c.decodeIfPresent(String.self, forKey: .modality)
      inputModalities = (try? c.decodeIfPresent([String].self, forKey: .inputModalities)) ?? []
      outputModalities = (try? c.decodeIfPresent([String].self, forKey: .outputModalities)) ?? []
      tokenizer = try? c.decodeIfPresent(String.self, forKey: .tokenizer)
      instructType = try? c.decodeIfPresent(String.self, forKey: .instructType)
    }
  }

  /// Prices; `prompt` and `completion` are always present, the rest by key
  /// (`input_cache_read`, `web_search`, `image`, `internal_reasoning`, …).
  public struct Pricing: Sendable, Hashable, Codable {
    public var prompt: Price
    public var completion: Price
    public var other: [String: Price]

    public init(prompt: Price, completion: Price, other: [String: Price] = [:]) {
      self.prompt = prompt
      self.completion = completion
      self.other = other
    }

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      var prompt = Price.fixed(0)
      var completion = Price.fixed(0)
      var other: [String: Price] = [:]
      for key in c.allKeys {
        // Unknown keys may hold non-price values (`discount` is a number, `overrides` an array).
        guard let price = try? c.decode(Price.self, forKey: key) else { continue }
        switch key.stringValue {
        case "prompt": prompt = price
        case "completion": completion = price
        default: other[key.stringValue] = price
        }
      }
      self.init(prompt: prompt, completion: completion, other: other)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(prompt, forKey: Key(stringValue: "prompt"))
      try c.encode(completion, forKey: Key(stringValue: "completion"))
      for (key, value) in other { try c.encode(value, forKey: Key(stringValue: key)) }
    }

    public var isVariable: Bool { prompt == .variable || completion == .variable }
  }

  public struct TopProvider: Sendable, Hashable, Codable {
    public var contextLength: Int?
    public var maxCompletionTokens: Int?
    public var isModerated: Bool?

    public init(
      contextLength: Int? = nil, maxCompletionTokens: Int? = nil, isModerated: Bool? = nil
    ) {
      self.contextLength = contextLength
      self.maxCompletionTokens = maxCompletionTokens
      self.isModerated = isModerated
    }

    enum CodingKeys: String, CodingKey {
      case contextLength = "context_length"
      case maxCompletionTokens = "max_completion_tokens"
      case isModerated = "is_moderated"
    }
  }

  public struct Links: Sendable, Hashable, Codable {
    public var details: String?
  }

  public init(
    id: String, name: String, contextLength: Int? = nil, pricing: Pricing?,
    supportedParameters: [String] = [], architecture: Architecture? = nil
  ) {
    self.id = id
    self.name = name
    self.contextLength = contextLength
    self.pricing = pricing
    self.supportedParameters = supportedParameters
    self.architecture = architecture
  }

  enum CodingKeys: String, CodingKey {
    case id, name, created, description, architecture, pricing, links, reasoning
    case canonicalSlug = "canonical_slug"
    case huggingFaceID = "hugging_face_id"
    case contextLength = "context_length"
    case topProvider = "top_provider"
    case perRequestLimits = "per_request_limits"
    case supportedParameters = "supported_parameters"
    case defaultParameters = "default_parameters"
    case knowledgeCutoff = "knowledge_cutoff"
    case expirationDate = "expiration_date"
    case supportedVoices = "supported_voices"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? id
    canonicalSlug = try? c.decodeIfPresent(String.self, forKey: .canonicalSlug)
    huggingFaceID = try? c.decodeIfPresent(String.self, forKey: .huggingFaceID)
    created = UnixTime.seconds(c, .created)
    description = try? c.decodeIfPresent(String.self, forKey: .description)
    contextLength = try? c.decodeIfPresent(Int.self, forKey: .contextLength)
    architecture = try? c.decodeIfPresent(Architecture.self, forKey: .architecture)
    if (try? c.decodeNil(forKey: .pricing)) ?? true {
      pricing = nil  // absent or null: the endpoint does not say
    } else {
      pricing =
        (try? c.decode(Pricing.self, forKey: .pricing))
        ?? Pricing(prompt: .variable, completion: .variable)
    }
    topProvider = try? c.decodeIfPresent(TopProvider.self, forKey: .topProvider)
    perRequestLimits = try? c.decodeIfPresent(JSONValue.self, forKey: .perRequestLimits)
    supportedParameters =
      (try? c.decodeIfPresent([String].self, forKey: .supportedParameters)) ?? []
    defaultParameters = try? c.decodeIfPresent(
      [String: JSONValue].self, forKey: .defaultParameters)
    knowledgeCutoff = try? c.decodeIfPresent(String.self, forKey: .knowledgeCutoff)
    expirationDate = try? c.decodeIfPresent(String.self, forKey: .expirationDate)
    links = try? c.decodeIfPresent(Links.self, forKey: .links)
    supportedVoices = try? c.decodeIfPresent([String].self, forKey: .supportedVoices)
    reasoning = try? c.decodeIfPresent(JSONValue.self, forKey: .reasoning)
  }

  public var supportsTools: Bool { supportedParameters.contains("tools") }
  public var supportsReasoning: Bool {
    supportedParameters.contains("reasoning") || supportedParameters.contains("include_reasoning")
  }
  public var supportsImageInput: Bool { architecture?.inputModalities.contains("image") ?? false }
}

/// `{"data": [...]}` of `GET /models`.
public struct ModelList: Sendable, Hashable, Codable {
  public var data: [ModelInfo]

  public init(data: [ModelInfo]) { self.data = data }
}
