/// One `data:` payload of a chat completion stream (OpenRouter.docc/Streaming.md, Chunks).
///
/// Decoded leniently: every key is optional, `choices` may be missing, `null` or empty.
struct ChatChunk: Decodable {
  var id: String?
  var model: String?
  var provider: String?
  var choices: [Choice]
  var usage: Usage?
  var error: ErrorBody?

  struct Choice: Decodable {
    var delta: Delta?
    var finishReason: FinishReason?
    var nativeFinishReason: String?
    /// Some providers put a whole `message` instead of a `delta` in a stream.
    var message: Delta?

    enum CodingKeys: String, CodingKey {
      case delta, message
      case finishReason = "finish_reason"
      case nativeFinishReason = "native_finish_reason"
    }
  }

  struct Delta: Decodable {
    var content: String?
    var reasoning: String?
    var reasoningDetails: [JSONValue]?
    var toolCalls: [ToolCallFragment]?
    /// Images a model made (OpenRouter.docc/Multimodal.md, Generated images).
    var images: [GeneratedImage] = []
    /// Sources of a web search, one or a few per delta (OpenRouter.docc/WebSearch.md).
    var annotations: [URLCitation]?

    enum CodingKeys: String, CodingKey {
      case content, reasoning, images, annotations
      case reasoningDetails = "reasoning_details"
      case toolCalls = "tool_calls"
    }

    init() {}

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      content = try? c.decodeIfPresent(String.self, forKey: .content)
      reasoning = try? c.decodeIfPresent(String.self, forKey: .reasoning)
      reasoningDetails = try? c.decodeIfPresent([JSONValue].self, forKey: .reasoningDetails)
      toolCalls = try c.decodeIfPresent([ToolCallFragment].self, forKey: .toolCalls)
      if c.contains(.images) {
        images = GeneratedImage.images(in: try? c.decode(JSONValue.self, forKey: .images))
      }
      annotations = (try? c.decodeIfPresent([JSONValue].self, forKey: .annotations))
        .map(URLCitation.citations(in:))
    }
  }

  enum CodingKeys: String, CodingKey {
    case id, model, provider, choices, usage, error
  }

  init(id: String?, model: String?, provider: String?, choices: [Choice]) {
    self.id = id
    self.model = model
    self.provider = provider
    self.choices = choices
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try? c.decodeIfPresent(String.self, forKey: .id)
    model = try? c.decodeIfPresent(String.self, forKey: .model)
    provider = try? c.decodeIfPresent(String.self, forKey: .provider)
    choices = try c.decodeIfPresent([Choice].self, forKey: .choices) ?? []
    usage = try c.decodeIfPresent(Usage.self, forKey: .usage)
    error = try c.decodeIfPresent(ErrorBody.self, forKey: .error)
  }
}

/// A piece of a streamed tool call (OpenRouter.docc/Streaming.md, Tool-call deltas).
public struct ToolCallFragment: Sendable, Hashable, Decodable {
  public var index: Int?
  public var id: String?
  public var type: String?
  public var name: String?
  public var arguments: String?

  public init(
    index: Int?, id: String? = nil, type: String? = nil, name: String? = nil,
    arguments: String? = nil
  ) {
    self.index = index
    self.id = id
    self.type = type
    self.name = name
    self.arguments = arguments
  }

  enum CodingKeys: String, CodingKey {
    case index, id, type, function
  }

  enum FunctionKeys: String, CodingKey {
    case name, arguments
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    index = try? c.decodeIfPresent(Int.self, forKey: .index)
    id = try? c.decodeIfPresent(String.self, forKey: .id)
    type = try? c.decodeIfPresent(String.self, forKey: .type)
    if let function = try? c.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function) {
      name = try? function.decodeIfPresent(String.self, forKey: .name)
      arguments = try? function.decodeIfPresent(String.self, forKey: .arguments)
    }
  }
}
