import Foundation

/// One calm line above the status line: what just happened, or what went wrong and what to do.
public struct Banner: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case info
    case warning
    case error
  }

  public var text: String
  public var kind: Kind
  /// For "retrying in N s": the moment the retry happens, counted down on every tick.
  public var countdownTo: Date?
  /// Info banners go away by themselves at this moment.
  public var expiresAt: Date?

  public init(_ text: String, kind: Kind, countdownTo: Date? = nil, expiresAt: Date? = nil) {
    self.text = text
    self.kind = kind
    self.countdownTo = countdownTo
    self.expiresAt = expiresAt
  }

  /// The text with the countdown filled in at `now`.
  public func text(at now: Date) -> String {
    guard let countdownTo else { return text }
    let seconds = max(0, Int(countdownTo.timeIntervalSince(now).rounded(.up)))
    return text.replacingOccurrences(of: "{countdown}", with: "\(seconds) s")
  }
}
