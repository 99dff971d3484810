import Foundation
import NIOCore

/// A client for OpenRouter's chat completions, model catalog, generation stats and key info.
///
/// Stateless apart from its configuration; safe to share between tasks.
public struct OpenRouterClient: Sendable {
  public let configuration: OpenRouterConfiguration
  let transport: any Transport

  public init(configuration: OpenRouterConfiguration, transport: any Transport) {
    self.configuration = configuration
    self.transport = transport
  }

  // MARK: - Non-streaming completion

  /// A non-streaming completion, with retries.
  /// - Throws: `OpenRouterError`; a provider failure after partial output carries the text
  ///   in `partialContent`.
  public func complete(_ request: ChatRequest) async throws -> Completion {
    var request = request
    request.stream = false
    let body = try Self.encode(request)
    return try await withRetries { retries in
      let response = try await send(
        method: "POST", path: "/chat/completions", body: body, accept: "application/json",
        timeout: configuration.requestTimeout)
      let bytes = try await readBody(of: response)
      let completion = try ResponseBody.completion(
        status: response.status, headers: response.headers, body: bytes)
      return Completion(response: completion, retries: retries)
    }
  }

  /// A completion and the retries it took.
  public struct Completion: Sendable {
    public var response: ChatCompletionResponse
    public var retries: [RetryNotice]
  }

  // MARK: - Catalog, generation stats, key

  /// `GET /models`: the model catalog.
  public func models() async throws -> [ModelInfo] {
    return try await withRetries { _ in
      let list: ModelList = try await getJSON("/models")
      return list.data
    }
  }

  /// `GET /generation?id=…`. The record appears a moment after the generation ends, so a
  /// 404 is retried a few times, `notReadyDelay` apart
  /// (OpenRouter.docc/Generation.md, Readiness).
  public func generation(
    id: String, notReadyAttempts: Int = 4, notReadyDelay: Duration = .seconds(1)
  ) async throws -> GenerationStats {
    let query = id.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? id
    var attempt = 1
    while true {
      do {
        let envelope: DataEnvelope<GenerationStats> = try await getJSON("/generation?id=\(query)")
        return envelope.data
      } catch let error as OpenRouterError where error.status == 404 && attempt < notReadyAttempts {
        attempt += 1
        do {
          try await Task.sleep(for: notReadyDelay)
        } catch {
          throw OpenRouterError.cancelled()
        }
      }
    }
  }

  /// `GET /key`: limits and usage of the key.
  public func keyInfo() async throws -> KeyInfo {
    let envelope: DataEnvelope<KeyInfo> = try await getJSON("/key")
    return envelope.data
  }

  // MARK: - Plumbing

  /// `GET path`, decoded as `T`. Every failure is an `OpenRouterError`, already redacted.
  func getJSON<T: Decodable>(_ path: String) async throws -> T {
    do {
      let response = try await send(
        method: "GET", path: path, body: nil, accept: "application/json",
        timeout: configuration.requestTimeout)
      let bytes = try await readBody(of: response)
      return try ResponseBody.decode(
        T.self, path: path, status: response.status, headers: response.headers, body: bytes)
    } catch let error as OpenRouterError {
      throw redact(error)
    } catch is CancellationError {
      throw OpenRouterError.cancelled()
    }
  }

  /// Sends one request. A key that cannot travel in a header is refused here, before the
  /// transport sees it, so no library error can ever quote it.
  func send(method: String, path: String, body: [UInt8]?, accept: String, timeout: Duration?)
    async throws -> TransportResponse
  {
    guard OpenRouterConfiguration.isWellFormedKey(configuration.apiKey) else {
      throw OpenRouterError.invalidKey()
    }
    let request = TransportRequest(
      method: method, url: configuration.url(path),
      headers: headers(accept: accept, hasBody: body != nil),
      body: body, timeout: timeout)
    do {
      return try await transport.send(request)
    } catch let error as TransportError {
      throw mapTransport(error, afterContent: false)
    }
  }

  func headers(accept: String, hasBody: Bool) -> [(String, String)] {
    var headers = [
      ("Authorization", "Bearer \(configuration.apiKey)"),
      ("Accept", accept),
      ("HTTP-Referer", configuration.appURL),
      ("X-Title", configuration.appTitle),
      ("X-OpenRouter-Title", configuration.appTitle),
      ("User-Agent", configuration.userAgent),
    ]
    if hasBody { headers.append(("Content-Type", "application/json")) }
    return headers
  }

  func mapTransport(_ error: TransportError, afterContent: Bool) -> OpenRouterError {
    switch error {
    case .connectFailed(let reason):
      return .network(reason, host: URLComponents(string: configuration.baseURL)?.host)
    case .connectionLost(let reason):
      if afterContent {
        return OpenRouterError(
          category: .interrupted, message: reason, isInBand: true, afterContent: true)
      }
      return .network(reason, host: URLComponents(string: configuration.baseURL)?.host)
    case .timedOut:
      return OpenRouterError(
        category: .timeout,
        message:
          "no complete reply within \(OpenRouterError.seconds(configuration.requestTimeout)) s",
        afterContent: afterContent)
    }
  }

  /// Removes the API key, in any spelling, and anything shaped like a key from every text a
  /// server or the transport put in `error`, so it can never reach logs, the database or
  /// the screen (OpenRouter.docc/Errors.md, The key).
  func redact(_ error: OpenRouterError) -> OpenRouterError {
    error.redacted(by: SecretRedactor(key: configuration.apiKey))
  }

  /// Runs `operation`, retrying transient failures by the configured policy.
  ///
  /// `operation` gets the retries made so far; `onRetry` hears of each one before its wait.
  func withRetries<T>(
    onRetry: (RetryNotice) -> Void = { _ in },
    _ operation: ([RetryNotice]) async throws -> T
  ) async throws -> T {
    var waited = Duration.zero
    var retries: [RetryNotice] = []
    while true {
      do {
        try Task.checkCancellation()
        return try await operation(retries)
      } catch is CancellationError {
        throw OpenRouterError.cancelled()
      } catch var error as OpenRouterError {
        error = redact(error)
        let next = retries.count + 1
        guard
          let delay = configuration.retry.delay(
            beforeRetry: next, after: error, waitedSoFar: waited)
        else {
          error.attempts = next
          error.retryWaits = retries.map(\.delay)
          throw error
        }
        let notice = RetryNotice(attempt: next, delay: delay, error: error)
        retries.append(notice)
        onRetry(notice)
        waited += delay
        do {
          try await Task.sleep(for: delay)
        } catch {
          throw OpenRouterError.cancelled()
        }
      }
    }
  }

  /// The whole body of `response`, at most `maxBufferedBytes` of it
  /// (OpenRouter.docc/EdgeCases.md, case 63). A successful body that is longer fails with a
  /// `decoding` error; an error body is cut instead (at 1 MiB at most), since its start says
  /// enough. Either way reading stops, and the connection closes, at the limit.
  func readBody(of response: TransportResponse) async throws -> [UInt8] {
    let isSuccess = (200..<300).contains(response.status)
    let limit =
      isSuccess ? configuration.maxBufferedBytes : min(configuration.maxBufferedBytes, 1 << 20)
    var bytes: [UInt8] = []
    do {
      for try await buffer in response.body {
        guard bytes.count + buffer.readableBytes <= limit else {
          guard isSuccess else {
            bytes.append(contentsOf: buffer.readableBytesView.prefix(limit - bytes.count))
            return bytes
          }
          throw OpenRouterError.decoding(
            "the response body is larger than \(OpenRouterError.size(limit))",
            errorType: OpenRouterError.tooLargeType)
        }
        bytes.append(contentsOf: buffer.readableBytesView)
      }
    } catch let error as TransportError {
      throw mapTransport(error, afterContent: false)
    }
    return bytes
  }

  // MARK: - Coding

  static func encode(_ request: ChatRequest) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(request))
  }

}
