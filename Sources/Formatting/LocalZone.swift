import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where clock times are read: the system's local time, or a fixed offset from UTC (tests,
/// and times printed as UTC).
///
/// Not Foundation's `TimeZone` and `Calendar`: on Linux, finding the current time zone and
/// calendar arithmetic in it load ICU's time-zone and calendar data, about 4 MB of the
/// process's memory (and 3 MB more for a `DateFormatter`) for the clock times of a few
/// headers and list rows. The system zone is the C library's (`localtime_r`, which follows
/// `TZ` and `/etc/localtime`, daylight saving included), and the rest is plain arithmetic on
/// the proleptic Gregorian calendar.
public enum LocalZone: Sendable, Hashable {
  case system
  case fixed(secondsFromUTC: Int)

  public static let utc = LocalZone.fixed(secondsFromUTC: 0)

  /// A moment as read on a wall clock in this zone.
  public struct Parts: Sendable, Hashable {
    public var year: Int
    /// 1-12.
    public var month: Int
    /// 1-31.
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 is Sunday.
    public var weekday: Int
    /// Seconds since 1970-01-01 00:00 on this zone's wall clock (the UTC seconds plus the
    /// zone's offset at that moment): differences are wall-clock differences.
    public var wallSeconds: Int
  }

  /// `date` on this zone's wall clock. Dates beyond ±100,000 years are clamped.
  public func parts(of date: Date) -> Parts {
    let seconds = Int(max(-3e12, min(3e12, date.timeIntervalSince1970.rounded(.down))))
    return Self.parts(wallSeconds: seconds + offset(at: seconds))
  }

  /// The zone's offset from UTC at `seconds` since the epoch.
  private func offset(at seconds: Int) -> Int {
    switch self {
    case .fixed(let offset):
      return offset
    case .system:
      var time = time_t(seconds)
      var local = tm()
      guard localtime_r(&time, &local) != nil else { return 0 }
      return Int(local.tm_gmtoff)
    }
  }

  /// The civil date and time of a wall-clock second count, after Howard Hinnant's
  /// `civil_from_days`; `daysSinceEpoch` is the inverse.
  static func parts(wallSeconds: Int) -> Parts {
    let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
    let secondOfDay = wallSeconds - days * 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    return Parts(
      year: year, month: month, day: day, hour: secondOfDay / 3600,
      minute: secondOfDay % 3600 / 60, second: secondOfDay % 60, weekday: weekday,
      wallSeconds: wallSeconds)
  }

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (negative before),
  /// after Howard Hinnant's `days_from_civil`.
  public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
