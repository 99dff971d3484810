/// Settings of an `OpenRouterClient`.
public struct OpenRouterConfiguration: Sendable {
  public static let defaultBaseURL = "https://openrouter.ai/api/v1"

  /// Sent as `Authorization: Bearer …`; never logged or shown.
  public var apiKey: String
  public var baseURL: String
  /// App identity: `HTTP-Referer`.
  public var appURL: String
  /// App identity: `X-Title` (and its newer spelling `X-OpenRouter-Title`).
  public var appTitle: String
  /// Sent as `User-Agent` (`orchat/0.1.0`).
  public var userAgent: String
  /// No bytes for this long while a stream is open (keep-alive comments count) throws a
  /// `timeout` error.
  public var idleTimeout: Duration
  /// Deadline of a non-streaming request, body included.
  public var requestTimeout: Duration
  public var retry: RetryPolicy
  /// The most bytes the client holds of one thing a server sends: a stream line, a stream
  /// event, the text of a streamed reply, or a whole body (a reply, an error, the catalog).
  /// Past it the request fails with a `decoding` error (OpenRouter.docc/EdgeCases.md,
  /// cases 61–63). Room for a generated image of several megabytes.
  public var maxBufferedBytes: Int = 32 << 20
  /// After a finish reason, this long without a byte ends the stream as complete, for a
  /// server that neither sends usage nor `[DONE]` nor closes the connection
  /// (OpenRouter.docc/Streaming.md, Completion).
  public var finishGrace: Duration = .seconds(5)

  public init(
    apiKey: String, baseURL: String = Self.defaultBaseURL,
    appURL: String = "https://github.com/orchat/orchat", appTitle: String = "orchat",
    userAgent: String = "orchat", idleTimeout: Duration = .seconds(180),
    requestTimeout: Duration = .seconds(600),
    retry: RetryPolicy = RetryPolicy()
  ) {
    self.apiKey = apiKey
    self.baseURL = baseURL
    self.appURL = appURL
    self.appTitle = appTitle
    self.userAgent = userAgent
    self.idleTimeout = idleTimeout
    self.requestTimeout = requestTimeout
    self.retry = retry
  }

  /// Whether `key` can be sent in a header as it is: no control character (C0, DEL, C1),
  /// no whitespace of any kind and no invisible formatting character (zero-width space,
  /// BOM, bidi marks). An empty key is well-formed (`GET /models` needs none).
  public static func isWellFormedKey(_ key: String) -> Bool {
    key.unicodeScalars.allSatisfy { scalar in
      switch scalar.properties.generalCategory {
      case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
        return false
      default:
        return !scalar.properties.isWhitespace
      }
    }
  }

  /// `baseURL` joined with a path such as `/chat/completions`.
  func url(_ path: String) -> String {
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    return base + path
  }
}
