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

  func post(_ action: Action) {
    queue.withLock { $0.append(action) }
    wake?.signal()
  }

  /// Everything posted since the last drain, oldest first.
  func drain() -> [Action] {
    queue.withLock { actions in
      defer { actions.removeAll(keepingCapacity: true) }
      return actions
    }
  }
}
