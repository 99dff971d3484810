import Foundation

/// `data` of `GET /key`: limits and usage of the calling key
/// (OpenRouter.docc/Generation.md, Key info).
public struct KeyInfo: Sendable, Hashable, Decodable {
  public var label: String?
  /// Credit cap of the key, `nil` when uncapped.
  public var limit: Decimal?
  public var limitRemaining: Decimal?
  public var limitReset: String?
  public var usage: Decimal?
  public var usageDaily: Decimal?
  public var usageWeekly: Decimal?
  public var usageMonthly: Decimal?
  public var isFreeTier: Bool?
  public var expiresAt: String?
  /// The key's request rate limit, when the endpoint reports one (OpenRouter marks it
  /// deprecated but still sends it).
  public var rateLimit: RateLimit?

  /// `rate_limit` of `GET /key`: so many requests per interval (`"10s"`, `"1h"`).
  public struct RateLimit: Sendable, Hashable, Decodable {
    public var requests: Int?
    public var interval: String?

    public init(requests: Int? = nil, interval: String? = nil) {
      self.requests = requests
      self.interval = interval
    }

    enum CodingKeys: String, CodingKey {
      case requests, interval
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      requests = try? c.decodeIfPresent(Int.self, forKey: .requests)
      interval = try? c.decodeIfPresent(String.self, forKey: .interval)
    }
  }

  enum CodingKeys: String, CodingKey {
    case label, limit, usage
    case limitRemaining = "limit_remaining"
    case limitReset = "limit_reset"
    case usageDaily = "usage_daily"
    case usageWeekly = "usage_weekly"
    case usageMonthly = "usage_monthly"
    case isFreeTier = "is_free_tier"
    case expiresAt = "expires_at"
    case rateLimit = "rate_limit"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    label = try? c.decodeIfPresent(String.self, forKey: .label)
    limit = try? c.decodeIfPresent(Decimal.self, forKey: .limit)
    limitRemaining = try? c.decodeIfPresent(Decimal.self, forKey: .limitRemaining)
    limitReset = try? c.decodeIfPresent(String.self, forKey: .limitReset)
    usage = try? c.decodeIfPresent(Decimal.self, forKey: .usage)
    usageDaily = try? c.decodeIfPresent(Decimal.self, forKey: .usageDaily)
    usageWeekly = try? c.decodeIfPresent(Decimal.self, forKey: .usageWeekly)
    usageMonthly = try? c.decodeIfPresent(Decimal.self, forKey: .usageMonthly)
    isFreeTier = try? c.decodeIfPresent(Bool.self, forKey: .isFreeTier)
    expiresAt = try? c.decodeIfPresent(String.self, forKey: .expiresAt)
    rateLimit = try? c.decodeIfPresent(RateLimit.self, forKey: .rateLimit)
  }
}

/// `{"data": …}` wrapper used by `/key`, `/generation` and `/model`.
struct DataEnvelope<Payload: Decodable>: Decodable {
  var data: Payload
}
