/// An error `code` that OpenRouter documents as a number but sometimes sends as a string
/// (`"server_error"`, `"429"`).
public enum IntOrString: Sendable, Hashable, Codable, CustomStringConvertible {
  case int(Int)
  case string(String)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      // A number too large for `Int` (`1e300`) is kept as its text, never converted
      // (OpenRouter.docc/EdgeCases.md, case 57).
      guard let integer = Int(exactly: value) else {
        guard value.isFinite, value.rounded() == value else {
          throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "not an integral error code: \(value)")
        }
        self = .string(String(value))
        return
      }
      self = .int(integer)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .int(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    }
  }

  /// The numeric value, also when a gateway sent it as a numeric string.
  public var intValue: Int? {
    switch self {
    case .int(let value): return value
    case .string(let value): return Int(value)
    }
  }

  public var description: String {
    switch self {
    case .int(let value): return String(value)
    case .string(let value): return value
    }
  }
}
