import Foundation

/// A model's price for one kind of token, in USD per token.
///
/// Routers and `~…-latest` aliases have no fixed price (the catalog says `"-1"`); such a
/// price is `variable` and never enters arithmetic. A plain OpenAI-compatible endpoint lists
/// no prices at all: those are `unknown` (stored as `null`), neither free nor variable.
public enum ModelPrice: Sendable, Hashable, Codable, CustomStringConvertible {
  case perToken(Decimal)
  case variable
  case unknown

  /// Parses the catalog's spelling: a decimal string, `-1` (or any negative) for variable.
  public init?(catalogString text: String) {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
      return nil
    }
    self = value < 0 ? .variable : .perToken(value)
  }

  /// USD per million tokens, the unit prices are shown in; `nil` when variable or unknown.
  public var perMillion: Decimal? {
    guard case .perToken(let value) = self else { return nil }
    return value * 1_000_000
  }

  public var isFree: Bool { self == .perToken(0) }

  /// The catalog's spelling (`"0.000003"`, `"-1"`); `unknown` for an unknown price.
  public var description: String {
    switch self {
    case .perToken(let value): return NSDecimalNumber(decimal: value).stringValue
    case .variable: return "-1"
    case .unknown: return "unknown"
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .unknown
      return
    }
    let text = try container.decode(String.self)
    guard let price = ModelPrice(catalogString: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a price: \(text)"))
    }
    self = price
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if self == .unknown {
      try container.encodeNil()
    } else {
      try container.encode(description)
    }
  }
}
