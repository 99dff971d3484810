/// Why a generation stopped. Unknown provider strings are kept in `.other`.
public enum FinishReason: Sendable, Hashable, Codable, CustomStringConvertible {
  case stop
  case length
  case toolCalls
  case contentFilter
  case error
  case other(String)

  public init(rawValue: String) {
    switch rawValue {
    case "stop": self = .stop
    case "length": self = .length
    case "tool_calls": self = .toolCalls
    case "content_filter": self = .contentFilter
    case "error": self = .error
    default: self = .other(rawValue)
    }
  }

  public var rawValue: String {
    switch self {
    case .stop: return "stop"
    case .length: return "length"
    case .toolCalls: return "tool_calls"
    case .contentFilter: return "content_filter"
    case .error: return "error"
    case .other(let raw): return raw
    }
  }

  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
