import Foundation

/// A catalog price in USD: per token for `prompt`/`completion`, per unit for the others.
///
/// OpenRouter sends prices as decimal strings; `"-1"` means the price depends on the model a
/// router picks, so no arithmetic may be done with it (OpenRouter.docc/Catalog.md, Prices).
public enum Price: Sendable, Hashable, Codable, CustomStringConvertible {
  case fixed(Decimal)
  case variable

  public init(string: String) throws {
    let trimmed = string.trimmingCharacters(in: .whitespaces)
    guard let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "not a decimal price: \(string)"))
    }
    self = value < 0 ? .variable : .fixed(value)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self = try Price(string: text)
    } else {
      let value = try container.decode(Decimal.self)
      self = value < 0 ? .variable : .fixed(value)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// The wire spelling (`"0.0000025"`, or `"-1"` for variable).
  public var description: String {
    switch self {
    case .fixed(let value): return NSDecimalNumber(decimal: value).stringValue
    case .variable: return "-1"
    }
  }

  /// The price per token, or `nil` when it is variable.
  public var value: Decimal? {
    if case .fixed(let value) = self { return value }
    return nil
  }

  /// USD per million units, for display; `nil` when variable.
  public var perMillion: Decimal? { value.map { $0 * 1_000_000 } }

  public var isFree: Bool { value == 0 }
}
