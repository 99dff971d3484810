import Foundation

extension OpenRouterError {
  /// Builds the error for a non-2xx response, or a 2xx body that holds only an error.
  ///
  /// Handles the JSON envelope (code as number or string, `metadata.raw` that is itself JSON,
  /// availability errors without `code`) and bodies that are not JSON at all (an HTML 502 page
  /// from an edge proxy).
  static func fromHTTP(
    status: Int, headers: [(String, String)], body: [UInt8], now: Date = Date()
  ) -> OpenRouterError {
    let bodyText = String(decoding: body.prefix(4096), as: UTF8.self)
    guard let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(body)) else {
      let summary = summarize(nonJSON: bodyText)
      var error = OpenRouterError(
        category: category(status: status, errorType: nil),
        status: status,
        message: summary.isEmpty ? HTTPStatusText.reason(for: status) : summary,
        rawBody: String(bodyText.prefix(500)))
      error.retryAfter = RetryAfter.delay(headers: headers, body: nil, now: now)
      error.category = error.categoryWithHint
      return error
    }
    var error = from(envelope.error, status: status, isInBand: false, afterContent: false)
    error.rawBody = String(bodyText.prefix(500))
    error.retryAfter = RetryAfter.delay(headers: headers, body: envelope.error, now: now)
    error.category = error.categoryWithHint
    return error
  }

  /// Builds the error for an `error` object: from an envelope, a stream chunk or a choice.
  static func from(
    _ body: ErrorBody, status: Int?, isInBand: Bool, afterContent: Bool
  ) -> OpenRouterError {
    let metadata = body.metadata
    let errorType = metadata?["error_type"]?.stringValue ?? body.errorType
    let number = status ?? body.code?.intValue ?? body.httpStatus
    var error = OpenRouterError(
      category: category(status: number, errorType: errorType),
      status: status,
      code: body.code ?? body.httpStatus.map(IntOrString.int),
      message: bestMessage(body),
      providerName: metadata?["provider_name"]?.stringValue,
      errorType: errorType,
      providerCode: metadata?["provider_code"].flatMap(providerCode),
      metadata: metadata,
      availabilityRetryable: body.availability?.retryable,
      isInBand: isInBand,
      afterContent: afterContent)
    if isInBand { error.retryAfter = RetryAfter.delay(headers: [], body: body, now: Date()) }
    error.category = error.refinedCategory(availabilityCode: body.availability?.code)
    error.category = error.categoryWithHint
    return error
  }

  /// The category the status suggests, corrected by what the metadata says
  /// (OpenRouter.docc/Errors.md, What the user is told): a 403 is moderation only with
  /// moderation's marks (`reasons`, `flagged_input`, a flagged message); a region
  /// restriction is "not available here"; any other refusal by a provider is a rejected
  /// request.
  private func refinedCategory(availabilityCode: String?) -> Category {
    let number = status ?? code?.intValue
    let flagged = isFlaggedByModeration
    if availabilityCode == "region_restricted"
      || (!flagged && mentionsRegion && (number == 403 || number == 451 || category == .moderation))
    {
      return .notFound
    }
    guard category == .moderation, errorType != "content_policy_violation", !flagged else {
      return category
    }
    let fromProvider = !(providerName ?? "").isEmpty || metadata?["raw"] != nil
    return fromProvider ? .badRequest : .moderation
  }

  /// `provider_code` as text: a string as sent, a whole number by its digits, any other
  /// number (`1e300`, `1.5`) by its shortest spelling; never converted to `Int` blindly.
  static func providerCode(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return text
    case .number(let number): return Int(exactly: number).map(String.init) ?? String(number)
    default: return nil
    }
  }

  /// `rateLimited` carries the server's hint.
  private var categoryWithHint: Category {
    if case .rateLimited = category { return .rateLimited(retryAfter: retryAfter) }
    return category
  }

  static func category(status: Int?, errorType: String?) -> Category {
    switch errorType {
    case "authentication": return .auth
    case "payment_required": return .credits
    case "permission_denied", "content_policy_violation": return .moderation
    case "rate_limit_exceeded": return .rateLimited(retryAfter: nil)
    case "provider_overloaded", "provider_unavailable", "server", "unmapped": return .upstream
    case "timeout": return .timeout
    case "not_found", "image_not_found": return .notFound
    case .some: if status == nil { return .badRequest }
    case nil: break
    }
    switch status {
    case 401: return .auth
    case 402: return .credits
    case 403: return .moderation
    case 404: return .notFound
    case 408, 504, 524: return .timeout
    case 429: return .rateLimited(retryAfter: nil)
    case let value? where value >= 500: return .upstream
    case let value? where value >= 400: return .badRequest
    default: return .upstream
    }
  }

  /// `error.message`, improved by the provider's own message from `metadata.raw` (often a
  /// JSON document inside a string) and by moderation reasons.
  static func bestMessage(_ body: ErrorBody) -> String {
    var message = body.message ?? ""
    if let raw = body.metadata?["raw"]?.stringValue, !raw.isEmpty {
      if let data = raw.data(using: .utf8),
        let parsed = try? JSONDecoder().decode(JSONValue.self, from: data),
        let inner = parsed["error"]?["message"]?.stringValue ?? parsed["message"]?.stringValue
          ?? parsed["detail"]?.stringValue ?? parsed["error"]?.stringValue
      {
        message = inner
      } else if message.isEmpty || message == "Provider returned error" {
        message = raw
      }
    }
    if case .array(let reasons)? = body.metadata?["reasons"] {
      let list = reasons.compactMap(\.stringValue).joined(separator: ", ")
      if !list.isEmpty { message += " (flagged: \(list))" }
    }
    return message.isEmpty ? "no message" : message
  }

  /// The readable part of a non-JSON body: an HTML page's `<title>`, else its text.
  static func summarize(nonJSON text: String) -> String {
    if let start = text.range(of: "<title>", options: .caseInsensitive),
      let end = text.range(
        of: "</title>", options: .caseInsensitive, range: start.upperBound..<text.endIndex)
    {
      return oneLine(String(text[start.upperBound..<end.lowerBound]), limit: 200)
    }
    var stripped = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
        stripped.append(" ")
        continue
      }
      if character == ">" {
        inTag = false
        continue
      }
      if !inTag { stripped.append(character) }
    }
    return oneLine(stripped, limit: 200)
  }
}

/// Reason phrases for the statuses the client can meet.
enum HTTPStatusText {
  static func reason(for status: Int) -> String {
    switch status {
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 402: return "Payment Required"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 408: return "Request Timeout"
    case 413: return "Payload Too Large"
    case 422: return "Unprocessable Content"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return "HTTP \(status)"
    }
  }
}
