import ChatDomain
import ChatCore
import Foundation

/// The object `orchat ask --json` prints.
struct AskResult: Encodable {
  var model: String?
  var content: String
  var reasoning: String?
  var finishReason: String?
  var generationID: String?
  var usage: UsageJSON?
  /// The files the images the model made were written to.
  var images: [String] = []

  struct UsageJSON: Encodable {
    var promptTokens: Int
    var completionTokens: Int
    var totalTokens: Int
    var cost: Decimal?

    enum CodingKeys: String, CodingKey {
      case promptTokens = "prompt_tokens"
      case completionTokens = "completion_tokens"
      case totalTokens = "total_tokens"
      case cost
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(promptTokens, forKey: .promptTokens)
      try container.encode(completionTokens, forKey: .completionTokens)
      try container.encode(totalTokens, forKey: .totalTokens)
      try container.encode(cost, forKey: .cost)
    }
  }

  /// The reply as saved; `model` is the model that answered.
  init(reply: Message) {
    model = reply.servedModel
    content = reply.content
    reasoning = reply.reasoning.flatMap { $0.isEmpty ? nil : $0 }
    finishReason = reply.finishReason
    generationID = reply.generationID
    usage = reply.usage.map {
      UsageJSON(
        promptTokens: $0.promptTokens, completionTokens: $0.completionTokens,
        totalTokens: $0.totalTokens, cost: $0.cost)
    }
  }

  enum CodingKeys: String, CodingKey {
    case model, content, reasoning, usage, images
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
    try container.encode(usage, forKey: .usage)
    try container.encode(images, forKey: .images)
  }

  func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and numbers cannot fail.
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
