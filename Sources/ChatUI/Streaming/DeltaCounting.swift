import Foundation

/// A reply whose text deltas are counted as they arrive, for the rate its header shows: the
/// transcript's streaming reply and each column of a compare.
public protocol DeltaCounting {
  /// Text deltas received (each is usually one token).
  var deltas: Int { get set }
  var firstTextAt: Date? { get set }
  var lastDeltaAt: Date? { get set }
}

extension DeltaCounting {
  /// Deltas per second since the first text arrived.
  public var tokensPerSecond: Double? {
    guard let first = firstTextAt, let last = lastDeltaAt, deltas > 1 else { return nil }
    let seconds = last.timeIntervalSince(first)
    return seconds > 0 ? Double(deltas - 1) / seconds : nil
  }

  /// Counts `count` deltas that arrived at `time`.
  mutating func countDeltas(_ count: Int, at time: Date) {
    deltas += count
    if firstTextAt == nil { firstTextAt = time }
    lastDeltaAt = time
  }
}

/// Lines of the previous page kept at the top after a page turn, in a view `height` rows
/// tall, for reading on (the transcript and a compare's columns turn pages alike).
func pageTurnContext(height: Int) -> Int { min(3, height / 4) }
