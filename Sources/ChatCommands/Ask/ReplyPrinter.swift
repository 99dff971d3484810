import ChatDomain
import Formatting
import ChatCore

import Synchronization

/// Writes reply text as it arrives: sanitised on a terminal, unchanged through a pipe, and
/// ending with a newline. Events arrive from the engine's task, one at a time.
final class ReplyPrinter: Sendable {
  private struct State {
    var sanitizer = TextSanitizer()
    var wroteText = false
    var endsWithNewline = false
  }

  private let output: any TextOutput
  private let isJSON: Bool
  private let state = Mutex(State())

  init(output: any TextOutput, isJSON: Bool) {
    self.output = output
    self.isJSON = isJSON
  }

  func handle(_ event: ConversationEvent) {
    guard !isJSON, case .content(let text) = event else { return }
    state.withLock { state in
      let shown = output.isTerminal ? state.sanitizer.feed(text) : text
      guard !shown.isEmpty else { return }
      output.write(shown)
      state.wroteText = true
      state.endsWithNewline = shown.hasSuffix("\n")
    }
  }

  /// Ends the text with a newline if it does not end with one.
  func end() {
    state.withLock { state in
      if state.wroteText && !state.endsWithNewline { output.write("\n") }
      state.wroteText = false
    }
  }
}
