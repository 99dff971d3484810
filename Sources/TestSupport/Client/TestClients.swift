import OpenRouter

/// Clients wired to a stub server over real loopback HTTP.
public enum TestClients {
  /// One live transport for every test in a process (an `HTTPClient` that is never shut down,
  /// like async-http-client's own shared client).
  public static let transport = HTTPClientTransport(connectTimeout: .seconds(2))

  /// Fast retries, so retry tests take milliseconds.
  public static let fastRetries = RetryPolicy(
    maxRetries: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40),
    maxServerDelay: .seconds(5), maxTotalWait: .seconds(10))

  public static func client(
    for stub: StubOpenRouter, key: String = "sk-or-v1-test", retry: RetryPolicy = fastRetries,
    idleTimeout: Duration = .seconds(10)
  ) -> OpenRouterClient {
    OpenRouterClient(
      configuration: OpenRouterConfiguration(
        apiKey: key, baseURL: stub.baseURL, idleTimeout: idleTimeout, requestTimeout: .seconds(20),
        retry: retry),
      transport: transport)
  }

  /// A client on an in-memory transport the test answers by hand.
  public static func client(
    on transport: ScriptedTransport, key: String = "sk-or-v1-test", retry: RetryPolicy = fastRetries
  ) -> OpenRouterClient {
    OpenRouterClient(
      configuration: OpenRouterConfiguration(
        apiKey: key, baseURL: "http://scripted.invalid/api/v1", retry: retry),
      transport: transport)
  }

  /// Reads a stream to its end.
  public static func collect(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async
    -> (events: [ChatStreamEvent], error: (any Error)?)
  {
    var events: [ChatStreamEvent] = []
    do {
      for try await event in stream { events.append(event) }
      return (events, nil)
    } catch {
      return (events, error)
    }
  }
}
