import ChatCore
import ChatDomain
import Foundation

/// `usage --json`: `{"by", "since", "rows": [row…], "total": row}`, each row
/// `{"key", "requests", "prompt_tokens", "completion_tokens", "reasoning_tokens",
/// "cached_tokens", "cache_savings", "web_searches", "total_tokens", "cost"}`.
struct UsageJSON: Encodable {
  var report: UsageReport

  init(_ report: UsageReport) {
    self.report = report
  }

  enum CodingKeys: String, CodingKey {
    case by, since, rows, total
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(report.grouping.rawValue, forKey: .by)
    try container.encode(report.since.map(ArchiveTime.init), forKey: .since)
    try container.encode(report.rows.map(Row.init), forKey: .rows)
    try container.encode(Row(report.total), forKey: .total)
  }

  struct Row: Encodable {
    var row: UsageReport.Row

    init(_ row: UsageReport.Row) {
      self.row = row
    }

    enum CodingKeys: String, CodingKey {
      case key, requests, cost
      case promptTokens = "prompt_tokens"
      case completionTokens = "completion_tokens"
      case reasoningTokens = "reasoning_tokens"
      case cachedTokens = "cached_tokens"
      case cacheSavings = "cache_savings"
      case webSearches = "web_searches"
      case totalTokens = "total_tokens"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(row.key, forKey: .key)
      try container.encode(row.requests, forKey: .requests)
      try container.encode(row.promptTokens, forKey: .promptTokens)
      try container.encode(row.completionTokens, forKey: .completionTokens)
      try container.encode(row.reasoningTokens, forKey: .reasoningTokens)
      try container.encode(row.cachedTokens, forKey: .cachedTokens)
      try container.encode(row.cacheSavings, forKey: .cacheSavings)
      try container.encode(row.webSearches, forKey: .webSearches)
      try container.encode(row.totalTokens, forKey: .totalTokens)
      try container.encode(row.cost, forKey: .cost)
    }
  }
}
