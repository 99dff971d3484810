import ChatCore
import ChatDomain
import Synchronization

/// Writes reply text as it arrives, ending with a newline. The output sanitises it when it
/// is a terminal (`TextOutput`). Events arrive from the engine's task, one at a time.
///
/// When the output's reader goes away (`orchat ask … | head -1`), `onOutputClosed` is called
/// once, so the exchange can be cancelled: the connection closes and the provider stops
/// generating.
final class ReplyPrinter: Sendable {
  private struct State {
    var wroteText = false
    var endsWithNewline = false
    var reportedClosed = false
  }

  private let output: any TextOutput
  private let isJSON: Bool
  private let onOutputClosed: @Sendable () -> Void
  private let state = Mutex(State())

  init(output: any TextOutput, isJSON: Bool, onOutputClosed: @escaping @Sendable () -> Void = {}) {
    self.output = output
    self.isJSON = isJSON
    self.onOutputClosed = onOutputClosed
  }

  func handle(_ event: ConversationEvent) {
    guard !isJSON, case .content(let text) = event, !text.isEmpty else { return }
    let closed = state.withLock { state in
      output.write(text)
      state.wroteText = true
      state.endsWithNewline = text.hasSuffix("\n")
      guard output.isClosed, !state.reportedClosed else { return false }
      state.reportedClosed = true
      return true
    }
    if closed { onOutputClosed() }
  }

  /// Ends the text with a newline if it does not end with one.
  func end() {
    state.withLock { state in
      if state.wroteText && !state.endsWithNewline { output.write("\n") }
      state.wroteText = false
    }
  }
}
