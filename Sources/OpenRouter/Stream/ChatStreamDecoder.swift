import Foundation

/// Turns the bytes of a chat completion stream into `ChatStreamEvent`s
/// (OpenRouter.docc/Streaming.md, Accumulation).
///
/// Pure and synchronous, so tests and the fuzzer can feed it bytes directly. The client
/// wraps it with transport, retries and timeouts.
///
/// - Keep-alive comments, empty events and comments wrapped in `data:` by broken proxies are
///   skipped; `[DONE]` ends the stream.
/// - A top-level `error` object is thrown as `OpenRouterError` (after the content already
///   returned), whether or not `[DONE]` follows.
/// - The reply is complete at `[DONE]`, or at a chunk with `usage` that comes after the
///   chunk with the finish reason; nothing after that is read (OpenRouter.docc/Streaming.md,
///   Completion).
/// - A reply that completes with the finish reason `error` but no `error` object throws an
///   `upstream` error rather than succeeding.
/// - `finish()` at end of input throws `interrupted` unless `[DONE]` or a finish reason came.
/// - A line, an event or the reply's text larger than `maxBufferedBytes` throws a
///   `decoding` error (OpenRouter.docc/EdgeCases.md, cases 61–62).
///
/// **Invariants:** once `isDone`, every further byte is ignored; `finishReason` is never
/// reset to `nil` by a later chunk; `usage` holds the last usage object seen; `replyBytes`
/// never exceeds `maxBufferedBytes`.
public struct ChatStreamDecoder: Sendable {
  private var sse: SSEDecoder
  /// The most bytes of one line, one event, or the reply's text held at once.
  public let maxBufferedBytes: Int
  /// Bytes of text, reasoning, tool-call arguments and reasoning items held so far.
  private var replyBytes = 0
  private var pendingEvents: [SSEEvent] = []
  private var metadata = ResponseMetadata()
  private var sentMetadata = false
  private var content = ""
  private var reasoning = ""
  private var finishReason: FinishReason?
  private var nativeFinishReason: String?
  private var usage: Usage?
  private var toolCalls = ToolCallAssembler()
  private var reasoningDetails = ReasoningDetailsMerger()
  private var annotations = CitationCollector()

  /// True after `[DONE]` (or an in-band error): nothing more will be read.
  public private(set) var isDone = false
  /// True once any content, reasoning or tool-call delta was returned.
  public private(set) var hasDelivered = false

  private static let jsonDecoder = JSONDecoder()
  /// Whether the usual text chunk is read by `ChunkScanner` (off only where tests and the
  /// fuzzer compare it with the general decoder).
  var scansChunks = true

  public init(maxBufferedBytes: Int = SSEDecoder.defaultLimit) {
    self.maxBufferedBytes = maxBufferedBytes
    sse = SSEDecoder(maxLineLength: maxBufferedBytes, maxEventLength: maxBufferedBytes)
  }

  /// Decodes the next piece of the byte stream, appending its events to `output`.
  ///
  /// Events decoded before a failure are appended before the error is thrown, so partial
  /// content arriving in the same read as an in-band error is never lost.
  /// - Throws: `OpenRouterError` for an in-band error or a chunk that is not JSON.
  public mutating func push(_ bytes: UnsafeRawBufferPointer, into output: inout [ChatStreamEvent])
    throws
  {
    guard !isDone else { return }
    pendingEvents.removeAll(keepingCapacity: true)
    sse.push(bytes, into: &pendingEvents)
    for event in pendingEvents {
      try handle(event, into: &output)
      if isDone { return }
    }
    if let overflow = sse.overflow {
      isDone = true
      let what: String
      switch overflow {
      case .line(let limit): what = "a stream line is longer than \(OpenRouterError.size(limit))"
      case .event(let limit): what = "a stream event is larger than \(OpenRouterError.size(limit))"
      }
      throw OpenRouterError.decoding(
        what, errorType: OpenRouterError.tooLargeType, afterContent: hasDelivered)
    }
  }

  /// Decodes the next piece of the byte stream, appending its events to `output`.
  public mutating func push(_ bytes: [UInt8], into output: inout [ChatStreamEvent]) throws {
    try bytes.withUnsafeBytes { try push($0, into: &output) }
  }

  /// Ends the input, appending the remaining events (ending with `.finished`) to `output`.
  /// - Throws: `interrupted` when the stream stopped without `[DONE]` or a finish reason.
  public mutating func finish(into output: inout [ChatStreamEvent]) throws {
    guard !isDone else { return }
    // A last event without its blank line is used only if it is whole
    // (OpenRouter.docc/Streaming.md, End of input).
    if let last = sse.finish() {
      let payload = Self.trimmed(last.data)
      if payload == "[DONE]"
        || (try? Self.jsonDecoder.decode(JSONValue.self, from: Data(payload.utf8))) != nil
      {
        try handle(last, into: &output)
        if isDone { return }
      }
    }
    guard finishReason != nil else {
      isDone = true
      throw OpenRouterError.interrupted(afterContent: hasDelivered)
    }
    try complete(into: &output)
  }

  /// Ends the reply: `.finished`, or the failure a finish reason of `error` stands for.
  private mutating func complete(into output: inout [ChatStreamEvent]) throws {
    isDone = true
    if finishReason == .error {
      throw OpenRouterError.finishedWithError(
        native: nativeFinishReason, provider: metadata.provider, afterContent: hasDelivered)
    }
    output.append(.finished(summary))
  }

  /// True once a finish reason arrived: the reply is complete even if `[DONE]` never comes.
  public var hasFinishReason: Bool { finishReason != nil }

  /// Everything received so far.
  public var summary: StreamSummary {
    var reason = finishReason
    if !toolCalls.isEmpty, reason == nil || reason == .stop { reason = .toolCalls }
    var summary = StreamSummary(
      metadata: metadata, content: content, reasoning: reasoning, finishReason: reason,
      nativeFinishReason: nativeFinishReason, usage: usage, toolCalls: toolCalls.toolCalls,
      reasoningDetails: reasoningDetails.items)
    summary.annotations = annotations.items
    return summary
  }

  // MARK: - Events

  private mutating func handle(_ event: SSEEvent, into output: inout [ChatStreamEvent]) throws {
    let payload = Self.trimmed(event.data)
    if payload.isEmpty || payload.hasPrefix(":") { return }
    if payload == "[DONE]" {
      try complete(into: &output)
      return
    }
    let chunk: ChatChunk
    do {
      if scansChunks, let scanned = ChunkScanner.chunk(payload) {
        chunk = scanned
      } else {
        chunk = try Self.jsonDecoder.decode(ChatChunk.self, from: Data(payload.utf8))
      }
    } catch {
      isDone = true
      if event.type == "error" {
        throw OpenRouterError(
          category: .upstream, message: String(payload), isInBand: true, afterContent: hasDelivered)
      }
      throw OpenRouterError.decoding(
        "a stream event is not a JSON chunk", body: String(payload), afterContent: hasDelivered)
    }
    try apply(chunk, into: &output)
  }

  private mutating func apply(_ chunk: ChatChunk, into output: inout [ChatStreamEvent]) throws {
    if let error = chunk.error {
      isDone = true
      var failure = OpenRouterError.from(
        error, status: nil, isInBand: true, afterContent: hasDelivered)
      if failure.providerName?.isEmpty ?? true {
        failure.providerName = chunk.provider.flatMap { $0.isEmpty ? nil : $0 } ?? metadata.provider
      }
      throw failure
    }
    let finishedBefore = finishReason != nil
    if metadata.generationID == nil, let id = chunk.id, !id.isEmpty { metadata.generationID = id }
    if metadata.model == nil, let model = chunk.model, !model.isEmpty { metadata.model = model }
    if metadata.provider == nil, let provider = chunk.provider, !provider.isEmpty {
      metadata.provider = provider
    }
    if !sentMetadata, metadata.model != nil || metadata.generationID != nil {
      sentMetadata = true
      output.append(.metadata(metadata))
    }
    if let chunkUsage = chunk.usage {
      usage = chunkUsage
      output.append(.usage(chunkUsage))
    }
    if let choice = chunk.choices.first {
      if let delta = choice.delta ?? choice.message {
        try applyDelta(delta, into: &output)
      }
      if let reason = choice.finishReason, finishReason == nil {
        finishReason = reason
        nativeFinishReason = choice.nativeFinishReason
        output.append(.finishReason(reason))
      }
    }
    // Usage after the finish reason is the last thing a reply sends: it is complete, even if
    // the server keeps the connection open (OpenRouter.docc/Streaming.md, Completion).
    if finishedBefore, chunk.usage != nil { try complete(into: &output) }
  }

  private mutating func applyDelta(_ delta: ChatChunk.Delta, into output: inout [ChatStreamEvent])
    throws
  {
    if let details = delta.reasoningDetails, !details.isEmpty {
      // `reasoning` mirrors these items: show the text from one field only
      // (OpenRouter.docc/Streaming.md, Reasoning deltas).
      try hold(details.reduce(0) { $0 + Self.textBytes(of: $1) })
      for detail in details { reasoningDetails.add(detail) }
      let text = details.compactMap(ReasoningDetailText.displayText(of:)).joined()
      if !text.isEmpty { emitReasoning(text, into: &output) }
    } else if let text = delta.reasoning, !text.isEmpty {
      try hold(text.utf8.count)
      emitReasoning(text, into: &output)
    }
    if let text = delta.content, !text.isEmpty {
      try hold(text.utf8.count)
      content += text
      hasDelivered = true
      output.append(.content(text))
    }
    for fragment in delta.toolCalls ?? [] {
      try hold((fragment.arguments?.utf8.count ?? 0) + (fragment.name?.utf8.count ?? 0))
      hasDelivered = true
      output.append(.toolCall(toolCalls.add(fragment)))
    }
    for image in delta.images {
      hasDelivered = true
      output.append(.image(image))
    }
    if let items = delta.annotations, !items.isEmpty {
      let added = annotations.add(items)
      if !added.isEmpty { output.append(.annotations(added)) }
    }
  }

  /// Counts `bytes` more of the reply against the limit, or throws before holding them.
  private mutating func hold(_ bytes: Int) throws {
    guard replyBytes + bytes <= maxBufferedBytes else {
      isDone = true
      throw OpenRouterError.decoding(
        "the reply is larger than \(OpenRouterError.size(maxBufferedBytes))",
        errorType: OpenRouterError.tooLargeType, afterContent: hasDelivered)
    }
    replyBytes += bytes
  }

  /// The bytes of every string inside a reasoning item.
  private static func textBytes(of value: JSONValue) -> Int {
    switch value {
    case .string(let text): return text.utf8.count
    case .array(let items): return items.reduce(0) { $0 + textBytes(of: $1) }
    case .object(let members): return members.values.reduce(0) { $0 + textBytes(of: $1) }
    default: return 0
    }
  }

  /// The payload without surrounding ASCII whitespace (the only whitespace JSON has).
  /// Foundation's `trimmingCharacters` costs more than the JSON decoding on Linux; this is
  /// on the per-token path.
  static func trimmed(_ text: String) -> Substring {
    let utf8 = text.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, Self.isSpace(utf8[start]) { start = utf8.index(after: start) }
    while end > start, Self.isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    return text[start..<end]
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private mutating func emitReasoning(_ text: String, into output: inout [ChatStreamEvent]) {
    reasoning += text
    hasDelivered = true
    output.append(.reasoning(text))
  }
}
