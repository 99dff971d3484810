import ChatDomain
import Foundation

/// How domain values are spelled in the database.
enum StoredValues {
  /// Milliseconds since 1970 UTC.
  static func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
  }

  static func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// `date` cut to the millisecond, as it reads back from the database.
  static func truncated(_ date: Date) -> Date {
    Self.date(milliseconds(date))
  }

  private static let picosPerDollar = Decimal(sign: .plus, exponent: 12, significand: 1)

  /// USD as an integer of 10⁻¹² USD, rounded half to even beyond that precision.
  static func picos(_ cost: Decimal?) -> Int64? {
    guard var scaled = cost.map({ $0 * picosPerDollar }) else { return nil }
    var rounded = Decimal()
    NSDecimalRound(&rounded, &scaled, 0, .bankers)
    return NSDecimalNumber(decimal: rounded).int64Value
  }

  static func cost(_ picos: Int64?) -> Decimal? {
    // Scaling the exponent is exact and much cheaper than a division.
    picos.map {
      Decimal(
        sign: $0 < 0 ? .minus : .plus, exponent: -12, significand: Decimal($0.magnitude))
    }
  }
}
