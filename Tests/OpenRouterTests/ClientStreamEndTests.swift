import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// When a stream is over although the server keeps its connection open, and when a reply
/// that says it finished is a failure (OpenRouter.docc/Streaming.md, Completion).
@Suite struct ClientStreamEndTests {
  static let request = ChatRequest(
    model: "openai/gpt-4.1-mini", messages: [.user("hi")], maxTokens: 64)
  let chunks = StubChunks()

  typealias Outcome = (events: [ChatStreamEvent], error: (any Error)?)

  /// Starts a stream on `transport` and returns its first exchange, answered with a 200
  /// event-stream head, and the task that reads the stream to its end.
  func start(_ client: OpenRouterClient, on transport: ScriptedTransport) async throws
    -> (ScriptedExchange, Task<Outcome, Never>)
  {
    let stream = client.stream(Self.request)
    let task = Task { await TestClients.collect(stream) }
    let exchange = try await transport.nextExchange()
    exchange.respond()
    return (exchange, task)
  }

  /// The task's result, or a failure when it is still running after `deadline` (the client
  /// would otherwise wait for its idle timeout of minutes).
  func outcome(of task: Task<Outcome, Never>, within deadline: Duration = .seconds(10))
    async throws -> Outcome
  {
    try await withDeadline(deadline, "the stream did not end") {
      await withTaskCancellationHandler {
        await task.value
      } onCancel: {
        task.cancel()
      }
    }
  }

  @Test func usageAfterTheFinishReasonCompletesTheReplyWhileTheConnectionStaysOpen() async throws {
    let transport = ScriptedTransport()
    let (exchange, task) = try await start(TestClients.client(on: transport), on: transport)
    exchange.event(chunks.content("Complete."))
    exchange.event(chunks.finish())
    exchange.event(chunks.usage(prompt: 9, completion: 4, cost: "0.00001"))
    // No [DONE], no close: the server keeps the connection open.
    let result = try await outcome(of: task)
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "Complete.")
    #expect(result.events.summary?.finishReason == .stop)
    #expect(result.events.summary?.usage?.totalTokens == 13)
    try await exchange.waitUntilClosed()
    task.cancel()
  }

  @Test func aFinishReasonAloneCompletesTheReplyAfterTheGraceOfSilence() async throws {
    let transport = ScriptedTransport()
    var client = TestClients.client(on: transport)
    client = OpenRouterClient(
      configuration: client.configuration.with { $0.finishGrace = .milliseconds(100) },
      transport: transport)
    let (exchange, task) = try await start(client, on: transport)
    exchange.event(chunks.content("No usage follows."))
    exchange.event(chunks.finish("length"))
    let result = try await outcome(of: task)
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "No usage follows.")
    #expect(result.events.summary?.finishReason == .length)
    #expect(result.events.summary?.usage == nil)
    try await exchange.waitUntilClosed()
  }

  @Test func withoutAFinishReasonSilenceIsStillAnIdleTimeout() async throws {
    let transport = ScriptedTransport()
    let client = OpenRouterClient(
      configuration: TestClients.client(on: transport).configuration.with {
        $0.idleTimeout = .milliseconds(300)
        $0.finishGrace = .milliseconds(50)
      },
      transport: transport)
    let stream = client.stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    exchange.event(chunks.content("Half"))
    let error = try await withDeadline(.seconds(10), "the stream did not end") {
      () async -> OpenRouterError? in
      do {
        for try await _ in stream {}
        return nil
      } catch {
        return error as? OpenRouterError
      }
    }
    let timeout = try #require(error)
    #expect(timeout.category == .timeout)
    #expect(timeout.errorType == "idle_timeout")
    try await exchange.waitUntilClosed()
  }

  @Test func finishReasonErrorWithoutAnErrorObjectIsAFailure() async throws {
    let transport = ScriptedTransport()
    let (exchange, task) = try await start(TestClients.client(on: transport), on: transport)
    exchange.event(chunks.content("Partial"))
    exchange.event(chunks.finish("error", native: "ERROR"))
    exchange.event(chunks.usage(prompt: 9, completion: 1, cost: "0.00001"))
    exchange.send("data: [DONE]\n\n")
    exchange.finish()
    let result = try await outcome(of: task)
    #expect(result.events.text == "Partial")
    #expect(result.events.summary == nil)
    let error = try #require(result.error as? OpenRouterError)
    #expect(error.category == .upstream)
    #expect(error.afterContent)
    #expect(error.isInBand)
    #expect(!error.isTransient)
    #expect(error.userMessage.contains("ERROR"))
  }

  @Test func aWholeReplyThatFinishedWithErrorIsAFailure() async throws {
    let transport = ScriptedTransport()
    let client = TestClients.client(on: transport)
    async let completion = client.complete(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respondJSON(
      #"{"id":"gen-1","model":"a/b","choices":[{"index":0,"finish_reason":"error","#
        + #""native_finish_reason":"ERROR","message":{"role":"assistant","content":"Half an"}}]}"#)
    do {
      _ = try await completion
      Issue.record("a reply that finished with error must throw")
    } catch let error as OpenRouterError {
      #expect(error.category == .upstream)
      #expect(error.partialContent == "Half an")
      #expect(!error.isTransient)
    }
  }
}

/// The same rules over real HTTP: the stub keeps the connection open after the last chunk.
@Suite struct ClientStreamEndOverHTTPTests {
  let chunks = StubChunks()

  @Test func usageAfterTheFinishReasonEndsTheReplyAndClosesTheConnection() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(
      .sse([
        .data(chunks.content("Complete.")), .data(chunks.finish()),
        .data(chunks.usage(prompt: 9, completion: 4, cost: "0.00001")), .stall,
      ]))
    let client = TestClients.client(for: stub, idleTimeout: .seconds(60))
    let result = try await withDeadline(.seconds(20), "the stream did not end") {
      await TestClients.collect(client.stream(ClientStreamEndTests.request))
    }
    #expect(result.error == nil)
    #expect(result.events.summary?.usage?.totalTokens == 13)
    #expect(await stub.waitForDisconnect(ofRequest: 0) != nil)
    await stub.shutdown()
  }

  @Test func aFinishReasonThenSilenceEndsAfterTheGrace() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(.sse([.data(chunks.content("Complete.")), .data(chunks.finish()), .stall]))
    let base = TestClients.client(for: stub, idleTimeout: .seconds(60))
    let client = OpenRouterClient(
      configuration: base.configuration.with { $0.finishGrace = .milliseconds(200) },
      transport: TestClients.transport)
    let result = try await withDeadline(.seconds(20), "the stream did not end") {
      await TestClients.collect(client.stream(ClientStreamEndTests.request))
    }
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "Complete.")
    #expect(result.events.summary?.usage == nil)
    #expect(await stub.waitForDisconnect(ofRequest: 0) != nil)
    await stub.shutdown()
  }
}

extension OpenRouterConfiguration {
  /// A copy changed by `change`.
  func with(_ change: (inout OpenRouterConfiguration) -> Void) -> OpenRouterConfiguration {
    var copy = self
    change(&copy)
    return copy
  }
}
