import Foundation
import TestSupport
import Testing

@testable import OpenRouter

@Suite struct ClientRetryTests {
  let request = ChatRequest(model: "openai/gpt-4o-mini", messages: [.user("hi")], maxTokens: 64)

  @Test func transientStatusesAreRetriedThenSucceed() async throws {
    for status in [408, 429, 500, 502, 503, 504] {
      let stub = try await StubOpenRouter.start()
      stub.enqueue(StubErrors.reply(status: status, retryAfter: "0.05"))
      stub.enqueue(StubErrors.reply(status: status, retryAfter: "0.05"))
      let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
      #expect(result.error == nil, "HTTP \(status)")
      #expect(result.events.text == "You said: hi")
      let retries = result.events.compactMap {
        if case .retrying(let notice) = $0 { notice } else { nil }
      }
      #expect(retries.map(\.attempt) == [1, 2])
      #expect(retries.allSatisfy { $0.error.status == status })
      #expect(result.events.summary?.retries.count == 2)
      #expect(stub.chatRequests.count == 3)
      await stub.shutdown()
    }
  }

  @Test func retryAfterIsHonouredAndReported() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(StubErrors.reply(status: 429, retryAfter: "0.3"))
    let started = ContinuousClock.now
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let elapsed = ContinuousClock.now - started
    #expect(result.error == nil)
    #expect(result.events.summary?.retries.first?.delay == .milliseconds(300))
    // The wait was the server's 300 ms, not the 10 ms backoff.
    #expect(elapsed >= .milliseconds(300))
    await stub.shutdown()
  }

  @Test func withoutRetryAfterTheBackoffIsUsed() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(StubErrors.reply(status: 500))
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let delay = try #require(result.events.summary?.retries.first?.delay)
    #expect(delay >= .milliseconds(7) && delay <= .milliseconds(10))
    await stub.shutdown()
  }

  @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
    let stub = try await StubOpenRouter.start()
    // The date is made when the reply is, two seconds ahead (whole seconds, so 1–2 s).
    stub.enqueue { _ in
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "GMT")
      formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
      let date = formatter.string(from: Date().addingTimeInterval(2))
      return .json(
        #"{"error":{"code":503,"message":"busy"}}"#, status: 503, headers: [("Retry-After", date)])
    }
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let delay = try #require(result.events.summary?.retries.first?.delay)
    // The backoff alone would be at most 40 ms.
    #expect(delay > .milliseconds(200) && delay <= .seconds(2))
    await stub.shutdown()
  }

  @Test func clientErrorsAreNeverRetried() async throws {
    for status in [400, 401, 402, 403, 404] {
      let stub = try await StubOpenRouter.start()
      stub.enqueue(StubErrors.reply(status: status))
      let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
      let error = try #require(result.error as? OpenRouterError)
      #expect(error.status == status)
      #expect(error.attempts == 1)
      #expect(stub.chatRequests.count == 1, "HTTP \(status) was retried")
      await stub.shutdown()
    }
  }

  @Test func exhaustedRetriesReportAttemptsAndWaits() async throws {
    let stub = try await StubOpenRouter.start()
    var request = request
    request.model = "stub/http-429"
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let error = try #require(result.error as? OpenRouterError)
    #expect(error.attempts == 3)
    #expect(error.retryWaits == [.milliseconds(200), .milliseconds(200)])
    #expect(error.category == .rateLimited(retryAfter: .milliseconds(200)))
    #expect(
      error.userMessage.hasPrefix(
        "Rate limited after 3 attempts (HTTP 429: Rate limit exceeded: free-models-per-min.)"))
    await stub.shutdown()
  }

  @Test func aRetryAfterLongerThanTheCapFailsAtOnce() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(StubErrors.reply(status: 429, retryAfter: "3600"))
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let error = try #require(result.error as? OpenRouterError)
    #expect(error.attempts == 1)
    #expect(error.userMessage.contains("wait 3600 s"))
    await stub.shutdown()
  }

  @Test func connectionRefusedIsANetworkErrorAfterRetries() async throws {
    let stub = try await StubOpenRouter.start()
    await stub.shutdown()
    let result = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let error = try #require(result.error as? OpenRouterError)
    #expect(error.category == .network)
    #expect(error.attempts == 3)
    #expect(
      error.userMessage
        == "Cannot reach OpenRouter at 127.0.0.1 (connection refused); check the network and the base URL"
    )
  }
}

@Suite struct ClientCancellationTests {
  /// The reply sends one token and then nothing, so the only way the stub can see the
  /// connection close is the client closing it. The latency itself (target: under 100 ms)
  /// is measured by the `cancel` benchmark, not asserted here.
  @Test func cancellingTheConsumerClosesTheConnection() async throws {
    let stub = try await StubOpenRouter.start()
    let chunks = StubChunks()
    stub.enqueue(.sse([.data(chunks.content("Counting: 1")), .stall]))
    let client = TestClients.client(for: stub)
    let request = ChatRequest(
      model: "openai/gpt-4o-mini", messages: [.user("count")], maxTokens: 64)
    let firstToken = AsyncStream.makeStream(of: Void.self)
    let consumer = Task { () -> ([ChatStreamEvent], OpenRouterError?) in
      var events: [ChatStreamEvent] = []
      do {
        for try await event in client.stream(request) {
          events.append(event)
          if case .content = event { firstToken.continuation.yield() }
        }
        return (events, nil)
      } catch {
        return (events, error as? OpenRouterError)
      }
    }
    for await _ in firstToken.stream { break }
    #expect(stub.disconnectTime(ofRequest: 0) == nil)
    let cancelledAt = ContinuousClock.now
    consumer.cancel()
    let disconnect = try #require(await stub.waitForDisconnect(ofRequest: 0, timeout: .seconds(5)))
    // Far below the 10 s idle timeout: the close came from the cancellation.
    #expect(disconnect - cancelledAt < .seconds(2))
    let (events, error) = await consumer.value
    #expect(events.text == "Counting: 1")
    // A cancelled consumer's loop simply ends (AsyncThrowingStream returns nil), never with
    // `.finished`.
    #expect(events.summary == nil)
    #expect(error == nil || error?.category == .cancelled)
    #expect(stub.chatRequests.count == 1)
    await stub.shutdown()
  }
}
