/// One message of a chat request (`messages[]`).
public struct ChatMessage: Sendable, Hashable, Codable {
  public enum Role: String, Sendable, Hashable, Codable {
    case system, developer, user, assistant, tool
  }

  /// A message body: plain text or an array of typed parts (text, images, files).
  public enum Content: Sendable, Hashable, Codable {
    case text(String)
    case parts([ContentPart])

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        self = .text(text)
      } else {
        self = .parts(try container.decode([ContentPart].self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .parts(let parts): try container.encode(parts)
      }
    }

    /// The text of the body, parts joined; images and files are left out.
    public var text: String {
      switch self {
      case .text(let text): return text
      case .parts(let parts): return parts.compactMap(\.text).joined()
      }
    }
  }

  public var role: Role
  public var content: Content?
  public var name: String?
  public var toolCallID: String?
  public var toolCalls: [ToolCall]?
  /// The reasoning text of an earlier assistant turn, sent back to keep a chain of thought.
  public var reasoning: String?
  /// Structured reasoning of an earlier assistant turn, exactly as received.
  public var reasoningDetails: [JSONValue]?

  public init(
    role: Role, content: Content?, name: String? = nil, toolCallID: String? = nil,
    toolCalls: [ToolCall]? = nil, reasoning: String? = nil, reasoningDetails: [JSONValue]? = nil
  ) {
    self.role = role
    self.content = content
    self.name = name
    self.toolCallID = toolCallID
    self.toolCalls = toolCalls
    self.reasoning = reasoning
    self.reasoningDetails = reasoningDetails
  }

  public static func system(_ text: String) -> ChatMessage {
    .init(role: .system, content: .text(text))
  }
  public static func user(_ text: String) -> ChatMessage {
    .init(role: .user, content: .text(text))
  }
  public static func assistant(_ text: String) -> ChatMessage {
    .init(role: .assistant, content: .text(text))
  }

  enum CodingKeys: String, CodingKey {
    case role, content, name
    case toolCallID = "tool_call_id"
    case toolCalls = "tool_calls"
    case reasoning
    case reasoningDetails = "reasoning_details"
  }
}

/// One part of a multi-part message body.
public struct ContentPart: Sendable, Hashable, Codable {
  public var type: String
  public var text: String?
  public var imageURL: ImageURL?
  /// A prompt-cache breakpoint: the provider caches the prompt up to and including this
  /// part (OpenRouter.docc/PromptCaching.md, Breakpoints).
  public var cacheControl: CacheControl?
  /// Parts of types orchat does not model (`file`, `input_audio`, …), kept verbatim.
  public var other: [String: JSONValue]?

  public struct ImageURL: Sendable, Hashable, Codable {
    public var url: String
    public var detail: String?

    public init(url: String, detail: String? = nil) {
      self.url = url
      self.detail = detail
    }
  }

  public static func text(_ text: String) -> ContentPart {
    ContentPart(type: "text", text: text, imageURL: nil, other: nil)
  }

  /// A text part that ends a cached prefix.
  public static func text(_ text: String, cacheControl: CacheControl) -> ContentPart {
    var part = ContentPart.text(text)
    part.cacheControl = cacheControl
    return part
  }

  public static func image(url: String, detail: String? = nil) -> ContentPart {
    ContentPart(
      type: "image_url", text: nil, imageURL: ImageURL(url: url, detail: detail), other: nil)
  }

  enum CodingKeys: String, CodingKey {
    case type, text
    case imageURL = "image_url"
    case cacheControl = "cache_control"
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(type: String, text: String?, imageURL: ImageURL?, other: [String: JSONValue]?) {
    self.type = type
    self.text = text
    self.imageURL = imageURL
    self.other = other
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    type = try c.decode(String.self, forKey: .type)
    text = try c.decodeIfPresent(String.self, forKey: .text)
    imageURL = try c.decodeIfPresent(ImageURL.self, forKey: .imageURL)
    cacheControl = try c.decodeIfPresent(CacheControl.self, forKey: .cacheControl)
    let all = try decoder.container(keyedBy: AnyKey.self)
    var extra: [String: JSONValue] = [:]
    let known = ["type", "text", "image_url", "cache_control"]
    for key in all.allKeys where !known.contains(key.stringValue) {
      extra[key.stringValue] = try all.decode(JSONValue.self, forKey: key)
    }
    other = extra.isEmpty ? nil : extra
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(type, forKey: .type)
    try c.encodeIfPresent(text, forKey: .text)
    try c.encodeIfPresent(imageURL, forKey: .imageURL)
    try c.encodeIfPresent(cacheControl, forKey: .cacheControl)
    if let other {
      var all = encoder.container(keyedBy: AnyKey.self)
      for (key, value) in other { try all.encode(value, forKey: AnyKey(stringValue: key)) }
    }
  }
}

/// `cache_control` of a content part (OpenRouter.docc/PromptCaching.md, Breakpoints).
public struct CacheControl: Sendable, Hashable, Codable {
  /// `ephemeral`, the only type there is.
  public var type: String
  /// How long the provider keeps the entry: `5m` (the default) or `1h` where supported.
  public var ttl: String?

  public init(type: String = "ephemeral", ttl: String? = nil) {
    self.type = type
    self.ttl = ttl
  }

  /// A breakpoint with the provider's default lifetime.
  public static let ephemeral = CacheControl()
}
