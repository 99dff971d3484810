import ChatCore
import ChatDomain
import Foundation

/// One entry of `models --json`. Prices are USD per million tokens (`null` when variable,
/// as for routers, or unknown, as on endpoints that list no prices).
struct ModelJSON: Encodable {
  var model: ModelSummary

  init(_ model: ModelSummary) {
    self.model = model
  }

  enum CodingKeys: String, CodingKey {
    case id, name, description, created
    case contextLength = "context_length"
    case maxCompletionTokens = "max_completion_tokens"
    case promptPricePerMillion = "prompt_price_per_million"
    case completionPricePerMillion = "completion_price_per_million"
    case variablePricing = "variable_pricing"
    case inputModalities = "input_modalities"
    case outputModalities = "output_modalities"
    case supportsTools = "supports_tools"
    case supportsReasoning = "supports_reasoning"
    case supportsImageInput = "supports_image_input"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(model.id, forKey: .id)
    try container.encode(model.name, forKey: .name)
    try container.encode(model.description, forKey: .description)
    try container.encode(model.created.map(ArchiveTime.init), forKey: .created)
    try container.encode(model.contextLength, forKey: .contextLength)
    try container.encode(model.maxCompletionTokens, forKey: .maxCompletionTokens)
    try container.encode(model.promptPrice.perMillion, forKey: .promptPricePerMillion)
    try container.encode(model.completionPrice.perMillion, forKey: .completionPricePerMillion)
    try container.encode(model.hasVariablePricing, forKey: .variablePricing)
    try container.encode(model.inputModalities, forKey: .inputModalities)
    try container.encode(model.outputModalities, forKey: .outputModalities)
    try container.encode(model.supportsTools, forKey: .supportsTools)
    try container.encode(model.supportsReasoning, forKey: .supportsReasoning)
    try container.encode(model.supportsImageInput, forKey: .supportsImageInput)
  }
}
