import Foundation

/// What orchat knows about a model: the catalog fields the app uses.
public struct ModelSummary: Sendable, Hashable, Identifiable, Codable {
  /// The id to request (`anthropic/claude-sonnet-4.6`).
  public var id: String
  /// The display name (`Anthropic: Claude Sonnet 4.6`).
  public var name: String
  /// When OpenRouter added the model.
  public var created: Date?
  public var description: String
  /// Tokens of context, when known.
  public var contextLength: Int?
  /// The primary provider's output cap, when known.
  public var maxCompletionTokens: Int?
  public var promptPrice: ModelPrice
  public var completionPrice: ModelPrice
  /// `text`, `image`, `file`, `audio`, `video`.
  public var inputModalities: [String]
  public var outputModalities: [String]
  public var supportsTools: Bool
  public var supportsReasoning: Bool

  public init(
    id: String, name: String, created: Date? = nil, description: String = "",
    contextLength: Int? = nil, maxCompletionTokens: Int? = nil,
    promptPrice: ModelPrice = .variable, completionPrice: ModelPrice = .variable,
    inputModalities: [String] = ["text"], outputModalities: [String] = ["text"],
    supportsTools: Bool = false, supportsReasoning: Bool = false
  ) {
    self.id = id
    self.name = name
    self.created = created
    self.description = description
    self.contextLength = contextLength
    self.maxCompletionTokens = maxCompletionTokens
    self.promptPrice = promptPrice
    self.completionPrice = completionPrice
    self.inputModalities = inputModalities
    self.outputModalities = outputModalities
    self.supportsTools = supportsTools
    self.supportsReasoning = supportsReasoning
  }

  public var supportsImageInput: Bool { inputModalities.contains("image") }
  /// Whether either price depends on what a router picks.
  public var hasVariablePricing: Bool {
    promptPrice == .variable || completionPrice == .variable
  }

  enum CodingKeys: String, CodingKey {
    case id, name, created, description
    case contextLength = "context_length"
    case maxCompletionTokens = "max_completion_tokens"
    case promptPrice = "prompt_price"
    case completionPrice = "completion_price"
    case inputModalities = "input_modalities"
    case outputModalities = "output_modalities"
    case supportsTools = "supports_tools"
    case supportsReasoning = "supports_reasoning"
  }
}

extension ModelSummary {
  /// `description` may be absent: the bundled snapshot keeps facts only, and a description
  /// appears once a live refresh has cached the catalog.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      created: try container.decodeIfPresent(Date.self, forKey: .created),
      description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
      contextLength: try container.decodeIfPresent(Int.self, forKey: .contextLength),
      maxCompletionTokens: try container.decodeIfPresent(Int.self, forKey: .maxCompletionTokens),
      promptPrice: try container.decode(ModelPrice.self, forKey: .promptPrice),
      completionPrice: try container.decode(ModelPrice.self, forKey: .completionPrice),
      inputModalities: try container.decode([String].self, forKey: .inputModalities),
      outputModalities: try container.decode([String].self, forKey: .outputModalities),
      supportsTools: try container.decode(Bool.self, forKey: .supportsTools),
      supportsReasoning: try container.decode(Bool.self, forKey: .supportsReasoning))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(name, forKey: .name)
    try container.encodeIfPresent(created, forKey: .created)
    if !description.isEmpty { try container.encode(description, forKey: .description) }
    try container.encodeIfPresent(contextLength, forKey: .contextLength)
    try container.encodeIfPresent(maxCompletionTokens, forKey: .maxCompletionTokens)
    try container.encode(promptPrice, forKey: .promptPrice)
    try container.encode(completionPrice, forKey: .completionPrice)
    try container.encode(inputModalities, forKey: .inputModalities)
    try container.encode(outputModalities, forKey: .outputModalities)
    try container.encode(supportsTools, forKey: .supportsTools)
    try container.encode(supportsReasoning, forKey: .supportsReasoning)
  }
}
