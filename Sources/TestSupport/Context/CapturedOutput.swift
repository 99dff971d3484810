import ChatCore
import Synchronization

/// A `TextOutput` that keeps what is written, for commands run in-process; `isTerminal`
/// says what the command should believe it writes to.
public final class CapturedOutput: TextOutput {
  private let buffer = Mutex("")
  public let isTerminal: Bool

  public init(isTerminal: Bool = false) {
    self.isTerminal = isTerminal
  }

  public func write(_ text: String) {
    buffer.withLock { $0 += text }
  }

  /// Everything written so far.
  public var text: String { buffer.withLock { $0 } }
}
