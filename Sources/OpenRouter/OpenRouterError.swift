import Foundation

/// Every failure of the OpenRouter client: HTTP errors, in-band stream errors, transport
/// failures, timeouts, truncated streams and cancellation.
///
/// Users see `userMessage` (one line that says what to do); logs see `debugDescription`.
public struct OpenRouterError: Error, Sendable, Hashable {
  public enum Category: Sendable, Hashable {
    case auth
    case credits
    /// `retryAfter` is the server's hint, when it gave one.
    case rateLimited(retryAfter: Duration?)
    case moderation
    case badRequest
    case notFound
    case timeout
    case upstream
    case network
    case decoding
    case interrupted
    case cancelled
  }

  public var category: Category
  /// HTTP status of the response, `nil` for in-band stream errors and transport failures.
  public var status: Int?
  /// OpenRouter's `error.code` (number or string).
  public var code: IntOrString?
  /// The most useful message available (the provider's own message when OpenRouter's is generic).
  public var message: String
  public var providerName: String?
  /// `error.metadata.error_type`, or `error.error_type` on availability errors
  /// (OpenRouter.docc/Errors.md, Error types).
  public var errorType: String?
  public var providerCode: String?
  public var metadata: JSONValue?
  /// The start of the response body, for logs.
  public var rawBody: String?
  /// The server's retry hint (Retry-After and friends), already converted to a delay.
  public var retryAfter: Duration?
  /// `error.availability.retryable`, when the server said.
  public var availabilityRetryable: Bool?
  /// True when the error arrived inside a stream (after the 200 status).
  public var isInBand: Bool
  /// True when content had been delivered to the caller before the error: never retried.
  public var afterContent: Bool
  /// Attempts made, including the one that failed last.
  public var attempts: Int
  /// The waits between attempts.
  public var retryWaits: [Duration]
  /// Text a non-streaming reply held before the provider failed, kept so the caller can
  /// show it (OpenRouter.docc/Requests.md, Whole replies).
  public var partialContent: String?

  public init(
    category: Category, status: Int? = nil, code: IntOrString? = nil, message: String,
    providerName: String? = nil, errorType: String? = nil, providerCode: String? = nil,
    metadata: JSONValue? = nil, rawBody: String? = nil, retryAfter: Duration? = nil,
    availabilityRetryable: Bool? = nil, isInBand: Bool = false, afterContent: Bool = false
  ) {
    self.category = category
    self.status = status
    self.code = code
    self.message = message
    self.providerName = providerName
    self.errorType = errorType
    self.providerCode = providerCode
    self.metadata = metadata
    self.rawBody = rawBody
    self.retryAfter = retryAfter
    self.availabilityRetryable = availabilityRetryable
    self.isInBand = isInBand
    self.afterContent = afterContent
    self.attempts = 1
    self.retryWaits = []
    self.partialContent = nil
  }

  // MARK: - Constructors

  public static func cancelled() -> OpenRouterError {
    OpenRouterError(category: .cancelled, message: "cancelled")
  }

  /// The configured key cannot be sent: it has a control character or a space. Its text
  /// says so without printing the key.
  public static func invalidKey() -> OpenRouterError {
    OpenRouterError(
      category: .auth,
      message: "The API key contains a control character or space; set it again without them",
      errorType: invalidKeyType)
  }

  static let invalidKeyType = "invalid_key"

  static func interrupted(afterContent: Bool) -> OpenRouterError {
    OpenRouterError(
      category: .interrupted,
      message: "the stream ended without a finish reason or [DONE]",
      isInBand: true, afterContent: afterContent)
  }

  static func idleTimeout(_ limit: Duration, afterContent: Bool) -> OpenRouterError {
    OpenRouterError(
      category: .timeout, message: "no data for \(Self.seconds(limit)) s",
      errorType: "idle_timeout", isInBand: true, afterContent: afterContent)
  }

  static func network(_ reason: String, host: String?) -> OpenRouterError {
    var error = OpenRouterError(category: .network, message: reason)
    error.providerName = nil
    error.rawBody = host
    return error
  }

  static func decoding(
    _ reason: String, body: String? = nil, errorType: String? = nil, afterContent: Bool = false
  ) -> OpenRouterError {
    OpenRouterError(
      category: .decoding, message: reason, errorType: errorType,
      rawBody: body.map { String($0.prefix(500)) }, afterContent: afterContent)
  }

  /// `error_type` of a response, line, event or reply over the client's limit.
  static let tooLargeType = "too_large"

  /// `32 MiB`, `4 KiB`, `1000 bytes`.
  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  /// A reply whose finish reason is `error` but that carries no `error` object: a failure
  /// of the provider all the same (OpenRouter.docc/Streaming.md, Finish reasons).
  static func finishedWithError(native: String?, provider: String?, afterContent: Bool)
    -> OpenRouterError
  {
    let reason =
      native.map { "the provider stopped the reply with \($0)" }
      ?? "the provider stopped the reply with an error"
    return OpenRouterError(
      category: .upstream, message: reason, providerName: provider, isInBand: true,
      afterContent: afterContent)
  }

  // MARK: - Retry classification

  /// Whether the retry policy may try the same request again
  /// (OpenRouter.docc/Errors.md, Retry policy): only before any content, never for 400, 401,
  /// 402, 403, 404, 413, 422, cancellation or an idle timeout (the user already waited).
  public var isTransient: Bool {
    if afterContent { return false }
    if let availabilityRetryable { return availabilityRetryable }
    switch category {
    case .network: return true
    case .cancelled, .interrupted, .decoding: return false
    case .timeout: return errorType != "idle_timeout"
    default: break
    }
    let number = status ?? code?.intValue
    guard let number else {
      switch category {
      case .upstream, .rateLimited: return true
      default: return false
      }
    }
    return [408, 429].contains(number) || number >= 500
  }

  /// `40`, `1.5`: whole seconds exactly, others to a tenth. Never traps, whatever the size.
  static func seconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    if attoseconds == 0 { return String(seconds) }
    let value = Double(seconds) + Double(attoseconds) / 1e18
    return String(format: "%.1f", value)
  }
}

extension OpenRouterError: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { userMessage }

  public var debugDescription: String {
    var parts = ["OpenRouterError(\(category)"]
    if let status { parts.append("status: \(status)") }
    if let code { parts.append("code: \(code)") }
    parts.append("message: \(message)")
    if let providerName { parts.append("provider: \(providerName)") }
    if let errorType { parts.append("type: \(errorType)") }
    if attempts > 1 { parts.append("attempts: \(attempts)") }
    if let rawBody { parts.append("body: \(rawBody.prefix(200))") }
    return parts.joined(separator: ", ") + ")"
  }
}
