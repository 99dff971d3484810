import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

extension StubOpenRouter {
  /// Why a reply script ended the connection early.
  enum ReplyEnd {
    case complete
    case connectionClosed
  }

  /// Serves one connection: requests one after another (keep-alive). The current task reads;
  /// a child task answers, so a client that closes the connection mid-reply is noticed at
  /// once (and timed) even while the reply is paused or stalled.
  func serve(
    _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
    inFlight: InFlightRequest
  ) async {
    let channel = connection.channel
    _ = try? await connection.executeThenClose { inbound, outbound in
      let (parts, partsContinuation) = AsyncStream.makeStream(of: HTTPServerRequestPart.self)
      let responder = Task {
        try await self.answer(parts, outbound: outbound, channel: channel, inFlight: inFlight)
      }
      do {
        for try await part in inbound { partsContinuation.yield(part) }
      } catch {
        // A reset by the peer ends the connection just like a close: fall through.
      }
      partsContinuation.finish()
      if let index = inFlight.index {
        recordDisconnect(ofRequest: index, at: inFlight.closedAt ?? .now)
        responder.cancel()
      }
      _ = await responder.result
    }
  }

  private func answer(
    _ parts: AsyncStream<HTTPServerRequestPart>,
    outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>, channel: any Channel,
    inFlight: InFlightRequest
  ) async throws {
    var head: HTTPRequestHead?
    var body: [UInt8] = []
    for await part in parts {
      switch part {
      case .head(let requestHead):
        head = requestHead
        body = []
      case .body(let buffer):
        body.append(contentsOf: buffer.readableBytesView)
      case .end:
        guard let requestHead = head else { continue }
        let request = capture(requestHead, body: body)
        inFlight.index = request.index
        let end = try await write(route(request), to: outbound, channel: channel)
        inFlight.index = nil
        if case .connectionClosed = end { return }
      }
    }
  }

  func recordDisconnect(ofRequest index: Int, at instant: ContinuousClock.Instant) {
    state.withLock { state in
      if state.disconnects[index] == nil { state.disconnects[index] = instant }
    }
  }

  private func capture(_ head: HTTPRequestHead, body: [UInt8]) -> CapturedRequest {
    let parts = head.uri.split(separator: "?", maxSplits: 1)
    return state.withLock { state in
      let request = CapturedRequest(
        index: state.requests.count, method: head.method.rawValue,
        path: String(parts.first ?? ""), query: parts.count > 1 ? String(parts[1]) : nil,
        headers: head.headers.map { ($0.name, $0.value) }, body: body)
      state.requests.append(request)
      return request
    }
  }

  /// Plays a reply script.
  private func write(
    _ reply: StubReply, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
    channel: any Channel
  ) async throws -> ReplyEnd {
    var headers = HTTPHeaders(reply.headers)
    let isWholeBody = !reply.steps.contains { step in
      if case .bytes = step { return false }
      return true
    }
    if isWholeBody {
      let length = reply.steps.reduce(0) { total, step in
        if case .bytes(let bytes) = step { return total + bytes.count }
        return total
      }
      headers.replaceOrAdd(name: "Content-Length", value: String(length))
    }
    let status = HTTPResponseStatus(statusCode: reply.status)
    try await outbound.write(
      .head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
    for step in reply.steps {
      switch step {
      case .bytes(let bytes):
        for piece in Self.pieces(of: bytes, mode: reply.writeMode) {
          try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: piece))))
          if case .split(_, let pause) = reply.writeMode { try await Task.sleep(for: pause) }
        }
      case .pause(let duration):
        try await Task.sleep(for: duration)
      case .stall:
        try await Task.sleep(for: .seconds(3600))
      case .reset:
        // SO_LINGER 0 makes close() send RST instead of FIN.
        try await (channel as? any SocketOptionProvider)?
          .setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        try? await channel.close()
        return .connectionClosed
      case .close:
        try? await channel.close()
        return .connectionClosed
      }
    }
    try await outbound.write(.end(nil))
    return .complete
  }

  static func pieces(of bytes: [UInt8], mode: StubReply.WriteMode) -> [ArraySlice<UInt8>] {
    guard case .split(let maxChunk, _) = mode else { return [bytes[...]] }
    var pieces: [ArraySlice<UInt8>] = []
    var start = 0
    var size = 1
    while start < bytes.count {
      let end = min(bytes.count, start + min(size, max(1, maxChunk)))
      pieces.append(bytes[start..<end])
      start = end
      size = size % 3 + 1
    }
    return pieces
  }
}

/// A connection and what its handlers share.
struct StubConnection: Sendable {
  var channel: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
  var inFlight: InFlightRequest
}

/// The request a connection is answering, and when the connection closed, shared by the
/// reader, the responder and the event-loop handler that times the close.
final class InFlightRequest: Sendable {
  private struct State {
    var index: Int?
    var closedAt: ContinuousClock.Instant?
  }

  private let state = Mutex(State())

  var index: Int? {
    get { state.withLock { $0.index } }
    set { state.withLock { $0.index = newValue } }
  }

  var closedAt: ContinuousClock.Instant? {
    get { state.withLock { $0.closedAt } }
    set { state.withLock { $0.closedAt = newValue } }
  }
}

/// Times the close of a connection on the event loop itself, so the instant is exact even
/// when the cooperative thread pool that runs the stub's tasks is busy.
final class CloseTimer: ChannelInboundHandler, Sendable {
  typealias InboundIn = NIOAny

  let inFlight: InFlightRequest

  init(inFlight: InFlightRequest) {
    self.inFlight = inFlight
  }

  func channelInactive(context: ChannelHandlerContext) {
    inFlight.closedAt = .now
    context.fireChannelInactive()
  }
}
