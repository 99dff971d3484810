import ChatDomain
import Foundation

/// A time in an export: UTC ISO 8601 with milliseconds (`2026-05-01T09:30:00.250Z`), the
/// store's precision, so a round trip keeps it exactly.
public struct ArchiveTime: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Milliseconds since 1970 UTC.
  public var milliseconds: Int64

  public init(_ date: Date) {
    milliseconds = StoredValues.milliseconds(date)
  }

  public init?(iso8601 text: String) {
    let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    let withoutFraction = Date.ISO8601FormatStyle()
    guard let date = (try? withFraction.parse(text)) ?? (try? withoutFraction.parse(text)) else {
      return nil
    }
    self.init(date)
  }

  public var date: Date { StoredValues.date(milliseconds) }

  /// Formatted from the integer, so no floating-point rounding can change a digit.
  public var description: String {
    let seconds = Int64((Double(milliseconds) / 1000).rounded(.down))
    let fraction = milliseconds - seconds * 1000
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec), Int(fraction))
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let time = ArchiveTime(iso8601: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO 8601 time: \"\(text)\"")
    }
    self = time
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
