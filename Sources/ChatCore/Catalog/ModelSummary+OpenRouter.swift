import ChatDomain
import Foundation
import OpenRouter

extension ModelSummary {
  /// The fields orchat uses of a `GET /models` entry. An entry without prices (a plain
  /// OpenAI-compatible endpoint) has `unknown` prices, not free ones.
  public init(_ info: ModelInfo) {
    self.init(
      id: info.id, name: info.name,
      created: info.created.map { Date(timeIntervalSince1970: TimeInterval($0)) },
      description: info.description ?? "",
      contextLength: info.contextLength ?? info.topProvider?.contextLength,
      maxCompletionTokens: info.topProvider?.maxCompletionTokens,
      promptPrice: info.pricing.map { ModelPrice($0.prompt) } ?? .unknown,
      completionPrice: info.pricing.map { ModelPrice($0.completion) } ?? .unknown,
      inputModalities: info.architecture?.inputModalities ?? ["text"],
      outputModalities: info.architecture?.outputModalities ?? ["text"],
      supportsTools: info.supportsTools, supportsReasoning: info.supportsReasoning)
  }
}

extension ModelPrice {
  init(_ price: Price) {
    switch price {
    case .fixed(let value): self = .perToken(value)
    case .variable: self = .variable
    }
  }
}
