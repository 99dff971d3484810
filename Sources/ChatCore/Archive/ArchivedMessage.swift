import ChatDomain
import Foundation

/// A message in an export (see `SessionArchive` for the shape).
public struct ArchivedMessage: Sendable, Hashable, Codable {
  public var id: String
  public var role: MessageRole
  public var content: String
  public var reasoning: String?
  public var agent: String?
  /// The requested model.
  public var model: String?
  public var servedModel: String?
  public var status: MessageStatus
  public var error: String?
  public var finishReason: String?
  public var usage: ArchivedUsage?
  public var generationID: String?
  public var ttftMilliseconds: Int?
  public var durationMilliseconds: Int?
  public var createdAt: ArchiveTime
  /// The position's other messages; always empty inside a variant.
  public var variants: [ArchivedMessage]
  /// The files the message carries, bytes included (exports without this key have none).
  public var attachments: [ArchivedAttachment] = []

  enum CodingKeys: String, CodingKey {
    case id, role, content, reasoning, agent, model, status, error, usage, variants, attachments
    case servedModel = "served_model"
    case finishReason = "finish_reason"
    case generationID = "generation_id"
    case ttftMilliseconds = "ttft_ms"
    case durationMilliseconds = "duration_ms"
    case createdAt = "created_at"
  }

  public init(
    id: String, role: MessageRole, content: String, reasoning: String? = nil,
    agent: String? = nil, model: String? = nil, servedModel: String? = nil,
    status: MessageStatus = .complete, error: String? = nil, finishReason: String? = nil,
    usage: ArchivedUsage? = nil, generationID: String? = nil, ttftMilliseconds: Int? = nil,
    durationMilliseconds: Int? = nil, createdAt: ArchiveTime, variants: [ArchivedMessage] = []
  ) {
    self.id = id
    self.role = role
    self.content = content
    self.reasoning = reasoning
    self.agent = agent
    self.model = model
    self.servedModel = servedModel
    self.status = status
    self.error = error
    self.finishReason = finishReason
    self.usage = usage
    self.generationID = generationID
    self.ttftMilliseconds = ttftMilliseconds
    self.durationMilliseconds = durationMilliseconds
    self.createdAt = createdAt
    self.variants = variants
  }

  init(_ message: Message, variants: [Message], files: [String: Data] = [:]) {
    id = message.id
    role = message.role
    content = message.content
    reasoning = message.reasoning
    agent = message.agent
    model = message.model
    servedModel = message.servedModel
    status = message.status
    error = message.error
    finishReason = message.finishReason
    usage = message.usage.map(ArchivedUsage.init)
    generationID = message.generationID
    ttftMilliseconds = message.timeToFirstTokenMilliseconds
    durationMilliseconds = message.durationMilliseconds
    createdAt = ArchiveTime(message.createdAt)
    self.variants = variants.map { ArchivedMessage($0, variants: [], files: files) }
    attachments = message.attachments.compactMap { attachment in
      files[attachment.sha256].map { ArchivedAttachment(attachment, data: $0) }
    }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    role = try c.decode(MessageRole.self, forKey: .role)
    content = try c.decode(String.self, forKey: .content)
    reasoning = try c.decodeIfPresent(String.self, forKey: .reasoning)
    agent = try c.decodeIfPresent(String.self, forKey: .agent)
    model = try c.decodeIfPresent(String.self, forKey: .model)
    servedModel = try c.decodeIfPresent(String.self, forKey: .servedModel)
    status = try c.decode(MessageStatus.self, forKey: .status)
    error = try c.decodeIfPresent(String.self, forKey: .error)
    finishReason = try c.decodeIfPresent(String.self, forKey: .finishReason)
    usage = try c.decodeIfPresent(ArchivedUsage.self, forKey: .usage)
    generationID = try c.decodeIfPresent(String.self, forKey: .generationID)
    ttftMilliseconds = try c.decodeIfPresent(Int.self, forKey: .ttftMilliseconds)
    durationMilliseconds = try c.decodeIfPresent(Int.self, forKey: .durationMilliseconds)
    createdAt = try c.decode(ArchiveTime.self, forKey: .createdAt)
    variants = try c.decode([ArchivedMessage].self, forKey: .variants)
    attachments = try c.decodeIfPresent([ArchivedAttachment].self, forKey: .attachments) ?? []
  }

  /// The stored message at `position` of `sessionID`.
  func message(sessionID: String, position: Int, isSelected: Bool) -> Message {
    Message(
      id: id, sessionID: sessionID, position: position, isSelected: isSelected, role: role,
      content: content, reasoning: reasoning, agent: agent, model: model,
      servedModel: servedModel, status: status, error: error, finishReason: finishReason,
      usage: usage?.tokenUsage, generationID: generationID,
      timeToFirstTokenMilliseconds: ttftMilliseconds,
      durationMilliseconds: durationMilliseconds, createdAt: createdAt.date)
  }

  /// Every key is written, absent values as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(role, forKey: .role)
    try container.encode(content, forKey: .content)
    try container.encode(reasoning, forKey: .reasoning)
    try container.encode(agent, forKey: .agent)
    try container.encode(model, forKey: .model)
    try container.encode(servedModel, forKey: .servedModel)
    try container.encode(status, forKey: .status)
    try container.encode(error, forKey: .error)
    try container.encode(finishReason, forKey: .finishReason)
    try container.encode(usage, forKey: .usage)
    try container.encode(generationID, forKey: .generationID)
    try container.encode(ttftMilliseconds, forKey: .ttftMilliseconds)
    try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(variants, forKey: .variants)
    try container.encode(attachments, forKey: .attachments)
  }
}

/// `usage` of an exported message.
public struct ArchivedUsage: Sendable, Hashable, Codable {
  public var promptTokens: Int
  public var completionTokens: Int
  public var totalTokens: Int
  public var reasoningTokens: Int
  public var cachedTokens: Int
  /// USD.
  public var cost: Decimal?

  enum CodingKeys: String, CodingKey {
    case cost
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case reasoningTokens = "reasoning_tokens"
    case cachedTokens = "cached_tokens"
  }

  public init(_ usage: TokenUsage) {
    promptTokens = usage.promptTokens
    completionTokens = usage.completionTokens
    totalTokens = usage.totalTokens
    reasoningTokens = usage.reasoningTokens
    cachedTokens = usage.cachedTokens
    cost = usage.cost
  }

  var tokenUsage: TokenUsage {
    TokenUsage(
      promptTokens: promptTokens, completionTokens: completionTokens, totalTokens: totalTokens,
      reasoningTokens: reasoningTokens, cachedTokens: cachedTokens, cost: cost)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(promptTokens, forKey: .promptTokens)
    try container.encode(completionTokens, forKey: .completionTokens)
    try container.encode(totalTokens, forKey: .totalTokens)
    try container.encode(reasoningTokens, forKey: .reasoningTokens)
    try container.encode(cachedTokens, forKey: .cachedTokens)
    try container.encode(cost, forKey: .cost)
  }
}
