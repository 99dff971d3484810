import ChatDomain
import Foundation

/// One HTTP call to the API, as the request log keeps it. Holds what the client reported
/// about the call, never credentials.
public struct RequestLogEntry: Sendable, Hashable {
  public enum Outcome: String, Sendable, Hashable, CaseIterable {
    case ok, error, cancelled
  }

  public var startedAt: Date
  /// The API path called (`/chat/completions`, `/models`).
  public var endpoint: String
  public var sessionID: String?
  public var messageID: String?
  public var agent: String?
  /// The requested model.
  public var model: String?
  /// The model that answered.
  public var servedModel: String?
  /// The provider that served it.
  public var provider: String?
  public var outcome: Outcome
  /// The HTTP status of the last attempt, when there was a response.
  public var httpStatus: Int?
  /// Attempts made, the first included.
  public var attempts: Int
  /// The waits before each retry.
  public var retryWaitsMilliseconds: [Int]
  public var timeToFirstTokenMilliseconds: Int?
  public var durationMilliseconds: Int
  public var usage: TokenUsage?
  public var generationID: String?
  /// The client's error category (`rate_limited`, `network`, …) when the call failed.
  public var errorCategory: String?
  public var errorMessage: String?

  public init(
    startedAt: Date, endpoint: String, sessionID: String? = nil, messageID: String? = nil,
    agent: String? = nil, model: String? = nil, servedModel: String? = nil,
    provider: String? = nil, outcome: Outcome, httpStatus: Int? = nil, attempts: Int = 1,
    retryWaitsMilliseconds: [Int] = [], timeToFirstTokenMilliseconds: Int? = nil,
    durationMilliseconds: Int, usage: TokenUsage? = nil, generationID: String? = nil,
    errorCategory: String? = nil, errorMessage: String? = nil
  ) {
    self.startedAt = startedAt
    self.endpoint = endpoint
    self.sessionID = sessionID
    self.messageID = messageID
    self.agent = agent
    self.model = model
    self.servedModel = servedModel
    self.provider = provider
    self.outcome = outcome
    self.httpStatus = httpStatus
    self.attempts = attempts
    self.retryWaitsMilliseconds = retryWaitsMilliseconds
    self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
    self.durationMilliseconds = durationMilliseconds
    self.usage = usage
    self.generationID = generationID
    self.errorCategory = errorCategory
    self.errorMessage = errorMessage
  }
}
