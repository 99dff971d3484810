import Foundation

extension OpenRouterError {
  /// One line for the user: what went wrong, and what to do about it. The hint comes from
  /// the metadata as well as the category (OpenRouter.docc/Errors.md, What the user is
  /// told); anything shaped like a key is redacted, whatever the error's origin.
  public var userMessage: String {
    Self.redactingSecrets(composedMessage)
  }

  private var composedMessage: String {
    let detail = Self.oneLine(detailText, limit: 200)
    let cause: String
    if let label {
      cause = detail.isEmpty ? label : "\(label): \(detail)"
    } else {
      cause = detail.isEmpty ? "no details" : detail
    }
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
      if isFlaggedByModeration || errorType == "content_policy_violation" {
        return "Blocked by moderation (\(cause)); edit the message or pick another model"
      }
      return "Refused by OpenRouter (\(cause)); check the key's guardrails and permissions,"
        + " or pick another model"
    case .badRequest:
      return badRequestMessage(cause)
    case .notFound:
      if mentionsRegion {
        return "Not available in your region (\(cause)); pick another model or provider"
      }
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

  /// A 400 (or a provider's refusal): the hint depends on when it came and what it names.
  private func badRequestMessage(_ cause: String) -> String {
    if isInBand, afterContent {
      // The request was fine: the reply had started. The model id is not the problem.
      if mentionsTokenLimit {
        return "The reply hit a token limit (\(cause)); the partial reply was kept,"
          + " raise the max tokens or shorten the conversation"
      }
      return "The provider stopped the reply (\(cause)); the partial reply was kept,"
        + " try again or pick another model"
    }
    if mentionsContextLength {
      return "Request rejected (\(cause)); shorten the conversation"
        + " or pick a model with a larger context"
    }
    if mentionsTokenLimit {
      return "Request rejected (\(cause)); raise the max tokens or shorten the conversation"
    }
    if (status ?? code?.intValue) == 403 {
      return "Refused by the provider (\(cause)); pick another model or provider"
    }
    if let providerName, !providerName.isEmpty {
      return "Request rejected by the provider (\(cause)); check the options or pick another model"
    }
    return "Request rejected (\(cause)); check the model id and the options"
  }

  // MARK: - Evidence in the metadata

  /// Moderation's marks: `reasons` or `flagged_input` in the metadata, or a message that
  /// says it was flagged.
  var isFlaggedByModeration: Bool {
    if case .array(let reasons)? = metadata?["reasons"], !reasons.isEmpty { return true }
    if let flagged = metadata?["flagged_input"], flagged != .null { return true }
    let text = message.lowercased()
    return text.contains("moderation") || text.contains("flagged")
  }

  /// A country, region or territory restriction, in the message or the provider's own error.
  var mentionsRegion: Bool {
    evidence(["region", "country", "territor", "location is not supported"])
  }

  var mentionsContextLength: Bool {
    errorType == "context_length_exceeded"
      || evidence(["context length", "context window", "maximum context", "context_length"])
  }

  var mentionsTokenLimit: Bool {
    errorType == "max_tokens_exceeded" || errorType == "token_limit_exceeded"
      || evidence(["token limit", "max_tokens_exceeded", "token_limit"])
  }

  /// Whether the message, the provider's raw error or the error type contains one of
  /// `phrases` (lowercase).
  private func evidence(_ phrases: [String]) -> Bool {
    let texts = [message, metadata?["raw"]?.stringValue ?? "", errorType ?? ""]
      .map { $0.lowercased() }
    return phrases.contains { phrase in texts.contains { $0.contains(phrase) } }
  }

  /// `HTTP 402`, `error 502` (in-band), or `nil` when there is no number.
  private var label: String? {
    if let status { return "HTTP \(status)" }
    if let code { return "error \(Self.oneLine(code.description, limit: 40))" }
    return nil
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
