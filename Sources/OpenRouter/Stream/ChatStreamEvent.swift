import Foundation

/// What a streamed chat completion delivers, in order.
public enum ChatStreamEvent: Sendable, Hashable {
  /// The generation id and the model and provider that actually serve the request
  /// (after fallback); sent once, with the first chunk that names them.
  case metadata(ResponseMetadata)
  /// A piece of the reply text.
  case content(String)
  /// A piece of the reasoning text (from one field only, never mirrored twice).
  case reasoning(String)
  /// A piece of a tool call; `index` is already resolved
  /// (OpenRouter.docc/EdgeCases.md, cases 27–32).
  case toolCall(ToolCallFragment)
  /// An image the model made, whole (OpenRouter.docc/Multimodal.md, Generated images).
  case image(GeneratedImage)
  /// Web sources the reply cites, each reported once, in order of arrival
  /// (OpenRouter.docc/WebSearch.md, Annotations).
  case annotations([URLCitation])
  /// The first non-null finish reason.
  case finishReason(FinishReason)
  /// Token counts and cost (the last usage object seen wins).
  case usage(Usage)
  /// A failed attempt before any content; the client waits `delay` and tries again.
  case retrying(RetryNotice)
  /// The stream ended normally.
  case finished(StreamSummary)
}

/// Identity of the generation.
public struct ResponseMetadata: Sendable, Hashable {
  public var generationID: String?
  public var model: String?
  public var provider: String?

  public init(generationID: String? = nil, model: String? = nil, provider: String? = nil) {
    self.generationID = generationID
    self.model = model
    self.provider = provider
  }
}

/// One retry the client made, for the request log.
public struct RetryNotice: Sendable, Hashable {
  /// 1 for the first retry.
  public var attempt: Int
  public var delay: Duration
  /// What failed on the attempt before.
  public var error: OpenRouterError

  public init(attempt: Int, delay: Duration, error: OpenRouterError) {
    self.attempt = attempt
    self.delay = delay
    self.error = error
  }
}

/// The whole result of a stream that ended normally.
public struct StreamSummary: Sendable, Hashable {
  public var metadata: ResponseMetadata
  public var content: String
  public var reasoning: String
  /// Normalised: tool calls present with `stop` or no finish reason count as `toolCalls`.
  public var finishReason: FinishReason?
  public var nativeFinishReason: String?
  /// `nil` when the stream ended without a usage chunk.
  public var usage: Usage?
  public var toolCalls: [ToolCall]
  /// Reasoning items to send back with this assistant turn, runs of text items merged
  /// (OpenRouter.docc/Streaming.md, Reasoning deltas).
  public var reasoningDetails: [JSONValue]
  /// Retries made before this stream started.
  public var retries: [RetryNotice]
  /// The web sources cited, in order of arrival, repeats left out.
  public var annotations: [URLCitation] = []

  public init(
    metadata: ResponseMetadata = .init(), content: String = "", reasoning: String = "",
    finishReason: FinishReason? = nil, nativeFinishReason: String? = nil, usage: Usage? = nil,
    toolCalls: [ToolCall] = [], reasoningDetails: [JSONValue] = [], retries: [RetryNotice] = []
  ) {
    self.metadata = metadata
    self.content = content
    self.reasoning = reasoning
    self.finishReason = finishReason
    self.nativeFinishReason = nativeFinishReason
    self.usage = usage
    self.toolCalls = toolCalls
    self.reasoningDetails = reasoningDetails
    self.retries = retries
  }
}
