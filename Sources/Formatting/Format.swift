import Foundation

/// How orchat writes numbers, money, durations and times for a person: one set of rules for
/// the full-screen app and the commands, so the same cost reads the same everywhere.
///
/// Pure and deterministic (the zone is passed in), so snapshots are stable. Every input
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

  /// `14:02` in `zone`.
  public static func clock(_ date: Date, zone: LocalZone) -> String {
    clock(zone.parts(of: date))
  }

  /// `2026-05-01 09:30` in `zone`.
  public static func time(_ date: Date, zone: LocalZone = .system) -> String {
    let parts = zone.parts(of: date)
    return day(parts) + " " + clock(parts)
  }

  /// `2026-05-01` in `zone`.
  public static func day(_ date: Date, zone: LocalZone) -> String {
    day(zone.parts(of: date))
  }

  /// A session's date in a list: the time today, the weekday this week, else `Oct 02`, or
  /// `2025-10-02` in another year.
  public static func listDate(_ date: Date, now: Date, zone: LocalZone) -> String {
    let then = zone.parts(of: date)
    let today = zone.parts(of: now)
    if (then.year, then.month, then.day) == (today.year, today.month, today.day) {
      return clock(then)
    }
    let elapsed = today.wallSeconds - then.wallSeconds
    if elapsed > 0, elapsed / 86_400 < 7 { return weekdays[then.weekday] }
    if then.year == today.year { return months[then.month - 1] + " " + twoDigits(then.day) }
    return day(then)
  }

  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  static func clock(_ parts: LocalZone.Parts) -> String {
    twoDigits(parts.hour) + ":" + twoDigits(parts.minute)
  }

  static func day(_ parts: LocalZone.Parts) -> String {
    let year = String(parts.year)
    let padded =
      parts.year >= 0 && parts.year < 1000
      ? String(repeating: "0", count: 4 - year.count) + year : year
    return padded + "-" + twoDigits(parts.month) + "-" + twoDigits(parts.day)
  }

  static func twoDigits(_ value: Int) -> String {
    value >= 0 && value < 10 ? "0" + String(value) : String(value)
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
