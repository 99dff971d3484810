import ChatDomain
import Foundation

/// Identifies one request to the conversation engine; events of an older request are
/// ignored, so a stopped reply can never write into the transcript.
public typealias RequestID = Int

/// The reply request's life: idle, waiting for the engine to start it, streaming, or
/// stopping. An explicit state machine rather than flags.
public enum CompletionState: Sendable, Hashable {
  case idle
  /// Sent to the engine; `text` is the prompt, given back to the input if starting fails.
  case starting(RequestID, text: String?)
  case streaming(StreamingReply)
  /// Esc was pressed; waiting for the engine to save what arrived. `prompt` is the text of a
  /// request stopped before its reply started, given back to the input if nothing was saved.
  case cancelling(RequestID, replyID: String?, prompt: String? = nil)

  public var requestID: RequestID? {
    switch self {
    case .idle: nil
    case .starting(let id, _): id
    case .streaming(let reply): reply.requestID
    case .cancelling(let id, _, _): id
    }
  }

  public var isBusy: Bool { self != .idle }
}

/// What the screen shows about a reply that is streaming.
public struct StreamingReply: Sendable, Hashable, DeltaCounting {
  public var requestID: RequestID
  public var replyID: String
  public var startedAt: Date
  public var firstTextAt: Date?
  /// Text deltas received (each is usually one token).
  public var deltas = 0
  public var lastDeltaAt: Date?

  public init(requestID: RequestID, replyID: String, startedAt: Date) {
    self.requestID = requestID
    self.replyID = replyID
    self.startedAt = startedAt
  }

  /// The rate the header shows: refreshed on ticks, not on every token, so the figure does
  /// not cost terminal bytes per token.
  public var shownTokensPerSecond: Double?
}
