import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatUI

@Suite struct AppReducerConversationTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func enterSendsTheInputWithTheAgentAndSessionSettings() {
    var state = makeState()
    type("hi there", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .send(1, sessionID: nil, agentName: "assistant", overrides: .init(), text: "hi there")
      ])
    #expect(state.composer.isEmpty)
    #expect(state.completion == .starting(1, text: "hi there"))
  }

  @Test func withoutAKeyTheTextStaysAndTheBannerSaysHowToSetOne() {
    var state = makeState(hasAPIKey: false)
    type("hi", into: &state)
    #expect(apply(&state, enter).isEmpty)
    #expect(state.composer.text == "hi")
    #expect(state.banner?.kind == .error)
    #expect(state.banner?.text.contains("OPENROUTER_API_KEY") == true)
  }

  @Test func streamedEventsGrowTheReplyAndFinishingSavesIt() {
    var state = makeState()
    let id = startReply(&state)
    #expect(state.session?.id == "s1")
    #expect(state.transcript.items.map(\.message.role) == [.user, .assistant])
    apply(
      &state,
      .conversation(
        id, .served(model: "openai/gpt-5-mini-2026", provider: "OpenAI"), at: referenceDate),
      .conversation(id, .content("Hel"), at: referenceDate),
      .conversation(id, .content("lo!"), at: referenceDate.addingTimeInterval(1)))
    #expect(state.transcript.items[1].message.content == "Hello!")
    #expect(state.transcript.items[1].message.servedModel == "openai/gpt-5-mini-2026")
    guard case .streaming(let reply) = state.completion else {
      Issue.record("expected streaming, got \(state.completion)")
      return
    }
    #expect(reply.deltas == 2)
    var saved = message("r1", .assistant, "Hello!", position: 1)
    saved.usage = TokenUsage(promptTokens: 9, completionTokens: 4, cost: Decimal(string: "0.0001"))
    let effects = apply(&state, .requestEnded(id, .finished(saved), at: referenceDate))
    #expect(effects == [.listSessions, .loadCredits])
    #expect(state.completion == .idle)
    #expect(state.transcript.items[1].message.usage?.completionTokens == 4)
    #expect(state.sessionCost == Decimal(string: "0.0001"))
    #expect(state.contextUsed == 13)
  }

  @Test func enterWhileAReplyStreamsQueuesTheNextPromptAndSendsItAfter() {
    var state = makeState()
    let id = startReply(&state)
    type("second", into: &state)
    #expect(apply(&state, enter).isEmpty)
    #expect(state.queuedPrompts == ["second"])
    #expect(state.composer.isEmpty)
    let effects = apply(
      &state,
      .requestEnded(id, .finished(message("r1", .assistant, "ok", position: 1)), at: referenceDate))
    #expect(
      effects.first
        == .send(2, sessionID: "s1", agentName: "assistant", overrides: .init(), text: "second"))
    #expect(state.queuedPrompts.isEmpty)
  }

  @Test func escapeStopsTheReplyAndLateTextOfItIsIgnored() {
    var state = makeState()
    let id = startReply(&state)
    apply(&state, .conversation(id, .content("partial"), at: referenceDate))
    #expect(apply(&state, escape) == [.cancel(id)])
    #expect(state.completion == .cancelling(id, replyID: "r1"))
    apply(&state, .conversation(id, .content(" late"), at: referenceDate))
    #expect(state.transcript.items[1].message.content == "partial")
    let cancelled = message("r1", .assistant, "partial", position: 1, status: .cancelled)
    apply(&state, .requestEnded(id, .cancelled(reply: cancelled), at: referenceDate))
    #expect(state.completion == .idle)
    #expect(state.transcript.items[1].message.status == .cancelled)
    // A stale request's events never reach the transcript.
    apply(&state, .conversation(id, .content(" stale"), at: referenceDate))
    apply(
      &state,
      .requestEnded(id, .failed(ChatError(.cancelled, "cancelled"), reply: nil), at: referenceDate))
    #expect(state.transcript.items[1].message.content == "partial")
    #expect(state.banner?.kind != .error)
  }

  @Test func aFailureBeforeStartingPutsThePromptBack() {
    var state = makeState()
    type("do not lose me", into: &state)
    let effects = apply(&state, enter)
    guard case .send(let id, _, _, _, _, _, _)? = effects.first else {
      Issue.record("no send")
      return
    }
    apply(
      &state,
      .requestEnded(
        id, .failed(ChatError(.storage, "Could not open the store"), reply: nil), at: referenceDate)
    )
    #expect(state.composer.text == "do not lose me")
    #expect(state.completion == .idle)
    #expect(state.banner == Banner("Could not open the store", kind: .error))
  }

  @Test func aFailedReplyShowsItsErrorOnTheMessageAndInTheBanner() {
    var state = makeState()
    let id = startReply(&state)
    var failed = message("r1", .assistant, "half", position: 1, status: .error)
    failed.error = "Rate limited (HTTP 429); wait 4 s and try again"
    apply(
      &state,
      .requestEnded(
        id, .failed(ChatError(.provider(.rateLimited), failed.error ?? ""), reply: failed),
        at: referenceDate))
    #expect(state.banner?.text == "Rate limited (HTTP 429); wait 4 s and try again")
    #expect(
      state.transcript.visibleText.contains("⚠ Rate limited (HTTP 429); wait 4 s and try again"))
  }

  @Test func retryingCountsDownInTheBanner() {
    var state = makeState()
    let id = startReply(&state)
    apply(
      &state,
      .conversation(
        id, .retrying(attempt: 1, delay: .seconds(4), reason: "Rate limited by the provider"),
        at: referenceDate))
    #expect(
      state.banner?.text(at: referenceDate)
        == "Rate limited by the provider; retrying in 4 s (attempt 2)")
    apply(&state, .tick(referenceDate.addingTimeInterval(1.5)))
    #expect(
      state.banner?.text(at: state.now)
        == "Rate limited by the provider; retrying in 3 s (attempt 2)")
    apply(&state, .conversation(id, .content("ok"), at: referenceDate.addingTimeInterval(4)))
    #expect(state.banner == nil)
  }

  @Test func ctrlCFirstStopsTheReplyThenQuits() {
    var state = makeState()
    let id = startReply(&state)
    #expect(apply(&state, .key(.control("c"))) == [.cancel(id)])
    #expect(state.banner?.text.contains("Ctrl-C again") == true)
    #expect(apply(&state, .key(.control("c"))) == [.quit])
    var idle = makeState()
    #expect(apply(&idle, .key(.control("c"))).isEmpty)
    apply(&idle, .key(.character("x")))
    // Another key in between disarms it.
    #expect(apply(&idle, .key(.control("c"))).isEmpty)
    #expect(apply(&idle, .key(.control("c"))) == [.quit])
  }

  @Test func aPasteNeverSends() {
    var state = makeState()
    #expect(apply(&state, .paste("line one\nline two\n")).isEmpty)
    #expect(state.composer.text == "line one\nline two\n")
    #expect(state.completion == .idle)
  }

  @Test func regenerateAddsAVariantAndBracketsSwitchBetweenThem() {
    var state = makeState()
    let id = startReply(&state)
    let first = message("r1", .assistant, "first answer", position: 1)
    apply(&state, .requestEnded(id, .finished(first), at: referenceDate))
    apply(&state, .key(KeyEvent(.escape)))  // to the transcript
    #expect(state.focus == .transcript)
    let effects = apply(&state, .key(.character("r")))
    #expect(
      effects == [.regenerate(2, sessionID: "s1", agentName: "assistant", overrides: .init())])
    let second = message(
      "r2", .assistant, "", position: 1, status: .streaming,
      createdAt: referenceDate.addingTimeInterval(5))
    apply(
      &state,
      .conversation(
        2, .started(session: session(), userMessage: nil, reply: second), at: referenceDate))
    #expect(state.transcript.items.count == 2)
    #expect(state.transcript.items[1].variantCount == 2)
    #expect(state.transcript.items[1].variantNumber == 2)
    apply(
      &state,
      .requestEnded(
        2,
        .finished(
          message(
            "r2", .assistant, "second answer", position: 1,
            createdAt: referenceDate.addingTimeInterval(5))), at: referenceDate))
    #expect(apply(&state, .key(.character("["))) == [.switchBranch(messageID: "r1")])
    #expect(state.transcript.items[1].message.content == "first answer")
    #expect(state.transcript.items[1].variantNumber == 1)
    #expect(apply(&state, .key(.character("]"))) == [.switchBranch(messageID: "r2")])
    #expect(state.transcript.items[1].message.content == "second answer")
  }

  @Test func editPutsTheLastMessageBackInTheInput() {
    var state = makeState()
    let id = startReply(&state, prompt: "original question")
    apply(
      &state,
      .requestEnded(id, .finished(message("r1", .assistant, "a", position: 1)), at: referenceDate))
    apply(&state, escape, .key(.character("e")))
    #expect(state.focus == .composer)
    #expect(state.composer.text == "original question")
  }

  @Test func copyTakesTheRawMarkdownOfTheReplyAndCodeBlockN() {
    var state = makeState()
    let id = startReply(&state)
    let markdown = "Try **this**:\n\n```swift\nlet x = 1\n```\n\nand\n\n```sh\necho hi\n```\n"
    apply(
      &state,
      .requestEnded(
        id, .finished(message("r1", .assistant, markdown, position: 1)), at: referenceDate))
    apply(&state, escape)
    #expect(apply(&state, .key(.character("y"))) == [.copy(markdown, description: "the reply")])
    apply(&state, escape)
    type("/copy 2", into: &state)
    #expect(apply(&state, enter) == [.copy("echo hi", description: "code block 2")])
  }
}
