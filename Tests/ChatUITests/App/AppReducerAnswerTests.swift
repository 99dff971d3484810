import ChatDomain
import Foundation
import Testing

@testable import ChatUI

/// The start, and the typed answers of effects: the reducer asks for everything through
/// effects and words every line the user reads.
@Suite struct AppReducerAnswerTests {
  @Test func startingAsksForHistoryCatalogCreditsAndTheSessionThroughEffects() {
    var state = makeState()
    let effects = apply(&state, .appStarted(Launch(session: "last", model: "openai/gpt-4o")))
    #expect(effects == [.listSessions, .loadCatalog, .loadCredits, .openSession("last")])
    #expect(state.model == "openai/gpt-4o")
    #expect(state.banner == nil)
  }

  @Test func withoutAKeyStartingAsksForNoCredits() {
    var state = makeState(hasAPIKey: false)
    #expect(apply(&state, .appStarted(Launch())) == [.listSessions, .loadCatalog])
  }

  @Test func startupProblemsAreWordedInOneBanner() {
    var state = makeState()
    let broken = ChatError(
      .configuration, "unknown key", file: "/c/config.toml", line: 3, key: "colour")
    apply(
      &state,
      .appStarted(
        Launch(
          agent: "ghost",
          problems: [.config(broken), .keyBinding("[keys] submit: unknown key name \"ctrl+?\"")])))
    #expect(state.agentName == "assistant")
    #expect(
      state.banner
        == Banner("No agent \"ghost\"; using assistant (+2 more)", kind: .warning))
    var second = makeState()
    apply(&second, .appStarted(Launch(problems: [.config(broken)])))
    #expect(
      second.banner?.text == "/c/config.toml:3: colour: unknown key (using the defaults)")
  }

  @Test func failedAnswersAreWordedByTheReducer() {
    var state = makeState()
    let disk = ChatError(
      .storage, "cannot write: no space left on device", file: "/d/orchat.sqlite")
    apply(&state, .sessionsListed(.failure(disk)))
    #expect(
      state.banner?.text
        == "Could not list sessions: /d/orchat.sqlite: cannot write: no space left on device")
    #expect(state.banner?.kind == .error)
    apply(&state, .catalogRefreshed(.failure(ChatError(.provider(.network), "no connection"))))
    #expect(state.banner?.text == "Could not refresh the models: no connection")
    apply(
      &state,
      .sessionOpened(reference: "3f2a", .failure(ChatError(.notFound, "no session \"3f2a\""))))
    #expect(state.banner?.text == "Could not open session 3f2a: no session \"3f2a\"")
    apply(&state, .editorFinished(.failure(.failed(editor: "vim", status: 1))))
    #expect(state.banner?.text == "The editor vim exited with status 1; the message is unchanged")
    apply(&state, .themeChanged(.failure(ThemeError(.notFound, reason: "no theme \"neon\""))))
    #expect(state.banner?.text == "theme: no theme \"neon\"")
  }

  @Test func successfulAnswersSayWhatHappened() {
    var state = makeState()
    apply(&state, .copied(what: "code block 2", characters: 120))
    #expect(
      state.banner
        == Banner("Copied code block 2 (120 characters)", kind: .info, expiresAt: referenceDate + 4)
    )
    apply(&state, .sessionExported(.success("/home/u/orchat-sql.md")))
    #expect(state.banner?.text == "Exported to /home/u/orchat-sql.md")
    apply(&state, .themeChanged(.success("light")))
    #expect(state.themeName == "light")
    #expect(state.banner?.text == "Theme: light")
    #expect(apply(&state, .sessionRenamed(id: "s1", .success("New title"))) == [.listSessions])
  }

  @Test func searchHitsAreOnePerSessionNewestFirst() {
    var state = makeState()
    apply(&state, .key(.control("s")), .key(.character("/")))
    type("window", into: &state)
    func hit(_ session: String, _ message: String) -> MessageSearchHit {
      MessageSearchHit(
        sessionID: session, sessionTitle: session, messageID: message, role: .user,
        createdAt: referenceDate, snippet: "[window]")
    }
    apply(
      &state,
      .sessionsSearched(query: "window", .success([hit("a", "1"), hit("b", "2"), hit("a", "3")])))
    #expect(state.sessions.hits.map(\.messageID) == ["1", "2"])
    // An answer to an older query is dropped.
    apply(&state, .sessionsSearched(query: "win", .success([hit("c", "4")])))
    #expect(state.sessions.hits.map(\.messageID) == ["1", "2"])
  }

  /// Issue 14: a failed send never re-queues itself into a loop.
  @Test func aFailedSendNeverSendsTheQueueByItself() {
    var state = makeState()
    type("first", into: &state)
    guard case .send(let id, _, _, _, _, _, _)? = apply(&state, enter).first else {
      Issue.record("no send")
      return
    }
    type("second", into: &state)
    #expect(apply(&state, enter).isEmpty)  // queued while the first is starting
    let effects = apply(
      &state,
      .requestEnded(
        id, .failed(ChatError(.provider(.network), "no connection"), reply: nil), at: referenceDate)
    )
    #expect(effects.isEmpty)
    #expect(state.completion == .idle)
    #expect(state.composer.text == "first")
    #expect(state.queuedPrompts == ["second"])
    #expect(
      state.banner?.text == "no connection (1 queued: Enter on an empty input sends the next)")
    // The user decides: the prompt in the input goes first, then Enter on empty sends the queue.
    guard case .send(let retry, _, _, _, let text, _, _)? = apply(&state, enter).first else {
      Issue.record("no resend")
      return
    }
    #expect(text == "first")
    apply(
      &state,
      .requestEnded(
        retry, .failed(ChatError(.provider(.network), "no connection"), reply: nil),
        at: referenceDate))
    #expect(state.composer.text == "first")
    #expect(state.queuedPrompts == ["second"])
  }

  @Test func cancellingBeforeTheReplyStartedGivesThePromptBack() {
    var state = makeState()
    type("keep me", into: &state)
    guard case .send(let id, _, _, _, _, _, _)? = apply(&state, enter).first else {
      Issue.record("no send")
      return
    }
    #expect(apply(&state, escape) == [.cancel(id)])
    apply(&state, .requestEnded(id, .cancelled(reply: nil), at: referenceDate))
    #expect(state.completion == .idle)
    #expect(state.composer.text == "keep me")
    #expect(state.banner?.text == "Stopped before the reply started")
  }
}
