import Foundation

/// Reads the server's "wait this long" hints (OpenRouter.docc/Errors.md, Retry hints), first
/// match wins: `retry-after-ms`, `Retry-After` (seconds, possibly fractional, or an HTTP
/// date), `error.availability.retry_after`, then `X-RateLimit-Reset` (epoch milliseconds)
/// from the headers or from `error.metadata.headers`.
enum RetryAfter {
  static func delay(headers: [(String, String)], body: ErrorBody?, now: Date) -> Duration? {
    func header(_ name: String) -> String? {
      headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        .trimmingCharacters(in: .whitespaces)
    }
    if let value = header("retry-after-ms").flatMap(Double.init), value >= 0 {
      return .milliseconds(value)
    }
    if let value = header("retry-after") {
      if let seconds = Double(value), seconds >= 0 { return .milliseconds(seconds * 1000) }
      if let date = httpDate(value) { return clamp(date.timeIntervalSince(now)) }
    }
    if let seconds = body?.availability?.retryAfter, seconds >= 0 {
      return .milliseconds(seconds * 1000)
    }
    let reset =
      header("x-ratelimit-reset")
      ?? body?.metadata?["headers"]?["X-RateLimit-Reset"]?.stringValue
      ?? body?.metadata?["headers"]?["X-RateLimit-Reset"]?.doubleValue.map { String($0) }
    if let reset, let epochMilliseconds = Double(reset) {
      return clamp(epochMilliseconds / 1000 - now.timeIntervalSince1970)
    }
    return nil
  }

  private static func clamp(_ seconds: TimeInterval) -> Duration {
    .milliseconds(max(0, seconds) * 1000)
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
