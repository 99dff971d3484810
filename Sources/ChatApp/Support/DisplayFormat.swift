import ChatCore
import Foundation

/// How commands show times, money and counts to a person.
enum DisplayFormat {
  /// `2026-05-01 09:30` in `timeZone`.
  static func time(_ date: Date, timeZone: TimeZone = .current) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0)
  }

  /// `$0.0012`: at most six decimals (costs are often fractions of a cent), at least two;
  /// `-` when unknown.
  static func cost(_ cost: Decimal?) -> String {
    guard let cost else { return "-" }
    return "$" + decimal(cost, maximumDecimals: 6, minimumDecimals: 2)
  }

  /// A price per million tokens (`3.00`, `0.075`), or `variable`.
  static func perMillion(_ price: ModelPrice) -> String {
    guard let value = price.perMillion else { return "variable" }
    return decimal(value, maximumDecimals: 4, minimumDecimals: 2)
  }

  static func decimal(_ value: Decimal, maximumDecimals: Int, minimumDecimals: Int) -> String {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, maximumDecimals, .plain)
    let parts = NSDecimalNumber(decimal: rounded).stringValue
      .split(separator: ".", omittingEmptySubsequences: false)
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < minimumDecimals { fraction += "0" }
    return fraction.isEmpty ? String(parts[0]) : "\(parts[0]).\(fraction)"
  }

  /// `1.2 s`, `850 ms`.
  static func duration(milliseconds: Int?) -> String? {
    guard let milliseconds else { return nil }
    if milliseconds < 1000 { return "\(milliseconds) ms" }
    return String(format: "%.1f s", Double(milliseconds) / 1000)
  }

  /// The first eight characters of an id, enough to tell sessions apart and to type.
  static func shortID(_ id: String) -> String {
    String(id.prefix(8))
  }
}
