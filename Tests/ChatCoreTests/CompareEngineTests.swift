import ChatDomain
import Foundation
import OpenRouter
import Synchronization
import TestSupport
import Testing

@testable import ChatCore

/// Compares: one question, a reply per model streaming at once, each saved as a variant of
/// the others with its own model, usage, cost and status; one failing or stopped leaves the
/// others alone.
@Suite struct CompareEngineTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  static let agent = Agent(name: "tester", model: "openai/gpt-4o")

  func engine(_ stub: StubOpenRouter) -> ConversationEngine {
    ConversationEngine(
      store: store, client: TestClients.client(for: stub), checkpointInterval: .milliseconds(50))
  }

  @Test func everyModelAnswersAtOnceAndOneFailureDisturbsNoOther() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let events = Mutex<[Int: [ConversationEvent]]>([:])
    let turn = CompareTurn(
      agent: Self.agent, text: "Which is best?",
      models: ["stub/paced-slow", "stub/paced-fail", "stub/paced-fast"])
    let result = await engine(stub).runCompare(turn) { index, event in
      events.withLock { $0[index, default: []].append(event) }
    }
    let (start, outcomes) = try result.get()
    #expect(start.isNewQuestion)
    #expect(start.replies.map(\.model) == turn.models)
    #expect(start.replies.map(\.isSelected) == [true, false, false])
    // The three requests were in flight together: each went out before any finished.
    #expect(stub.chatRequests.count == 3)
    #expect(Set(try stub.chatRequests.map { try $0.chatRequest().model }) == Set(turn.models))
    for request in stub.chatRequests {
      let sent = try request.chatRequest()
      #expect(sent.models == nil)
      #expect(sent.messages.map { $0.content?.text } == ["Which is best?"])
    }
    guard case .finished(let slow) = outcomes[0],
      case .failed(let error, let failed?) = outcomes[1],
      case .finished(let fast) = outcomes[2]
    else {
      Issue.record("unexpected outcomes: \(outcomes)")
      return
    }
    #expect(slow.content.hasSuffix("Slow done."))
    #expect(fast.content.hasSuffix("Fast done."))
    #expect(failed.status == .error)
    #expect(failed.content.hasPrefix("**Failing** reply: failing-1"))
    #expect(error.userMessage.contains("Provider disconnected"))
    let recorded = events.withLock { $0 }
    #expect(recorded[2]?.contentText == fast.content)
    if case .started(_, let question?, let reply) = recorded[0]?.first {
      #expect(question.content == "Which is best?")
      #expect(reply.id == slow.id)
    } else {
      Issue.record("reply 0 did not start first: \(String(describing: recorded[0]?.first))")
    }

    let sessionID = start.session.id
    let transcript = try await store.transcript(sessionID: sessionID)
    #expect(transcript.count == 2)
    // The first model finished: its reply stays the selected one, the others are variants.
    #expect(transcript[1].message.id == slow.id)
    #expect(Set(transcript[1].otherVariants.map(\.id)) == [failed.id, fast.id])
    let stored = try await store.messages(sessionID: sessionID)
    #expect(stored.filter { $0.role == .assistant }.map(\.model) == turn.models)
    // The session's cost counts every reply.
    #expect(try await store.listSessions().first?.cost == Decimal(string: "0.0002"))
  }

  @Test func theFirstModelFailingSelectsTheFirstThatFinished() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let turn = CompareTurn(
      agent: Self.agent, text: "go", models: ["stub/paced-fail", "stub/paced-fast"])
    let (start, outcomes) = try await engine(stub).runCompare(turn) { _, _ in }.get()
    #expect(outcomes.map { $0.reply?.status } == [.error, .complete])
    let transcript = try await store.transcript(sessionID: start.session.id)
    #expect(transcript[1].message.id == start.replies[1].id)
  }

  @Test func anEmptyPromptAsksTheLastQuestionAgain() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let first = try #require(
      await engine.run(ConversationTurn(agent: Self.agent, text: "hello")) { _ in }.reply)
    let turn = CompareTurn(
      sessionID: first.sessionID, agent: Self.agent, text: nil,
      models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"])
    let (start, outcomes) = try await engine.runCompare(turn) { _, _ in }.get()
    #expect(!start.isNewQuestion)
    #expect(start.question.content == "hello")
    #expect(outcomes.allSatisfy { $0.reply?.status == .complete })
    let sent = try stub.chatRequests[2].chatRequest()
    #expect(sent.messages.map { $0.content?.text } == ["hello"])
    let transcript = try await store.transcript(sessionID: first.sessionID)
    #expect(transcript.count == 2)
    #expect(transcript[1].otherVariants.count == 2)
    #expect(transcript[1].otherVariants.contains { $0.id == first.id })
  }

  @Test func stoppingOneReplyLeavesTheOthersStreaming() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let start = try await engine.startCompare(
      CompareTurn(
        agent: Self.agent, text: "count", models: ["stub/slow-cancel", "stub/paced-fast"]))
    let recorder = EventRecorder()
    let stopped = Task { await engine.runCompareReply(start, index: 0, onEvent: recorder.record) }
    let other = Task { await engine.runCompareReply(start, index: 1) { _ in } }
    try await recorder.waitFor { $0.contentText.contains("Counting: 1") }
    stopped.cancel()
    let stoppedOutcome = await stopped.value
    guard case .cancelled(let reply?) = stoppedOutcome else {
      Issue.record("not cancelled: \(stoppedOutcome)")
      return
    }
    #expect(reply.content.hasPrefix("Counting: 1"))
    let finished = await other.value
    #expect(finished.reply?.status == .complete)
    #expect(finished.reply?.content.hasSuffix("Fast done.") == true)
  }

  @Test func aCompareNeedsTwoToFourModelsAndAPrompt() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    for models in [["a/one"], ["a/1", "a/2", "a/3", "a/4", "a/5"]] {
      let error = try await #require(throws: ChatError.self) {
        _ = try await engine.startCompare(CompareTurn(agent: Self.agent, text: "x", models: models))
      }
      #expect(error.kind == .invalidInput)
    }
    let nothing = try await #require(throws: ChatError.self) {
      _ = try await engine.startCompare(
        CompareTurn(agent: Self.agent, text: nil, models: ["a/1", "a/2"]))
    }
    #expect(nothing.message == "there is no message to ask again: type a prompt")
    #expect(stub.chatRequests.isEmpty)
    #expect(try await store.listSessions().isEmpty)
  }
}
