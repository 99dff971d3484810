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
  /// A reply is complete at `[DONE]`, at a usage chunk after the finish reason, or after
  /// `finishGrace` of silence once the finish reason came, so a server that keeps the
  /// connection open never holds a finished reply (OpenRouter.docc/Streaming.md,
  /// Completion).
  ///
  /// - Important: Cancelling the consuming task (or dropping the stream) cancels the request
  ///   and closes the connection.
  public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: ChatStreamEvent.self)
    let task = Task {
      do {
        try await self.stream(request) { continuation.yield($0) }
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  /// Streams a chat completion, handing each event to `onEvent` on the task that reads the
  /// response, as it is decoded: no hand-over to another task per event (a stream at a real
  /// model's pace is mostly such hand-overs). Returns after `.finished`; throws as `stream`
  /// does, and `CancellationError` or a `cancelled` `OpenRouterError` when the calling task
  /// is cancelled (the connection is closed).
  public func stream(
    _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
  ) async throws {
    var request = request
    request.stream = true
    let body = try Self.encode(request)
    let attempt: ([RetryNotice]) async throws -> Void = { retries in
      try await streamOnce(body: body, retries: retries, emit: onEvent)
    }
    try await withRetries(onRetry: { onEvent(.retrying($0)) }, attempt)
  }

  /// One attempt: sends the request and relays events until the end, an error, or the idle
  /// timeout.
  private func streamOnce(
    body: [UInt8], retries: [RetryNotice], emit: @escaping @Sendable (ChatStreamEvent) -> Void
  ) async throws {
    let progress = StreamProgress()
    let idleTimeout = configuration.idleTimeout
    let finishGrace = configuration.finishGrace
    // Each child says whether it is the reader.
    try await withThrowingTaskGroup(of: Bool.self) { group in
      // The reader runs where the transport receives the bytes, if it says where.
      group.addTask(executorPreference: transport.bodyExecutor) {
        try await relay(body: body, retries: retries, progress: progress, emit: emit)
        return true
      }
      group.addTask {
        try await progress.watch(idleTimeout: idleTimeout, finishGrace: finishGrace)
        return false
      }
      // The first to end wins: the reader (the stream ended) or the watchdog (an idle
      // timeout, thrown). A watchdog that returns saw the finish grace pass: cancelling the
      // reader makes it complete the reply, and its outcome is the attempt's.
      let readerEnded = try await group.next() ?? true
      group.cancelAll()
      if !readerEnded { _ = try await group.next() }
    }
  }

  private func relay(
    body: [UInt8], retries: [RetryNotice], progress: StreamProgress,
    emit: @Sendable (ChatStreamEvent) -> Void
  ) async throws {
    let response = try await send(
      method: "POST", path: "/chat/completions", body: body, accept: "text/event-stream",
      timeout: nil)
    progress.touch()
    guard (200..<300).contains(response.status) else {
      let bytes = try await readBody(of: response)
      throw OpenRouterError.fromHTTP(
        status: response.status, headers: response.headers, body: bytes)
    }
    let contentType = response.header("content-type")?.lowercased() ?? ""
    if !contentType.contains("text/event-stream") {
      // A whole JSON body where a stream was asked for (OpenRouter.docc/EdgeCases.md, case 44).
      let bytes = try await readBody(of: response)
      let completion = try ResponseBody.completion(
        status: response.status, headers: response.headers, body: bytes)
      for event in Self.events(from: completion, retries: retries) { emit(event) }
      return
    }
    var decoder = ChatStreamDecoder(maxBufferedBytes: configuration.maxBufferedBytes)
    var events: [ChatStreamEvent] = []
    defer { flush(&events, retries: retries, emit: emit) }
    do {
      for try await buffer in response.body {
        try buffer.withUnsafeReadableBytes { try decoder.push($0, into: &events) }
        progress.record(delivered: decoder.hasDelivered, finished: decoder.hasFinishReason)
        flush(&events, retries: retries, emit: emit)
        if decoder.isDone { return }
      }
    } catch let error as TransportError {
      // Some proxies drop the connection right after the last chunk: a reply that already
      // has its finish reason is complete (OpenRouter.docc/Streaming.md, Completion).
      guard case .connectionLost = error, decoder.hasFinishReason else {
        throw mapTransport(error, afterContent: decoder.hasDelivered)
      }
    } catch is CancellationError where progress.graceElapsed {
      // The finish reason came, then silence for `finishGrace`: the reply is complete.
    }
    try decoder.finish(into: &events)
  }

  private func flush(
    _ events: inout [ChatStreamEvent], retries: [RetryNotice],
    emit: @Sendable (ChatStreamEvent) -> Void
  ) {
    for event in events { emit(Self.attach(retries, to: event)) }
    events.removeAll(keepingCapacity: true)
  }

  private static func attach(_ retries: [RetryNotice], to event: ChatStreamEvent) -> ChatStreamEvent
  {
    guard case .finished(var summary) = event, !retries.isEmpty else { return event }
    summary.retries = retries
    return .finished(summary)
  }

  /// The events a stream would have carried for a whole completion.
  public static func events(from completion: ChatCompletionResponse, retries: [RetryNotice])
    -> [ChatStreamEvent]
  {
    ResponseBody.events(from: completion, retries: retries)
  }
}

/// Liveness of one stream attempt, shared by the reader and the idle watchdog.
final class StreamProgress: Sendable {
  private struct State {
    var lastActivity = ContinuousClock.now
    var delivered = false
    var finished = false
    var graceElapsed = false
  }

  private let state = Mutex(State())

  func touch() {
    state.withLock { $0.lastActivity = .now }
  }

  /// Bytes arrived; whether content has been delivered so far, and whether the finish
  /// reason came (from then on `finishGrace` of silence ends the reply). One lock per read.
  func record(delivered: Bool, finished: Bool) {
    state.withLock {
      $0.lastActivity = .now
      $0.delivered = $0.delivered || delivered
      $0.finished = $0.finished || finished
    }
  }

  /// True once the watchdog ended the stream after the finish reason.
  var graceElapsed: Bool { state.withLock { $0.graceElapsed } }

  /// Throws `timeout` once no bytes arrived for `idleTimeout`; returns once no bytes
  /// arrived for `finishGrace` after the finish reason.
  func watch(idleTimeout: Duration, finishGrace: Duration) async throws {
    while true {
      let (last, delivered, finished) = state.withLock {
        ($0.lastActivity, $0.delivered, $0.finished)
      }
      let limit = finished ? min(idleTimeout, finishGrace) : idleTimeout
      let idle = ContinuousClock.now - last
      if idle >= limit {
        if finished {
          state.withLock { $0.graceElapsed = true }
          return
        }
        throw OpenRouterError.idleTimeout(idleTimeout, afterContent: delivered)
      }
      // Wake at the limit, or sooner while a finish reason may still shorten it.
      let wake = finished ? limit - idle : min(limit - idle, max(finishGrace, .milliseconds(50)))
      try await Task.sleep(for: wake)
    }
  }
}
