import ChatDomain
import Foundation
import Testing

@testable import ChatUI

/// What arrives from the clipboard is text only, and what goes to it can never end someone
/// else's bracketed paste.
@Suite struct PasteAndCopyTests {
  @Test func aPasteWithEscapeBytesInsertsTextOnly() {
    var state = makeState()
    let pasted =
      "ls\u{1B}[201~\u{1B}]0;pwned\u{07}\u{9B}2J -la\u{202E}\u{200B}\nnext\u{08}line\u{1B}[A"
    apply(&state, .paste(pasted))
    #expect(state.composer.text == "ls -la\nnextline")
  }

  @Test func aPasteIntoTheModelSearchIsTextOnlyToo() {
    var state = makeState()
    apply(&state, .key(.control("o")))
    apply(&state, .paste("gpt\u{1B}[2J-4o"))
    #expect(state.modelPicker.query.text == "gpt-4o")
  }

  /// By `y` on the selected reply and by `/copy` from the input alike.
  @Test(arguments: ["y", "/copy"])
  func copiedTextNeverHoldsABracketedPasteEnd(_ how: String) {
    var state = makeState()
    let id = startReply(&state)
    let hostile = "echo safe\u{1B}[201~\rrm -rf ~\n\u{9B}201~\u{1B}[200~ end"
    apply(
      &state,
      .requestEnded(
        id, .finished(message("r1", .assistant, hostile, position: 1)), at: referenceDate))
    let effects: [Effect]
    if how == "y" {
      apply(&state, escape)
      effects = apply(&state, .key(.character("y")))
    } else {
      _ = type(how, into: &state)
      effects = apply(&state, enter)
    }
    guard case .copy(let text, _)? = effects.first else {
      Issue.record("no copy: \(effects)")
      return
    }
    #expect(!text.contains("\u{1B}"))
    #expect(!text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x0D })
    #expect(text == "echo safe[201~rm -rf ~\n201~[200~ end")
  }

  @Test func ctrlZSuspendsFromAnywhere() {
    var state = makeState()
    #expect(apply(&state, .key(.control("z"))) == [.suspend])
    apply(&state, .key(.control("o")))
    #expect(state.overlay != nil)
    #expect(apply(&state, .key(.control("z"))) == [.suspend])
    apply(&state, escape)
    apply(&state, .key(.control("x")))
    #expect(apply(&state, .key(.control("z"))) == [.suspend])
    #expect(state.pendingKeys.isEmpty)
  }
}
