/// When a streaming reply's text is saved: at every beat, until the reply ends.
///
/// Live, a beat is a sleep of the checkpoint interval; tests give a pace they step by hand,
/// so they can say "save now" and know when the save is done, without waiting on a clock.
struct CheckpointPace: Sendable {
  /// Waits for the next beat; `false` when the reply has ended (the task was cancelled).
  let next: @Sendable () async -> Bool

  static func every(_ interval: Duration) -> CheckpointPace {
    CheckpointPace { (try? await Task.sleep(for: interval)) != nil }
  }
}
