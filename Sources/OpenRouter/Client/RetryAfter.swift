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

  /// RFC 9110 IMF-fixdate, e.g. `Wed, 21 Oct 2026 07:28:00 GMT`.
  static func httpDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }
}
