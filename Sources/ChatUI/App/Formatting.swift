import Foundation

/// How numbers, money and times read on screen. Pure and deterministic (the time zone is
/// passed in), so snapshots are stable.
public enum Formatting {
  /// `412`, `3.1k`, `200k`, `1.0M`.
  public static func tokens(_ count: Int) -> String {
    switch count {
    case ..<1000: return String(count)
    case ..<10_000: return String(format: "%.1fk", Double(count) / 1000)
    case ..<1_000_000: return "\(Int((Double(count) / 1000).rounded()))k"
    default: return String(format: "%.1fM", Double(count) / 1_000_000)
    }
  }

  /// `$0.0003`, `$0.012`, `$1.24`: four significant decimals for small sums.
  public static func cost(_ value: Decimal) -> String {
    let number = NSDecimalNumber(decimal: value).doubleValue
    switch number {
    case 0: return "$0"
    case ..<0.01: return String(format: "$%.4f", number)
    case ..<1: return String(format: "$%.3f", number)
    default: return String(format: "$%.2f", number)
    }
  }

  /// USD per million tokens for the model list: `3.00`, `0.15`, `free`, `var`.
  public static func pricePerMillion(_ value: Decimal?) -> String {
    guard let value else { return "var" }
    if value == 0 { return "free" }
    return String(format: "%.2f", NSDecimalNumber(decimal: value).doubleValue)
  }

  /// `0.4 s`, `12 s`.
  public static func seconds(milliseconds: Int) -> String {
    milliseconds < 10_000
      ? String(format: "%.1f s", Double(milliseconds) / 1000) : "\(milliseconds / 1000) s"
  }

  /// `14:02`.
  public static func clock(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }

  /// A session's date in a list: the time today, the weekday this week, else `Oct 02`, or
  /// `2025-10-02` in another year.
  public static func listDate(_ date: Date, now: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    if calendar.isDate(date, inSameDayAs: now) { return clock(date, timeZone: timeZone) }
    let days = calendar.dateComponents([.day], from: date, to: now).day ?? 0
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    if days < 7, date < now {
      formatter.dateFormat = "EEE"
    } else if calendar.component(.year, from: date) == calendar.component(.year, from: now) {
      formatter.dateFormat = "MMM dd"
    } else {
      formatter.dateFormat = "yyyy-MM-dd"
    }
    return formatter.string(from: date)
  }

  /// The part of a model id after the vendor: `claude-sonnet-4.5`.
  public static func shortModel(_ id: String) -> String {
    id.split(separator: "/").last.map(String.init) ?? id
  }
}
