/// When and how long the client waits before trying a failed request again
/// (OpenRouter.docc/Errors.md, Retry policy).
///
/// Only failures before any content qualify (`OpenRouterError.isTransient`). The server's
/// hint (`Retry-After` and friends) wins over the backoff; a hint longer than
/// `maxServerDelay` means "give up now", so the user hears about a long quota wait at once.
public struct RetryPolicy: Sendable {
  /// Retries after the first attempt.
  public var maxRetries: Int
  public var baseDelay: Duration
  public var maxDelay: Duration
  public var maxServerDelay: Duration
  /// Cap on the sum of all waits of one request.
  public var maxTotalWait: Duration
  /// Multiplies each backoff delay by a random factor in this range.
  public var jitter: ClosedRange<Double>

  public init(
    maxRetries: Int = 2, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
    maxServerDelay: Duration = .seconds(60), maxTotalWait: Duration = .seconds(90),
    jitter: ClosedRange<Double> = 0.75...1.0
  ) {
    self.maxRetries = maxRetries
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxServerDelay = maxServerDelay
    self.maxTotalWait = maxTotalWait
    self.jitter = jitter
  }

  /// No retries at all.
  public static let none = RetryPolicy(maxRetries: 0)

  /// The wait before retry number `retry` (1-based) after `error`, or `nil` to give up.
  public func delay(
    beforeRetry retry: Int, after error: OpenRouterError, waitedSoFar: Duration,
    random: Double = Double.random(in: 0...1)
  ) -> Duration? {
    guard retry <= maxRetries, error.isTransient else { return nil }
    let wait: Duration
    if let hint = error.retryAfter {
      guard hint <= maxServerDelay else { return nil }
      wait = hint
    } else {
      let exponential = baseDelay * (1 << min(retry - 1, 20))
      let capped = min(exponential, maxDelay)
      let factor = jitter.lowerBound + (jitter.upperBound - jitter.lowerBound) * random
      wait = capped * factor
    }
    guard waitedSoFar + wait <= maxTotalWait else { return nil }
    return wait
  }
}
