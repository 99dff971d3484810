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
  /// The provider that served the reply.
  public var provider: String?
  public var status: MessageStatus
  public var error: String?
  public var finishReason: String?
  public var usage: ArchivedUsage?
  public var generationID: String?
  public var ttftMilliseconds: Int?
  public var durationMilliseconds: Int?
  public var createdAt: ArchiveTime
  /// The web sources the reply cites, numbered from 1 in this order.
  public var citations: [ArchivedCitation]
  /// The position's other messages; always empty inside a variant.
  public var variants: [ArchivedMessage]
  /// The message this one follows (`null` at the root). Written from version 2; a version 1
  /// file has none, and its messages follow one another.
  public var parentID: String?
  /// Whether this is the selected variant at its place (version 2; `null` in version 1,
  /// where the transcript's messages are selected and their variants are not).
  public var isSelected: Bool?
  /// The files the message carries, bytes included (exports without this key have none).
  public var attachments: [ArchivedAttachment] = []

  enum CodingKeys: String, CodingKey {
    case id, role, content, reasoning, agent, model, provider, status, error, usage, variants
    case citations
    case parentID = "parent_id"
    case isSelected = "selected"
    case attachments
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
    durationMilliseconds: Int? = nil, createdAt: ArchiveTime, variants: [ArchivedMessage] = [],
    provider: String? = nil, citations: [ArchivedCitation] = [], parentID: String? = nil,
    isSelected: Bool? = nil
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
    self.provider = provider
    self.citations = citations
    self.parentID = parentID
    self.isSelected = isSelected
  }

  /// Reads every key; `provider`, `citations` and `attachments`, added after the first
  /// exports, and `parent_id` and `selected` (version 2) may be missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    role = try container.decode(MessageRole.self, forKey: .role)
    content = try container.decode(String.self, forKey: .content)
    reasoning = try container.decodeIfPresent(String.self, forKey: .reasoning)
    agent = try container.decodeIfPresent(String.self, forKey: .agent)
    model = try container.decodeIfPresent(String.self, forKey: .model)
    servedModel = try container.decodeIfPresent(String.self, forKey: .servedModel)
    provider = try container.decodeIfPresent(String.self, forKey: .provider)
    status = try container.decode(MessageStatus.self, forKey: .status)
    error = try container.decodeIfPresent(String.self, forKey: .error)
    finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
    usage = try container.decodeIfPresent(ArchivedUsage.self, forKey: .usage)
    generationID = try container.decodeIfPresent(String.self, forKey: .generationID)
    ttftMilliseconds = try container.decodeIfPresent(Int.self, forKey: .ttftMilliseconds)
    durationMilliseconds = try container.decodeIfPresent(Int.self, forKey: .durationMilliseconds)
    createdAt = try container.decode(ArchiveTime.self, forKey: .createdAt)
    citations = try container.decodeIfPresent([ArchivedCitation].self, forKey: .citations) ?? []
    variants = try container.decode([ArchivedMessage].self, forKey: .variants)
    parentID = try container.decodeIfPresent(String.self, forKey: .parentID)
    isSelected = try container.decodeIfPresent(Bool.self, forKey: .isSelected)
    attachments =
      try container.decodeIfPresent([ArchivedAttachment].self, forKey: .attachments) ?? []
  }

  init(_ message: Message, variants: [Message], files: [String: Data] = [:]) {
    id = message.id
    role = message.role
    content = message.content
    reasoning = message.reasoning
    agent = message.agent
    model = message.model
    servedModel = message.servedModel
    provider = message.provider
    status = message.status
    error = message.error
    finishReason = message.finishReason
    usage = message.usage.map(ArchivedUsage.init)
    generationID = message.generationID
    ttftMilliseconds = message.timeToFirstTokenMilliseconds
    durationMilliseconds = message.durationMilliseconds
    createdAt = ArchiveTime(message.createdAt)
    citations = message.citations.map(ArchivedCitation.init)
    self.variants = variants.map { ArchivedMessage($0, variants: [], files: files) }
    parentID = message.parentID
    isSelected = message.isSelected
    attachments = message.attachments.compactMap { attachment in
      files[attachment.sha256].map { ArchivedAttachment(attachment, data: $0) }
    }
  }

  /// The stored message at `position` of `sessionID`, after `parentID`.
  func message(sessionID: String, position: Int, parentID: String?, isSelected: Bool) -> Message {
    Message(
      id: id, sessionID: sessionID, position: position, parentID: parentID,
      isSelected: isSelected, role: role,
      content: content, reasoning: reasoning, agent: agent, model: model,
      servedModel: servedModel, provider: provider, status: status, error: error,
      finishReason: finishReason, usage: usage?.tokenUsage, generationID: generationID,
      timeToFirstTokenMilliseconds: ttftMilliseconds,
      durationMilliseconds: durationMilliseconds, createdAt: createdAt.date,
      citations: citations.map(\.citation))
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
    try container.encode(provider, forKey: .provider)
    try container.encode(status, forKey: .status)
    try container.encode(error, forKey: .error)
    try container.encode(finishReason, forKey: .finishReason)
    try container.encode(usage, forKey: .usage)
    try container.encode(generationID, forKey: .generationID)
    try container.encode(ttftMilliseconds, forKey: .ttftMilliseconds)
    try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(citations, forKey: .citations)
    try container.encode(variants, forKey: .variants)
    try container.encode(parentID, forKey: .parentID)
    try container.encode(isSelected, forKey: .isSelected)
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
  /// Web searches the reply ran, when reported.
  public var webSearches: Int?
  /// What prompt caching saved, USD, when reported.
  public var cacheSavings: Decimal?

  enum CodingKeys: String, CodingKey {
    case cost
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case reasoningTokens = "reasoning_tokens"
    case cachedTokens = "cached_tokens"
    case webSearches = "web_searches"
    case cacheSavings = "cache_savings"
  }

  public init(_ usage: TokenUsage) {
    promptTokens = usage.promptTokens
    completionTokens = usage.completionTokens
    totalTokens = usage.totalTokens
    reasoningTokens = usage.reasoningTokens
    cachedTokens = usage.cachedTokens
    cost = usage.cost
    webSearches = usage.webSearches
    cacheSavings = usage.cacheSavings
  }

  var tokenUsage: TokenUsage {
    TokenUsage(
      promptTokens: promptTokens, completionTokens: completionTokens, totalTokens: totalTokens,
      reasoningTokens: reasoningTokens, cachedTokens: cachedTokens, cost: cost,
      webSearches: webSearches, cacheSavings: cacheSavings)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(promptTokens, forKey: .promptTokens)
    try container.encode(completionTokens, forKey: .completionTokens)
    try container.encode(totalTokens, forKey: .totalTokens)
    try container.encode(reasoningTokens, forKey: .reasoningTokens)
    try container.encode(cachedTokens, forKey: .cachedTokens)
    try container.encode(cost, forKey: .cost)
    try container.encode(webSearches, forKey: .webSearches)
    try container.encode(cacheSavings, forKey: .cacheSavings)
  }
}

/// A source in an export: `{"url", "title", "start_index", "end_index"}`.
public struct ArchivedCitation: Sendable, Hashable, Codable {
  public var url: String
  public var title: String
  public var startIndex: Int?
  public var endIndex: Int?

  enum CodingKeys: String, CodingKey {
    case url, title
    case startIndex = "start_index"
    case endIndex = "end_index"
  }

  public init(url: String, title: String = "", startIndex: Int? = nil, endIndex: Int? = nil) {
    self.url = url
    self.title = title
    self.startIndex = startIndex
    self.endIndex = endIndex
  }

  public init(_ citation: Citation) {
    self.init(
      url: citation.url, title: citation.title, startIndex: citation.startIndex,
      endIndex: citation.endIndex)
  }

  var citation: Citation {
    Citation(url: url, title: title, startIndex: startIndex, endIndex: endIndex)
  }

  /// Every key is written, absent indices as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(url, forKey: .url)
    try container.encode(title, forKey: .title)
    try container.encode(startIndex, forKey: .startIndex)
    try container.encode(endIndex, forKey: .endIndex)
  }
}
