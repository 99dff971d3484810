/// The body of a non-streaming `POST /chat/completions`
/// (OpenRouter.docc/Requests.md, Whole replies).
public struct ChatCompletionResponse: Sendable, Hashable, Decodable {
  public var id: String?
  /// The model that actually served the request (after fallback or alias resolution).
  public var model: String?
  public var provider: String?
  /// Unix seconds; `nil` when absent or outside the years 1970 to 9999.
  public var created: Int?
  public var choices: [Choice]
  public var usage: Usage?

  public struct Choice: Sendable, Hashable, Decodable {
    public var index: Int?
    public var finishReason: FinishReason?
    public var nativeFinishReason: String?
    public var message: Message
    /// A provider failure after partial output, reported inside a 200 body.
    public var error: ErrorBody?

    enum CodingKeys: String, CodingKey {
      case index
      case finishReason = "finish_reason"
      case nativeFinishReason = "native_finish_reason"
      case message, error
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      index = try c.decodeIfPresent(Int.self, forKey: .index)
      finishReason = try c.decodeIfPresent(FinishReason.self, forKey: .finishReason)
      nativeFinishReason = try c.decodeIfPresent(String.self, forKey: .nativeFinishReason)
      message = try c.decodeIfPresent(Message.self, forKey: .message) ?? Message()
      error = try c.decodeIfPresent(ErrorBody.self, forKey: .error)
    }
  }

  public struct Message: Sendable, Hashable, Decodable {
    public var role: String?
    public var content: String?
    public var reasoning: String?
    public var reasoningDetails: [JSONValue]?
    public var toolCalls: [ToolCall]?
    public var refusal: String?
    /// Images a model made (OpenRouter.docc/Multimodal.md, Generated images).
    public var images: [GeneratedImage] = []
    /// The web sources the reply cites (OpenRouter.docc/WebSearch.md, Annotations).
    public var annotations: [URLCitation]?

    init() {}

    enum CodingKeys: String, CodingKey {
      case role, content, reasoning, refusal, images, annotations
      case reasoningDetails = "reasoning_details"
      case toolCalls = "tool_calls"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      role = try c.decodeIfPresent(String.self, forKey: .role)
      // The schema allows an array of parts here too; keep its text.
      if let text = try? c.decodeIfPresent(String.self, forKey: .content) {
        content = text
      } else if let parts = try? c.decodeIfPresent([ContentPart].self, forKey: .content) {
        content = parts.compactMap(\.text).joined()
      }
      reasoning = try? c.decodeIfPresent(String.self, forKey: .reasoning)
      reasoningDetails = try? c.decodeIfPresent([JSONValue].self, forKey: .reasoningDetails)
      toolCalls = try? c.decodeIfPresent([ToolCall].self, forKey: .toolCalls)
      refusal = try? c.decodeIfPresent(String.self, forKey: .refusal)
      if c.contains(.images) {
        images = GeneratedImage.images(in: try? c.decode(JSONValue.self, forKey: .images))
      }
      annotations = (try? c.decodeIfPresent([JSONValue].self, forKey: .annotations))
        .map(URLCitation.citations(in:))
    }
  }

  enum CodingKeys: String, CodingKey {
    case id, model, provider, created, choices, usage
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decodeIfPresent(String.self, forKey: .id)
    model = try c.decodeIfPresent(String.self, forKey: .model)
    provider = try c.decodeIfPresent(String.self, forKey: .provider)
    created = UnixTime.seconds(c, .created)
    choices = try c.decodeIfPresent([Choice].self, forKey: .choices) ?? []
    usage = try c.decodeIfPresent(Usage.self, forKey: .usage)
  }

  /// The reply text of the first choice.
  public var content: String { choices.first?.message.content ?? "" }
  /// The reasoning text of the first choice, from one field only.
  public var reasoning: String? {
    guard let message = choices.first?.message else { return nil }
    if let details = message.reasoningDetails, !details.isEmpty {
      let text = details.compactMap(ReasoningDetailText.displayText(of:)).joined()
      return text.isEmpty ? nil : text
    }
    return message.reasoning
  }
  public var finishReason: FinishReason? { choices.first?.finishReason }
  /// The web sources the first choice cites.
  public var citations: [URLCitation] { choices.first?.message.annotations ?? [] }
}
