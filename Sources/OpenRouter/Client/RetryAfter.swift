import Formatting
import Foundation

/// Reads the server's "wait this long" hints (OpenRouter.docc/Errors.md, Retry hints), first
/// match wins: `retry-after-ms`, `Retry-After` (seconds, possibly fractional, or an HTTP
/// date), `error.availability.retry_after`, then `X-RateLimit-Reset` (epoch milliseconds)
/// from the headers or from `error.metadata.headers`.
///
/// Every number is untrusted (OpenRouter.docc/EdgeCases.md, case 56): one that is not a
/// number, is NaN or is negative is no hint at all; one that is infinite or longer than
/// ``maximum`` becomes ``maximum``, which the retry policy reads as "give up now".
enum RetryAfter {
  /// The longest wait a hint can ask for.
  static let maximum = Duration.seconds(7 * 86_400)

  static func delay(headers: [(String, String)], body: ErrorBody?, now: Date) -> Duration? {
    func header(_ name: String) -> String? {
      headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        .trimmingCharacters(in: .whitespaces)
    }
    if let value = header("retry-after-ms").flatMap(Double.init),
      let delay = duration(seconds: value / 1000)
    {
      return delay
    }
    if let value = header("retry-after") {
      if let seconds = Double(value) {
        if let delay = duration(seconds: seconds) { return delay }
      } else if let date = httpDate(value) {
        return duration(seconds: max(0, date.timeIntervalSince(now)))
      }
    }
    if let seconds = body?.availability?.retryAfter, let delay = duration(seconds: seconds) {
      return delay
    }
    let reset =
      header("x-ratelimit-reset").flatMap(Double.init)
      ?? body?.metadata?["headers"]?["X-RateLimit-Reset"]?.doubleValue
    if let reset, !reset.isNaN {
      return duration(seconds: max(0, reset / 1000 - now.timeIntervalSince1970))
    }
    return nil
  }

  /// `seconds` as a delay, clamped to `0...maximum`; `nil` for NaN and negative values.
  static func duration(seconds: Double) -> Duration? {
    guard !seconds.isNaN, seconds >= 0 else { return nil }
    let limit = Double(maximum.components.seconds)
    guard seconds < limit else { return maximum }
    return .milliseconds((seconds * 1000).rounded())
  }

  /// An HTTP date (RFC 9110): the IMF-fixdate `Wed, 21 Oct 2026 07:28:00 GMT`, or one of the
  /// two obsolete forms, `Wednesday, 21-Oct-26 07:28:00 GMT` and `Wed Oct 21 07:28:00 2026`.
  ///
  /// Parsed by hand rather than with a `DateFormatter`: no locale, nothing allocated per
  /// call that Foundation keeps, and every field checked against its range first.
  static func httpDate(_ text: String) -> Date? {
    let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
    let day: Substring
    let month: Substring
    var year: Substring
    let time: Substring
    if tokens.count == 6, tokens[0].hasSuffix(","), tokens[5] == "GMT" {
      (day, month, year, time) = (tokens[1], tokens[2], tokens[3], tokens[4])
    } else if tokens.count == 4, tokens[0].hasSuffix(","), tokens[3] == "GMT" {
      let parts = tokens[1].split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[2].count == 2 else { return nil }
      (day, month, year, time) = (parts[0], parts[1], parts[2], tokens[2])
    } else if tokens.count == 5, !tokens[0].hasSuffix(",") {
      (day, month, year, time) = (tokens[2], tokens[1], tokens[4], tokens[3])
    } else {
      return nil
    }
    let clock = time.split(separator: ":", omittingEmptySubsequences: false)
    guard let dayNumber = number(day, digits: 1...2), (1...31).contains(dayNumber),
      let monthNumber = months.firstIndex(of: month.lowercased()).map({ $0 + 1 }),
      var yearNumber = number(year, digits: 2...4), year.count != 3,
      clock.count == 3,
      let hour = number(clock[0], digits: 2...2), hour < 24,
      let minute = number(clock[1], digits: 2...2), minute < 60,
      let second = number(clock[2], digits: 2...2), second <= 60
    else { return nil }
    if year.count == 2 { yearNumber += yearNumber < 70 ? 2000 : 1900 }
    let days = LocalZone.daysSinceEpoch(year: yearNumber, month: monthNumber, day: dayNumber)
    return Date(
      timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
  }

  private static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// The value of `text` when it is only ASCII digits, as many as `digits` allows.
  private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
    else { return nil }
    return Int(text)
  }
}
