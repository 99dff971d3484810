/// One dispatched Server-Sent Event.
public struct SSEEvent: Sendable, Hashable {
  /// The `event:` field, or `message` when the event named none.
  public var type: String
  /// The `data:` lines joined with `\n`.
  public var data: String
  /// The last event ID seen so far in the stream (it persists across events).
  public var lastEventID: String

  public init(type: String = "message", data: String, lastEventID: String = "") {
    self.type = type
    self.data = data
    self.lastEventID = lastEventID
  }
}
