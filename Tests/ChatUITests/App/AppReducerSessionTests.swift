import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatUI

@Suite struct AppReducerSessionTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  let catalog = ModelCatalog(
    snapshot: CatalogSnapshot(
      fetchedAt: referenceDate, source: "test",
      models: [
        ModelSummary(
          id: "openai/gpt-4o", name: "OpenAI: GPT-4o", contextLength: 128_000, supportsTools: true),
        ModelSummary(id: "openai/gpt-4o-mini", name: "OpenAI: GPT-4o mini", contextLength: 128_000),
        ModelSummary(
          id: "anthropic/claude-sonnet-4.5", name: "Anthropic: Claude Sonnet 4.5",
          contextLength: 1_000_000, supportsReasoning: true),
      ]),
    origin: .bundled)

  @Test func theModelPickerChoosesTheModelForTheNextMessage() {
    var state = makeState()
    apply(&state, .catalogLoaded(catalog), .key(.control("o")))
    #expect(state.overlay == .models)
    #expect(state.modelPicker.matches.count == 3)
    type("g4o", into: &state)
    #expect(state.modelPicker.matches.first?.model.id == "openai/gpt-4o")
    apply(&state, enter)
    #expect(state.overlay == nil)
    #expect(state.model == "openai/gpt-4o")
    type("hi", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .send(
          1, sessionID: nil, agentName: "assistant",
          overrides: ConversationOverrides(model: "openai/gpt-4o"), text: "hi")
      ])
  }

  @Test func tabFiltersTheModelListByCapability() {
    var state = makeState()
    apply(&state, .catalogLoaded(catalog), .key(.control("o")), .key(KeyEvent(.tab)))
    #expect(state.modelPicker.capability == .tools)
    #expect(state.modelPicker.matches.map(\.model.id) == ["openai/gpt-4o"])
    apply(&state, .key(KeyEvent(.tab)))
    #expect(state.modelPicker.matches.map(\.model.id) == ["anthropic/claude-sonnet-4.5"])
  }

  @Test func slashCommandsChangeTheSessionSettings() {
    var state = makeState()
    apply(&state, .catalogLoaded(catalog))
    for command in ["/model claude-sonnet", "/temperature 0.3", "/system Be terse."] {
      type(command, into: &state)
      #expect(apply(&state, enter).isEmpty)
    }
    #expect(
      state.overrides
        == ConversationOverrides(
          model: "anthropic/claude-sonnet-4.5", temperature: 0.3, systemPrompt: "Be terse."))
    type("/agent coder", into: &state)
    apply(&state, enter)
    #expect(state.agentName == "coder")
    // A new agent brings its own model and settings.
    #expect(state.overrides == ConversationOverrides())
    #expect(state.model == Agent.builtIns.first { $0.name == "coder" }?.model)
  }

  @Test func unknownCommandsKeepTheTextAndSayWhatToDo() {
    var state = makeState()
    type("/frobnicate now", into: &state)
    #expect(apply(&state, enter).isEmpty)
    #expect(state.composer.text == "/frobnicate now")
    #expect(state.banner?.text.hasPrefix("Unknown command /frobnicate") == true)
  }

  @Test func tabCompletesSlashCommandsAndModelIDs() {
    var state = makeState()
    apply(&state, .catalogLoaded(catalog))
    type("/mo", into: &state)
    apply(&state, .key(KeyEvent(.tab)))
    #expect(state.composer.text == "/model ")
    type("sonnet", into: &state)
    apply(&state, .key(KeyEvent(.tab)))
    #expect(state.composer.text == "/model anthropic/claude-sonnet-4.5")
  }

  @Test func openingASessionRestoresTheAgentAndModelOfItsLastMessage() {
    var state = makeState()
    let entries = [
      TranscriptEntry(
        message: message("u1", .user, "q", position: 0, agent: "coder", model: "openai/gpt-4o")),
      TranscriptEntry(
        message: message("r1", .assistant, "a", position: 1, agent: "coder", model: "openai/gpt-4o")
      ),
    ]
    apply(&state, .opened(session(title: "Old"), entries))
    #expect(state.agentName == "coder")
    #expect(state.model == "openai/gpt-4o")
    #expect(state.transcript.items.count == 2)
    #expect(state.session?.title == "Old")
  }

  @Test func theSessionBrowserSearchesOpensRenamesAndDeletes() {
    var state = makeState()
    var effects = apply(&state, .key(.control("s")))
    #expect(effects == [.listSessions])
    let summaries = [
      SessionSummary(session: session("s1", title: "SQL window fns"), messageCount: 4, cost: nil)
    ]
    apply(&state, .sessionsListed(.success(summaries)))
    effects = apply(&state, .key(.character("/")))
    effects = type("window", into: &state)
    #expect(effects.last == .searchSessions("window"))
    let hit = MessageSearchHit(
      sessionID: "s1", sessionTitle: "SQL window fns", messageID: "m1", role: .assistant,
      createdAt: referenceDate, snippet: "use a [window] function")
    apply(&state, .sessionsSearched(query: "window", .success([hit])))
    #expect(state.sessions.isShowingHits)
    apply(&state, enter)  // leaves the search box
    // A hit opens the session on the branch that holds the matching message.
    #expect(apply(&state, enter) == [.openSession("s1", showing: "m1")])
    #expect(state.overlay == nil)

    apply(&state, .key(.control("s")), .key(.character("r")))
    guard case .prompt(let prompt)? = state.overlay else {
      Issue.record("expected the rename prompt, got \(String(describing: state.overlay))")
      return
    }
    #expect(prompt.answer.text == "SQL window fns")
    apply(&state, .key(.control("u")))
    type("Window functions", into: &state)
    #expect(apply(&state, enter) == [.renameSession(id: "s1", title: "Window functions")])

    apply(&state, .key(.character("d")))
    #expect(state.overlay == .confirmDelete(sessionID: "s1", title: "SQL window fns"))
    #expect(apply(&state, .key(.character("y"))) == [.deleteSession(id: "s1")])
  }

  @Test func keyBindingsCanBeOverriddenFromTheConfig() {
    let (map, problems) = KeyMap.standard.applying([
      "submit": ["ctrl+s"], "models": ["f2"], "launch": ["ctrl+l"], "help": ["hyper+x"],
    ])
    #expect(problems.count == 2)
    #expect(problems.contains { $0.hasPrefix("keys.launch: unknown action") })
    #expect(map.match([.control("s")], in: .composer) == .command(.submit))
    #expect(map.match([KeyEvent(.enter)], in: .composer) == .none)
    #expect(map.match([KeyEvent(.function(2))], in: .global) == .command(.models))
    #expect(map.match([.control("x")], in: .composer) == .prefix)
    #expect(map.match([.control("x"), .control("e")], in: .composer) == .command(.editor))
  }

  /// The side lists take no text: `?` opens the help there, j/k move, and other typing
  /// goes to the input.
  @Test func theSideListsOpenHelpAndPassTypingToTheInput() {
    var state = makeState()
    apply(&state, .key(.control("a")))
    #expect(state.focus == .agents)
    apply(&state, .key(.character("j")))
    #expect(state.agentCursor == 1)
    apply(&state, .key(.character("?")))
    #expect(state.overlay == .help)
    apply(&state, escape)
    #expect(state.overlay == nil)
    apply(&state, .key(.character("h")), .key(.character("i")))
    #expect(state.focus == .composer)
    #expect(state.composer.text == "hi")
  }

  @Test func ctrlXCtrlEOpensTheEditorWithTheInput() {
    var state = makeState()
    type("draft", into: &state)
    #expect(apply(&state, .key(.control("x"))).isEmpty)
    #expect(state.pendingKeys == [.control("x")])
    #expect(apply(&state, .key(.control("e"))) == [.openEditor("draft")])
    apply(&state, .editorFinished(.success("edited in vim\n")))
    #expect(state.composer.text == "edited in vim")
  }
}
