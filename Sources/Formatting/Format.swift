import Foundation

/// How orchat writes numbers, money, durations and times for a person: one set of rules for
/// the full-screen app and the commands, so the same cost reads the same everywhere.
///
/// Pure and deterministic (the time zone is passed in), so snapshots are stable. Every input
/// may come from a server: values out of any sensible range still give a short string.
public enum Format {
  // MARK: - Money

  /// `$0.0003`, `$0.012`, `$1.24`, `-$0.50`: two decimals from a dollar up; below that three
  /// significant digits (costs are often fractions of a cent), at least two decimals and at
  /// most eight, so a sum too small to show reads `<$0.00000001` rather than `$0.00`.
  public static func cost(_ value: Decimal) -> String {
    if value.isNaN { return "$?" }
    if value < 0 { return "-" + cost(-value) }
    if value == 0 { return "$0.00" }
    if value >= 1 { return "$" + decimal(value, decimals: 2, minimumDecimals: 2) }
    let smallest = Decimal(sign: .plus, exponent: -maximumCostDecimals, significand: 1)
    if value < smallest / 2 { return "<$" + decimal(smallest, decimals: maximumCostDecimals) }
    // Three significant digits: leading zeros after the point, plus three.
    var decimals = 2
    var scaled = value
    while scaled < Decimal(sign: .plus, exponent: -1, significand: 1), decimals < 16 {
      scaled *= 10
      decimals += 1
    }
    return "$"
      + decimal(value, decimals: min(decimals + 1, maximumCostDecimals), minimumDecimals: 2)
  }

  /// `$0.0012`, or `-` when the cost is unknown (a table cell).
  public static func cost(_ value: Decimal?) -> String {
    value.map { cost($0) } ?? "-"
  }

  static let maximumCostDecimals = 8

  /// A price in USD per million tokens: `3.00`, `0.075`, `free`, or `variable` (a router,
  /// whose price depends on the model it picks).
  public static func pricePerMillion(_ value: Decimal?) -> String {
    guard let value else { return "variable" }
    if value == 0 { return "free" }
    return decimal(value, decimals: 4, minimumDecimals: 2)
  }

  /// `value` rounded to `decimals` places, trailing zeros dropped down to `minimumDecimals`.
  public static func decimal(_ value: Decimal, decimals: Int, minimumDecimals: Int = 0)
    -> String
  {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, decimals, .plain)
    let parts = NSDecimalNumber(decimal: rounded).stringValue
      .split(separator: ".", omittingEmptySubsequences: false)
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
    while fraction.count < minimumDecimals { fraction += "0" }
    return fraction.isEmpty ? String(parts[0]) : "\(parts[0]).\(fraction)"
  }

  // MARK: - Counts and durations

  /// `412`, `3.1k`, `200k`, `1.0M`.
  public static func tokens(_ count: Int) -> String {
    switch count {
    case ..<1000: return String(count)
    case ..<10_000: return String(format: "%.1fk", Double(count) / 1000)
    case ..<1_000_000: return "\(Int((Double(count) / 1000).rounded()))k"
    default: return String(format: "%.1fM", Double(count) / 1_000_000)
    }
  }

  /// `850 ms`, `1.5 s`, `12 s`.
  public static func duration(milliseconds: Int) -> String {
    switch milliseconds {
    case ..<1000: return "\(milliseconds) ms"
    case ..<10_000: return String(format: "%.1f s", Double(milliseconds) / 1000)
    default: return "\(milliseconds / 1000) s"
    }
  }

  // MARK: - Times

  /// `14:02` in `timeZone`.
  public static func clock(_ date: Date, timeZone: TimeZone) -> String {
    let parts = calendar(timeZone).dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }

  /// `2026-05-01 09:30` in `timeZone`.
  public static func time(_ date: Date, timeZone: TimeZone = .current) -> String {
    let parts = calendar(timeZone).dateComponents(
      [.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0)
  }

  /// A session's date in a list: the time today, the weekday this week, else `Oct 02`, or
  /// `2025-10-02` in another year.
  public static func listDate(_ date: Date, now: Date, timeZone: TimeZone) -> String {
    let calendar = calendar(timeZone)
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

  private static func calendar(_ timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  // MARK: - Names

  /// The part of a model id after the vendor: `claude-sonnet-4.5`. A preset keeps its whole
  /// id (`@preset/fast`): its name alone would read like a model.
  public static func shortModel(_ id: String) -> String {
    if id.hasPrefix("@preset/") { return id }
    return id.split(separator: "/").last.map(String.init) ?? id
  }

  /// The first eight characters of an id, enough to tell sessions apart and to type.
  public static func shortID(_ id: String) -> String {
    String(id.prefix(8))
  }
}
