import ChatDomain
import Foundation

/// Tokens and cost of chat requests, summed by agent, model or day.
public struct UsageReport: Sendable, Hashable {
  public enum Grouping: String, Sendable, Hashable, CaseIterable {
    case agent, model, day
  }

  /// One group's sums.
  public struct Row: Sendable, Hashable {
    /// The agent name, the model that answered, or the day (`2026-05-01`).
    public var key: String
    public var requests: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var reasoningTokens: Int
    public var cachedTokens: Int
    /// `nil` when no request of the group reported a cost.
    public var cost: Decimal?
    /// What prompt caching saved; `nil` when no request of the group reported it.
    public var cacheSavings: Decimal?
    /// Web searches, as far as the usage reported them.
    public var webSearches: Int

    public init(key: String) {
      self.key = key
      requests = 0
      promptTokens = 0
      completionTokens = 0
      reasoningTokens = 0
      cachedTokens = 0
      cost = nil
      cacheSavings = nil
      webSearches = 0
    }

    public var totalTokens: Int { promptTokens.addingSaturated(completionTokens) }

    mutating func add(_ usage: TokenUsage?) {
      requests += 1
      guard let usage else { return }
      promptTokens = promptTokens.addingSaturated(usage.promptTokens)
      completionTokens = completionTokens.addingSaturated(usage.completionTokens)
      reasoningTokens = reasoningTokens.addingSaturated(usage.reasoningTokens)
      cachedTokens = cachedTokens.addingSaturated(usage.cachedTokens)
      if let spent = usage.cost { cost = (cost ?? 0) + spent }
      if let saved = usage.cacheSavings { cacheSavings = (cacheSavings ?? 0) + saved }
      webSearches += usage.webSearches ?? 0
    }
  }

  public var grouping: Grouping
  public var since: Date?
  /// Sorted by key (days oldest first; agents and models by name).
  public var rows: [Row]
  public var total: Row

  /// Sums `entries` (chat requests) by `grouping`; days are calendar days in `timeZone`.
  public init(
    entries: [RequestLogEntry], grouping: Grouping, since: Date?, timeZone: TimeZone = .current
  ) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var groups: [String: Row] = [:]
    var total = Row(key: "total")
    for entry in entries {
      let key: String
      switch grouping {
      case .agent: key = entry.agent ?? "(none)"
      case .model: key = entry.servedModel ?? entry.model ?? "(unknown)"
      case .day:
        let day = calendar.dateComponents([.year, .month, .day], from: entry.startedAt)
        key = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
      }
      groups[key, default: Row(key: key)].add(entry.usage)
      total.add(entry.usage)
    }
    self.grouping = grouping
    self.since = since
    rows = groups.values.sorted { $0.key < $1.key }
    self.total = total
  }
}
