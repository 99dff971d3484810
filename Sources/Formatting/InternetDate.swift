import Foundation

/// Timestamps in the internet's date-time format (RFC 3339: `2026-05-01T09:30:00Z`, or with
/// a fraction of a second and an offset such as `+02:00`), read and written by hand:
/// Foundation's ISO 8601 formatters and its JSON `.iso8601` strategy set up a calendar in the
/// current time zone, which loads ICU's data (see `LocalZone`).
public enum InternetDate {
  /// `date` in UTC, to the second: `2026-05-01T09:30:00Z`.
  public static func string(from date: Date) -> String {
    let parts = LocalZone.utc.parts(of: date)
    return Format.day(parts) + "T" + Format.clock(parts) + ":" + Format.twoDigits(parts.second)
      + "Z"
  }

  /// The moment `text` names, or nil when it is not an RFC 3339 date-time.
  public static func date(from text: String) -> Date? {
    let bytes = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[start..<(start + count)] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
    guard let year = number(0, 4), byte(4) == 0x2D, let month = number(5, 2), byte(7) == 0x2D,
      let day = number(8, 2), byte(10) == 0x54 || byte(10) == 0x74, let hour = number(11, 2),
      byte(13) == 0x3A, let minute = number(14, 2), byte(16) == 0x3A,
      let second = number(17, 2),
      (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if byte(index) == 0x2E {
      var scale = 0.1
      index += 1
      let start = index
      while let digit = byte(index), digit >= 0x30, digit <= 0x39 {
        fraction += Double(digit - 0x30) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    var offset = 0
    switch byte(index) {
    case 0x5A, 0x7A:
      index += 1
    case 0x2B, 0x2D:
      guard let hours = number(index + 1, 2), byte(index + 3) == 0x3A,
        let minutes = number(index + 4, 2), hours < 24, minutes < 60
      else { return nil }
      offset = (hours * 3600 + minutes * 60) * (byte(index) == 0x2D ? -1 : 1)
      index += 6
    default:
      return nil
    }
    guard index == bytes.count else { return nil }
    let days = LocalZone.daysSinceEpoch(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
