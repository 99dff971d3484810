import ChatCore
import ChatDomain
import Foundation
import TestSupport

@testable import ChatUI

/// A state like the app's first one: the built-in agents, a key, UTC, at a fixed time.
/// The locale is pinned first: the reducer lays text out, and glyph widths depend on it.
func makeState(columns: Int = 120, rows: Int = 40, hasAPIKey: Bool = true) -> AppState {
  precondition(TestLocale.pinUTF8(), "cannot pin LC_CTYPE to C.UTF-8")
  let state = AppState(
    size: TerminalSize(columns: columns, rows: rows), agents: Agent.builtIns,
    agentName: "assistant",
    hasAPIKey: hasAPIKey,
    now: referenceDate, zone: .utc)
  return state
}

let referenceDate = Date(timeIntervalSince1970: 1_764_000_000)

/// Applies actions in order; returns every effect.
@discardableResult
func apply(_ state: inout AppState, _ actions: Action...) -> [Effect] {
  actions.flatMap { AppReducer.reduce(&state, $0) }
}

/// Types text into the focused input, key by key.
@discardableResult
func type(_ text: String, into state: inout AppState) -> [Effect] {
  text.flatMap { AppReducer.reduce(&state, .key(.character($0))) }
}

let enter = Action.key(KeyEvent(.enter))
let escape = Action.key(KeyEvent(.escape))

func message(
  _ id: String, _ role: MessageRole, _ content: String, position: Int, session: String = "s1",
  agent: String? = "assistant", model: String? = "openai/gpt-5-mini",
  status: MessageStatus = .complete,
  createdAt: Date = referenceDate
) -> Message {
  Message(
    id: id, sessionID: session, position: position, role: role, content: content, agent: agent,
    model: model, status: status, createdAt: createdAt)
}

func session(_ id: String = "s1", title: String = "A session") -> Session {
  Session(
    id: id, title: title, agent: "assistant", createdAt: referenceDate, updatedAt: referenceDate)
}

/// Starts a reply the way the engine does: the request, then `started` with the saved
/// messages.
func startReply(
  _ state: inout AppState, prompt: String = "hello", replyID: String = "r1", position: Int = 0
)
  -> RequestID
{
  type(prompt, into: &state)
  let effects = apply(&state, enter)
  guard case .send(let id, _, _, _, _, _, _)? = effects.first else { return -1 }
  let user = message("u-\(replyID)", .user, prompt, position: position)
  let reply = message(replyID, .assistant, "", position: position + 1, status: .streaming)
  apply(
    &state,
    .conversation(
      id, .started(session: session(), userMessage: user, reply: reply), at: referenceDate))
  return id
}

extension TranscriptState {
  /// The text of the visible rows (headers as "·header·").
  var visibleText: [String] {
    visibleRows().map { row in
      switch row.line {
      case .body(let line), .reasoning(let line): line.plainText
      case .header: "·header·"
      case .divider(let text): "── \(text)"
      case .notice(let text): text
      case .reasoningToggle: "·thinking·"
      case .attachment(let number): "·attachment \(number)·"
      case .usageDetails(let text): text
      case .sourcesHeading: "Sources"
      case .source(let index):
        items[row.item].sources[index].label + items[row.item].sources[index].linkText
      case .sourceURL(let index): "    " + items[row.item].sources[index].url
      case .blank: ""
      }
    }
  }
}
