import Foundation

/// Conditions a model must meet to be listed.
public struct ModelFilter: Sendable, Hashable {
  /// The highest price, in USD per million tokens, for prompt and completion tokens alike;
  /// models with variable prices are left out when set.
  public var maxPricePerMillion: Decimal?
  /// The least context length, in tokens.
  public var minContextLength: Int?
  public var requiresTools: Bool
  public var requiresReasoning: Bool
  public var requiresImageInput: Bool

  public init(
    maxPricePerMillion: Decimal? = nil, minContextLength: Int? = nil, requiresTools: Bool = false,
    requiresReasoning: Bool = false, requiresImageInput: Bool = false
  ) {
    self.maxPricePerMillion = maxPricePerMillion
    self.minContextLength = minContextLength
    self.requiresTools = requiresTools
    self.requiresReasoning = requiresReasoning
    self.requiresImageInput = requiresImageInput
  }

  public func admits(_ model: ModelSummary) -> Bool {
    if let limit = maxPricePerMillion {
      guard let prompt = model.promptPrice.perMillion,
        let completion = model.completionPrice.perMillion,
        prompt <= limit, completion <= limit
      else { return false }
    }
    if let minimum = minContextLength, (model.contextLength ?? 0) < minimum { return false }
    if requiresTools && !model.supportsTools { return false }
    if requiresReasoning && !model.supportsReasoning { return false }
    if requiresImageInput && !model.supportsImageInput { return false }
    return true
  }
}
