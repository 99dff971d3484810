import Foundation
import Synchronization
import TestSupport
import Testing

@testable import OpenRouter

/// The client against the stub over real loopback HTTP.
@Suite struct ClientStreamTests {
  static let request = ChatRequest(
    model: "openai/gpt-4.1-mini", messages: [.system("Be brief."), .user("Say hello.")],
    temperature: 0.7, maxTokens: 512)

  func stream(_ scenario: StubScenario, _ configure: (StubOpenRouter) -> Void = { _ in })
    async throws -> (events: [ChatStreamEvent], error: OpenRouterError?, stub: StubOpenRouter)
  {
    let stub = try await StubOpenRouter.start()
    configure(stub)
    var request = Self.request
    request.model = "stub/\(scenario.rawValue)"
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    await stub.shutdown()
    return (result.events, result.error as? OpenRouterError, stub)
  }

  @Test(arguments: [StubScenario.okStream, .crlf, .cr, .splitBytes])
  func streamsGiveTheSameEventsWhateverTheFraming(scenario: StubScenario) async throws {
    let result = try await stream(scenario)
    #expect(result.error == nil)
    #expect(result.events.text == "Hello, wörld 👋")
    #expect(result.events.summary?.finishReason == .stop)
    #expect(result.events.summary?.usage?.totalTokens == 13)
    #expect(result.events.summary?.metadata.generationID == "gen-1760000000-Q1w2E3r4T5y6U7i8O9p0")
  }

  /// The reader runs on the event loop that receives the bytes: every event is handled
  /// there, with no hand-over to a thread of the cooperative pool per read.
  @Test func eventsAreHandledOnTheEventLoopThatReadTheBytes() async throws {
    let stub = try await StubOpenRouter.start()
    let executor = try #require(TestClients.transport.bodyExecutor as? EventLoopExecutor)
    var request = Self.request
    request.model = "stub/\(StubScenario.okStream.rawValue)"
    let onLoop = Mutex<[Bool]>([])
    try await TestClients.client(for: stub).stream(request) { _ in
      let inLoop = executor.loop.inEventLoop
      onLoop.withLock { $0.append(inLoop) }
    }
    let seen = onLoop.withLock { $0 }
    #expect(seen.count >= 3)
    #expect(seen.allSatisfy { $0 })
    await stub.shutdown()
  }

  @Test func requestCarriesExactJSONAndHeaders() async throws {
    let stub = try await StubOpenRouter.start()
    var request = Self.request
    request.models = ["openai/gpt-5-mini", "google/gemini-3-flash-preview"]
    request.reasoning = ReasoningOptions(effort: "low")
    request.provider = ProviderPreferences(dataCollection: "deny", sort: "throughput")
    request.user = "u-7f3a9c"
    request.stop = ["END"]
    request.seed = 7
    request.topP = 0.9
    request.topK = 40
    request.usage = .init(include: true)
    _ = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let captured = try #require(stub.chatRequests.first)
    #expect(captured.method == "POST")
    #expect(captured.path == "/api/v1/chat/completions")
    #expect(captured.header("Authorization") == "Bearer sk-or-v1-test")
    #expect(captured.header("Content-Type") == "application/json")
    #expect(captured.header("Accept") == "text/event-stream")
    #expect(captured.header("HTTP-Referer") == "https://github.com/orchat/orchat")
    #expect(captured.header("X-Title") == "orchat")
    let expected =
      #"{"max_tokens":512,"messages":[{"content":"Be brief.","role":"system"},"#
      + #"{"content":"Say hello.","role":"user"}],"model":"openai/gpt-4.1-mini","#
      + #""models":["openai/gpt-5-mini","google/gemini-3-flash-preview"],"#
      + #""provider":{"data_collection":"deny","sort":"throughput"},"reasoning":{"effort":"low"},"#
      + #""seed":7,"stop":["END"],"stream":true,"temperature":0.7,"top_k":40,"top_p":0.9,"#
      + #""usage":{"include":true},"user":"u-7f3a9c"}"#
    #expect(captured.bodyText == expected)
    await stub.shutdown()
  }

  @Test func keepAlivesBeforeTheFirstTokenDoNotTimeOut() async throws {
    // Keep-alives 200 ms apart for 4 s against a 2.5 s idle timeout
    // (OpenRouter.docc/EdgeCases.md, case 3): the silence before the first token is longer
    // than the timeout, every gap much shorter (wide margins: the test suite runs many tests
    // at once on two cores).
    let stub = try await StubOpenRouter.start()
    let chunks = StubChunks()
    let waits = Array(repeating: SSEItem.comment("OPENROUTER PROCESSING"), count: 20)
    stub.enqueue(
      .sse(
        waits + [.data(chunks.content("late", finish: "stop")), .done],
        tokenDelay: .milliseconds(200)))
    let client = TestClients.client(for: stub, idleTimeout: .milliseconds(2500))
    let result = await TestClients.collect(client.stream(Self.request))
    #expect(result.error == nil)
    #expect(result.events.text == "late")
    await stub.shutdown()
  }

  @Test func silenceLongerThanTheIdleTimeoutThrowsTimeoutAfterThePartialText() async throws {
    let stub = try await StubOpenRouter.start()
    var request = Self.request
    request.model = "stub/stall"
    let client = TestClients.client(for: stub, idleTimeout: .seconds(3))
    let result = await TestClients.collect(client.stream(request))
    #expect(result.events.text == "Stalled after this")
    let error = try #require(result.error as? OpenRouterError)
    #expect(error.category == .timeout)
    #expect(error.afterContent)
    #expect(error.attempts == 1)
    #expect(await stub.waitForDisconnect(ofRequest: 0) != nil)
    await stub.shutdown()
  }

  @Test func midStreamErrorIsTypedAfterThePartialTextAndNotRetried() async throws {
    for scenario in [
      StubScenario.midstreamError, .midstreamErrorWithDone, .midstreamErrorStringCode,
    ] {
      let result = try await stream(scenario)
      #expect(result.events.text == "The first three primes are 2, 3")
      #expect(result.error?.category == .upstream)
      #expect(result.error?.afterContent == true)
      #expect(result.stub.chatRequests.count == 1)
    }
  }

  @Test func abruptResetKeepsThePartialTextAndThrowsInterrupted() async throws {
    let result = try await stream(.reset)
    #expect(result.events.text == "Partial before the reset")
    #expect(result.error?.category == .interrupted)
    #expect(result.error?.afterContent == true)
    #expect(result.stub.chatRequests.count == 1)
  }

  @Test func truncatedStreamThrowsInterruptedNeverSilentSuccess() async throws {
    let result = try await stream(.truncated)
    #expect(result.events.text == "The answer is forty")
    #expect(result.error?.category == .interrupted)
  }

  @Test func streamWithFinishButNoDoneEndsNormally() async throws {
    let result = try await stream(.noDone)
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "Complete.")
    #expect(result.events.summary?.usage?.totalTokens == 13)
  }

  @Test func inBandErrorBeforeContentIsRetriedThenReported() async throws {
    let result = try await stream(.inbandErrorBeforeContent)
    #expect(result.error?.category == .rateLimited(retryAfter: nil))
    #expect(result.error?.attempts == 3)
    #expect(result.stub.chatRequests.count == 3)
    #expect(result.events.filter { if case .retrying = $0 { true } else { false } }.count == 2)
  }

  @Test func wholeJSONBodyOnAStreamRequestIsDecodedAsACompletion() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue { _ in StubScenario.nonstreamOK.reply(for: ChatRequest(messages: [.user("hi")])) }
    let result = await TestClients.collect(TestClients.client(for: stub).stream(Self.request))
    #expect(result.error == nil)
    #expect(result.events.text == "Hello!")
    #expect(result.events.reasoningText == "The user wants a greeting.")
    #expect(result.events.summary?.usage?.totalTokens == 26)
    await stub.shutdown()
  }

  @Test func reasoningToolsAndFallbackThroughTheWire() async throws {
    let reasoning = try await stream(.reasoning)
    #expect(reasoning.events.reasoningText == "The user asks 17×3. 17×3 = 51.")
    #expect(reasoning.events.text == "51")
    let tools = try await stream(.tools)
    #expect(
      tools.events.summary?.toolCalls == [
        ToolCall(id: "call_Xy12", name: "get_weather", arguments: #"{"city":"Oslo"}"#)
      ])
    let stub = try await StubOpenRouter.start()
    var request = Self.request
    request.model = "stub/fallback"
    request.models = ["anthropic/claude-sonnet-4.5", "openai/gpt-4o-mini"]
    let fallback = await TestClients.collect(TestClients.client(for: stub).stream(request))
    #expect(
      fallback.events.first
        == .metadata(
          ResponseMetadata(
            generationID: "gen-1760000000-Q1w2E3r4T5y6U7i8O9p0", model: "openai/gpt-4o-mini",
            provider: "OpenAI")))
    #expect(fallback.events.summary?.metadata.model == "openai/gpt-4o-mini")
    await stub.shutdown()
  }
}
