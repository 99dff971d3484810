import Foundation

/// Every failure of `ChatCore`: configuration and agent files, the session store and the
/// files next to it, lookups, imports, and the model provider as the conversation engine
/// saw it.
///
/// Users see `userMessage` (one line, saying what went wrong where and what to do); logs see
/// `debugDescription`.
public struct ChatError: Error, Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `config.toml` is unreadable, malformed or unsafe.
    case configuration
    /// An agent file is malformed; the other agents still load.
    case agent
    /// The database or a data file could not be read or written (permissions, full disk).
    case storage
    /// A session, message, agent or model does not exist.
    case notFound
    /// Something the user typed is not valid (an ambiguous id, a bad date, a bad title).
    case invalidInput
    /// An export file that cannot be imported; nothing was written.
    case invalidImport
    /// The model provider failed; the partial reply is saved with status `error`.
    case provider(ProviderFailure)
    /// The exchange was cancelled; the partial reply is saved with status `cancelled`.
    case cancelled
  }

  /// What the provider failure means for the user; mirrors the client's categories so the UI
  /// can react (e.g. offer another model) without seeing wire types.
  public enum ProviderFailure: String, Sendable, Hashable {
    case auth, credits, moderation, timeout, upstream, network, decoding, interrupted
    case rateLimited = "rate_limited"
    case badRequest = "bad_request"
    case notFound = "not_found"
  }

  public var kind: Kind
  /// The specific problem, without the location (`must be between 0 and 2`).
  public var message: String
  /// The file the problem is in, when there is one.
  public var file: String?
  /// The 1-based line in `file`, when known.
  public var line: Int?
  /// The key (`temperature`, `provider.sort`) the problem is about, when there is one.
  public var key: String?

  public init(
    _ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, key: String? = nil
  ) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
    self.key = key
  }

  /// One line for the user: `file:line: key: message`, leaving out what is unknown.
  public var userMessage: String {
    var location = ""
    if let file {
      location = file
      if let line { location += ":\(line)" }
      location += ": "
    }
    if let key { location += "\(key): " }
    return location + message
  }
}

extension ChatError: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { userMessage }

  public var debugDescription: String { "ChatError(\(kind), \(userMessage))" }
}

// MARK: - Constructors

extension ChatError {
  public static func notFound(_ message: String) -> ChatError {
    ChatError(.notFound, message)
  }

  public static func invalidInput(_ message: String) -> ChatError {
    ChatError(.invalidInput, message)
  }

  public static func invalidImport(_ message: String, file: String? = nil) -> ChatError {
    ChatError(.invalidImport, message, file: file)
  }

  public static func storage(_ message: String, file: String? = nil) -> ChatError {
    ChatError(.storage, message, file: file)
  }
}
