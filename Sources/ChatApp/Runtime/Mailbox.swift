import ChatDomain
import ChatUI
import Synchronization
import TerminalBackend

/// Where effect tasks post their actions for the run loop: a locked queue plus a wake-up of
/// the loop's `poll`.
///
/// Posting is safe from any thread and never blocks for long; the loop drains the queue in
/// arrival order. A post wakes the loop only when it would otherwise not look: the queue was
/// empty, and the loop has not said it will drain it anyway within a frame (`willDrainSoon`,
/// set while a reply streams). At a model's pace that is one wake-up per frame, not one per
/// token.
final class Mailbox: Sendable {
  private struct State {
    var queue: [Action] = []
    var willDrainSoon = false
  }

  private let state = Mutex(State())
  private let wake: WakeSignal?

  init(wake: WakeSignal?) {
    self.wake = wake
  }

  func post(_ action: Action) {
    let wakes = state.withLock { state in
      defer { state.queue.append(action) }
      return state.queue.isEmpty && !state.willDrainSoon
    }
    if wakes { wake?.signal() }
  }

  /// Everything posted since the last drain, oldest first.
  func drain() -> [Action] {
    state.withLock { state in
      defer { state.queue.removeAll(keepingCapacity: true) }
      return state.queue
    }
  }

  /// Says, before every wait, whether that wait ends within a frame, after which the loop
  /// drains the queue whatever arrives: then posts need not wake it. Returns whether actions
  /// are already waiting that no wake-up announced (posted while the previous wait was to end
  /// soon): a loop about to wait longer must not wait at all, or they would sit unseen.
  func prepareToWait(drainsSoon: Bool) -> Bool {
    state.withLock { state in
      state.willDrainSoon = drainsSoon
      return !state.queue.isEmpty
    }
  }
}
