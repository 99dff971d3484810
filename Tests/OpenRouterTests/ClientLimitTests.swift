import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// A server cannot make the client hold unbounded memory: stream lines, stream events and
/// whole bodies stop at `maxBufferedBytes` with a typed error
/// (OpenRouter.docc/EdgeCases.md, cases 61–63).
@Suite struct ClientLimitTests {
  static let request = ChatRequest(
    model: "openai/gpt-4.1-mini", messages: [.user("hi")], maxTokens: 64)
  let chunks = StubChunks()

  func client(on transport: ScriptedTransport, limit: Int? = nil) -> OpenRouterClient {
    var configuration = TestClients.client(on: transport, retry: .none).configuration
    if let limit { configuration.maxBufferedBytes = limit }
    return OpenRouterClient(configuration: configuration, transport: transport)
  }

  func collect(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async throws
    -> (events: [ChatStreamEvent], error: OpenRouterError?)
  {
    let result = try await withDeadline(.seconds(20), "the stream did not end") {
      await TestClients.collect(stream)
    }
    return (result.events, result.error as? OpenRouterError)
  }

  /// The error `task` failed with, or a failure when it is still running after `deadline`
  /// (the cancelled task then ends with the request).
  func typedError<Value: Sendable>(
    of task: Task<Value, any Error>, within deadline: Duration = .seconds(20)
  )
    async throws -> OpenRouterError
  {
    defer { task.cancel() }
    let result = try await withDeadline(deadline, "the request did not end") {
      await withTaskCancellationHandler {
        await task.result
      } onCancel: {
        task.cancel()
      }
    }
    guard case .failure(let error as OpenRouterError) = result else {
      Issue.record("expected a typed error, got \(result)")
      return OpenRouterError(category: .cancelled, message: "no typed error")
    }
    return error
  }

  @Test func aStreamLineThatNeverEndsIsCutOffAtThirtyTwoMebibytes() async throws {
    let transport = ScriptedTransport()
    let stream = client(on: transport).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    exchange.event(chunks.content("Before "))
    exchange.send("data: {\"choices\":[{\"delta\":{\"content\":\"")
    // 36 MiB without a line end, as a server that never sends a newline would.
    let piece = String(repeating: "a", count: 4 << 20)
    for _ in 0..<9 { exchange.send(piece) }
    let result = try await collect(stream)
    #expect(result.events.text == "Before ")
    let error = try #require(result.error)
    #expect(error.category == .decoding)
    #expect(error.afterContent)
    #expect(error.userMessage.contains("32 MiB"))
    #expect(error.rawBody == nil || error.rawBody!.count <= 500)
    try await exchange.waitUntilClosed()
  }

  @Test func aLineAsLongAsARealImageChunkStillFits() async throws {
    // A generated image arrives as one data line of about 2 MB.
    let transport = ScriptedTransport()
    let stream = client(on: transport).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    let image = String(repeating: "A", count: 3 << 20)
    exchange.event(
      chunks.delta(
        #""role":"assistant","content":"","images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,\#(image)"}}]"#
      ))
    exchange.event(chunks.content("Here it is.", finish: "stop"))
    exchange.send("data: [DONE]\n\n")
    let result = try await collect(stream)
    #expect(result.error == nil)
    #expect(result.events.text == "Here it is.")
  }

  @Test func aLongLineIsCutOffAtAnInjectedLimit() async throws {
    let transport = ScriptedTransport()
    let stream = client(on: transport, limit: 1024).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    exchange.event(chunks.content("ok"))
    exchange.send(": " + String(repeating: "x", count: 2000))
    let result = try await collect(stream)
    #expect(result.events.text == "ok")
    #expect(result.error?.category == .decoding)
    #expect(result.error?.userMessage.contains("1 KiB") == true)
    try await exchange.waitUntilClosed()
  }

  @Test func dataLinesOfOneEventAreCutOffTogether() async throws {
    // Each line is short; together they exceed the limit before the event ends.
    let transport = ScriptedTransport()
    let stream = client(on: transport, limit: 1024).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    for _ in 0..<40 { exchange.send("data: " + String(repeating: "y", count: 50) + "\n") }
    let result = try await collect(stream)
    #expect(result.events.isEmpty)
    #expect(result.error?.category == .decoding)
    #expect(result.error?.afterContent == false)
    try await exchange.waitUntilClosed()
  }

  @Test func aReplyThatGrowsWithoutEndIsCutOff() async throws {
    // Every event is small, but the reply as a whole passes the limit.
    let transport = ScriptedTransport()
    let stream = client(on: transport, limit: 4096).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond()
    let piece = String(repeating: "z", count: 500)
    for _ in 0..<10 { exchange.event(chunks.content(piece)) }
    let result = try await collect(stream)
    #expect(result.error?.category == .decoding)
    #expect(result.error?.afterContent == true)
    #expect(result.events.text.count <= 4096)
    try await exchange.waitUntilClosed()
  }

  @Test func aWholeReplyBodyOverTheLimitIsATypedError() async throws {
    let transport = ScriptedTransport()
    let client = client(on: transport, limit: 4096)
    let task = Task { try await client.complete(Self.request) }
    let exchange = try await transport.nextExchange()
    exchange.respond(status: 200, headers: [("content-type", "application/json")])
    exchange.send(#"{"choices":[{"message":{"content":""#)
    for _ in 0..<10 { exchange.send(String(repeating: "w", count: 1000)) }
    // The body never ends: only the limit can stop the reading.
    let error = try await typedError(of: task)
    #expect(error.category == .decoding)
    #expect(error.userMessage.contains("4 KiB"))
    try await exchange.waitUntilClosed()
  }

  @Test func aWholeBodyOfThirtyThreeMebibytesIsATypedError() async throws {
    let transport = ScriptedTransport()
    let client = client(on: transport)
    let task = Task { try await client.models() }
    let exchange = try await transport.nextExchange()
    exchange.respond(status: 200, headers: [("content-type", "application/json")])
    exchange.send(#"{"data":[{"id":""#)
    let piece = String(repeating: "m", count: 4 << 20)
    for _ in 0..<9 { exchange.send(piece) }
    let error = try await typedError(of: task)
    #expect(error.category == .decoding)
    #expect(error.userMessage.contains("32 MiB"))
    try await exchange.waitUntilClosed()
  }

  @Test(arguments: ["/key", "/generation"])
  func otherEndpointsStopAtTheLimitToo(path: String) async throws {
    let transport = ScriptedTransport()
    let client = client(on: transport, limit: 2048)
    let task = Task {
      if path == "/key" {
        _ = try await client.keyInfo()
      } else {
        _ = try await client.generation(id: "gen-1")
      }
    }
    let exchange = try await transport.nextExchange()
    exchange.respond(status: 200, headers: [("content-type", "application/json")])
    exchange.send(#"{"data":{"label":""#)
    for _ in 0..<5 { exchange.send(String(repeating: "k", count: 1000)) }
    let error = try await typedError(of: task)
    #expect(error.category == .decoding)
    try await exchange.waitUntilClosed()
  }

  @Test func anErrorBodyOverTheLimitKeepsItsStatus() async throws {
    let transport = ScriptedTransport()
    let client = client(on: transport, limit: 2048)
    let stream = client.stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond(status: 502, headers: [("content-type", "text/html")])
    exchange.send("<html><head><title>502 Bad Gateway</title></head><body>")
    for _ in 0..<10 { exchange.send(String(repeating: "e", count: 1000)) }
    let result = try await collect(stream)
    #expect(result.error?.status == 502)
    #expect(result.error?.category == .upstream)
    #expect(result.error?.message == "502 Bad Gateway")
    try await exchange.waitUntilClosed()
  }

  @Test func anErrorBodyIsReadToOneMebibyteAtMost() async throws {
    let transport = ScriptedTransport()
    let stream = client(on: transport).stream(Self.request)
    let exchange = try await transport.nextExchange()
    exchange.respond(status: 503, headers: [("content-type", "text/plain")])
    exchange.send("overloaded ")
    // 2 MiB and no end: the client stops at 1 MiB without waiting for more.
    for _ in 0..<2 { exchange.send(String(repeating: "o", count: 1 << 20)) }
    let result = try await collect(stream)
    #expect(result.error?.status == 503)
    #expect(result.error?.rawBody?.hasPrefix("overloaded ") == true)
    try await exchange.waitUntilClosed()
  }
}
