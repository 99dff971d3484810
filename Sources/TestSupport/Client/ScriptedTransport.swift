import Foundation
import NIOCore
import OpenRouter
import Synchronization

/// An in-memory `Transport` that a test answers by hand: every request waits until the test
/// takes it (`nextExchange`) and gives it a status, then body bytes in whatever pieces it
/// likes, then an end. No sockets and no timers, so engine and runtime tests step through an
/// exchange and assert between steps, without sleeping or polling.
///
/// The loopback `StubOpenRouter` stays the tool for wire-format and end-to-end tests.
///
/// - Important: Every wait has a deadline and throws `ScriptedTransport.Timeout` when it
///   passes, so a test that expects something that never comes fails instead of hanging.
public final class ScriptedTransport: Transport {
  /// A wait that ran out.
  public struct Timeout: Error, CustomStringConvertible {
    public var description: String
  }

  private let arrivals: AsyncStream<ScriptedExchange>
  private let arrive: AsyncStream<ScriptedExchange>.Continuation

  public init() {
    (arrivals, arrive) = AsyncStream.makeStream(of: ScriptedExchange.self)
  }

  public func send(_ request: TransportRequest) async throws -> TransportResponse {
    let exchange = ScriptedExchange(request: request)
    arrive.yield(exchange)
    return try await exchange.awaitHead()
  }

  /// The next request the client sent, in order, once it has been sent.
  /// - Throws: `Timeout` when no request arrives within `deadline`.
  public func nextExchange(within deadline: Duration = .seconds(10)) async throws
    -> ScriptedExchange
  {
    let arrivals = arrivals
    let exchange = try await withDeadline(deadline, "no request arrived") {
      () async -> ScriptedExchange? in
      for await exchange in arrivals { return exchange }
      return nil
    }
    guard let exchange else { throw Timeout(description: "the transport is closed") }
    return exchange
  }
}

/// One request in flight on a `ScriptedTransport`, answered by the test.
public final class ScriptedExchange: Sendable {
  public let request: TransportRequest
  private let head = Mutex<HeadState>(.waiting([]))
  private let body: AsyncThrowingStream<ByteBuffer, any Error>
  private let bodyInput: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
  private let closedSignal: AsyncStream<Void>
  private let closeInput: AsyncStream<Void>.Continuation

  private enum HeadState {
    case waiting([CheckedContinuation<TransportResponse, any Error>])
    case answered(Result<TransportResponse, any Error>)
  }

  init(request: TransportRequest) {
    self.request = request
    (body, bodyInput) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
    (closedSignal, closeInput) = AsyncStream.makeStream(of: Void.self)
    let closeInput = closeInput
    bodyInput.onTermination = { _ in
      closeInput.yield()
      closeInput.finish()
    }
  }

  /// The request body as JSON.
  public var json: JSONValue? {
    request.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0)) }
  }

  /// The request body decoded as a chat request.
  public func chatRequest() throws -> ChatRequest {
    try JSONDecoder().decode(ChatRequest.self, from: Data(request.body ?? []))
  }

  // MARK: - Answering

  /// Sends the response head; the body follows with `send` and ends with `finish`.
  public func respond(status: Int = 200, headers: [(String, String)]? = nil) {
    let headers =
      headers ?? [("content-type", status == 200 ? "text/event-stream" : "application/json")]
    let closeInput = closeInput
    let onAbandon: @Sendable () -> Void = {
      closeInput.yield()
      closeInput.finish()
    }
    answer(
      .success(
        TransportResponse(
          status: status, headers: headers, body: Body(base: body, onAbandon: onAbandon))))
  }

  /// A whole JSON response (a non-streaming reply or an error body).
  public func respondJSON(_ text: String, status: Int = 200) {
    respond(status: status, headers: [("content-type", "application/json")])
    send(text)
    finish()
  }

  /// Fails the request before any head, as a refused connection does.
  public func fail(_ error: TransportError) {
    answer(.failure(error))
  }

  /// Writes body bytes.
  public func send(_ text: String) {
    bodyInput.yield(ByteBuffer(string: text))
  }

  /// Writes one `data:` event (a JSON payload of the stream format) and its blank line.
  public func event(_ payload: String) {
    send("data: \(payload)\n\n")
  }

  /// Ends the body normally.
  public func finish() {
    bodyInput.finish()
  }

  /// Breaks the body, as a lost connection does.
  public func breakConnection() {
    bodyInput.finish(throwing: TransportError.connectionLost("connection reset by the test"))
  }

  /// Waits until the client has stopped reading the body: it read to the end, it dropped
  /// the body (as it does after `[DONE]`, an error or a limit: the live transport closes
  /// the connection then), or it was cancelled.
  /// - Throws: `ScriptedTransport.Timeout` when it is still reading at `deadline`.
  public func waitUntilClosed(within deadline: Duration = .seconds(10)) async throws {
    let signal = closedSignal
    try await withDeadline(deadline, "the client never closed the connection") {
      for await _ in signal { break }
    }
  }

  // MARK: - Plumbing

  /// The body as the live transport gives it: a reader whose task is cancelled gets
  /// `CancellationError`, not a quiet end, and a reader that drops its iterator closes the
  /// connection.
  struct Body: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: AsyncThrowingStream<ByteBuffer, any Error>
    let onAbandon: @Sendable () -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
      var base: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator
      /// Ends with the last copy of the iterator: the reader is gone.
      let reader: ReaderToken

      mutating func next() async throws -> ByteBuffer? {
        let next = try await base.next()
        if next == nil, Task.isCancelled { throw CancellationError() }
        return next
      }
    }

    func makeAsyncIterator() -> AsyncIterator {
      AsyncIterator(base: base.makeAsyncIterator(), reader: ReaderToken(onAbandon))
    }
  }

  /// Runs its closure when the last reference goes.
  final class ReaderToken: Sendable {
    let onDeinit: @Sendable () -> Void
    init(_ onDeinit: @escaping @Sendable () -> Void) { self.onDeinit = onDeinit }
    deinit { onDeinit() }
  }

  private func answer(_ result: Result<TransportResponse, any Error>) {
    let waiters = head.withLock { state -> [CheckedContinuation<TransportResponse, any Error>] in
      guard case .waiting(let waiters) = state else { return [] }
      state = .answered(result)
      return waiters
    }
    for waiter in waiters { waiter.resume(with: result) }
  }

  func awaitHead() async throws -> TransportResponse {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let ready = head.withLock { state -> Result<TransportResponse, any Error>? in
          switch state {
          case .waiting(var waiters):
            waiters.append(continuation)
            state = .waiting(waiters)
            return nil
          case .answered(let result):
            return result
          }
        }
        if let ready { continuation.resume(with: ready) }
      }
    } onCancel: {
      answer(.failure(CancellationError()))
      bodyInput.finish()
    }
  }
}

/// Runs `operation`, failing with `ScriptedTransport.Timeout` if it has not finished after
/// `deadline` (the operation is then cancelled).
public func withDeadline<Value: Sendable>(
  _ deadline: Duration, _ what: String, _ operation: @escaping @Sendable () async -> Value
) async throws -> Value {
  try await withThrowingTaskGroup(of: Value?.self) { group in
    group.addTask { await operation() }
    group.addTask {
      try? await Task.sleep(for: deadline)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let value = first else {
      throw ScriptedTransport.Timeout(description: "\(what) within \(deadline)")
    }
    return value
  }
}
