import ChatCore
import ChatDomain
import Foundation

/// Dates typed on the command line: `2026-05-01` (midnight in the given time zone), an ISO
/// 8601 time (`2026-05-01T09:30:00Z`), or a number of days back (`7d`).
enum DateArgument {
  static func parse(_ text: String, timeZone: TimeZone, now: Date = Date()) throws -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    if text.hasSuffix("d"), let days = Int(text.dropLast()), days >= 0 {
      let today = calendar.startOfDay(for: now)
      if let start = calendar.date(byAdding: .day, value: -days, to: today) { return start }
    }
    let parts = text.split(separator: "-")
    if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
      calendar.component(.day, from: date) == day
    {
      return date
    }
    if let time = ArchiveTime(iso8601: text) { return time.date }
    throw ChatError(
      .invalidInput, "\"\(text)\" is not a date (use 2026-05-01, 2026-05-01T09:30:00Z or 7d)")
  }
}
