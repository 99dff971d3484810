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

  /// Says whether the loop's next wait has a deadline within a frame, after which it drains
  /// the queue whatever arrives: then posts need not wake it. Set before every wait, so a
  /// post racing with it either sees `false` and wakes the loop, or lands before the drain.
  func setWillDrainSoon(_ value: Bool) {
    state.withLock { $0.willDrainSoon = value }
  }
}
