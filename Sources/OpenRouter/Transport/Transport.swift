import NIOCore

/// The HTTP seam of the client: one request in, a status, headers and a body of byte
/// chunks out. The live implementation is `HTTPClientTransport`; tests may supply their own
/// to feed bytes straight to the client.
public protocol Transport: Sendable {
  /// Sends a request and returns once the response head has arrived.
  ///
  /// Cancelling the calling task, or abandoning the body, must close the connection.
  /// - Throws: `TransportError` for failures before the head arrived.
  func send(_ request: TransportRequest) async throws -> TransportResponse

  /// Where a task that reads response bodies should run, when reading on the thread that
  /// receives the bytes saves a hand-over per read; `nil` (the default) for anywhere.
  var bodyExecutor: (any TaskExecutor)? { get }
}

extension Transport {
  public var bodyExecutor: (any TaskExecutor)? { nil }
}

public struct TransportRequest: Sendable {
  public var method: String
  public var url: String
  public var headers: [(String, String)]
  public var body: [UInt8]?
  /// Deadline for the whole exchange, body included; `nil` for none (streams use the
  /// client's idle timeout instead).
  public var timeout: Duration?

  public init(
    method: String, url: String, headers: [(String, String)], body: [UInt8]? = nil,
    timeout: Duration? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
  }
}

public struct TransportResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: any AsyncSequence<ByteBuffer, any Error> & Sendable

  public init(
    status: Int, headers: [(String, String)],
    body: any AsyncSequence<ByteBuffer, any Error> & Sendable
  ) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The first value of a header, by case-insensitive name.
  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }
}

/// Why a transport could not deliver a response or its body.
public enum TransportError: Error, Sendable, Hashable {
  /// No connection could be made (refused, unreachable, DNS, TLS, connect timeout).
  case connectFailed(String)
  /// The connection broke while the response was being read.
  case connectionLost(String)
  /// The request's own deadline passed.
  case timedOut
}
