import Foundation

extension OpenRouterError {
  /// One line for the user: what went wrong, and what to do about it. Anything shaped like
  /// a key is redacted, whatever the error's origin (OpenRouter.docc/Errors.md, The key).
  public var userMessage: String {
    Self.redactingSecrets(composedMessage)
  }

  private var composedMessage: String {
    let detail = Self.oneLine(detailText, limit: 200)
    let cause = detail.isEmpty ? label : "\(label): \(detail)"
    switch category {
    case .auth:
      if errorType == Self.invalidKeyType, status == nil { return message }
      return "API key rejected (\(cause)); set a valid key in OPENROUTER_API_KEY"
    case .credits:
      return "Out of credits (\(cause)); add credits at https://openrouter.ai/credits"
        + " or lower the max tokens"
    case .rateLimited(let retryAfter):
      let wait = retryAfter.map { "wait \(Self.seconds($0)) s" } ?? "wait a moment"
      let tries = attempts > 1 ? " after \(attempts) attempts" : ""
      return "Rate limited\(tries) (\(cause)); \(wait) and try again, or pick another model"
    case .moderation:
      return "Blocked by moderation (\(cause)); edit the message or pick another model"
    case .badRequest:
      if errorType == "context_length_exceeded" {
        return "Request rejected (\(cause)); shorten the conversation"
          + " or pick a model with a larger context"
      }
      return "Request rejected (\(cause)); check the model id and the options"
    case .notFound:
      return "Model or endpoint not available (\(cause)); check the model id with `orchat models`"
    case .timeout:
      if errorType == "idle_timeout" {
        return "No data from OpenRouter (\(detail)); the partial reply was kept, try again"
      }
      return "Request timed out (\(cause)); try again"
    case .upstream:
      let tries = attempts > 1 ? " after \(attempts) attempts" : ""
      return "The model provider failed\(tries) (\(cause)); try again or pick another model"
    case .network:
      let host = rawBody.map { " at \($0)" } ?? ""
      return "Cannot reach OpenRouter\(host) (\(detail)); check the network and the base URL"
    case .decoding:
      return "OpenRouter sent a reply orchat cannot read (\(detail))"
    case .interrupted:
      return afterContent
        ? "The reply stopped before it was complete; the partial reply was kept"
        : "The connection closed before a reply arrived; try again"
    case .cancelled:
      return "Cancelled"
    }
  }

  /// `HTTP 402`, `error 502` (in-band), or the category name.
  private var label: String {
    if let status { return "HTTP \(status)" }
    if let code { return "error \(code)" }
    return "no status"
  }

  private var detailText: String {
    if let providerName, !providerName.isEmpty { return "[\(providerName)] \(message)" }
    return message
  }

  /// Collapses whitespace and control characters into single spaces and shortens the text,
  /// so a server message can never break the one-line contract or reach a terminal raw.
  public static func oneLine(_ text: String, limit: Int) -> String {
    var result = ""
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      let isControl =
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
      if isControl || scalar.properties.isWhitespace {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
      } else {
        result.unicodeScalars.append(scalar)
        lastWasSpace = false
      }
    }
    while result.hasSuffix(" ") { result.removeLast() }
    if result.count > limit { result = String(result.prefix(limit - 1)) + "…" }
    return result
  }
}
