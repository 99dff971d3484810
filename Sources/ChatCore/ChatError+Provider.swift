import ChatDomain
import OpenRouter

extension ChatError {
  /// Any failure in `ChatCore`'s terms: itself when it already is one, the client's failure
  /// with its category, anything else (which should not reach here) as a one-line `storage`
  /// problem.
  public init(_ error: any Error) {
    switch error {
    case let error as ChatError: self = error
    case let error as OpenRouterError: self.init(provider: error)
    case is CancellationError: self.init(.cancelled, "cancelled")
    default:
      let text = OpenRouterError.redactingSecrets(String(describing: error))
      self.init(.storage, OpenRouterError.oneLine(text, limit: 200))
    }
  }

  /// The client's failure in `ChatCore`'s terms, with the client's one-line message (which
  /// already says what to do, and never holds the key: the client redacts it).
  init(provider error: OpenRouterError) {
    if error.category == .cancelled {
      self.init(.cancelled, "cancelled")
    } else {
      self.init(.provider(ProviderFailure(error.category)), error.userMessage)
    }
  }
}

extension ChatError.ProviderFailure {
  init(_ category: OpenRouterError.Category) {
    switch category {
    case .auth: self = .auth
    case .credits: self = .credits
    case .rateLimited: self = .rateLimited
    case .moderation: self = .moderation
    case .badRequest: self = .badRequest
    case .notFound: self = .notFound
    case .timeout: self = .timeout
    case .upstream: self = .upstream
    case .network: self = .network
    case .decoding: self = .decoding
    case .interrupted, .cancelled: self = .interrupted
    }
  }
}
