import OpenRouter
import TestSupport

/// How long after a consumer cancels a stream the server sees the connection close
/// (target: under 100 ms), over many trials against the loopback stub.
enum CancelBenchmarks {
  static func run() async throws {
    let stub = try await StubOpenRouter.start()
    let client = TestClients.client(for: stub)
    let chunks = StubChunks()
    var latencies: [Duration] = []
    for trial in 0..<50 {
      stub.enqueue(.sse([.data(chunks.content("first")), .stall]))
      let firstToken = AsyncStream.makeStream(of: Void.self)
      let consumer = Task {
        for try await event in client.stream(ChatRequest(model: "m", messages: [.user("x")])) {
          if case .content = event { firstToken.continuation.yield() }
        }
      }
      for await _ in firstToken.stream { break }
      let cancelledAt = ContinuousClock.now
      consumer.cancel()
      guard let closed = await stub.waitForDisconnect(ofRequest: trial, timeout: .seconds(5)) else {
        print("trial \(trial): the stub never saw the connection close")
        continue
      }
      latencies.append(closed - cancelledAt)
    }
    await stub.shutdown()
    latencies.sort()
    guard !latencies.isEmpty else { return }
    func milliseconds(_ duration: Duration) -> String {
      let (seconds, attoseconds) = duration.components
      return String(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        .prefix(6).description
    }
    print(
      "cancel → server sees close: p50 \(milliseconds(latencies[latencies.count / 2])) ms,"
        + " p99 \(milliseconds(latencies[latencies.count * 99 / 100])) ms,"
        + " max \(milliseconds(latencies[latencies.count - 1])) ms over \(latencies.count) trials"
        + " (target < 100 ms)")
  }
}
