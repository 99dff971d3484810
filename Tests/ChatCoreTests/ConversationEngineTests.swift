import ChatDomain
import Foundation
import OpenRouter
import Synchronization
import TestSupport
import Testing

@testable import ChatCore

/// The engine against the stub server over loopback, persisting into a store on disk.
@Suite struct ConversationEngineTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  func engine(_ stub: StubOpenRouter, checkpoint: Duration = .milliseconds(50))
    -> ConversationEngine
  {
    ConversationEngine(
      store: store, client: TestClients.client(for: stub), checkpointInterval: checkpoint)
  }

  static let agent = Agent(
    name: "tester", systemPrompt: "Be brief.", model: "stub/ok-stream",
    fallbackModels: ["openai/gpt-4o-mini"], temperature: 0.4, topP: 0.8, maxTokens: 300,
    reasoningEffort: "low",
    provider: Agent.ProviderRouting(order: ["openai"], sort: "price", allowFallbacks: false))

  /// Collects every event of a stream, and the error it ended with.
  func collect(_ stream: AsyncThrowingStream<ConversationEvent, any Error>) async
    -> (events: [ConversationEvent], error: (any Error)?)
  {
    var events: [ConversationEvent] = []
    do {
      for try await event in stream { events.append(event) }
      return (events, nil)
    } catch {
      return (events, error)
    }
  }

  @Test func aNewSessionStoresTheExchangeWithEverything() async throws {
    let stub = try await StubOpenRouter.start()
    let (events, error) = await collect(
      engine(stub).send(ConversationTurn(agent: Self.agent, text: "Say hello\nplease")))
    #expect(error == nil)
    guard case .started(let session, let user?, let started) = events.first else {
      Issue.record("no start event: \(events)")
      return
    }
    #expect(session.title == "Say hello")
    #expect(session.agent == "tester")
    #expect(started.status == .streaming)
    // The stub answers with the first model of the list it can serve: the fallback.
    #expect(events.contains(.served(model: "openai/gpt-4o-mini", provider: "OpenAI")))
    let text = events.compactMap { if case .content(let piece) = $0 { piece } else { nil } }
      .joined()
    #expect(text == "Hello, wörld 👋")
    guard case .finished(let reply) = events.last else {
      Issue.record("no finished event")
      return
    }
    let stored = try await store.messages(sessionID: session.id)
    #expect(stored == [user, reply])
    #expect(user.content == "Say hello\nplease")
    #expect(user.agent == "tester")
    #expect(user.model == "stub/ok-stream")
    #expect(reply.status == .complete)
    #expect(reply.content == "Hello, wörld 👋")
    #expect(reply.agent == "tester")
    #expect(reply.model == "stub/ok-stream")
    #expect(reply.servedModel == "openai/gpt-4o-mini")
    #expect(reply.finishReason == "stop")
    #expect(reply.generationID == "gen-1760000000-Q1w2E3r4T5y6U7i8O9p0")
    #expect(
      reply.usage
        == TokenUsage(promptTokens: 9, completionTokens: 4, cost: Decimal(string: "0.00001")))
    #expect(reply.timeToFirstTokenMilliseconds != nil)
    #expect((reply.durationMilliseconds ?? -1) >= (reply.timeToFirstTokenMilliseconds ?? 0))
    await stub.shutdown()
  }

  @Test func theRequestCarriesTheAgentsSettings() async throws {
    let stub = try await StubOpenRouter.start()
    _ = await collect(engine(stub).send(ConversationTurn(agent: Self.agent, text: "hi")))
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.model == nil)
    #expect(sent.models == ["stub/ok-stream", "openai/gpt-4o-mini"])
    #expect(sent.messages.map(\.role) == [.system, .user])
    #expect(sent.messages.map { $0.content?.text } == ["Be brief.", "hi"])
    #expect(sent.temperature == 0.4)
    #expect(sent.topP == 0.8)
    #expect(sent.maxTokens == 300)
    #expect(sent.reasoning?.effort == "low")
    #expect(sent.provider?.order == ["openai"])
    #expect(sent.provider?.sort == "price")
    #expect(sent.provider?.allowFallbacks == false)
    #expect(sent.stream == true)
    #expect(sent.sessionID != nil)
    await stub.shutdown()
  }

  @Test func overridesReplaceTheAgentsModelAndSettings() async throws {
    let stub = try await StubOpenRouter.start()
    let overrides = ConversationOverrides(
      model: "openai/gpt-4o", temperature: 1.1, systemPrompt: "Be loud.", maxTokens: 50)
    _ = await collect(
      engine(stub).send(ConversationTurn(agent: Self.agent, overrides: overrides, text: "hi")))
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.model == "openai/gpt-4o")
    #expect(sent.models == nil)
    #expect(sent.temperature == 1.1)
    #expect(sent.maxTokens == 50)
    #expect(sent.messages.first?.content?.text == "Be loud.")
    let sessionID = try #require(sent.sessionID)
    let user = try #require(try await store.messages(sessionID: sessionID).first)
    #expect(user.model == "openai/gpt-4o")
    await stub.shutdown()
  }

  @Test func continuingASessionSendsItsHistory() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "openai/gpt-4o"
    agent.fallbackModels = []
    let engine = engine(stub)
    let first = try await engine.run(ConversationTurn(agent: agent, text: "one")) { _ in }
    let second = try await engine.run(
      ConversationTurn(sessionID: first.sessionID, agent: agent, text: "two")
    ) { _ in }
    #expect(second.sessionID == first.sessionID)
    let sent = try stub.chatRequests[1].chatRequest()
    #expect(sent.messages.map { $0.content?.text } == ["Be brief.", "one", "You said: one", "two"])
    let transcript = try await store.transcript(sessionID: first.sessionID)
    #expect(transcript.map(\.message.content) == ["one", "You said: one", "two", "You said: two"])
    #expect(transcript.map(\.message.position) == [0, 1, 2, 3])
    await stub.shutdown()
  }

  @Test func aMidStreamErrorKeepsThePartialReplyAsAnError() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "stub/midstream-error"
    agent.fallbackModels = []
    let (events, error) = await collect(
      engine(stub).send(ConversationTurn(agent: agent, text: "primes")))
    let failure = try #require(error as? ChatError)
    #expect(failure.kind == .provider(.upstream))
    #expect(
      failure.userMessage
        == "The model provider failed (error 502: Provider disconnected unexpectedly); "
        + "try again or pick another model"
    )
    guard case .finished(let reply) = events.last else {
      Issue.record("no finished event")
      return
    }
    #expect(reply.status == .error)
    #expect(reply.content == "The first three primes are 2, 3")
    #expect(reply.error == failure.userMessage)
    let stored = try await store.messages(sessionID: reply.sessionID)
    #expect(stored.last == reply)
    let log = try #require(try await store.requestLog().first)
    #expect(log.outcome == .error)
    #expect(log.errorCategory == "upstream")
    #expect(log.messageID == reply.id)
    await stub.shutdown()
  }

  @Test func anHTTPErrorBeforeAnyTextIsLoggedWithItsAttempts() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "stub/http-429"
    agent.fallbackModels = []
    let (_, error) = await collect(engine(stub).send(ConversationTurn(agent: agent, text: "hi")))
    #expect((error as? ChatError)?.kind == .provider(.rateLimited))
    let log = try #require(try await store.requestLog().first)
    #expect(log.httpStatus == 429)
    #expect(log.attempts == 3)
    #expect(log.retryWaitsMilliseconds.count == 2)
    #expect(log.model == "stub/http-429")
    await stub.shutdown()
  }

  @Test func cancellingSavesWhatArrivedAsCancelled() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "stub/slow-cancel"
    agent.fallbackModels = []
    let seen = Mutex("")
    let engine = engine(stub)
    let task = Task {
      try await engine.run(ConversationTurn(agent: agent, text: "count")) { event in
        if case .content(let text) = event { seen.withLock { $0 += text } }
      }
    }
    while !seen.withLock({ $0.contains(" 3") }) { try await Task.sleep(for: .milliseconds(10)) }
    task.cancel()
    let error = await #expect(throws: ChatError.self) { try await task.value }
    #expect(error?.kind == .cancelled)
    let sessionID = try #require(try await store.listSessions().first).session.id
    let reply = try #require(try await store.messages(sessionID: sessionID).last)
    #expect(reply.status == .cancelled)
    #expect(reply.content.hasPrefix("Counting: 1 2 3"))
    #expect(reply.content == seen.withLock { $0 })
    #expect(await stub.waitForDisconnect(ofRequest: 0, timeout: .seconds(2)) != nil)
    #expect(try await store.requestLog().first?.outcome == .cancelled)
    await stub.shutdown()
  }

  @Test func theReplyIsCheckpointedWhileItStreams() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "stub/slow-cancel"
    agent.fallbackModels = []
    let seen = Mutex("")
    let engine = engine(stub)
    let task = Task {
      try await engine.run(ConversationTurn(agent: agent, text: "count")) { event in
        if case .content(let text) = event { seen.withLock { $0 += text } }
      }
    }
    while !seen.withLock({ $0.contains(" 5") }) { try await Task.sleep(for: .milliseconds(10)) }
    let streamedBefore = seen.withLock { $0 }
    var saved: Message?
    while saved == nil || !(saved?.content.hasPrefix(streamedBefore) ?? false) {
      try await Task.sleep(for: .milliseconds(20))
      let sessionID = try #require(try await store.listSessions().first).session.id
      saved = try await store.messages(sessionID: sessionID).last
    }
    #expect(saved?.status == .streaming)
    task.cancel()
    _ = await task.result
    await stub.shutdown()
  }

  @Test func regeneratingAddsASelectedVariant() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "openai/gpt-4o"
    agent.fallbackModels = []
    let engine = engine(stub)
    let first = try await engine.run(ConversationTurn(agent: agent, text: "again")) { _ in }
    let (events, error) = await collect(engine.regenerate(sessionID: first.sessionID, agent: agent))
    #expect(error == nil)
    guard case .started(_, nil, let reply) = events.first else {
      Issue.record("regeneration must not save a user message: \(events)")
      return
    }
    #expect(reply.position == first.position)
    let transcript = try await store.transcript(sessionID: first.sessionID)
    #expect(transcript.count == 2)
    #expect(transcript[1].message.id == reply.id)
    #expect(transcript[1].otherVariants.map(\.id) == [first.id])
    let sent = try stub.chatRequests[1].chatRequest()
    #expect(sent.messages.map { $0.content?.text } == ["Be brief.", "again"])
    await stub.shutdown()
  }

  @Test func nonStreamingRepliesArePersistedTheSameWay() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "stub/nonstream-ok"
    agent.fallbackModels = []
    let reply = try await engine(stub).run(
      ConversationTurn(agent: agent, text: "hi", streams: false)
    ) { _ in }
    #expect(reply.status == .complete)
    #expect(reply.content == "Hello!")
    #expect(reply.reasoning == "The user wants a greeting.")
    #expect(reply.usage?.reasoningTokens == 6)
    #expect(stub.chatRequests.first?.json?["stream"] == .bool(false))
    await stub.shutdown()
  }

  @Test func emptyMessagesAndUnknownSessionsAreRefusedBeforeSending() async throws {
    let stub = try await StubOpenRouter.start()
    let engine = engine(stub)
    let empty = await #expect(throws: ChatError.self) {
      try await engine.run(ConversationTurn(agent: Self.agent, text: " \n ")) { _ in }
    }
    #expect(empty?.kind == .invalidInput)
    let unknown = await #expect(throws: ChatError.self) {
      try await engine.run(ConversationTurn(sessionID: "nope", agent: Self.agent, text: "hi")) {
        _ in
      }
    }
    #expect(unknown?.kind == .notFound)
    #expect(stub.chatRequests.isEmpty)
    await stub.shutdown()
  }
}
