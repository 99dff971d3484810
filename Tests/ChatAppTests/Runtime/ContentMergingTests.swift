import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TerminalBackend
import TestSupport
import Testing

@testable import ChatApp

/// Issue 16: a burst of tokens that arrived between two turns of the loop is laid out once.
@Suite struct ContentMergingTests {
  let t0 = Date(timeIntervalSince1970: 1_764_000_000)

  /// The layouts compared measure glyph widths, which depends on the process's locale.
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func runsOfContentOfOneRequestBecomeOneBurstInOrder() {
    let actions: [Action] = [
      .conversation(1, .content("Hel"), at: t0),
      .conversation(1, .content("lo"), at: t0 + 1),
      .conversation(1, .content(" wo"), at: t0 + 2),
      .conversation(1, .usage(TokenUsage(promptTokens: 1, completionTokens: 3)), at: t0 + 3),
      .conversation(1, .content("rld"), at: t0 + 4),
      .conversation(2, .content("!"), at: t0 + 5),
    ]
    let merged = Runtime<ScriptedTerminal>.mergingContent(actions)
    #expect(merged.count == 4)
    guard case .contentBurst(1, let text, let pieces, let time) = merged[0] else {
      Issue.record("not a burst: \(merged[0])")
      return
    }
    #expect(text == "Hello wo" && pieces == 3 && time == t0 + 2)
    guard case .conversation(1, .usage, _) = merged[1],
      case .conversation(1, .content("rld"), _) = merged[2],
      case .conversation(2, .content("!"), _) = merged[3]
    else {
      Issue.record("order or content changed: \(merged)")
      return
    }
  }

  @Test func aBurstDoesToTheStateWhatItsPiecesDo() {
    func started() -> AppState {
      var state = AppState(
        size: TerminalSize(columns: 100, rows: 30), agents: Agent.builtIns, agentName: "assistant",
        hasAPIKey: true, now: t0)
      for character in "hi" { _ = AppReducer.reduce(&state, .key(.character(character))) }
      _ = AppReducer.reduce(&state, .key(KeyEvent(.enter)))
      let session = Session(id: "s", title: "t", agent: "assistant", createdAt: t0, updatedAt: t0)
      let user = Message(
        id: "u", sessionID: "s", position: 0, role: .user, content: "hi", createdAt: t0)
      let reply = Message(
        id: "r", sessionID: "s", position: 1, role: .assistant, content: "", status: .streaming,
        createdAt: t0)
      _ = AppReducer.reduce(
        &state,
        .conversation(1, .started(session: session, userMessage: user, reply: reply), at: t0))
      return state
    }
    var oneByOne = started()
    for (index, piece) in ["The **qu", "ick** br", "own fox\n", "```swift\nlet"].enumerated() {
      _ = AppReducer.reduce(&oneByOne, .conversation(1, .content(piece), at: t0 + Double(index)))
    }
    var burst = started()
    _ = AppReducer.reduce(
      &burst,
      .contentBurst(1, text: "The **quick** brown fox\n```swift\nlet", pieces: 4, at: t0 + 3))
    #expect(
      burst.transcript.items.map(\.message.content)
        == oneByOne.transcript.items.map(\.message.content))
    #expect(
      AppView.render(burst).grid.rowTexts == AppView.render(oneByOne).grid.rowTexts)
    guard case .streaming(let a) = burst.completion, case .streaming(let b) = oneByOne.completion
    else {
      Issue.record("not streaming")
      return
    }
    #expect(a.deltas == b.deltas && a.lastDeltaAt == b.lastDeltaAt)
  }
}
