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

  /// Runs `turn` to its outcome, recording every event.
  func run(_ engine: ConversationEngine, _ turn: ConversationTurn) async
    -> (events: [ConversationEvent], outcome: ConversationOutcome)
  {
    let recorder = EventRecorder()
    let outcome = await engine.run(turn, onEvent: recorder.record)
    return (recorder.events, outcome)
  }

  @Test func aNewSessionStoresTheExchangeWithEverything() async throws {
    let stub = try await StubOpenRouter.start()
    let (events, outcome) = await run(
      engine(stub), ConversationTurn(agent: Self.agent, text: "Say hello\nplease"))
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
    guard case .finished(let reply) = outcome else {
      Issue.record("not finished: \(outcome)")
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
    _ = await run(engine(stub), ConversationTurn(agent: Self.agent, text: "hi"))
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
    _ = await run(
      engine(stub), ConversationTurn(agent: Self.agent, overrides: overrides, text: "hi"))
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
    let first = try #require(
      await run(engine, ConversationTurn(agent: agent, text: "one")).outcome.reply)
    let second = try #require(
      await run(engine, ConversationTurn(sessionID: first.sessionID, agent: agent, text: "two"))
        .outcome.reply)
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
    let (_, outcome) = await run(engine(stub), ConversationTurn(agent: agent, text: "primes"))
    guard case .failed(let failure, let reply?) = outcome else {
      Issue.record("not a failure with a reply: \(outcome)")
      return
    }
    #expect(failure.kind == .provider(.upstream))
    #expect(
      failure.userMessage
        == "The model provider failed (error 502: [OpenAI] Provider disconnected unexpectedly); "
        + "try again or pick another model"
    )
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
    let (_, outcome) = await run(engine(stub), ConversationTurn(agent: agent, text: "hi"))
    guard case .failed(let error, let reply?) = outcome else {
      Issue.record("not a failure with a reply: \(outcome)")
      return
    }
    #expect(error.kind == .provider(.rateLimited))
    #expect(reply.status == .error)
    let log = try #require(try await store.requestLog().first)
    #expect(log.httpStatus == 429)
    #expect(log.attempts == 3)
    #expect(log.retryWaitsMilliseconds.count == 2)
    #expect(log.model == "stub/http-429")
    await stub.shutdown()
  }

  @Test func cancellingSavesWhatArrivedAsCancelledAndClosesTheConnection() async throws {
    let transport = ScriptedTransport()
    let engine = ConversationEngine(
      store: store, client: TestClients.client(on: transport), checkpoints: .every(.seconds(60)))
    let recorder = EventRecorder()
    let task = Task {
      await engine.run(ConversationTurn(agent: Self.agent, text: "count"), onEvent: recorder.record)
    }
    let exchange = try await transport.nextExchange()
    exchange.respond()
    let chunks = StubChunks(model: "stub/ok-stream")
    for piece in ["Counting:", " 1", " 2", " 3"] { exchange.event(chunks.content(piece)) }
    try await recorder.waitFor { $0.contentText == "Counting: 1 2 3" }
    task.cancel()
    let outcome = await task.value
    guard case .cancelled(let reply?) = outcome else {
      Issue.record("not cancelled with a reply: \(outcome)")
      return
    }
    #expect(reply.status == .cancelled)
    #expect(reply.content == "Counting: 1 2 3")
    try await exchange.waitUntilClosed()
    let stored = try await store.messages(sessionID: reply.sessionID)
    #expect(stored.last == reply)
    #expect(try await store.requestLog().first?.outcome == .cancelled)
  }

  @Test func cancellingBeforeTheReplyStartsIsACancelledOutcomeWithoutReply() async throws {
    let transport = ScriptedTransport()
    let engine = ConversationEngine(store: store, client: TestClients.client(on: transport))
    let task = Task {
      await engine.run(ConversationTurn(agent: Self.agent, text: "hi")) { _ in }
    }
    task.cancel()
    let outcome = await task.value
    // Either the exchange had not started (no reply) or it had, and the reply is cancelled.
    switch outcome {
    case .cancelled(nil): break
    case .cancelled(let reply?): #expect(reply.status == .cancelled)
    default: Issue.record("not cancelled: \(outcome)")
    }
  }

  @Test func theReplyIsCheckpointedWhileItStreams() async throws {
    let transport = ScriptedTransport()
    let beats = ManualCheckpoints()
    let engine = ConversationEngine(
      store: store, client: TestClients.client(on: transport), checkpoints: beats.pace)
    let recorder = EventRecorder()
    let task = Task {
      await engine.run(ConversationTurn(agent: Self.agent, text: "count"), onEvent: recorder.record)
    }
    let exchange = try await transport.nextExchange()
    exchange.respond()
    let chunks = StubChunks(model: "stub/ok-stream")
    for piece in ["Counting:", " 1", " 2"] { exchange.event(chunks.content(piece)) }
    try await recorder.waitFor { $0.contentText == "Counting: 1 2" }
    try await beats.beat()
    let replyID = try #require(recorder.startedReply?.id)
    let sessionID = try #require(recorder.startedReply?.sessionID)
    var saved = try await store.messages(sessionID: sessionID).first { $0.id == replyID }
    #expect(saved?.status == .streaming)
    #expect(saved?.content == "Counting: 1 2")
    exchange.event(chunks.content(" 3"))
    try await recorder.waitFor { $0.contentText == "Counting: 1 2 3" }
    try await beats.beat()
    saved = try await store.messages(sessionID: sessionID).first { $0.id == replyID }
    #expect(saved?.content == "Counting: 1 2 3")
    exchange.event(chunks.finish())
    exchange.send("data: [DONE]\n\n")
    exchange.finish()
    guard case .finished(let reply) = await task.value else {
      Issue.record("not finished")
      return
    }
    #expect(reply.content == "Counting: 1 2 3")
  }

  @Test func regeneratingAddsASelectedVariant() async throws {
    let stub = try await StubOpenRouter.start()
    var agent = Self.agent
    agent.model = "openai/gpt-4o"
    agent.fallbackModels = []
    let engine = engine(stub)
    let first = try #require(
      await run(engine, ConversationTurn(agent: agent, text: "again")).outcome.reply)
    let recorder = EventRecorder()
    let outcome = await engine.runRegeneration(
      sessionID: first.sessionID, agent: agent, onEvent: recorder.record)
    let events = recorder.events
    #expect(outcome.reply?.status == .complete)
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
    let reply = try #require(
      await run(engine(stub), ConversationTurn(agent: agent, text: "hi", streams: false)).outcome
        .reply)
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
    let empty = await run(engine, ConversationTurn(agent: Self.agent, text: " \n "))
    guard case .failed(let emptyError, nil) = empty.outcome else {
      Issue.record("not refused: \(empty.outcome)")
      return
    }
    #expect(emptyError.kind == .invalidInput)
    #expect(empty.events.isEmpty)
    let unknown = await run(
      engine, ConversationTurn(sessionID: "nope", agent: Self.agent, text: "hi"))
    guard case .failed(let unknownError, nil) = unknown.outcome else {
      Issue.record("not refused: \(unknown.outcome)")
      return
    }
    #expect(unknownError.kind == .notFound)
    #expect(stub.chatRequests.isEmpty)
    await stub.shutdown()
  }
}

/// Records an exchange's events, and lets a test wait for a condition on them without
/// polling: each event wakes the waiter, and the wait has a deadline.
final class EventRecorder: Sendable {
  private let state = Mutex<[ConversationEvent]>([])
  private let changes: AsyncStream<Void>
  private let changed: AsyncStream<Void>.Continuation

  init() {
    (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
  }

  var events: [ConversationEvent] { state.withLock { $0 } }

  var startedReply: Message? {
    events.lazy.compactMap { if case .started(_, _, let reply) = $0 { reply } else { nil } }.first
  }

  @Sendable func record(_ event: ConversationEvent) {
    state.withLock { $0.append(event) }
    changed.yield()
  }

  /// Waits until `condition` holds for the events so far.
  func waitFor(
    within deadline: Duration = .seconds(10),
    _ condition: @escaping @Sendable ([ConversationEvent]) -> Bool
  ) async throws {
    _ = try await withDeadline(deadline, "the events never matched") { [self] in
      if condition(events) { return true }
      for await _ in changes where condition(events) { return true }
      return false
    }
  }
}

extension [ConversationEvent] {
  var contentText: String {
    compactMap { if case .content(let piece) = $0 { piece } else { nil } }.joined()
  }
}

/// Checkpoint beats a test gives by hand: `beat()` lets the engine save once and returns when
/// that save is done.
final class ManualCheckpoints: Sendable {
  private let go: AsyncStream<Void>
  private let goInput: AsyncStream<Void>.Continuation
  private let done: AsyncStream<Void>
  private let doneInput: AsyncStream<Void>.Continuation
  private let isFirstWait = Mutex(true)

  init() {
    (go, goInput) = AsyncStream.makeStream(of: Void.self)
    (done, doneInput) = AsyncStream.makeStream(of: Void.self)
  }

  var pace: CheckpointPace {
    CheckpointPace { [self] in
      // Coming back to wait means the previous beat's save is done.
      let isFirst = isFirstWait.withLock { isFirst in
        defer { isFirst = false }
        return isFirst
      }
      if !isFirst { doneInput.yield() }
      for await _ in go { return true }
      return false
    }
  }

  /// One checkpoint: the engine saves what arrived, and this returns once it has.
  func beat(within deadline: Duration = .seconds(10)) async throws {
    goInput.yield()
    let done = done
    _ = try await withDeadline(deadline, "the checkpoint was never saved") {
      for await _ in done { return true }
      return false
    }
  }
}
