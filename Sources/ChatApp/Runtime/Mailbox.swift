import ChatDomain
import ChatUI
import Synchronization
import TerminalBackend

/// Where effect tasks post their actions for the run loop: a locked queue plus a wake-up of
/// the loop's `poll`.
///
/// Posting is safe from any thread and never blocks for long; the loop drains the queue in
/// arrival order.
final class Mailbox: Sendable {
  private let queue = Mutex<[Action]>([])
  private let wake: WakeSignal?

  init(wake: WakeSignal?) {
    self.wake = wake
  }

  /// Wakes the loop only when the queue was empty: a burst of tokens arriving while the loop
  /// is busy costs one wake-up, not one each (the loop drains everything at once).
  func post(_ action: Action) {
    let wasEmpty = queue.withLock { queue in
      defer { queue.append(action) }
      return queue.isEmpty
    }
    if wasEmpty { wake?.signal() }
  }

  /// Everything posted since the last drain, oldest first.
  func drain() -> [Action] {
    queue.withLock { actions in
      defer { actions.removeAll(keepingCapacity: true) }
      return actions
    }
  }
}
