import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The live transport, on async-http-client.
///
/// Owns its `HTTPClient`; call `shutdown()` before dropping the last reference (the process
/// exiting is fine too).
public final class HTTPClientTransport: Transport {
  private let client: HTTPClient
  private let executor: EventLoopExecutor

  /// Durations become `TimeAmount`s through NIO's own conversion, which clamps instead of
  /// trapping (OpenRouter.docc/EdgeCases.md, case 60).
  ///
  /// - Parameters:
  ///   - connectTimeout: How long one connection attempt may take.
  ///   - retriesFailedConnections: async-http-client's own habit of trying a refused or
  ///     failed connection again until `connectTimeout` has passed. `false` fails at the
  ///     first refusal, for checks that must answer at once (`orchat doctor`); the client's
  ///     `RetryPolicy` still applies either way.
  public init(connectTimeout: Duration = .seconds(10), retriesFailedConnections: Bool = true) {
    var configuration = HTTPClient.Configuration(
      timeout: .init(connect: TimeAmount(connectTimeout)))
    configuration.connectionPool.retryConnectionEstablishment = retriesFailedConnections
    // Proxies and compressions are not in play; OpenRouter streams plain chunked bodies.
    configuration.decompression = .disabled
    // One event loop of the shared group for all connections, so that a body's reader can
    // run on the loop that receives its bytes (`bodyExecutor`).
    let loop = HTTPClient.defaultEventLoopGroup.next()
    executor = EventLoopExecutor(loop: loop)
    client = HTTPClient(eventLoopGroup: loop, configuration: configuration)
  }

  public var bodyExecutor: (any TaskExecutor)? { executor }

  public func shutdown() async {
    try? await client.shutdown()
  }

  public func send(_ request: TransportRequest) async throws -> TransportResponse {
    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    let deadline: NIODeadline = request.timeout.map { .now() + TimeAmount($0) } ?? .distantFuture
    let response: HTTPClientResponse
    do {
      response = try await client.execute(outgoing, deadline: deadline)
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw Self.map(error, beforeResponse: true)
    }
    return TransportResponse(
      status: Int(response.status.code),
      headers: response.headers.map { ($0.name, $0.value) },
      body: MappedBody(base: response.body))
  }

  /// Re-throws body errors as `TransportError` so the client never sees NIO types.
  struct MappedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: HTTPClientResponse.Body

    struct AsyncIterator: AsyncIteratorProtocol {
      var base: HTTPClientResponse.Body.AsyncIterator

      mutating func next() async throws -> ByteBuffer? {
        do {
          return try await base.next()
        } catch is CancellationError {
          throw CancellationError()
        } catch {
          if Task.isCancelled { throw CancellationError() }
          throw HTTPClientTransport.map(error, beforeResponse: false)
        }
      }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator()) }
  }

  static func map(_ error: any Error, beforeResponse: Bool) -> any Error {
    if let error = error as? HTTPClientError {
      switch error {
      case .cancelled: return CancellationError()
      case .deadlineExceeded, .readTimeout: return TransportError.timedOut
      case .connectTimeout: return TransportError.connectFailed("connect timed out")
      case .remoteConnectionClosed:
        return beforeResponse
          ? TransportError.connectFailed("connection closed by the server")
          : TransportError.connectionLost("connection closed by the server")
      default: break
      }
    }
    let reason = describe(error)
    return beforeResponse
      ? TransportError.connectFailed(reason) : TransportError.connectionLost(reason)
  }

  /// A short reason for a NIO or AHC error, without type names.
  static func describe(_ error: any Error) -> String {
    if let io = error as? IOError { return describe(errno: io.errnoCode) }
    if let connection = error as? NIOConnectionError {
      if connection.dnsAError != nil || connection.dnsAAAAError != nil,
        connection.connectionErrors.isEmpty
      {
        return "cannot resolve host \(connection.host)"
      }
      if let first = connection.connectionErrors.first { return describe(first.error) }
    }
    if let channel = error as? ChannelError {
      switch channel {
      case .connectTimeout: return "connect timed out"
      case .ioOnClosedChannel, .alreadyClosed, .eof: return "connection closed"
      default: break
      }
    }
    // Never `String(describing:)`: its associated values quote the request, headers included
    // (a rejected `Authorization` value would print the key).
    if let http = error as? HTTPClientError { return http.shortDescription }
    let text = String(describing: error)
    if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
    if text.localizedCaseInsensitiveContains("reset") { return "connection reset" }
    return text
  }

  private static func describe(errno code: CInt) -> String {
    switch code {
    case ECONNREFUSED: return "connection refused"
    case ECONNRESET: return "connection reset"
    case ETIMEDOUT: return "connection timed out"
    case ENETUNREACH: return "network unreachable"
    case EHOSTUNREACH: return "host unreachable"
    case EPIPE: return "connection closed"
    default: return String(cString: strerror(code))
    }
  }
}
