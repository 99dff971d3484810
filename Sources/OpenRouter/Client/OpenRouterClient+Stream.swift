import Foundation
import NIOCore
import Synchronization

extension OpenRouterClient {
  /// Streams a chat completion.
  ///
  /// Events arrive as the server sends them; the stream finishes after `.finished`, or
  /// throws `OpenRouterError` (a mid-stream error after the content already delivered,
  /// `interrupted` for a stream that stopped early, `timeout` after `idleTimeout` without
  /// bytes). Failures before any content are retried by the configured policy, each retry
  /// announced by a `.retrying` event.
  ///
  /// - Important: Cancelling the consuming task (or dropping the stream) cancels the request
  ///   and closes the connection.
  public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
    var request = request
    request.stream = true
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: ChatStreamEvent.self)
    let task = Task {
      do {
        let body = try Self.encode(request)
        try await withRetries(onRetry: { continuation.yield(.retrying($0)) }) { retries in
          try await streamOnce(body: body, retries: retries, into: continuation)
        }
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  /// One attempt: sends the request and relays events until the end, an error, or the idle
  /// timeout.
  private func streamOnce(
    body: [UInt8], retries: [RetryNotice],
    into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
  ) async throws {
    let progress = StreamProgress()
    let idleTimeout = configuration.idleTimeout
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await relay(body: body, retries: retries, progress: progress, into: continuation)
      }
      group.addTask {
        try await progress.watch(idleTimeout: idleTimeout)
      }
      try await group.next()
      group.cancelAll()
    }
  }

  private func relay(
    body: [UInt8], retries: [RetryNotice], progress: StreamProgress,
    into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
  ) async throws {
    let response = try await send(
      method: "POST", path: "/chat/completions", body: body, accept: "text/event-stream",
      timeout: nil)
    progress.touch()
    guard (200..<300).contains(response.status) else {
      let bytes = try await readAll(response.body, limit: 1 << 20)
      throw OpenRouterError.fromHTTP(status: response.status, headers: response.headers, body: bytes)
    }
    let contentType = response.header("content-type")?.lowercased() ?? ""
    if !contentType.contains("text/event-stream") {
      // A whole JSON body where a stream was asked for (OpenRouter.docc/EdgeCases.md, case 44).
      let bytes = try await readAll(response.body)
      let completion = try Self.decodeCompletion(status: response.status, headers: response.headers, body: bytes)
      for event in Self.events(from: completion, retries: retries) { continuation.yield(event) }
      return
    }
    var decoder = ChatStreamDecoder()
    var events: [ChatStreamEvent] = []
    defer { flush(&events, retries: retries, into: continuation) }
    do {
      for try await buffer in response.body {
        progress.touch()
        try buffer.withUnsafeReadableBytes { try decoder.push($0, into: &events) }
        if decoder.hasDelivered { progress.markDelivered() }
        flush(&events, retries: retries, into: continuation)
        if decoder.isDone { return }
      }
    } catch let error as TransportError {
      // Some proxies drop the connection right after the last chunk: a reply that already
      // has its finish reason is complete (OpenRouter.docc/Streaming.md, Accumulation).
      guard case .connectionLost = error, decoder.hasFinishReason else {
        throw mapTransport(error, afterContent: decoder.hasDelivered)
      }
    }
    try decoder.finish(into: &events)
  }

  private func flush(
    _ events: inout [ChatStreamEvent], retries: [RetryNotice],
    into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
  ) {
    for event in events { continuation.yield(Self.attach(retries, to: event)) }
    events.removeAll(keepingCapacity: true)
  }

  private static func attach(_ retries: [RetryNotice], to event: ChatStreamEvent) -> ChatStreamEvent {
    guard case .finished(var summary) = event, !retries.isEmpty else { return event }
    summary.retries = retries
    return .finished(summary)
  }

  /// The events a stream would have carried for a whole completion.
  public static func events(from completion: ChatCompletionResponse, retries: [RetryNotice]) -> [ChatStreamEvent] {
    let metadata = ResponseMetadata(
      generationID: completion.id, model: completion.model, provider: completion.provider)
    var events: [ChatStreamEvent] = [.metadata(metadata)]
    let reasoning = completion.reasoning ?? ""
    if !reasoning.isEmpty { events.append(.reasoning(reasoning)) }
    if !completion.content.isEmpty { events.append(.content(completion.content)) }
    for image in completion.choices.first?.message.images ?? [] { events.append(.image(image)) }
    var citations = CitationCollector()
    let annotations = citations.add(completion.citations)
    if !annotations.isEmpty { events.append(.annotations(annotations)) }
    if let usage = completion.usage { events.append(.usage(usage)) }
    let toolCalls = completion.choices.first?.message.toolCalls ?? []
    var reason = completion.finishReason
    if !toolCalls.isEmpty, reason == nil || reason == .stop { reason = .toolCalls }
    if let reason { events.append(.finishReason(reason)) }
    var summary = StreamSummary(
      metadata: metadata, content: completion.content, reasoning: reasoning,
      finishReason: reason, nativeFinishReason: completion.choices.first?.nativeFinishReason,
      usage: completion.usage, toolCalls: toolCalls,
      reasoningDetails: completion.choices.first?.message.reasoningDetails ?? [],
      retries: retries)
    summary.annotations = citations.items
    events.append(.finished(summary))
    return events
  }
}

/// Liveness of one stream attempt, shared by the reader and the idle watchdog.
final class StreamProgress: Sendable {
  private struct State {
    var lastActivity = ContinuousClock.now
    var delivered = false
  }

  private let state = Mutex(State())

  func touch() {
    state.withLock { $0.lastActivity = .now }
  }

  func markDelivered() {
    state.withLock { $0.delivered = true }
  }

  /// Returns never; throws `timeout` once no bytes arrived for `idleTimeout`.
  func watch(idleTimeout: Duration) async throws {
    while true {
      let (last, delivered) = state.withLock { ($0.lastActivity, $0.delivered) }
      let idle = ContinuousClock.now - last
      if idle >= idleTimeout {
        throw OpenRouterError.idleTimeout(idleTimeout, afterContent: delivered)
      }
      try await Task.sleep(for: idleTimeout - idle)
    }
  }
}
