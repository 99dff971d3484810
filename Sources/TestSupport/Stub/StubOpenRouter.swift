import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import OpenRouter
import Synchronization

/// A local OpenRouter: real HTTP/1.1 on 127.0.0.1 with an ephemeral port, speaking
/// OpenRouter's wire format (OpenRouter.docc) byte for byte. For tests and benchmarks only.
///
/// Chat completions are answered from a queue of scripted replies (`enqueue`), else by the
/// scenario the request names (model `stub/<scenario>` or a user message containing
/// `scenario:<name>`, see `StubScenario`), else by a short streamed echo. Every request is
/// captured; connection closes are timed so tests can prove cancellation.
///
/// With `flavor: .openAICompatible` it plays a plain OpenAI-compatible server instead (a
/// local llama.cpp or Ollama): `/models` in OpenAI's list shape, chunks without `provider`
/// or `usage.cost`, and no `/key` or `/generation` (404).
public final class StubOpenRouter: Sendable {
  /// Which server the stub plays.
  public enum Flavor: Sendable, Hashable {
    /// OpenRouter, byte for byte.
    case openRouter
    /// A plain OpenAI-compatible server.
    case openAICompatible
  }

  public typealias Responder = @Sendable (CapturedRequest) -> StubReply

  struct State {
    var requests: [CapturedRequest] = []
    var queue: [Responder] = []
    var disconnects: [Int: ContinuousClock.Instant] = [:]
    var generationLookups: [String: Int] = [:]
  }

  public let port: Int
  /// The key `/key` and every endpoint accept; `nil` accepts any.
  public let validKey: String?
  public let flavor: Flavor
  let state = Mutex(State())
  let catalogJSON: String
  private let serverChannel: any Channel

  public var baseURL: String { "http://127.0.0.1:\(port)/api/v1" }

  private init(
    port: Int, validKey: String?, flavor: Flavor, catalogJSON: String, serverChannel: any Channel
  ) {
    self.port = port
    self.validKey = validKey
    self.flavor = flavor
    self.catalogJSON = catalogJSON
    self.serverChannel = serverChannel
  }

  /// Starts a server on an ephemeral loopback port.
  /// - Parameters:
  ///   - validKey: When set, requests with another bearer key get OpenRouter's 401 envelope.
  ///   - catalogJSON: The body of `GET /models` (OpenRouter flavour).
  ///   - flavor: OpenRouter, or a plain OpenAI-compatible server.
  public static func start(
    validKey: String? = nil, catalogJSON: String = StubCatalog.json, flavor: Flavor = .openRouter
  ) async throws -> StubOpenRouter {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .bind(host: "127.0.0.1", port: 0) { channel in
        channel.eventLoop.makeCompletedFuture {
          let inFlight = InFlightRequest()
          try channel.pipeline.syncOperations.addHandler(CloseTimer(inFlight: inFlight))
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withPipeliningAssistance: false, withErrorHandling: true)
          let connection = try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
            wrappingChannelSynchronously: channel)
          return StubConnection(channel: connection, inFlight: inFlight)
        }
      }
    let port = server.channel.localAddress?.port ?? 0
    let stub = StubOpenRouter(
      port: port, validKey: validKey, flavor: flavor, catalogJSON: catalogJSON,
      serverChannel: server.channel)
    Task {
      try? await server.executeThenClose { connections in
        try await withThrowingDiscardingTaskGroup { group in
          for try await connection in connections {
            group.addTask { await stub.serve(connection.channel, inFlight: connection.inFlight) }
          }
        }
      }
    }
    return stub
  }

  public func shutdown() async {
    try? await serverChannel.close()
  }

  // MARK: - Test controls

  /// Answers the next chat completion with `reply`.
  public func enqueue(_ reply: StubReply) {
    enqueue { _ in reply }
  }

  /// Answers the next chat completion with whatever `responder` builds from the request.
  public func enqueue(_ responder: @escaping Responder) {
    state.withLock { $0.queue.append(responder) }
  }

  /// Every request received so far, in order.
  public var requests: [CapturedRequest] { state.withLock { $0.requests } }

  /// The chat completion requests received so far.
  public var chatRequests: [CapturedRequest] {
    requests.filter { $0.path.hasSuffix("/chat/completions") }
  }

  /// When the client closed the connection while request `index` was being answered.
  public func disconnectTime(ofRequest index: Int) -> ContinuousClock.Instant? {
    state.withLock { $0.disconnects[index] }
  }

  /// Waits until the client closes the connection of request `index`. The deadline is long
  /// because it only matters when the test fails: with every suite running at once on two
  /// cores, a close that takes milliseconds alone was seen to take over five seconds.
  public func waitForDisconnect(ofRequest index: Int, timeout: Duration = .seconds(20)) async
    -> ContinuousClock.Instant?
  {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let instant = disconnectTime(ofRequest: index) { return instant }
      try? await Task.sleep(for: .milliseconds(2))
    }
    return nil
  }

  /// Waits until `count` requests have arrived.
  public func waitForRequests(_ count: Int, timeout: Duration = .seconds(5)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if requests.count >= count { return true }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return false
  }
}
