import ChatDomain
import Synchronization

/// The text of a reply as it arrives, shared by the task reading the stream (which appends)
/// and the task saving checkpoints (which takes what is new since the last save).
///
/// Invariants: `revision` counts appends; `savedRevision` ≤ `revision` is the revision of
/// the last successful checkpoint. Appending is O(piece); taking a snapshot shares the
/// string's storage (copy-on-write), so the reader never waits on the database.
final class ReplyBuffer: Sendable {
  struct Snapshot: Sendable {
    var content: String
    var reasoning: String
    var revision: Int
  }

  private struct State {
    var content = ""
    var reasoning = ""
    var revision = 0
    var savedRevision = 0
  }

  private let state = Mutex(State())

  func append(content piece: String) {
    state.withLock {
      $0.content += piece
      $0.revision += 1
    }
  }

  func append(reasoning piece: String) {
    state.withLock {
      $0.reasoning += piece
      $0.revision += 1
    }
  }

  /// Everything so far.
  var snapshot: Snapshot {
    state.withLock { Snapshot(content: $0.content, reasoning: $0.reasoning, revision: $0.revision) }
  }

  /// Everything so far, or `nil` when nothing arrived since the last saved checkpoint.
  func unsavedSnapshot() -> Snapshot? {
    state.withLock {
      guard $0.revision > $0.savedRevision else { return nil }
      return Snapshot(content: $0.content, reasoning: $0.reasoning, revision: $0.revision)
    }
  }

  func markSaved(_ revision: Int) {
    state.withLock { $0.savedRevision = max($0.savedRevision, revision) }
  }
}
