import Foundation

/// Whole bodies, as opposed to streams: a non-streaming reply, an error envelope, and the
/// JSON of `GET` endpoints (OpenRouter.docc/Requests.md, Whole replies).
///
/// Pure functions of status, headers and bytes, so tests and the fuzzer reach them without
/// a transport. Every failure is an `OpenRouterError`.
enum ResponseBody {
  /// A top-level `error` in a 2xx body (OpenRouter.docc/EdgeCases.md, case 45).
  static func error(in bytes: [UInt8]) -> OpenRouterError? {
    guard let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(bytes)) else {
      return nil
    }
    return OpenRouterError.from(envelope.error, status: nil, isInBand: true, afterContent: false)
  }

  /// The reply of a non-streaming `POST /chat/completions`.
  /// - Throws: the HTTP error, an error envelope in a 2xx body, a choice's own `error`, a
  ///   finish reason of `error` (both with the partial text), or `decoding`.
  static func completion(status: Int, headers: [(String, String)], body: [UInt8]) throws
    -> ChatCompletionResponse
  {
    guard (200..<300).contains(status) else {
      throw OpenRouterError.fromHTTP(status: status, headers: headers, body: body)
    }
    if let error = error(in: body) { throw error }
    let completion: ChatCompletionResponse
    do {
      completion = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body))
    } catch {
      throw OpenRouterError.decoding(
        "the completion is not valid JSON", body: String(decoding: body.prefix(500), as: UTF8.self))
    }
    if let choiceError = completion.choices.first?.error {
      var error = OpenRouterError.from(choiceError, status: nil, isInBand: true, afterContent: true)
      error.partialContent = completion.content
      throw error
    }
    if completion.finishReason == .error {
      // A reply that says it failed, without saying why, is still a failure.
      var error = OpenRouterError.finishedWithError(
        native: completion.choices.first?.nativeFinishReason, provider: completion.provider,
        afterContent: true)
      error.partialContent = completion.content
      throw error
    }
    return completion
  }

  /// The body of a `GET` endpoint (`/models`, `/key`, `/generation`) as `T`.
  static func decode<T: Decodable>(
    _ type: T.Type, path: String, status: Int, headers: [(String, String)], body: [UInt8]
  ) throws -> T {
    guard (200..<300).contains(status) else {
      throw OpenRouterError.fromHTTP(status: status, headers: headers, body: body)
    }
    if let error = error(in: body) { throw error }
    do {
      return try JSONDecoder().decode(T.self, from: Data(body))
    } catch {
      throw OpenRouterError.decoding(
        "unexpected \(path) body: \(error)", body: String(decoding: body.prefix(500), as: UTF8.self)
      )
    }
  }

  /// The events a stream would have carried for a whole completion.
  static func events(from completion: ChatCompletionResponse, retries: [RetryNotice])
    -> [ChatStreamEvent]
  {
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
