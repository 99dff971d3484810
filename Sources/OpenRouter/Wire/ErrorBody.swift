/// The `error` object of an OpenRouter error envelope (OpenRouter.docc/Errors.md, Envelope).
///
/// Every field is optional: availability errors come without `code`, gateway errors with
/// nothing but a message.
public struct ErrorBody: Sendable, Hashable, Codable {
  public var code: IntOrString?
  public var message: String?
  public var metadata: JSONValue?
  /// Present on availability errors, which carry these inside `error`
  /// (OpenRouter.docc/Errors.md, Availability errors).
  public var errorType: String?
  public var httpStatus: Int?
  public var availability: Availability?

  public struct Availability: Sendable, Hashable, Codable {
    public var code: String?
    public var retryable: Bool?
    /// Seconds.
    public var retryAfter: Double?
    public var fallbackModels: [String]?

    enum CodingKeys: String, CodingKey {
      case code, retryable
      case retryAfter = "retry_after"
      case fallbackModels = "fallback_models"
    }
  }

  public init(code: IntOrString? = nil, message: String? = nil, metadata: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.metadata = metadata
  }

  enum CodingKeys: String, CodingKey {
    case code, message, metadata
    case errorType = "error_type"
    case httpStatus = "http_status"
    case availability
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    code = try? c.decodeIfPresent(IntOrString.self, forKey: .code)
    message = try? c.decodeIfPresent(String.self, forKey: .message)
    metadata = try? c.decodeIfPresent(JSONValue.self, forKey: .metadata)
    errorType = try? c.decodeIfPresent(String.self, forKey: .errorType)
    httpStatus = try? c.decodeIfPresent(Int.self, forKey: .httpStatus)
    availability = try? c.decodeIfPresent(Availability.self, forKey: .availability)
  }
}

/// `{"error": {...}, "user_id": "..."}`.
struct ErrorEnvelope: Decodable {
  var error: ErrorBody
}
