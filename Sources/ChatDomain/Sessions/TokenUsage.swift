import Foundation

/// Tokens and cost of one reply, as the provider reported them.
public struct TokenUsage: Sendable, Hashable {
  public var promptTokens: Int
  public var completionTokens: Int
  /// As reported; usually `promptTokens + completionTokens`.
  public var totalTokens: Int
  /// Completion tokens spent on reasoning.
  public var reasoningTokens: Int
  /// Prompt tokens served from the provider's cache.
  public var cachedTokens: Int
  /// USD (OpenRouter credits); `nil` when the provider did not say. Web searches and the
  /// caching discount are included.
  public var cost: Decimal?
  /// Web searches run for the reply, when the usage counted them.
  public var webSearches: Int?
  /// What prompt caching saved, USD (negative when writing the cache cost more); `nil` when
  /// the usage did not say.
  public var cacheSavings: Decimal?

  public init(
    promptTokens: Int = 0, completionTokens: Int = 0, totalTokens: Int? = nil,
    reasoningTokens: Int = 0, cachedTokens: Int = 0, cost: Decimal? = nil,
    webSearches: Int? = nil, cacheSavings: Decimal? = nil
  ) {
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.totalTokens = totalTokens ?? promptTokens.addingSaturated(completionTokens)
    self.reasoningTokens = reasoningTokens
    self.cachedTokens = cachedTokens
    self.cost = cost
    self.webSearches = webSearches
    self.cacheSavings = cacheSavings
  }
}

extension Int {
  /// `self + other`, or `Int.max` / `Int.min` where the sum would overflow: token counts come
  /// from servers and archives, and a sum of them must never trap.
  public func addingSaturated(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }
}
